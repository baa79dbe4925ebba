"""Properties of every frame on generated text (hypothesis), for both engines."""

from __future__ import annotations

import math
import re
import warnings

from hypothesis import given
from hypothesis import strategies as st
from polars.testing import assert_frame_equal
from test_differential import REFS, texts

import dealscope as ds
from dealscope.lexicon import LANGS


@given(st.lists(texts(), min_size=1, max_size=3), st.sampled_from(["rust", "python"]))
def test_spans_round_trip_and_bounds_hold(batch, engine):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frames = {
            "tokens": ds.tokenize(batch, engine=engine),
            "amounts": ds.parse_amounts(batch, engine=engine),
            "dates": ds.parse_dates(batch, engine=engine, ref="2025-06-15"),
            "names": ds.find_names(batch, engine=engine),
        }
        again = {
            "tokens": ds.tokenize(batch, engine=engine, threads=1),
            "amounts": ds.parse_amounts(batch, engine=engine, threads=1),
            "dates": ds.parse_dates(batch, engine=engine, ref="2025-06-15", threads=1),
            "names": ds.find_names(batch, engine=engine, threads=1),
        }
    for name, frame in frames.items():  # same input, same output (any thread count)
        assert_frame_equal(again[name], frame)
    fixed = [t if not any("\ud800" <= c <= "\udfff" for c in t) else
             "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in t) for t in batch]
    for name, frame in frames.items():
        text_col = "token" if name == "tokens" else "text"
        last = {}
        for row in frame.iter_rows(named=True):
            doc, start, end = row["doc"], row["start"], row["end"]
            assert 0 <= start < end <= len(fixed[doc])
            assert fixed[doc][start:end] == row[text_col]
            assert start >= last.get(doc, 0), name  # ordered, no overlaps
            last[doc] = end
    for row in frames["amounts"].iter_rows(named=True):
        values = [v for v in (row["low"], row["value"], row["high"]) if v is not None]
        assert values, row
        assert not any(math.isnan(v) for v in values)
        assert values == sorted(values), row


# Language hints as a caller may give them: every code, unknown ones, the
# fallback, an empty string (detect) and none.
SURROGATE = re.compile("[\ud800-\udfff]")
HINTS = st.sampled_from([*LANGS, "xx", "ko", "", None])


@given(st.lists(st.tuples(texts(), HINTS, REFS), min_size=1, max_size=4))
def test_engines_agree_with_language_hints(batch):
    texts_, langs, refs = (list(x) for x in zip(*batch, strict=True))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for parse, kwargs in ((ds.parse_amounts, {}), (ds.parse_dates, {"ref": refs})):
            rust = parse(texts_, lang=langs, engine="rust", **kwargs)
            assert_frame_equal(rust, parse(texts_, lang=langs, engine="python", **kwargs))
            for row in rust.iter_rows(named=True):  # spans hold under any hint
                text = SURROGATE.sub("\ufffd", texts_[row["doc"]])
                assert text[row["start"]:row["end"]] == row["text"]
