"""tests/accuracy/score.py: a case is right only when the deals found are the deals expected."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SPEC = importlib.util.spec_from_file_location(
    "score", Path(__file__).parent / "accuracy" / "score.py")
score = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(score)

TEXT = ["Nvidia will invest $5 billion in Intel."]


def test_a_case_whose_deals_are_found_is_right():
    case = {"texts": TEXT, "deals": [
        {"kind": "investment", "source": "Nvidia", "target": "Intel", "usd": 5e9}]}
    assert score.wrong(case, "rust") == ([], [])


def test_a_wrong_figure_is_a_missing_deal_and_an_extra_one():
    want = {"kind": "investment", "source": "Nvidia", "target": "Intel", "usd": 6e9}
    missing, extra = score.wrong({"texts": TEXT, "deals": [want]}, "rust")
    assert missing == [want]
    assert [(d["source"], d["target"], d["usd_low"]) for d in extra] == [("Nvidia", "Intel", 5e9)]


def test_a_deal_found_where_none_is_expected_is_extra():
    missing, extra = score.wrong({"texts": TEXT, "deals": []}, "python")
    assert missing == [] and len(extra) == 1


def test_a_text_repeated_by_a_later_set_is_counted_once(tmp_path, capsys):
    case = ('[[case]]\nname = "x"\ntexts = ["Nvidia will invest $5 billion in Intel."]\n'
            'deals = []\n')
    for name in ("held2.toml", "held10.toml"):
        (tmp_path / name).write_text(case, encoding="utf-8")
    score.main([str(tmp_path / "held10.toml"), str(tmp_path / "held2.toml")])
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2:] == ["all: 2 of 2 wrong",
                          "distinct texts: 1 of 1 wrong (1 case repeats an earlier case's texts)"]


def test_a_set_may_be_named_without_its_folder_or_suffix(capsys):
    score.main(["held98"])
    assert capsys.readouterr().out.splitlines()[0].startswith("held98: ")
