"""Memory of the whole pipeline on a generated corpus.

    dealscope membench --size 1GB [--spill auto|on|off]

Runs ``extract`` (Rust engine, no store) on the bench's corpus (see
`bench.documents`), given as a list of strings, and prints the time, the peak
resident set size (``VmHWM``: it counts pages of mapped files too), the peak
and final anonymous memory (``RssAnon``, sampled every 0.2 s: the memory
nothing but this process holds) and the anonymous memory the input list
itself took. Linux only (it reads ``/proc/self/status``).
"""

from __future__ import annotations

import argparse
import threading
import time

from .bench import documents, memory_status, parse_size, reset_peak
from .memory import kept_bytes
from .pipeline.corpus import extract

SPILL = {"auto": None, "on": True, "off": False}


class PeakAnon:
    """The largest RssAnon seen while the block runs, sampled in a thread."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.peak, self._stop = every, 0.0, threading.Event()

    def __enter__(self) -> PeakAnon:
        self.peak = memory_status()["RssAnon"]
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, memory_status()["RssAnon"])

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, memory_status()["RssAnon"])


def run(megabytes: float, spill, say=print) -> dict[str, float]:
    before = memory_status()["RssAnon"]
    texts = list(documents(megabytes))
    got = {"documents": len(texts), "code_points_m": sum(map(len, texts)) / 1e6,
           "input_anon_mb": memory_status()["RssAnon"] - before}
    say(f"{got['documents']:,} documents, {got['code_points_m']:,.0f} M code points, "
        f"the list takes {got['input_anon_mb']:,.0f} MB")
    last = [time.perf_counter()]

    def progress(stage: str, done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 30:
            last[0] = time.perf_counter()
            s = memory_status()
            say(f"  {stage} {done}/{total}: RssAnon {s['RssAnon']:,.0f} MB, "
                f"RssFile {s['RssFile']:,.0f} MB")

    reset_peak()  # the peak of extract's run, not of making its input
    start = time.perf_counter()
    with PeakAnon() as peak:
        corpus = extract(texts, cache=False, spill=spill, progress=progress)
    got["seconds"] = time.perf_counter() - start
    s = memory_status()
    got.update(peak_rss_mb=s["VmHWM"], peak_anon_mb=peak.peak, anon_after_mb=s["RssAnon"],
               file_after_mb=s["RssFile"], kept_mb=kept_bytes() / 2**20)
    say(corpus.summary())
    return got


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    parser = parser or argparse.ArgumentParser(prog="python -m dealscope.membench")
    parser.description = "Time and memory of extract on a generated corpus."
    parser.add_argument("--size", type=parse_size, default=100.0, help="100MB, 1GB …")
    parser.add_argument("--spill", choices=list(SPILL), default="auto",
                        help="extract's spill: auto (over 64 M code points), on, off")
    return parser


def main_with(args: argparse.Namespace) -> int:
    got = run(args.size, SPILL[args.spill])
    print(f"extract: {got['seconds']:,.0f} s; peak RSS {got['peak_rss_mb']:,.0f} MB; "
          f"anonymous memory: peak {got['peak_anon_mb']:,.0f} MB, after "
          f"{got['anon_after_mb']:,.0f} MB (the input list {got['input_anon_mb']:,.0f} MB, "
          f"the core's kept buffers {got['kept_mb']:,.0f} MB); "
          f"mapped files resident after {got['file_after_mb']:,.0f} MB")
    return 0


def main(argv: list[str] | None = None) -> int:
    return main_with(build_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
