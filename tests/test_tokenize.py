"""Facts about the tokenizer's output, the same for both engines."""

from __future__ import annotations

import pytest

import dealscope as ds


def tokens(text: str, engine: str) -> list[tuple[str, str]]:
    return [(t, k) for t, k in ds.tokenize(text, engine=engine).select("token", "kind").iter_rows()]


def test_columns_and_types(engine):
    frame = ds.tokenize(["a b", "c"], engine=engine)
    assert frame.columns == ["doc", "start", "end", "token", "kind"]
    assert [str(t) for t in frame.dtypes] == ["UInt32", "UInt32", "UInt32", "String", "String"]
    assert frame["doc"].to_list() == [0, 0, 1]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Google は OpenAI の", [("Google", "word"), ("は", "kana"), ("OpenAI", "word"),
                                ("の", "kana")]),
        ("3,500億ドル", [("3,500", "number"), ("億", "han"), ("ドル", "kana")]),
        ("40亿美元", [("40", "number"), ("亿", "han"), ("美元", "han")]),
        ("Google'a", [("Google'a", "word")]),
        ("AI-арене", [("AI-арене", "word")]),
        ("l’azienda", [("l’", "word"), ("azienda", "word")]),
        ("１００", [("１００", "number")]),
        ("100\u00a0000 GPU", [("100\u00a0000", "number"), ("GPU", "word")]),
        ("100 000 GPU", [("100 000", "number"), ("GPU", "word")]),
        ("$ € ¥ £ ₽", [("$", "symbol"), ("€", "symbol"), ("¥", "symbol"), ("£", "symbol"),
                       ("₽", "symbol")]),
        ("三千五百億", [("三千五百", "number"), ("億", "han")]),
        ("トーマス クリアン", [("トーマス", "kana"), ("クリアン", "kana")]),
        ("삼성전자", [("삼성전자", "hangul")]),
        # Lexicon words then one particle are cut; a run that is not (개 + 발) stays whole.
        ("1000억달러를 개발", [("1000", "number"), ("억", "hangul"), ("달러", "hangul"),
                            ("를", "hangul"), ("개발", "hangul")]),
        ("3천억 원어치의", [("3", "number"), ("천억", "hangul"), ("원", "hangul"),
                       ("어치의", "hangul")]),
        # 대만 (Taiwan) is 대 + 만 (a counter and a scale): the lexicon keeps it whole.
        ("대만의 수십억", [("대만", "hangul"), ("의", "hangul"), ("수십", "hangul"),
                      ("억", "hangul")]),
        ("Trainium2 H100", [("Trainium2", "word"), ("H100", "word")]),
        ("22.10.2025", [("22.10.2025", "number")]),
        ("2023 100", [("2023", "number"), ("100", "number")]),
        ("end.", [("end", "word"), (".", "punct")]),
    ],
)
def test_pieces(engine, text, want):
    assert tokens(text, engine) == want


def test_whitespace_is_never_a_token(engine):
    frame = ds.tokenize(" \t\n\u3000x\u00a0\u2009y  ", engine=engine)
    assert frame["token"].to_list() == ["x", "y"]


def test_offsets_are_code_points(engine):
    text = "𝔘𝔫 亿美元 🙂 Ąę"
    frame = ds.tokenize(text, engine=engine)
    for start, end, tok in frame.select("start", "end", "token").iter_rows():
        assert text[start:end] == tok
