"""What a buying or investing word buys: a company's goods (chips, compute), its
shares, or compute built with it, rather than the company itself."""

from __future__ import annotations

import re
from functools import cache

from . import cues
from .cues import GOODS, KIND_CUES, right_after
from .lists import joined_by_and
from .parties import PROVIDER_RANK, first_after, last_before, provider_rank
from .records import Org

# How far after "in addition to" the deal word it puts aside may start (`filters.set_aside`).
ASIDE = 24
# How far after a chip or compute word the company it names may start (`goods_of`).
OF = 8
# How far after a company's brand mark its goods' word may start (`branded`): "Nvidia's
# latest Blackwell chips".
BRAND = 24
# How far before a company its alongside word ("with") may start (`built_with`).
WITH = 24
# How far before a chip or compute word a maker noun makes it a trade, not goods bought
# (``le fabricant de puces Graphcore``: `goods_named_before`).
MAKER = 24
# How far after a customer word a company it names may start (`direction.buyer_of`).
APPOSITION = 16
# How far after a word for buying its energy word may start, and in ja, zh and ko how
# far before it one may end (`energy_bought`): "will now buy up to 1.92 gigawatts of
# electricity", "電力を購入".
ENERGY_AFTER, ENERGY_BEFORE = 40, 4
# A language's brand marks, how far after one its goods' word may start, and its brand
# compounds (`brand_of`); and the same for no language.
Brand = tuple[tuple[str, ...], int, tuple[str, ...]]
NO_BRAND: Brand = ((), 0, ())


def bought_from(found: dict[str, list[int]], orgs: list[Org], end: int) -> bool:
    """Is money spent (the amount ending at `end`) a purchase from the provider named
    first after it, before or in the first compute or chip word after it, or whose
    goods that word names (`goods_of`)? ``agreed to spend $30 billion on Microsoft
    Azure compute`` is, and so are ``потратит 40 млрд долларов на чипы Nvidia`` and
    compute built with it (`built_with`: ``will spend $50 billion building data centers
    with Fluidstack``); ``will spend $80 billion on data centers this year, Nvidia
    said`` is a figure."""
    seller = first_after(orgs, end)
    if seller is None or provider_rank(seller) < PROVIDER_RANK["hyperscaler"]:
        return False
    if any(end < p < seller.start for p in found.get("spending", ())):
        return False  # "$120 billion on capital expenditures …, much of it on Nvidia chips"
    cue = min((p for p in cues.positions(found, *GOODS) if p >= end), default=None)
    return cue is not None and (seller.start <= cue or goods_of(found, orgs, end)
                                or built_with(found, orgs, end))


def spent_on_before(found: dict[str, list[int]], orgs: list[Org], start: int,
                    brand: Brand = NO_BRAND) -> bool:
    """Is money spent (the amount starting at `start`) a purchase of the goods named
    right after the company named last before it (or after its brand mark: `branded`), a
    spending word after those goods, before the amount or after it
    (``字节跳动计划明年在英伟达芯片上投入约160亿美元``, ``米エヌビディアのGPUの調達に約1500億円を
    投じる``: the order of verb-final languages)? Not a company ranked below a provider
    (`bought_from`)."""
    seller = last_before(orgs, start)
    if seller is None or provider_rank(seller) < PROVIDER_RANK["hyperscaler"] \
            or not (has_goods(found, seller) or branded(found, seller, brand)):
        return False
    return any(seller.end < p for p in found.get("spending", ()))


def next_company(found: dict[str, list[int]], orgs: list[Org],
                 end: int) -> tuple[Org, tuple[int, str] | None] | None:
    """The company named first after `end` (an amount's end), and the first deal word
    (offset, category) between the two, if any; None with no company after."""
    nxt = first_after(orgs, end)
    if nxt is None:
        return None
    first = min(((p, c) for c in KIND_CUES for p in found.get(c, ()) if end <= p < nxt.start),
                default=None)
    return nxt, first


def built_with(found: dict[str, list[int]], orgs: list[Org], end: int) -> bool:
    """Is the money invested (an amount ending at `end`) spent on compute built with
    a company rather than put into it? ``will invest $50 billion in American AI
    infrastructure, building data centers with Fluidstack`` is: the first deal word
    after the amount, before any company, is compute (or chips), and an alongside
    word stands between it and the next company, within `WITH` characters of that one
    (in ``invest $1 billion in cloud startup Lambda`` none does)."""
    after = next_company(found, orgs, end)
    if after is None:
        return False
    nxt, first = after
    if first is None or first[1] not in GOODS:
        return False
    return any(first[0] < a < nxt.start <= a + WITH for a in found.get("alongside", ()))


def built_for(sentence: str, lang: str, found: dict[str, list[int]], orgs: list[Org]) -> bool:
    """Does a sentence's first company build compute for its second, a word for "for"
    right before that one (`Org.served`) and a word for building (deals.toml ``builds``)
    the first one's own verb, right after it or its "will" (`Org.verb`: ``Oracle will
    build new data centers in Texas for OpenAI``, ``Oracle construirá … centros de datos
    … para OpenAI``; not ``Crusoe, which builds data centers for OpenAI``, an aside)?
    The first sells it."""
    if len(orgs) != 2 or "compute" not in found or not orgs[1].served:
        return False
    a, b = orgs
    verb = cues.words_found(lang, "builds").match(sentence, cues.skip_spaces(sentence, a.verb))
    return verb is not None and verb.end() <= b.start


def built_together(sentence: str, lang: str, found: dict[str, list[int]],
                   orgs: list[Org]) -> bool:
    """Do a sentence's two companies build compute together: a word for building or
    opening (deals.toml ``builds``) and a compute word, the second company within `WITH`
    characters after a word of ``alongside`` (``Mistral AI va construire un centre de
    données en Essonne avec Nvidia``; in ja, zh and ko the word for "and" right after it,
    ``NTTは米エヌビディアと提携し、…建設する``) or the two listed with only a word for
    "and" between them before the building word (``Deutsche Telekom und Nvidia eröffnen
    … ein KI-Rechenzentrum``)? A project announced (deals.toml ``projects`` after a word of
    ``announced``) is a building word: ``OpenAI y Sur Energy anunciaron un proyecto de
    centro de datos``."""
    if len(orgs) != 2 or "compute" not in found:
        return False
    a, b = orgs
    of = cues.of_words(lang)
    # Not a thing of the company's between ("costruito con tecnologia di HPE e AMD": their
    # technology, not them, is what it is built with).
    with_second = any(a.end <= p < b.start <= p + WITH
                      and not any(w.lower() in of for w in sentence[p:b.start].split()[1:])
                      for p in found.get("alongside", ()))
    listed = joined_by_and(sentence, lang, a, b)
    # ja, zh, ko: "with" follows the company (NTTは米エヌビディアと提携し、…建設する).
    marked = cues.found_anywhere(lang) \
        and any(b.after.startswith(w) for w in cues.word_set(lang, "coordinated"))
    if not (with_second or listed or marked):
        return False
    built = _building_word(sentence, lang, found)
    return built is not None and (with_second or ((listed or marked) and b.end <= built))


def _building_word(sentence: str, lang: str, found: dict[str, list[int]]) -> int | None:
    """Where the sentence's first word for building stands, else its first word for a
    project after a word of ``announced`` (`built_together`); None for neither. The words
    looked for last: most sentences have none."""
    if cues.says(sentence, lang, "builds"):
        built = cues.words_found(lang, "builds").search(sentence)
        return built.start() if built is not None else None
    if "announced" in found and cues.says(sentence, lang, "projects"):
        project = cues.words_found(lang, "projects").search(sentence, min(found["announced"]))
        return project.start() if project is not None else None
    return None


def goods_of(found: dict[str, list[int]], orgs: list[Org], end: int) -> bool:
    """Is the money invested (an amount ending at `end`) spent on a company's chips or
    compute rather than put into the company? ``zainwestuje 40 mld dolarów w chipy
    Nvidii``, ``will invest $40 billion in Nvidia chips`` are: the company named next
    after the amount follows a compute or chip word at once (within `OF` characters,
    so not ``in cloud startup Lambda``) or through a word for "of" (``en chips de
    Nvidia``, ``in processori grafici di Nvidia``: `Org.head`) or a word for buying from
    (``в аренду мощностей у австралийской IREN``: `Org.sold_by`), or has one right after
    its name."""
    after = next_company(found, orgs, end)
    if after is None:
        return False
    nxt, first = after
    if has_goods(found, nxt):
        return True
    # "in chipy Nvidii" (at once), "en chips de Nvidia" (a word for "of" between).
    return first is not None and first[1] in GOODS \
        and (nxt.start <= first[0] + OF or nxt.head <= first[0] or nxt.sold_by)


def goods_after_amount(found: dict[str, list[int]], sentence: str, lang: str,
                       end: int) -> bool:
    """Are goods what an amount ending at `end` buys, a word for "of" (deals.toml
    ``goods_of``) and at most one more word between them (``agreed to buy $300 billion of
    computing power from the company``, ``$10 billion of AI chips``), whoever sells them?
    Not in ja, zh and ko, whose goods come before their amount."""
    if not lang or cues.found_anywhere(lang):
        return False
    of = cues.word_set(lang, "goods_of")
    for p in cues.positions(found, *GOODS):
        if p > end:
            words = sentence[end:p].lower().split()
            return 1 <= len(words) <= 2 and words[0] in of
    return False


def has_goods_word(found: dict[str, list[int]]) -> bool:
    """Does the sentence name goods: a chip or compute word?"""
    return any(c in found for c in GOODS)


# How far a field word may stand from the goods it names (`in_field`): before them, a
# few words ("in the field of industrial AI chips"); in ja, zh and ko right after them.
FIELD_BEFORE, FIELD_AFTER = 32, 12


# How far after a goods word the partnership noun it names may start
# (`field_of_partnership`): "AI·클라우드 협력", "cloud partnership"; only word characters,
# spaces and joiners between.
NOUN_AFTER = 12
_JOINED = re.compile(r"[\w\s·・/&-]*")


def field_of_partnership(sentence: str, lang: str, found: dict[str, list[int]]) -> bool:
    """Do the sentence's goods words all name the field of a partnership noun right after
    them (``AI·클라우드 협력``, ``a cloud partnership``), none goods bought? Not a word for
    a deal telling no kind (``클라우드 계약``, ``a cloud deal``: compute bought)."""
    goods = cues.positions(found, *GOODS)
    own = [q for q in found.get("partnership", ()) if not cues.is_deal_noun(sentence, lang, q)]
    return bool(goods) and bool(own) and all(
        any(p < q <= p + NOUN_AFTER and _JOINED.fullmatch(sentence, p, q) for q in own)
        for p in goods)


def in_field(sentence: str, lang: str, found: dict[str, list[int]]) -> bool:
    """Do the sentence's goods words all name a field of work (deals.toml ``field_before``:
    ``in the field of AI chips``; ``field_after``: ``AIインフラで協業``, ``AI 반도체 분야에서
    협력``), none goods bought?"""
    goods = cues.positions(found, *GOODS)
    if not goods:
        return False
    before = [m.end() for m in cues.words_found(lang, "field_before").finditer(sentence)]
    after = [m.start() for m in cues.words_found(lang, "field_after").finditer(sentence)]
    if not before and not after:
        return False
    return all(any(e <= p <= e + FIELD_BEFORE for e in before)
               or any(p < a <= p + FIELD_AFTER for a in after) for p in goods)


def has_goods(found: dict[str, list[int]], org: Org) -> bool:
    """Does a chip or compute word follow right after the company's name (``Nvidia
    chips``, ``Nvidia ускорители``)?"""
    return cues.said_right_after(found, org.end, *GOODS)


def goods_right_after(found: dict[str, list[int]], org: Org, sentence: str,
                      has_chip: bool) -> bool:
    """Are the company's goods named right after its name: a chip or compute word
    (`has_goods`) or a chip's name (``英伟达H20芯片``, ``华为昇腾AI服务器``)?"""
    return has_goods(found, org) or (has_chip and cues.chip_named_at(sentence, org.end))


def goods_through_of(found: dict[str, list[int]], org: Org) -> bool:
    """Does a chip or compute word stand before the company through a word for "of"
    (``la nube de Google``, ``processori grafici di Nvidia``: `Org.head`)?"""
    return any(org.head <= p < org.start for p in cues.positions(found, *GOODS))


def brand_len(org: Org, brand: Brand) -> int:
    """How long the brand mark right after the company is (``Nvidia's GB300``), else 0."""
    return next((len(m) for m in brand[0] if org.after.startswith(m)), 0)


@cache
def brand_of(lang: str) -> Brand:
    """`lang`'s deals.toml ``brand_mark`` and how far after it the goods' word may start:
    `BRAND` characters, or `OF` where words are not spaced (ja, zh, ko), so that not a
    clause on (``英伟达的优势不仅在于 AI 芯片的性能`` names no goods bought); and its
    ``brand_compound`` (``-powered``)."""
    return cues.words_of_own(lang, "brand_mark"), OF if cues.found_anywhere(lang) else BRAND, \
        cues.words_of_own(lang, "brand_compound")


def branded(found: dict[str, list[int]], org: Org, brand: Brand) -> bool:
    """Are the goods named the company's own, told with a mark of deals.toml
    ``brand_mark`` right after its name and a chip or compute word a few words on
    (``エヌビディアの最新GPU``, ``Nvidia's latest chips``; `brand_of`)?"""
    marks, reach, _ = brand
    return bool(marks) and org.after.startswith(marks) and any(
        org.end < p <= org.end + reach for p in cues.positions(found, *GOODS))


def bought_goods(found: dict[str, list[int]], orgs: list[Org], has_chip: bool = False,
                 sentence: str = "", lang: str = "") -> bool:
    """Are a company's goods bought, not the company? ``will buy Nvidia chips``,
    ``купит у Nvidia ускорители``, ``kupi od Nvidii chipy``, ``buy … TPUs from Google``
    are: the company named first after the first acquisition word has a chip or compute
    word or a chip's name right after it (``Nvidia GB200 chips``; or its goods are named
    after a brand mark, ``Nvidia's latest chips``: `branded`), or a chip or compute
    word before it through a word for "of" (`Org.head`) or at once
    (`goods_named_before`); or a word for buying from stands right before it
    (`Org.sold_by`) and a chip or compute word, or a chip's name (`has_chip`), comes
    after it (``kauft bei AMD 50.000 MI450-Chips``). With no company after the word, a
    chip or compute word close after it is what is bought (``un accordo con AMD per
    l'acquisto di chip``; not in ja, zh or ko, whose verb comes after its object)."""
    if "acquisition" not in found:
        return False
    bought, after = first_bought(found, orgs)
    goods = cues.positions(found, *GOODS)
    if after is None:
        return bool(lang) and not cues.found_anywhere(lang) \
            and any(bought < p <= bought + ASIDE for p in goods)
    brand = brand_of(lang) if lang else NO_BRAND
    return has_goods(found, after) or branded(found, after, brand) \
        or goods_through_of(found, after) \
        or goods_named_before(sentence, lang, found, after) \
        or (has_chip and cues.chip_named_at(sentence, after.end + brand_len(after, brand))) \
        or (after.sold_by and (has_chip or any(p >= after.end for p in goods)))


def amount_bought_from(found: dict[str, list[int]], orgs: list[Org],
                       money_at: int | None) -> bool:
    """Is an amount's worth of something bought from a company, the first named after
    the buying word, after a word for buying from (`Org.sold_by`) with the amount
    between (``will buy $5.8 billion of equipment from Dell``)? Then the company
    sells goods; it is not bought."""
    if money_at is None:
        return False
    bought, after = first_bought(found, orgs)
    return after is not None and after.sold_by and bought < money_at < after.start


def first_bought(found: dict[str, list[int]], orgs: list[Org]) -> tuple[int, Org | None]:
    """Where the first acquisition word starts, and the company named first after it
    (None with none)."""
    bought = min(found["acquisition"])
    return bought, first_after(orgs, bought + 1)


def goods_named_before(sentence: str, lang: str, found: dict[str, list[int]], org: Org) -> bool:
    """Is a company named right after a chip or compute word that is the thing bought
    (``achètera des millions de puces Nvidia``, ``kupi miliony chipów Nvidii``), not a
    maker's trade (``le fabricant de puces Graphcore``, ``il produttore di chip Rivos``:
    a maker or company noun, deals.toml ``maker_nouns``, within `MAKER` characters
    before the word, or the word one itself: ``chipmaker Rivos``)? Words are read
    between spaces, so not in ja, zh or ko (``芯片设计公司 Annapurna Labs``)."""
    if not sentence or cues.found_anywhere(lang):
        return False
    for p in cues.positions(found, *GOODS):
        if p < org.start and len(sentence[p:org.start].split()) == 1:
            return cues.words_found(lang, "maker_nouns").search(
                sentence, max(0, p - MAKER), org.start) is None
    return False


def brand_of_goods(sentence: str, found: dict[str, list[int]], org: Org,
                   brand: Brand = NO_BRAND) -> bool:
    """Is `org` a chipmaker named right before its goods, their brand (``Nvidia GPUs``,
    ``Nvidia GB300 chips``), a possessive mark (`brand`) between or not (``Nvidia's
    GB300 chips``, ``エヌビディアの最新GPU``: `branded`), or a compound's (`brand`:
    ``Nvidia-powered servers``)?"""
    if org.type != "chips":
        return False
    compound = next((len(c) for c in brand[2] if sentence.startswith(c, org.end)), 0)
    at = cues.skip_spaces(sentence, org.end + (compound or brand_len(org, brand)))
    return at in cues.positions(found, *GOODS) or org.chip_after or branded(found, org, brand)


def bought_shares(found: dict[str, list[int]], orgs: list[Org], money_at: int | None = None,
                  money_end: int | None = None, brand: Brand = NO_BRAND) -> bool:
    """Did the acquisition word buy shares, not the company? ``bought $2 billion of
    Synopsys shares`` did: a share word after the acquisition word, before or right
    after a company bought, or after its possessive mark (`brand`: ``bought $2 billion of
    Intel's shares``); with no company after the word, a share word within
    `ASIDE` characters of it, or of the amount right after it (``купив акции
    компании``, ``would buy $5 billion of its shares``). (``bought a $2 billion
    stake``: the amount's cue decides.)"""
    bought = min(found["acquisition"])
    after = [o for o in orgs[1:] if o.start > bought]
    if not after:  # "Nvidia инвестирует в Intel …, купив акции компании"
        reach = money_end if money_at is not None and money_end is not None \
            and bought < money_at <= bought + APPOSITION else bought
        return any(bought < p <= reach + ASIDE for p in found.get("shares", ()))
    return any(bought < p and (p < o.start or right_after(p, o.end + brand_len(o, brand)))
               for p in found.get("shares", ()) for o in after)


def energy_bought(sentence: str, lang: str, found: dict[str, list[int]],
                  asides: list[tuple[int, int]] = ()) -> bool:
    """Is what the sentence's deal buys energy: a word of deals.toml ``energy_goods``
    within `ENERGY_AFTER` characters after a word for buying or supplying (``buy power
    from … Kairos Power``, ``buy up to 1.92 gigawatts of electricity``, ``EDF fournira
    l'électricité``), in ja, zh and ko ending within
    `ENERGY_BEFORE` characters before it (``電力を購入``), or a contract for energy named
    (``energy_contracts``: ``power purchase agreement``)? Not energy a company's
    apposition names (`asides`, `filters.apposition_spans`: ``buy Intersect Power, a
    developer of clean energy …``). The deal is then no company bought nor compute."""
    # One plain test for both lists (most sentences have neither), then their patterns.
    if not cues.says_any(sentence, lang, "energy_contracts", "energy_goods"):
        return False
    if cues.words_found(lang, "energy_contracts").search(sentence):
        return True
    # Energy supplied is bought too ("EDF fournira l'électricité du futur supercalculateur
    # de Fluidstack").
    anchors = found.get("acquisition", []) + found.get("provider", [])
    if not anchors:
        return False
    words = [m for m in cues.words_found(lang, "energy_goods").finditer(sentence)
             if not any(start < m.start() < end for start, end in asides)]
    if cues.found_anywhere(lang):
        return any(p - ENERGY_BEFORE <= m.end() <= p for p in anchors for m in words)
    return any(p < m.start() <= p + ENERGY_AFTER for p in anchors for m in words)
