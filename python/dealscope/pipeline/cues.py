"""Deal cue words (lexicon/deals.toml) found in sentences, with their positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..lexicon import _read

CATEGORIES = (
    "investment", "compute", "chips", "acquisition", "partnership", "funding", "valuation",
    "revenue", "spending", "talks", "announced", "completed", "planned", "total", "tranche",
    "provider", "customer", "competitor",
)
SUBSTRING_LANGS = ("ja", "zh")  # entries are whole words found anywhere


@cache
def _data() -> dict:
    return _read("deals")


_WORD = re.compile(r"\w[\w'-]*|[$€£¥]")


@dataclass
class Vocabulary:
    """One language's cue words, ready for a single pass over a sentence's words."""

    stems: dict[str, set[str]] = field(default_factory=dict)  # one-word stem → categories
    lengths: tuple[int, ...] = ()
    heads: frozenset[str] = frozenset()  # every stem's first lengths[0] characters
    phrases: dict[str, list[tuple[tuple[str, ...], str, set[str]]]] = field(default_factory=dict)
    substrings: list[tuple[str, str]] = field(default_factory=list)  # (word, category): ja, zh


@cache
def vocabulary(lang: str) -> Vocabulary:
    """The language's words plus English (news mixes it in)."""
    data = _data()
    vocab = Vocabulary()
    for code in [lang] if lang == "en" else [lang, "en"]:
        for cat in CATEGORIES:
            for entry in data.get(code, {}).get(cat, []):
                entry = entry.replace("’", "'").lower()
                if not entry:  # an empty entry would be a cue everywhere
                    continue
                if code in SUBSTRING_LANGS:
                    vocab.substrings.append((entry, cat))
                    continue
                parts = _WORD.findall(entry)
                if len(parts) == 1:
                    vocab.stems.setdefault(parts[0], set()).add(cat)
                elif parts:
                    vocab.phrases.setdefault(parts[0], []).append((tuple(parts[1:]), cat,
                                                                   {cat}))
    vocab.lengths = tuple(sorted({len(s) for s in vocab.stems}))
    if vocab.lengths:
        vocab.heads = frozenset(s[: vocab.lengths[0]] for s in vocab.stems)
    return vocab


@cache
def chip_families() -> list[tuple[str, tuple[str, ...], re.Pattern[str]]]:
    out = []
    for family, names in _data().get("chip_family", {}).items():
        alts = sorted((re.escape(n) for n in names), key=len, reverse=True)
        out.append((family, tuple(names),
                    re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")))
    return out


def find(sentence: str, lang: str) -> dict[str, list[int]]:
    """Category → start offsets (within the sentence) of its cue words.

    Latin and Cyrillic entries are stems: a word matches when it starts with
    one; a phrase's words match in order, the last as a stem. Japanese and
    Chinese entries match anywhere.
    """
    low = sentence.lower().replace("’", "'")
    vocab = vocabulary(lang)
    found: dict[str, list[int]] = {}
    words = [(m.start(), m.group()) for m in _WORD.finditer(low)]
    shortest = vocab.lengths[0] if vocab.lengths else 0
    for i, (pos, word) in enumerate(words):
        # Most words start no stem: one set lookup rules them out.
        for size in vocab.lengths if word[:shortest] in vocab.heads else ():
            if size > len(word):
                break
            for cat in vocab.stems.get(word[:size], ()):
                found.setdefault(cat, []).append(pos)
        for rest, cat, _ in vocab.phrases.get(word, ()):
            tail = words[i + 1 : i + 1 + len(rest)]
            if len(tail) == len(rest) and all(w == r for (_, w), r in zip(tail[:-1], rest[:-1])) \
                    and tail[-1][1].startswith(rest[-1]):
                found.setdefault(cat, []).append(pos)
    present = set(low) if vocab.substrings else set()
    for entry, cat in vocab.substrings:
        if entry[0] not in present:  # a set lookup instead of a scan of the sentence
            continue
        at = low.find(entry)
        while at >= 0:
            found.setdefault(cat, []).append(at)
            at = low.find(entry, at + 1)
    for hits in found.values():
        hits.sort()
    return found


@cache
def _any_chip_name() -> re.Pattern[str]:
    """Every family's names as plain text, longest first: one scan rules out most
    sentences (far faster than each family's pattern with its word boundaries)."""
    names = sorted({n for _, names, _ in chip_families() for n in names}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)) or "(?!)")


def chip_family(sentence: str) -> str | None:
    """The first family (in the lexicon's order) a name of which the sentence has."""
    if not _any_chip_name().search(sentence):
        return None
    for family, _names, pattern in chip_families():
        if pattern.search(sentence):
            return family
    return None


def markers(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Particles that mark the doer and the thing done to (Japanese が / を)."""
    data = _data().get(lang, {})
    return tuple(data.get("agent_marker", [])), tuple(data.get("object_marker", []))
