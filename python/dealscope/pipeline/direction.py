"""Which way a deal goes (`direction`): who invests, raises, sells compute or buys,
from the companies' types, the particles marking a doer, the words between them and a
round's lead; and the buyer a customer word names (`buyer_of`), the giver of money
received (`received_from`), the lab invested in (`nearest_lab`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import cues, rounds
from .cues import GOODS, right_after
from .figures import TIED
from .goods import APPOSITION, NO_BRAND, Brand, branded
from .lists import cue_before
from .parties import marked_doers, provider_rank
from .records import Name, Org

# How far after an investment word "the company" it invests in may start
# (`invests_in_anaphor`), and after a word for buying the company bought (`bought_after`).
OBJECT = 48
# A word from where it starts (the receives word of `received_from`).
_WORD_AT = re.compile(r"\w+")
# In a compute deal, the words whose doer buys (`buyer_of`).
BUYER_CUES = ("customer", "investment", "spending", "acquisition")


def buyer_of(found: dict[str, list[int]], orgs: list[Org]) -> Org | None:
    """The company a customer word (or one of spending or investing: `BUYER_CUES`)
    follows right after, its doer: ``Oracle will buy $40 billion of Nvidia chips for
    OpenAI`` (Oracle buys, though OpenAI is the lab); ``Oracle zainwestuje 40 mld
    dolarów w chipy Nvidii dla … OpenAI``. Words of when or whether may stand between
    (``Oracle will spend``, ``Oracle planuje zainwestować``: `Org.verb`); the word may
    start among them (``has agreed to buy``, whose cue is ``agreed to buy``).
    Not when another company follows the word within `APPOSITION` characters: in
    ``CoreWeave client Microsoft`` the word names Microsoft; unless that company's
    goods or shares are named after it (``Oracle will buy Nvidia chips``, ``Oracle Cloud
    Infrastructure will deploy 50,000 AMD MI450 chips``, ``Nvidia will buy Intel common
    stock``); nor when a word for
    "with" stands right before the company (``signed a deal with Oracle to use its
    cloud``: the word tells the deal's purpose, its subject's). Of two companies, one a
    word for "for" names after a customer or supply word is the customer (``Lambda will
    deploy … Nvidia GPUs … for Microsoft``: `Org.served`)."""
    served = [o for o in orgs if o.served]
    if len(orgs) == 2 and len(served) == 1 and any(
            p < served[0].start for p in cues.positions(found, "customer", "provider")):
        return served[0]
    for o in orgs:
        if o.sold_by:  # "腾讯从英伟达采购": Nvidia sells
            continue
        if cue_before(found, o.start):
            continue  # "signed a deal with Oracle to use its cloud": the deal's purpose
        for p in cues.positions(found, *BUYER_CUES):
            if o.end <= p <= o.verb + 2 and not any(
                    p < o2.start <= p + APPOSITION and o2 is not o
                    and not (cues.said_right_after(found, o2.end, *GOODS, "investment")
                             or o2.chip_after)
                    for o2 in orgs):
                return o
    return _with_purpose(found, orgs)


# How far after the company a word for "with" names a customer word telling the deal's
# purpose may start (`_with_purpose`): a talks word between in zh (``洽谈``), a space in
# en; not an apposition's comma and article (``…, a customer``).
PURPOSE = 3


def _with_purpose(found: dict[str, list[int]], orgs: list[Org]) -> Org | None:
    """Of two companies, the first when the second stands right after a word for "with"
    and a customer word right after it tells the purpose, the first's (``百度正在与三星电子
    洽谈采购HBM芯片``: Baidu buys)."""
    if len(orgs) != 2:
        return None
    a, b = orgs
    if cue_before(found, b.start, since=a.end) \
            and any(b.end <= p <= b.end + PURPOSE for p in found.get("customer", ())):
        return a
    return None


def bought_after(found: dict[str, list[int]], buyer: Org, orgs: list[Org]) -> list[Org]:
    """Of `orgs`, those named within `OBJECT` characters after a word for buying that
    follows `buyer`: ``MGX joined BlackRock and Microsoft in a deal to buy Aligned Data
    Centers`` buys Aligned, not BlackRock. For languages whose verb comes before its
    object (where particles mark the sides, ja and ko, it comes last)."""
    words = [p for p in found.get("acquisition", ()) if p >= buyer.end]
    return [o for o in orgs if any(0 < o.start - p <= OBJECT for p in words)]


def invests_in_anaphor(found: dict[str, list[int]], first: Org, second: Org) -> bool:
    """Does the company named second invest in "the company"? In ``Intel stock surged
    after Nvidia announced a $5 billion investment in the chipmaker`` the chipmaker,
    an investment word after Nvidia and an anaphor within `OBJECT` characters after it
    (the amount may stand between: ``eine Investition von 5 Milliarden Dollar in das
    Unternehmen``), is the other company: Intel. Not when an investment word stands
    between the two (``Nvidia инвестирует в Intel …, купив акции компании``)."""
    if any(first.start < q < second.start for q in found.get("investment", ())):
        return False
    return any(second.start < q < p <= q + OBJECT for q in found.get("investment", ())
               for p in found.get("anaphor", ()))


def received_from(sentence: str, lang: str, found: dict[str, list[int]], orgs: list[Org],
                  spans: list[tuple[int, int]]) -> tuple[str, str] | None:
    """(giver, receiver) of money received from a company: after a receives word, an
    amount with only a word for "from" between it and the giver (deals.toml
    ``received_from``: ``Anthropic will receive another $4 billion from Google``; not
    ``$5 billion in orders from``), or right after the receives word, the amount later
    (``otrzyma od Google dodatkowe 1 mld dolarów``); the receiver the last company
    before the word."""
    if "receives" not in found:
        return None
    words = cues.word_set(lang, "received_from")
    at = min(found["receives"])
    receivers = [o for o in orgs if o.end <= at]
    if not receivers or not spans:
        return None
    giver = next((o for _, end in spans if at < end for o in orgs
                  if o.start > end and sentence[end:o.start].strip().lower() in words), None)
    if giver is None:
        # "Anthropic otrzyma od Google dodatkowe 1 mld dolarów": the word for "from" and
        # the giver right after the receives word, the amount after them.
        word = _WORD_AT.match(sentence, at)
        giver = next((o for o in orgs if word and o.start > at and o.end <= spans[-1][0]
                      and sentence[word.end():o.start].strip().lower() in words), None)
    return (giver.name, receivers[-1].name) if giver is not None else None


def marked_supplier(found: dict[str, list[int]], orgs: list[Org],
                    markers: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Do two companies, one marked as the doer (Korean 는, Japanese が), stand with a
    supply word or a use word, not both (as `direction` reads them)?"""
    agents = marked_doers(orgs, markers)
    return len(orgs) == 2 and len(agents) == 1 and ("provider" in found) != ("customer" in found)


def nearest_lab(orgs: list[Org], names: list[Name], sent_start: int, start: int,
                end: int) -> Org | None:
    """Of several labs, the one whose mention stands nearest the amount at `start`–`end`
    (sentence offsets; `names` in document offsets), the later on a tie: ``Microsoft,
    which backs OpenAI, invested $5 billion in Anthropic``, ``微软在投资OpenAI之后，
    又向Anthropic投资50亿美元`` are Anthropic's. None with fewer than two labs."""
    labs = {o.name: o for o in orgs if o.type == "lab"}
    if len(labs) < 2:
        return None
    best: tuple[int, int, str] | None = None
    for _doc, m_start, m_end, name, *_ in names:
        if name in labs:
            m_start, m_end = m_start - sent_start, m_end - sent_start
            gap = rounds.gap((m_start, m_end), (start, end))
            if best is None or (gap, -m_start) < best[:2]:
                best = (gap, -m_start, name)
    return labs[best[2]] if best else None


def direction(kind: str, orgs: list[Org], investor: Org | None,
              markers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
              found: dict[str, list[int]] | None = None,
              lead: Callable[[list[Org], str], Org | None] = lambda orgs, raising: None,
              near: Org | None = None, doer_first: bool = False,
              brand: Brand = NO_BRAND) -> tuple[str | None, str] | None:
    """(source, target) of a deal of `kind` between `orgs`; `found`: the sentence's
    cues, for a "receives" word between the first two companies (the first takes
    the investment) and the provider and customer words of compute; `lead`: a
    round's lead among the companies, given the one raising (`rounds.lead`); `near`:
    of several labs, the one invested in (`nearest_lab`); `doer_first`: the language
    names a verb's doer right before it (not ja, zh or ko); `brand`: the
    language's `goods.brand_of` (`goods.branded`: the goods' maker sells them)."""
    found = found or {}
    labs = [o for o in orgs if o.type == "lab"]
    others = [o for o in orgs if o.type != "lab"]
    agents = marked_doers(orgs, markers)
    if kind == "acquisition":
        if len(orgs) < 2:
            return None
        if agents:  # アームはソフトバンクGが…買収した: the が-marked company bought
            other = next(o for o in orgs if o.name != agents[0].name)
            return agents[0].name, other.name
        # "Meta kauft von SoftBank Ampere Computing": not the one it buys from.
        bought = [o for o in orgs[1:] if not o.sold_by] or orgs[1:]
        if not markers[0]:
            bought = bought_after(found, orgs[0], bought) or bought
        return orgs[0].name, bought[0].name
    if kind == "funding":
        # Only a lab (or a company of no known type) raises a round; a lone
        # investor with an unnamed investee ("同社に 80 億ドルを投資") is no deal.
        # One named among the backers raises none (`Org.backer`).
        raising = [o for o in orgs if o.type in ("lab", "other") and not o.backer]
        if not raising:
            # A neocloud or chip startup raises rounds too (Nscale, Cerebras): when it
            # is the one such company named.
            # Not from investing words alone: "Nvidia is in talks to invest up to $500
            # million in Wayve" (a company not known by name) is Nvidia investing.
            startups = [o for o in orgs
                        if o.type in ("cloud", "datacenter", "chips") and not o.backer]
            told = cues.positions(found, "funding", "receives")
            if len(startups) > 1 and told:
                # "Nebius привлекла $700 млн …, в котором участвовала Nvidia": the one
                # named before the word for raising raises; the others take part.
                startups = [o for o in startups if o.start < min(told)]
            raising = startups if len(startups) == 1 and told else []
        if not raising:
            return None
        source = investor or lead(orgs, raising[0].name)
        return (source.name if source else None), raising[0].name
    if kind == "investment":
        if near is not None:
            labs = [near]
        if investor is not None:
            targets = [o for o in labs if o.name != investor.name] or \
                      [o for o in orgs if o.start > investor.start and o.name != investor.name]
            return (investor.name, targets[0].name) if targets else None
        if labs and others:
            return others[0].name, labs[0].name
        # Two companies, neither a lab (Nvidia → Intel): only when they are alone.
        if len(orgs) != 2:
            return None
        # "Intel received … from SoftBank", "インテルはソフトバンクから出資を受ける": the one
        # given from gives.
        receives = any(orgs[0].start < p < orgs[1].start for p in found.get("receives", ())) \
            or ("receives" in found and orgs[1].sold_by and not orgs[0].sold_by)
        # "Intel said Nvidia would buy $5 billion of its shares": the second does the buying
        # (where the verb follows its doer: not 英伟达向Lightmatter投资, the object first).
        if receives or invests_in_anaphor(found, *orgs) or (
                doer_first and buyer_of(found, orgs) is orgs[1]):
            return orgs[1].name, orgs[0].name
        return orgs[0].name, orgs[1].name
    if len(orgs) < 2:
        return None
    if investor is None and marked_supplier(found, orgs, markers) \
            and not ("provider" in found and agents[0].type == "lab"):
        # 삼성전자는 엔비디아에 HBM3E를 공급한다: the marked doer supplies (or uses); a lab
        # supplies no one (오픈AI는 AMD와 … GPU 공급 계약을 맺었다: a contract with its supplier).
        other = next(o for o in orgs if o is not agents[0])
        return (agents[0].name, other.name) if "provider" in found \
            else (other.name, agents[0].name)
    buyer = buyer_of(found, orgs)
    # A company a word for buying from names sells ("采购自", "buy … from Microsoft"), and
    # so does, of two, one whose goods are named (さくらインターネットは…エヌビディアの最新
    # GPUを調達; of three, a brand: "Lambda struck a deal with Microsoft to deploy Nvidia
    # chips").
    ranked = sorted((o for o in orgs if o is not buyer), key=lambda o: (
        not (o.sold_by and o.type != "lab"),
        not (kind == "compute" and len(orgs) == 2 and branded(found, o, brand)),
        -provider_rank(o), o.start))
    source = investor or ranked[0]
    if source.type == "lab":
        # A lab sells no compute; partners have no direction (Humain … with xAI).
        return (orgs[0].name, orgs[1].name) if kind == "partnership" else None
    rest = [o for o in orgs if o.name != source.name]
    customers = [buyer] if buyer in rest else [o for o in rest if o.type == "lab"] or rest
    return source.name, customers[0].name


def amounts_into(money: list[dict], orgs: list[Org], found: dict[str, list[int]],
                 sentence: str, lang: str, sent_start: int) -> list[tuple[str, str]] | None:
    """Of an investment's several `money` amounts (the sentence starting at `sent_start` in
    its document), each put into a company of its own named right after it, across an
    investment word and a word for "in" (within `TIED` characters: ``Nvidia's $5 billion
    investment in Intel … and its pledge to invest up to $100 billion in OpenAI``, ``$5
    billion in Intel and $2 billion in Synopsys``): (investor, company) for each, the
    investor the one other company, named before the first amount. None unless every
    amount has its own (only a word of deals.toml ``into`` between: not ``$5 billion and
    Nvidia``); nor where the verb follows its object (ja, zh, ko)."""
    if len(money) < 2 or cues.found_anywhere(lang):
        return None
    invested = found.get("investment", ())
    words = cues.word_set(lang, "into")
    objects: list[Org] = []
    for a in money:
        end = a["end"] - sent_start
        word = next((p for p in invested if right_after(p, end)), None)
        if word is not None:
            end = cues.word_end(sentence, word)  # past "investment" in "$5 billion investment"
        obj = next((o for o in orgs if 0 <= o.start - end <= TIED
                    and sentence[end:o.start].strip().lower() in words), None)
        if obj is None or obj in objects:
            return None
        objects.append(obj)
    others = [o for o in orgs if o not in objects]
    if len(others) != 1 or others[0].start > money[0]["start"] - sent_start:
        return None
    return [(others[0].name, o.name) for o in objects]
