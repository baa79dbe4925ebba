"""Deal cue words: the fast finder against their plain definition."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from conftest import seed_texts
from dealscope.pipeline import cues, unknown
from dealscope.pipeline.sentences import split

LANGS = ("en", "pl", "ru", "it", "de", "fr", "ja", "zh")


def reference(sentence: str, lang: str) -> dict[str, list[int]]:
    """`cues.find` as its docstring defines it, with no shortcut: every word against
    every stem and phrase, every substring entry searched for."""
    low = sentence.lower().replace("’", "'")
    vocab = cues.vocabulary(lang)
    words = [(m.start(), m.group()) for m in cues._WORD.finditer(low)]
    found: dict[str, list[int]] = {}
    for i, (pos, word) in enumerate(words):
        for stem, cats in vocab.stems.items():
            if word.startswith(stem):
                for cat in cats:
                    found.setdefault(cat, []).append(pos)
        for middle, last, cat in vocab.phrases.get(word, ()):
            after = [w for _, w in words[i + 1 : i + 2 + len(middle)]]
            if len(after) == len(middle) + 1 and after[:-1] == list(middle) \
                    and after[-1].startswith(last):
                found.setdefault(cat, []).append(pos)
    for entry, cat in vocab.substrings:
        found[cat] = found.get(cat, []) + [i for i in range(len(low)) if low.startswith(entry, i)]
        if not found[cat]:
            del found[cat]
    return {cat: sorted(hits) for cat, hits in found.items()}


def test_seed_sentences_match_the_definition():
    sentences = [text[a:b] for text in seed_texts() for a, b in split(text)]
    assert len(sentences) > 50
    hits = 0
    for lang in LANGS:
        for sentence in sentences:
            got = cues.find(sentence, lang)
            assert got == reference(sentence, lang), (lang, sentence)
            hits += sum(map(len, got.values()))
    assert hits > 100  # the seeds are deal news: cues are found, not only agreed on


def _fragments() -> list[str]:
    words: set[str] = set()
    for lang in LANGS:
        vocab = cues.vocabulary(lang)
        words |= set(vocab.stems) | set(vocab.phrases)
        words |= {w for entries in vocab.phrases.values() for m, last, _ in entries
                  for w in (*m, last)}
        words |= {entry for entry, _ in vocab.substrings}
    seps = [" ", " ", "-", "'", "’", ".", ",", "$", "_", "9", "İ", "Σ", "x", "ing", "\n"]
    return sorted(words) + [w.upper() for w in sorted(words)[:50]] + seps


@given(st.lists(st.sampled_from(_fragments()), max_size=30).map("".join),
       st.sampled_from(LANGS))
def test_generated_text_matches_the_definition(sentence, lang):
    assert cues.find(sentence, lang) == reference(sentence, lang)


def test_words_match_from_their_start_only():
    text = "Amazon will invest at least $4 billion; a pre-investment, an 'investment."
    found = cues.find(text, "en")
    assert found["investment"] == [text.index("invest"), text.index("investment.")]
    assert text.index("pre-investment") not in found["investment"]


def test_substring_entries_are_found_anywhere_and_overlapping():
    found = cues.find("ソフトバンクは追加投資を決めた", "ja")
    start = "ソフトバンクは追加投資を決めた".index("追加投資")
    assert found["investment"] == [start, start + 2]  # 追加投資 and 投資 inside it


def test_every_entry_matches_the_definition():
    """Each stem, phrase and substring entry alone, inside text, and after a longer
    word that starts with it (the finder takes a word's longest stem, a place's
    longest substring entry, and works out the shorter ones from it)."""
    for lang in LANGS:
        vocab = cues.vocabulary(lang)
        entries = list(vocab.stems) + [entry for entry, _ in vocab.substrings]
        entries += [" ".join((first, *middle, last)) for first, options in vocab.phrases.items()
                    for middle, last, _ in options]
        for entry in entries:
            for sentence in (entry, f"Da {entry}s, {entry.upper()} und-{entry} 投{entry}資.",
                             f"'{entry}{entry} {entry}", entry.replace(" ", ' "-- ')):
                assert cues.find(sentence, lang) == reference(sentence, lang), (lang, sentence)


@given(st.lists(st.sampled_from(["$", "€", "of", "off", "a", "in", "inx", " ", "-", "'", ".",
                                 "5", "_", "é"]), max_size=8).map("".join))
def test_next_word_lookahead_reads_the_next_word(text):
    words, stems = frozenset({"$", "of", "a"}), ("in", "€")
    lookahead = re.compile(cues._next_word(words, stems))
    nxt = cues._WORD.search(text)
    expected = nxt is not None and (nxt[0] in words or nxt[0].startswith(stems))
    assert bool(lookahead.match(text)) == expected


# unknown.py's patterns test the character before a word after its first letter (so
# the regex engine can skip to the letters); they match as their plain forms do.
PLAIN_PROJECT = re.compile(rf"\b(?:{'|'.join(unknown._PROJECT_WORDS)})\s+{unknown._CAP}")
PLAIN_CAPITALISED = re.compile(rf"(?<![\w.])({unknown._CAP}(?:\s+{unknown._CAP}){{1,3}})")


@given(st.lists(st.sampled_from(["Project", "Projektu", "Проект", "Crusoe", "Energy", "X",
                                 "Ā", "é", ".com", ".", " ", "\n", "_", "9", "a", "П", "P",
                                 "'", "-", "«"]), max_size=20).map("".join))
def test_unknown_patterns_match_their_plain_forms(text):
    def spans(pattern, group):
        return [m.span(group) for m in pattern.finditer(text)]
    assert spans(unknown.PROJECT, 0) == spans(PLAIN_PROJECT, 0)
    assert spans(unknown.CAPITALISED, 1) == spans(PLAIN_CAPITALISED, 1)
