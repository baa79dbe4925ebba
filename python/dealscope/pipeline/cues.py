"""Deal cue words (lexicon/deals.toml) found in sentences, with their positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

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
_NO_KEY = re.compile("(?!)")


def _trie(words: set[str], end: str) -> str:
    """`words` as one regular expression, shared prefixes factored out (the regex
    engine then tries a few branches a word, not every word), each followed by `end`."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    def render(node: dict) -> str:
        alts = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(end)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return render(root) if root else "(?!)"


@dataclass
class Vocabulary:
    """One language's cue words, ready for one regex scan of a sentence."""

    stems: dict[str, set[str]] = field(default_factory=dict)  # one-word stem → categories
    shortest: int = 0  # the shortest stem's length
    # A stem's first `shortest` characters → the stems starting so, shortest first,
    # with their categories: a word tries only the stems that share its head.
    by_head: dict[str, list[tuple[str, set[str]]]] = field(default_factory=dict)
    # A phrase's first word → its (middle words, last word's stem, category) and the
    # most words after the first any of them needs.
    phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)
    phrase_len: dict[str, int] = field(default_factory=dict)
    substrings: list[tuple[str, str]] = field(default_factory=list)  # (word, category): ja, zh
    # The words that may hold a cue (they start with a head or are a phrase's first
    # word), found by one regex scan of the sentence instead of a test per word.
    candidates: re.Pattern[str] = _NO_KEY
    # Substring entries by first character, with their place in `substrings` (kept,
    # so a sentence's categories come out in the same order).
    by_first: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)


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
                    first, *middle, last = parts
                    vocab.phrases.setdefault(first, []).append((tuple(middle), last, cat))
                    vocab.phrase_len[first] = max(vocab.phrase_len.get(first, 0), len(parts) - 1)
    vocab.shortest = min(map(len, vocab.stems), default=0)
    for stem in sorted(vocab.stems, key=len):
        vocab.by_head.setdefault(stem[: vocab.shortest], []).append((stem, vocab.stems[stem]))
    for i, (entry, cat) in enumerate(vocab.substrings):
        vocab.by_first.setdefault(entry[0], []).append((i, entry, cat))
    # A word starts where a run of [\w'-] starts, after any ' and - it begins with
    # (as `_WORD` finds it); the group is the word.
    vocab.candidates = re.compile(
        r"(?<![\w'-])['-]*(" + _trie(set(vocab.by_head), r"[\w'-]*")
        + "|" + _trie(set(vocab.phrases), r"(?![\w'-])") + ")")
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
    for m in vocab.candidates.finditer(low):
        pos, word = m.start(1), m.group(1)
        for stem, cats in vocab.by_head.get(word[: vocab.shortest], ()):
            if len(stem) > len(word):
                break
            if word.startswith(stem):
                for cat in cats:
                    found.setdefault(cat, []).append(pos)
        if word in vocab.phrases:
            # The words after this one, read once for all its phrases.
            after = tuple(w.group() for w in islice(_WORD.finditer(low, m.end()),
                                                    vocab.phrase_len[word]))
            for middle, last, cat in vocab.phrases[word]:
                k = len(middle)
                if len(after) > k and after[:k] == middle and after[k].startswith(last):
                    found.setdefault(cat, []).append(pos)
    if vocab.by_first:
        # Only entries whose first character the sentence has: a set intersection,
        # not a test per entry.
        firsts = vocab.by_first.keys() & set(low)
        for _, entry, cat in sorted(e for ch in firsts for e in vocab.by_first[ch]):
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
