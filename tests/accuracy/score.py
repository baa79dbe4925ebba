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


def score(path: Path, engine: str, verbose: bool) -> list[tuple[tuple[str, ...], bool]]:
    """Each case of the set at `path` as its texts and whether it is wrong."""
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    results = []
    for case in cases:
        missing, extra = wrong(case, engine)
        results.append((tuple(case["texts"]), bool(missing or extra)))
        if missing or extra:
            if verbose:
                print(f"  {case['name']}:")
                print("".join(f"    missing {_show(d)}\n" for d in missing)
                      + "".join(f"    extra   {_show(d)}\n" for d in extra), end="")
    return results


def _number(path: Path) -> tuple[int, str]:
    """Sets in the order they were written (held37 before held100)."""
    digits = "".join(c for c in path.stem if c.isdigit())
    return (int(digits) if digits else 0, path.stem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--engine", default="rust", choices=["rust", "python"])
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    # A set may be named as a path or by its name alone ("held42", as the README shows).
    sets = [p if p.exists() else HERE / p.with_suffix(".toml") for p in args.sets]
    total_bad = total = 0
    # A later set may repeat an earlier case's text word for word (written from memory):
    # the distinct figure counts each text once, as first scored.
    first: dict[tuple[str, ...], bool] = {}
    for path in sets or sorted(HERE.glob("held*.toml"), key=_number):
        results = score(path, args.engine, args.verbose)
        bad = sum(is_wrong for _, is_wrong in results)
        print(f"{path.stem}: {bad} of {len(results)} wrong")
        total_bad, total = total_bad + bad, total + len(results)
        for texts, is_wrong in results:
            first.setdefault(texts, is_wrong)
    print(f"all: {total_bad} of {total} wrong")
    repeats = total - len(first)
    if repeats:
        told = "case repeats" if repeats == 1 else "cases repeat"
        print(f"distinct texts: {sum(first.values())} of {len(first)} wrong "
              f"({repeats} {told} an earlier case's texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
