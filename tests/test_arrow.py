"""The core's Arrow arrays hold to the Arrow spec: pyarrow, a second reader, validates
them in full and reads the same frames polars does."""

from __future__ import annotations

import pyarrow as pa
import pytest
from polars.testing import assert_frame_equal

import dealscope as ds
from conftest import seed_texts
from dealscope import _core

# Long and short strings, nulls (units, dates), several scripts, an empty text.
TEXTS = [*seed_texts(), "", "Nvidia investirà fino a 100 miliardi di dollari nel 2026.",
         "a-token-much-longer-than-twelve-bytes 𝔘𝔫 ドル 3,500億ドル — last week"]


def _read(batch) -> pa.Array:
    array = pa.array(batch)
    array.validate(full=True)
    return array


@pytest.mark.parametrize("stage", ["tokenize", "parse_amounts", "parse_dates", "find_names"])
def test_pyarrow_validates_the_arrays_and_reads_the_api_frames(stage):
    langs, refs = [None] * len(TEXTS), [20_000] * len(TEXTS)
    args = {"tokenize": (TEXTS, 1), "find_names": (TEXTS, 1),
            "parse_amounts": (TEXTS, langs, 1), "parse_dates": (TEXTS, langs, refs, 1)}[stage]
    out = getattr(_core, stage)(*args)
    array = _read(out[0] if isinstance(out, tuple) else out)
    assert len(array) > 0 and array.null_count == 0
    if stage in ("tokenize", "parse_amounts"):
        import polars as pl

        frame = pl.from_arrow(pa.RecordBatch.from_struct_array(array))
        assert_frame_equal(frame, getattr(ds, stage)(TEXTS))


def test_string_views_keep_long_strings_and_nulls():
    array = _read(_core.tokenize(["a-token-much-longer-than-twelve-bytes x"], 1))
    assert array.type.field("token").type == pa.string_view()
    assert array.field("token").to_pylist() == ["a-token-much-longer-than-twelve-bytes", "x"]
    amounts = _read(_core.parse_amounts(["5 tys. 10 mld zł"], ["pl"], 1))
    assert amounts.field("unit").to_pylist() == [None, "PLN"]  # a bare number has no unit
    assert amounts.field("unit").null_count == 1
    dates = _read(_core.parse_dates(["on 5 March 2024 and last week"], [None], [None], 1))
    assert dates.field("date").to_pylist()[1] is None  # relative, and no reference date
    assert dates.field("relative").to_pylist() == [False, True]
