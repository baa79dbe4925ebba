"""`tokens_and_amounts`: both frames from one pass, as the two separate calls give them."""

from __future__ import annotations

import pytest
from polars.testing import assert_frame_equal

import dealscope as ds
from conftest import seed_texts
from dealscope.frames import AMOUNT_SCHEMA, TOKEN_SCHEMA

MIXED = [
    "Microsoft investirà 8 miliardi di dollari in Italia.",
    "OpenAI zapłaci dziesiątki miliardów dolarów za 10 gigawatów.",
    "ソフトバンクは3,500億ドルを投じる。",
    "Costa 2.500 euro.",
]


def test_given_languages_reach_the_parser(engine):
    langs = ["it", "pl", None, "en"]  # the last is no language's text: "en" reads "2.500" as 2.5
    tokens, amounts = ds.tokens_and_amounts(MIXED, engine=engine, lang=langs)
    assert_frame_equal(tokens, ds.tokenize(MIXED, engine=engine))
    assert_frame_equal(amounts, ds.parse_amounts(MIXED, engine=engine, lang=langs))
    money = amounts.filter(kind="money")
    assert money["value"].to_list() == [8e9, None, 3.5e11, 2.5]  # "dziesiątki": vague
    assert money["low"][1] == 1e10 and money["qualifier"][1] == "vague"


def test_thread_count_does_not_change_the_frames():
    texts = seed_texts() * 3
    one = ds.tokens_and_amounts(texts, threads=1)
    two = ds.tokens_and_amounts(texts, threads=2)
    for a, b in zip(one, two, strict=True):
        assert_frame_equal(a, b)
    assert one[0]["doc"].max() == len(texts) - 1


def test_empty_input_gives_empty_frames_with_the_schemas(engine):
    tokens, amounts = ds.tokens_and_amounts([], engine=engine)
    assert (tokens.height, amounts.height) == (0, 0)
    assert dict(tokens.schema) == TOKEN_SCHEMA
    assert dict(amounts.schema) == AMOUNT_SCHEMA


def test_wrong_number_of_languages_is_refused(engine):
    with pytest.raises(ValueError, match="2 languages given for 4 texts"):
        ds.tokens_and_amounts(MIXED, engine=engine, lang=["en", "pl"])


def test_lone_surrogate_warns_and_keeps_offsets(engine):
    text = "Nvidia \ud800 invests $5 billion"
    with pytest.warns(UserWarning, match=r"texts\[0\]: lone surrogate at offset 7"):
        tokens, amounts = ds.tokens_and_amounts([text], engine=engine)
    (row,) = amounts.rows(named=True)
    assert text[row["start"]:row["end"]] == "$5 billion"
    assert tokens["token"].to_list()[-1] == "billion"
