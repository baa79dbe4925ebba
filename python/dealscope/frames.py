"""The frames' columns and types (the contract of DESIGN.md), and how to build them."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

# Code tables shared with the Rust core (rust/codes.rs): the order is the code.
TOKEN_KINDS = ("word", "number", "han", "kana", "hangul", "symbol", "punct", "other")
AMOUNT_KINDS = ("money", "percent", "power", "count", "number")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")
PRECISIONS = ("day", "month", "quarter", "year")
RELATIONS = ("on", "by", "since", "before")

TOKEN_SCHEMA = {
    "doc": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32, "token": pl.String,
    "kind": pl.String,
}
AMOUNT_SCHEMA = {
    "doc": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32, "text": pl.String,
    "kind": pl.String, "value": pl.Float64, "low": pl.Float64, "high": pl.Float64,
    "unit": pl.String, "qualifier": pl.String,
}


DATE_SCHEMA = {
    "doc": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32, "text": pl.String,
    "date": pl.Date, "precision": pl.String, "relation": pl.String, "relative": pl.Boolean,
}


NAME_SCHEMA = {
    "doc": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32, "text": pl.String,
    "name": pl.String, "kind": pl.String, "role": pl.String, "parent": pl.String,
}


def from_rows(rows: Sequence[tuple], schema: dict) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=schema, orient="row")


def from_buffers(n: int, columns: dict, schema: dict) -> pl.DataFrame:
    """Assemble a frame from the Rust core's raw column buffers (no per-row objects)."""
    import nanoarrow as na

    series = []
    for name, dtype in schema.items():
        col = columns[name]
        if dtype == pl.UInt32:
            s = pl.Series(na.c_array_from_buffers(na.uint32(), n, [None, col]))
        elif dtype == pl.Date:
            # Days since 1970; i32::MIN marks null (no reference date to resolve against).
            days = pl.Series(na.c_array_from_buffers(na.int32(), n, [None, col]))
            s = pl.when(days == -(2**31)).then(None).otherwise(days).cast(pl.Date)
            s = pl.select(s.alias("d")).to_series()
        elif dtype == pl.Boolean:
            s = pl.Series(na.c_array_from_buffers(na.uint8(), n, [None, col])) == 1
        elif dtype == pl.Float64:
            # NaN marks null: a parsed number is never NaN.
            s = pl.Series(na.c_array_from_buffers(na.float64(), n, [None, col])).fill_nan(None)
        elif isinstance(col, tuple) and len(col) == 2 and isinstance(col[1], list):
            codes, names = col
            codes = pl.Series(na.c_array_from_buffers(na.uint8(), n, [None, codes]))
            s = pl.Series(names, dtype=pl.String).gather(codes)
        else:
            offsets, data = col
            s = pl.Series(na.c_array_from_buffers(na.large_string(), n, [None, offsets, data]))
        series.append(s.cast(dtype).alias(name))
    return pl.DataFrame(series)
