"""Who leads a funding round: the round's source.

A round's source is its named lead: ``a round led by Iconiq``, ``a SoftBank-led
round``, ``ソフトバンクグループが主導する資金調達``. With no word for leading, the one
backer named (``raised $1 billion from SoftBank``), unless the text names it as one
among others (``from investors including Nvidia``) or as taking part (``в котором
участвовала Nvidia``): a round of several backers and no
lead has no source, as the contract has it. Every backer named, lead or not, is in
the round's ``backers`` (a column of the deals frame beside the contract's), so
that ``raised $6.6 billion from Thrive, Microsoft and Nvidia`` keeps all three. A
company named as a backer of the one raising (``Microsoft-backed OpenAI raised …``)
is no backer of this round. The words are deals.toml data (``leads``, ``among``,
``backer_of``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues

if TYPE_CHECKING:
    from .records import Org


# How far before a company a word for "including" names it as one of several, and how far
# after it one for "and others" (など, 等, 등 follow the names).
BEFORE, AFTER = 80, 12
# How far before a company a word for "according to" is looked for (`teller`).
TELLER = 24


def backers(sentence: str, lang: str, orgs: list[Org], raising: str) -> list[Org]:
    """The backers of the round `raising` raises, among a sentence's companies `orgs`:
    all but the one raising, labs (no lab backs one) and a backer of the one raising
    (``Microsoft-backed``), whom the round need not include."""
    backing = cues.words_found(lang, "backer_of")
    return [o for o in orgs if o.type != "lab" and o.name != raising
            and not backing.match(sentence, o.end) and not teller(sentence, lang, o)]


def teller(sentence: str, lang: str, org: Org) -> bool:
    """Is a company named only as the one telling the news (``xAI has raised $10
    billion, Morgan Stanley said``, ``according to Morgan Stanley``)? A word of
    deals.toml ``teller_before`` right before its name, or of ``teller_after`` right
    after it, where the name follows a comma (``Nvidia said it would invest …`` is
    the doer) or the language marks the teller with a particle (ja によると)."""
    if cues.word_before(lang, "teller_before").search(sentence, max(0, org.start - TELLER),
                                                        org.start):
        return True
    if cues.words_found(lang, "teller_after").match(
            sentence, cues.skip_spaces(sentence, org.end)) is None:
        return False
    return cues.found_anywhere(lang) or sentence[:org.start].rstrip().endswith((",", "，", "、"))


def backer_names(sentence: str, lang: str, orgs: list[Org], raising: str,
                 investor: str | None = None) -> tuple[str, ...]:
    """The names of `backers`, `investor` first where one invests in the round."""
    names = [o.name for o in backers(sentence, lang, orgs, raising)]
    return tuple(dict.fromkeys([investor, *names] if investor else names))


def lead(sentence: str, lang: str, orgs: list[Org], raising: str) -> Org | None:
    """The lead of the round `raising` raises among its `backers`, or None."""
    named = backers(sentence, lang, orgs, raising)
    if not named:
        return None
    leads = [m.span() for m in cues.words_found(lang, "leads").finditer(sentence)]
    if leads:
        # The backer nearest a word for leading: after "led by", before "led the" or 主導.
        return min(named, key=lambda o: min(gap((o.start, o.end), at) for at in leads))
    # One backer said to take part (deals.toml ``joined_round``: ``в котором участвовала
    # Nvidia``) is one of several too.
    if len(named) == 1 and not named_among(sentence, lang, named[0]) \
            and not cues.says(sentence, lang, "joined_round"):
        return named[0]
    return None


def named_among(sentence: str, lang: str, org: Org) -> bool:
    """Is a company named as one among others: a word for "including" close before
    it, or one for "and others" right after it (``Nvidia など``), with no figure
    between (``including up to $2 billion from Nvidia`` is Nvidia's own part)? Not one
    marked as the doer (``Cohereは、Nvidiaなどから``)."""
    if org.after and org.after.startswith(cues.doer_marks(lang)):
        return False
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


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(b[0] - a[1], a[0] - b[1], 0)
