"""Who leads a funding round: the round's source.

A round's source is its named lead: ``a round led by Iconiq``, ``a SoftBank-led
round``, ``ソフトバンクグループが主導する資金調達``. With no word for leading, the one
backer named (``raised $1 billion from SoftBank``), unless the text names it as one
among others (``from investors including Nvidia``): a round of several backers and no
lead has no source, as the contract has it. A company named as a backer of the one
raising (``Microsoft-backed OpenAI raised …``) is no backer of this round. The words
are deals.toml data (``leads``, ``among``, ``backer_of``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues

if TYPE_CHECKING:
    from .candidates import Org


# How far before a company a word for "including" names it as one of several, and how far
# after it one for "and others" (など, 等, 등 follow the names).
BEFORE, AFTER = 80, 12


def lead(sentence: str, lang: str, backers: list[Org]) -> Org | None:
    """The lead of the round a sentence tells of among `backers` (the companies named
    besides the one raising), or None."""
    backing = cues.words_found(lang, "backer_of")
    backers = [o for o in backers if not backing.match(sentence, o.end)]
    if not backers:
        return None
    leads = [m.span() for m in cues.words_found(lang, "leads").finditer(sentence)]
    if leads:
        # The backer nearest a word for leading: after "led by", before "led the" or 主導.
        return min(backers, key=lambda o: min(_gap(o, at) for at in leads))
    if len(backers) == 1 and not _named_among(sentence, lang, backers[0]):
        return backers[0]
    return None


def _named_among(sentence: str, lang: str, org: Org) -> bool:
    """Is a company named as one among others: a word for "including" close before
    it, or one for "and others" right after it (``Nvidia など``), with no figure
    between (``including up to $2 billion from Nvidia`` is Nvidia's own part)?"""
    for m in cues.words_found(lang, "among").finditer(sentence):
        if m.end() <= org.start:
            between, reach = sentence[m.end():org.start], BEFORE
        elif org.end <= m.start():
            between, reach = sentence[org.end:m.start()], AFTER
        else:
            continue  # the word overlaps the name
        if len(between) < reach and not any(c.isdigit() for c in between):
            return True
    return False


def _gap(org: Org, span: tuple[int, int]) -> int:
    """Characters between a company's name and a word's span (0 when they touch)."""
    start, end = span
    return max(start - org.end, org.start - end, 0)
