"""A timing sweep over pathological inputs: does the cost per unit stay flat?

    dealscope sweep                         (sizes ×1 ×2 ×4 ×8 of each input's base)
    dealscope sweep --factors 1,10,100 --engines rust --ops amounts

Each input is built at growing sizes (a size counts the input's own unit:
digits, scale words, separators, digit groups, kilobytes) and each engine
runs each operation on it, best of ``--repeat`` runs. The table gives the
seconds and the cost per unit relative to the smallest size: a column near
1.0 all the way down is linear time; a column that grows with the size is
not. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from . import parse_amounts, parse_dates, tokenize
from .bench import at_least_one
from .sources import bundled_seeds, read_text_file


@dataclass(frozen=True)
class Input:
    name: str
    unit: str
    base: int  # the size at factor 1
    lang: str | None
    make: Callable[[int], str]


def _seed_line(units: int) -> str:
    """`units` KB of the seed articles as one line (newlines become spaces)."""
    text = " ".join(" ".join(read_text_file(p).split()) for p in bundled_seeds())
    size = units * 2**10
    whole = text * (size // len(text.encode()) + 1)
    return whole.encode()[:size].decode("utf-8", "ignore")


INPUTS = (
    Input("digits before 億ドル", "digit", 100_000, None, lambda n: "1" * n + " 億ドル"),
    Input("scale words in a row", "word", 20_000, "pl", lambda n: "5 " + "mld " * n + "zł"),
    Input("repeated commas", "separator", 100_000, None, lambda n: "1" + "," * n + " USD"),
    Input("repeated ' .'", "separator", 100_000, None, lambda n: "1" + " ." * n + " mln"),
    Input("grouped digits 1,000,…", "group", 20_000, "en",
          lambda n: "$1" + ",000" * n + " billion"),
    Input("one line of seed text", "KB", 1024, None, _seed_line),
)


def _ops() -> dict[str, Callable[[str, str, str | None], object]]:
    return {
        "tokenize": lambda text, engine, lang: tokenize(text, engine=engine),
        "amounts": lambda text, engine, lang: parse_amounts(text, engine=engine, lang=lang),
        "dates": lambda text, engine, lang: parse_dates(text, engine=engine, lang=lang),
    }


def _base(item: Input, scale: float) -> int:
    return max(1, round(item.base * scale))


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def run(factors: list[int], engines: list[str], ops: list[str], inputs: list[str] | None,
        repeat: int, scale: float = 1.0, out=print) -> list[dict]:
    """Time every (input, engine, op) at every factor; print and return the rows."""
    rows: list[dict] = []
    header = f"{'input':<24} {'engine':<7} {'op':<9} {'size':>10} {'unit':<9} " \
             f"{'seconds':>9} {'per unit ×':>10}"
    out(header)
    out("-" * len(header))
    chosen = [i for i in INPUTS if inputs is None or any(w in i.name for w in inputs)]
    for item in chosen:
        base = _base(item, scale)
        texts = {f: item.make(base * f) for f in factors}
        for engine in engines:
            for op in ops:
                fn = _ops()[op]
                fn(item.make(10), engine, item.lang)  # warm-up: lexicon tables, regexes
                first: float | None = None
                for f in factors:
                    size = base * f
                    seconds = _best(partial(fn, texts[f], engine, item.lang), repeat)
                    per_unit = seconds / size
                    first = per_unit if first is None else first
                    ratio = per_unit / first if first > 0 else float("nan")
                    rows.append({"input": item.name, "engine": engine, "op": op, "size": size,
                                 "unit": item.unit, "seconds": seconds, "relative": ratio})
                    out(f"{item.name:<24} {engine:<7} {op:<9} {size:>10,} {item.unit:<9} "
                        f"{seconds:>9.4f} {ratio:>10.2f}")
    return rows


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _factors(value: str) -> list[int]:
    try:
        factors = [int(v) for v in _list(value)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of whole numbers: {value!r}") from None
    if not factors or min(factors) < 1:
        raise argparse.ArgumentTypeError("factors must be whole numbers of at least 1")
    return factors


def build_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.description = __doc__.split("\n\n")[0] if __doc__ else None
    parser.add_argument("--factors", type=_factors, default=[1, 2, 4, 8],
                        help="multiples of each input's base size (default 1,2,4,8)")
    parser.add_argument("--engines", type=_list, default=["rust", "python"],
                        help="comma-separated: rust,python")
    parser.add_argument("--ops", type=_list, default=["tokenize", "amounts"],
                        help="comma-separated: tokenize,amounts,dates (default tokenize,amounts)")
    parser.add_argument("--inputs", type=_list, default=None,
                        help="only inputs whose name contains one of these words")
    parser.add_argument("--repeat", type=at_least_one, default=1, help="best of this many runs")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every base size by this (0.001 for a quick check)")
    return parser


def main_with(args: argparse.Namespace) -> int:
    unknown = [o for o in args.ops if o not in _ops()]
    if unknown:
        print(f"dealscope sweep: unknown op {', '.join(unknown)} (tokenize, amounts, dates)")
        return 2
    for item in INPUTS:
        example = "the seed articles" if item.unit == "KB" else repr(item.make(3))
        print(f"  {item.name}: base {_base(item, args.scale):,} {item.unit}, e.g. {example}")
    run(args.factors, args.engines, args.ops, args.inputs, args.repeat, args.scale)
    return 0


def main() -> int:
    return main_with(build_parser(argparse.ArgumentParser(prog="dealscope sweep")).parse_args())


if __name__ == "__main__":
    raise SystemExit(main())
