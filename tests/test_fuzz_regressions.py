"""The kept fuzz corpus (tests/corpus/fuzz/<target>/) through both engines.

Each file is a fuzz input of the target named by its folder, read as the fuzz
targets read it (rust/tests/invariants/mod.rs: leading bytes pick the language
hint and the reference date, the rest is lossy UTF-8 text). Every text goes
through all four parsers in both engines in one batch: identical frames, and
the invariants of the Python API. Files are at most 4 KiB (rust/fuzz/keep.py),
which keeps the pure-Python engine's share of this test to a few seconds.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal, assert_series_equal

import dealscope as ds

FUZZ = Path(__file__).parent / "corpus" / "fuzz"
TARGETS = ("tokenize", "amounts", "dates", "names", "all")
# As LANGS of rust/tests/invariants/mod.rs; byte values past the end detect.
LANGS = ("pl", "ja", "it", "ru", "zh", "en", "de", "fr", "es", "xx", "", "ko")
MIN_DAYS, MAX_DAYS = -719_162, 2_932_896  # 0001-01-01 and 9999-12-31
EPOCH = dt.date(1970, 1, 1)


def lang(byte: int) -> str | None:
    i = byte % (len(LANGS) + 4)
    return LANGS[i] if i < len(LANGS) else None


def reference(head: bytes) -> int | None:
    """Days since 1970, as `reference` in invariants.rs."""
    any_ = int.from_bytes(head[1:5], "little", signed=True)
    return {
        0: None,
        1: MIN_DAYS,
        2: MAX_DAYS,
        3: -(2**31),
        4: 2**31 - 1,
        5: any_,
    }.get(head[0] % 8, MIN_DAYS + any_ % (MAX_DAYS - MIN_DAYS + 1))


def decode(target: str, data: bytes) -> tuple[str, str | None, dt.date | None]:
    """(text, language hint, reference date); a reference Python's `date`
    cannot hold (the fuzzer also tries the edges of i32) becomes none."""
    size = {"amounts": 1, "dates": 6, "all": 6}.get(target, 0)
    head = data[:size].ljust(size, b"\0")
    text = data[size:].decode("utf-8", errors="replace")
    if size == 0:
        return text, None, None
    days = reference(head[1:6]) if size == 6 else None
    ref = EPOCH + dt.timedelta(days=days) if days is not None and (
        MIN_DAYS <= days <= MAX_DAYS) else None
    return text, lang(head[0]), ref


def kept() -> list[tuple[str, str | None, dt.date | None]]:
    return [
        decode(target, path.read_bytes())
        for target in TARGETS
        for path in sorted((FUZZ / target).iterdir())
    ]


@pytest.fixture(scope="module")
def inputs() -> list[tuple[str, str | None, dt.date | None]]:
    found = kept()
    assert found, "no kept fuzz inputs"
    return found


def frames(inputs, engine: str) -> dict[str, pl.DataFrame]:
    texts = [t for t, _, _ in inputs]
    langs = [c for _, c, _ in inputs]
    refs = [r for _, _, r in inputs]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            "tokens": ds.tokenize(texts, engine=engine),
            "amounts": ds.parse_amounts(texts, lang=langs, engine=engine),
            "dates": ds.parse_dates(texts, lang=langs, ref=refs, engine=engine),
            "names": ds.find_names(texts, engine=engine),
        }


@pytest.fixture(scope="module")
def both(inputs) -> dict[str, dict[str, pl.DataFrame]]:
    return {engine: frames(inputs, engine) for engine in ("rust", "python")}


def test_both_engines_agree(inputs, both):
    for name in both["rust"]:
        assert_frame_equal(both["rust"][name], both["python"][name])
    texts = [t for t, _, _ in inputs]
    assert_series_equal(ds.detect_languages(texts, engine="rust"),
                        ds.detect_languages(texts, engine="python"))


def test_same_input_same_output(inputs, both):
    again = frames(inputs, "rust")
    for name, frame in both["rust"].items():
        assert_frame_equal(frame, again[name])


def test_spans_round_trip_in_order(inputs, both):
    texts = [t for t, _, _ in inputs]
    for name, frame in both["rust"].items():
        column = "token" if name == "tokens" else "text"
        last: dict[int, int] = {}
        for doc, start, end, text in frame.select("doc", "start", "end", column).iter_rows():
            assert 0 <= start < end <= len(texts[doc]), (name, doc)
            assert texts[doc][start:end] == text, (name, doc)
            assert start >= last.get(doc, 0), (name, doc)  # ordered, no overlaps
            last[doc] = end


# Which of (low, value, high) each qualifier sets, and the unit of each kind (README).
SHAPES = {"exact": (1, 1, 1), "approx": (1, 1, 1), "at_least": (1, 1, 0),
          "at_most": (0, 1, 1), "range": (1, 0, 1), "vague": (1, 0, 1)}
UNITS = {"percent": "%", "power": "W", "count": None, "number": None}


def test_amount_bounds_hold(both):
    for row in both["rust"]["amounts"].iter_rows(named=True):
        bounds = (row["low"], row["value"], row["high"])
        values = [v for v in bounds if v is not None]
        assert values and not any(math.isnan(v) for v in values), row
        assert values == sorted(values), row
        assert tuple(int(v is not None) for v in bounds) == SHAPES[row["qualifier"]], row
        if row["kind"] == "money":
            assert row["unit"], row
        else:
            assert row["unit"] == UNITS[row["kind"]], row


def test_dates_open_their_period(both):
    for row in both["rust"]["dates"].drop_nulls("date").iter_rows(named=True):
        date, precision = row["date"], row["precision"]
        assert precision in ("day", "week") or date.day == 1, row
        assert precision != "week" or date.weekday() == 0, row  # its Monday
        assert precision != "quarter" or date.month % 3 == 1, row
        assert precision != "year" or date.month == 1, row


def test_an_empty_language_code_means_detect():
    """Found by this replay: the Rust batch read lang="" as an unknown code
    ("." as decimal mark) where the Python engine detects the language."""
    text = "Inwestycja warta 1.500 mld zł, ogłoszona w marcu."
    for engine in ("rust", "python"):
        empty = ds.parse_amounts(text, lang="", engine=engine)
        assert_frame_equal(empty, ds.parse_amounts(text, engine=engine))
        assert empty["value"].to_list() == [1.5e12]
        assert_frame_equal(ds.parse_dates(text, lang="", ref="2025-06-15", engine=engine),
                           ds.parse_dates(text, ref="2025-06-15", engine=engine))
