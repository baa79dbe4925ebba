"""A company bought, told in the passive: who bought it.

``Graphcore was acquired by SoftBank`` names the company bought first, so the
first-named-buys rule of an acquisition would turn it around. The acquirer is the
company right after the words (deals.toml ``acquired_by``: ``acquired by``,
``racheté par``, ``приобретена``, zh ``被``; not after a word for "has", ``perfect_aux``:
``Fastweb ha acquistato da Nvidia`` bought from it), or in ja and ko the one a particle
marks before a passive word for buying (``acquirer_marker``, ``acquired_passive``:
``ソフトバンクGに65億ドルで買収された``, ``소프트뱅크에 인수됐다``); or with a noun, the
company bought right after it and the acquirer after a word for "by" (``acquisition_of``,
``acquirer_after``: ``the acquisition of Ampere Computing by SoftBank``; an anaphor in
the bought one's place stands for the other company named, ``ofertę przejęcia spółki
przez CoreWeave``); or the bidder, a company named after the one bought with a
possessive before a bid's noun (``bid_nouns``: ``Core Scientific shareholders rejected
CoreWeave's $9 billion all-stock offer for the company``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import cues

if TYPE_CHECKING:
    from .records import Org

# How far after a possessive mark a bid's noun may start ("CoreWeave's $9 billion all-stock
# offer").
BID = 32
# How far after the words the acquirer's name may start ("acquired by Japan's SoftBank",
# "приобретена компанией SoftBank"), and the name of the company bought after the noun.
AFTER = 24
_SPACE = re.compile(r"\s+")


def acquirer(sentence: str, lang: str, orgs: list[Org]) -> tuple[Org, Org] | None:
    """(acquirer, company bought) when the sentence tells an acquisition in the
    passive, the company bought the first other company named; else None."""
    active = cues.word_set(lang, "perfect_aux")
    for m in cues.words_found(lang, "acquired_by").finditer(sentence):
        before = sentence[:m.start()].split()[-1:]
        if before and before[0].lower() in active:
            continue  # "Fastweb ha acquistato da Nvidia": the active perfect, bought from
        buyer = next((o for o in orgs if m.end() <= o.start <= m.end() + AFTER), None)
        if buyer is not None:
            return _with_bought(buyer, orgs)
    named = _by_noun(sentence, lang, orgs)
    if named is not None:
        return named
    bidder = _bidder(sentence, lang, orgs)
    if bidder is not None:
        return _with_bought(bidder, orgs)
    marks = cues.words_of_own(lang, "acquirer_marker")
    verb = cues.words_found(lang, "acquired_passive").search(sentence) if marks else None
    if verb is not None:
        marked = [o for o in orgs if o.end <= verb.start() and o.after.startswith(marks)]
        if marked:
            return _with_bought(marked[-1], orgs)
    return None


def _by_noun(sentence: str, lang: str, orgs: list[Org]) -> tuple[Org, Org] | None:
    """(acquirer, company bought) from ``acquisition of <bought> by <acquirer>``."""
    by = cues.words_found(lang, "acquirer_after")
    for m in cues.words_found(lang, "acquisition_of").finditer(sentence):
        end = _anaphor_end(sentence, lang, m.end())
        bought = None if end is not None else next(
            (o for o in orgs if m.end() <= o.start <= m.end() + AFTER), None)
        if bought is not None:
            end = bought.end
        if end is None:
            continue
        space = _SPACE.match(sentence, end)
        word = by.match(sentence, space.end()) if space else None
        if word is None:
            continue
        buyer = next((o for o in orgs if word.end() <= o.start <= word.end() + AFTER), None)
        if buyer is not None and bought is None:
            # "ofertę przejęcia spółki przez CoreWeave": the company is the other one named.
            bought = next((o for o in orgs if o.name != buyer.name), None)
        if buyer is not None and bought is not None and buyer.name != bought.name:
            return buyer, bought
    return None


def _bidder(sentence: str, lang: str, orgs: list[Org]) -> Org | None:
    """The company after the first with a possessive mark (``brand_mark``) right after it
    and a bid's noun (``bid_nouns``) within `BID` characters on, no company between."""
    marks = cues.words_of_own(lang, "brand_mark")
    if not marks or not cues.says(sentence, lang, "bid_nouns"):
        return None
    nouns = cues.words_found(lang, "bid_nouns")
    for o in orgs[1:]:
        if not o.after.startswith(marks):
            continue
        noun = nouns.search(sentence, o.end, o.end + BID)
        if noun is not None and not any(o.end < o2.start < noun.start() for o2 in orgs):
            return o
    return None


def _anaphor_end(sentence: str, lang: str, at: int) -> int | None:
    """Where an anaphor (deals.toml ``anaphor``: ``spółki``, ``the company``) starting
    right after `at`, across spaces, ends; None if none starts there."""
    m = cues.words_found(lang, "anaphor").match(sentence, cues.skip_spaces(sentence, at))
    return m.end() if m else None


def _with_bought(buyer: Org, orgs: list[Org]) -> tuple[Org, Org] | None:
    bought = next((o for o in orgs if o.name != buyer.name), None)
    return (buyer, bought) if bought is not None else None
