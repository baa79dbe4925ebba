"""Deal candidates: one sentence's companies, amounts, dates and cue words.

The rules, in order:

- Companies listed with a word for "and" before a last one each do the deal with it
  (`coordinated`: ``Samsung and SK Hynix will supply OpenAI``); one amount is theirs
  together, no one deal's, unless given for each (``$19 billion each``); a round or a
  purchase with one amount is not split (a consortium's first named leads it). So do
  companies listed after the first, a deal word between (`listed_after`: ``signed
  letters of intent with Samsung and SK Hynix``); two listed as investors, with none
  to invest in, invest in neither (`investors_listed`), unless they invest in compute:
  then they build it together (``Telekom und Nvidia investieren eine Milliarde Euro in
  KI-Fabrik``). Three or more, all one list right after a word for "with", deal with an
  unnamed subject, not among themselves (`listed_objects`).
- Companies: organisation names of the sentence (with the companies the names
  file does not know that the text marks as a deal's side, unknown.py), media
  and regulators left out; a cloud arm or a data-centre project counts as its parent (AWS →
  Amazon, Google Cloud → Google, Project Rainier → Amazon); a company named with
  its parent is one side (groups.py: ``Alphabet's Google`` is Google); a fund's
  data-centre company is its own (QTS, Blackstone's). A word for "the
  company" (deals.toml ``anaphor``) before the sentence's only name stands
  for the first company of the last sentence that named one, one naming a kind of
  company (``the startup``) for the first of that kind; so do one that money is put
  into and words for the two companies (anaphors.py). A chipmaker named as the brand
  of the goods (``Nvidia GPUs``) is no side in a sentence naming the deal before, nor
  beside a company named as their seller (`brand_of_goods`). A company after 向 and
  right before a customer word sells (zh, deals.toml ``toward``: `sellers_toward`); a
  particle after a short bracket behind a name marks it (``ソフトバンクグループ（SBG）が``).
  A deal word right before a word of deals.toml ``event_nouns`` names an event or a
  trade (``investment forum``, ``investment bank``: `without_events`).
- Kind: acquisition, or investment when shares were bought (``bought a $2
  billion stake in``, ``bought … Synopsys shares``; a stake over half, or a word for
  control, is an acquisition again, control.py: ``a 51% stake``); else investment (investment
  or funding words, and a company that is not a lab to invest), or funding (a
  lab raising money with no investor named); else compute (cloud, chips, data
  centres, a power figure or a chip family); else partnership. A share word
  with its price moving (``Le azioni di Oracle sono salite …``) is no
  investment word, nor is a deal word put aside (``In addition to the
  investment, … a partnership``). With no money, a power figure makes an
  investment compute (``AMD will supply OpenAI with 6 gigawatts …, and OpenAI could
  take a stake``). Money invested in compute built with a
  company (``… infrastructure, building data centers with Fluidstack``) or in a
  company's chips (``in Nvidia chips``) is compute, and so are a company's chips
  bought (``will buy Nvidia chips``, ``купит у Nvidia ускорители``, ``achètera des
  puces Nvidia``, ``Nvidia GB200 chips``, ``buy $5.8 billion of equipment from Dell``,
  ``l'acquisto di chip``; not a maker's trade, ``le fabricant de puces Graphcore``); money in a
  contract between a lab and a compute seller is compute, and so is a neocloud's
  contract with a customer, money or not; an investment's amount followed by a
  round word is that round (``… as part of a $2 billion funding round``). Half or less
  of a company bought is an investment (``acquires 49% of Scale AI``, control.py);
  money received from a company with no other kind named is its investment
  (``will receive another $4 billion from Google``, `received_from`), or from a lab
  to a compute seller its payment for compute (``Oracle won $30 billion from OpenAI``).
  One company investing its own money raises no round (`invests_itself`: ``OpenAI
  plans to invest $1.4 trillion``), nor one building compute with its investment
  (``abrirá un nuevo centro de datos … con una inversión de 100 millones``); with no
  money, a stake taken told before a round word is an investment (``a pris une
  participation dans Mistral AI lors de la dernière levée de fonds``); money nearest a
  licence is the licence's; buying
  anything from the only other company is no acquisition of it; a company's
  shareholders (deals.toml ``owners``) are no investment word (`without_owners`).
- Evidence needed: a money amount, a power figure or a chip count that belongs
  to the deal, or — with exactly two companies — a status word (talks,
  announced, completed, planned), an acquisition told in the past (deals.toml
  ``acquired_past``: ``AMD acquired ZT Systems``) or, for compute, a supply or use word whose
  doer a particle marks (``SK하이닉스는 엔비디아에 HBM4를 공급한다``), goods bought from a
  company told in the past (``Яндекс закупил у Nvidia …``), compute built together
  (`built_together`, deals.toml ``builds``), or a use word with the other's goods named
  as its own (``KDDIは…米エヌビディアのGPUを採用する``, `branded`); a round told done
  with a word for raising (``月之暗面完成新一轮融资``), not by the company raising as
  its teller. Compute without
  money also needs a contract word (partnership, customer, provider; or chips sold:
  ``would sell 18,000 Blackwell chips to Humain``) or two
  companies in talks, or a compute seller and its customer agreeing on a power figure,
  so a company's own data-centre plans next to another's
  name make no deal; a partnership needs money or an
  announced/completed word. An investment between two companies neither of
  which is a lab needs them to be the only two named. Companies merely named together, or
  named as competitors, make no deal, nor does a denied report (deals.toml ``denied``),
  nor a stake sold (deals.toml ``sale``, or a
  word for selling before the first investment word: ``sold $2 billion of bonds to
  investors``), unless to a named buyer: then it is the buyer's (sales.py: ``sold a
  stake in Altera to Blackstone`` is Blackstone investing in Altera).
- Amounts: a money amount whose nearest cue word before it is valuation,
  revenue or spending, or that one follows right after (``a $183 billion
  valuation``), is not the deal's amount. With several amounts and several
  investors (``Nvidia … $10B, Microsoft … $5B``) each amount goes to the
  nearest company named before it, or with a "respectively" word to the
  investor in the same place of the order named. Between two companies, an
  investment's larger amount tied to neither is a wider commitment, not the
  investment (`without_wider`: ``$15.2 billion in the UAE, including $1.5 billion in
  G42``); of compute, a whole told before a part naming the seller is the buyer's
  spending (`without_whole`, deals.toml ``part_of``), and so is money spent on a
  spending word before the seller (``$120 billion on capital expenditures``). A
  valuation word in the passive right after a deal's noun tells the deal's worth
  (`without_deal_value`: ``in a deal valued at more than $10 billion``). Of one pair, an
  amount and a larger one after a word for rising to are one deal, up to that ceiling
  (`with_ceilings`: ``$10 billion … up to a total of $100 billion``); an amount after a
  round word is the round's (`round_before`: ``a funding round worth $20 billion``).
- Direction: investment and funding go to the lab (or the company after the
  investor; between two companies neither a lab, the first unless a "receives"
  word stands between them: ``Intel received … from SoftBank``, or the second
  invests in "the company": ``… after Nvidia announced a $5 billion investment
  in the chipmaker``); a chip or cloud company named alone raises a round only
  with a funding or receiving word, and a round's source is its lead (rounds.py:
  ``led by Iconiq``; else the one backer named, not one ``including`` names, nor one giving
  a part of the round, which is its investment: ``raising $20 billion, including up to $2
  billion from Nvidia``, `parts_given`); compute goes
  from the provider (the one named closest to the amount; of two, the one whose goods
  are named as its own, ``エヌビディアの最新GPU``, `branded`; else data
  centre/cloud (a big tech company selling cloud under its own name too,
  deals.toml ``cloud_sellers``) > chips > big tech > investor) to the customer
  (the company a customer, spending or investing word follows right after, words
  of when or whether aside: ``Oracle will buy … Nvidia chips for OpenAI``, ``Oracle
  plans to invest …``; of two, the one a word for "for" names after such a word,
  ``Lambda will deploy … GPUs for Microsoft``, deals.toml ``customer_for``; else a lab);
  an acquisition from the company marked as the doer (Japanese が) or named after
  the passive's words (passive.py: ``acquired by SoftBank``), else from the first
  named company to the second.
- Money below 100,000 (a share price) is no deal amount.
- ``total`` and ``tranche`` words near an amount mark it as a running total
  or a part payment, which merging does not count as a new deal; a total word that
  leads to its amount (deals.toml ``total_before``: ``bringing the total … to``) marks
  the amount after it (`role_at`).
- Next sentences: figures in a sentence naming no other company continue the deal
  before (`continuation`; chip or compute words with no money after an investment
  are the same companies' compute deal; a larger amount it may rise to is its
  ceiling, `ceiling`; not after a word for "separately"; chips with a figure after a
  partnership make it compute), a lead named with no figure after a round without one
  leads it (`led_before`), and companies taking part in that round are its backers, one
  with money its investor (`joined_round`). A sentence naming the
  deal before (``As part of the deal``) and its two companies has its status. A
  clause set off after the subject is read apart (clauses.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, partial
from itertools import pairwise

from ..lexicon import org_types
from . import control, cues, groups, passive, rivals, rounds, sales
from .cues import GOODS

CONTRACT_CUES = ("partnership", "licensing", "customer", "provider")
FIGURE_CUES = ("valuation", "revenue", "spending")
AMOUNT_CUES = ("investment", "compute", "chips", "acquisition", "funding", "partnership",
               "licensing", *FIGURE_CUES)
# Who provides to whom when neither side is a lab: data-centre landlords lease to
# clouds (TeraWulf → Fluidstack, IREN → Microsoft), neoclouds rent to hyperscalers
# (Nebius → Microsoft), chipmakers sell to hyperscalers (Nvidia → Microsoft), and
# hyperscalers to the rest of big tech (Google → Meta).
PROVIDER_RANK = {"datacenter": 7, "cloud": 6, "chips": 5, "hyperscaler": 4, "bigtech": 3,
                 "other": 2, "investor": 1, "lab": 0}
NOT_PARTIES = {"media", "regulator"}
STATUSES = ("talks", "completed", "announced", "planned")
# Smaller sums are prices per share or per unit, not deals ($23.28 a share).
MIN_DEAL = 1e5
# How far after a share word its price moving is looked for (`without_price_talk`).
PRICE_TALK = 48
# How far after "in addition to" the deal word it puts aside may start (`set_aside`).
ASIDE = 24
# How far after an investment word "the company" it invests in may start
# (`invests_in_anaphor`), and after a word for buying the company bought (`bought_after`).
OBJECT = 48
# How far after a chip or compute word the company it names may start (`goods_of`).
OF = 8
# How long a bracket right after a name may be, its particle after it (`_particle_at`).
BRACKET = 24
# How far after a company's brand mark its goods' word may start (`branded`): "Nvidia's
# latest Blackwell chips".
BRAND = 24
# How far before an amount a funding word makes it the round's (`round_before`): "in a
# funding round worth".
ROUND = 40
# How far after a round's part its giver may start (`parts_given`): "in equity from".
GIVER = 24
# How far before a company its alongside word ("with") may start (`built_with`).
WITH = 24
# How far before a company a word for "with" makes it the one dealt with (`buyer_of`):
# "with", "together with", "jointly with".
WITH_WORD = 16
# How far before a company a word for its shareholders may end (`without_owners`):
# "Shareholders of Core Scientific", "Akcjonariusze Core Scientific".
OWNERS = 5
# How far before an amount a valuation word makes it a value (`figure_of`).
VALUES = 40
# How far a company's verb (`cues.doer_gap`) or the words before it (`cues.goods_start`)
# are looked for.
GAP = 32
# How far from a company an amount may stand and still be tied to it (`tied_to_company`):
# after, a word for "in"; before (ja, zh, ko), a particle or a two-character verb.
TIED, TIED_BEFORE = 7, 3
# How far before the part of a whole its word for "of which" may end (`without_whole`):
# "其中约", "including up to".
PART = 10
# How far into a sentence a total word opens it, its amounts all totals (`role_of`).
OPENS = 2
# A word from where it starts (the receives word of `received_from`).
_WORD_AT = re.compile(r"\w+")
# What may list companies before the word for "and" ("Cisco, Nvidia and Microsoft").
LIST_MARKS = ",、，"
# How far from an amount a word for rising to makes it a deal's ceiling (`ceiling`).
RISES = 24
# How far before a chip or compute word a maker noun makes it a trade, not goods bought
# (``le fabricant de puces Graphcore``: `goods_named_before`).
MAKER = 24
# How far before a company its word for buying from may start (`Org.sold_by`).
SELLER = 12
# How far after a customer word a company it names may start (`buyer_of`).
APPOSITION = 16
# In a compute deal, the words whose doer buys (`buyer_of`).
BUYER_CUES = ("customer", "investment", "spending", "acquisition")
KIND_CUES = ("investment", "compute", "chips", "acquisition", "partnership", "licensing",
             "funding")
# The kinds a sentence naming no other company may go on with (`continuation`): not a
# company bought, which needs the company.
CONTINUED_CUES = tuple(c for c in KIND_CUES if c != "acquisition")


@dataclass
class Org:
    name: str
    type: str
    start: int  # offset within the sentence
    after: str = ""  # the text right after the name (for particles such as が)
    end: int = -1  # where the name ends within the sentence
    verb: int = -1  # where its own verb may start: after "will", "plans to" (`cues.doer_gap`)
    head: int = -1  # where "chips de" before it starts (`cues.goods_start`), else `start`
    sold_by: bool = False  # a word for buying from right before it: "kauft bei AMD"
    served: bool = False  # a word for "for" right before it: "… GPUs for Microsoft"

    def named_at(self, sentence: str, start: int, end: int) -> Org:
        """This company as the words at `start`..`end` of `sentence` name it (an anaphor,
        a pronoun): its place is theirs, the two characters after them its particle's."""
        return Org(self.name, self.type, start, sentence[end:end + 2], end)


@dataclass(slots=True)
class Candidate:
    doc: int
    sid: int
    kind: str
    source: str | None
    target: str
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    power_w: float | None = None
    chips: float | None = None
    chip: str | None = None
    status: str | None = None
    role: str = "deal"  # deal | total | tranche
    at: int | None = None  # where the amount starts in the document
    backers: tuple[str, ...] = ()  # a round's backers named, the lead among them (rounds.py)


# A language's brand marks and how far after one its goods' word may start (`brand_of`).
Brand = tuple[tuple[str, ...], int]

# A name as `parties` reads it: these columns of a row of `Corpus.mentions`, in this
# order, then its sentence id (plain tuples: an 8 MB batch has some 80,000 names, and
# making a dict of each took twice as long as the tuples).
NAME_COLUMNS = ("doc", "start", "end", "name", "kind", "role", "parent")
Name = tuple[int, int, int, str, str, str | None, str | None, int]


def parties(names: list[Name], types: dict[str, str], sentence: str = "",
            sentence_start: int = 0, lang: str = "") -> list[Org]:
    """The companies of a sentence, each once, in order of first mention; `names` in
    document offsets, the sentence starting at `sentence_start` (an Org's start is
    within the sentence, and its `after`, `verb` and `head` read from `sentence` in
    `lang`'s words). A company and its parent named together are one side
    (`groups.one_side`)."""
    out: list[Org] = []
    seen: set[str] = set()
    parents: dict[str, str | None] = {}
    for _doc, start, end, name, kind, role, parent, _sid in names:
        if kind != "org" or role in NOT_PARTIES:
            continue
        if role in ("cloud", "datacenter") and parent and org_types().get(parent) != "investor":
            name = parent  # a cloud arm is its parent; a fund's data-centre company (QTS) not
        if name not in seen:
            seen.add(name)
            parents[name] = parent if parent != name else None  # a cloud arm is its parent
            rel, rel_end = start - sentence_start, end - sentence_start
            gap = cues.doer_gap(lang).match(sentence, rel_end, rel_end + GAP) if lang else None
            head = cues.goods_start(sentence, rel, lang, GAP) if lang else rel
            sold_by = bool(lang) and cues.word_before(lang, "seller_of").search(
                sentence, max(0, rel - SELLER), rel) is not None
            after = sentence[rel_end:rel_end + 2]
            if after[:1] in ("(", "（"):
                after = _particle_at(sentence, rel_end)
            out.append(Org(name, types.get(name, role or "other"), rel, after, rel_end,
                           gap.end() if gap else rel_end, head, sold_by))
    if len(out) > 1 and lang:
        # A customer is read from a word for "for" between two companies (`buyer_of`; a
        # third may be dropped later, a brand).
        served = cues.word_before(lang, "customer_for")
        out = [replace(o, served=True) if served.search(sentence, max(0, o.start - SELLER),
                                                        o.start) else o for o in out]
    return groups.one_side(out, parents, sentence, lang) if len(out) > 1 else out


def _particle_at(sentence: str, end: int) -> str:
    """The two characters after a name ending at `end`, past a short bracket right after
    it (``아마존웹서비스(AWS)와``, ``ソフトバンクグループ（SBG）が``): where a particle stands."""
    if sentence[end:end + 1] in ("(", "（"):
        close = next((i for i in range(end + 1, min(len(sentence), end + BRACKET))
                      if sentence[i] in ")）"), None)
        if close is not None:
            end = close + 1
    return sentence[end:end + 2]


def right_after(p: int, e: int) -> bool:
    """Does a word at `p` follow right after what ends at `e` (a space, a sign between)?"""
    return e <= p <= e + 2


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
               orgs: list[Org], start: int, end: int) -> bool:
    """Is the amount at `start`..`end`, the `figure` (valuation, revenue, spending)
    or none that `figure_of` says it is, the money of a deal of `kind`? A figure is,
    when it is money spent on a named provider or the value of an acquisition."""
    if figure is None:
        return True
    if figure == "spending" and kind == "compute":
        return bought_from(found, orgs, end)
    if figure == "valuation" and kind == "acquisition":
        return priced(found, start)
    return False


def first_after(orgs: list[Org], end: int) -> Org | None:
    """The company named first at or after `end` (an amount's end), if any."""
    return next((o for o in orgs if o.start >= end), None)


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


def role_at(found: dict[str, list[int]], spans: list[tuple[int, int]], i: int,
            leading: list[int]) -> str:
    """`role_of` the `i`-th of a sentence's money `spans`, where a total word leading
    to its amount (`leading`: deals.toml ``total_before``, ``bringing the total … to``)
    goes with the next amount after it, however far: ``by up to $6.5 billion,
    bringing the total value of their contracts to about $22.4 billion``."""
    start, end = spans[i]
    before = spans[i - 1][1] if i else -1
    if any(before < p < start for p in leading):
        return "total"
    after = spans[i + 1][0] if i + 1 < len(spans) else None
    led = {(p, "total") for p in leading if after is not None and end <= p < after}
    return role_of(without(found, led), start, end)


def kind_of(found: dict[str, list[int]], orgs: list[Org], has_power: bool,
            has_chip: bool, money_at: int | None = None,
            money_end: int | None = None, sentence: str = "", lang: str = "") -> str | None:
    """The kind of a sentence's deal; `money_at`..`money_end`: its first money amount,
    whose cue is the one right after it (``the $9 billion takeover``), else the
    nearest; `sentence` in `lang`, to read what is bought (`bought_goods`)."""
    nearest = None
    if money_at is not None and money_end is not None:
        nearest = cue_after(found, money_end) or nearest_cue(found, money_at)
    if "licensing" in found and nearest in ("licensing", "partnership"):
        # "licensed its technology in a $2.4 billion deal, after OpenAI's planned
        # acquisition of the startup fell apart": the money's deal is the licence.
        return "partnership"
    if "acquisition" in found and len(orgs) >= 2:
        if bought_shares(found, orgs, money_at, money_end):
            return "investment"
        if (money_end is not None and goods_of(found, orgs, money_end)) \
                or bought_goods(found, orgs, has_chip, sentence, lang) \
                or amount_bought_from(found, orgs, money_at):
            return "compute"  # "agreed to buy $40 billion of Nvidia chips": not Nvidia
        # Buying compute from Oracle, or shares of Intel, is no acquisition; nor is buying
        # anything from the only other company (``buying power from Constellation Energy``).
        if orgs[1].type not in ("bigtech", "cloud") and not all(o.sold_by for o in orgs[1:]) \
                and ("investment" not in found or nearest == "acquisition"):
            return "acquisition"
    # A round, unless the money is invested: "invest $1 billion in Poolside as part of
    # a $2 billion funding round".
    # With no money, a stake taken told before the round is the deal: "Nvidia a pris une
    # participation dans Mistral AI lors de la dernière levée de fonds".
    staked = money_at is None and len(orgs) >= 2 and "investment" in found \
        and "funding" in found and min(found["investment"]) < min(found["funding"])
    if "funding" in found and not ((nearest == "investment" or staked) and len(orgs) >= 2):
        return "funding"
    if "investment" in found:
        if len(orgs) >= 2 and any(o.type != "lab" for o in orgs):
            if money_end is not None and (built_with(found, orgs, money_end)
                                          or goods_of(found, orgs, money_end)):
                return "compute"
            return "investment"
        if len(orgs) == 1 and (invests_itself(sentence, lang, found, orgs[0]) or (
                "funding" not in found and "compute" in found
                and cues.says(sentence, lang, "builds"))):
            # "OpenAI plans to invest $1.4 trillion in computing", "Telefónica Tech abrirá un
            # nuevo centro de datos … con una inversión de 100 millones": its own, no round.
            return None
        return "funding"
    if "licensing" in found:
        return "partnership"  # a licence to chips or to a cloud company's technology too
    if "partnership" in found and any(o.type == "investor" for o in orgs):
        return "partnership"  # "joined BlackRock's … AI infrastructure partnership": no buyer
    if has_goods_word(found) or has_power or has_chip:
        return "compute"
    # "Apple is paying Google about $1 billion a year": paid money is a contract.
    if "partnership" in found or ("pays" in found and money_at is not None):
        # "its $300 billion contract with OpenAI" (Oracle's); a neocloud's agreement with
        # a customer is compute with its figures still to come ("CoreWeave signed an
        # expanded agreement with Meta. The deal is worth up to $14.2 billion …").
        # Not a cloud's with a chipmaker, which sells it chips or rents from it: with no
        # figure, partners (腾讯云与英伟达签署合作协议).
        if sells_compute_to(orgs) and (money_at is not None or (
                any(o.type in ("cloud", "datacenter") for o in orgs)
                and all(o.type != "chips" for o in orgs))):
            return "compute"
        return "partnership"
    return None


def invests_itself(sentence: str, lang: str, found: dict[str, list[int]], org: Org) -> bool:
    """Is the sentence's one company the doer of its investment word, its own verb
    (``OpenAI invested``, ``Anthropic will invest``) or one after a word of
    ``doer_then`` with the company before (``The Stargate venture plans to invest``)?
    Then it spends; it raises no round. Not where the verb follows its object (ja,
    zh, ko), nor with a word for receiving (``OpenAI received a … investment``)."""
    if not lang or cues.found_anywhere(lang) or "receives" in found:
        return False
    invested = found.get("investment", ())
    if any(org.verb <= p <= org.verb + 1 for p in invested):
        return True
    # The words of when or whether end right before the word (read from at most `GAP`
    # characters before it, not from the company on).
    gap = cues.doer_gap(lang)
    return any(org.end <= m.start() and p - 1 <= m.end() <= p
               for p in invested if p > org.end
               for m in gap.finditer(sentence, max(org.end, p - GAP), p))


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


def built_together(sentence: str, lang: str, found: dict[str, list[int]],
                   orgs: list[Org]) -> bool:
    """Do a sentence's two companies build compute together: a word for building or
    opening (deals.toml ``builds``) and a compute word, the second company within `WITH`
    characters after a word of ``alongside`` (``Mistral AI va construire un centre de
    données en Essonne avec Nvidia``; in ja, zh and ko the word for "and" right after it,
    ``NTTは米エヌビディアと提携し、…建設する``) or the two listed with only a word for
    "and" between them before the building word (``Deutsche Telekom und Nvidia eröffnen
    … ein KI-Rechenzentrum``)?"""
    if len(orgs) != 2 or "compute" not in found:
        return False
    a, b = orgs
    with_second = any(a.end <= p < b.start <= p + WITH for p in found.get("alongside", ()))
    listed = joined_by_and(sentence, lang, a, b)
    # ja, zh, ko: "with" follows the company (NTTは米エヌビディアと提携し、…建設する).
    marked = cues.found_anywhere(lang) \
        and any(b.after.startswith(w) for w in cues.word_set(lang, "coordinated"))
    if not (with_second or listed or marked) or not cues.says(sentence, lang, "builds"):
        return False  # the words looked for last: most sentences have none
    built = cues.words_found(lang, "builds").search(sentence)
    return built is not None and (with_second or ((listed or marked) and b.end <= built.start()))


def goods_of(found: dict[str, list[int]], orgs: list[Org], end: int) -> bool:
    """Is the money invested (an amount ending at `end`) spent on a company's chips or
    compute rather than put into the company? ``zainwestuje 40 mld dolarów w chipy
    Nvidii``, ``will invest $40 billion in Nvidia chips`` are: the company named next
    after the amount follows a compute or chip word at once (within `OF` characters,
    so not ``in cloud startup Lambda``) or through a word for "of" (``en chips de
    Nvidia``, ``in processori grafici di Nvidia``: `Org.head`), or has one right after
    its name."""
    after = next_company(found, orgs, end)
    if after is None:
        return False
    nxt, first = after
    if has_goods(found, nxt):
        return True
    # "in chipy Nvidii" (at once), "en chips de Nvidia" (a word for "of" between).
    return first is not None and first[1] in GOODS \
        and (nxt.start <= first[0] + OF or nxt.head <= first[0])


def sold_first(found: dict[str, list[int]], lang: str) -> bool:
    """Does a word for selling come before the first investment word? ``sold its entire
    Nvidia stake``, ``sold $2 billion of bonds to investors``: money raised by selling,
    no one's investment (sold to no company named: `sales.sold_to`). Where the thing
    sold is named before the word (deals.toml ``sold_named_before``: ``エヌビディア株を
    …売却``, ``엔비디아 지분 전량을 … 매각``), after it too."""
    if "sells" not in found or "investment" not in found:
        return False
    return min(found["sells"]) < min(found["investment"]) \
        or cues.own_flag(lang, "sold_named_before")


def has_goods_word(found: dict[str, list[int]]) -> bool:
    """Does the sentence name goods: a chip or compute word?"""
    return any(c in found for c in GOODS)


def has_goods(found: dict[str, list[int]], org: Org) -> bool:
    """Does a chip or compute word follow right after the company's name (``Nvidia
    chips``, ``Nvidia ускорители``)?"""
    return any(right_after(p, org.end) for p in cues.positions(found, *GOODS))


def brand_len(org: Org, brand: Brand) -> int:
    """How long the brand mark right after the company is (``Nvidia's GB300``), else 0."""
    return next((len(m) for m in brand[0] if org.after.startswith(m)), 0)


@cache
def brand_of(lang: str) -> Brand:
    """`lang`'s deals.toml ``brand_mark`` and how far after it the goods' word may start:
    `BRAND` characters, or `OF` where words are not spaced (ja, zh, ko), so that not a
    clause on (``英伟达的优势不仅在于 AI 芯片的性能`` names no goods bought)."""
    return cues.words_of_own(lang, "brand_mark"), OF if cues.found_anywhere(lang) else BRAND


def branded(found: dict[str, list[int]], org: Org, brand: Brand) -> bool:
    """Are the goods named the company's own, told with a mark of deals.toml
    ``brand_mark`` right after its name and a chip or compute word a few words on
    (``エヌビディアの最新GPU``, ``Nvidia's latest chips``; `brand_of`)?"""
    marks, reach = brand
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
    brand = brand_of(lang) if lang else ((), 0)
    return has_goods(found, after) or branded(found, after, brand) \
        or any(after.head <= p < after.start for p in goods) \
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


def brand_of_goods(sentence: str, found: dict[str, list[int]], org: Org) -> bool:
    """Is `org` a chipmaker named right before its goods, their brand (``Nvidia GPUs``,
    ``Nvidia GB300 chips``)?"""
    if org.type != "chips":
        return False
    at = cues.skip_spaces(sentence, org.end)
    return at in cues.positions(found, *GOODS) or cues.chip_named_at(sentence, org.end)


def sells_compute_to(orgs: list[Org]) -> bool:
    """Are two companies one that sells compute and its likely customer: a lab and a
    data-centre or cloud company, a chipmaker or a cloud-selling big tech; or a
    data-centre or cloud company (CoreWeave, Nebius) and any company but an investor
    (``CoreWeave expanded its agreement with Meta in a deal worth up to $14.2
    billion``). Money between them is paid for compute, though only a contract is
    named."""
    if len(orgs) != 2:
        return False
    if any(o.type == "lab" for o in orgs):
        return any(provider_rank(o) >= PROVIDER_RANK["hyperscaler"] for o in orgs)
    clouds = [o for o in orgs if o.type in ("cloud", "datacenter")]
    return len(clouds) == 1 and all(o.type != "investor" for o in orgs)


def bought_shares(found: dict[str, list[int]], orgs: list[Org], money_at: int | None = None,
                  money_end: int | None = None) -> bool:
    """Did the acquisition word buy shares, not the company? ``bought $2 billion of
    Synopsys shares`` did: a share word after the acquisition word, before or right
    after a company bought; with no company after the word, a share word within
    `ASIDE` characters of it, or of the amount right after it (``купив акции
    компании``, ``would buy $5 billion of its shares``). (``bought a $2 billion
    stake``: the amount's cue decides.)"""
    bought = min(found["acquisition"])
    after = [o for o in orgs[1:] if o.start > bought]
    if not after:  # "Nvidia инвестирует в Intel …, купив акции компании"
        reach = money_end if money_at is not None and money_end is not None \
            and bought < money_at <= bought + APPOSITION else bought
        return any(bought < p <= reach + ASIDE for p in found.get("shares", ()))
    return any(bought < p and (p < o.start or right_after(p, o.end))
               for p in found.get("shares", ()) for o in after)


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


def without_events(found: dict[str, list[int]], sentence: str,
                   lang: str) -> dict[str, list[int]]:
    """`found` less the deal words right before a word of deals.toml ``event_nouns``:
    ``at a US-Saudi investment forum``, ``investment bank``, no deal of the sentence's."""
    events = cues.words_found(lang, "event_nouns")
    return without(found, {(p, c) for c in KIND_CUES for p in found.get(c, ())
                           if events.match(sentence, cues.skip_spaces(
                               sentence, cues.word_end(sentence, p)))})


def without_brands(sentence: str, lang: str, found: dict[str, list[int]], orgs: list[Org],
                   previous: Candidate | None) -> list[Org]:
    """`orgs` less the chipmakers named as the brand of the goods (`brand_of_goods`),
    which are no side: in a sentence naming the deal before, unless one of its sides
    (``… a $38 billion deal with Amazon Web Services. The seven-year agreement gives
    OpenAI access to … Nvidia GPUs``); and of three companies or more, when another is
    named as the goods' seller (``Oracle will deliver 400,000 Nvidia GB200 chips to
    OpenAI``, ``… Nvidia GB300 chips from Nebius``; not in ``Oracle will buy … Nvidia chips
    for OpenAI``, where Nvidia sells). Cheap tests first: most sentences name no brand."""
    if previous is not None and len(orgs) > 1 \
            and any(o.type == "chips" and o.name not in (previous.source, previous.target)
                    for o in orgs) \
            and (cues.deal_named_first(sentence, lang)
                 or cues.says(sentence, lang, "deal_reference")):
        orgs = [o for o in orgs if o.name in (previous.source, previous.target)
                or not brand_of_goods(sentence, found, o)]
    if len(orgs) > 2 and ("provider" in found or any(o.sold_by for o in orgs)):
        unbranded = [o for o in orgs if not brand_of_goods(sentence, found, o)]
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


def without(found: dict[str, list[int]], dropped: set[tuple[int, str]]) -> dict[str, list[int]]:
    """`found` less the cues `dropped` ((offset, category) pairs), a category left with
    none gone."""
    if not dropped:
        return found
    out = {c: [p for p in at if (p, c) not in dropped] for c, at in found.items()}
    return {c: at for c, at in out.items() if at}


def buyer_of(found: dict[str, list[int]], orgs: list[Org]) -> Org | None:
    """The company a customer word (or one of spending or investing: `BUYER_CUES`)
    follows right after, its doer: ``Oracle will buy $40 billion of Nvidia chips for
    OpenAI`` (Oracle buys, though OpenAI is the lab); ``Oracle zainwestuje 40 mld
    dolarów w chipy Nvidii dla … OpenAI``. Words of when or whether may stand between
    (``Oracle will spend``, ``Oracle planuje zainwestować``: `Org.verb`); the word may
    start among them (``has agreed to buy``, whose cue is ``agreed to buy``).
    Not when another company follows the word within `APPOSITION` characters: in
    ``CoreWeave client Microsoft`` the word names Microsoft; unless that company's
    goods are named after it (``Oracle will buy Nvidia chips``); nor when a word for
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
        if any(p < o.start <= p + WITH_WORD for p in found.get("alongside", ())):
            continue  # "signed a deal with Oracle to use its cloud": the deal's purpose
        for p in cues.positions(found, *BUYER_CUES):
            if o.end <= p <= o.verb + 2 and not any(
                    p < o2.start <= p + APPOSITION and o2 is not o
                    and not has_goods(found, o2) for o2 in orgs):
                return o
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


def joined_by_and(sentence: str, lang: str, a: Org, b: Org) -> bool:
    """Does only a word for "and" (deals.toml ``coordinated``) stand between `a` and `b`?"""
    return a.end <= b.start \
        and sentence[a.end:b.start].strip().lower() in cues.word_set(lang, "coordinated")


def in_list(sentence: str, lang: str, run: list[Org], and_last: bool, mark_last: bool) -> bool:
    """Are the companies `run` listed one after the other: one list mark (`LIST_MARKS`)
    between each two but the last two, and between those a word for "and" (deals.toml
    ``coordinated``, after a mark or not: ``Cisco, Nvidia and Microsoft``) where
    `and_last`, or one mark where `mark_last` (ja, zh and ko put their "and" after the
    last: ``삼성전자, SK하이닉스와``)?"""
    words = cues.word_set(lang, "coordinated")
    for i, (a, b) in enumerate(pairwise(run)):
        if b.start < a.end:
            return False
        between = sentence[a.end:b.start].strip().lower()
        mark = len(between) == 1 and between in LIST_MARKS
        if i < len(run) - 2:
            if not mark:
                return False
        elif not ((and_last and between.lstrip(LIST_MARKS).strip() in words)
                  or (mark_last and mark)):
            return False
    return True


def sellers_toward(sentence: str, lang: str, found: dict[str, list[int]],
                   orgs: list[Org]) -> list[Org]:
    """`orgs`, a company after a word of deals.toml ``toward`` and right before a customer
    word marked as the seller (`Org.sold_by`): ``腾讯已向英伟达订购大量H20芯片``, Nvidia
    sells; not the doer of the word, as it is where the doer comes right before its verb."""
    before = cues.word_before(lang, "toward")
    return [replace(o, sold_by=True)
            if any(right_after(p, o.end) for p in found["customer"])
            and before.search(sentence, max(0, o.start - SELLER), o.start) else o
            for o in orgs]


def listed_objects(sentence: str, lang: str, found: dict[str, list[int]],
                   orgs: list[Org]) -> bool:
    """Are all of a sentence's companies, three or more, one list right after a word of
    deals.toml ``alongside`` (``contracts with OpenAI, xAI and Meta``)? Each has its
    deal with the sentence's subject, not with the others; with the subject unnamed (``The
    database giant``, no anaphor read), no deal is told."""
    return len(orgs) >= 3 and any(
        p < orgs[0].start <= p + WITH_WORD for p in found.get("alongside", ())) \
        and in_list(sentence, lang, orgs, and_last=True, mark_last=False)


def coordinated(sentence: str, lang: str, orgs: list[Org], amounts: list[dict],
                found: dict[str, list[int]]) -> list[list[Org]] | None:
    """Companies listed before a last one, joined by commas and a word for "and"
    (deals.toml ``coordinated``), or after a first one (`listed_after`): each with the
    last (or first), the ones before taking the last listed one's particle and verb
    (``삼성전자와 SK하이닉스는 오픈AI에 … 공급``, ``Cisco, Nvidia and Microsoft joined
    BlackRock's … partnership``); else None. Not with more
    than one money amount: those are each company's own (``… $10 billion and $5 billion
    respectively``); nor with one for a round or a purchase (`found`'s cues), which has
    many backers or buyers, a consortium's first named its lead (``BlackRock, Nvidia and
    MGX agreed to buy Aligned Data Centers for $40 billion``)."""
    money = sum(a["kind"] == "money" for a in amounts)
    if len(orgs) < 3 or money > 1 or (money and ("funding" in found or "acquisition" in found)):
        return None
    # A round's backers listed after its lead are no deals of the lead's ("Greenoaks led
    # the round, and Alphabet and Nvidia also invested").
    after = listed_after(sentence, lang, orgs, found) if "funding" not in found else None
    if after is not None:
        return after
    *listed, last = orgs
    if not in_list(sentence, lang, listed, and_last=True, mark_last=False):
        return None
    if not listed[-1].end <= last.start:
        return None
    doer = listed[-1]
    return [[replace(o, after=doer.after, verb=doer.verb), last] for o in listed[:-1]] \
        + [[doer, last]]


def investors_listed(sentence: str, lang: str, orgs: list[Org], names: list[Name],
                     found: dict[str, list[int]]) -> bool:
    """Are a sentence's two companies, each named once, listed together with only a
    word for "and" between them (deals.toml ``coordinated``) and no investment word
    before them: both investing, neither the other's investee (``Nscale e Aker, che
    investiranno circa 1 miliardo di dollari``)? Not when either is named again (``Nvidia
    and Intel said Nvidia will invest …``), nor when the two announce or discuss the
    investment (``Nvidia and Intel announced a $5 billion investment``: the first
    named is the investor, as news tells it)."""
    if len(orgs) != 2 or sum(n[4] == "org" for n in names) != 2:
        return False
    a, b = orgs
    invested = [p for p in found.get("investment", ()) if p > b.end]
    told = cues.positions(found, "announced", "talks")
    return bool(invested) and joined_by_and(sentence, lang, a, b) \
        and not any(p < a.start for p in found.get("investment", ())) \
        and not any(b.end <= p < invested[0] for p in told)


def listed_after(sentence: str, lang: str, orgs: list[Org],
                 found: dict[str, list[int]]) -> list[list[Org]] | None:
    """The first company with each of those listed after it, joined by commas and a
    word for "and" (``OpenAI signed letters of intent with Samsung and SK Hynix``): a
    deal word between the first and the list; in ja, zh and ko, whose verb comes last,
    the first marked as the doer and the list closed by the word for "and" as a
    particle (``오픈AI는 삼성전자, SK하이닉스와 … 의향서를 체결했다``). Else None."""
    doer, *listed = orgs
    anywhere = cues.found_anywhere(lang)
    if not in_list(sentence, lang, listed, and_last=not anywhere, mark_last=True):
        return None
    if anywhere:
        doers = cues.markers(lang)[0] + cues.words_of_own(lang, "topic_marker")
        if not doer.after.startswith(doers) or not any(
                listed[-1].after.startswith(w) for w in cues.word_set(lang, "coordinated")):
            return None
    elif not any(doer.end <= p < listed[0].start for c in KIND_CUES for p in found.get(c, ())):
        return None
    return [[doer, o] for o in listed]


def marked_doers(orgs: list[Org], markers: tuple[tuple[str, ...], tuple[str, ...]]) -> list[Org]:
    """The companies a particle marks as the doer (`cues.markers`: が, 는 …)."""
    return [o for o in orgs if markers[0] and o.after.startswith(markers[0])]


def marked_supplier(found: dict[str, list[int]], orgs: list[Org],
                    markers: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Do two companies, one marked as the doer (Korean 는, Japanese が), stand with a
    supply word or a use word, not both (as `direction` reads them)?"""
    agents = marked_doers(orgs, markers)
    return len(orgs) == 2 and len(agents) == 1 and ("provider" in found) != ("customer" in found)


def provider_type(org: Org) -> str:
    """The type a compute deal ranks a company by: big tech selling cloud as a hyperscaler."""
    return "hyperscaler" if org.type == "bigtech" and org.name in cues.cloud_sellers() \
        else org.type


def provider_rank(org: Org) -> int:
    """How likely a company is to be the provider of a compute deal (PROVIDER_RANK)."""
    return PROVIDER_RANK.get(provider_type(org), 2)


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
              brand: Brand = ((), 0)) -> tuple[str | None, str] | None:
    """(source, target) of a deal of `kind` between `orgs`; `found`: the sentence's
    cues, for a "receives" word between the first two companies (the first takes
    the investment) and the provider and customer words of compute; `lead`: a
    round's lead among the companies, given the one raising (`rounds.lead`); `near`:
    of several labs, the one invested in (`nearest_lab`); `doer_first`: the language
    names a verb's doer right before it (not ja, zh or ko); `brand`: the
    language's `brand_of` (`branded`: the goods' maker sells them)."""
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
        raising = [o for o in orgs if o.type in ("lab", "other")]
        if not raising:
            # A neocloud or chip startup raises rounds too (Nscale, Cerebras): when it
            # is the one such company named.
            # Not from investing words alone: "Nvidia is in talks to invest up to $500
            # million in Wayve" (a company not known by name) is Nvidia investing.
            startups = [o for o in orgs if o.type in ("cloud", "datacenter", "chips")]
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
        receives = any(orgs[0].start < p < orgs[1].start for p in found.get("receives", ()))
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
        # A lab sells no compute; two labs may be partners (Humain … with xAI).
        labs_only = kind == "partnership" and all(o.type == "lab" for o in orgs)
        return (orgs[0].name, orgs[1].name) if labs_only else None
    rest = [o for o in orgs if o.name != source.name]
    customers = [buyer] if buyer in rest else [o for o in rest if o.type == "lab"] or rest
    return source.name, customers[0].name


def from_sentence(doc: int, sid: int, sent_start: int, sentence: str, lang: str,
                  names: list[Name], amounts: list[dict], types: dict[str, str],
                  previous: Candidate | None = None,
                  found: dict[str, list[int]] | None = None,
                  orgs: list[Org] | None = None) -> list[Candidate]:
    """`found` (the sentence's cues) and `orgs` (its parties) when the caller has them.
    A denial (``Nvidia denied a report that it was in talks to invest …``) tells no
    deal: looked for only in a sentence that would tell one, as most tell none."""
    out = _read(doc, sid, sent_start, sentence, lang, names, amounts, types, previous,
                found, orgs)
    return [] if out and cues.says(sentence, lang, "denied") else out


def _read(doc: int, sid: int, sent_start: int, sentence: str, lang: str,
          names: list[Name], amounts: list[dict], types: dict[str, str],
          previous: Candidate | None, found: dict[str, list[int]] | None,
          orgs: list[Org] | None) -> list[Candidate]:
    """`from_sentence`, denials aside."""
    if orgs is None:
        orgs = parties(names, types, sentence, sent_start, lang)
    if found is None:
        found = cues.with_split_verbs(sentence, lang, cues.find(sentence, lang))
    together = coordinated(sentence, lang, orgs, amounts, found)
    if together is not None:
        # "Samsung and SK Hynix will supply OpenAI …": one deal each. Their one amount is
        # all of theirs, no one's alone, unless each gives it ("… $19 billion each").
        each = cues.says(sentence, lang, "each")
        out = [c for doers in together
               for c in from_sentence(doc, sid, sent_start, sentence, lang, names, amounts,
                                      types, previous, found, doers)]
        for c in out if not each else ():
            c.low = c.high = c.currency = None  # the deal stands; its amount is theirs together
        return out
    spans = [(a["start"] - sent_start, a["end"] - sent_start)
             for a in amounts if a["kind"] == "money"]
    found = set_aside(without_price_talk(found, spans))
    if cues.says(sentence, lang, "event_nouns"):
        found = without_events(found, sentence, lang)
    if "valuation" in found:
        found = without_deal_value(found, sentence, lang)
    if "acquisition" in found and "investment" in found:
        found = without_owners(found, orgs, sentence, lang)
    if "competitor" in found:
        # "Anthropic, a rival of OpenAI": OpenAI is no side; "AMD competes with Nvidia": no deal.
        kept = rivals.compared(sentence, lang, found, orgs)
        if kept is None:
            return []
        orgs = kept
        found = {cat: hits for cat, hits in found.items() if cat != "competitor"}
    orgs = without_brands(sentence, lang, found, orgs, previous)
    if "customer" in found and cues.words_of_own(lang, "toward"):
        orgs = sellers_toward(sentence, lang, found, orgs)
    if listed_objects(sentence, lang, found, orgs):
        return []  # "… driven by contracts with OpenAI, xAI and Meta": its subject unnamed
    if previous is not None and (not orgs or (
            len(orgs) == 1 and orgs[0].name in (previous.source, previous.target))):
        if not cues.says(sentence, lang, "separately"):
            return continuation(doc, sid, sent_start, sentence, lang, found, amounts,
                                previous, types)
        previous = None  # "Amazon separately said it would invest …": another matter
    if not orgs:
        return []
    joined = joined_round(doc, sid, sentence, lang, orgs, amounts, previous)
    if joined is not None:
        return joined
    power = [a for a in amounts if a["kind"] == "power"]
    chip = cues.chip_family(sentence)
    first = spans[0] if spans else (None, None)
    kind = kind_of(found, orgs, bool(power), chip is not None, *first, sentence, lang)
    percents = [(a["start"] - sent_start, a["end"] - sent_start, a["low"] or a["high"] or 0.0)
                for a in amounts if a["kind"] == "percent"]
    if kind == "acquisition" and control.part_bought(sentence, found, percents):
        kind = "investment"  # "Meta acquires 49% of Scale AI": a stake
    if kind in ("acquisition", "investment") and len(orgs) > 2:
        # "Silver Lake agreed to buy a 51% stake in Altera from Intel": the seller a word
        # for buying from names is no side of it.
        sellers = [o for o in orgs if o.sold_by]
        orgs = [o for o in orgs if not o.sold_by] if len(orgs) - len(sellers) >= 2 else orgs
    gift = received_from(sentence, lang, found, orgs, spans) if kind is None else None
    if gift is not None:
        kind = "investment"
        giver, receiver = (next(o for o in orgs if o.name == n) for n in gift)
        if giver.type == "lab" and provider_rank(receiver) >= PROVIDER_RANK["hyperscaler"]:
            # "Oracle won $30 billion from OpenAI": a lab's money to a compute seller pays it.
            kind, gift = "compute", (receiver.name, giver.name)
    sale = sales.sold_to(sentence, lang, found, orgs)
    fixed, sold_to_buyer = gift, False
    # "Intel sold a stake in Altera to Blackstone": Blackstone's deal (not Nvidia chips sold).
    if sale is not None and not has_goods(found, sale[2]):
        kind, fixed, sold_to_buyer = sale[0], (sale[1].name, sale[2].name), True
        if kind == "acquisition" and control.part_bought(
                sentence, {"acquisition": found["sells"]}, percents):
            kind = "investment"  # "Intel sold 49% of Altera to …": a stake
    elif "acquisition" in found:
        # "Core Scientific was acquired by CoreWeave": bought, whatever the buyer (a cloud
        # company too), and turned around; shares bought stay an investment.
        passive_pair = passive.acquirer(sentence, lang, orgs)
        if passive_pair is not None and not has_goods(found, passive_pair[1]):
            kind = "investment" if kind == "investment" else "acquisition"
            fixed = (passive_pair[0].name, passive_pair[1].name)
    sold = "sale" in found or sold_first(found, lang)
    joint = kind == "investment" and fixed is None \
        and investors_listed(sentence, lang, orgs, names, found)
    if joint and "compute" not in found:
        return []  # "… da Nscale e Aker, che investiranno circa 1 miliardo": in no one named
    if joint:
        # "Telekom und Nvidia investieren eine Milliarde Euro in KI-Fabrik": compute built
        # together, bought from its seller or else the two partners' (as `built_together`).
        kind = "compute" if sells_compute_to(orgs) else "partnership"
    if kind is None or "competitor" in found or (
            kind == "investment" and fixed is None and sold):
        return []  # rivals, or a stake sold ("SoftBank sold its stake in Nvidia")
    # A stake that gives control is an acquisition; its sides are the investment's.
    label = kind
    if kind == "investment" and control.controlling(sentence, lang, found, percents):
        label = "acquisition"
    money = []
    ends = tuple(end for _, end in spans)
    for a in amounts:
        if a["kind"] != "money" or (a["high"] or a["low"] or 0.0) < MIN_DEAL:
            continue
        rel, rel_end = a["start"] - sent_start, a["end"] - sent_start
        if not deal_money(figure_of(found, rel, rel_end, ends), kind, found, orgs, rel,
                          rel_end):
            continue
        money.append(a)
    if len(money) > 1 and len(orgs) == 2 and "respectively" not in found:
        money = with_ceilings(money, sentence, lang, sent_start)  # of one pair: its ceiling
    if kind == "investment" and len(money) > 1 and len(orgs) == 2:
        money = without_wider(money, orgs, found, sent_start, cues.found_anywhere(lang))
    if kind in ("compute", "investment") and len(money) > 1:
        money = without_whole(money, orgs, sentence, lang, sent_start)
    chips_n = [a for a in amounts if a["kind"] == "count" and ("chips" in found or chip)]
    status = next((s for s in STATUSES if s in found), None)
    if status is None and previous is not None and len(orgs) == 2 \
            and {o.name for o in orgs} == {previous.source, previous.target} \
            and cues.says(sentence, lang, "deal_reference") \
            and not cues.says(sentence, lang, "separately"):
        # "… in talks to invest … in OpenAI. As part of the deal, OpenAI would use Amazon's
        # Trainium chips": the deal before, its two companies, its state of talks.
        status = previous.status
    base = dict(
        power_w=max((a["high"] or a["low"] or 0.0) for a in power) if power else None,
        chips=max((a["high"] or a["low"] or 0.0) for a in chips_n) if chips_n else None,
        chip=chip, status=status,
    )
    if kind == "funding" and fixed is None and len(orgs) == 2 and (
            "partnership" in found
            or any(p < orgs[1].start <= p + WITH_WORD for p in found.get("alongside", ()))) \
            and direction(kind, orgs, None, cues.markers(lang), found) is None:
        # "Meta … struck a $27 billion financing deal with Blue Owl Capital", "Meta cerró con
        # Blue Owl una financiación …": no one raises a round; the two are partners in it.
        kind = label = "partnership"
    if label == "investment" and fixed is None and not money and power:
        # "AMD will supply OpenAI with 6 gigawatts …, and OpenAI could take a stake": with
        # no money, a power figure is compute, not what a stake is worth.
        kind = label = "compute"
    out: list[Candidate] = []
    leading = [m.start() for m in cues.words_found(lang, "total_before").finditer(sentence)] \
        if len(spans) > 1 else []
    lead = partial(rounds.lead, sentence, lang)
    doer_first = not cues.found_anywhere(lang)  # the doer named before its verb
    brand = brand_of(lang)
    if money:
        # Several investors and a lab: each amount goes to the investor named before it.
        has_lab = any(o.type == "lab" for o in orgs)
        investors = [o for o in orgs if o.type != "lab"] \
            if kind == "investment" and has_lab else []
        # "… $5 billion and $10 billion respectively": the amounts in the investors' order.
        paired = "respectively" in found and len(investors) == len(money) > 1
        buyer = buyer_of(found, orgs) if kind == "compute" else None
        given = parts_given(money, orgs, sentence, lang, sent_start) \
            if kind == "funding" and len(money) > 1 else {}
        for i, a in enumerate(money):
            rel = a["start"] - sent_start
            investor = None
            if i in given:
                investor = given[i]  # "… including up to $2 billion from Nvidia"
            if paired:
                investor = investors[i]
            elif len(investors) > 1:
                before = [o for o in investors if o.start < rel]
                investor = before[-1] if before else investors[0]
            elif kind == "compute" and any(o.type == "lab" for o in orgs):
                # "$300 billion of Oracle cloud capacity as Microsoft rents …": with a lab as
                # the customer, the provider is the company named closest to the amount.
                providers = [o for o in orgs if o.type != "lab" and o is not buyer]
                if len(providers) > 1:
                    investor = min(providers, key=lambda o: (
                        abs(o.start - rel), -provider_rank(o)))
            rel_end = rel + (a["end"] - a["start"])
            near = nearest_lab(orgs, names, sent_start, rel, rel_end) \
                if kind == "investment" else None
            pair = fixed or direction(kind, orgs, investor, cues.markers(lang), found, lead, near,
                                      doer_first, brand)
            if pair is None or pair[0] == pair[1]:
                continue
            role = role_at(found, spans, spans.index((rel, rel_end)), leading)
            this_kind, source = label, pair[0]
            if i in given:
                this_kind = "investment"  # a part given by a company, no lead of the round
            elif any(o.name == source for o in given.values()) \
                    and not cues.says(sentence, lang, "leads"):
                source = None
            if kind == "investment" and (cue_after(found, rel_end) == "funding" or (
                    i and round_before(found, rel, ends))):
                # "… as part of a $2 billion funding round": the round the investee raises.
                this_kind, source = "funding", None
            backers = rounds.backer_names(sentence, lang, orgs, pair[1], pair[0]) \
                if this_kind == "funding" else ()
            out.append(Candidate(doc, sid, this_kind, source, pair[1], a["low"], a["high"],
                                 a["unit"], role=role, at=a["start"], backers=backers, **base))
        return out
    if kind == "funding":
        led = led_before(doc, sid, sentence, lang, orgs, previous)
        if led or status not in ("announced", "completed") or fixed is not None \
                or "funding" not in found:
            return led
        # "月之暗面完成新一轮融资，阿里巴巴和腾讯参投": a round told done, its figure
        # untold, is a deal still (a word for raising named: not investors' mere mention).
        pair = direction(kind, orgs, None, cues.markers(lang), found, lead)
        if pair is None or any(o.name == pair[1] and rounds.teller(sentence, lang, o)
                               for o in orgs):
            return []  # "The round was completed last week, Nvidia said": the teller's news
        return [Candidate(doc, sid, kind, pair[0], pair[1], backers=rounds.backer_names(
            sentence, lang, orgs, pair[1], pair[0]), **base)]
    # With no figure, two companies need a status word, or for compute a supply word
    # whose doer a particle marks ("SK하이닉스는 엔비디아에 HBM4를 공급한다": SK Hynix
    # supplies Nvidia; in other languages too loose: a supply word names many companies
    # that only stand near each other).
    # So does, of two, a use word with the other's goods named as its own (``KDDIは…米エヌ
    # ビディアのGPUを採用する``: `branded`).
    supply = kind == "compute" and (marked_supplier(found, orgs, cues.markers(lang)) or (
        len(orgs) == 2 and "customer" in found and "provider" not in found
        and sum(branded(found, o, brand) for o in orgs) == 1))
    built = joint or (kind in ("compute", "partnership") and fixed is None
                      and built_together(sentence, lang, found, orgs))
    if built:
        # Compute built with its seller is bought from it; else the two are partners.
        kind = label = "compute" if sells_compute_to(orgs) else "partnership"
    # "AMD acquired ZT Systems", "Meta acquired a 49% stake in Scale AI": a company or
    # stake bought, told in the past, is a deal of itself; so is one sold to a named buyer.
    # So are goods bought from a company, told in the past (``Яндекс закупил у Nvidia …
    # графических процессоров``).
    bought = sold_to_buyer or (
        "acquisition" in found and bool(cues.words_found(lang, "acquired_past").search(sentence))
        and (label in ("acquisition", "investment") or (
            label == "compute" and bought_goods(found, orgs, chip is not None, sentence, lang))))
    # Two companies, or the two sides of a sale or a passive whatever else is named.
    pair_known = len(orgs) == 2 or fixed is not None
    if base["power_w"] is None and base["chips"] is None \
            and not ((status or supply or bought or built) and pair_known):
        return []
    # Two companies in talks about compute, goods bought, or a seller of compute and its
    # customer agreeing on capacity (``OpenAI and Oracle agreed to expand Stargate with 4.5
    # gigawatts``) need no contract word.
    agreed = status in ("announced", "completed") and sells_compute_to(orgs) \
        and base["power_w"] is not None
    # Chips sold to a company (``Nvidia said it would sell 18,000 Blackwell chips to
    # Humain``; a company or a stake sold is sales.py's) are a contract too.
    chips_sold = "sells" in found and "chips" in found
    if kind == "compute" and not built and not agreed and not chips_sold \
            and not any(c in found for c in CONTRACT_CUES) \
            and not (status == "talks" and len(orgs) == 2) \
            and not bought_goods(found, orgs, chip is not None or bool(power), sentence, lang):
        return []  # a power figure bought from a company is goods too (kupi od Nvidii … 10 GW)
    if kind == "partnership" and status not in ("announced", "completed") and not built:
        return []
    pair = fixed or direction(kind, orgs, None, cues.markers(lang), found, lead,
                              doer_first=doer_first, brand=brand)
    if pair is None or pair[0] == pair[1]:
        return []
    return [Candidate(doc, sid, label, pair[0], pair[1], **base)]


def with_ceilings(money: list[dict], sentence: str, lang: str,
                  sent_start: int) -> list[dict]:
    """A sentence's `money`, an amount followed by its ceiling (`rises_above`: larger, in
    its currency, beside a word for rising to) taken as one from the first to
    the ceiling: ``will invest $10 billion … as each gigawatt is deployed, up to a total
    of $100 billion``."""
    out: list[dict] = []
    for a in money:
        last = out[-1] if out else None
        told = None if last is None else last["low"] if last["low"] is not None \
            else last["high"]
        if last is not None and rises_above(sentence, lang, a, sent_start, told, last["unit"],
                                            up_to=False):
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
    top = max((a["high"] or a["low"] or 0.0) for a in tied)
    ends = tuple(a["end"] - sent_start for a in money)
    return [a for a in money if a in tied or (a["high"] or a["low"] or 0.0) <= top
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
    parts = cues.words_found(lang, "part_of")
    wholes = []
    for whole, part in pairwise(money):
        end, at = whole["end"] - sent_start, part["start"] - sent_start
        word = parts.search(sentence, end, at)
        if word is None or at - word.end() > PART \
                or (part["high"] or part["low"] or 0.0) >= (whole["high"] or whole["low"] or 0.0):
            continue
        if any(o.start > at for o in orgs):
            wholes.append(whole)
    return [a for a in money if a not in wholes]


def parts_given(money: list[dict], orgs: list[Org], sentence: str, lang: str,
                sent_start: int) -> dict[int, Org]:
    """Of a round's `money`, the parts a company gives (by index): a smaller amount
    after a word for "of which" (deals.toml ``part_of``, within `PART` characters)
    and before a word for "from" (``received_from``) right before a company that is no
    lab, within `GIVER` characters (``raising $20 billion, including up to $2 billion in
    equity from Nvidia``), or with that company between the word and the part
    (``200亿美元的融资，其中英伟达将投资至多20亿美元``): its investment, no lead of the
    round."""
    parts = cues.words_found(lang, "part_of")
    froms = cues.word_set(lang, "received_from")
    given: dict[int, Org] = {}
    for i, (whole, part) in enumerate(pairwise(money), start=1):
        end, at = whole["end"] - sent_start, part["start"] - sent_start
        word = parts.search(sentence, end, at)
        if word is None or at - word.end() > PART \
                or (part["high"] or part["low"] or 0.0) >= (whole["high"] or whole["low"] or 0.0):
            continue
        part_end = part["end"] - sent_start
        # "其中英伟达将投资至多20亿美元": the giver between the word and the part.
        inside = next((o for o in orgs if word.end() <= o.start and o.end <= at), None)
        if inside is not None and inside.type != "lab":
            given[i] = inside
            continue
        giver = next((o for o in orgs if 0 < o.start - part_end <= GIVER), None)
        last = sentence[part_end:giver.start].split()[-1:] if giver is not None else []
        if giver is not None and giver.type != "lab" and last and last[0].lower() in froms:
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


def joined_round(doc: int, sid: int, sentence: str, lang: str, orgs: list[Org],
                 amounts: list[dict], previous: Candidate | None) -> list[Candidate] | None:
    """Companies, none a lab nor the one raising, told as taking part in a round the
    sentence before told (deals.toml ``joined_round``): they do not raise rounds of
    their own, nor deal with each other. One with money is its investment in the one
    raising (``В раунде участвовала Nvidia, которая вложила до 2 млрд долларов``);
    else they join the round's backers (``Existing investors Google and Amazon are
    expected to take part``). None when the sentence is no such one."""
    if previous is None or previous.kind != "funding" \
            or any(o.type == "lab" or o.name == previous.target for o in orgs) \
            or not cues.says(sentence, lang, "joined_round") \
            or cues.says(sentence, lang, "separately"):
        return None
    money = next((a for a in amounts if a["kind"] == "money"
                  and (a["high"] or a["low"] or 0.0) >= MIN_DEAL), None)
    if money is not None and len(orgs) == 1:
        return [Candidate(doc, sid, "investment", orgs[0].name, previous.target,
                          money["low"], money["high"], money["unit"], status=previous.status,
                          at=money["start"])]
    previous.backers = tuple(dict.fromkeys([*previous.backers, *(o.name for o in orgs)]))
    # "Greenoaks led the round, and Alphabet and Nvidia also invested": its lead too.
    return led_before(doc, sid, sentence, lang, orgs, previous)


def led_before(doc: int, sid: int, sentence: str, lang: str, orgs: list[Org],
               previous: Candidate | None) -> list[Candidate]:
    """A round is known by its amount: with none, a sentence about a round names the lead
    of the round the sentence before told without one (``Anthropic has raised $13
    billion in a Series F round. The round was led by Iconiq …``): that round again, led
    (fold.py folds the two), else nothing."""
    if previous is None or previous.kind != "funding" or previous.source is not None \
            or not cues.words_found(lang, "leads").search(sentence):
        return []
    led = rounds.lead(sentence, lang, orgs, previous.target)
    if led is None:
        return []
    return [Candidate(doc, sid, "funding", led.name, previous.target, previous.low,
                      previous.high, previous.currency, role=previous.role, at=previous.at,
                      backers=rounds.backer_names(sentence, lang, orgs, previous.target,
                                                  led.name))]


def continuation(doc: int, sid: int, sent_start: int, sentence: str, lang: str,
                 found: dict[str, list[int]], amounts: list[dict],
                 previous: Candidate, types: dict[str, str] | None = None) -> list[Candidate]:
    """Figures in a sentence that names no second company, right after a deal
    sentence (``Questa collaborazione … decine di miliardi di dollari … oltre
    un gigawatt``), belong to that deal; a larger one it may rise to is its ceiling
    (`ceiling`)."""
    money_here = any(a["kind"] == "money" for a in amounts)
    if "valuation" in found and previous.kind in ("compute", "partnership") \
            and cues.deal_named_first(sentence, lang):
        # "The purchase is valued at roughly $40 billion": the deal's worth, no company's
        # (after an investment, "Transakcja wycenia firmę na …" values the company).
        found = {c: at for c, at in found.items() if c != "valuation"}
    if not any(c in found for c in CONTINUED_CUES) \
            and not (previous.low is None and previous.high is None and money_here):
        return []  # figures for a deal whose sentence gave none may follow with any wording
    if any(c in found for c in FIGURE_CUES):
        return []  # one company's own spending, revenue or value, not the deal's figures
    ends = tuple(a["end"] - sent_start for a in amounts if a["kind"] == "money")
    money = [a for a in amounts if a["kind"] == "money"
             and not figure_of(found, a["start"] - sent_start, a["end"] - sent_start, ends)]
    power = [a for a in amounts if a["kind"] == "power"]
    if not money and not power:
        return []
    top = money[0] if money else None
    role = role_of(found, top["start"] - sent_start, top["end"] - sent_start) if top else "deal"
    # "Nvidia will invest up to $100 billion in OpenAI. The chipmaker will also supply at
    # least 10 gigawatts …": goods with no money after an investment are its compute; money
    # a round word names ("… w ramach rundy o wartości 20 mld dolarów") is the round.
    kind, source, target = previous.kind, previous.source, previous.target
    cue = closest_cue(found, top["start"] - sent_start, top["end"] - sent_start) \
        if top is not None else None
    labs = [n for n in (source, target) if (types or {}).get(n) == "lab"]
    if kind in ("compute", "partnership") and cue == "investment" and len(labs) == 1 \
            and cues.words_found(lang, "anaphor_lab").search(sentence):
        # "Mistral AI firmó un acuerdo con Microsoft … La compañía estadounidense invertirá 15
        # millones de euros en la startup francesa": the other side invests in the lab the
        # sentence names as a startup.
        kind, target = "investment", labs[0]
        source = next(n for n in (previous.source, previous.target) if n != target)
    elif kind in ("investment", "partnership") and not money and has_goods_word(found):
        if kind == "partnership":
            # "OpenAI podpisała umowę z Broadcomem. Firmy wspólnie opracują akceleratory …":
            # the agreement was for chips, one compute deal.
            previous.kind = "compute"
        kind = "compute"
    elif kind == "investment" and cue == "funding":
        kind, source = "funding", None
    low, high = (top["low"], top["high"]) if top else (None, None)
    if top is not None and kind == previous.kind \
            and ceiling(sentence, lang, top, sent_start, previous):
        # "… $17.4 billion … The deal could rise to $19.4 billion": one deal, 17.4 to 19.4.
        low, high = previous.low, top["high"]
        previous.high = high  # the deal told before widens to its ceiling
    return [Candidate(
        doc, sid, kind, source, target, low, high, top["unit"] if top else None,
        power_w=max((a["high"] or a["low"] or 0.0) for a in power) if power else None,
        chip=cues.chip_family(sentence), status=next((s for s in STATUSES if s in found), None),
        role=role, at=top["start"] if top else None,
    )]


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
