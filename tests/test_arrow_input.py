"""Texts given as Arrow strings (a polars Series, pyarrow arrays) are read in place
by the core and give the frames a list of the same texts gives."""

from __future__ import annotations

import polars as pl
import pyarrow as pa
import pytest
from polars.testing import assert_frame_equal, assert_series_equal

import dealscope as ds
from conftest import seed_texts
from dealscope import _core

TEXTS = [*seed_texts(), None, "", "Nvidia zainwestuje do 100 miliardów dolarów w OpenAI.",
         "ソフトバンクは3,500億ドルを投資", "short", "𝔘𝔫 a token much longer than twelve bytes"]
LISTED = [t if t is not None else "" for t in TEXTS]


def _stages():
    return {
        "tokenize": ds.tokenize,
        "parse_amounts": ds.parse_amounts,
        "parse_dates": lambda t, **kw: ds.parse_dates(t, ref="2025-06-15", **kw),
        "find_names": ds.find_names,
        "detect_languages": ds.detect_languages,
        "tokens_and_amounts": ds.tokens_and_amounts,
    }


def _equal(a, b):
    if isinstance(a, tuple):
        for x, y in zip(a, b, strict=True):
            _equal(x, y)
    elif isinstance(a, pl.Series):
        assert_series_equal(a, b)
    else:
        assert_frame_equal(a, b)


def _inputs():
    series = pl.Series("text", TEXTS)
    chunked = pl.concat([series.slice(0, 3), series.slice(3)], rechunk=False)
    assert chunked.n_chunks() == 2
    return {
        "series": series,
        "chunked series": chunked,
        "pyarrow string": pa.array(TEXTS, type=pa.string()),
        "pyarrow large_string": pa.array(TEXTS, type=pa.large_string()),
        "pyarrow string_view": pa.array(TEXTS, type=pa.string_view()),
        "pyarrow chunked": pa.chunked_array([TEXTS[:2], TEXTS[2:]]),
    }


@pytest.mark.parametrize("stage", list(_stages()))
@pytest.mark.parametrize("kind", list(_inputs()))
def test_arrow_texts_give_the_frames_of_a_list(stage, kind, engine):
    run = _stages()[stage]
    _equal(run(_inputs()[kind], engine=engine), run(LISTED, engine="python"))


def test_a_slice_across_chunks_reads_its_own_rows():
    start = len(TEXTS) - 3  # three rows of the first chunk, four of the second
    series = pl.concat([pl.Series(TEXTS)] * 2, rechunk=False).slice(start, 7)
    _equal(ds.parse_amounts(series), ds.parse_amounts((LISTED * 2)[start : start + 7]))
    _equal(ds.tokenize(series), ds.tokenize((LISTED * 2)[start : start + 7]))


def test_other_types_are_refused():
    with pytest.raises(TypeError, match="expected a Series of strings, got Int64"):
        ds.tokenize(pl.Series([1, 2]))
    with pytest.raises(TypeError, match="expected a Series of strings"):
        ds.tokenize(pa.array([1.5]))


class _Stream:
    """An Arrow producer polars is not part of (the core reads it directly)."""

    def __init__(self, array: pa.Array):
        self.array = pa.chunked_array([array])

    def __arrow_c_stream__(self, requested_schema=None):
        return self.array.__arrow_c_stream__(requested_schema)


def test_the_core_refuses_bytes_that_are_not_utf8_naming_the_text():
    data = b"fine" + b"ok\xff"
    bad = pa.Array.from_buffers(pa.string(), 2, [None, pa.py_buffer(
        pa.array([0, 4, 7], pa.int32()).buffers()[1].to_pybytes()), pa.py_buffer(data)])
    with pytest.raises(ValueError, match=r"texts\[1\]: not UTF-8 at byte 2"):
        _core.tokenize(_Stream(bad), 1)


def test_the_core_refuses_other_arrow_types():
    with pytest.raises(ValueError, match='expected an Arrow array of strings, got format "l"'):
        _core.tokenize(_Stream(pa.array([1, 2])), 1)
    batch = _core.tokenize(_Stream(pa.array(["a b"])), 1)
    assert len(batch) == 2
