"""A company, or a stake in it, sold to a named buyer: the buyer's deal.

``Intel sold a 49% stake in Altera to Blackstone`` is Blackstone investing in
Altera (over half would be buying it, control.py); ``SoftBank agreed to sell
Ampere Computing to Oracle`` is Oracle buying Ampere Computing. The seller, named
before the word for selling, is no side of it. Japanese, Korean and Chinese with
将 name the company sold first (``ソフトバンクグループはNvidia株をBlackstoneに…売却``);
Chinese also names the buyer after 向, before the word (``英特尔向软银出售…股份``).
The words are deals.toml data (the ``sells`` cues, ``sold_to``, ``sold_to_after``,
``sold_named_before``, ``toward``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import cues
from .parties import first_after, last_before

if TYPE_CHECKING:
    from .records import Org

# How far before a company its word for "to" is looked for.
TO = 28


# A word in the possessive ("ZT's"): a unit named as another owner's (`own_unit`).
_POSSESSIVE = re.compile(r"\w['’]s\b")
# How far after the company sold a word for its business unit may end (`unit_sold`).
UNIT = 48


def unit_sold(sentence: str, lang: str, company: Org, buyer: Org) -> bool:
    """Is a business unit of the company sold to `buyer`, its goods' words naming the unit
    (deals.toml ``unit_nouns`` within `UNIT` characters after it and before the buyer, no
    clause's end between: ``ZT Systems' data center manufacturing business``), not
    goods?"""
    end = min(company.end + UNIT, buyer.start) if buyer.start > company.end \
        else company.end + UNIT
    unit = cues.words_found(lang, "unit_nouns").search(sentence, company.end, end)
    return unit is not None and not any(c in ",;." for c in sentence[company.end:unit.start()])


def sold_to(sentence: str, lang: str, found: dict[str, list[int]],
            orgs: list[Org]) -> tuple[str, Org, Org] | None:
    """(kind, buyer, company sold) when a word for selling comes before a company
    (the one sold) and, after it, a word for "to" and the buyer; the buyer is the
    last company with that word before it (German ``Anteile an Nvidia an
    Blackstone``). An investment when a stake or share word stands between the word
    for selling and the buyer, else an acquisition. None with no company between
    (``sold $10 billion of chips to Oracle``); whether the company sold is one whose
    goods are named (``sold Nvidia chips to Oracle``) the caller asks. Where the company
    sold comes first (`sold_before`), it is found before the word or the buyer, and the
    stake word between it and the buyer; a chip or compute word there instead names
    goods sold, no company."""
    if len(orgs) < 2 or "sells" not in found:
        return None
    marked = cues.word_before(lang, "sold_to")
    particles = cues.words_of_own(lang, "sold_to_after")
    sells = found["sells"]
    stakes = cues.positions(found, *cues.STAKES)
    # "… to Blackstone", or ja and ko: "Silver Lakeに … 売却" (a word for selling after it).
    buyers = [o for o in orgs[1:] if (
        marked.search(sentence, max(0, o.start - TO), o.start)
        and not stake_of(sentence, lang, stakes, o))
        or (particles and o.after.startswith(particles) and max(sells) > o.end)]
    if not buyers:
        return sold_toward(sentence, lang, found, orgs, stakes)
    buyer = buyers[-1]
    sale = min((p for p in sells if p < buyer.start), default=None)
    sold = None if sale is None else next(
        (o for o in orgs if sale < o.start < buyer.start), None)
    # Up to the word for "to" ("to investment firm Silver Lake": no stake word).
    to = marked.search(sentence, max(0, buyer.start - TO), buyer.start)
    before_buyer = to.start() if to else buyer.start
    if sold is not None:
        # The stake word before the company or after it: "its Altera stake to Blackstone".
        stake_from, stake_to = sale, before_buyer
    else:
        sold = sold_before(lang, orgs, buyer.start if sale is None else sale)
        if sold is None and sale is not None \
                and (own := own_unit(sentence, lang, orgs, sale, before_buyer)) is not None:
            stake = any(sale <= p < before_buyer for p in stakes)
            return ("investment" if stake else "acquisition"), buyer, own
        if sold is None or any(sold.end <= p < buyer.start
                               for p in cues.positions(found, *cues.GOODS)):
            return None  # "Oracle, das Rechenkapazität an OpenAI verkauft": goods sold
        stake_from, stake_to = sold.start, before_buyer
    stake = any(stake_from <= p < stake_to for p in stakes)
    return ("investment" if stake else "acquisition"), buyer, sold


def own_unit(sentence: str, lang: str, orgs: list[Org], sale: int, to: int) -> Org | None:
    """The seller, the company named last before the word for selling at `sale`, when
    what it sells is a business unit of its own: a word of deals.toml ``unit_nouns``
    between the word and the word for "to" at `to` (``Wolfspeed completed the sale of its
    RF business to MACOM``: MACOM buys Wolfspeed's unit, told as Wolfspeed). Not another
    owner's, named with a possessive (``sell ZT's manufacturing business to Sanmina``)."""
    if cues.words_found(lang, "unit_nouns").search(sentence, sale, to) is None \
            or _POSSESSIVE.search(sentence, sale, to):
        return None
    return last_before(orgs, sale)


def sold_toward(sentence: str, lang: str, found: dict[str, list[int]], orgs: list[Org],
                stakes: list[int]) -> tuple[str, Org, Org] | None:
    """zh: a word of deals.toml ``toward`` before the buyer and the word for selling right
    after it, the company named after the word sold (``英特尔向软银出售Altera``), or else
    the seller named before, selling itself or a stake in itself: ``英特尔向软银出售了价值
    20亿美元的股份`` is SoftBank investing in Intel (a stake word after the word for
    selling; else an acquisition)."""
    toward = cues.word_before(lang, "toward") if cues.words_of_own(lang, "toward") else None
    if toward is None:
        return None
    for buyer in orgs[1:]:
        sale = next((p for p in found["sells"] if buyer.end <= p <= buyer.end + 1), None)
        if sale is None or not toward.search(sentence, max(0, buyer.start - TO), buyer.start):
            continue
        # The company named after the word is the one sold (英特尔向软银出售Altera), else
        # the seller sells itself or a stake in itself.
        sold = first_after(orgs, sale + 1) or last_before(orgs, buyer.start)
        if sold is None:
            return None
        stake = any(p > sale for p in stakes)
        return ("investment" if stake else "acquisition"), buyer, sold
    return None


def stake_of(sentence: str, lang: str, stakes: list[int], org: Org) -> bool:
    """Is `org` the company of a stake word (at one of `stakes`) right before it, through
    a word for "in" that is also one for "to" (deals.toml ``stake_in``: German
    ``Beteiligung an Nvidia``, not ``an Blackstone``)?"""
    words = cues.word_set(lang, "stake_in")
    # Nothing but the stake word and the word for "in" between (an empty slice if after).
    return any(len(between := sentence[p:org.start].split()) == 2
               and between[1].lower() in words for p in stakes)


def sold_before(lang: str, orgs: list[Org], limit: int) -> Org | None:
    """In a language that names the company sold before the word for selling or the buyer
    (deals.toml ``sold_named_before``: ``インテルはAlteraの株式を``, ``英特尔将Altera
    股份出售给``), the last company before `limit` that is not the seller: the seller is
    marked as the doer or topic (``は``, ``은``), or else named first of two."""
    if not cues.own_flag(lang, "sold_named_before"):
        return None
    doers = cues.doer_marks(lang)
    before = [o for o in orgs if o.start < limit]
    unmarked = [o for o in before if not (doers and o.after.startswith(doers))]
    if len(unmarked) == len(before) and len(before) > 1:
        unmarked = unmarked[1:]  # no particle (zh): the first named sells
    return unmarked[-1] if unmarked else None
