"""A deal told twice is folded into its fuller telling (pipeline/fold.py): a partnership
that is another deal, a round told without its lead that is a led one."""

from __future__ import annotations

import datetime as dt

import polars as pl

import dealscope as ds
from dealscope.pipeline.corpus import DEAL_SCHEMA
from dealscope.pipeline.fold import fold_deals

DEAL_ROW = {k: v for k, v in DEAL_SCHEMA.items() if k != "evidence"}
HEADLINE = "OpenAI firma con Oracle un contrato de {} millones de dólares"
BODY = ("10 de septiembre de 2025\n\nOpenAI ha firmado un acuerdo con Oracle para comprar "
        "capacidad de computación por valor de 300.000 millones de dólares durante unos cinco "
        "años. El contrato requerirá 4,5 gigavatios de capacidad.")


def deal(kind: str, source: str | None, target: str, usd: float | None,
         date: dt.date | None = None, **more) -> dict:
    row = dict.fromkeys(DEAL_ROW)
    row.update(deal_id=f"{kind}-{source}-{target}", kind=kind, source=source, target=target,
               usd_low=usd, usd_high=usd, date=date, sources=[len(more)], languages=["en"],
               **more)
    return row


def fold(rows: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    merged = pl.DataFrame(rows, schema=DEAL_ROW)
    keys = pl.DataFrame({"deal": list(range(len(rows))), "doc": [0] * len(rows),
                         "sid": list(range(len(rows)))},
                        schema={"deal": pl.UInt32, "doc": pl.UInt32, "sid": pl.UInt32})
    return fold_deals(merged, keys)


def test_a_headline_contract_and_its_compute_story_are_one_deal():
    corpus = ds.extract([HEADLINE.format("300.000") + "\n\n" + BODY])
    deals = corpus.deals.filter(pl.col("target") == "OpenAI")
    assert deals["kind"].to_list() == ["compute"]
    row = deals.row(0, named=True)
    assert (row["source"], row["usd_low"], row["power_w"]) == ("Oracle", 3e11, 4.5e9)
    said = [e["sentence"] for e in row["evidence"]]
    assert said[0] == HEADLINE.format("300.000")
    assert len(said) == 3
    assert corpus.relations.filter(source="Oracle", target="OpenAI")["relation"].to_list() \
        == ["provides_compute_to"]


def test_a_headline_contract_of_another_amount_stays_apart():
    # A contract with money between Oracle (selling cloud) and a lab is compute itself.
    corpus = ds.extract([HEADLINE.format("10.000") + "\n\n" + BODY])
    deals = corpus.deals.filter(pl.col("target") == "OpenAI").sort("usd_low")
    assert deals.select("kind", "usd_low", "sources").rows() == [("compute", 1e10, [0]),
                                                                 ("compute", 3e11, [0])]


def test_folding_goes_either_way_round_and_fills_what_the_deal_lacks():
    day = dt.date(2025, 9, 10)
    merged, keys = fold([
        deal("compute", "Oracle", "OpenAI", 3e11),
        deal("partnership", "OpenAI", "Oracle", 3.1e11, day, status="announced",
             date_precision="day"),
    ])
    assert merged.select("kind", "source", "status", "date", "date_precision").rows() == [
        ("compute", "Oracle", "announced", day, "day")]
    assert keys.rows() == [(0, 0, 0), (0, 0, 1)]


def test_no_fold_without_amounts_overlapping_in_one_year():
    rows = [
        deal("investment", "Microsoft", "OpenAI", 1e10, dt.date(2023, 1, 23)),
        deal("partnership", "Microsoft", "OpenAI", None),  # no amount
        deal("partnership", "Microsoft", "OpenAI", 1e10, dt.date(2019, 7, 22)),  # other year
        deal("partnership", "Microsoft", "OpenAI", 2e10),  # other amount
        deal("partnership", "Microsoft", "Anthropic", 1e10),  # other company
    ]
    merged, keys = fold(rows)
    assert merged.height == len(rows)
    assert keys["deal"].to_list() == list(range(len(rows)))


def test_a_round_told_without_its_lead_folds_into_the_led_one():
    merged, keys = fold([
        deal("funding", None, "Anthropic", 1.3e10, backers=["Fidelity"]),
        deal("funding", "Iconiq", "Anthropic", 1.3e10, dt.date(2025, 9, 2), backers=["Iconiq"]),
    ])
    assert merged.select("source", "backers", "date").rows() == [
        ("Iconiq", ["Fidelity", "Iconiq"], dt.date(2025, 9, 2))]
    assert keys.rows() == [(0, 0, 0), (0, 0, 1)]


def test_no_round_folds_into_one_of_another_company_amount_or_year():
    rows = [
        deal("funding", "Iconiq", "Anthropic", 1.3e10, dt.date(2025, 9, 2)),
        deal("funding", None, "Anthropic", 3e10, dt.date(2025, 9, 2)),  # other amount
        deal("funding", None, "Anthropic", 1.3e10, dt.date(2024, 9, 2)),  # other year
        deal("funding", None, "OpenAI", 1.3e10),  # other company
        deal("funding", "Thrive Capital", "Anthropic", 1.3e10, dt.date(2023, 5, 1)),  # led
    ]
    merged, _ = fold(rows)
    assert merged.height == len(rows)
