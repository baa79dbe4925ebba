"""A document's tokens as the parsers read them: lookup keys, glue, phrase lookups.

Shared by the amount and the date parser (``rust/view.rs`` is its twin).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TypeVar

from ..lexicon import load_common
from .langdetect import Runs
from .phrases import norm, phrase_table
from .tokenizer import Token

_COMMON = load_common()
CJK_DIGITS: dict[str, int] = _COMMON["cjk_numerals"]
CJK_MULT: dict[str, int] = _COMMON["cjk_multipliers"]
CJK_CHARS = set(CJK_DIGITS) | set(CJK_MULT)

T = TypeVar("T")


class TokenView:
    def __init__(self, text: str, tokens: list[Token], runs: Runs) -> None:
        """`runs`: the language each token is read in (``langdetect.Runs``)."""
        self.text = text
        self.tokens = tokens
        self.keys = [norm(t[2]) for t in tokens]
        self.glued_next = [a[1] == b[0] for a, b in itertools.pairwise(tokens)] + [False]
        self.n = len(tokens)
        self.runs = runs
        self.read_in(runs[0][1])

    def read_in(self, lang: str) -> None:
        """Read what follows in this language (its phrase table)."""
        self.table = phrase_table(lang)

    def match(self, i: int, role: str):
        """The longest phrase at token i with a value for `role`, as (length, value)."""
        if not 0 <= i < self.n:
            return None
        for size, entry in self.table.candidates(self.keys, self.glued_next, i):
            value = getattr(entry, role, None)
            if value is not None:
                return size, value
        return None

    def flag(self, i: int, name: str) -> int:
        """Length of the longest phrase at token i with this flag, 0 if none."""
        if not 0 <= i < self.n:
            return 0
        for size, entry in self.table.candidates(self.keys, self.glued_next, i):
            if name in entry.flags:
                return size
        return 0

    def is_cjk(self, i: int) -> bool:
        return self.tokens[i][2][0] in CJK_CHARS

    def glued(self, i: int) -> bool:
        """No space between token i-1 and token i."""
        return i > 0 and self.glued_next[i - 1]

    def scan(self, mention: Callable[[int], tuple[T, int] | None]) -> list[T]:
        """Try `mention` at every number and phrase start; after a hit, go on behind it.

        A mention is read in the language of the run it starts in (its phrases may
        reach into the next run).
        """
        out: list[T] = []
        i = 0
        ends = [first for first, _ in self.runs[1:]] + [self.n]
        for (first, lang), end in zip(self.runs, ends, strict=True):
            self.read_in(lang)
            starters = self.table.by_first
            i = max(i, first)
            while i < end:
                if self.tokens[i][3] == "number" or self.keys[i] in starters:
                    found = mention(i)
                    if found is not None:
                        item, i = found
                        out.append(item)
                        continue
                i += 1
        return out
