"""Frames as uncompressed Arrow IPC files, read back by mapping them.

Polars writes strings as views; pyarrow maps such a file and hands its buffers
to polars as they are, so a frame read this way costs pages of the file (read
in when touched, dropped again by the system when memory is short), not
anonymous memory. Used for `extract`'s spilled batches.

Mapped buffers are not validated: polars trusts them (text that is not UTF-8
makes it panic), so only files this process has just written are read here.
A store read this way would need ``pyarrow.Table.validate(full=True)`` first.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.ipc as ipc


def write(frame: pl.DataFrame, path: Path) -> None:
    # Uncompressed, so that the file's bytes are the buffers themselves.
    frame.write_ipc(path, compression="uncompressed")


def mapped(path: Path) -> pl.DataFrame:
    """The frame in `path` (written by `write`), mapped."""
    with pa.memory_map(str(path)) as source:  # the buffers keep the mapping alive
        table = ipc.open_file(source).read_all()
    frame = pl.from_arrow(table)
    if not isinstance(frame, pl.DataFrame):  # from_arrow gives a frame for a table
        raise TypeError(f"{path}: not a table")
    return frame
