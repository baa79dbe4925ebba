"""The pipeline's sentences: the parsers' own (``ds.sentences``; the rules are in
``pyengine/langdetect.py``), so that a sentence, its amounts and its dates are
cut by one rule.

A sentence runs from its first token to its last: it ends at a new line, after
。！？, or after . ! ? … followed by white space and a token that does not
start with a lower-case letter (so ``tys. procesorów`` and ``12.5`` stay whole).
The pipeline then joins a sentence that starts inside an amount to the one before
(`joined_over_amounts`): German nouns are capitalised, so ``10 Mrd. Euro`` is cut after
``Mrd.``, though the amount parser, which knows the abbreviation, reads it whole.
"""

from __future__ import annotations

from bisect import bisect_right

import polars as pl

from .. import api

# Cuts do not depend on the language: giving one skips detection.
_ANY_LANG = "xx"


def split(text: str) -> list[tuple[int, int]]:
    """The code points [start, end) of each sentence of `text`."""
    sents = api.sentences(text, lang=_ANY_LANG)
    return list(zip(sents["start"].to_list(), sents["end"].to_list(), strict=True))


def joined_over_amounts(sents: pl.DataFrame, amounts: pl.DataFrame,
                        texts: list[str]) -> pl.DataFrame:
    """`sents` (``ds.sentences`` of `texts`, sorted by document and start) with each
    sentence that starts inside one of `amounts`' mentions joined to the one before it,
    its text read again from `texts` and its language the first piece's, and `sid`
    numbered again within each document."""
    if amounts.height == 0 or sents.height < 2:
        return sents
    docs, starts = sents["doc"].to_list(), sents["start"].to_list()
    rows_of: dict[int, list[int]] = {}  # a document's first row and the row after its last
    for row, doc in enumerate(docs):
        rows_of.setdefault(doc, [row, row])[1] = row + 1
    joined = set()
    for doc, start, end in amounts.select("doc", "start", "end").iter_rows():
        if doc not in rows_of:
            continue
        first, stop = rows_of[doc]
        # The document's sentences that start past the amount's start and before its end.
        row = bisect_right(starts, start, first, stop)
        while row < stop and starts[row] < end:
            joined.add(row)
            row += 1
    if not joined:
        return sents
    rows = sents.to_dicts()
    out: list[dict] = []
    for row, item in enumerate(rows):
        if row in joined and out and out[-1]["doc"] == item["doc"]:
            out[-1]["end"] = item["end"]
            out[-1]["sentence"] = texts[item["doc"]][out[-1]["start"]:item["end"]]
        else:
            item["sid"] = out[-1]["sid"] + 1 if out and out[-1]["doc"] == item["doc"] else 0
            out.append(item)
    return pl.DataFrame(out, schema=sents.schema)

