"""A spilled extraction (frames written to disk and mapped back) gives the frames of
one kept in memory, and leaves nothing behind."""

from __future__ import annotations

import sys

import pytest
from test_batching import assert_same, spans_hold

from conftest import ROOT, SEEDS
from dealscope.pipeline import corpus as corpus_mod
from dealscope.pipeline import spill
from dealscope.pipeline.corpus import extract

ARTICLES = ROOT / "tests" / "corpus" / "articles"


@pytest.mark.parametrize("source", [SEEDS, ARTICLES], ids=["seeds", "articles"])
def test_spilled_frames_equal_frames_in_memory(source, engine, tmp_path):
    kept = extract(source, engine=engine, spill=False)
    written = []
    real_put = spill.Spill.put

    def put(self, name, frame):
        written.append(name)
        real_put(self, name, frame)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(spill.Spill, "put", put)
        # One batch a document: many files per frame, concatenated when mapped back.
        spilled = extract(source, engine=engine, spill=tmp_path / "spill", batch_bytes=1)
    n = kept.documents.height
    assert written.count("mentions") == n and written.count("documents") == n
    assert spilled.mentions.n_chunks() == n
    assert_same(kept, spilled)
    spans_hold(spilled)
    assert list((tmp_path / "spill").iterdir()) == []  # every file unlinked, the folder gone


def test_default_spills_large_corpora_under_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(spill, "SPILL_CHARS", 1000)
    folders = []
    real_init = spill.Spill.__init__

    def init(self, root):
        real_init(self, root)
        folders.append(self.folder)

    monkeypatch.setattr(spill.Spill, "__init__", init)
    monkeypatch.setenv("DEALSCOPE_CACHE", str(tmp_path / "cache"))
    big = extract(SEEDS)  # cache off: the default cache folder still holds the spill
    assert [f.parent for f in folders] == [tmp_path / "cache" / "spill"]
    extract(SEEDS, cache=tmp_path / "store")
    assert folders[1].parent == tmp_path / "store" / "spill"
    monkeypatch.setattr(spill, "SPILL_CHARS", 10**9)
    small = extract(SEEDS)
    assert len(folders) == 2  # under the threshold nothing is written
    assert_same(big, small)


def test_spilled_corpus_is_stored_and_read_back(tmp_path):
    first = extract(SEEDS, cache=tmp_path, spill=True)
    again = extract(SEEDS, cache=tmp_path, spill=True)
    assert_same(first, again)
    assert list((tmp_path / "spill").iterdir()) == []


def test_unusable_spill_folder_warns_and_keeps_the_result_in_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.warns(UserWarning, match=r"spill folder .*file.*keeping the result in memory"):
        got = extract(SEEDS, spill=blocker / "spill")
    assert_same(got, extract(SEEDS, spill=False))


def test_failed_extraction_removes_its_spill(tmp_path, monkeypatch):
    calls = []
    real = corpus_mod._deals

    def failing(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("stop here")
        real(*args)

    monkeypatch.setattr(corpus_mod, "_deals", failing)
    with pytest.raises(RuntimeError, match="stop here"):
        extract(SEEDS, spill=tmp_path / "spill", batch_bytes=1)
    assert list((tmp_path / "spill").iterdir()) == []


def test_the_callers_texts_are_left_without_a_utf8_copy(engine):
    """CPython caches a string's UTF-8 on the string when polars or the core reads
    it: on the caller's input that would double the memory of non-ASCII text for
    as long as the caller keeps it (its size shows in sys.getsizeof)."""
    texts = ["Microsoft zainwestuje 10 mld dolarów w OpenAI; zażółć gęślą jaźń. " * 50,
             "ソフトバンクは OpenAI に 400 億ドルを出資する。" * 50]
    before = [sys.getsizeof(t) for t in texts]
    got = extract(texts, engine=engine)
    assert got.amounts.height > 0
    assert [sys.getsizeof(t) for t in texts] == before


def test_a_full_disk_mid_run_keeps_the_rest_in_memory_and_loses_nothing(tmp_path, monkeypatch):
    from dealscope import arrowfile

    kept = extract(SEEDS, spill=False)
    real, calls = arrowfile.write, []

    def write(frame, path):
        calls.append(path)
        if len(calls) > 7:
            raise OSError(28, "No space left on device")
        real(frame, path)

    monkeypatch.setattr(arrowfile, "write", write)
    with pytest.warns(UserWarning, match="No space left on device; keeping the rest in memory"):
        spilled = extract(SEEDS, spill=tmp_path / "spill", batch_bytes=1)
    assert len(calls) == 8  # one failed write, none tried after it
    assert_same(kept, spilled)
    assert list((tmp_path / "spill").iterdir()) == []
