"""A deal told twice, folded into its fuller telling.

A partnership that is another deal told plainly: a headline calls it a contract
(``OpenAI firma con Oracle un contrato de 300.000 millones``) while the body tells
it as compute: the merge, which groups by kind, would count one deal twice. A
partnership joins a deal of another kind between the same two companies (either
way round) when both have a dollar amount and the amounts overlap as the merge's
do (within 10 %), in the same year or with either year unknown. Its sources,
languages and evidence join the deal's; the deal's other fields stay, its empty
ones filled from the partnership's. A partnership with no amount, or with no such
deal, stays.

A round told without its lead (``Anthropic has raised $13 billion``) and with it
(``… led by Iconiq``, in the next sentence or another article) folds the same
way into the led round of the same company, its backers joining the led one's.
"""

from __future__ import annotations

import polars as pl

from .merge import overlap, usd_bounds, years_agree

# Filled from the deal folded where the home deal has none: each group goes together.
_FILLED = (("status",), ("date", "date_precision"), ("power_w",), ("chips",), ("chip",))


def _year(row: dict) -> int | None:
    return row["date"].year if row["date"] is not None else None


def _home(row: dict, rows: list[dict], by_pair: dict[frozenset, list[int]],
          led: dict[str, list[int]]) -> int | None:
    """The deal that partnership or unled round `row` is, by index in `rows`: a deal of
    another kind between the same companies (`by_pair`), or a led round of the same
    company (`led`)."""
    mine = usd_bounds(row["usd_low"], row["usd_high"])
    if mine is None:
        return None
    if row["kind"] == "funding":
        if row["source"] is not None:
            return None
        candidates = led.get(row["target"], [])
    elif row["kind"] == "partnership" and row["source"] is not None:
        candidates = by_pair.get(frozenset((row["source"], row["target"])), [])
    else:
        return None
    for i in candidates:
        other = usd_bounds(rows[i]["usd_low"], rows[i]["usd_high"])
        if other is not None and overlap(other, mine) and years_agree(_year(rows[i]),
                                                                      _year(row)):
            return i
    return None


def fold_deals(merged: pl.DataFrame, keys: pl.DataFrame) -> tuple[pl.DataFrame,
                                                                   pl.DataFrame]:
    """`deal_store.merged`'s deals and evidence keys (deal, doc, sid), with each
    partnership that is another deal, and each unled round that is a led one, folded
    into it (deal numbers renumbered)."""
    rows = merged.to_dicts()
    by_pair: dict[frozenset, list[int]] = {}
    led: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row["kind"] != "partnership" and row["source"] is not None:
            by_pair.setdefault(frozenset((row["source"], row["target"])), []).append(i)
        if row["kind"] == "funding" and row["source"] is not None:
            led.setdefault(row["target"], []).append(i)
    into: dict[int, int] = {}
    for i, row in enumerate(rows):
        if (home := _home(row, rows, by_pair, led)) is not None:
            into[i] = home
            deal = rows[home]
            deal["sources"] = sorted(set(deal["sources"]) | set(row["sources"]))
            deal["languages"] = sorted(set(deal["languages"]) | set(row["languages"]))
            deal["backers"] = sorted(set(deal["backers"] or ()) | set(row["backers"] or ()))
            for group in _FILLED:
                if deal[group[0]] is None:
                    for name in group:
                        deal[name] = row[name]
    if not into:
        return merged, keys
    kept = [i for i in range(len(rows)) if i not in into]
    number = {old: new for new, old in enumerate(kept)}
    number.update({old: number[home] for old, home in into.items()})
    folded = pl.DataFrame([rows[i] for i in kept], schema=merged.schema)
    renumbered = (
        keys.with_columns(pl.col("deal").replace_strict(number, return_dtype=pl.UInt32))
        .unique(maintain_order=True)
    )
    return folded, renumbered
