"""Reading sources into documents: folders, files, strings, or a polars frame.

Every document that cannot be read is reported with its path and the reason
(``Corpus.errors``); the rest goes on. A ``manifest.tsv`` beside files (as in
``seeds/``) gives their language and publication date.
"""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import polars as pl

from ..sources import ReadError, decode, decode_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv", ".parquet"}
MANIFEST = "manifest.tsv"


@dataclass
class Doc:
    text: str
    path: str | None = None
    title: str | None = None
    lang: str | None = None
    published: dt.date | None = None
    precision: str | None = None  # of `published`: day / month / year
    url: str | None = None
    encoding: str | None = None  # of the file it was read from; None for texts given as str


@dataclass
class Ingested:
    docs: list[Doc] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def error(self, where: str, why: str) -> None:
        self.errors.append((where, why))


def parse_published(value) -> tuple[dt.date | None, str | None]:
    """'2025-11-26', '2025-11', '2025' or a date → (first day, precision)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    text = str(value).strip()[:10]
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            return dt.datetime.strptime(text, fmt).date(), precision
        except ValueError:
            continue
    return None, None


class _TextOfHtml(html.parser.HTMLParser):
    """Visible text of an HTML page: scripts and styles dropped, blocks on new lines."""

    BLOCKS: ClassVar[set[str]] = {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
        "header", "footer", "blockquote", "title",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template") and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def html_text(markup: str) -> tuple[str, str | None]:
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    title = " ".join("".join(parser.title).split()) or None
    return "\n".join(line for line in lines if line), title


def _record(rec: dict, where: str, out: Ingested, encoding: str | None = None) -> None:
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        out.error(where, "no 'text' field" if text is None else "empty 'text'")
        return
    published, precision = parse_published(rec.get("published"))
    out.docs.append(Doc(text, path=where, title=rec.get("title"), lang=rec.get("lang"),
                        published=published, precision=precision, url=rec.get("url"),
                        encoding=encoding))


def _frame_records(frame: pl.DataFrame, where: str, out: Ingested,
                   encoding: str | None = None) -> None:
    if "text" not in frame.columns:
        out.error(where, f"no 'text' column (columns: {', '.join(frame.columns)})")
        return
    for i, rec in enumerate(frame.iter_rows(named=True)):
        _record(rec, f"{where}#{i + 1}", out, encoding)


def read_file(path: Path, out: Ingested, meta: dict[str, dict]) -> None:
    where = str(path)
    suffix = path.suffix.lower()
    try:
        kind = _not_regular(path.stat().st_mode)
        if kind:  # reading a FIFO would wait forever for a writer
            out.error(where, f"not a regular file ({kind})")
            return
        if suffix == ".parquet":
            _frame_records(pl.read_parquet(path), where, out, "utf-8")
            return
        decoded = decode_text(path.read_bytes(), where)
    except ReadError as err:
        out.error(where, str(err).removeprefix(f"{where}: "))
        return
    except OSError as err:
        out.error(where, err.strerror or str(err))
        return
    except Exception as err:  # a corrupt Parquet file, for one
        out.error(where, f"unreadable: {err}")
        return
    text, encoding = decoded.text, decoded.encoding
    info = meta.get(path.name, {})
    published, precision = parse_published(info.get("published"))
    if suffix in TEXT_SUFFIXES:
        out.docs.append(Doc(text, where, info.get("topic") or info.get("title"),
                            info.get("lang"), published, precision, encoding=encoding))
    elif suffix in HTML_SUFFIXES:
        body, title = html_text(text)
        if not body:
            out.error(where, "no visible text in the HTML")
            return
        out.docs.append(Doc(body, where, info.get("topic") or title, info.get("lang"),
                            published, precision, encoding=encoding))
    elif suffix in (".jsonl", ".ndjson"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                out.error(f"{where}:{n}", f"bad JSON ({err.msg} at column {err.colno})")
                continue
            if not isinstance(rec, dict):
                out.error(f"{where}:{n}", "not a JSON object")
                continue
            _record(rec, f"{where}:{n}", out, encoding)
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            out.error(where, f"bad JSON ({err.msg} at line {err.lineno}, column {err.colno})")
            return
        records = data if isinstance(data, list) else [data]
        for i, rec in enumerate(records, 1):
            if isinstance(rec, dict):
                _record(rec, f"{where}#{i}", out, encoding)
            else:
                out.error(f"{where}#{i}", "not a JSON object")
    elif suffix == ".csv":
        try:
            _frame_records(pl.read_csv(io.StringIO(text), infer_schema_length=0), where, out,
                           encoding)
        except Exception as err:
            out.error(where, f"bad CSV: {err}")


def read_manifest(folder: Path, out: Ingested) -> dict[str, dict]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        text = decode(path.read_bytes(), str(path))
    except (ReadError, OSError) as err:
        out.error(str(path), str(err))
        return {}
    return {row["file"]: row for row in csv.DictReader(io.StringIO(text), delimiter="\t")
            if row.get("file")}


def walk(folder: Path, out: Ingested) -> Iterable[tuple[Path, dict]]:
    """Files under folder, sorted, with their manifest rows; links are not followed."""
    for root, dirs, files in os.walk(folder, onerror=lambda e: out.error(e.filename, e.strerror)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(root)
        meta = read_manifest(here, out)
        for name in sorted(files):
            path = here / name
            suffix = path.suffix.lower()
            if name.startswith(".") or name == MANIFEST:
                continue
            if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES:
                kind = suffix or "no suffix"
                out.error(str(path), f"skipped: not a file type dealscope reads ({kind})")
                continue
            yield path, meta


def ingest(source) -> Ingested:
    """A folder, a file, a list of paths or texts, or a frame with a 'text' column.

    A string is a path when it holds a path separator, names something that
    exists, or is one ASCII word of file-name characters (`seedz`: reported
    missing, not read as a text); any other string is a text.
    """
    out = Ingested()
    if isinstance(source, pl.DataFrame):
        _frame_records(source, "<frame>", out)
        return out
    items = [source] if isinstance(source, (str, Path)) else list(source)
    for i, item in enumerate(items):
        if isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            path = Path(item)
            if path.is_dir():
                for file, meta in walk(path, out):
                    read_file(file, out, meta)
            elif os.path.lexists(path):  # a file, a FIFO, a broken link or a link loop
                read_file(path, out, read_manifest(path.parent, out))
            else:
                out.error(str(path), "no such file or folder")
        elif isinstance(item, str):
            if item.strip():
                out.docs.append(Doc(item, path=f"<text {i}>"))
            else:
                out.error(f"<text {i}>", "empty text")
        else:
            out.error(f"<item {i}>", f"not a path or a text: {type(item).__name__}")
    return out


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is, or None for a regular one."""
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "an unknown kind"


# One ASCII word of file-name characters with a letter (`seedz`, `news.txt`): a
# path even when missing, so that a mistyped one is reported, not read as a
# one-word article (which holds no deal). CJK sentences have no spaces either,
# hence ASCII only.
_NAME_LIKE = re.compile(r"[A-Za-z0-9._~-]*[A-Za-z][A-Za-z0-9._~-]*")


def _looks_like_path(item: str) -> bool:
    if "\n" in item or len(item) >= 4096:
        return False
    try:
        return os.sep in item or _NAME_LIKE.fullmatch(item) is not None or Path(item).exists()
    except OSError:  # a sentence longer than a file name may be (ENAMETOOLONG) is a text
        return False
