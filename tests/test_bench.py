"""The benchmark's corpus and options (its figures are printed, never asserted)."""

from __future__ import annotations

import argparse
import re

import polars as pl
import pytest

import dealscope as ds
from dealscope.bench import corpus, parse_size


def test_sizes_parse():
    assert parse_size("10MB") == 10
    assert parse_size("1GB") == 1024
    assert parse_size("512kb") == 0.5
    with pytest.raises(argparse.ArgumentTypeError):
        parse_size("ten")


def test_corpus_is_deterministic_and_sized():
    a, b = corpus(0.2), corpus(0.2)
    assert a == b
    assert sum(len(d.encode()) for d in a) >= 0.2 * 2**20
    assert len({ds.detect_languages(a).to_list()[i] for i in range(len(a))}) >= 3


def test_thread_count_does_not_change_results():
    docs = corpus(0.2)
    for fn in (ds.tokenize, ds.parse_amounts, ds.parse_dates, ds.find_names):
        assert fn(docs, threads=1).equals(fn(docs, threads=2))
    for one, two in zip(ds.tokens_and_amounts(docs, threads=1),
                        ds.tokens_and_amounts(docs, threads=2), strict=True):
        assert one.equals(two)
    with pytest.raises(ValueError, match="threads must be at least 1"):
        ds.tokenize("x", threads=0)


def test_streamed_documents_are_the_corpus_and_batches_keep_them_all():
    from dealscope.bench import documents, in_batches

    docs = corpus(0.3)
    assert list(documents(0.3)) == docs
    assert corpus(0.1) == docs[:len(corpus(0.1))]  # a smaller size is a prefix: the sample
    got = list(in_batches(iter(docs), 50_000))
    assert len(got) > 3
    assert [d for batch, _ in got for d in batch] == docs
    assert all(size == sum(len(d.encode()) for d in batch) for batch, size in got)
    assert all(size >= 50_000 for _, size in got[:-1])


def test_bench_reports_every_stage_on_a_small_corpus():
    from dealscope.bench import SERIES_INPUT, markdown, run

    report = run(0.2, runs=1, python_runs=1, threads=2, batch_mb=0.05, sample_mb=0.1,
                 extract_mb=0.15)
    stages = {(r["stage"], r["engine"], r["scope"]) for r in report["rows"]}
    for stage in ("tokenize", "parse_amounts", "tokenize + parse_amounts", "parse_dates",
                  "find_names"):
        assert (stage, "rust 2 threads", "whole corpus, streamed") in stages
        assert any(r["stage"] == stage and r["engine"] == "python" and r["mb"] <= 0.11
                   and r["scope"].startswith("first") for r in report["rows"])
    assert ("tokenize + parse_amounts", SERIES_INPUT, "whole corpus, streamed") in stages
    assert report["corpus"]["megabytes"] >= 0.2
    assert any(r["stage"].startswith("extract") and r["mb"] > 0.14 for r in report["rows"])
    assert "| tokenize | rust 1 thread | whole corpus, streamed |" in markdown(report)
    # On the sample, the Rust engine's first call is shown apart, its ratio beside.
    for r in report["rows"]:
        assert r["first_s"] > 0
        if r["engine"] == "rust 1 thread" and r["scope"].startswith("first"):
            python = next(p for p in report["rows"] if p["stage"] == r["stage"]
                          and p["engine"] == "python" and p["scope"] == r["scope"])
            assert r["ratio_first_call"] == python["median_s"] / r["first_s"]
            assert f"({r['ratio_first_call']:.1f}×) |" in markdown(report)
    # Every target is reported, its verdict read from the figure it names.
    verdicts = {t["target"]: t for t in report["targets"]}
    assert len(verdicts) == 6
    # The money amounts found against the regex's matches, on the same streamed texts.
    from dealscope.bench import _regex_count, documents

    docs = list(documents(0.2))
    money = ds.parse_amounts(docs).filter(kind="money").height
    matches = _regex_count(pl.Series(docs))
    found = verdicts["… finding more money amounts than the regex matches"]
    assert found["measured"] == f"{money:,} against {matches:,}"
    assert found["met"] == (money > matches)
    ratio = next(r["ratio_vs_python"] for r in report["rows"]
                 if r["stage"] == "tokenize" and r.get("ratio_vs_python"))
    tok = verdicts["tokenize: Rust ≥ 30× the Python engine (1 thread)"]
    assert tok["measured"].startswith(f"{ratio:.1f}×")
    # On so small a corpus no speed target is judged; the count above is.
    assert [t["met"] for t in report["targets"]] == [None] * 5 + [money > matches]
    assert "| target | measured | met |" in markdown(report)
    assert "| not judged (under 10 MB) |" in markdown(report)


def _row(stage, engine, mb_per_s, scope="whole corpus, streamed", **extra):
    return {"stage": stage, "engine": engine, "scope": scope, "mb_per_s": mb_per_s,
            "rows": 100, **extra}


@pytest.mark.parametrize(("regex_mb_s", "faster"), [(150.0, True), (600.0, False)])
def test_targets_are_judged_from_the_figures_on_a_large_corpus(regex_mb_s, faster):
    from dealscope.bench import targets

    rows = [
        _row("tokenize", "rust 1 thread", 500.0, "first 10 MB", ratio_vs_python=110.0),
        _row("parse_amounts", "rust 1 thread", 230.0, "first 10 MB", ratio_vs_python=25.0),
        _row("tokenize + parse_amounts", "rust 1 thread", 190.0),
        _row("decode only", "reference", 2000.0),
        _row("money regex (polars)", "reference", regex_mb_s),
    ]
    got = {t["target"]: t["met"] for t in targets(rows, money_found=150, megabytes=100)}
    assert got == {
        "tokenize: Rust ≥ 30× the Python engine (1 thread)": True,
        "parse_amounts: Rust ≥ 30× the Python engine (1 thread)": False,
        "tokenize + parse_amounts ≥ 100 MB/s per core (one pass)": True,
        "… within 10× of the decode-only pass": False,  # 2000 / 190 > 10
        "… faster than the polars money regex": faster,
        "… finding more money amounts than the regex matches": True,  # 150 > 100
    }


@pytest.mark.parametrize("spill", ["on", "off"])
def test_membench_prints_time_and_memory(spill, capsys, tmp_path, monkeypatch):
    from dealscope.cli import main

    monkeypatch.setenv("DEALSCOPE_CACHE", str(tmp_path))  # the spill goes under it
    assert main(["membench", "--size", "0.1MB", "--spill", spill]) == 0
    out = capsys.readouterr().out
    assert "documents" in out and "deals" in out
    assert re.search(r"extract: [\d,]+ s; peak RSS [\d,]+ MB; anonymous memory: peak [\d,]+ MB, "
                     r"after [\d,]+ MB \(the input list -?[\d,]+ MB, "
                     r"the core's kept buffers [\d,]+ MB\)", out), out
    # Spilled: the folder was made and is empty again; not spilled: never made.
    assert ((tmp_path / "spill").is_dir() and not list((tmp_path / "spill").iterdir())) \
        if spill == "on" else not (tmp_path / "spill").exists()


def test_faultbench_prints_speed_and_faults_for_each_stage(capsys):
    from dealscope.cli import main

    assert main(["faultbench", "--size", "0.2MB", "--batch-size", "0.1MB", "--calls", "2"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines()
            if re.match(r"\| (tokenize|parse_amounts|tokenize \+ parse_amounts) \| [\d.]+ \| "
                        r"[\d,.]+ \|$", line)]
    assert len(rows) == 3, rows


@pytest.mark.parametrize("argv", [["faultbench", "--calls", "0"], ["faultbench", "--threads", "0"],
                                  ["bench", "--runs", "0"], ["sweep", "--repeat", "-1"]])
def test_counts_below_one_are_refused_with_a_message(argv, capsys):
    from dealscope.cli import main

    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_each_timed_call_runs_after_the_previous_result_is_dropped():
    import weakref

    from dealscope.bench import timed

    class Result:
        pass

    alive_at_call = []
    last: list[weakref.ref] = []

    def call() -> Result:
        alive_at_call.append(bool(last) and last[-1]() is not None)
        out = Result()
        last.append(weakref.ref(out))
        return out

    times, result = timed(call, 4)
    assert len(times) == 4 and all(t >= 0 for t in times)
    assert alive_at_call == [False] * 4  # the core's buffers are back before each call
    assert last[-1]() is result


def test_unread_texts_are_new_strings_with_the_same_text():
    from dealscope.bench import unread

    texts = ["", "a", "ż", "40 亿美元", "x" * 1000]
    fresh = unread(texts)
    assert fresh == texts
    assert all(a is not b for a, b in zip(fresh, texts, strict=True) if a)
