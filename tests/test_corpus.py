"""Corpus cases per language (tests/corpus/amounts/*.toml), against both engines.

Each case lists every amount its sentence holds, in order; a field left out
of an expectation must come out null.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib

import dealscope as ds
from conftest import close

CORPUS = Path(__file__).parent / "corpus" / "amounts"
FIELDS = ("text", "kind", "value", "low", "high", "unit", "qualifier")


def _cases():
    for path in sorted(CORPUS.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["case"]):
            yield pytest.param(data["lang"], case, id=f"{data['lang']}-{i:02d}")


CASES = list(_cases())


@pytest.mark.parametrize(("lang", "case"), CASES)
def test_case(engine, lang, case):
    frame = ds.parse_amounts(case["text"], engine=engine, lang=lang)
    got = [dict(zip(FIELDS, row, strict=True)) for row in frame.select(FIELDS).iter_rows()]
    want = case["expect"]
    assert [g["text"] for g in got] == [w["text"] for w in want]
    for g, w in zip(got, want, strict=True):
        assert (g["kind"], g["unit"], g["qualifier"]) == (w["kind"], w.get("unit"), w["qualifier"])
        for field in ("value", "low", "high"):
            assert close(g[field], w.get(field)), (w["text"], field, g[field], w.get(field))


def test_corpus_has_enough_cases_per_language():
    counts: dict[str, int] = {}
    for param in CASES:
        counts[param.values[0]] = counts.get(param.values[0], 0) + 1
    for lang in ("pl", "ru", "ja", "zh", "it"):
        assert counts.get(lang, 0) >= 40, (lang, counts.get(lang))
    for lang in ("en", "de", "fr", "es", "ko"):
        assert counts.get(lang, 0) >= 15, (lang, counts.get(lang))
