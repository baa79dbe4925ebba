"""A sentence's money amounts: which is the deal's, and which a valuation, revenue or
spending (`figure_of`), a running total or a tranche (`role_at`), a wider
commitment or a whole (`without_wider`, `without_whole`), a round's part given by a
company (`parts_given`) or a ceiling (`with_ceilings`, `ceiling`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from . import cues
from .cues import AMOUNT_CUES, FIGURE_CUES, right_after, without
from .goods import NO_BRAND, Brand, bought_from, brand_of, spent_on_before
from .lists import cue_before
from .records import Candidate, Org

# Smaller sums are prices per share or per unit, not deals ($23.28 a share).
MIN_DEAL = 1e5
# The least bare figure that takes the currency of money told before it (`currency_carried`):
# a figure with a word for millions or more.
CARRIED = 1e6
# How far before an amount a funding word makes it the round's (`round_before`): "in a
# funding round worth".
ROUND = 40
# How far after a round's part its giver may start (`parts_given`): "in equity from".
GIVER = 24
# How far before an amount a valuation word makes it a value (`figure_of`).
VALUES = 40
# How far from a company an amount may stand and still be tied to it (`tied_to_company`):
# after, a word for "in"; before (ja, zh, ko), a particle or a two-character verb.
TIED, TIED_BEFORE = 7, 3
# How far before the part of a whole its word for "of which" may end (`without_whole`):
# "其中约", "including up to".
PART = 10
# How far into a sentence a total word opens it, its amounts all totals (`role_of`).
OPENS = 2
# How far from an amount a word for rising to makes it a deal's ceiling (`ceiling`).
RISES = 24


def size(amount: dict) -> float:
    """An amount's figure: the top of its range, else its floor ("more than $10 billion"
    has no top), 0.0 with neither."""
    return amount["high"] or amount["low"] or 0.0


def deal_amounts(amounts: list[dict], found: dict[str, list[int]], kind: str,
                 orgs: list[Org], sentence: str, lang: str, sent_start: int) -> list[dict]:
    """The money `amounts` of a sentence (starting at `sent_start` in its document) that
    are its deal's, a deal of `kind` between `orgs`: none below `MIN_DEAL` (a share
    price), nor a figure that is no deal's (`figure_of`, `deal_money`); of one pair, an
    amount and its ceiling one (`with_ceilings`); an investment's wider commitment
    (`without_wider`) and a whole told before its part (`without_whole`) left out."""
    ends = tuple(a["end"] - sent_start for a in amounts if a["kind"] == "money")
    money = []
    for a in amounts:
        if a["kind"] != "money" or size(a) < MIN_DEAL:
            continue
        rel, rel_end = a["start"] - sent_start, a["end"] - sent_start
        if deal_money(figure_of(found, rel, rel_end, ends), kind, found, orgs, rel, rel_end,
                      brand_of(lang)):
            money.append(a)
    if len(money) > 1 and len(orgs) == 2 and "respectively" not in found:
        money = with_ceilings(money, sentence, lang, sent_start)  # of one pair: its ceiling
    if kind == "investment" and len(money) > 1 and len(orgs) == 2:
        money = without_wider(money, orgs, found, sent_start, cues.found_anywhere(lang))
    if kind in ("compute", "investment") and len(money) > 1:
        money = without_whole(money, orgs, sentence, lang, sent_start)
    return money


def cue_after(found: dict[str, list[int]], end: int) -> str | None:
    """The category of the cue right after an amount ending at `end`, if any (a
    figure's first: ``$183 billion valuation``)."""
    return next((c for c in (*FIGURE_CUES, *AMOUNT_CUES) for p in found.get(c, ())
                 if right_after(p, end)), None)


def figure_of(found: dict[str, list[int]], start: int, end: int,
              ends: tuple[int, ...] = ()) -> str | None:
    """Which figure (valuation, revenue or spending) the amount at `start`..`end`
    (sentence offsets) is, if any: the cue right after it (``at a $183 billion
    valuation``, ``1830億ドルの評価額``; none for ``a $13 billion Series F``), else
    a valuation word at most `VALUES` characters before it, the last figure word
    before it, with no other amount between (a deal word may stand between:
    ``values the data-center developer at over $13 billion``), else the cue closest
    before it. A figure word right after another amount (ending at one of `ends`) is
    left out: it is the other amount's (``1830億ドルの評価額で130億ドルを調達``)."""
    after = cue_after(found, end)
    if after:
        return after if after in FIGURE_CUES else None
    if ends:
        found = {c: [p for p in at if c not in FIGURE_CUES
                     or not any(right_after(p, e) for e in ends if e != end)]
                 for c, at in found.items()}
    figures = [(p, c) for c in FIGURE_CUES for p in found.get(c, ()) if p < start]
    valued = max(figures, default=(0, None))
    if valued[1] == "valuation" and start - VALUES <= valued[0] \
            and not any(valued[0] < e <= start for e in ends):
        return "valuation"  # "a round that values the data-center developer at $13 billion"
    cue = nearest_cue(found, start)
    return cue if cue in FIGURE_CUES else None


def deal_money(figure: str | None, kind: str, found: dict[str, list[int]],
               orgs: list[Org], start: int, end: int, brand: Brand = NO_BRAND) -> bool:
    """Is the amount at `start`..`end`, the `figure` (valuation, revenue, spending)
    or none that `figure_of` says it is, the money of a deal of `kind`? A figure is,
    when it is money spent on a named provider or the value of an acquisition; `brand`:
    the language's brand marks (`goods.brand_of`)."""
    if figure is None:
        return True
    if figure == "spending" and kind == "compute":
        return bought_from(found, orgs, end) or spent_on_before(found, orgs, start, brand)
    if figure == "valuation" and kind == "acquisition":
        return priced(found, start)
    return False


def priced(found: dict[str, list[int]], start: int) -> bool:
    """Is a value after the acquisition word the price? ``agreed to acquire Core
    Scientific in a deal valued at about $9 billion`` is; in ``CoreWeave, valued at
    $23 billion, agreed to acquire …`` the value is the buyer's."""
    return any(p < start for p in found.get("acquisition", ()))


def nearest_cue(found: dict[str, list[int]], at: int) -> str | None:
    """The category of the cue word closest before `at` (else closest after)."""
    before = [(at - p, c) for c in AMOUNT_CUES for p in found.get(c, []) if p <= at]
    if before:
        return min(before)[1]
    after = [(p - at, c) for c in AMOUNT_CUES for p in found.get(c, []) if p > at]
    return min(after)[1] if after else None


def closest_cue(found: dict[str, list[int]], start: int, end: int) -> str | None:
    """The category of the cue word closest to an amount at `start`..`end`, before it or
    after it (``rundy o wartości 20 mld``, ``数百億ドル相当の … パートナーシップ``)."""
    gaps = [(start - p if p <= start else p - end, c)
            for c in AMOUNT_CUES for p in found.get(c, ())]
    return min(gaps)[1] if gaps else None


def word_near(found: dict[str, list[int]], cat: str, start: int, end: int,
              window: int = 24) -> bool:
    return any(start - window <= p <= end + window // 2 for p in found.get(cat, []))


def role_of(found: dict[str, list[int]], start: int, end: int) -> str:
    """deal, or total / tranche when such a word stands near the amount, or a total
    word opens the sentence (``Au total, le géant … a injecté 8 milliards``)."""
    if word_near(found, "total", start, end) or any(p <= OPENS for p in found.get("total", ())):
        return "total"
    if word_near(found, "tranche", start, end):
        return "tranche"
    return "deal"


def total_leads(sentence: str, lang: str, spans: list[tuple[int, int]]) -> list[int]:
    """Where the words of deals.toml ``total_before`` start, for `role_at`: looked for
    only among two or more money `spans` (a word leading to the next amount)."""
    if len(spans) < 2:
        return []
    return [m.start() for m in cues.words_found(lang, "total_before").finditer(sentence)]


def role_at(found: dict[str, list[int]], spans: list[tuple[int, int]], i: int,
            leading: list[int]) -> str:
    """`role_of` the `i`-th of a sentence's money `spans`, where a total word leading
    to its amount (`leading`: deals.toml ``total_before``, ``bringing the total … to``)
    goes with the next amount after it, however far: ``by up to $6.5 billion,
    bringing the total value of their contracts to about $22.4 billion``; so does any
    total word between the two nearer the next."""
    start, end = spans[i]
    before = spans[i - 1][1] if i else -1
    if any(before < p < start for p in leading):
        return "total"
    after = spans[i + 1][0] if i + 1 < len(spans) else None
    led = {(p, "total") for p in leading if after is not None and end <= p < after}
    if after is not None:
        # A total word between this amount and the next, nearer the next, is the next's
        # ("出資額は225億ドルで、同社の出資総額は約347億ドル").
        led |= {(p, "total") for p in found.get("total", ()) if end <= p < after
                and after - p < p - end}
    return role_of(without(found, led), start, end)


def with_ceilings(money: list[dict], sentence: str, lang: str,
                  sent_start: int) -> list[dict]:
    """A sentence's `money`, an amount followed by its ceiling (`rises_above`: larger, in
    its currency, beside a word for rising to) taken as one from the first to
    the ceiling: ``will invest $10 billion … as each gigawatt is deployed, up to a total
    of $100 billion``; not one a total word leads to before the word for rising (deals.toml
    ``total_before``: ``der Gesamtwert der Verträge steigt damit auf 22,4 Milliarden
    Dollar`` is their total)."""
    out: list[dict] = []
    leading = [m.start() + sent_start
               for m in cues.words_found(lang, "total_before").finditer(sentence)]
    rising = [m.start() + sent_start
              for m in cues.words_found(lang, "rises_to").finditer(sentence)] if leading else []
    for a in money:
        last = out[-1] if out else None
        told = None if last is None else last["low"] if last["low"] is not None \
            else last["high"]
        if last is not None and rises_above(sentence, lang, a, sent_start, told, last["unit"],
                                            up_to=False) \
                and not any(last["end"] <= p < r < a["start"] for p in leading for r in rising):
            out[-1] = {**last, "low": told, "high": a["high"]}
        else:
            out.append(a)
    return out


def round_before(found: dict[str, list[int]], start: int, ends: tuple[int, ...]) -> bool:
    """Is a funding word within `ROUND` characters before an amount starting at `start`,
    with no other amount between (``as part of a funding round worth $20 billion``, ``w
    ramach rundy finansowania o wartości 20 mld dolarów``)? The amount is the round's."""
    return any(start - ROUND <= p < start and not any(p < e <= start for e in ends)
               for p in found.get("funding", ()))


def without_wider(money: list[dict], orgs: list[Org], found: dict[str, list[int]],
                  sent_start: int, object_first: bool) -> list[dict]:
    """An investment's amounts (between two companies: with more, each investor's own),
    less one larger than the amount tied to a company (`tied_to_company`) that is tied
    to none: a wider commitment the investment is part of, not the investment (``will
    invest $15.2 billion in the UAE, including $1.5 billion in G42``, ``… as part of a
    $15.2 billion commitment``). A round's amount (``as part of a $2 billion funding
    round``, `round_before`: ``… a funding round worth $20 billion``) stays: it is the
    round's."""
    tied = [a for a in money if tied_to_company(a, orgs, sent_start, object_first)]
    if not tied:
        return money
    top = max(size(a) for a in tied)
    ends = tuple(a["end"] - sent_start for a in money)
    return [a for a in money if a in tied or size(a) <= top
            or cue_after(found, a["end"] - sent_start) == "funding"
            or round_before(found, a["start"] - sent_start, ends)]


def without_whole(money: list[dict], orgs: list[Org], sentence: str, lang: str,
                  sent_start: int) -> list[dict]:
    """Compute or investment `money` less a whole told before a smaller part of it that
    names the other company: a word for "of which" (deals.toml ``part_of``) within `PART`
    characters before the part, a company after it (``$72 billion on AI infrastructure,
    including $20 billion on Nvidia chips``, ``斥资约120亿美元…，其中约85亿美元…购买英伟达的
    芯片``, ``$15.2 billion in the United Arab Emirates …, including a $1.5 billion equity
    investment in G42``). The whole is the company's own spending; the part, the deal's."""
    wholes = [whole for _, whole, part, _word in _parts(money, sentence, lang, sent_start)
              if any(o.start > part["start"] - sent_start for o in orgs)]
    return [a for a in money if a not in wholes]


def _parts(money: list[dict], sentence: str, lang: str,
           sent_start: int) -> Iterator[tuple[int, dict, dict, re.Match[str]]]:
    """Each amount of `money` that is a part of the one before it (by index, with that
    whole and the word): smaller, after a word for "of which" (deals.toml ``part_of``)
    ending within `PART` characters before it (`without_whole`, `parts_given`)."""
    parts = cues.words_found(lang, "part_of")
    for i, (whole, part) in enumerate(pairwise(money), start=1):
        end, at = whole["end"] - sent_start, part["start"] - sent_start
        word = parts.search(sentence, end, at)
        if word is not None and at - word.end() <= PART and size(part) < size(whole):
            yield i, whole, part, word


def _given_with(money: list[dict], orgs: list[Org], sentence: str, lang: str,
                sent_start: int, found: dict[str, list[int]]) -> dict[int, Org]:
    """Of a round's `money`, the parts a company a word for "with" names gives, a word of
    deals.toml ``part_giver`` between it and the smaller amount right after the round's
    (``raised $40 billion, with SoftBank providing $30 billion``), by index."""
    givers = cues.word_set(lang, "part_giver")
    given: dict[int, Org] = {}
    for i, (whole, part) in enumerate(pairwise(money), start=1) if givers else ():
        end, at = whole["end"] - sent_start, part["start"] - sent_start
        for o in orgs:
            if o.type != "lab" and end <= o.start and o.end <= at \
                    and cue_before(found, o.start) \
                    and " ".join(sentence[o.end:at].lower().split()) in givers \
                    and size(part) < size(whole):
                given[i] = o
    return given


def parts_given(money: list[dict], orgs: list[Org], sentence: str, lang: str,
                sent_start: int, found: dict[str, list[int]]) -> dict[int, Org]:
    """Of a round's `money`, the parts a company gives (by index): a smaller amount
    after a word for "of which" (deals.toml ``part_of``, within `PART` characters)
    and before a word for "from" (``received_from``) right before a company that is no
    lab, within `GIVER` characters (``raising $20 billion, including up to $2 billion in
    equity from Nvidia``), or with that company between the word and the part
    (``200亿美元的融资，其中英伟达将投资至多20亿美元``), or right after the part with
    only an investing word between (``z czego do 2 mld dolarów zainwestowała Nvidia``);
    or one a word for "with" names gives it (`_given_with`): its investment, no lead of
    the round."""
    froms = cues.word_set(lang, "received_from")
    given = _given_with(money, orgs, sentence, lang, sent_start, found)
    for i, _whole, part, word in _parts(money, sentence, lang, sent_start):
        at, part_end = part["start"] - sent_start, part["end"] - sent_start
        # "其中英伟达将投资至多20亿美元": the giver between the word and the part.
        inside = next((o for o in orgs if word.end() <= o.start and o.end <= at), None)
        if inside is not None and inside.type != "lab":
            given[i] = inside
            continue
        giver = next((o for o in orgs if 0 < o.start - part_end <= GIVER), None)
        if giver is None or giver.type == "lab":
            continue
        between = sentence[part_end:giver.start].split()
        invested = len(between) == 1 and any(part_end < p < giver.start
                                             for p in found.get("investment", ()))
        if invested or (between and between[-1].lower() in froms):
            given[i] = giver
    return given


def tied_to_company(money: dict, orgs: list[Org], sent_start: int, object_first: bool) -> bool:
    """Is an amount tied to a company: one named right after it, across no more than a
    word for "in" (``$1.5 billion in G42``, ``1,5 milliard dans G42``), or in ja, zh
    and ko right before or after it, across a particle or verb (``向G42投资15亿美元``,
    ``30億ドルをオープンAIに``)?"""
    start, end = money["start"] - sent_start, money["end"] - sent_start
    if object_first:
        return any(0 <= start - o.end <= TIED_BEFORE or 0 <= o.start - end <= TIED_BEFORE
                   for o in orgs)
    return any(0 <= o.start - end <= TIED for o in orgs)


def ceiling(sentence: str, lang: str, money: dict, sent_start: int, previous: Candidate) -> bool:
    """Is `money`, in a sentence going on with the deal `previous`, that deal's
    ceiling: larger than its amount, in its currency, given as "up to" or beside a
    word for rising to (deals.toml ``rises_to``: ``The deal could rise to $19.4
    billion``, ``könnte auf … steigen``) within `RISES` characters?"""
    told = previous.low if previous.low is not None else previous.high
    return rises_above(sentence, lang, money, sent_start, told, previous.currency)


def rises_above(sentence: str, lang: str, money: dict, sent_start: int, told: float | None,
                currency: str | None, up_to: bool = True) -> bool:
    """Is `money` the ceiling of an amount `told` in `currency` (`ceiling`); `up_to`:
    is "up to" alone enough (not in the amount's own sentence, where ``Microsoft would
    invest up to $5 billion and Nvidia up to $10 billion`` names two investors)?"""
    if told is None or money["high"] is None or money["unit"] != currency \
            or money["high"] <= told:
        return False
    if money["low"] is None and up_to:
        return True  # "up to $19.4 billion"
    start, end = money["start"] - sent_start, money["end"] - sent_start
    return any(start - RISES <= m.start() and m.end() <= end + RISES
               for m in cues.words_found(lang, "rises_to").finditer(sentence))


def currency_carried(amounts: list[dict], sentence: str, start: int, lang: str,
                     found: dict[str, list[int]]) -> list[dict]:
    """A sentence's amounts (document offsets; the sentence starts at `start`), a bare
    figure of at least `CARRIED` after money read as money in that money's currency
    (``10.000 millones de dólares …, de un total de hasta 100.000 millones``, ``valorisée
    11,7 milliards d'euros après une levée de 1,7 milliard menée par ASML``): when it
    ends its clause, or a cue word or a word for leading (``leads``) comes right after
    it. A figure of something else (``10 trillion tokens``) has its noun right after it."""
    unit, out = None, []
    cue_starts: set[int] | None = None
    for a in amounts:
        if a["kind"] == "money":
            unit = a["unit"]
        elif a["kind"] == "number" and unit is not None \
                and size(a) >= CARRIED:
            if cue_starts is None:
                cue_starts = {p for hits in found.values() for p in hits}
            after = cues.skip_spaces(sentence, a["end"] - start)
            if after >= len(sentence) or not sentence[after].isalnum() or after in cue_starts \
                    or cues.words_found(lang, "leads").match(sentence, after):
                a = {**a, "kind": "money", "unit": unit}
        out.append(a)
    return out
