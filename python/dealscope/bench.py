"""A first speed comparison: the seeds repeated to a size, both engines, medians.

    python -m dealscope.bench --size 50 --runs 3

It checks that both engines give identical frames on the corpus before it
prints any figure. (The full benchmark — reference points, scaling, memory —
is its own piece of work; this is the quick look.)
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from polars.testing import assert_frame_equal

from . import parse_amounts, tokenize
from .sources import bundled_seeds, read_text_file


def corpus(megabytes: float) -> list[str]:
    """The seed articles, cycled until the UTF-8 size reaches `megabytes`."""
    seeds = [read_text_file(p) for p in bundled_seeds()]
    target = int(megabytes * 2**20)
    docs: list[str] = []
    size = 0
    while size < target:
        for text in seeds:
            docs.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return docs


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dealscope.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=float, default=10.0, help="corpus size in MB")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median kept)")
    parser.add_argument("--python-runs", type=int, default=1, help="runs for the Python engine")
    args = parser.parse_args(argv)

    docs = corpus(args.size)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 2**20
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB (seeds repeated)")
    for name, fn in (("tokenize", tokenize), ("parse_amounts", parse_amounts)):
        rust = fn(docs, engine="rust")
        python = fn(docs, engine="python")
        assert_frame_equal(rust, python)
        print(f"{name}: engines agree on {rust.height} rows")

    print(f"{'stage':<15}{'engine':<8}{'median s':>10}{'spread s':>10}{'MB/s':>9}")
    for name, fn in (("tokenize", tokenize), ("parse_amounts", parse_amounts)):
        medians = {}
        for engine, runs in (("rust", args.runs), ("python", args.python_runs)):
            times = timed(lambda f=fn, e=engine: f(docs, engine=e), runs)
            med = statistics.median(times)
            medians[engine] = med
            spread = max(times) - min(times)
            print(f"{name:<15}{engine:<8}{med:>10.3f}{spread:>10.3f}{mb / med:>9.1f}")
        ratio = medians["python"] / medians["rust"]
        print(f"{name:<15}{'ratio':<8}{ratio:>10.1f}x  (python / rust)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
