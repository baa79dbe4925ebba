"""Properties of every frame on generated text (hypothesis), for both engines."""

from __future__ import annotations

import math
import warnings

from hypothesis import given
from hypothesis import strategies as st
from test_differential import texts

import dealscope as ds


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
        again = ds.parse_amounts(batch, engine=engine)
    assert again.equals(frames["amounts"])  # same input, same output
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
