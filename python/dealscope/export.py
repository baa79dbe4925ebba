"""Writing frames to Parquet, CSV or JSON: used by `dealscope extract` and the app's export."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

FORMATS = ("parquet", "csv", "json")


def format_of(path: Path) -> str:
    """The format a file name asks for; ValueError naming the choices otherwise."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"{path.name}: the name must end in .csv, .parquet or .json")
    return fmt


def _as_json(value) -> str:
    value = value.to_list() if hasattr(value, "to_list") else value
    return json.dumps(value, default=str, ensure_ascii=False)


def write_frame(frame: pl.DataFrame, path: Path, fmt: str | None = None) -> Path:
    """One frame to `path`; CSV holds no lists, so nested columns go out as JSON text."""
    fmt = fmt or format_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        frame.write_parquet(path)
    elif fmt == "json":
        frame.write_json(path)
    else:
        nested = [c for c, t in frame.schema.items() if isinstance(t, (pl.List, pl.Struct))]
        frame.with_columns(
            pl.col(c).map_elements(_as_json, return_dtype=pl.String) for c in nested
        ).write_csv(path)
    return path


def read_frame(path: Path) -> pl.DataFrame:
    """A frame written by `write_frame` (CSV's nested columns stay JSON text)."""
    fmt = format_of(path)
    if fmt == "parquet":
        return pl.read_parquet(path)
    if fmt == "json":
        return pl.read_json(path)
    return pl.read_csv(path)
