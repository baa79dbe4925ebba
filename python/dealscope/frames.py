"""The frames' columns and types (the contract of DESIGN.md), and how to build them."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

# Code tables: the order is the code. The Rust core has the same names
# (`_core.code_tables()`, held equal by a test).
TOKEN_KINDS = ("word", "number", "han", "kana", "hangul", "symbol", "punct", "other")
AMOUNT_KINDS = ("money", "percent", "power", "count", "number")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")
PRECISIONS = ("day", "month", "quarter", "half", "year", "week")
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


# `lang`: the language the sentence is read in (in `extract`, its document's unless
# it is plainly in another).
SENTENCE_SCHEMA = {
    "doc": pl.UInt32, "sid": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
    "sentence": pl.String, "lang": pl.String,
}


NAME_SCHEMA = {
    "doc": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32, "text": pl.String,
    "name": pl.String, "kind": pl.String, "role": pl.String, "parent": pl.String,
}


def from_rows(rows: Sequence[tuple], schema: dict) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=schema, orient="row")


def from_arrow(batch: object, schema: dict) -> pl.DataFrame:
    """A frame from the Rust core's Arrow struct array (taken without a copy through
    the Arrow PyCapsule interface); its columns must be `schema`'s, in order."""
    frame = pl.DataFrame(batch)
    if frame.schema != pl.Schema(schema):
        raise RuntimeError(f"dealscope core: frame {frame.schema} is not {schema} (a bug)")
    return frame
