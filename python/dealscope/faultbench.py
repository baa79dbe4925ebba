"""Speed and page faults a call: the cost the core's kept buffers remove.

    dealscope faultbench                      (32 MB in 8 MB batches, each called 3 times)
    dealscope faultbench --size 64MB --calls 5 --threads 2

Each batch of the bench corpus goes through tokenize, parse_amounts and the one
pass ``calls`` times in a row, each frame dropped before the next call, as a
program that reads batch after batch does. A call's minor page faults are read
from ``getrusage`` around it. The table gives each stage's median MB/s and
faults a call over all calls. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

from . import parse_amounts, tokenize, tokens_and_amounts
from .bench import at_least_one, documents, in_batches, parse_size
from .pipeline.batches import BATCH_BYTES

STAGES = {"tokenize": tokenize, "parse_amounts": parse_amounts,
          "tokenize + parse_amounts": tokens_and_amounts}


def _faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def run(megabytes: float, batch_mb: float, calls: int, threads: int) -> dict[str, dict]:
    batches = list(in_batches(documents(megabytes), int(batch_mb * 2**20)))
    got = {}
    for stage, fn in STAGES.items():
        speeds, faults = [], []
        for batch, size in batches:
            for _ in range(calls):
                before, start = _faults(), time.perf_counter()
                out = fn(batch, threads=threads)
                seconds = time.perf_counter() - start
                faults.append(_faults() - before)
                speeds.append(size / 2**20 / seconds)
                del out
        got[stage] = {"mb_s": statistics.median(speeds), "faults": statistics.median(faults),
                      "calls": len(speeds)}
    return got


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    parser = parser or argparse.ArgumentParser(prog="python -m dealscope.faultbench")
    parser.description = "Speed and page faults a call of the Rust stages."
    parser.add_argument("--size", type=parse_size, default=32.0, help="32MB, 100MB …")
    parser.add_argument("--batch-size", type=parse_size, default=BATCH_BYTES / 2**20,
                        help="batches of this size (default 8MB, as extract)")
    parser.add_argument("--calls", type=at_least_one, default=3, help="calls a batch, in a row")
    parser.add_argument("--threads", type=at_least_one, default=1)
    return parser


def main_with(args: argparse.Namespace) -> int:
    got = run(args.size, args.batch_size, args.calls, args.threads)
    print(f"| stage ({args.threads} thread(s), medians of {next(iter(got.values()))['calls']} "
          f"calls) | MB/s | page faults a call |")
    print("|---|---:|---:|")
    for stage, g in got.items():
        print(f"| {stage} | {g['mb_s']:.1f} | {g['faults']:,.1f} |")
    return 0


def main(argv: list[str] | None = None) -> int:
    return main_with(build_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
