"""Both engines give identical frames: seeds, corpus cases and generated text."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import tomllib
from hypothesis import given
from hypothesis import strategies as st
from polars.testing import assert_frame_equal, assert_series_equal

import dealscope as ds
from conftest import seed_texts
from dealscope.lexicon import LANGS, load_lang

CORPUS = Path(__file__).parent / "corpus" / "amounts"


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.toml")):
        texts += [c["text"] for c in tomllib.loads(path.read_text("utf-8"))["case"]]
    return texts


def same(texts: list[str], refs=None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert_frame_equal(ds.tokenize(texts, engine="rust"), ds.tokenize(texts, engine="python"))
        assert_frame_equal(
            ds.parse_amounts(texts, engine="rust"), ds.parse_amounts(texts, engine="python")
        )
        assert_series_equal(
            ds.detect_languages(texts, engine="rust"), ds.detect_languages(texts, engine="python")
        )
        for engine in ("rust", "python"):  # the one-pass form gives the same two frames
            tokens, amounts = ds.tokens_and_amounts(texts, engine=engine)
            assert_frame_equal(tokens, ds.tokenize(texts, engine=engine))
            assert_frame_equal(amounts, ds.parse_amounts(texts, engine=engine))
        assert_frame_equal(ds.find_names(texts, engine="rust"),
                           ds.find_names(texts, engine="python"))
        assert_frame_equal(ds.sentences(texts, engine="rust"),
                           ds.sentences(texts, engine="python"))
        # A given language read sentence by sentence, and a detected one read whole.
        for lang, by_sentence in (("it", True), (None, False)):
            assert_frame_equal(
                ds.parse_amounts(texts, lang=lang, by_sentence=by_sentence, engine="rust"),
                ds.parse_amounts(texts, lang=lang, by_sentence=by_sentence, engine="python"),
            )
        for ref in (None, refs):
            assert_frame_equal(
                ds.parse_dates(texts, ref=ref, engine="rust"),
                ds.parse_dates(texts, ref=ref, engine="python"),
            )


def test_seeds_agree():
    texts = seed_texts()
    same(texts, ["2025-10-22", "2025-11-15", "2025-10-24", "2025-11-18", "2024-11-26"])


def test_corpus_cases_agree():
    texts = corpus_texts()
    same(texts)
    assert ds.parse_amounts(texts).height > 400


# Pieces that exercise the grammar: lexicon words of every language, digits with
# marks and spaces, CJK numerals, separators, symbols and arbitrary characters.
WORDS = sorted({w for lang in LANGS for w in load_lang(lang).entries})
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.from_regex(r"[0-9０-９]{1,12}([.,\u00a0 ][0-9]{1,4}){0,3}", fullmatch=True),
    st.text(alphabet="〇一二三四五六七八九十百千万亿億兩两数几", min_size=1, max_size=6),
    st.sampled_from(["$", "€", "¥", "%", "-", "–", "〜", "~", ".", ",", "'", "’", "\n", "US$",
                     "GPT-", "Claude", "年", "r.", "года", "\ud800", "\udfff", "月", "日", "Q3",
                     "第", "季度", "2024", "1999", "2024-11-26", "26.11.2024", "29", "31",
                     "Amazon", "AWS", "亚马逊", "Google'a", "Meta", "AMD", "Nvidia", "アマゾン"]),
    st.text(min_size=1, max_size=8),
)
SEPARATORS = st.sampled_from(["", " ", "\u00a0", "  ", "\n"])


@st.composite
def texts(draw) -> str:
    parts = draw(st.lists(st.tuples(PIECES, SEPARATORS), max_size=30))
    return "".join(p + s for p, s in parts)


REFS = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))


@given(st.lists(st.tuples(texts(), REFS), min_size=1, max_size=4))
def test_generated_text_agrees(batch):
    same([t for t, _ in batch], [r for _, r in batch])


@given(st.text(max_size=200))
def test_arbitrary_unicode_agrees(text):
    same([text])
