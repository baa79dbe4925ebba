"""The deal stage's candidates kept as frames merge as the objects did."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import polars as pl
from test_batching import ARTICLES

from dealscope.pipeline import deal_store
from dealscope.pipeline.corpus import DEAL_SCHEMA, extract
from dealscope.pipeline.merge import Item, merge
from dealscope.pipeline.records import LINK, Candidate

DEAL_ROW = {k: v for k, v in DEAL_SCHEMA.items() if k != "evidence"}


def items() -> list[Item]:
    """Groups interleaved, a group with no source, amounts that cluster and one
    that does not, two amounts of one sentence, a total, a chip count given as an
    int, unknown dates."""
    day = dt.date(2025, 9, 22)
    c = Candidate
    return [
        Item(c(0, 1, "investment", "Nvidia", "OpenAI", 1e11, 1e11, "USD", power_w=1e10,
               status="announced", at=40), day, "day", day, "en"),
        Item(c(0, 1, "investment", "Nvidia", "OpenAI", 4e9, 4e9, "USD", at=80), day, "day",
             day, "en"),
        Item(c(0, 2, "funding", None, "Mistral AI", 1.7e9, 1.7e9, "EUR", at=3), None, None,
               None, "fr"),
        Item(c(1, 0, "investment", "Nvidia", "OpenAI", 9.5e10, 1.05e11, "USD", at=7),
               dt.date(2025, 9, 1), "month", day, "ja"),
        Item(c(1, 4, "investment", "Nvidia", "OpenAI", 1e10, 1e10, "USD", role="tranche",
               at=90), day, "day", day, "ja"),
        Item(c(2, 0, "compute", "Oracle", "OpenAI", chips=400000, chip="Blackwell",
               status="planned"), dt.date(2024, 1, 1), "year", None, "pl"),
        Item(c(2, 3, "investment", "Nvidia", "OpenAI", 5e8, 5e8, "USD", role="total", at=1),
             None, None, dt.date(2023, 5, 1), "pl"),
    ]


def test_the_frame_follows_the_candidates_fields():
    names = [f.name for f in dataclasses.fields(Candidate) if f.metadata != LINK]
    assert list(deal_store.CANDIDATE_SCHEMA)[:len(names)] == names


def test_frame_of_candidates_merges_as_the_objects_do():
    frame = deal_store.candidate_frame(items())
    assert frame.schema == pl.Schema(deal_store.CANDIDATE_SCHEMA)
    assert frame.height == 7 and frame["source"].null_count() == 1
    deals, keys = deal_store.merged(frame, DEAL_ROW)
    assert deals.schema == pl.Schema(DEAL_ROW)
    from_frame = deals.to_dicts()
    from_objects = merge(copy.deepcopy(items()))
    assert [(r["kind"], r["source"], r["target"]) for r in from_frame] == [
        ("investment", "Nvidia", "OpenAI"), ("funding", None, "Mistral AI"),
        ("compute", "Oracle", "OpenAI")]
    said = [r.pop("evidence") for r in from_objects]
    assert from_frame == from_objects
    # Each sentence once a deal, in the order found: (0, 1) gave the first deal two amounts.
    assert keys.rows() == [(i, d, s) for i, e in enumerate(said) for d, s in dict.fromkeys(e)]
    assert keys.height == sum(map(len, said)) - 1


def test_empty_batches_give_no_deals():
    deals, keys = deal_store.merged(deal_store.candidate_frame([]), DEAL_ROW)
    assert deals.height == keys.height == 0 and deals.schema == pl.Schema(DEAL_ROW)
    assert deal_store.valuation_frame([]).height == 0


def test_deal_evidence_is_read_back_from_the_sentences():
    corpus = extract(ARTICLES)
    sentences = {(d, s): (a, b, t) for d, s, a, b, t in corpus.sentences.select(
        "doc", "sid", "start", "end", "sentence").iter_rows()}
    by_start = {(d, a): s for (d, s), (a, _b, _t) in sentences.items()}
    checked = 0
    for evidence in corpus.deals["evidence"].to_list():
        assert evidence, "every deal has a sentence"
        for e in evidence:
            sid = by_start[(e["doc"], e["start"])]
            assert sentences[(e["doc"], sid)] == (e["start"], e["end"], e["sentence"])
            checked += 1
    assert checked >= corpus.deals.height > 10
