"""Extraction in batches and chunks gives the frames of extraction in one go."""

from __future__ import annotations

import itertools

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import dealscope as ds
from conftest import ROOT, SEEDS, seed_texts
from dealscope.api import decide_language, detect_languages, language_scores
from dealscope.pipeline import batches
from dealscope.pipeline.corpus import Corpus, extract

ARTICLES = ROOT / "tests" / "corpus" / "articles"
HUGE = 2**40  # one batch, no chunk


def assert_same(a: Corpus, b: Corpus) -> None:
    for name in Corpus.FRAMES:
        assert_frame_equal(getattr(a, name), getattr(b, name), check_row_order=True)


def spans_hold(corpus: Corpus) -> None:
    """Every offset refers to the original document's text."""
    texts = corpus.documents["text"].to_list()
    for name in ("mentions", "amounts", "dates"):
        for doc, start, end, text in getattr(corpus, name).select(
                "doc", "start", "end", "text").iter_rows():
            assert texts[doc][start:end] == text, (name, doc, start)
    for doc, start, end, sentence in corpus.sentences.select(
            "doc", "start", "end", "sentence").iter_rows():
        assert texts[doc][start:end] == sentence


@pytest.mark.parametrize("source", [SEEDS, ARTICLES], ids=["seeds", "articles"])
def test_batch_size_does_not_change_the_frames(source, engine):
    whole = extract(source, engine=engine, batch_bytes=HUGE, chunk_chars=HUGE)
    seen = []
    small = extract(source, engine=engine, batch_bytes=1,
                    progress=lambda *args: seen.append(args))
    assert whole.deals.height > 0 and whole.documents.height > 1
    assert seen[-1][1] == seen[-1][2] == 1 + 5 * whole.documents.height  # one batch a document
    assert_same(whole, small)


def test_texts_without_dates_batched_like_whole(engine):
    """Documents with no publication date are read for one, batch by batch."""
    texts = seed_texts()
    whole = extract(texts, engine=engine, batch_bytes=HUGE)
    small = extract(texts, engine=engine, batch_bytes=5000)
    assert whole.documents["published_inferred"].any()
    assert_same(whole, small)


def test_progress_counts_every_batch():
    seen = []
    extract(SEEDS, batch_bytes=1, progress=lambda *args: seen.append(args))
    n = len(seed_texts())
    assert [s for s, _, _ in seen] == ["read", *["languages"] * n,
                                      *["dates", "amounts", "names", "deals"] * n]
    assert [d for _, d, _ in seen] == list(range(1, len(seen) + 1))


def test_an_error_reading_a_batch_ahead_reaches_the_caller(monkeypatch):
    """With the Rust engine the next batch is read in a second thread: its error is
    raised by `extract` (after the batches before it), not lost or left hanging."""
    from dealscope.pipeline import corpus

    real, calls = corpus.api.find_names, []

    def fails_third(chunk, **kwargs):
        calls.append(len(chunk))
        if len(calls) == 3:
            raise RuntimeError("batch 3 unreadable")
        return real(chunk, **kwargs)

    monkeypatch.setattr(corpus.api, "find_names", fails_third)
    seen = []
    with pytest.raises(RuntimeError, match="batch 3 unreadable"):
        extract(SEEDS, batch_bytes=1, spill=False, progress=lambda *args: seen.append(args[0]))
    assert len(calls) == 3
    assert seen.count("deals") >= 1  # the first batches' deals were made before it


@pytest.mark.parametrize("joiner", ["\n", " "], ids=["lines", "one-line"])
def test_chunked_document_gives_the_frames_of_the_whole(joiner, engine):
    """One long document (the seeds joined, also as a single line) cut into chunks
    of 3,000 code points, always between sentences."""
    text = joiner.join(t.strip() for t in seed_texts())
    cuts = batches.cut_points(text, 3000)
    assert len(cuts) > 5
    whole = extract([text], engine=engine, chunk_chars=HUGE)
    chunked = extract([text], engine=engine, chunk_chars=3000, batch_bytes=7000)
    assert whole.deals.height > 0
    assert_same(whole, chunked)
    spans_hold(chunked)


def test_cuts_fall_at_sentence_ends_then_white_space_then_anywhere():
    text = "Alpha beta. Gamma delta. Epsilon zeta."
    cuts = batches.cut_points(text, 20)
    assert [text[a:b] for a, b in itertools.pairwise(cuts)] == \
        ["Alpha beta. ", "Gamma delta. ", "Epsilon zeta."]
    words = "lorem ipsum dolor sit amet consectetur"
    cuts = batches.cut_points(words, 12)
    chunks = [words[a:b] for a, b in itertools.pairwise(cuts)]
    assert "".join(chunks) == words
    assert all(c.endswith(" ") for c in chunks[:-1]) and all(len(c) <= 12 for c in chunks)
    assert batches.cut_points("x" * 25, 10) == [0, 10, 20, 25]
    assert batches.cut_points("", 10) == [0, 0]
    with pytest.raises(ValueError):
        batches.cut_points("abc", 0)


def test_a_chunked_mixed_document_is_read_as_the_whole(engine):
    """Sentences quoted in other languages are read in their own, chunk or no chunk:
    the document's language is given to every chunk, and chunks end between sentences."""
    from test_sentence_langs import MIXED
    text = "\n".join(f"{MIXED} ({i})" for i in range(40))
    whole = extract([text], engine=engine, chunk_chars=HUGE)
    chunked = extract([text], engine=engine, chunk_chars=2000, batch_bytes=5000)
    assert whole.amounts.filter(pl.col("text") == "20 亿美元").height == 40
    assert_same(whole, chunked)


def test_cuts_are_the_parsers_sentence_starts():
    """Chunks end where ``ds.sentences`` ends a sentence, also with no space after
    the mark (。) and where a mark alone does not end one (``ok. 5``, ``. a``)."""
    text = " ".join(seed_texts()) + "".join(
        f"投资{i}亿美元。Il costo è di {i} mln. a rate, ok. {i} mld zł.\n" for i in range(300))
    starts = set(ds.sentences(text)["start"])
    cuts = batches.cut_points(text, 700)
    assert len(cuts) > 30
    assert set(cuts[1:-1]) <= starts
    assert any(text[c - 1] == "。" for c in cuts)


def test_a_sentence_longer_than_a_chunk_is_cut_but_offsets_hold(engine):
    """Cut inside a sentence, a document may read differently (the sentence is two),
    but every offset still points into the original text."""
    text = ("Microsoft will invest $10 billion in OpenAI and Amazon signed a $38 billion "
            "cloud contract with OpenAI " * 20)
    corpus = extract([text], engine=engine, chunk_chars=500)
    assert corpus.sentences.height > 1
    assert corpus.amounts.height == ds.parse_amounts(text, engine=engine).height
    spans_hold(corpus)


def test_a_short_or_long_score_list_reads_missing_counts_as_zeros():
    """Both engines decide alike on lists of any length: the Python engine used to
    fail on a list shorter than the scores' layout, where the Rust engine read the
    missing counts as zeros."""
    full = language_scores("Microsoft will invest in the company and its cloud")[0]
    assert decide_language(full) == "en"
    for scores in ([], [0], [3, 1], [3, 0, 0, 0, 1], [0, 0, 0, 0, 9, 1], full[:-1],
                   [*full, 7, 7]):
        rust, python = (decide_language(scores, engine=e) for e in ("rust", "python"))
        assert rust == python, scores
        padded = [*scores, *[0] * (len(full) - len(scores))][:len(full)]
        assert python == decide_language(padded, engine="python"), scores


def test_language_scores_add_up_over_pieces(engine):
    texts = [*seed_texts(), "", "hello", "Привет, мир", "東京で会議があります"]
    detected = detect_languages(texts, engine=engine).to_list()
    scores = language_scores(texts, engine=engine)
    assert [decide_language(s, engine=engine) for s in scores] == detected
    for text in seed_texts():
        cuts = batches.cut_points(text, 700)
        parts = language_scores([text[a:b] for a, b in itertools.pairwise(cuts)], engine=engine)
        whole = language_scores(text, engine=engine)[0]
        assert [sum(col) for col in zip(*parts, strict=True)] == whole
    assert language_scores(texts, engine="rust") == language_scores(texts, engine="python")


def test_plan_bounds_batches_by_bytes():
    texts = ["a" * 100, "ż" * 100, "b" * 10, "c" * 500]
    plan = batches.plan(texts, batch_bytes=250, chunk_chars=HUGE)
    assert [[p.doc for p in b] for b in plan] == [[0], [1, 2], [3]]  # ż is 2 bytes
    assert batches.plan([], batch_bytes=10) == [[]]
    cut = batches.plan(["word " * 100], batch_bytes=HUGE, chunk_chars=120)
    assert len(cut) == 1 and len(cut[0]) > 4
    assert cut[0][0].start == 0 and cut[0][-1].end == 500
    assert all(a.end == b.start for a, b in itertools.pairwise(cut[0]))


def test_empty_corpus_still_runs_every_stage():
    seen = []
    corpus = extract(pl.DataFrame({"text": []}, schema={"text": pl.String}),
                     progress=lambda *args: seen.append(args))
    assert corpus.documents.height == 0 and corpus.deals.height == 0
    assert seen[-1] == ("deals", 6, 6)


def test_cli_batch_size_option_gives_the_same_files(tmp_path):
    from dealscope.cli import main

    for name, size in (("small", "1KB"), ("large", "1GB")):
        assert main(["extract", str(ARTICLES), "--no-cache", "-o", str(tmp_path / name),
                     "--batch-size", size]) == 0
    for frame in ("documents", "deals", "mentions", "sentences"):
        assert_frame_equal(pl.read_parquet(tmp_path / "small" / f"{frame}.parquet"),
                           pl.read_parquet(tmp_path / "large" / f"{frame}.parquet"))
    assert pl.read_parquet(tmp_path / "small" / "deals.parquet").height > 0
