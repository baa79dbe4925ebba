"""The Parquet store: atomic, locked, stamped with its format, and checked on read."""

from __future__ import annotations

import json
import multiprocessing
import threading
import time
import warnings
from pathlib import Path

import polars as pl
import pytest

import dealscope as ds
from dealscope import store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _entries(root: Path) -> list[Path]:
    return [p for p in root.iterdir() if not p.name.startswith(".")]


def _leftovers(root: Path) -> list[Path]:
    """Temporary folders of unfinished writes (lock files may stay)."""
    return [p for p in root.iterdir() if p.name.startswith(".") and p.is_dir()]


def _extract_into(cache: str) -> list[tuple]:
    corpus = ds.extract(str(SEEDS), cache=cache)
    return corpus.deals.drop("evidence").rows()


def test_two_processes_on_one_corpus_both_succeed(tmp_path):
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = pool.map(_extract_into, [str(tmp_path)] * 2)
    assert results[0] == results[1] and results[0]
    (entry,) = _entries(tmp_path)
    assert _leftovers(tmp_path) == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a sound entry is read without a warning
        frames = store.load(tmp_path, entry.name, ds.Corpus.FRAMES)
    assert frames is not None
    assert frames["deals"].drop("evidence").rows() == results[0]


def test_a_held_lock_times_out_with_a_warning_and_the_run_goes_on(tmp_path, monkeypatch):
    first = ds.extract(str(SEEDS), cache=tmp_path)
    (entry,) = _entries(tmp_path)
    monkeypatch.setattr(store, "LOCK_TIMEOUT", 0.2)
    with store.locked(tmp_path, entry.name):  # another run, as far as flock can tell
        with pytest.warns(UserWarning, match=r"another run has held .* for over 0\.2 s; "
                                             r"extracting without the store"):
            second = ds.extract(str(SEEDS), cache=tmp_path)
    assert second.deals.equals(first.deals)


def test_the_entry_is_stamped(tmp_path):
    corpus = ds.extract(str(SEEDS), cache=tmp_path)
    (entry,) = _entries(tmp_path)
    meta = json.loads((entry / store.STAMP).read_text("utf-8"))
    assert meta["format"] == store.FORMAT and meta["key"] == entry.name
    assert meta["rows"]["deals"] == corpus.deals.height
    assert meta["rows"]["documents"] == corpus.documents.height


@pytest.mark.parametrize("stamp", [{"format": 1}, {"format": 999}, None])
def test_an_entry_of_another_format_is_rebuilt(tmp_path, stamp):
    first = ds.extract(str(SEEDS), cache=tmp_path)
    (entry,) = _entries(tmp_path)
    meta = json.loads((entry / store.STAMP).read_text("utf-8"))
    if stamp is None:
        del meta["format"]  # written before the format was stamped
    else:
        meta.update(stamp)
    (entry / store.STAMP).write_text(json.dumps(meta), "utf-8")
    # An old entry without the encoding column would be misread as one with it.
    pl.read_parquet(entry / "documents.parquet").drop("encoding") \
        .write_parquet(entry / "documents.parquet")
    expected = 1 if stamp is None else stamp["format"]
    with pytest.warns(UserWarning, match=f"store format {expected}, this is {store.FORMAT}; "
                                         "rebuilding"):
        second = ds.extract(str(SEEDS), cache=tmp_path)
    assert "encoding" in second.documents.columns
    assert second.deals.equals(first.deals)
    meta = json.loads((entry / store.STAMP).read_text("utf-8"))
    assert meta["format"] == store.FORMAT


def test_a_truncated_parquet_file_is_detected_and_rebuilt(tmp_path):
    first = ds.extract(str(SEEDS), cache=tmp_path)
    (entry,) = _entries(tmp_path)
    path = entry / "mentions.parquet"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.warns(UserWarning, match=r"dealscope store .*: unreadable .*; rebuilding"):
        second = ds.extract(str(SEEDS), cache=tmp_path)
    assert second.mentions.equals(first.mentions)
    assert len(path.read_bytes()) == len(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        third = ds.extract(str(SEEDS), cache=tmp_path)  # the rebuilt entry is sound
    assert third.mentions.equals(first.mentions)


def test_a_readable_file_with_rows_missing_is_rebuilt(tmp_path):
    first = ds.extract(str(SEEDS), cache=tmp_path)
    (entry,) = _entries(tmp_path)
    first.amounts.head(3).write_parquet(entry / "amounts.parquet")
    with pytest.warns(UserWarning, match=r"row counts differ from the stamp \(amounts\)"):
        second = ds.extract(str(SEEDS), cache=tmp_path)
    assert second.amounts.equals(first.amounts)


def test_a_write_that_fails_leaves_no_entry_and_loses_no_result(tmp_path, monkeypatch):
    expected = ds.extract(str(SEEDS))

    def fail(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", fail)
    with pytest.warns(UserWarning, match="No space left on device; the result is not stored"):
        corpus = ds.extract(str(SEEDS), cache=tmp_path)
    assert corpus.deals.equals(expected.deals)
    assert _entries(tmp_path) == [] and _leftovers(tmp_path) == []


def test_a_cache_folder_that_cannot_be_made_is_skipped_with_a_warning(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    with pytest.warns(UserWarning, match=r"dealscope store .*file/cache: .*; extracting without "
                                         r"the store"):
        corpus = ds.extract(str(SEEDS), cache=blocker / "cache")
    assert corpus.deals.height > 0


def test_a_second_run_waits_for_the_lock_and_reads_the_first_runs_entry(tmp_path):
    first = ds.extract(str(SEEDS), cache=tmp_path)
    (entry,) = _entries(tmp_path)
    digest = entry.name
    frames = {name: getattr(first, name) for name in ds.Corpus.FRAMES}
    frames["deals"] = first.deals.head(1)  # marks the entry the "other run" writes
    store.shutil.rmtree(entry)
    held = threading.Event()

    def other_run() -> None:
        with store.locked(tmp_path, digest):
            held.set()
            time.sleep(0.5)
            store.save(tmp_path, digest, frames)

    thread = threading.Thread(target=other_run)
    thread.start()
    held.wait()
    second = ds.extract(str(SEEDS), cache=tmp_path)  # waits, then reads, never builds
    thread.join()
    assert second.deals.height == 1 < first.deals.height
