"""A company named only as another's rival is no side of the sentence's deal.

``Amazon invested $4 billion in Anthropic, a rival of OpenAI`` is Amazon's
investment in Anthropic: OpenAI is named only to say who Anthropic competes
with. A rival noun after words for the two (``rival_pair``: ``the first cloud contract
between the two rivals``) names the deal's own companies and is passed over. A word for a
rival in apposition (deals.toml ``rival_nouns``) names the
company it is measured against right before it (``rival_before``: ``OpenAI
rival Anthropic``, ``Nvidia's main rival``, ``OpenAIのライバル``, ``OpenAI的竞争对手``)
or right after it (``rival_of``: ``a rival of OpenAI``, ``rywala OpenAI``, in Polish
and Russian with no word between). Any other word for competing (``AMD competes
with Nvidia``) still leaves the sentence with no deal, as does a rival word whose
company this cannot tell.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import cues

if TYPE_CHECKING:
    from .records import Org


# How far before a rival noun its words for the two may start (`compared`).
PAIR = 12


def _between(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def compared(sentence: str, lang: str, found: dict[str, list[int]],
             orgs: list[Org]) -> list[Org] | None:
    """`orgs` less each company named only as the one a rival is measured against; None
    when a competitor word (``found["competitor"]``) is no rival noun or names no such
    company (the sentence then tells of rivals, not of a deal)."""
    nouns = [m.span() for m in cues.words_found(lang, "rival_nouns").finditer(sentence)]
    if any(not any(s <= p < e for s, e in nouns) for p in found.get("competitor", ())):
        return None  # "competes with", "rivalry": a word for competing, not a rival named
    joins_before, joins_after = cues.word_set(lang, "rival_before"), cues.word_set(lang, "rival_of")
    pair = cues.word_before(lang, "rival_pair")
    dropped: set[str] = set()
    for start, end in nouns:
        if pair.search(sentence, max(0, start - PAIR), start):
            continue  # "… between the two rivals": the deal's own two, no one compared
        before = [o for o in orgs if o.end <= start]
        after = [o for o in orgs if o.start >= end]
        if before and _between(sentence[before[-1].end:start]) in joins_before:
            dropped.add(before[-1].name)
        elif after and _between(sentence[end:after[0].start]) in joins_after:
            dropped.add(after[0].name)
        else:
            return None
    return [o for o in orgs if o.name not in dropped]
