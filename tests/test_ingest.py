"""Reading sources: file types, manifests, bad files reported with path and reason."""

from __future__ import annotations

import datetime as dt
import json
import os

import polars as pl
import pytest

import dealscope as ds
from dealscope.pipeline.ingest import ingest


def test_file_types_and_manifest(tmp_path):
    (tmp_path / "a.txt").write_text("Amazon zainwestował 4 mld dolarów w Anthropic.", "utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Deal</title><script>var x = '5 bn';</script>"
        "<style>p{}</style></head><body><p>Nvidia invests $5 billion in Intel.</p></body></html>",
        "utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": "OpenAI raised $6.6 billion.", "published": "2024-10-02"}) + "\n"
        + "{broken\n" + json.dumps({"title": "no text"}) + "\n", "utf-8")
    pl.DataFrame({"text": ["Meta paid $14.3 billion for 49% of Scale AI."], "lang": ["en"]}) \
        .write_parquet(tmp_path / "d.parquet")
    pl.DataFrame({"body": ["x"]}).write_csv(tmp_path / "e.csv")
    (tmp_path / "f.txt").write_bytes(b"")
    (tmp_path / "g.bin").write_bytes(b"\x00\x01")
    (tmp_path / "manifest.tsv").write_text("file\tlang\tpublished\ttopic\na.txt\tpl\t2024-11\tA\n",
                                          "utf-8")
    got = ingest(tmp_path)
    texts = [d.text for d in got.docs]
    assert texts[0].startswith("Amazon") and got.docs[0].lang == "pl"
    assert got.docs[0].published == dt.date(2024, 11, 1) and got.docs[0].precision == "month"
    assert texts[1] == "Nvidia invests $5 billion in Intel." and got.docs[1].title == "Deal"
    assert texts[2] == "OpenAI raised $6.6 billion."
    assert got.docs[2].published == dt.date(2024, 10, 2)
    assert texts[3].startswith("Meta paid")
    errors = dict(got.errors)
    assert errors[f"{tmp_path}/c.jsonl:2"].startswith("bad JSON")
    assert errors[f"{tmp_path}/c.jsonl:3"] == "no 'text' field"
    assert errors[f"{tmp_path}/e.csv"].startswith("no 'text' column")
    assert errors[f"{tmp_path}/f.txt"] == "empty file"
    assert "not a file type" in errors[f"{tmp_path}/g.bin"]


def test_missing_path_and_symlink_loop(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    got = ingest([tmp_path / "nowhere", loop])
    errors = dict(got.errors)
    assert errors[str(tmp_path / "nowhere")] == "no such file or folder"
    assert str(loop) in errors
    assert got.docs == []


def test_strings_and_frames():
    corpus = ds.extract(["Amazon invested $4 billion in Anthropic.", "  "])
    assert corpus.documents.height == 1
    assert corpus.errors.rows() == [("<text 1>", "empty text")]
    frame = pl.DataFrame({"text": ["Google invests $2 billion in Anthropic."],
                          "published": ["2023-10-27"]})
    corpus = ds.extract(frame)
    assert corpus.documents["published"].to_list() == [dt.date(2023, 10, 27)]
    assert corpus.deals.select("source", "target", "low").rows() == [("Google", "Anthropic", 2e9)]


def test_publication_date_is_inferred_from_a_dateline():
    text = "蓝鲸新闻 2024 年 11 月 26 日讯 亚马逊宣布再向 Anthropic 追加 40 亿美元投资。"
    corpus = ds.extract([text])
    row = corpus.documents.row(0, named=True)
    assert (row["published"], row["published_inferred"]) == (dt.date(2024, 11, 26), True)


def test_empty_corpus_gives_empty_frames(tmp_path):
    corpus = ds.extract(tmp_path)
    assert corpus.documents.height == 0 and corpus.deals.height == 0
    assert "deal_id" in corpus.deals.columns


@pytest.mark.parametrize("engine", ["rust", "python"])
def test_both_engines_extract_the_same_corpus(engine, tmp_path):
    a = ds.extract("seeds", engine=engine)
    b = ds.extract("seeds", engine="rust")
    assert a.deals.drop("evidence").equals(b.deals.drop("evidence"))


def test_store_reuses_an_unchanged_corpus_and_rebuilds_a_broken_one(tmp_path):
    first = ds.extract("seeds", cache=tmp_path)
    entries = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    assert len(entries) == 1
    second = ds.extract("seeds", cache=tmp_path)
    assert second.deals.equals(first.deals)
    (entries[0] / "deals.parquet").write_bytes(b"not parquet")
    with pytest.warns(UserWarning, match="unreadable"):
        third = ds.extract("seeds", cache=tmp_path)
    assert third.deals.equals(first.deals)


def test_unknown_organisations_are_kept_as_candidates():
    corpus = ds.extract(["Microsoft signed a $10 billion cloud deal with Vantage Data Centers "
                         "for the site dubbed „Helios Compute”, alongside Project Ludicrous."])
    candidates = corpus.mentions.filter(kind="candidate")["text"].to_list()
    assert candidates == ["Vantage Data Centers", "Helios Compute", "Project Ludicrous"]
    assert corpus.deals.height == 0  # a candidate is never a deal party on its own


def test_progress_reports_every_stage():
    seen = []
    ds.extract("seeds", progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert [s for s, _, _ in seen] == ["read", "languages", "dates", "amounts", "names", "deals"]
    assert seen[-1][1:] == (6, 6)
