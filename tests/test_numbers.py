"""How digits are read, by language: marks, grouping, unknown languages, detection ties."""

from __future__ import annotations

import pytest

import dealscope as ds


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("500.000 GPU", None, 5e5),  # language unknown: three digits after a mark group
        ("3,500 GPU", None, 3500),
        ("1,4 mld", None, 1.4e9),  # not three digits: a decimal mark in any language
        ("$1.500 billion", "en", 1.5e9),  # the language's own mark stays decimal
        ("300.000 clienti", "it", 3e5),
        ("3,500億ドル", "ja", 3.5e11),
        ("1.234,5 mln zł", "pl", 1234.5e6),
        ("1,234.5 million dollars", "en", 1234.5e6),
        ("1 000 000 zł", "pl", 1e6),
        ("１２億円", "ja", 1.2e9),
        ("Rs 1,00,000 crore", "en", 1e12),  # Indian grouping: twos after the first, then three
        ("₹12,34,567", None, 1234567),
    ],
)
def test_digit_marks(engine, text, lang, value):
    frame = ds.parse_amounts(text, engine=engine, lang=lang)
    assert frame.height == 1
    assert frame["value"][0] == pytest.approx(value, rel=1e-12)


def test_a_tie_between_languages_reads_as_unknown(engine):
    # "GPU" and "euro" are words of several languages: no single winner.
    assert ds.detect_languages(["500.000 GPU", "5 euro"], engine=engine).to_list() == ["xx", "xx"]


def test_unknown_language_lets_english_settle_conflicts(engine):
    # English and German disagree on "billion"; with no other cue the English reading wins.
    frame = ds.parse_amounts("1 billion", engine=engine)
    assert frame["value"].to_list() == [1e9]
    frame = ds.parse_amounts("1 Billion Euro", engine=engine, lang="de")
    assert frame["value"].to_list() == [1e12]
