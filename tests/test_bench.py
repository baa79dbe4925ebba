"""The benchmark's corpus and options (its figures are printed, never asserted)."""

from __future__ import annotations

import argparse

import pytest

import dealscope as ds
from dealscope.bench import corpus, parse_size


def test_sizes_parse():
    assert parse_size("10MB") == 10
    assert parse_size("1GB") == 1024
    assert parse_size("512kb") == 0.5
    with pytest.raises(argparse.ArgumentTypeError):
        parse_size("ten")


def test_corpus_is_deterministic_and_sized():
    a, b = corpus(0.2), corpus(0.2)
    assert a == b
    assert sum(len(d.encode()) for d in a) >= 0.2 * 2**20
    assert len({ds.detect_languages(a).to_list()[i] for i in range(len(a))}) >= 3


def test_thread_count_does_not_change_results():
    docs = corpus(0.2)
    for fn in (ds.tokenize, ds.parse_amounts, ds.parse_dates, ds.find_names):
        assert fn(docs, threads=1).equals(fn(docs, threads=2))
    with pytest.raises(ValueError, match="threads must be at least 1"):
        ds.tokenize("x", threads=0)
