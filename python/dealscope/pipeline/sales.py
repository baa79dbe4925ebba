"""A company, or a stake in it, sold to a named buyer: the buyer's deal.

``Intel sold a 51% stake in Altera to Blackstone`` is Blackstone investing in
Altera; ``SoftBank agreed to sell Ampere Computing to Oracle`` is Oracle buying
Ampere Computing. The seller, named before the word for selling, is no side of
it. The words are deals.toml data (the ``sells`` cues, ``sold_to``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues

if TYPE_CHECKING:
    from .candidates import Org

# How far before a company its word for "to" is looked for.
TO = 16


def sold_to(sentence: str, lang: str, found: dict[str, list[int]],
            orgs: list[Org]) -> tuple[str, Org, Org] | None:
    """(kind, buyer, company sold) when a word for selling comes before a company
    (the one sold) and, after it, a word for "to" and the buyer; the buyer is the
    last company with that word before it (German ``Anteile an Nvidia an
    Blackstone``). An investment when a stake or share word stands between the word
    for selling and the company sold, else an acquisition. None with no company between
    (``sold $10 billion of chips to Oracle``); whether the company sold is one whose
    goods are named (``sold Nvidia chips to Oracle``) the caller asks."""
    if len(orgs) < 2 or "sells" not in found:
        return None
    marked = cues.sold_to(lang)
    buyers = [o for o in orgs[1:] if marked.search(sentence, max(0, o.start - TO), o.start)]
    if not buyers:
        return None
    buyer = buyers[-1]
    sale = min((p for p in found.get("sells", ()) if p < buyer.start), default=None)
    if sale is None:
        return None
    sold = next((o for o in orgs if sale < o.start < buyer.start), None)
    if sold is None:
        return None
    stake = any(sale <= p < sold.start
                for c in ("investment", "shares") for p in found.get(c, ()))
    return ("investment" if stake else "acquisition"), buyer, sold
