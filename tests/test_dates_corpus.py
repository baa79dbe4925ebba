"""Date corpus cases per language (tests/corpus/dates/*.toml), against both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import tomllib

import dealscope as ds

CORPUS = Path(__file__).parent / "corpus" / "dates"
FIELDS = ("text", "date", "precision", "relation", "relative")


def _cases():
    for path in sorted(CORPUS.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["case"]):
            ref = case.get("ref", data.get("ref"))
            yield pytest.param(data["lang"], ref, case, id=f"{data['lang']}-{i:02d}")


CASES = list(_cases())


@pytest.mark.parametrize(("lang", "ref", "case"), CASES)
def test_case(engine, lang, ref, case):
    frame = ds.parse_dates(case["text"], ref=ref, engine=engine, lang=lang)
    got = [dict(zip(FIELDS, row, strict=True)) for row in frame.select(FIELDS).iter_rows()]
    want = [dict(w, date=dt.date.fromisoformat(w["date"])) for w in case["expect"]]
    assert got == [{k: w[k] for k in FIELDS} for w in want]


def test_corpus_has_cases_for_every_language():
    counts: dict[str, int] = {}
    for param in CASES:
        counts[param.values[0]] = counts.get(param.values[0], 0) + 1
    assert all(counts.get(lang, 0) >= 25 for lang in ("pl", "ru", "ja", "zh", "it", "en"))
    assert all(counts.get(lang, 0) >= 10 for lang in ("de", "fr", "es", "ko"))


def test_without_a_reference_relative_dates_are_null(engine):
    frame = ds.parse_dates("去年 9 月，2023 年", engine=engine)
    assert frame.select("text", "date", "relative").rows() == [
        ("去年 9 月", None, True), ("2023 年", dt.date(2023, 1, 1), False),
    ]
