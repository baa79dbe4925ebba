"""The timing sweep command: it runs and prints its table (timings are never asserted)."""

from __future__ import annotations

import argparse

import pytest

from dealscope import cli, sweep


def test_sweep_prints_a_row_per_input_engine_op_and_size(capsys):
    code = cli.main(["sweep", "--scale", "0.001", "--factors", "1,3",
                     "--ops", "tokenize,amounts,dates"])
    assert code == 0
    out = capsys.readouterr().out.splitlines()
    header = next(i for i, line in enumerate(out) if line.startswith("input"))
    assert out[header].split() == ["input", "engine", "op", "size", "unit", "seconds", "per",
                                   "unit", "×"]
    rows = out[header + 2:]
    assert len(rows) == len(sweep.INPUTS) * 2 * 3 * 2
    first = [r for r in rows if r.startswith("digits before") and " rust " in r
             and " amounts " in r]
    # The sizes are the scaled base (100 digits) times each factor; the first is the unit.
    assert [r.split()[5] for r in first] == ["100", "300"]
    assert first[0].split()[-1] == "1.00"


def test_sweep_refuses_bad_options(capsys):
    with pytest.raises(argparse.ArgumentTypeError):
        sweep._factors("1,x")
    with pytest.raises(argparse.ArgumentTypeError):
        sweep._factors("0,2")
    assert cli.main(["sweep", "--ops", "nothing", "--scale", "0.001"]) == 2
    assert "unknown op nothing" in capsys.readouterr().out
