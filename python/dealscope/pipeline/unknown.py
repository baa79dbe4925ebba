"""Organisations the lexicon does not know, caught where the text marks them.

Three marks, each a candidate (kind ``candidate`` in ``Corpus.mentions``),
never a deal party on its own:

- a project name: ``Project Rainier``, ``Projekt``/``Progetto``/``Proyecto``/
  ``Projet``/``Проект`` + a capitalised word, ``「スターゲート」`` after プロジェクト;
- a short capitalised name in quotes: „Stargate”, «Hyperion», "Colossus";
- two to four capitalised words in a row in a sentence with deal words
  (``Crusoe Energy Systems``), when none of them is a known name (not in
  German, which capitalises every noun).

Chip family names (``Tensor Processing Unit``) are not candidates. Places
are not told apart yet (``San Francisco``).
"""

from __future__ import annotations

import re

from .cues import chip_family

CAPITALISED_NOUN_LANGS = ("de",)

_CAP_HEAD = r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ]"
_CAP_TAIL = r"[A-Za-zÀ-ÿĀ-ſА-яЁё0-9&'’-]*(?:\.[a-z]{2,4})?"
_CAP = _CAP_HEAD + _CAP_TAIL
# PROJECT and CAPITALISED start with a letter, the test of the character before it (the
# word's start) coming after it as a lookbehind: the regex engine then skips to those
# letters instead of trying the test at every character.
_PROJECT_WORDS = ("Project", "Projekt", "Projektu", "Progetto", "Proyecto", "Projet", "Проект")
PROJECT = re.compile("(?:" + "|".join(rf"{w[0]}(?<!\w{w[0]}){w[1:]}" for w in _PROJECT_WORDS)
                     + rf")\s+{_CAP}")
# The marks a quoted name opens with (QUOTED, and what MARKS looks for).
_OPENING_QUOTES = "„“\"«「『"
QUOTED = re.compile(
    rf"[{_OPENING_QUOTES}]({_CAP}(?:\s+{_CAP}){{0,3}}|[\u30a0-\u30ff・ー]{{2,}})[”\"»」』]")
CAPITALISED = re.compile(rf"({_CAP_HEAD}(?<![\w.].){_CAP_TAIL}(?:\s+{_CAP}){{1,3}})")
# What every PROJECT or QUOTED match holds, a quote mark or a project word: a sentence
# without any needs neither pattern (one cheap scan instead of two).
MARKS = re.compile(f"[{_OPENING_QUOTES}]|" + "|".join(_PROJECT_WORDS))
# Their first characters, as one class: scanned for twice as fast as MARKS' alternation.
_MARK_FIRSTS = re.compile(
    f"[{_OPENING_QUOTES}" + "".join(sorted({w[0] for w in _PROJECT_WORDS})) + "]")
# Capitalised words that start sentences or are common nouns in titles, not names.
_STOP = {"The", "A", "An", "In", "On", "At", "For", "And", "But", "CEO", "AI", "IA", "ИИ",
         "GPU", "TPU", "US", "USA", "UK", "EU"}


def marked(sentence: str) -> bool:
    """Does the sentence hold a quote mark or a project word (``MARKS``)?"""
    return _MARK_FIRSTS.search(sentence) is not None and MARKS.search(sentence) is not None


def find(sentence: str, known: list[tuple[int, int]], has_cues: bool,
         lang: str = "en", has_marks: bool = True) -> list[tuple[int, int]]:
    """Spans (within the sentence) of organisation candidates; ``has_marks``: False
    when the caller knows the sentence holds none of ``MARKS`` (see `marked`)."""
    spans: list[tuple[int, int]] = []

    def add(start: int, end: int) -> None:
        if any(s < end and start < e for s, e in known + spans):
            return
        if chip_family(sentence[start:end]):  # Tensor Processing Unit, Vera Rubin
            return
        spans.append((start, end))

    if has_marks:
        for m in PROJECT.finditer(sentence):
            add(m.start(), m.end())
        for m in QUOTED.finditer(sentence):
            text = m.group(1)
            if len(text) <= 40 and text.split()[0] not in _STOP:
                add(m.start(1), m.end(1))
    # German capitalises every noun, so capitals alone say nothing there.
    if has_cues and lang not in CAPITALISED_NOUN_LANGS:
        for m in CAPITALISED.finditer(sentence):
            words = m.group(1).split()
            if m.start(1) == 0 or any(w in _STOP for w in words):
                continue
            add(m.start(1), m.end(1))
    return sorted(spans)
