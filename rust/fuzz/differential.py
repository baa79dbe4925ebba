"""Run a whole fuzz corpus through both engines and name the inputs they disagree on.

libFuzzer only sees the Rust core; this is the Rust/Python half of the check.
``python rust/fuzz/differential.py amounts [--max-bytes 4096]`` (with the
worktree's ``python`` on PYTHONPATH) reads ``rust/fuzz/corpus/<target>/``
the way tests/test_fuzz_regressions.py reads the kept files, compares the
frames of both engines in batches, and narrows a disagreeing batch down to
its files, which it prints (and copies to ``rust/fuzz/artifacts/differential/``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
import warnings
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
sys.path.insert(0, str(FUZZ.parent.parent / "tests"))

from test_fuzz_regressions import decode  # noqa: E402

import dealscope as ds  # noqa: E402


def frames(items, engine: str) -> list:
    texts = [t for t, _, _ in items]
    langs = [c for _, c, _ in items]
    refs = [r for _, _, r in items]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [
            ds.tokenize(texts, engine=engine),
            ds.parse_amounts(texts, lang=langs, engine=engine),
            ds.parse_dates(texts, lang=langs, ref=refs, engine=engine),
            ds.find_names(texts, engine=engine),
            ds.detect_languages(texts, engine=engine).to_frame(),
        ]


def agree(items) -> bool:
    return all(r.equals(p) for r, p in zip(frames(items, "rust"), frames(items, "python")))


def culprits(paths, items) -> list[Path]:
    """The files of a disagreeing batch that disagree on their own."""
    if agree(items):
        return []
    if len(items) == 1:
        return list(paths)
    mid = len(items) // 2
    return culprits(paths[:mid], items[:mid]) + culprits(paths[mid:], items[mid:])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("target")
    parser.add_argument("--max-bytes", type=int, default=4096)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    paths, items = [], []
    for path in sorted((FUZZ / "corpus" / args.target).iterdir()):
        try:  # a running fuzzer replaces files by smaller ones as it goes
            data = path.read_bytes()
        except FileNotFoundError:
            continue
        if len(data) <= args.max_bytes:
            paths.append(path)
            items.append(decode(args.target, data))
    began = time.perf_counter()
    bad: list[Path] = []
    for i in range(0, len(items), args.batch):
        bad += culprits(paths[i:i + args.batch], items[i:i + args.batch])
    out = FUZZ / "artifacts" / "differential"
    out.mkdir(parents=True, exist_ok=True)
    for path in bad:
        shutil.copy(path, out / f"{args.target}-{path.name}")
        print("disagree:", path)
    print(f"{args.target}: {len(paths)} inputs of at most {args.max_bytes} bytes, "
          f"{len(bad)} disagreeing, {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
