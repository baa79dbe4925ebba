"""Which language a text is in, from its tokens' scripts and lexicon words.

Shared with ``rust/langdetect.rs``: letters are counted per script (han and
kana count double, as one character carries about a word); the largest
wins, ties going to CJK, then hangul, Cyrillic, Latin. CJK with at least 5 %
kana is Japanese, else Chinese. Latin text votes by stopwords and
single-word lexicon phrases; no vote at all, or a tie at the top, gives
``xx`` (unknown).
"""

from __future__ import annotations

from ..lexicon import FALLBACK, LATIN_LANGS
from .chars import char_table
from .phrases import detection_words, norm
from .tokenizer import Token


def detect(tokens: list[Token]) -> str:
    return decide(scores(tokens))


def scores(tokens: list[Token]) -> list[int]:
    """The counts `detect` weighs, which add up over pieces of a text cut between
    tokens: [cjk, kana, hangul, cyrillic, latin, one vote count per LATIN_LANGS]."""
    table = char_table()
    votes = detection_words()
    latin = cyrillic = cjk = kana = hangul = 0
    counts = dict.fromkeys(LATIN_LANGS, 0)
    for start, end, text, kind in tokens:
        size = end - start
        if kind == "word":
            script = table.class_of(text[0])
            if script == "latin":
                latin += size
                key = norm(text)
                for lang in LATIN_LANGS:
                    if key in votes[lang]:
                        counts[lang] += 1
            elif script == "cyrillic":
                cyrillic += size
        elif kind == "han":
            cjk += size
        elif kind == "kana":
            kana += size
            cjk += size
        elif kind == "hangul":
            hangul += size
    return [cjk, kana, hangul, cyrillic, latin, *counts.values()]


def decide(s: list[int]) -> str:
    """The language (summed) `scores` point to."""
    cjk, kana, hangul, cyrillic, latin = s[:5]
    best, bucket = 0, ""
    for name, score in (("cjk", 2 * cjk), ("hangul", 2 * hangul), ("cyrillic", cyrillic),
                        ("latin", latin)):
        if score > best:
            best, bucket = score, name
    if bucket == "cjk":
        return "ja" if kana * 20 >= cjk else "zh"
    if bucket == "hangul":
        return "ko"
    if bucket == "cyrillic":
        return "ru"
    if bucket == "latin":
        return _vote(dict(zip(LATIN_LANGS, s[5:])))
    return FALLBACK


def _vote(scores: dict[str, int]) -> str:
    best = max(scores.values())
    winners = [lang for lang in LATIN_LANGS if scores[lang] == best]
    if best == 0 or len(winners) > 1:
        return FALLBACK
    return winners[0]
