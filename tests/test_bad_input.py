"""Absurd and hostile input: a clear result or a clear error, never a crash or a hang."""

from __future__ import annotations

import ast
import math
import warnings
from pathlib import Path

import polars as pl
import pytest

import dealscope as ds
from dealscope import _core
from dealscope.frames import AMOUNT_KINDS, PRECISIONS, QUALIFIERS, RELATIONS, TOKEN_KINDS
from dealscope.lexicon import FLAG_LISTS


def test_ten_thousand_digits_before_oku_overflow_to_infinity(engine):
    frame = ds.parse_amounts("9" * 10_000 + "億ドル", engine=engine)
    assert frame.height == 1
    assert frame["kind"][0] == "money"
    assert math.isinf(frame["value"][0])


def test_a_thousand_scale_words_in_a_row(engine):
    frame = ds.parse_amounts("5 " + "mld " * 1000 + "zł", engine=engine, lang="pl")
    assert frame.height == 1
    assert math.isinf(frame["value"][0])
    assert frame["text"][0].endswith("zł")


def test_only_separators_give_no_amounts(engine):
    text = ",.,. \u00a0" * 10_000
    assert ds.parse_amounts(text, engine=engine).height == 0
    assert set(ds.tokenize(text, engine=engine)["kind"].to_list()) == {"punct"}


def test_empty_inputs_give_empty_frames_with_the_schema(engine):
    for texts in ([], "", [""]):
        frame = ds.parse_amounts(texts, engine=engine)
        assert frame.height == 0
        assert frame.columns == ["doc", "start", "end", "text", "kind", "value", "low", "high",
                                 "unit", "qualifier"]
        assert ds.tokenize(texts, engine=engine).height == 0


def test_lone_surrogates_are_replaced_with_a_warning(engine):
    text = "a \ud800 40 亿美元"
    with pytest.warns(UserWarning, match=r"texts\[0\]: lone surrogate at offset 2"):
        frame = ds.parse_amounts(text, engine=engine)
    assert frame["text"].to_list() == ["40 亿美元"]
    assert frame["start"][0] == text.index("40")


def test_wrong_types_are_refused_clearly(engine):
    with pytest.raises(TypeError, match=r"texts\[1\]: expected str, got int"):
        ds.parse_amounts(["ok", 3], engine=engine)
    with pytest.raises(ValueError, match="engine must be one of"):
        ds.parse_amounts("x", engine="fortran")
    with pytest.raises(ValueError, match="2 languages given for 1 texts"):
        ds.parse_amounts(["x"], lang=["pl", "ru"], engine=engine)


def test_series_input_with_nulls(engine):
    series = pl.Series(["40 亿美元", None, "$5bn"])
    frame = ds.parse_amounts(series, engine=engine)
    assert frame["doc"].to_list() == [0, 2]


def test_a_50_mb_single_line():
    line = ("Nvidia investirà fino a 100 miliardi di dollari, " * 1_000_000)[: 50 * 2**20]
    frame = ds.parse_amounts(line, engine="rust", lang="it")
    assert frame.height == line.count("fino a 100 miliardi di dollari")
    assert frame["high"].unique().to_list() == [1e11]


def test_a_long_single_line_in_python():
    line = "około 3 mld zł; " * 200_000
    frame = ds.parse_amounts(line, engine="python", lang="pl")
    assert frame.height == 200_000


def test_the_stub_names_what_the_extension_has():
    stub = ast.parse((Path(ds.__file__).parent / "_core.pyi").read_text("utf-8"))
    stubbed = {n.name for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))
               and not n.name.startswith("_")}  # the stub's own helper types
    real = {n for n in dir(_core) if not n.startswith("_") and callable(getattr(_core, n))}
    assert stubbed == real


def test_the_core_names_codes_as_the_frames_do():
    # The flags too: a flag one engine's list lacks would be read by the other alone.
    assert dict(_core.code_tables()) == {
        "token_kind": list(TOKEN_KINDS), "amount_kind": list(AMOUNT_KINDS),
        "qualifier": list(QUALIFIERS), "precision": list(PRECISIONS),
        "relation": list(RELATIONS), "flag": list(FLAG_LISTS),
    }


def test_a_core_batch_is_taken_once():
    batch = _core.tokenize(["Nvidia invests $5 billion"], 1)
    assert len(batch) == 5
    assert pl.DataFrame(batch).height == 5
    with pytest.raises(ValueError, match="taken already"):
        pl.DataFrame(batch)


def test_warnings_do_not_leak_for_clean_text(engine):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ds.parse_amounts(["clean text 5 mld zł"], engine=engine)
