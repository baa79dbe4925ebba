"""The `dealscope` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from . import __version__
from .api import ENGINES, parse_amounts, tokenize
from .export import write_frame
from .formatting import fmt_date, fmt_range, fmt_side
from .formatting import fmt_number as _fmt
from .sources import CERTAIN, ReadError, bundled_seeds, read_decoded


def _inputs(args: argparse.Namespace) -> tuple[list[str], list[str], list[str]]:
    """(labels, texts, problems): each argument is a file if one exists there, else text."""
    labels: list[str] = []
    texts: list[str] = []
    problems: list[str] = []
    items = list(args.inputs)
    if args.seeds:
        items += [str(p) for p in bundled_seeds()]
    if not items:
        items = ["-"]
    for item in items:
        path = Path(item)
        if item == "-":
            labels.append("<stdin>")
            texts.append(sys.stdin.read())
        elif not args.text and path.is_file():
            try:
                decoded = read_decoded(path)
                if decoded.guessed:  # never guess silently
                    print(f"dealscope: {path}: decoded as {decoded.encoding} (not UTF-8)",
                          file=sys.stderr)
                texts.append(decoded.text)
                labels.append(str(path))
            except ReadError as err:
                problems.append(str(err))
        elif not args.text and (path.is_dir() or item.endswith((".txt", ".md"))):
            problems.append(f"{item}: not a readable file")
        else:
            labels.append("<text>")
            texts.append(item)
    return labels, texts, problems


def _print_table(frame: pl.DataFrame, labels: list[str], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    table.add_column("source", no_wrap=True, max_width=28, overflow="ellipsis")
    table.add_column("span", justify="right", no_wrap=True)
    shown = [c for c in frame.columns if c not in ("doc", "start", "end")]
    for name in shown:
        numeric = frame[name].dtype.is_numeric()
        table.add_column(name, justify="right" if numeric else "left", no_wrap=numeric)
    for row in frame.iter_rows(named=True):
        cells = [Path(labels[row["doc"]]).name, f"{row['start']}-{row['end']}"]
        for name in shown:
            value = row[name]
            cells.append(_fmt(value) if frame[name].dtype.is_numeric() else str(value or ""))
        table.add_row(*cells)
    Console().print(table)


def _emit(frame: pl.DataFrame, labels: list[str], args: argparse.Namespace, title: str) -> None:
    if args.json:
        rows = [dict(row, source=labels[row["doc"]]) for row in frame.iter_rows(named=True)]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_table(frame, labels, title)


def _cmd_parse(args: argparse.Namespace) -> int:
    labels, texts, problems = _inputs(args)
    for problem in problems:
        print(f"dealscope: skipped {problem}", file=sys.stderr)
    frame = parse_amounts(texts, engine=args.engine, lang=args.lang)
    _emit(frame, labels, args, f"{frame.height} amounts in {len(texts)} texts")
    return 1 if problems else 0


def _cmd_tokens(args: argparse.Namespace) -> int:
    labels, texts, problems = _inputs(args)
    for problem in problems:
        print(f"dealscope: skipped {problem}", file=sys.stderr)
    frame = tokenize(texts, engine=args.engine)
    _emit(frame, labels, args, f"{frame.height} tokens in {len(texts)} texts")
    return 1 if problems else 0


def write_frames(corpus, out: Path, fmt: str) -> list[Path]:
    """Every frame of the corpus into `out`, as Parquet, CSV or JSON."""
    return [write_frame(getattr(corpus, name), out / f"{name}.{fmt}", fmt)
            for name in corpus.FRAMES]


def _cmd_extract(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from .pipeline.corpus import extract

    console = Console(stderr=True)
    if not args.paths:
        args.paths = [str(bundled_seeds()[0].parent)]
    if not any(Path(p).exists() for p in args.paths):
        print(f"dealscope: no such file or folder: {', '.join(args.paths)}", file=sys.stderr)
        return 2
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description:<10}"), BarColumn(), TextColumn("{task.completed}/"
               "{task.total}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("read", total=6)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=stage)

        # Paths, not strings: a mistyped name is then "no such file", not a one-word text.
        corpus = extract([Path(p) for p in args.paths], engine=args.engine,
                         cache=not args.no_cache,
                         progress=progress, batch_bytes=int(args.batch_size * 2**20))
    for path, reason in corpus.errors.rows():
        console.print(f"[yellow]skipped[/] {path}: {reason}")
    guessed = corpus.documents.filter(~pl.col("encoding").is_in(sorted(CERTAIN)))
    for path, encoding in guessed.select("path", "encoding").unique(maintain_order=True).rows():
        console.print(f"[cyan]notice[/] {path}: decoded as {encoding} (not UTF-8)")
    written = write_frames(corpus, Path(args.out), args.format)
    table = Table(title=corpus.summary())
    for col in ("date", "kind", "source → target", "amount", "GW", "status", "docs"):
        table.add_column(col)
    for d in corpus.deals.iter_rows(named=True):
        # As the app writes it: "≥ 4 bn" for a bare lower bound, "≤ 10 bn" for an upper.
        amount = fmt_range(d["low"], d["high"])
        amount += f" {d['currency']}" if amount else ""
        gw = f"{d['power_w'] / 1e9:g}" if d["power_w"] else ""
        pair = f"{fmt_side(d['source'], d['backers'])} → {d['target']}"
        table.add_row(fmt_date(d["date"], d["date_precision"]), d["kind"], pair, amount, gw,
                      d["status"] or "", ",".join(map(str, d["sources"])))
    Console().print(table)
    console.print(f"wrote {len(written)} files to {args.out}/ ({args.format})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dealscope",
        description="Follow the AI compute race in the world's news.",
    )
    parser.add_argument("--version", action="version", version=f"dealscope {__version__}")
    sub = parser.add_subparsers(dest="command")
    for name, helptext, func in (
        ("parse", "print the amounts (money, percent, power, counts) found", _cmd_parse),
        ("tokens", "print the tokens", _cmd_tokens),
    ):
        p = sub.add_parser(name, help=helptext, description=helptext)
        p.add_argument("inputs", nargs="*", help="files, or texts; '-' or nothing reads stdin")
        p.add_argument("--text", action="store_true", help="read every argument as text")
        p.add_argument("--seeds", action="store_true", help="add the bundled seed articles")
        p.add_argument("--json", action="store_true", help="JSON rows instead of a table")
        p.add_argument("--engine", choices=ENGINES, default="rust")
        if name == "parse":
            p.add_argument("--lang", help="language code (default: detected per text)")
        p.set_defaults(func=func)
    p = sub.add_parser("extract", help="turn articles into deals, relations and a timeline",
                       description="Extract every frame of a corpus and write them out.")
    p.add_argument("paths", nargs="*", help="folders or files (.txt .md .html .jsonl .json "
                                            ".csv .parquet; manifest.tsv is read); "
                                            "none: the bundled seed articles")
    p.add_argument("-o", "--out", default="dealscope-out", help="output folder")
    p.add_argument("--format", choices=("parquet", "csv", "json"), default="parquet")
    p.add_argument("--engine", choices=ENGINES, default="rust")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the store")
    from . import bench
    from .pipeline.batches import BATCH_BYTES

    p.add_argument("--batch-size", type=bench.parse_size, default=BATCH_BYTES / 2**20,
                   metavar="SIZE", help="documents are read in batches of this much text "
                   f"(default {BATCH_BYTES >> 20}MB): memory is bounded by it, not the corpus")
    p.set_defaults(func=_cmd_extract)
    p = sub.add_parser("open", help="browse a corpus in the full-screen app (the default)",
                       description="Open the app on folders or files; none: the bundled "
                                   "seed articles.")
    p.add_argument("paths", nargs="*", help="folders or files, as for extract")
    p.add_argument("--engine", choices=ENGINES, default="rust")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the store")
    p.set_defaults(func=_cmd_open)

    p = sub.add_parser("bench", help="time both engines on the same corpus")
    bench.build_parser(p)
    p.set_defaults(func=bench.main_with)
    from . import sweep

    p = sub.add_parser("sweep", help="time both engines on pathological inputs of growing size")
    sweep.build_parser(p)
    p.set_defaults(func=sweep.main_with)
    from . import membench

    p = sub.add_parser("membench", help="time and memory of extract on a generated corpus")
    membench.build_parser(p)
    p.set_defaults(func=membench.main_with)
    from . import faultbench

    p = sub.add_parser("faultbench", help="speed and page faults a call of the Rust stages")
    faultbench.build_parser(p)
    p.set_defaults(func=faultbench.main_with)
    parser.commands = set(sub.choices)  # what `main` must not read as a path
    return parser


def _cmd_open(args: argparse.Namespace) -> int:
    from .app import run

    # Nothing to open at all is an error here; a few missing among others show up in
    # the app's Problems view like any unreadable file.
    if args.paths and not any(Path(p).exists() for p in args.paths):
        print(f"dealscope: no such file or folder: {', '.join(args.paths)}", file=sys.stderr)
        return 2
    run(args.paths or None, engine=args.engine, cache=not args.no_cache)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    # `dealscope` and `dealscope PATH…` open the app; a subcommand or an option
    # (--help, --version) keeps its meaning.
    if not argv or (argv[0] not in parser.commands and not argv[0].startswith("-")):
        argv = ["open", *argv]
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
