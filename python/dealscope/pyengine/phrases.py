"""Phrase tables: lexicon phrases as token sequences, looked up longest first."""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import FALLBACK, LANGS, LATIN_LANGS, Entry, load_lang, merged_entries
from .tokenizer import tokenize

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


def norm(text: str) -> str:
    """The lookup form of a token: lower case, one apostrophe."""
    return text.lower().translate(_APOSTROPHES)


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    # An elided form (d', l') stands alone in text, so it is one token here too.
    if phrase.endswith(("'", "’")) and " " not in phrase:
        return (norm(phrase),)
    return tuple(norm(tok[2]) for tok in tokenize(phrase))


class PhraseTable:
    def __init__(self, entries: dict[str, Entry]) -> None:
        merged: dict[tuple[str, ...], Entry] = {}
        # Sorted, so that phrases written two ways merge in one order in both engines.
        for phrase, entry in sorted(entries.items()):
            keys = phrase_tokens(phrase)
            if keys:
                target = merged.setdefault(keys, Entry())
                target.overlay(entry)
        self.by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for keys, entry in merged.items():
            self.by_first.setdefault(keys[0], []).append((keys[1:], entry))
        for options in self.by_first.values():
            options.sort(key=lambda o: (-len(o[0]), o[0]))

    def candidates(self, keys: list[str], i: int) -> list[tuple[int, Entry]]:
        """Every phrase starting at token i, as (length, entry), longest first."""
        options = self.by_first.get(keys[i])
        if not options:
            return []
        found = []
        n = len(keys)
        for tail, entry in options:
            end = i + 1 + len(tail)
            if end <= n and all(keys[i + 1 + k] == t for k, t in enumerate(tail)):
                found.append((1 + len(tail), entry))
        return found


@lru_cache(maxsize=None)
def phrase_table(lang: str) -> PhraseTable:
    return PhraseTable(merged_entries(lang if lang in LANGS else FALLBACK))


@lru_cache(maxsize=None)
def detection_words() -> dict[str, frozenset[str]]:
    """Single-token words that vote for a Latin-script language."""
    votes = {}
    for lang in LATIN_LANGS:
        data = load_lang(lang)
        words = set(data.stopwords)
        words |= {k for k in data.entries if len(phrase_tokens(k)) == 1}
        votes[lang] = frozenset(norm(w) for w in words)
    return votes
