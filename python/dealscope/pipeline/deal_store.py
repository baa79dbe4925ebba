"""The deal stage's findings, kept in columns between batches until the merge.

A corpus's deal candidates grow with it: on the mixed bench corpus about 900 a
MB of text, and held as Python objects until the final merge they took about
1 MB of memory a MB of text. As one frame a batch they go to `extract`'s sink
with its other frames (spilled to disk on a large corpus), and the merge turns
one group (kind, source, target) at a time back into objects. No candidate
carries its sentence's text: each batch's candidate sentences go to the sink
as a frame of their own, and a deal's evidence is read from it by (doc, sid).
"""

from __future__ import annotations

from array import array

import polars as pl

from .merge import Item, merge_group
from .records import Candidate

# Candidate's fields, in its order (tested): rows are turned back into candidates by place.
_CANDIDATE = {
    "doc": pl.UInt32, "sid": pl.UInt32, "kind": pl.String, "source": pl.String,
    "target": pl.String, "low": pl.Float64, "high": pl.Float64, "currency": pl.String,
    "power_w": pl.Float64, "chips": pl.Float64, "chip": pl.String, "status": pl.String,
    "role": pl.String, "at": pl.Int64, "backers": pl.List(pl.String),
}
# The candidate's fields, then its Item's (the fields after `cand`, bar the dollars).
CANDIDATE_SCHEMA = _CANDIDATE | {
    "date": pl.Date, "precision": pl.String, "published": pl.Date, "lang": pl.String,
}
VALUATION_SCHEMA = {
    "date": pl.Date, "precision": pl.String, "target": pl.String, "doc": pl.UInt32,
    "text": pl.String, "low": pl.Float64, "high": pl.Float64, "currency": pl.String,
}
_GROUP = ["kind", "source", "target"]


def candidate_frame(items: list[Item]) -> pl.DataFrame:
    """A batch's items as rows of CANDIDATE_SCHEMA."""
    rows = [(*(getattr(i.cand, name) for name in _CANDIDATE),
             i.date, i.precision, i.published, i.lang) for i in items]
    return pl.DataFrame(rows, schema=CANDIDATE_SCHEMA, orient="row")


def valuation_frame(rows: list[tuple]) -> pl.DataFrame:
    """A batch's valuations, as tuples in VALUATION_SCHEMA's order."""
    return pl.DataFrame(rows, schema=VALUATION_SCHEMA, orient="row")


def merged(candidates: pl.DataFrame,
           schema: dict[str, pl.DataType]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The deals of every candidate, as `merge.merge` gives them (groups in order of
    first appearance, each group's items in the order they were found), as a frame
    of `schema` without their ``evidence``; that comes apart as a frame of (deal, doc,
    sid), each sentence once a deal in the order found: kept as Python tuples it was
    90 bytes a sentence.

    Each group's deals become a frame before the next group is read: a Python object
    that outlived its group kept the allocator's block of the group's objects
    resident (798,480 candidates: 244 MB held by 2,164 deals' dicts, 14 MB now)."""
    n = len(_CANDIDATE)
    frames: list[pl.DataFrame] = []
    count = 0
    deal, doc, sid = array("I"), array("I"), array("I")
    groups = (candidates.with_row_index("_row").group_by(_GROUP, maintain_order=True)
              .agg("_row")["_row"])
    for at in groups:  # one group's rows at a time, not every group's at once
        items = [Item(Candidate(*r[:n]), *r[n:]) for r in candidates[at].iter_rows()]
        first = items[0].cand
        rows = merge_group(first.kind, first.source, first.target, items)
        for row in rows:
            for d, s in dict.fromkeys(row.pop("evidence")):
                deal.append(count)
                doc.append(d)
                sid.append(s)
            count += 1
        frames.append(pl.DataFrame(rows, schema=schema))
    keys = pl.DataFrame([pl.Series("deal", deal, dtype=pl.UInt32),
                         pl.Series("doc", doc, dtype=pl.UInt32),
                         pl.Series("sid", sid, dtype=pl.UInt32)])
    return (pl.concat(frames) if frames else pl.DataFrame(schema=schema)), keys
