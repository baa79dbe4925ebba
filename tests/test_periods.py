"""Halves of a year next to quarters and years: how the app groups, sums and prints them."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dealscope.app.model import timeline_groups, value_by_period
from dealscope.formatting import fmt_date


def _timeline(rows: list[tuple[dt.date, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {"date": [r[0] for r in rows], "precision": [r[1] for r in rows],
         "event": [r[2] for r in rows], "source": ["A"] * len(rows), "target": ["B"] * len(rows)},
        schema={"date": pl.Date, "precision": pl.String, "event": pl.String,
                "source": pl.String, "target": pl.String},
    )


def test_a_half_prints_as_h1_or_h2():
    assert fmt_date(dt.date(2026, 1, 1), "half") == "2026-H1"
    assert fmt_date(dt.date(2026, 7, 1), "half") == "2026-H2"
    assert fmt_date(dt.date(2026, 7, 1), "quarter") == "2026-Q3"


def test_a_week_prints_as_its_iso_week():
    assert fmt_date(dt.date(2024, 11, 18), "week") == "2024-W47"
    assert fmt_date(dt.date(2024, 12, 30), "week") == "2025-W01"  # ISO weeks cross years


def test_each_heading_of_a_year_gathers_its_events_once():
    events = _timeline([
        (dt.date(2026, 1, 1), "quarter", "q1"),
        (dt.date(2026, 1, 1), "half", "h1"),
        (dt.date(2026, 1, 1), "quarter", "q1 again"),
        (dt.date(2026, 7, 1), "half", "h2"),
        (dt.date(2026, 3, 5), "day", "march"),
        (dt.date(2026, 1, 1), "year", "year"),
    ])
    [(year, groups)] = timeline_groups(events)
    assert year == 2026
    headings = [heading for heading, _ in groups]
    assert headings == ["2026 (month not stated)", "2026-H1", "2026-H2", "2026-Q1", "2026-03"]
    assert [e["event"] for e in dict(groups)["2026-Q1"]] == ["q1", "q1 again"]


def test_value_by_quarter_leaves_halves_out_and_by_year_counts_them():
    deals = pl.DataFrame({
        "date": [dt.date(2026, 1, 1), dt.date(2026, 7, 1), dt.date(2026, 4, 1)],
        "date_precision": ["half", "half", "quarter"],
        "usd_low": [1e9, 2e9, 4e9], "usd_high": [1e9, 2e9, 4e9],
        "source": ["A"] * 3, "target": ["B"] * 3,
    })
    periods, low, _, left_out = value_by_period(deals, by="quarter")
    assert (periods, low, left_out) == (["2026-Q2"], [4e9], 2)
    periods, low, _, left_out = value_by_period(deals, by="year")
    assert (periods, low, left_out) == (["2026"], [7e9], 0)
