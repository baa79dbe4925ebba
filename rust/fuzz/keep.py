"""Choose the fuzz inputs kept as regression tests (tests/corpus/fuzz/<target>/).

``python rust/fuzz/keep.py [--max-bytes 4096]``, after the targets have run
and ``cargo fuzz cmin`` has shrunk each corpus. For each target, libFuzzer
replays the corpus inputs of at most ``--max-bytes`` once (``-merge=1`` into
an empty folder, which writes every input's coverage features to a control
file); then inputs are picked greedily, each time the one adding the most
features not yet covered, until the target's share of ``BUDGET`` is picked or
none adds anything. Small inputs keep the pure-Python engine's share of
tests/test_fuzz_regressions.py short.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
KEPT = FUZZ.parent.parent / "tests" / "corpus" / "fuzz"
# Inputs kept per target, 300 in all: most for the targets whose inputs reach
# the most code (`all` runs every function on its input).
BUDGET = {"tokenize": 30, "amounts": 75, "dates": 75, "names": 30, "all": 90}


def features(target: str, inputs: Path, work: Path) -> dict[str, set[int]]:
    """Each input file's coverage features, from libFuzzer's merge control file."""
    control = work / f"{target}.control"
    empty = work / f"{target}.out"
    empty.mkdir()
    subprocess.run(
        ["cargo", "fuzz", "run", "-O", "--fuzz-dir", ".", target, str(empty), str(inputs),
         "--", "-merge=1", f"-merge_control_file={control}"],
        cwd=FUZZ, check=True, capture_output=True,
        env={**os.environ, "RUSTC_BOOTSTRAP": "1"},
    )
    lines = control.read_text().splitlines()
    count = int(lines[0])
    files = lines[2:2 + count]
    found: dict[str, set[int]] = {}
    current = None
    for line in lines[2 + count:]:
        kind, *rest = line.split()
        if kind == "STARTED":
            current = files[int(rest[0])]
        elif kind == "FT" and current is not None:
            found[current] = {int(f) for f in rest[1:]}
    return found


def pick(found: dict[str, set[int]], limit: int) -> list[str]:
    """Greedy cover: the input adding most new features first; ties go to the smaller."""
    covered: set[int] = set()
    chosen: list[str] = []
    left = dict(found)
    while left and len(chosen) < limit:
        best = max(left, key=lambda f: (len(left[f] - covered), -os.path.getsize(f)))
        if not left[best] - covered:
            break
        covered |= left.pop(best)
        chosen.append(best)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-bytes", type=int, default=4096)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for target, budget in BUDGET.items():
            small = work / f"{target}.in"
            small.mkdir()
            for path in (FUZZ / "corpus" / target).iterdir():
                try:  # a running fuzzer replaces files by smaller ones as it goes
                    data = path.read_bytes()
                except FileNotFoundError:
                    continue
                if len(data) <= args.max_bytes:
                    (small / path.name).write_bytes(data)
            found = features(target, small, work)
            chosen = pick(found, budget)
            out = KEPT / target
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            for name in chosen:
                shutil.copy(name, out / Path(name).name)  # from the copy in `small`
            total = set().union(*found.values()) if found else set()
            kept = set().union(*(found[n] for n in chosen)) if chosen else set()
            size = sum(p.stat().st_size for p in out.iterdir())
            print(f"{target}: {len(found)} inputs, {len(total)} features; kept {len(chosen)} "
                  f"({size} bytes) with {len(kept)} features")


if __name__ == "__main__":
    main()
