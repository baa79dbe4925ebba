"""Phrase tables: lexicon phrases as token sequences, looked up longest first."""

from __future__ import annotations

from functools import cache

from ..lexicon import FALLBACK, LANGS, LATIN_LANGS, Entry, load_lang, merged_entries
from .tokenizer import tokenize

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


def norm(text: str) -> str:
    """The lookup form of a token: lower case, one apostrophe."""
    return text.lower().translate(_APOSTROPHES)


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    return phrase_shape(phrase)[0]


def phrase_shape(phrase: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """A phrase's token keys, and for each inner boundary whether it is glued.

    Tokens written without a space between them (``A$``, ``tys.``) must be
    glued in the text too; a space in the phrase allows either.
    """
    # An elided form (d', l') stands alone in text, so it is one token here too.
    if phrase.endswith(("'", "’")) and " " not in phrase:
        return (norm(phrase),), ()
    toks = tokenize(phrase)
    keys = tuple(norm(t[2]) for t in toks)
    glue = tuple(toks[k][1] == toks[k + 1][0] for k in range(len(toks) - 1))
    return keys, glue


class PhraseTable:
    def __init__(self, entries: dict[str, Entry]) -> None:
        merged: dict[tuple, Entry] = {}
        # Sorted, so that phrases written two ways merge in one order in both engines.
        for phrase, entry in sorted(entries.items()):
            keys, glue = phrase_shape(phrase)
            if keys:
                target = merged.setdefault((keys, glue), Entry())
                target.overlay(entry)
        Option = tuple[tuple[str, ...], tuple[bool, ...], Entry]
        self.by_first: dict[str, list[Option]] = {}
        for (keys, glue), entry in merged.items():
            self.by_first.setdefault(keys[0], []).append((keys[1:], glue, entry))
        for options in self.by_first.values():
            options.sort(key=lambda o: (-len(o[0]), o[0], o[1]))

    def candidates(self, keys: list[str], glued: list[bool], i: int) -> list[tuple[int, Entry]]:
        """Every phrase starting at token i, as (length, entry), longest first.

        ``glued[k]`` says that token k touches token k + 1 (no space between).
        """
        options = self.by_first.get(keys[i])
        if not options:
            return []
        found = []
        n = len(keys)
        for tail, glue, entry in options:
            end = i + 1 + len(tail)
            if (
                end <= n
                and all(keys[i + 1 + k] == t for k, t in enumerate(tail))
                and all(glued[i + k] for k, g in enumerate(glue) if g)
            ):
                found.append((1 + len(tail), entry))
        return found


@cache
def phrase_table(lang: str) -> PhraseTable:
    return PhraseTable(merged_entries(lang if lang in LANGS else FALLBACK))


@cache
def detection_words() -> dict[str, frozenset[str]]:
    """Single-token words that vote for a Latin-script language."""
    votes = {}
    for lang in LATIN_LANGS:
        data = load_lang(lang)
        words = set(data.stopwords)
        words |= {k for k in data.entries if len(phrase_tokens(k)) == 1}
        votes[lang] = frozenset(norm(w) for w in words)
    return votes


@cache
def detection_letters() -> dict[str, tuple[int, ...]]:
    """Each letter that breaks a tie of votes (a language's ``letters``, upper case
    too when one character), and the LATIN_LANGS indexes it counts for."""
    out: dict[str, list[int]] = {}
    for i, lang in enumerate(LATIN_LANGS):
        for c in load_lang(lang).letters:
            upper = c.upper()
            for form in {c, upper} if len(upper) == 1 else {c}:
                out.setdefault(form, []).append(i)
    return {c: tuple(langs) for c, langs in out.items()}
