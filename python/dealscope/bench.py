"""Speed of both engines on the same work, with reference points.

    dealscope bench --size 10MB --runs 3 --out bench      (or python -m dealscope.bench)

The corpus is built deterministically from the bundled seed articles: their
sentences shuffled (seeded) into documents of about 4 KB, every language and
amount form mixed, until the UTF-8 size is reached. Both engines must give
identical frames on it before any speed is reported.

Reported for each stage: the median time of the runs and their spread, MB/s,
rows per second, and the Python/Rust ratio measured in the same run; the Rust
engine at 1 thread and at all cores. Reference points: a pass that only
decodes the UTF-8 bytes (the ceiling for any scanner) and a regular-expression
baseline with polars' own string functions (``str.extract_all`` of money
patterns), which is what a user would reach for instead. Peak memory is the
process's maximum resident set size (``ru_maxrss``) after the run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from . import find_names, parse_amounts, parse_dates, tokenize
from .pipeline.corpus import extract
from .pipeline.sentences import split
from .sources import bundled_seeds, read_text_file

# Money patterns a user might write by hand: digits with marks, an optional
# scale word, a currency symbol or word before or after.
REGEX_BASELINE = (
    r"(?:[$€£¥]\s?\d[\d.,]*(?:\s?(?:billion|million|bn|mln|mld|млрд|млн|миллиард\w*|"
    r"miliard\w*|milion\w*|miliardi|milioni))?)|(?:\d[\d.,]*\s?(?:億|亿|万)\s?(?:ドル|美元|円|元))"
)


def parse_size(text: str) -> float:
    """'10MB', '1GB', '500KB' or a number of MB → megabytes."""
    m = re.fullmatch(r"\s*([\d.]+)\s*(kb|mb|gb)?\s*", text.lower())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 10MB, 1GB)")
    value = float(m.group(1))
    return value * {"kb": 1 / 1024, "gb": 1024}.get(m.group(2) or "mb", 1)


def corpus(megabytes: float, seed: int = 0) -> list[str]:
    """Seed sentences, shuffled into ~4 KB documents, up to `megabytes` of UTF-8."""
    sentences = []
    for path in bundled_seeds():
        text = read_text_file(path)
        sentences += [text[s:e] for s, e in split(text)]
    rng = random.Random(seed)
    target = int(megabytes * 2**20)
    docs: list[str] = []
    size = 0
    current: list[str] = []
    current_size = 0
    while size < target:
        sentence = rng.choice(sentences)
        current.append(sentence)
        current_size += len(sentence.encode("utf-8")) + 1
        if current_size >= 4096:
            docs.append("\n".join(current))
            size += current_size
            current, current_size = [], 0
    if current:
        docs.append("\n".join(current))
    return docs


def timed(fn: Callable[[], object], runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


STAGES: dict[str, Callable] = {
    "tokenize": tokenize,
    "parse_amounts": parse_amounts,
    "parse_dates": parse_dates,
    "find_names": find_names,
}


def run(megabytes: float, runs: int, python_runs: int, threads: int) -> dict:
    docs = corpus(megabytes)
    raw = [d.encode("utf-8") for d in docs]
    mb = sum(map(len, raw)) / 2**20
    report = {"corpus": {"documents": len(docs), "megabytes": round(mb, 2)},
              "cores": os.cpu_count(), "rows": []}

    def add(stage: str, engine: str, times: list[float], rows: int | None) -> dict:
        med = statistics.median(times)
        row = {"stage": stage, "engine": engine, "median_s": med,
               "spread_s": max(times) - min(times), "mb_per_s": mb / med if med else None,
               "rows": rows, "rows_per_s": rows / med if rows and med else None}
        report["rows"].append(row)
        return row

    times, _ = timed(lambda: [b.decode("utf-8") for b in raw], runs)
    add("decode only", "reference", times, None)
    series = pl.Series(docs)
    times, found = timed(lambda: series.str.extract_all(REGEX_BASELINE).list.len().sum(), runs)
    add("money regex (polars)", "reference", times, int(found))

    for stage, fn in STAGES.items():
        rust = fn(docs, engine="rust", threads=1)
        python = fn(docs, engine="python")
        assert_frame_equal(rust, python)  # no speed without the same answer
        t1, frame = timed(lambda f=fn: f(docs, engine="rust", threads=1), runs)
        r1 = add(stage, "rust 1 thread", t1, frame.height)
        tn, _ = timed(lambda f=fn: f(docs, engine="rust", threads=threads), runs)
        add(stage, f"rust {threads} threads", tn, frame.height)
        tp, _ = timed(lambda f=fn: f(docs, engine="python"), python_runs)
        rp = add(stage, "python", tp, frame.height)
        r1["ratio_vs_python"] = rp["median_s"] / r1["median_s"]
    for engine in ("rust", "python"):
        times, corp = timed(lambda e=engine: extract(docs, engine=e), 1)
        add("extract (whole pipeline)", engine, times, corp.deals.height)
    report["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return report


def markdown(report: dict) -> str:
    c = report["corpus"]
    lines = [f"Corpus: {c['documents']} documents, {c['megabytes']} MB (seed sentences "
             f"shuffled); {report['cores']} cores; peak RSS {report['peak_rss_mb']:.0f} MB.", "",
             "| stage | engine | median s | spread s | MB/s | rows/s | Python/Rust |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for r in report["rows"]:
        ratio = f"{r['ratio_vs_python']:.1f}×" if r.get("ratio_vs_python") else ""
        rows = f"{r['rows_per_s']:,.0f}" if r["rows_per_s"] else ""
        mbs = f"{r['mb_per_s']:.1f}" if r["mb_per_s"] else ""
        lines.append(f"| {r['stage']} | {r['engine']} | {r['median_s']:.3f} | "
                     f"{r['spread_s']:.3f} | {mbs} | {rows} | {ratio} |")
    return "\n".join(lines)


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    parser = parser or argparse.ArgumentParser(prog="python -m dealscope.bench")
    parser.description = "Time both engines on the same corpus (see the module docstring)."
    parser.add_argument("--size", type=parse_size, default=10.0, help="10MB, 100MB, 1GB …")
    parser.add_argument("--runs", type=int, default=3, help="runs per Rust figure (median)")
    parser.add_argument("--python-runs", type=int, default=1, help="runs per Python figure")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2,
                        help="threads for the parallel Rust figure")
    parser.add_argument("--out", help="also write OUT.json and OUT.md")
    return parser


def main_with(args: argparse.Namespace) -> int:
    report = run(args.size, args.runs, args.python_runs, args.threads)
    table = markdown(report)
    print(table)
    if args.out:
        Path(f"{args.out}.json").write_text(json.dumps(report, indent=1), "utf-8")
        Path(f"{args.out}.md").write_text(table + "\n", "utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    return main_with(build_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
