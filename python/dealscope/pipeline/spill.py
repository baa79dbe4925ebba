"""Where `extract` keeps each batch's frames until the end: in memory, or on disk.

A large corpus's result is as large as the corpus (its text in ``documents``
and again in ``sentences``, millions of name mentions), so holding it in
memory would undo what batching bounds. `Spill` writes each batch's frames as
uncompressed Arrow IPC files and maps them back at the end (see
`arrowfile`): the frames returned are ordinary polars frames whose buffers
are pages of those files, not anonymous memory. The files are unlinked once
mapped (on Linux and macOS a mapping outlives its file's name), so nothing
is left behind and the disk space goes when the frames do.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from pathlib import Path

import polars as pl

from .. import arrowfile

SPILL_CHARS = 64 * 2**20
"""Corpora of more code points than this spill by default (see `extract`'s ``spill``)."""


def _joined(frames: list[pl.DataFrame]) -> pl.DataFrame:
    return pl.concat(frames) if len(frames) > 1 else frames[0]


class InMemory:
    """Batches kept as they are and concatenated at the end."""

    def __init__(self) -> None:
        self._parts: dict[str, list[pl.DataFrame]] = {}

    def put(self, name: str, frame: pl.DataFrame) -> None:
        self._parts.setdefault(name, []).append(frame)

    def take(self, name: str) -> pl.DataFrame:
        return _joined(self._parts.pop(name))

    def close(self) -> None:
        self._parts.clear()


class Spill:
    """Batches written to `folder` (a new folder inside `root`) and mapped back.

    A write that fails (a full disk) costs no result: a warning, and that batch
    and the ones after it stay in memory."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix="spill-", dir=root))
        self._parts: dict[str, list[Path | pl.DataFrame]] = {}
        self._failed = False

    def put(self, name: str, frame: pl.DataFrame) -> None:
        parts = self._parts.setdefault(name, [])
        if not self._failed:
            path = self.folder / f"{name}-{len(parts)}.arrow"
            try:
                arrowfile.write(frame, path)
                parts.append(path)
                return
            except OSError as err:
                self._failed = True
                path.unlink(missing_ok=True)
                warnings.warn(f"dealscope spill folder {self.folder}: "
                              f"{err.strerror or err}; keeping the rest in memory",
                              stacklevel=2)
        parts.append(frame)

    def take(self, name: str) -> pl.DataFrame:
        return _joined([self._mapped(part) if isinstance(part, Path) else part
                        for part in self._parts.pop(name)])

    @staticmethod
    def _mapped(path: Path) -> pl.DataFrame:
        frame = arrowfile.mapped(path)
        try:
            os.unlink(path)  # the mapping outlives the name (Linux, macOS)
        except OSError:  # Windows keeps a mapped file's name: `close` tries again
            pass
        return frame

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def sink(spill, size: int, default_root: Path) -> InMemory | Spill:
    """The sink `extract`'s ``spill`` asks for: None spills corpora of more than
    `SPILL_CHARS` code points (`size`) into `default_root`, True always, False
    never, a path always, there. A folder that cannot be made: a warning, memory."""
    if spill is None:
        spill = size > SPILL_CHARS
    if spill is False:
        return InMemory()
    root = default_root if spill is True else Path(spill)
    try:
        return Spill(root)
    except OSError as err:
        warnings.warn(f"dealscope spill folder {root}: {err.strerror or err}; "
                      "keeping the result in memory", stacklevel=3)
        return InMemory()
