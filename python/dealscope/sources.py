"""Reading text files, with a clear message naming the file and the place when one is bad."""

from __future__ import annotations

import codecs
from importlib import resources
from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class ReadError(Exception):
    """A file that cannot be read as text; the message names the file and why."""


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8, or UTF-16/32 with a byte-order mark.

    Empty, binary (NUL bytes without a UTF-16/32 mark) and undecodable data
    raise ReadError with the line and column of the first bad byte.
    """
    if not data:
        raise ReadError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise ReadError(f"{name}: bad {encoding} at byte {err.start}") from None
    if b"\x00" in data[:8192]:
        raise ReadError(f"{name}: binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        bad = data[err.start : err.start + 1].hex()
        raise ReadError(
            f"{name}: not UTF-8 (byte 0x{bad} at line {line}, column {column})"
        ) from None


def read_text_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(f"{path}: {err.strerror or err}") from None
    return decode(data, str(path))


def bundled_seeds() -> list[Path]:
    """The seed articles shipped inside the package."""
    folder = resources.files("dealscope").joinpath("seeds")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))
