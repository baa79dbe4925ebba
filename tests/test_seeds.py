"""Every amount in the five seed articles, with the value a careful reader gives it."""

from __future__ import annotations

import pytest

import dealscope as ds
from conftest import close, seed_texts

# (doc, text, kind, value, low, high, unit, qualifier), in order of appearance.
EXPECTED = [
    (0, "dziesiątki miliardów", "number", None, 1e10, 1e11, None, "vague"),
    (0, "dziesiątki miliardów", "number", None, 1e10, 1e11, None, "vague"),
    (0, "dziesiątki miliardów dolarów", "money", None, 1e10, 1e11, "USD", "vague"),
    (0, "ponad 3%", "percent", 3, 3, None, "%", "at_least"),
    (0, "około 3 miliardy dolarów", "money", 3e9, 3e9, 3e9, "USD", "approx"),
    (0, "miliardy", "number", None, 1e9, 1e10, None, "vague"),
    (0, "setki miliardów", "number", None, 1e11, 1e12, None, "vague"),
    (0, "do 100 miliardów dolarów", "money", 1e11, None, 1e11, "USD", "at_most"),
    (0, "10 gigawatów", "power", 1e10, 1e10, 1e10, "W", "exact"),
    (0, "10 gigawatów", "power", 1e10, 1e10, 1e10, "W", "exact"),
    (0, "6 gigawatów", "power", 6e9, 6e9, 6e9, "W", "exact"),
    (1, "3,500億ドルを超える", "money", 3.5e11, 3.5e11, None, "USD", "at_least"),
    (1, "数十億ドル", "money", None, 1e9, 1e10, "USD", "vague"),
    (1, "3,500 億ドル以上", "money", 3.5e11, 3.5e11, None, "USD", "at_least"),
    (1, "数百億ドル", "money", None, 1e10, 1e11, "USD", "vague"),
    (1, "100 万個", "count", 1e6, 1e6, 1e6, None, "exact"),
    (1, "80 億ドル", "money", 8e9, 8e9, 8e9, "USD", "exact"),
    (1, "110 億ドル", "money", 1.1e10, 1.1e10, 1.1e10, "USD", "exact"),
    (1, "50 万個を超える", "count", 5e5, 5e5, None, None, "at_least"),
    (1, "100 万", "number", 1e6, 1e6, 1e6, None, "exact"),
    (1, "数千億ドル", "money", None, 1e11, 1e12, "USD", "vague"),
    (1, "数十億ドル", "money", None, 1e9, 1e10, "USD", "vague"),
    (1, "2 ギガワット", "power", 2e9, 2e9, 2e9, "W", "exact"),
    (1, "380 億ドル", "money", 3.8e10, 3.8e10, 3.8e10, "USD", "exact"),
    (2, "fino a un milione di unità", "count", 1e6, None, 1e6, None, "at_most"),
    (2, "decine di miliardi di dollari", "money", None, 1e10, 1e11, "USD", "vague"),
    (2, "oltre un gigawatt", "power", 1e9, 1e9, None, "W", "at_least"),
    (2, "oltre 300.000 clienti", "count", 3e5, 3e5, None, None, "at_least"),
    (2, "superiore a 100.000 dollari", "money", 1e5, 1e5, None, "USD", "at_least"),
    (2, "2, 2 miliardi di dollari", "money", 2.2e9, 2.2e9, 2.2e9, "USD", "exact"),
    (2, "8 miliardi di dollari", "money", 8e9, 8e9, 8e9, "USD", "exact"),
    (2, "centinaia di migliaia di chip", "count", None, 1e5, 1e6, None, "vague"),
    (3, "до $10 миллиардов", "money", 1e10, None, 1e10, "USD", "at_most"),
    (3, "до $5 миллиардов", "money", 5e9, None, 5e9, "USD", "at_most"),
    (3, "$38 миллиардов", "money", 3.8e10, 3.8e10, 3.8e10, "USD", "exact"),
    (3, "$1,4 триллиона", "money", 1.4e12, 1.4e12, 1.4e12, "USD", "exact"),
    (3, "30 гигаватт", "power", 3e10, 3e10, 3e10, "W", "exact"),
    (3, "до 1 гигаватта", "power", 1e9, None, 1e9, "W", "at_most"),
    (4, "40 亿美元", "money", 4e9, 4e9, 4e9, "USD", "exact"),
    (4, "80 亿美元", "money", 8e9, 8e9, 8e9, "USD", "exact"),
    (4, "40 亿美元", "money", 4e9, 4e9, 4e9, "USD", "exact"),
    (4, "13 亿美元", "money", 1.3e9, 1.3e9, 1.3e9, "USD", "exact"),
    (4, "12.5 亿美元", "money", 1.25e9, 1.25e9, 1.25e9, "USD", "exact"),
    (4, "27.5 亿美元", "money", 2.75e9, 2.75e9, 2.75e9, "USD", "exact"),
    (4, "20 亿美元", "money", 2e9, 2e9, 2e9, "USD", "exact"),
    (4, "100 亿甚至 1000 亿美元", "money", None, 1e10, 1e11, "USD", "range"),
    (4, "约为 1 亿美元", "money", 1e8, 1e8, 1e8, "USD", "approx"),
    (4, "66 亿美元", "money", 6.6e9, 6.6e9, 6.6e9, "USD", "exact"),
    (4, "300 亿至 400 亿美元", "money", None, 3e10, 4e10, "USD", "range"),
    (4, "1570 亿美元", "money", 1.57e11, 1.57e11, 1.57e11, "USD", "exact"),
    (4, "40 亿美元", "money", 4e9, 4e9, 4e9, "USD", "exact"),
    (4, "约为 8 亿美元", "money", 8e8, 8e8, 8e8, "USD", "approx"),
    (4, "25%-50%", "percent", None, 25, 50, "%", "range"),
    (4, "98%", "percent", 98, 98, 98, "%", "exact"),
    (4, "3.5 亿美元", "money", 3.5e8, 3.5e8, 3.5e8, "USD", "exact"),
    (4, "10 万个芯片", "count", 1e5, 1e5, 1e5, None, "exact"),
]


def test_every_seed_amount_is_found_with_its_value(engine):
    frame = ds.parse_amounts(seed_texts(), engine=engine)
    got = list(frame.iter_rows())
    assert [(r[0], r[3]) for r in got] == [(e[0], e[1]) for e in EXPECTED]
    for row, want in zip(got, EXPECTED, strict=True):
        _, _, _, text, kind, value, low, high, unit, qualifier = row
        assert (kind, unit, qualifier) == (want[2], want[6], want[7]), text
        for g, w in zip((value, low, high), want[3:6], strict=True):
            assert close(g, w), (text, g, w)


def test_spans_point_at_the_text(engine):
    texts = seed_texts()
    frame = ds.parse_amounts(texts, engine=engine)
    for doc, start, end, text in frame.select("doc", "start", "end", "text").iter_rows():
        assert texts[doc][start:end] == text


@pytest.mark.parametrize(
    "needle",
    ["2023 r.", "2021 年", "2023 年", "11 月 26 日", "GPT-4o", "Claude 3.5 Opus", "Trainium 2",
     "Trainium2", "2015 年", "18 个月", "2025 年末"],
)
def test_dates_and_product_names_are_not_amounts(engine, needle):
    texts = seed_texts()
    doc = next(i for i, t in enumerate(texts) if needle in t)
    at = texts[doc].index(needle)
    frame = ds.parse_amounts(texts, engine=engine).filter(doc=doc)
    overlapping = frame.filter((frame["start"] < at + len(needle)) & (frame["end"] > at))
    assert overlapping.height == 0, overlapping


def test_seed_languages_are_detected(engine):
    assert ds.detect_languages(seed_texts(), engine=engine).to_list() == [
        "pl", "ja", "it", "ru", "zh",
    ]
