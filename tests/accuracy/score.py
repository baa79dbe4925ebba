"""Score `extract` on held-out sets: hand-written cases and the deals a reader expects.

Each `held*.toml` here was written before it was first run, at the commit its
header names, so its first score is an out-of-sample check of the rules made
before it. Later fixes are tuned on it, so later scores are regression figures.

A case is right when the deals found are exactly the deals expected: the same
kind, source and target (source "" is a funding round's missing investor; a
partnership's two sides in either order), and, where the case gives them, the
same USD figure (within 2%) and status. This is
not a pytest file: a set is expected to hold cases the pipeline still gets
wrong, and the score is a figure to report, not a pass or fail.

    python3 tests/accuracy/score.py [--engine python] [--verbose] [held37.toml …]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import tomllib

import dealscope as ds

HERE = Path(__file__).resolve().parent


def _matches(want: dict, got: dict) -> bool:
    sides = (want.get("source") or None, want["target"])
    if want["kind"] != got["kind"] or (sides != (got["source"], got["target"]) and not (
            want["kind"] == "partnership" and sides == (got["target"], got["source"]))):
        return False  # a partnership has no direction
    if "usd" in want:
        figure = got["usd_high"] if got["usd_high"] is not None else got["usd_low"]
        if figure is None or abs(figure - want["usd"]) > 0.02 * want["usd"]:
            return False
    return "status" not in want or want["status"] == got["status"]


def wrong(case: dict, engine: str) -> tuple[list[dict], list[dict]]:
    """The expected deals not found and the deals found that were not expected."""
    found = ds.extract(case["texts"], engine=engine, cache=False).deals.to_dicts()
    missing = []
    for want in case.get("deals", []):
        hit = next((got for got in found if _matches(want, got)), None)
        if hit is None:
            missing.append(want)
        else:
            found.remove(hit)
    return missing, found


def _show(deal: dict) -> str:
    usd = deal.get("usd", deal.get("usd_high") or deal.get("usd_low"))
    money = f" ${usd / 1e9:g}B" if usd else ""
    return f"{deal['kind']} {deal.get('source') or '-'} → {deal['target']}{money}"


def score(path: Path, engine: str, verbose: bool) -> tuple[int, int]:
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    bad = 0
    for case in cases:
        missing, extra = wrong(case, engine)
        if missing or extra:
            bad += 1
            if verbose:
                print(f"  {case['name']}:")
                print("".join(f"    missing {_show(d)}\n" for d in missing)
                      + "".join(f"    extra   {_show(d)}\n" for d in extra), end="")
    return bad, len(cases)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--engine", default="rust", choices=["rust", "python"])
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    sets = [HERE / p if not p.is_absolute() and not p.exists() else p for p in args.sets]
    total_bad = total = 0
    for path in sets or sorted(HERE.glob("held*.toml")):
        bad, n = score(path, args.engine, args.verbose)
        print(f"{path.stem}: {bad} of {n} wrong")
        total_bad, total = total_bad + bad, total + n
    print(f"all: {total_bad} of {total} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
