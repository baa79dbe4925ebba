"""Merging deal candidates into real-world deals, across sentences, articles and languages.

Candidates with the same kind, source and target are one deal when their
amounts overlap (within 10 %, vague bounds included) and their years agree
(or one is unknown). A candidate with no amount joins the group's deal of the
same year (else the first). Part payments (``tranche`` words) join the deal
they are part of; running totals (``total`` words, or an amount equal to the
sum of two or more of the group's deals, as Amazon's $8B = $1.25B + $2.75B +
$4B) are kept as the group's ``total_usd``, not counted as a new deal.
Status is that of the most recent article, the most advanced on a tie; the
date is the most precise one stated, else the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass, field

from .fx import to_usd

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 4, "year": 5}
STATUS_RANK = {"completed": 3, "announced": 2, "planned": 1, "talks": 0}


@dataclass(slots=True)
class Item:
    """A candidate with its date and the evidence around it."""

    cand: object
    date: object  # datetime.date | None
    precision: str | None
    published: object  # the article's date, for ordering statuses
    lang: str
    usd_low: float | None = None
    usd_high: float | None = None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date is not None else None

    def bounds(self) -> tuple[float, float] | None:
        return usd_bounds(self.usd_low, self.usd_high)


def usd_bounds(low: float | None, high: float | None) -> tuple[float, float] | None:
    """Dollar bounds, an open end taken from the other; None with neither."""
    lo = low if low is not None else high
    hi = high if high is not None else low
    return None if lo is None else (lo, hi)


@dataclass
class Deal:
    items: list[Item] = field(default_factory=list)
    total_usd: float | None = None
    # The most precisely dated item so far, and how many items were looked at: items are
    # only ever appended, so `year` looks at each once (it was a scan of every item on
    # every call, quadratic when thousands of reports join one deal).
    _dated: Item | None = field(default=None, repr=False, compare=False)
    _seen: int = field(default=0, repr=False, compare=False)

    def bounds(self) -> tuple[float, float] | None:
        for item in self.items:
            if item.cand.role == "deal" and item.bounds():
                return item.bounds()
        return None

    def year(self) -> int | None:
        """The year of the most precisely dated item (the first of equals), totals aside."""
        rank = PRECISION_RANK.get
        for item in self.items[self._seen:]:
            if item.date is not None and item.cand.role != "total" and (
                self._dated is None or rank(item.precision, 9) < rank(self._dated.precision, 9)
            ):
                self._dated = item
        self._seen = len(self.items)
        return self._dated.year if self._dated is not None else None


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return max(a[0], b[0]) <= min(a[1], b[1]) * 1.1


def years_agree(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def parts_of_one(items: list[Item]) -> None:
    """Amounts of one sentence with one date ("$20B, of which $7.5B equity and up to
    $12.5B debt"; ASML's €1.3B of a €1.7B round) are parts of the largest."""
    by_place: dict[tuple, list[Item]] = {}
    for item in items:
        if item.cand.role == "deal" and item.bounds():
            by_place.setdefault((item.cand.doc, item.cand.sid, item.date), []).append(item)
    for group in by_place.values():
        if len(group) > 1:
            top = max(group, key=lambda i: (i.cand.currency == "USD", i.bounds()[1]))
            for item in group:
                if item is not top:
                    item.cand.role = "tranche"


def cluster(items: list[Item]) -> list[Deal]:
    parts_of_one(items)
    deals: list[Deal] = []
    main = [i for i in items if i.cand.role == "deal" and i.bounds()]
    # Exact amounts first, so that vague ones join them rather than the other way.
    main.sort(key=lambda i: (i.bounds()[1] - i.bounds()[0] > 0, i.published or dt.date.min))
    for item in main:
        for deal in deals:
            b = deal.bounds()
            if b and overlap(b, item.bounds()) and years_agree(deal.year(), item.year):
                deal.items.append(item)
                break
        else:
            deals.append(Deal([item]))
    totals = [i for i in items if i.cand.role == "total" and i.bounds()]
    # The largest amount, when it is the sum of other deals, is a running total.
    sized = [d for d in deals if d.bounds()]
    if len(sized) >= 3:
        top = max(sized, key=lambda d: d.bounds()[1])
        b = top.bounds()
        others = [d for d in sized if d is not top]
        if b[0] == b[1] and any(
            abs(sum(d.bounds()[0] for d in combo) - b[0]) <= 0.02 * b[0]
            for size in range(2, min(len(others), 6) + 1)
            for combo in itertools.combinations(others, size)
        ):
            deals.remove(top)
            totals.extend(top.items)
    for item in (i for i in items if i.cand.role == "tranche" and i.bounds()):
        parent = next((d for d in deals if d.bounds() and d.bounds()[1] * 1.1 >= item.bounds()[1]
                       and years_agree(d.year(), item.year)), None)
        if parent:
            parent.items.append(item)
        else:
            deals.append(Deal([item]))
    for item in (i for i in items if not i.bounds()):
        home = next((d for d in deals if years_agree(d.year(), item.year)), None)
        if home is None and deals and item.cand.role == "deal" and item.year is None:
            home = deals[0]
        if home:
            home.items.append(item)
        else:
            deals.append(Deal([item]))
    if totals:
        if deals:
            top = max(t.bounds()[1] for t in totals)
            for deal in deals:
                deal.total_usd = top
            deals[0].items.extend(totals)
        else:
            for t in totals:
                t.cand.role = "deal"
            deals = cluster(totals)
    return deals


def deal_id(kind: str, source: str | None, target: str, low: float | None, year: int | None) -> str:
    key = f"{kind}|{source}|{target}|{round(low or 0, -6)}|{year}"
    return "d" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def summarise(kind: str, source: str | None, target: str, deal: Deal) -> dict:
    """One row of the deals frame."""
    amounted = [i for i in deal.items if i.cand.role == "deal" and i.bounds()] or \
        [i for i in deal.items if i.cand.role != "total" and i.bounds()]
    # The most exact statement of the amount: exact beats bounded beats vague.
    best = min(amounted, key=lambda i: (i.cand.low is None or i.cand.high is None,
                                        (i.cand.high or 0) - (i.cand.low or 0)), default=None)
    dated = [i for i in deal.items if i.date is not None and i.cand.role != "total"]
    # A date a report states beats the date it was published (a report's fallback),
    # then the most precise wins: "本月中旬" (mid-month) over the day the article ran.
    when = min(dated, key=lambda i: (i.date == i.published, PRECISION_RANK.get(i.precision, 9),
                                     i.date), default=None)
    statused = [i for i in deal.items if i.cand.status]
    status = max(statused, key=lambda i: (i.published or dt.date.min, STATUS_RANK[i.cand.status]),
                 default=None)
    cands = [i.cand for i in deal.items]
    return {
        "deal_id": deal_id(kind, source, target, best.usd_low if best else None,
                           when.year if when else None),
        "kind": kind, "source": source, "target": target,
        "low": best.cand.low if best else None, "high": best.cand.high if best else None,
        "currency": best.cand.currency if best else None,
        "usd_low": best.usd_low if best else None, "usd_high": best.usd_high if best else None,
        "power_w": max((c.power_w for c in cands if c.power_w), default=None),
        "chips": max((c.chips for c in cands if c.chips), default=None),
        "chip": next((c.chip for c in cands if c.chip), None),
        "status": status.cand.status if status else None,
        "date": when.date if when else None, "date_precision": when.precision if when else None,
        "total_usd": deal.total_usd,
        "backers": sorted({b for c in cands for b in c.backers}),
        "sources": sorted({c.doc for c in cands}),
        "languages": sorted({i.lang for i in deal.items}),
        "evidence": [(c.doc, c.sid) for c in cands],
    }


def merge_group(kind: str, source: str | None, target: str, members: list[Item]) -> list[dict]:
    """One group's deals (its candidates share kind, source and target), as rows."""
    for item in members:
        year = item.year or (item.published.year if item.published else None)
        item.usd_low = to_usd(item.cand.low, item.cand.currency, year)
        item.usd_high = to_usd(item.cand.high, item.cand.currency, year)
    return [summarise(kind, source, target, deal) for deal in cluster(members)]


def merge(items: list[Item]) -> list[dict]:
    groups: dict[tuple, list[Item]] = {}
    for item in items:
        c = item.cand
        groups.setdefault((c.kind, c.source, c.target), []).append(item)
    return [row for (kind, source, target), members in groups.items()
            for row in merge_group(kind, source, target, members)]
