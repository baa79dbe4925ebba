"""The core keeps its frames' big buffers for the next call: what it keeps, and
that a frame built in kept memory holds nothing of the frame before (the cap on
what is kept is tested in Rust: `pool::tests`)."""

import gc

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import dealscope as ds
from dealscope.memory import kept_bytes, kept_limit, release_memory, set_kept_limit

# Over 1 MiB of every token column (4 bytes a token for the offsets): big enough
# for each column to be built in a kept buffer.
BIG = ["Nvidia investirà 100 miliardi di dollari in OpenAI. " * 40] * 1200
OTHER = ["OpenAI 与 AMD 签署协议，价值 1000 亿美元。 " * 30] * 1000


@pytest.fixture(autouse=True)
def empty_shelves():
    release_memory()
    yield
    release_memory()


def test_a_dropped_frame_leaves_its_buffers_and_release_frees_them():
    assert kept_bytes() == 0
    frame = ds.tokenize(BIG, threads=1)
    views = frame.height * 16  # the token column's views alone
    assert views > 2**20
    during = kept_bytes()  # the tokens' scratch buffer, not the frame's columns
    del frame
    gc.collect()
    kept = kept_bytes()
    assert kept - during >= 2 * views  # the token and kind views, at least
    assert kept <= 256 * 2**20
    assert release_memory(kept_buffers=False) == 0 and kept_bytes() == kept
    assert release_memory() == kept and kept_bytes() == 0


def test_frames_built_in_kept_buffers_hold_only_their_own_rows():
    def one_pass(texts, threads):
        return ds.tokens_and_amounts(texts, threads=threads)[0]

    fresh = ds.tokenize(OTHER, threads=1)
    assert fresh.height > 2**20 // 4
    assert_frame_equal(fresh, ds.tokenize(OTHER, engine="python"))
    for fn in (ds.tokenize, one_pass):
        for threads in (1, 2):
            release_memory()
            before = fn(BIG, threads=threads)  # more rows than OTHER gives
            assert before.height > fresh.height
            del before
            gc.collect()
            assert kept_bytes() > 0
            assert_frame_equal(fn(OTHER, threads=threads), fresh)


def test_a_live_frame_is_never_written_by_a_later_call():
    first = ds.tokenize(BIG, threads=1)
    copy = first.clone().rechunk()
    want = pl.DataFrame({c: first[c].to_list() for c in first.columns}, schema=first.schema)
    for texts in (OTHER, BIG, OTHER):
        ds.tokenize(texts, threads=1)  # made and dropped: its buffers kept, not first's
    assert_frame_equal(first, want)
    assert_frame_equal(copy, want)


@pytest.mark.parametrize("call", [
    lambda t: ds.tokenize(t, threads=1),
    lambda t: ds.tokens_and_amounts(t, threads=2),
    lambda t: ds.parse_amounts(t, threads=1),
    lambda t: ds.parse_dates(t, threads=1),
    lambda t: ds.find_names(t, threads=2),
], ids=["tokenize", "one pass", "amounts", "dates", "names"])
def test_kept_buffers_do_not_pile_up_call_after_call(call):
    # Names, dates and long strings aplenty: over 1 MiB of views in every frame.
    texts = ["Microsoft Corporation and Alphabet agreed on 3 March 2025 to invest "
             "dziesiątki miliardów dolarów w Anthropic. " * 20] * 4000
    kept = []
    for _ in range(5):
        call(texts)
        gc.collect()
        kept.append(kept_bytes())
    assert kept[1] > 0 and kept[1:] == [kept[1]] * 4, kept


def test_the_kept_limit_caps_what_is_kept_and_zero_keeps_nothing():
    ds.tokenize(BIG, threads=1)
    gc.collect()
    assert kept_bytes() > 4 * 2**20
    before = set_kept_limit(4 * 2**20)
    try:
        assert before == 256 * 2**20 and kept_limit() == 4 * 2**20
        assert kept_bytes() <= 4 * 2**20  # the oldest freed at once
        ds.tokenize(BIG, threads=1)  # its offset columns fit the limit, its views do not
        gc.collect()
        assert 0 < kept_bytes() <= 4 * 2**20
        set_kept_limit(0)
        assert kept_bytes() == 0
        ds.tokenize(BIG, threads=1)
        gc.collect()
        assert kept_bytes() == 0
        with pytest.raises(ValueError, match="negative"):
            set_kept_limit(-1)
    finally:
        set_kept_limit(before)
    assert kept_limit() == before
