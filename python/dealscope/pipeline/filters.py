"""Words of a sentence that tell no deal of its own, and companies that are no side
(`cleaned`, all in one): price talk (`without_price_talk`), a deal put aside
(`set_aside`), events (`without_events`), words negated (`without_negated`), a deal's
worth (`without_deal_value`),
shareholders (`without_owners`), a company's own customers
(`without_own_customers`), an apposition describing a company
(`without_appositions`), a chipmaker named as its goods' brand
(`without_brands`); and a company marked as the seller by a word for "toward"
(`sellers_toward`) or for buying from before its goods (`sellers_of_goods`)."""

from __future__ import annotations

import re
from dataclasses import replace

from . import cues, rivals
from .cues import KIND_CUES, STATUSES, right_after, without
from .goods import ASIDE, brand_of, brand_of_goods
from .parties import GAP, SELLER
from .records import Candidate, Org


def cleaned(sentence: str, lang: str, found: dict[str, list[int]], orgs: list[Org],
            money: list[tuple[int, int]], previous: Candidate | None, negated: bool = False,
            ) -> tuple[dict[str, list[int]], list[Org]] | None:
    """A sentence's cues `found` and companies `orgs` (its `money` amounts' spans, the deal
    told before it `previous`) less the words that tell no deal of its own and the
    companies that are no side; None when it only compares rivals (rivals.py: ``AMD
    competes with Nvidia``). Cheap tests first: most sentences have none of these words."""
    found = set_aside(without_price_talk(found, money))
    if cues.says(sentence, lang, "event_nouns"):
        found = without_events(found, sentence, lang)
    if negated:  # a word for "not" somewhere (candidates.from_sentence looked)
        found = without_negated(found, sentence, lang)
    if ("acquisition" in found or "investment" in found or "shares" in found) \
            and cues.says(sentence, lang, "buyback"):
        found = without_buybacks(found, sentence, lang)
    if cues.says(sentence, lang, "guarantee"):
        found = without_guaranteed(found, sentence, lang)
    if "investment" in found and len(orgs) > 1 and cues.says(sentence, lang, "backer_of"):
        found = without_backing(found, sentence, lang, orgs)
    if "valuation" in found:
        found = without_deal_value(found, sentence, lang)
    if "acquisition" in found and "investment" in found:
        found = without_owners(found, orgs, sentence, lang)
    if "customer" in found:
        found = without_own_customers(found, sentence, lang)
    found = without_appositions(found, sentence, lang, orgs, money)
    if any(kind in found for kind in _CLASS_KINDS) and cues.says(sentence, lang, "among"):
        found = without_class_nouns(found, sentence, lang)
    if "competitor" in found:
        # "Anthropic, a rival of OpenAI": OpenAI is no side; "AMD competes with Nvidia": no deal.
        kept = rivals.compared(sentence, lang, found, orgs)
        if kept is None:
            return None
        orgs = kept
        found = {cat: hits for cat, hits in found.items() if cat != "competitor"}
    orgs = without_brands(sentence, lang, found, orgs, previous)
    if "customer" in found and cues.words_of_own(lang, "toward"):
        orgs = sellers_toward(sentence, lang, found, orgs)
    if "acquisition" in found and (cues.words_of_own(lang, "seller_before_goods")
                                   or cues.words_of_own(lang, "seller_after_goods")):
        orgs = sellers_of_goods(sentence, lang, found, orgs)
    return found, orgs


# How far after a word for "not" a deal or status word is negated (`without_negated`):
# "has not yet invested", "nicht in OpenAI investiert".
NEGATED = 16
_NEGATABLE = frozenset((*KIND_CUES, *STATUSES))
# How far after a share word its price moving is looked for (`without_price_talk`).
PRICE_TALK = 48
# How far before a company a word for its shareholders may end (`without_owners`):
# "Shareholders of Core Scientific", "Akcjonariusze Core Scientific".
OWNERS = 5


def without_price_talk(found: dict[str, list[int]],
                       money: list[tuple[int, int]]) -> dict[str, list[int]]:
    """`found` less the investment words that are shares whose price moved: ``Le azioni
    di Oracle sono salite del 36% dopo un contratto …`` invests nothing. A share word
    is price talk with a price_move word within `PRICE_TALK` characters after it (or
    half that before it: ``Volano le azioni``) and no money amount (`money`, spans)
    between the two."""
    moves = found.get("price_move", ())
    if not moves or "investment" not in found:
        return found

    def talk(p: int) -> bool:
        return any((p < m <= p + PRICE_TALK or p - PRICE_TALK // 2 <= m < p)
                   and not any(min(p, m) < s < max(p, m) for s, _ in money) for m in moves)

    return without(found, {(p, "investment") for p in found.get("shares", ()) if talk(p)})


def set_aside(found: dict[str, list[int]]) -> dict[str, list[int]]:
    """`found` less the deal word a besides word puts aside: in ``Oltre all'investimento,
    le due aziende hanno firmato un accordo``, the first deal word within `ASIDE`
    characters after the besides word (the investment) is not the sentence's deal."""
    aside = set()
    for b in found.get("besides", ()):
        after = [(p, c) for c in KIND_CUES for p in found.get(c, ()) if b < p <= b + ASIDE]
        if after:
            aside.add(min(after))
    return without(found, aside)


def without_negated(found: dict[str, list[int]], sentence: str,
                    lang: str) -> dict[str, list[int]]:
    """`found` less the deal and status words within `NEGATED` characters after a word of
    deals.toml ``negation``: ``Nvidia has not invested in OpenAI's latest round``, ``Сбер и
    «Яндекс» не раскрыли сумму сделки`` tell no investment and announce nothing."""
    ends = [m.end() for m in cues.words_found(lang, "negation").finditer(sentence)]
    return without(found, {(p, c) for c in _NEGATABLE for p in found.get(c, ())
                           if any(0 <= p - e <= NEGATED for e in ends)})


def without_events(found: dict[str, list[int]], sentence: str,
                   lang: str) -> dict[str, list[int]]:
    """`found` less the deal words right before a word of deals.toml ``event_nouns``:
    ``at a US-Saudi investment forum``, ``investment bank``, no deal of the sentence's."""
    events = cues.words_found(lang, "event_nouns")
    return without(found, {(p, c) for c in KIND_CUES for p in found.get(c, ())
                           if events.match(sentence, cues.skip_spaces(
                               sentence, cues.word_end(sentence, p)))})


def without_backing(found: dict[str, list[int]], sentence: str, lang: str,
                    orgs: list[Org]) -> dict[str, list[int]]:
    """`found` less the deal words within a word of deals.toml ``backer_of`` that a
    company follows at once: the company's backer, named in passing
    (``マイクロソフトが出資するオープンAIは、オラクルと…契約を結んだ``), tells no deal of
    the sentence's (`groups.one_side` drops the backer)."""
    spans = [m.span() for m in cues.words_found(lang, "backer_of").finditer(sentence)
             if any(cues.skip_spaces(sentence, m.end()) == o.start for o in orgs)]
    return _without_within(found, spans, KIND_CUES)


def without_buybacks(found: dict[str, list[int]], sentence: str,
                     lang: str) -> dict[str, list[int]]:
    """`found` less the deal and share words within words of deals.toml ``buyback``: a
    company buying back its own shares (``Nvidia bought back $10 billion of its shares``,
    ``자사주 매입``) buys from no company, whoever else the sentence names."""
    spans = [m.span() for m in cues.words_found(lang, "buyback").finditer(sentence)]
    return _without_within(found, spans, (*KIND_CUES, "shares"))


def without_guaranteed(found: dict[str, list[int]], sentence: str,
                       lang: str) -> dict[str, list[int]]:
    """`found` less the deal words after a word of deals.toml ``guarantee`` up to the end
    of its clause: another's obligations guaranteed (``Google will backstop $1.4 billion of
    Fluidstack's lease obligations``) are no deal of the guarantor's."""
    spans = [(m.start(), _clause_end(sentence, m.end()))
             for m in cues.words_found(lang, "guarantee").finditer(sentence)]
    return _without_within(found, spans, KIND_CUES)


def _clause_end(sentence: str, at: int) -> int:
    """Where the clause going on at `at` ends: its next comma or semicolon, else the
    sentence's end."""
    ends = [i for i in (sentence.find(",", at), sentence.find(";", at)) if i >= 0]
    return min(ends, default=len(sentence))


def _without_within(found: dict[str, list[int]], spans: list[tuple[int, int]],
                    categories: tuple[str, ...]) -> dict[str, list[int]]:
    """`found` less its words of `categories` that start within one of `spans`."""
    return without(found, {(p, c) for c in categories for p in found.get(c, ())
                           if any(a <= p < b for a, b in spans)})


def without_brands(sentence: str, lang: str, found: dict[str, list[int]], orgs: list[Org],
                   previous: Candidate | None) -> list[Org]:
    """`orgs` less the chipmakers named as the brand of the goods (`goods.brand_of_goods`),
    which are no side: in a sentence naming the deal before, unless one of its sides
    (``… a $38 billion deal with Amazon Web Services. The seven-year agreement gives
    OpenAI access to … Nvidia GPUs``); and of three companies or more, when another is
    named as the goods' seller (``Oracle will deliver 400,000 Nvidia GB200 chips to
    OpenAI``, ``… Nvidia GB300 chips from Nebius``; not in ``Oracle will buy … Nvidia chips
    for OpenAI``, where Nvidia sells). Cheap tests first: most sentences name no brand."""
    brand = brand_of(lang)
    if previous is not None and len(orgs) > 1 \
            and any(o.type == "chips" and o.name not in (previous.source, previous.target)
                    for o in orgs) \
            and (cues.deal_named_first(sentence, lang)
                 or cues.refers_to_deal(sentence, lang)):
        orgs = [o for o in orgs if o.name in (previous.source, previous.target)
                or not brand_of_goods(sentence, found, o, brand)]
    if len(orgs) > 2 and ("provider" in found or any(o.sold_by for o in orgs)):
        unbranded = [o for o in orgs if not brand_of_goods(sentence, found, o, brand)]
        if len(unbranded) >= 2 and ("provider" in found or any(o.sold_by for o in unbranded)):
            return unbranded
    return orgs


def without_deal_value(found: dict[str, list[int]], sentence: str,
                       lang: str) -> dict[str, list[int]]:
    """`found` less the valuation words a deal's noun stands right before (``in a deal
    valued at more than $10 billion``: the deal's worth, `cues.valued_deal`)."""
    return without(found, {(p, "valuation") for p in found["valuation"]
                           if cues.valued_deal(sentence, lang, p)})


def without_owners(found: dict[str, list[int]], orgs: list[Org], sentence: str,
                   lang: str) -> dict[str, list[int]]:
    """`found` less the investment words naming a company's shareholders (deals.toml
    ``owners``) right after its name or before it, across a word for "of" (`OWNERS`):
    ``Core Scientific shareholders rejected the takeover``, ``Akcjonariusze Core
    Scientific odrzucili ofertę przejęcia``, ``Shareholders of Core Scientific approved
    …`` tell its owners, not an investment."""
    owners = cues.words_found(lang, "owners")
    dropped = set()
    for p in found.get("investment", ()):
        m = owners.match(sentence, p)
        if m and any(0 <= o.start - m.end() <= OWNERS or 0 <= p - o.end <= 2 for o in orgs):
            dropped.add((p, "investment"))
    return without(found, dropped)


def without_own_customers(found: dict[str, list[int]], sentence: str,
                          lang: str) -> dict[str, list[int]]:
    """`found` less the customer words naming a company's own customers (deals.toml
    ``own_customers``: ``to bring Claude models to Snowflake's customers``, ``impulsar la
    IA generativa entre sus clientes``): third parties, no side of the deal as a buyer."""
    if not cues.says(sentence, lang, "own_customers"):
        return found  # most sentences with a customer word have none
    spans = [m.span() for m in cues.words_found(lang, "own_customers").finditer(sentence)]
    return without(found, {(p, "customer") for p in found["customer"]
                           if any(start <= p < end for start, end in spans)})


# How far before a word for "such as" a class noun of the companies it lists may start
# (`without_class_nouns`): "AI cloud providers such as".
CLASS_NOUN = 28
_CLASS_KINDS = ("compute", "provider")
_CAPITAL_NEXT = re.compile(r"\s+[^\W\d_a-zà-ÿа-яё]")


def without_class_nouns(found: dict[str, list[int]], sentence: str,
                        lang: str) -> dict[str, list[int]]:
    """`found` less the compute and provider words naming the class of the companies a word
    of deals.toml ``among`` lists right after it, a capitalised name first
    (``hyperscalers such as Microsoft and Amazon``, ``cloud providers including Oracle``):
    what they are, not goods or a supplier of the deal. Within `CLASS_NOUN` characters
    before the word, no clause's end between."""
    dropped = set()
    for m in cues.words_found(lang, "among").finditer(sentence):
        # What it lists are names (a pair's other company may be left out of `orgs`).
        if not _CAPITAL_NEXT.match(sentence, m.end()):
            continue
        start = max(0, m.start() - CLASS_NOUN)
        clause = max(sentence.rfind(mark, start, m.start()) for mark in ",;:")
        start = max(start, clause + 1)
        dropped |= {(p, cat) for cat in _CLASS_KINDS for p in found.get(cat, ())
                    if start <= p < m.start()}
    return without(found, dropped)


def without_appositions(found: dict[str, list[int]], sentence: str, lang: str,
                        orgs: list[Org], money: list[tuple[int, int]]) -> dict[str, list[int]]:
    """`found` less the words of an apposition right after a company past the first, set
    off by a comma and opening with an article (deals.toml ``aside_article``), up to the
    next comma or the sentence's end: ``… to acquire DigitalBridge, an investor in data
    centers and cell towers, for about $4 billion`` tells what DigitalBridge is, not the
    deal's kind. One holding money or a company is left whole (``…, a deal worth $40
    billion``)."""
    spans = apposition_spans(sentence, lang, orgs, money)
    if not spans:
        return found
    return without(found, {(p, cat) for cat, hits in found.items() for p in hits
                           if any(start < p < end for start, end in spans)})


def apposition_spans(sentence: str, lang: str, orgs: list[Org],
                     money: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the appositions `without_appositions` sets aside stand: from the end of the
    company each follows to the next comma or the sentence's end. One cheap test first:
    most sentences have no comma right after a company."""
    if not any(sentence.startswith(", ", o.end) for o in orgs[1:]):
        return []
    article = cues.words_found(lang, "aside_article")
    spans = []
    for o in orgs[1:]:
        if not (sentence.startswith(", ", o.end) and article.match(sentence, o.end + 2)):
            continue
        close = sentence.find(", ", o.end + 2)
        close = close if close > 0 else len(sentence)
        if any(o.end < start < close for start, _ in money) \
                or any(o.end < other.start < close for other in orgs):
            continue
        spans.append((o.end, close))
    return spans


def sellers_toward(sentence: str, lang: str, found: dict[str, list[int]],
                   orgs: list[Org]) -> list[Org]:
    """`orgs`, a company after a word of deals.toml ``toward`` and right before a customer
    word marked as the seller (`Org.sold_by`): ``腾讯已向英伟达订购大量H20芯片``, Nvidia
    sells; not the doer of the word, as it is where the doer comes right before its verb.
    So marked where it is named again as first written: ``京东与三星签署了协议，将向三星
    采购…``."""
    before = cues.word_before(lang, "toward")

    def toward(start: int, end: int) -> bool:
        return any(right_after(p, end) for p in found["customer"]) \
            and before.search(sentence, max(0, start - SELLER), start) is not None

    out = []
    for o in orgs:
        name, at = sentence[o.start:o.end], o.start
        while at >= 0 and not toward(at, at + len(name)):
            at = sentence.find(name, at + len(name)) if name else -1
        out.append(replace(o, sold_by=True) if at >= 0 else o)
    return out


def sellers_of_goods(sentence: str, lang: str, found: dict[str, list[int]],
                     orgs: list[Org]) -> list[Org]:
    """`orgs`, a company right after a word of deals.toml ``seller_before_goods`` marked as
    the seller (`Org.sold_by`) when a chip or compute word follows it within `GAP`
    characters, no other company between: ``Telefónica comprará a Nvidia miles de
    procesadores gráficos``. Else the word's "a" marks the company bought (``Nvidia
    comprará a Run:ai``). So is one right after a word of ``seller_after_goods`` that
    a chip or compute word ends right before, after a word for buying (``Humain
    achètera des puces à AMD``)."""
    before = cues.word_before(lang, "seller_before_goods")
    after_goods = cues.word_before(lang, "seller_after_goods")
    goods = cues.positions(found, *cues.GOODS)
    bought = min(found["acquisition"])
    out = []
    for i, o in enumerate(orgs):
        upto = min(o.end + GAP, orgs[i + 1].start if i + 1 < len(orgs) else len(sentence))
        if not o.sold_by and any(o.end <= p < upto for p in goods) \
                and before.search(sentence, max(0, o.start - SELLER), o.start):
            o = replace(o, sold_by=True)
        elif not o.sold_by and _after_goods(sentence, after_goods, goods, bought, o):
            o = replace(o, sold_by=True)
        out.append(o)
    return out


def _after_goods(sentence: str, marks: re.Pattern[str], goods: list[int], bought: int,
                 org: Org) -> bool:
    """Does a word of `marks` stand right before `org`, a goods word (at one of `goods`)
    starting right before that word, after the buying word at `bought`?"""
    m = marks.search(sentence, max(0, org.start - SELLER), org.start)
    return m is not None and any(
        bought < p and sentence[p:m.start()].strip().isalpha()
        and len(sentence[p:m.start()].split()) == 1 for p in goods)
