"""Cutting texts into sentences, with code-point offsets.

A sentence ends at a new line, after 。！？ (and full-width !?), or after
. ! ? … followed by white space and then a capital, a digit, a quote or an
opening bracket (so ``tys. procesorów`` and ``12.5`` stay whole).
"""

from __future__ import annotations

import re

import polars as pl

_END = re.compile(
    r"\n+|(?<=[。！？!?])\s*|(?<=[.!?…])[\"”»’)]*\s+(?=[\"“„«(\[]?[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ0-9])"
)


def split(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = max(start, m.end())
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sentences(texts: list[str]) -> pl.DataFrame:
    rows = [
        (doc, sid, s, e, text[s:e])
        for doc, text in enumerate(texts)
        for sid, (s, e) in enumerate(split(text))
    ]
    return pl.DataFrame(
        rows, orient="row",
        schema={"doc": pl.UInt32, "sid": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
                "sentence": pl.String},
    )
