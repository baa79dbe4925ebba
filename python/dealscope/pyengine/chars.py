"""Character classes from common.toml, as a painted table and as regex classes."""

from __future__ import annotations

from functools import cache

from ..lexicon import CHAR_CLASSES, load_common

BMP = 0x10000


class CharTable:
    """Each code point's class name ('' for none), first listed class winning."""

    def __init__(self) -> None:
        chars = load_common()["chars"]
        self.ranges: dict[str, list[tuple[int, int]]] = {
            name: [(int(lo), int(hi)) for lo, hi in chars[name]] for name in CHAR_CLASSES
        }
        self.bmp = bytearray(BMP)
        self.astral: list[tuple[int, int, int]] = []
        # Paint lowest priority first so that earlier classes overwrite later ones.
        for code in range(len(CHAR_CLASSES), 0, -1):
            for lo, hi in self.ranges[CHAR_CLASSES[code - 1]]:
                if lo < BMP:
                    top = min(hi, BMP - 1)
                    self.bmp[lo : top + 1] = bytes([code]) * (top - lo + 1)
                if hi >= BMP:
                    self.astral.append((max(lo, BMP), hi, code))
        self.astral.sort(key=lambda r: -r[2])  # highest priority last wins below

    def class_of(self, ch: str) -> str:
        cp = ord(ch)
        code = self.bmp[cp] if cp < BMP else 0
        if cp >= BMP:
            for lo, hi, c in self.astral:
                if lo <= cp <= hi:
                    code = c
        return CHAR_CLASSES[code - 1] if code else ""

    def regex_class(self, *names: str) -> str:
        """A `[...]` regex class holding exactly the code points of these classes."""
        codes = {CHAR_CLASSES.index(n) + 1 for n in names}
        parts: list[str] = []
        start = None
        for cp in range(BMP + 1):
            inside = cp < BMP and self.bmp[cp] in codes
            if inside and start is None:
                start = cp
            elif not inside and start is not None:
                parts.append(_span(start, cp - 1))
                start = None
        for lo, hi, code in self.astral:
            if code in codes:
                parts.append(_span(lo, hi))
        return "[" + "".join(parts) + "]"


def _span(lo: int, hi: int) -> str:
    return f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}"


@cache
def char_table() -> CharTable:
    return CharTable()
