"""Deal cue words: the fast finder against their plain definition."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dealscope as ds
from conftest import seed_texts
from dealscope import _core
from dealscope.bench import corpus
from dealscope.lexicon import FALLBACK
from dealscope.lexicon import LANGS as LEXICON_LANGS
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
    covered = 0  # the end of the last phrase found
    for i, (pos, word) in enumerate(words):
        # The word, then what follows each elision in it (and each hyphen, in a language
        # of compounds), until a stem starts one.
        marks = "'-" if cues.hyphen_parts(lang) else "'"
        cuts = [0] + [c for c in range(2, len(word))
                      if word[c - 1] in marks and re.match(r"\w", word[c - 2])]
        for cut in cuts:
            if cut and pos + len(word) <= covered:
                break  # a word a phrase has read
            part = word[cut:]
            stemmed = False
            for stem, cats in vocab.stems.items():
                if part.startswith(stem):
                    stemmed = True
                    for cat in cats:
                        found.setdefault(cat, []).append(pos + cut)
            for middle, last, cat in vocab.phrases.get(part, ()):
                after = words[i + 1 : i + 2 + len(middle)]
                if len(after) == len(middle) + 1 and [w for _, w in after[:-1]] == list(middle) \
                        and after[-1][1].startswith(last):
                    found.setdefault(cat, []).append(pos + cut)
                    covered = max(covered, after[-1][0] + len(after[-1][1]))
            if stemmed or part in vocab.phrases:
                break
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


def test_a_word_no_stem_starts_is_read_again_after_an_elision():
    text = "SoftBank ha completato l'investimento, dopo l'accordo dell'anno scorso."
    found = cues.find(text, "it")
    assert found["investment"] == [text.index("investimento")]
    assert found["partnership"] == [text.index("accordo")]
    # A word a phrase has read is not: "dépenses d'investissement" is spending only.
    text = "Des dépenses d'investissement de 80 milliards, et l'acquisition d'Ampere."
    found = cues.find(text, "fr")
    assert found["spending"] == [text.index("dépenses")] * 2  # the phrase, and "dépense"
    assert "investment" not in found
    assert found["acquisition"][0] == text.index("acquisition")
    for sentence, lang in [(text, "fr"), ("Anthropic's rival's d'accordo", "it")]:
        assert _core.deal_cues([sentence], [lang], 1)[0] == cues.find(sentence, lang)


def test_a_compound_is_read_again_after_each_hyphen_where_the_language_has_them():
    text = "Nvidia-Chips für den OpenAI-Konkurrenten, ein Milliarden-Deal."
    found = cues.find(text, "de")
    assert found["chips"] == [text.index("Chips")]
    assert found["competitor"] == [text.index("Konkurrenten")]
    assert found["partnership"] == [text.index("Deal")]
    assert cues.find("ИИ-инфраструктура", "ru") == {"compute": [3]}
    # Not in English, whose hyphens join words into one ("pre-investment", above).
    assert "chips" not in cues.find("Nvidia-chips", "en")


def test_a_phrase_starting_with_an_elided_word_is_refused(monkeypatch):
    # The engines read a word's parts after an elision alike only when no phrase starts
    # with such a word (cues.find, cues.rs `read`).
    monkeypatch.setattr(cues, "_data", lambda: {"fr": {"investment": ["l'accord de"]}})
    with pytest.raises(ValueError, match="l'accord de"):
        cues.vocabulary.__wrapped__("fr")


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



# `extract` skips unknown.find's quote and project patterns where `marked` is False,
# and the whole call where the sentence has no deal cue either: neither skip may lose
# a candidate.
@given(st.lists(st.sampled_from(["Project", "Projet", "Проект", "Progetto", "Crusoe", "Energy",
                                 "X", "Stargate", "スターゲート", "P", "П", "„", "”", "«", "»",
                                 "「", "」", '"', "“", " ", "\n", "a", "."]),
                max_size=20).map("".join),
       st.booleans())
def test_unmarked_sentences_need_no_quote_or_project_pattern(text, has_cues):
    marked = unknown.marked(text)
    assert marked == (unknown.MARKS.search(text) is not None)
    full = unknown.find(text, [], has_cues)
    assert unknown.find(text, [], has_cues, has_marks=marked) == full
    if not (marked or has_cues):
        assert full == []


def test_marked_finds_quotes_and_project_words():
    assert unknown.marked("Microsoft's «Fairwater» campus")
    assert unknown.marked("Проект Stargate")
    assert not unknown.marked("Pan Am and OpenAI signed a deal")  # a P, no project word
    assert unknown.find("Microsoft bought the «Fairwater» campus", [], False, has_marks=True) \
        == [(22, 31)]

# The Rust core's finder (`_core.deal_cues`, `cues.find_all(..., "rust")`) against
# `find`: the same dicts with the keys in the same order.
ALL_LANGS = (*LEXICON_LANGS, FALLBACK)


def _read_order(lang: str) -> dict[str, list[str]]:
    """Each stem's categories in the order the lexicon lists them."""
    order: dict[str, list[str]] = {}
    for code in [lang] if lang == "en" else [lang, "en"]:
        if cues.found_anywhere(code):
            continue
        for cat in cues.CATEGORIES:
            for entry in cues._data().get(code, {}).get(cat, []):
                parts = cues._WORD.findall(entry.replace("’", "'").lower())
                if len(parts) == 1 and cat not in order.setdefault(parts[0], []):
                    order[parts[0]].append(cat)
    return order


def test_a_stem_of_two_categories_gives_them_in_the_lexicons_order():
    """`find`'s key order is the lexicon's, not a set's (which followed the process's
    string hashing): hyperscaler (de) is compute then provider."""
    seen = 0
    for lang in ALL_LANGS:
        for stem, cats in _read_order(lang).items():
            if len(cats) > 1 and stem.isalpha():
                assert list(cues.find(stem, lang)) == cats, (lang, stem)
                assert list(cues.find_all([stem], [lang], "rust")[0]) == cats, (lang, stem)
                seen += 1
    assert seen >= 4


def assert_same(sentences: list[str], langs: list[str], threads: int = 1) -> int:
    """The core's cues are `find`'s, key order included; the number of cues found."""
    want = cues.find_all(sentences, langs, "python")
    got = cues.find_all(sentences, langs, "rust", threads)
    assert len(got) == len(want)
    for sentence, lang, g, w in zip(sentences, langs, got, want, strict=True):
        assert list(g.items()) == list(w.items()), (lang, sentence)
    return sum(len(hits) for found in want for hits in found.values())


def test_the_core_matches_find_on_every_seed_sentence_in_every_language():
    sentences = [text[a:b] for text in seed_texts() for a, b in split(text)]
    hits = sum(assert_same(sentences, [lang] * len(sentences)) for lang in ALL_LANGS)
    assert hits > 1000


def test_the_core_matches_find_on_the_bench_corpus():
    frame = ds.sentences(corpus(1))
    sentences, langs = frame["sentence"].to_list(), frame["lang"].to_list()
    assert len(sentences) > 5000 and len(set(langs)) >= 5
    assert assert_same(sentences, langs) > 5000
    assert assert_same(sentences, langs, threads=0) > 5000  # any thread count
    # A polars Series is read in place, as a list is.
    assert _core.deal_cues(frame["sentence"], langs, 1) == cues.find_all(sentences, langs,
                                                                         "python")


def test_the_core_matches_find_on_every_entry():
    for lang in ALL_LANGS:
        vocab = cues.vocabulary(lang)
        entries = list(vocab.stems) + [entry for entry, _ in vocab.substrings]
        entries += [" ".join((first, *middle, last)) for first, options in vocab.phrases.items()
                    for middle, last, _ in options]
        sentences = [s for entry in entries
                     for s in (entry, f"Da {entry}s, {entry.upper()} und-{entry} 投{entry}資.",
                               f"'{entry}{entry} {entry}", entry.replace(" ", ' "-- '))]
        assert_same(sentences, [lang] * len(sentences))


# Awkward characters: İ lowers to two code points (offsets shift), final sigma
# (ʕ is cased and U+0897 unassigned in CPython 3.11's Unicode, not in Rust's),
# ß and ẞ, combining marks (not \w in Python), ’ read as ', digits of other scripts,
# Ⅻ (a number, so \w), ǅ (title case), CJK, currency signs, and U+A7CB / U+1C89,
# which Unicode 16 lowers and CPython 3.11 does not.
AWKWARD = ["İ", "ß", "ẞ", "Σ", "ΑΣ", "σ", "ς", "\u0301", "e\u0301", "’", "'", "-", "--", "9",
           "٣", "²", "Ⅻ", "ǅ", "_", "$", "€", "£", "¥", "投", "資", "追加投資", " ", " ", "\n",
           ".", ",", "ﬁ", "\ua7cb", "\u1c89", "\U00010d50", "\U00020000", "Ⓐ", "ing", "s",
           "ʕ", "\u0897"]


@given(st.lists(st.sampled_from(_fragments() + AWKWARD), max_size=30).map("".join),
       st.sampled_from(ALL_LANGS))
def test_the_core_matches_find_on_generated_text(sentence, lang):
    assert_same([sentence], [lang])


def test_the_core_matches_find_around_every_code_point():
    """Each code point (every one below 0x10000, every 97th above) before, inside and
    after cue words and between two Σ: its \\w-ness, its lowercase, its final sigma
    context as CPython's (a run over all 1.1 M in three languages found no difference)."""
    cps = [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 97)]
    sentences = [f"{c}invest in {c}$ x{c}investment{c} {c}Σ{c}Σ 投資{c}投資"
                 for c in map(chr, cps)]
    assert_same(sentences, ["zh"] * len(sentences))


def test_offsets_are_in_the_lowered_sentence():
    # İ lowers to i and a combining dot: the word after it moves one code point on.
    (found,) = cues.find_all(["İİ investment"], ["en"], "rust")
    assert found == cues.find("İİ investment", "en") == {"investment": [5]}


def test_the_core_leaves_the_cyclic_collector_as_it_found_it():
    import gc
    assert gc.isenabled()
    cues.find_all(["Nvidia invests"], ["en"], "rust")
    assert gc.isenabled()
    gc.disable()
    try:
        cues.find_all(["Nvidia invests"], ["en"], "rust")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_core_takes_empty_input():
    assert cues.find_all([], [], "rust") == []
    assert cues.find_all(["", " ", "İ"], ["en", "ja", "xx"], "rust") == [{}, {}, {}]


def test_the_core_refuses_what_find_would_read_otherwise():
    # find reads any code (as English alone) and any str; the core names the problem.
    with pytest.raises(ValueError, match=r"langs\[1\]: unknown language \"qq\""):
        cues.find_all(["a", "b"], ["en", "qq"], "rust")
    with pytest.raises(ValueError, match=r"sentences\[1\]: .*lone surrogate"):
        cues.find_all(["invest in", "invest \ud800 in"], ["en", "en"], "rust")
    with pytest.raises(TypeError, match=r"sentences\[0\]: expected str"):
        _core.deal_cues([None], ["en"])
    with pytest.raises(ValueError, match="2 languages given for 1 sentences"):
        cues.find_all(["a"], ["en", "en"], "rust")
    with pytest.raises(ValueError, match="2 languages given for 1 sentences"):
        _core.deal_cues(["a"], ["en", "en"])
    with pytest.raises(ValueError, match="engine"):
        cues.find_all(["a"], ["en"], "java")
    # find itself has no trouble with a lone surrogate (it is no \w): its engine.
    assert cues.find_all(["invest \ud800 in"], ["en"], "python") == [{"investment": [0]}]


def test_find_all_in_python_is_find():
    sentences = ["Nvidia invests $5 billion in a data center", "追加投資", ""]
    langs = ["en", "ja", "de"]
    assert cues.find_all(sentences, langs, "python") == [
        cues.find(s, lang) for s, lang in zip(sentences, langs, strict=True)]
