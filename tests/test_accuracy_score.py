"""tests/accuracy/score.py: a case is right only when the deals found are the deals expected."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SPEC = importlib.util.spec_from_file_location(
    "score", Path(__file__).parent / "accuracy" / "score.py")
score = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(score)

TEXT = ["Nvidia will invest $5 billion in Intel."]


def test_a_case_whose_deals_are_found_is_right():
    case = {"texts": TEXT, "deals": [
        {"kind": "investment", "source": "Nvidia", "target": "Intel", "usd": 5e9}]}
    assert score.wrong(case, "rust") == ([], [])


def test_a_wrong_figure_is_a_missing_deal_and_an_extra_one():
    want = {"kind": "investment", "source": "Nvidia", "target": "Intel", "usd": 6e9}
    missing, extra = score.wrong({"texts": TEXT, "deals": [want]}, "rust")
    assert missing == [want]
    assert [(d["source"], d["target"], d["usd_low"]) for d in extra] == [("Nvidia", "Intel", 5e9)]


def test_a_deal_found_where_none_is_expected_is_extra():
    missing, extra = score.wrong({"texts": TEXT, "deals": []}, "python")
    assert missing == [] and len(extra) == 1
