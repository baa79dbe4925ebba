"""Deal candidates: one sentence's companies, amounts, dates and cue words.

Here: a sentence's deal kind (`kind_of`) and the steps of reading it (`from_sentence`).
The rules it uses live in modules of their own: its companies (parties.py) and their
lists (lists.py), words that tell no deal of the sentence's own (filters.py), what is
bought (goods.py), which amounts are the deal's (figures.py), which way the deal goes
(direction.py) and what a sentence going on with the deal before adds (following.py).

The rules, in order:

- Companies listed with a word for "and" before a last one each do the deal with it
  (`lists.coordinated`: ``Samsung and SK Hynix will supply OpenAI``); one amount is theirs
  together, no one deal's, unless given for each (``$19 billion each``); a round or a
  purchase with one amount is not split (a consortium's first named leads it). So do
  companies listed after the first, a deal word between (`lists.listed_after`: ``signed
  letters of intent with Samsung and SK Hynix``); two listed as investors, with none
  to invest in, invest in neither (`lists.investors_listed`), unless they invest in compute:
  then they build it together (``Telekom und Nvidia investieren eine Milliarde Euro in
  KI-Fabrik``). Three or more, all one list right after a word for "with", deal with an
  unnamed subject, not among themselves (`lists.listed_objects`).
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
  beside a company named as their seller (`goods.brand_of_goods`). A company after 向 and
  right before a customer word sells (zh, deals.toml ``toward``: `filters.sellers_toward`); a
  particle after a short bracket behind a name marks it (``ソフトバンクグループ（SBG）が``).
  A deal word right before a word of deals.toml ``event_nouns`` names an event or a
  trade (``investment forum``, ``investment bank``: `filters.without_events`).
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
  (``will receive another $4 billion from Google``, `direction.received_from`), or from a lab
  to a compute seller its payment for compute (``Oracle won $30 billion from OpenAI``).
  One company investing its own money raises no round (`invests_itself`: ``OpenAI
  plans to invest $1.4 trillion``, ``NTTは…8000億円を投資する方針``), nor one building
  compute with its investment (``abrirá un nuevo centro de datos … con una inversión de
  100 millones``); with no
  money, a stake taken told before a round word is an investment (``a pris une
  participation dans Mistral AI lors de la dernière levée de fonds``); money nearest a
  licence is the licence's; buying
  anything from the only other company is no acquisition of it; a company's
  shareholders (deals.toml ``owners``) are no investment word (`filters.without_owners`).
  Energy bought from a company is a partnership, no company bought nor compute
  (`goods.energy_bought`: ``buy power from … Kairos Power``, ``a power purchase
  agreement``), and so are goods developed together (deals.toml ``develops``), or naming
  the field worked in (`goods.in_field`: ``AIインフラで協業``), by two companies neither
  of which sells the other compute (``Fujitsu and Nvidia announced a partnership to
  develop AI chips``), and compute an investor builds with a company that
  sells it none (``SoftBank will invest … in data centers … with OpenAI``). Money or
  compute in a sentence with a joint venture word is the venture's, a partnership
  (``… will set up a joint venture …, with an initial investment of about $100
  million``); two investing together, a word for together said, are partners
  (``…5000億円を共同で投資``). Between a compute seller and another company, with no
  figure and no word for buying or supplying, a partnership's own word tells partners
  (``firmaron un acuerdo estratégico de colaboración``), and so do a lab's models named
  (deals.toml ``lab_models``, not ``trains``: ``a $200 million partnership to bring Claude
  models to Snowflake's customers``). An apposition after a company
  (`filters.without_appositions`: ``DigitalBridge, an investor in data centers,``), the
  class a word for "such as" lists companies of (`filters.without_class_nouns`:
  ``hyperscalers such as Microsoft and Amazon``) and a company's own customers
  (``own_customers``: ``entre sus clientes``) tell no kind.
- Evidence needed: a money amount, a power figure or a chip count that belongs
  to the deal, or — with exactly two companies — a status word (talks,
  announced, completed, planned), an acquisition told in the past (deals.toml
  ``acquired_past``: ``AMD acquired ZT Systems``) or as the day's news (``acquires_now``:
  ``Nvidia to acquire Run:ai``) or, for compute, a supply or use word whose
  doer a particle marks (``SK하이닉스는 엔비디아에 HBM4를 공급한다``; in zh, whose object
  向 marks: ``华为将向中国移动供应…``), goods bought from a
  company told in the past (``Яндекс закупил у Nvidia …``, ``腾讯已从英伟达采购…``,
  ``百度采购了一批英伟达H20芯片``: its goods named right after it), an order or contract
  won (`cues.order_won`: status announced, the winner the seller, ``寒武纪获得字节跳动的
  大额AI芯片订单``), compute built together
  (`goods.built_together`, deals.toml ``builds``), or a use word with the other's goods named
  as its own (``KDDIは…米エヌビディアのGPUを採用する``, `goods.branded`); a round told done
  with a word for raising (``月之暗面完成新一轮融资``), not by the company raising as
  its teller. Compute without
  money also needs a contract word (partnership, customer, provider; or chips sold:
  ``would sell 18,000 Blackwell chips to Humain``) or two
  companies in talks, or a compute seller and its customer agreeing on a power figure,
  so a company's own data-centre plans next to another's
  name make no deal (a company chosen as provider, ``PKO BP selected Google Cloud as its
  cloud provider``, or a cloud chosen, ``Intesa Sanpaolo ha scelto Google Cloud``, and
  a contract told widened by a word for a deal, ``CoreWeave
  expanded its agreement with Meta``, are compute deals); a partnership needs money, an
  announced/completed word, two companies in talks (``Apple is in talks to license
  Google's Gemini model``; or, energy bought, a power figure) or told partnering now
  (deals.toml ``partners_now``; a compute seller and its customer so told by a
  partnership's own word, nothing else telling compute sold, are partners; or a joint
  venture told as to be formed, ``venture_to_form``). A project two companies announce
  (deals.toml ``projects``) is compute built together. A chipmaker told supplying the
  other (``supplies_now`` right after it) sells it compute, no goods word needed
  (``Cerebras will supply its AI systems to G42``). An investment between
  two companies neither of which is a lab needs them to be the only two named, unless
  each of its amounts is put into a company of its own (`direction.amounts_into`:
  ``Nvidia invested $5 billion in Intel and $2 billion in Synopsys``). Companies merely
  named together, or named as competitors, make no deal, nor does a denied report
  (deals.toml ``denied``), nor a stake sold (deals.toml ``sale``, or a
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
  investment (`figures.without_wider`: ``$15.2 billion in the UAE, including $1.5 billion in
  G42``); of compute, a whole told before a part naming the seller is the buyer's
  spending (`figures.without_whole`, deals.toml ``part_of``), and so is money spent on a
  spending word before the seller (``$120 billion on capital expenditures``). A
  valuation word in the passive right after a deal's noun tells the deal's worth
  (`filters.without_deal_value`: ``in a deal valued at more than $10 billion``). Of one pair, an
  amount and a larger one after a word for rising to are one deal, up to that ceiling
  (`figures.with_ceilings`: ``$10 billion … up to a total of $100 billion``); an amount after a
  round word is the round's (`figures.round_before`: ``a funding round worth $20 billion``).
- Direction: investment and funding go to the lab (or the company after the
  investor; between two companies neither a lab, the first unless a "receives"
  word stands between them: ``Intel received … from SoftBank``, or the second
  invests in "the company": ``… after Nvidia announced a $5 billion investment
  in the chipmaker``); a chip or cloud company named alone raises a round only
  with a funding or receiving word, and a round's source is its lead (rounds.py:
  ``led by Iconiq``; else the one backer named, not one ``including`` names, nor one giving
  a part of the round, which is its investment: ``raising $20 billion, including up to $2
  billion from Nvidia``, `figures.parts_given`); compute goes
  from the provider (the one named closest to the amount; of two, the one whose goods
  are named as its own, ``エヌビディアの最新GPU``, `goods.branded`; else data
  centre/cloud (a big tech company selling cloud under its own name too,
  deals.toml ``cloud_sellers``) > chips > big tech > investor) to the customer
  (the company a customer, spending or investing word follows right after, words
  of when or whether aside: ``Oracle will buy … Nvidia chips for OpenAI``, ``Oracle
  plans to invest …``; of two, the one a word for "for" names after such a word,
  ``Lambda will deploy … GPUs for Microsoft``, deals.toml ``customer_for``; else a lab;
  the company a verb of supplying follows right after sells, money or not: ``Nvidia
  will supply chips to Amazon Web Services under a $5 billion contract``);
  an acquisition from the company marked as the doer (Japanese が) or named after
  the passive's words (passive.py: ``acquired by SoftBank``), else from the first
  named company to the second.
- Money below 100,000 (a share price) is no deal amount.
- ``total`` and ``tranche`` words near an amount mark it as a running total
  or a part payment, which merging does not count as a new deal; a total word that
  leads to its amount (deals.toml ``total_before``: ``bringing the total … to``) marks
  the amount after it (`figures.role_at`).
- Next sentences: figures in a sentence naming no other company continue the deal
  before (`following.continuation`; chip or compute words with no money after an investment
  are the same companies' compute deal; a larger amount it may rise to is its
  ceiling, `figures.ceiling`; not after a word for "separately"; chips with a figure after a
  partnership make it compute), a lead named with no figure after a round without one
  leads it (`following.led_before`), and companies taking part in that round are its backers, one
  with money its investor (`following.joined_round`). A sentence naming the
  deal before (``As part of the deal``) and its two companies has its status. A
  clause set off after the subject is read apart (clauses.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import partial

from . import control, cues, passive, rounds, sales
from .cues import CONTRACT_CUES, STATUSES
from .direction import (
    amounts_into,
    buyer_of,
    direction,
    marked_supplier,
    nearest_lab,
    received_from,
)
from .figures import (
    cue_after,
    deal_amounts,
    nearest_cue,
    parts_given,
    role_at,
    round_before,
    size,
    total_leads,
)
from .filters import apposition_spans, cleaned
from .following import continuation, joined_round, led_before
from .goods import (
    amount_bought_from,
    bought_goods,
    bought_shares,
    brand_of,
    branded,
    built_for,
    built_together,
    built_with,
    energy_bought,
    field_of_partnership,
    first_bought,
    goods_after_amount,
    goods_named_before,
    goods_of,
    goods_right_after,
    goods_through_of,
    has_goods,
    has_goods_word,
    in_field,
)
from .lists import (
    coordinated,
    cue_before,
    each_with_amount,
    investors_listed,
    joined_by_and,
    listed_objects,
    recap,
)
from .parties import (
    GAP,
    PROVIDER_RANK,
    order_giver,
    parties,
    provider_rank,
    provider_type,
    sells_compute_to,
)
from .records import Candidate, Name, Org


def kind_of(found: dict[str, list[int]], orgs: list[Org], has_power: bool,
            has_chip: bool, money_at: int | None = None,
            money_end: int | None = None, sentence: str = "", lang: str = "",
            energy: bool = False) -> str | None:
    """The kind of a sentence's deal; `money_at`..`money_end`: its first money amount,
    whose cue is the one right after it (``the $9 billion takeover``), else the
    nearest; `sentence` in `lang`, to read what is bought (`goods.bought_goods`); `energy`:
    what is bought is energy (`goods.energy_bought`), no company nor compute."""
    nearest = None
    if money_at is not None and money_end is not None:
        nearest = cue_after(found, money_end) or nearest_cue(found, money_at)
    if "licensing" in found and nearest in ("licensing", "partnership"):
        # "licensed its technology in a $2.4 billion deal, after OpenAI's planned
        # acquisition of the startup fell apart": the money's deal is the licence.
        return "partnership"
    if "acquisition" in found and len(orgs) >= 2 and not energy:
        if bought_shares(found, orgs, money_at, money_end, brand_of(lang)):
            return "investment"
        if (money_end is not None and (goods_of(found, orgs, money_end) or goods_after_amount(
                found, sentence, lang, money_end))) \
                or bought_goods(found, orgs, has_chip, sentence, lang) \
                or amount_bought_from(found, orgs, money_at):
            return "compute"  # "agreed to buy $40 billion of Nvidia chips": not Nvidia
        # Buying compute from Oracle, or shares of Intel, is no acquisition; nor is buying
        # anything from the only other company (``buying power from Constellation Energy``).
        # What is bought is the company named first after the word, where one is (not a
        # second buyer listed before it: "Nvidia and Microsoft agreed to buy Aligned …").
        bought = first_bought(found, orgs)[1] or orgs[1]
        if bought.type not in ("bigtech", "cloud") and not all(o.sold_by for o in orgs[1:]) \
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
            if money_end is not None and built_with(found, orgs, money_end):
                # Compute built with its seller is bought from it; else the two are
                # partners in it ("SoftBank will invest … in data centers … with OpenAI").
                return "partnership" if len(orgs) == 2 and not sells_compute_to(orgs) \
                    else "compute"
            if money_end is not None and goods_of(found, orgs, money_end):
                return "compute"
            return "investment"
        if len(orgs) == 1 and (invests_itself(sentence, lang, found, orgs[0], money_at) or (
                "funding" not in found and "compute" in found
                and cues.says(sentence, lang, "builds"))):
            # "OpenAI plans to invest $1.4 trillion in computing", "Telefónica Tech abrirá un
            # nuevo centro de datos … con una inversión de 100 millones": its own, no round.
            return None
        return "funding"
    if "licensing" in found:
        return "partnership"  # a licence to chips or to a cloud company's technology too
    if "partnership" in found and any(o.type == "investor" for o in orgs) \
            and not ("compute" in found and cues.order_won(sentence, lang, found)):
        # "joined BlackRock's … AI infrastructure partnership": no buyer. Goods an order
        # won names are sold, the investor their buyer (富士通はソフトバンクから…受注した).
        return "partnership"
    if "partnership" in found and len(orgs) == 2 \
            and not any(c in found for c in ("customer", "provider", "acquisition")):
        seller = sells_compute_to(orgs)
        # "Fujitsu and Nvidia announced a partnership to develop AI chips": goods developed
        # together, bought by neither (a lab developing chips with a chipmaker buys them);
        # so are goods naming the field they work together in ("AIインフラで協業"), whoever
        # the two are ("腾讯云与英伟达在AI云服务领域达成合作", a cloud and its would-be
        # customer: "KDDIとさくらインターネットは生成AI向け計算基盤で協業する").
        if money_at is None and (
                (not seller and cues.says(sentence, lang, "develops"))
                or in_field(sentence, lang, found)):
            return "partnership"
        # "KT는 마이크로소프트와 … 2조4000억원 규모의 AI·클라우드 협력": the goods name the
        # partnership's field, money or none; between a compute seller and its customer
        # ("their cloud partnership"), compute still.
        if not seller and not has_power and not has_chip \
                and field_of_partnership(sentence, lang, found):
            return "partnership"
    if energy and len(orgs) >= 2 and "chips" not in found and not has_chip:
        # "Google signed an agreement to buy power from … Kairos Power": energy bought from
        # a company, a power figure its electricity (a compute word for "gigawatts" too),
        # no compute capacity.
        return "partnership"
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
            # With no figure, no goods and no one told buying or supplying, a partnership's
            # own word tells partners ("Telefónica Tech y AWS firmaron un acuerdo
            # estratégico de colaboración para impulsar la IA generativa"); so does a lab's
            # models named, no compute ("a $200 million partnership to bring Claude models
            # to Snowflake's customers"; not a contract, "a $30 billion contract with
            # OpenAI to train its models", nor models trained, compute used).
            own_word = not cues.tells_no_kind(sentence, lang, found) and (
                (money_at is None and not any(c in found for c in ("customer", "provider")))
                or (any(o.type == "lab" for o in orgs)
                    and cues.says(sentence, lang, "lab_models")
                    and not cues.says(sentence, lang, "trains")))
            # Whatever the word, with no figure: an assistant or model brought to a
            # company's people (deals.toml model_products: "… acuerdo con Google Cloud para
            # llevar Gemini a sus empleados"; not "a $38 billion deal … to run ChatGPT"), or
            # a class of customers the two serve ("TIM e Google Cloud hanno annunciato un
            # accordo per offrire servizi … alle imprese").
            if own_word or (money_at is None and (
                    (_product_named(sentence, lang, orgs)
                     and not cues.says(sentence, lang, "trains"))
                    or cues.says(sentence, lang, "offered_on"))):
                return "partnership"
            return "compute"
        return "partnership"
    if "talks" in found and "customer" in found and len(orgs) == 2:
        # "Apple is in early talks to use Google's Gemini model": the other's product
        # used, no goods nor money, in talks: partners.
        return "partnership"
    return None


def _product_named(sentence: str, lang: str, orgs: list[Org]) -> bool:
    """Is an assistant or model of deals.toml ``model_products`` named outside the
    companies' names (``El creador de ChatGPT`` is OpenAI)?"""
    return cues.says(sentence, lang, "model_products") and any(
        not any(o.start <= m.start() < o.end for o in orgs)
        for m in cues.words_found(lang, "model_products").finditer(sentence))


# A word that closes its clause: a comma, a full stop or the text's end after it
# (`invests_itself`).
_CLAUSE_END = re.compile(r"\w+\s*(?:[,.;:!?]|$)")


def invests_itself(sentence: str, lang: str, found: dict[str, list[int]], org: Org,
                   money_at: int | None = None) -> bool:
    """Is the sentence's one company the doer of its investment word, its own verb
    (``OpenAI invested``, ``Anthropic will invest``) or one after a word of
    ``doer_then`` with the company before (``The Stargate venture plans to invest``)?
    Then it spends; it raises no round. Where the verb follows its object (ja, zh,
    ko), by `_own_verb`; never with a word for receiving (``OpenAI received a …
    investment``)."""
    if not lang or "receives" in found:
        return False
    if cues.found_anywhere(lang):
        return _own_verb(sentence, lang, found, org, money_at)
    invested = found.get("investment", ())
    if any(org.verb <= p <= org.verb + 1 for p in invested):
        return True
    if cues.own_flag(lang, "infinitive_last") and len(sentence[:org.start].split()) <= 2 \
            and any(p > org.end and _CLAUSE_END.match(sentence, p) for p in invested):
        # "Bosch … will bis Ende 2027 mehr als 2,5 Milliarden Euro investieren": the
        # subject's infinitive closes the clause.
        return True
    # The words of when or whether end right before the word (read from at most `GAP`
    # characters before it, not from the company on).
    gap = cues.doer_gap(lang)
    return any(org.end <= m.start() and p - 1 <= m.end() <= p
               for p in invested if p > org.end
               for m in gap.finditer(sentence, max(org.end, p - GAP), p))


def _own_verb(sentence: str, lang: str, found: dict[str, list[int]], org: Org,
              money_at: int | None) -> bool:
    """In ja, zh and ko: is an investment word the company's own verb (deals.toml
    ``invests_verb``) after it? In ja and ko the company marked as its doer
    (``NTTは…8000億円を投資する方針``); in zh, with no such marker, the verb right before
    its amount (``百度宣布投资100亿元``) and the company not after a word marking the
    object (``object_before``: ``对OpenAI投资``)."""
    invested = set(found.get("investment", ()))
    verbs = [m for m in cues.words_found(lang, "invests_verb").finditer(sentence, org.end)
             if m.start() in invested]
    if not verbs:
        return False
    doers = cues.doer_marks(lang)
    if doers:
        return org.after.startswith(doers)
    if cues.word_before(lang, "object_before").search(sentence, max(0, org.start - 2),
                                                      org.start):
        return False
    return money_at is not None and any(0 <= money_at - m.end() <= 1 for m in verbs)


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


def from_sentence(doc: int, sid: int, sent_start: int, sentence: str, lang: str,
                  names: list[Name], amounts: list[dict], types: dict[str, str],
                  previous: Candidate | None = None,
                  found: dict[str, list[int]] | None = None,
                  orgs: list[Org] | None = None) -> list[Candidate]:
    """`found` (the sentence's cues) and `orgs` (its parties) when the caller has them.
    A denial (``Nvidia denied a report that it was in talks to invest …``) or a plan
    said not to be (``Apple has no plans to acquire Perplexity``: ``no_plans``) tells no
    deal, nor do talks said to have failed (``talks_failed``); a word for "not" right
    before a deal or status word takes that word away (``Nvidia has not invested in
    OpenAI's latest round``: `filters.without_negated`).
    All looked for only in a sentence that would tell a deal, as most tell none."""
    out = _read(doc, sid, sent_start, sentence, lang, names, amounts, types, previous,
                found, orgs)
    if out and cues.says(sentence, lang, "negation"):
        out = _read(doc, sid, sent_start, sentence, lang, names, amounts, types, previous,
                    found, orgs, negated=True)
    if any(c.status == "talks" for c in out) and cues.says(sentence, lang, "talks_failed"):
        # "Talks between Apple and Perplexity … have ended without a deal": no deal.
        out = [c for c in out if c.status != "talks"]
    return [] if out and (cues.says(sentence, lang, "denied")
                          or cues.says(sentence, lang, "no_plans")) else out


@dataclass(slots=True)
class _Sentence:
    """One sentence as `_read` reads it: where it stands, its words, amounts and
    companies, and the deal told before it."""

    doc: int
    sid: int
    start: int  # where it starts in its document
    text: str
    lang: str
    names: list[Name]
    amounts: list[dict]
    found: dict[str, list[int]]
    orgs: list[Org]
    previous: Candidate | None
    spans: list[tuple[int, int]]  # its money amounts' spans, within it


@dataclass(slots=True)
class _Kind:
    """A sentence's deal kind and the sides it fixes (`_kind`)."""

    kind: str
    label: str  # the kind told: a stake that gives control is an acquisition
    orgs: list[Org]  # the companies, a seller a word for buying from names left out
    fixed: tuple[str, str] | None  # the sides a sale, a passive or money received fixes
    sold_to_buyer: bool  # a company or stake sold to a named buyer
    joint: bool  # two companies listed as investing together (`lists.investors_listed`)
    energy: bool  # what is bought is energy (`goods.energy_bought`)


def _read(doc: int, sid: int, sent_start: int, sentence: str, lang: str,
          names: list[Name], amounts: list[dict], types: dict[str, str],
          previous: Candidate | None, found: dict[str, list[int]] | None,
          orgs: list[Org] | None, negated: bool = False) -> list[Candidate]:
    """`from_sentence`, denials aside; `negated`: the sentence has a word for "not"."""
    if orgs is None:
        orgs = parties(names, types, sentence, sent_start, lang)
    if found is None:
        found = cues.with_split_verbs(sentence, lang, cues.find(sentence, lang))
    if recap(sentence, lang, found, orgs, amounts):
        return []  # "OpenAI has also signed deals with Nvidia and Broadcom in recent weeks"
    together = coordinated(sentence, lang, orgs, amounts, found)
    if together is not None:
        # "Samsung and SK Hynix will supply OpenAI …": one deal each. Their one amount is
        # all of theirs, no one's alone, unless each gives it ("… $19 billion each").
        each = cues.says(sentence, lang, "each")
        out = [c for doers in together
               for c in from_sentence(doc, sid, sent_start, sentence, lang, names, amounts,
                                      types, previous, found, doers)]
        for c in out if not each else ():
            # The deal stands; its amount, chip count and power are theirs together.
            c.low = c.high = c.currency = c.chips = c.power_w = None
        return out
    apart = each_with_amount(sentence, lang, orgs, amounts, found, sent_start)
    if apart is not None:
        # "… deals with Nebius, worth $17.4 billion, and with IREN, worth $9.7 billion": one
        # deal each, with its own amount.
        return [c for pair, own in apart
                for c in from_sentence(doc, sid, sent_start, sentence, lang, names, own, types,
                                       previous, found, pair)]
    spans = [(a["start"] - sent_start, a["end"] - sent_start)
             for a in amounts if a["kind"] == "money"]
    kept = cleaned(sentence, lang, found, orgs, spans, previous, negated)
    if kept is None:
        return []
    found, orgs = kept
    if listed_objects(sentence, lang, found, orgs):
        return []  # "… driven by contracts with OpenAI, xAI and Meta": its subject unnamed
    if previous is not None and (not orgs or (
            len(orgs) == 1 and orgs[0].name in (previous.source, previous.target))):
        if not cues.says(sentence, lang, "separately"):
            return continuation(doc, sid, sent_start, sentence, lang, found, amounts,
                                previous, types, side_named=bool(orgs))
        previous = None  # "Amazon separately said it would invest …": another matter
    if not orgs:
        return []
    joined = joined_round(doc, sid, sentence, lang, orgs, amounts, previous)
    if joined is not None:
        return joined
    if previous is not None and previous.kind == "funding" and previous.source is None \
            and not any(a["kind"] == "money" for a in amounts) \
            and cues.says(sentence, lang, "name_leads"):
        # The lead of the round told just before, named after a word for "led by" with no
        # word for a round ("La operación ha sido liderada por Sequoia"): that round's
        # lead. Not a word for leading a market ("市場をリードする Nvidia").
        led = led_before(doc, sid, sentence, lang, orgs, previous)
        if led:
            return led
    s = _Sentence(doc, sid, sent_start, sentence, lang, names, amounts, found, orgs,
                  previous, spans)
    power = [a for a in amounts if a["kind"] == "power"]
    chip = cues.chip_family(sentence)
    told = _kind(s, bool(power), chip)
    if told is None:
        return []
    s.orgs = orgs = told.orgs
    money = deal_amounts(amounts, found, told.kind, orgs, sentence, lang, sent_start)
    chips_n = [a for a in amounts if a["kind"] == "count" and ("chips" in found or chip)]
    base = dict(
        power_w=max(size(a) for a in power) if power else None,
        chips=max(size(a) for a in chips_n) if chips_n else None,
        chip=chip, status=_status(s),
    )
    if told.kind == "funding" and told.fixed is None and len(orgs) == 2 and (
            "partnership" in found
            or cue_before(found, orgs[1].start)) \
            and direction(told.kind, orgs, None, cues.markers(lang), found) is None:
        # "Meta … struck a $27 billion financing deal with Blue Owl Capital", "Meta cerró con
        # Blue Owl una financiación …": no one raises a round; the two are partners in it.
        told.kind = told.label = "partnership"
    if told.label == "investment" and told.fixed is None and not money and power:
        # "AMD will supply OpenAI with 6 gigawatts …, and OpenAI could take a stake": with
        # no money, a power figure is compute, not what a stake is worth.
        told.kind = told.label = "compute"
    if money and told.kind == "compute" and told.fixed is None \
            and not cues.doer_marks(lang) and _supplies_first(s):
        # "Nvidia will supply chips to Amazon Web Services under a $5 billion contract", "Vast
        # Data will supply its storage systems to Fluidstack under a $1.2 billion agreement":
        # the verb of supplying right after the first company; it sells, whatever the two
        # are and whatever the goods (`_untold`, with no money, asks for chips).
        told.fixed = (orgs[0].name, orgs[1].name)
    if money:
        out = _with_money(s, told, money, base)
    elif told.kind == "funding":
        return _round_untold(s, told, base)
    else:
        out = _untold(s, told, base, chip is not None, bool(power))
    if out and told.kind == "partnership" and cues.says(sentence, lang, "joint_venture"):
        for c in out:
            c.venture = c.kind == "partnership"
    return out


def _kind(s: _Sentence, has_power: bool, chip: str | None) -> _Kind | None:
    """The kind of the sentence's deal and the sides its words fix: a stake bought or
    taking control, a seller named, money received, a stake or company sold to a named
    buyer, a passive's buyer, two investing together; None when it tells no deal (no
    kind, or a stake sold: ``SoftBank sold its stake in Nvidia``)."""
    sentence, lang, found, orgs = s.text, s.lang, s.found, s.orgs
    first = s.spans[0] if s.spans else (None, None)
    # Energy read only where it changes the kind: a word for buying or supplying, a power
    # figure, or a compute word with a contract word (most sentences have none of these).
    energy = ("acquisition" in found or "provider" in found or has_power
              or ("partnership" in found and has_goods_word(found))) \
        and energy_bought(sentence, lang, found, apposition_spans(sentence, lang, orgs, s.spans))
    kind = kind_of(found, orgs, has_power, chip is not None, *first, sentence, lang, energy)
    if kind is None and _chosen_as(s):
        kind = "compute"  # "Intesa Sanpaolo ha scelto Google Cloud …": no word of a kind
    elif kind == "partnership" and not energy and orgs[0].type == "chips" \
            and _supplies_first(s):
        # A chipmaker told supplying the other sells it compute, its goods named or not
        # ("Cerebras will supply its AI systems to G42 under a contract worth …").
        kind = "compute"
    percents = [(a["start"] - s.start, a["end"] - s.start, a["low"] or a["high"] or 0.0)
                for a in s.amounts if a["kind"] == "percent"]
    if kind == "acquisition" and control.part_bought(sentence, found, percents):
        kind = "investment"  # "Meta acquires 49% of Scale AI": a stake
    if kind == "partnership" and "pays" in found:
        share = control.share_paid_for(sentence, lang, found, percents, orgs)
        if share is not None:
            # "Meta will pay nearly $15 billion for 49% of Scale AI": a stake bought.
            kind = "acquisition" if share > control.HALF else "investment"
    if kind in ("acquisition", "investment") and len(orgs) > 2:
        # "Silver Lake agreed to buy a 51% stake in Altera from Intel": the seller a word
        # for buying from names is no side of it.
        sellers = [o for o in orgs if o.sold_by]
        orgs = [o for o in orgs if not o.sold_by] if len(orgs) - len(sellers) >= 2 else orgs
    if kind is None and _holds_later(s):
        kind = "investment"  # "Microsoft deterrà circa il 27% di OpenAI": no stake word
    gift = received_from(sentence, lang, found, orgs, s.spans) if kind is None else None
    if gift is not None:
        kind = "investment"
        giver, receiver = (next(o for o in orgs if o.name == n) for n in gift)
        if giver.type == "lab" and provider_rank(receiver) >= PROVIDER_RANK["hyperscaler"]:
            # "Oracle won $30 billion from OpenAI": a lab's money to a compute seller pays it.
            kind, gift = "compute", (receiver.name, giver.name)
    sale = sales.sold_to(sentence, lang, found, orgs)
    fixed, sold_to_buyer = gift, False
    # "Intel sold a stake in Altera to Blackstone": Blackstone's deal (not Nvidia chips sold).
    if sale is not None and (not has_goods(found, sale[2]) or sales.unit_sold(
            sentence, lang, sale[2], sale[1])):
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
    if kind in ("compute", "investment") and fixed is None and "partnership" in found \
            and cues.says(sentence, lang, "joint_venture"):
        # "AMD y Humain formarán una empresa conjunta … para desplegar centros de datos":
        # a company the two form together, not compute one sells the other; nor money one
        # puts into the other ("… will set up a joint venture …, with an initial investment
        # of about $100 million").
        kind = "partnership"
    sold = "sale" in found or sold_first(found, lang)
    joint = kind == "investment" and fixed is None \
        and investors_listed(sentence, lang, orgs, s.names, found)
    if joint and "compute" not in found and not (len(s.orgs) == 2 and _together(s)):
        # "… da Nscale e Aker, che investiranno circa 1 miliardo": in no one named; but
        # two investing together are partners ("トヨタ自動車とNTTは、…5000億円を共同で投資").
        return None
    if joint:
        # "Telekom und Nvidia investieren eine Milliarde Euro in KI-Fabrik": compute built
        # together, bought from its seller or else the two partners' (as `goods.built_together`).
        kind = "compute" if sells_compute_to(orgs) else "partnership"
    if kind is None or (kind == "investment" and fixed is None and sold):
        return None  # a stake sold ("SoftBank sold its stake in Nvidia")
    if kind == "funding" and len(orgs) > 1:
        # "Nscale a levé … auprès d'investisseurs dont Nvidia et Nokia": backers named among
        # others raise no round of their own.
        orgs = [replace(o, backer=True) if rounds.named_among(sentence, lang, o) else o
                for o in orgs]
    # A stake that gives control is an acquisition; its sides are the investment's.
    label = kind
    if kind == "investment" and control.controlling(sentence, lang, found, percents):
        label = "acquisition"
    return _Kind(kind, label, orgs, fixed, sold_to_buyer, joint, energy)


def _status(s: _Sentence) -> str | None:
    """The sentence's status word; with none, naming the deal before (``As part of the
    deal``) and its two companies, that deal's."""
    status = next((st for st in STATUSES if st in s.found), None)
    if status == "talks" and cues.says(s.text, s.lang, "talks_after") \
            and all(cues.after_word(s.text, s.lang, p) for p in s.found["talks"]):
        # "After months of talks, Nvidia agreed to invest …": the talks are over.
        status = next((st for st in STATUSES if st != "talks" and st in s.found), None)
    if status == "talks" and cues.says(s.text, s.lang, "talks_done"):
        status = "completed"  # "…와 HBM4 공급 물량과 가격 협상을 마무리했다": talks over
    elif status == "talks" and _reports_news(s):
        status = "announced"  # "Nvidia announced that it would invest …"
    if status in (None, "announced") and "partnership" in s.found \
            and cues.venture_formed(s.text, s.lang):
        status = "completed"  # "formed a $27 billion joint venture": told as done
    if status is None and len(s.orgs) == 2 and cues.order_won(s.text, s.lang, s.found):
        status = "announced"  # "won a large order from ByteDance": a contract signed
    previous = s.previous
    if status is None and previous is not None and len(s.orgs) == 2 \
            and {o.name for o in s.orgs} == {previous.source, previous.target} \
            and cues.refers_to_deal(s.text, s.lang) \
            and not cues.says(s.text, s.lang, "separately"):
        # "… in talks to invest … in OpenAI. As part of the deal, OpenAI would use Amazon's
        # Trainium chips": the deal before, its two companies, its state of talks.
        status = previous.status
    return status


def _reports_news(s: _Sentence) -> bool:
    """Do the sentence's talks words only report news in the conditional (deals.toml
    ``reported_talks``): after a word for announcing (``Nvidia announced that it would
    invest``), or for saying (``reporting``) with a company before it (``Nvidia said on
    Wednesday it would invest``)?"""
    talks = s.found["talks"]
    if "announced" in s.found:
        first = min(s.found["announced"])
    else:
        said = cues.words_found(s.lang, "reporting").search(s.text, 0, min(talks)) \
            if cues.words_of_own(s.lang, "reporting") else None
        if said is None or not any(o.end <= said.start() for o in s.orgs):
            return False
        first = said.start()
    reported = {m.start() for m in cues.words_found(s.lang, "reported_talks").finditer(s.text)}
    return all(first < p and p in reported for p in talks)


def _with_money(s: _Sentence, told: _Kind, money: list[dict], base: dict) -> list[Candidate]:
    """A deal for each of the sentence's deal amounts `money`: its investor the one named
    before it (several investors and a lab), in the same place of the order (a
    "respectively" word), giving a round's part (`figures.parts_given`) or, of compute sold to a
    lab, the provider named closest; a round's amount is the round's."""
    sentence, lang, found, orgs, spans = s.text, s.lang, s.found, s.orgs, s.spans
    kind, label, fixed = told.kind, told.label, told.fixed
    out: list[Candidate] = []
    leading = total_leads(sentence, lang, spans)
    lead = partial(rounds.lead, sentence, lang)
    ends = tuple(end for _, end in spans)
    # Several investors and a lab: each amount goes to the investor named before it.
    has_lab = any(o.type == "lab" for o in orgs)
    investors = [o for o in orgs if o.type != "lab"] if kind == "investment" and has_lab else []
    # "… $5 billion and $10 billion respectively": the amounts in the investors' order.
    paired = "respectively" in found and len(investors) == len(money) > 1
    buyer = buyer_of(found, orgs) if kind == "compute" else None
    given = parts_given(money, orgs, sentence, lang, s.start, found) \
        if kind == "funding" and len(money) > 1 else {}
    # "Nvidia's $5 billion investment in Intel … and its pledge to invest up to $100 billion
    # in OpenAI": each amount into its own company, from the one investor.
    into = amounts_into(money, orgs, found, sentence, lang, s.start) \
        if kind == "investment" and fixed is None else None
    for i, a in enumerate(money):
        rel = a["start"] - s.start
        investor = None
        if i in given:
            investor = given[i]  # "… including up to $2 billion from Nvidia"
        if paired:
            investor = investors[i]
        elif len(investors) > 1:
            before = [o for o in investors if o.start < rel]
            investor = before[-1] if before else investors[0]
        elif kind == "compute" and has_lab:
            # "$300 billion of Oracle cloud capacity as Microsoft rents …": with a lab as
            # the customer, the provider is the company named closest to the amount.
            providers = [o for o in orgs if o.type != "lab" and o is not buyer]
            if len(providers) > 1:
                investor = min(providers, key=lambda o: (abs(o.start - rel), -provider_rank(o)))
        rel_end = rel + (a["end"] - a["start"])
        near = nearest_lab(orgs, s.names, s.start, rel, rel_end) \
            if kind == "investment" else None
        pair = into[i] if into else fixed or direction(
            kind, orgs, investor, cues.markers(lang), found, lead, near,
            not cues.found_anywhere(lang), brand_of(lang))
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
        out.append(Candidate(s.doc, s.sid, this_kind, source, pair[1], a["low"], a["high"],
                             a["unit"], role=role, at=a["start"], backers=backers, **base))
    return out


def _round_untold(s: _Sentence, told: _Kind, base: dict) -> list[Candidate]:
    """A round with no figure: the lead of the round before (`following.led_before`), or a round
    told done with a word for raising (``月之暗面完成新一轮融资，阿里巴巴和腾讯参投``:
    a deal still, not investors' mere mention), not by the company raising as its
    teller."""
    sentence, lang, orgs = s.text, s.lang, s.orgs
    led = led_before(s.doc, s.sid, sentence, lang, orgs, s.previous)
    if led or told.fixed is not None or "funding" not in s.found:
        return led
    # A round in talks with its valuation told is news too ("Vast Data is in talks to raise
    # funding at a valuation of up to $30 billion").
    if base["status"] not in ("announced", "completed") \
            and not (base["status"] == "talks" and "valuation" in s.found):
        return _round_joined(s, told, base)
    pair = direction(told.kind, orgs, None, cues.markers(lang), s.found,
                     partial(rounds.lead, sentence, lang))
    if pair is None or any(o.name == pair[1] and rounds.teller(sentence, lang, o)
                           for o in orgs):
        return []  # "The round was completed last week, Nvidia said": the teller's news
    return [Candidate(s.doc, s.sid, told.kind, pair[0], pair[1], backers=rounds.backer_names(
        sentence, lang, orgs, pair[1], pair[0]), **base)]


def _round_joined(s: _Sentence, told: _Kind, base: dict) -> list[Candidate]:
    """A company told as taking part in another's round, with no figure (deals.toml
    ``joined_round`` after the first of two, ``Bpifrance a participé à la levée de fonds de
    Mistral AI``): the other's round, that company among its backers and no lead, as a
    round with money whose backer takes part has none. Not with a word for "not" (``did
    not take part``)."""
    if len(s.orgs) != 2 or told.kind != "funding" or cues.says(s.text, s.lang, "negation"):
        return []
    joined = cues.words_found(s.lang, "joined_round").search(s.text, s.orgs[0].end)
    if joined is None or joined.start() > s.orgs[1].start or s.orgs[1].type == "investor":
        return []
    backer, raising = s.orgs
    return [Candidate(s.doc, s.sid, "funding", None, raising.name, backers=(backer.name,),
                      **base)]


def _supplied_to(s: _Sentence) -> bool:
    """In zh, with no particle for the doer: is the second of two companies the object of
    a supply word right after it, a word marking the object right before it
    (deals.toml ``object_before``: ``华为将向中国移动供应昇腾AI芯片``)?"""
    if len(s.orgs) != 2 or "provider" not in s.found or cues.doer_marks(s.lang):
        return False
    b = s.orgs[1]
    marks = cues.words_of_own(s.lang, "object_before")
    return bool(marks) and s.text[:b.start].endswith(marks) \
        and cues.said_right_after(s.found, b.end, "provider")


# How far after the second of two companies listed as the subject a word for "together"
# may stand (`_together`): "Fujitsu and Nvidia will jointly develop", "SAP und OpenAI
# bringen gemeinsam", "Mistral AI et Helsing vont développer ensemble".
TOGETHER = 32


def _together(s: _Sentence) -> bool:
    """Do a sentence's two companies, listed as its subject with only a word for "and"
    between them (or named by words for the two), do its deal together: a word of
    deals.toml ``together`` within
    `TOGETHER` characters after the second (``Fujitsu and Nvidia will jointly develop AI
    chips``, ``富士通とエヌビディアは共同でAIチップを開発する``)? Or the first, the
    subject, with that word within `TOGETHER` characters after it and the second after a
    word for "with" (``alongside``: ``Nokia soll gemeinsam mit Nvidia … entwickeln``,
    ``Nokia will jointly develop network technology with Nvidia``)?"""
    a, b = s.orgs
    together = cues.words_found(s.lang, "together")
    # Words for the two companies name both at one place (anaphors.pair_anaphor).
    if a.start != b.start and not joined_by_and(s.text, s.lang, a, b):
        return together.search(s.text, a.end, min(a.end + TOGETHER, b.start)) is not None \
            and cue_before(s.found, b.start)
    return together.search(s.text, b.end, b.end + TOGETHER) is not None


def _partners_now(s: _Sentence) -> bool:
    """Two companies partnering, told as the day's news (deals.toml ``partners_now``): the
    verb right after the first (its words of when or whether between), the second within
    four words after it and no clause's end (``SAP is partnering with OpenAI``, ``SAP
    arbeitet künftig enger mit OpenAI zusammen``); the verb after the second when the two
    are listed as the subject (``SAP and OpenAI will collaborate``); in ja and ko the first
    marked as the doer and the verb after the other (``NECはエヌビディアと提携する``)."""
    a, b = s.orgs
    if not cues.doer_marks(s.lang) and joined_by_and(s.text, s.lang, a, b):
        words = cues.word_after(s.lang, "partners_now")
        if cues.found_anywhere(s.lang):
            # zh: the verb ends the clause, its field between (``阿里巴巴与英伟达在物理AI领域
            # 展开合作``).
            end = _ZH_CLAUSE_END.search(s.text, b.end)
            return words.search(s.text, b.end, end.start() if end else len(s.text)) is not None
        return words.match(s.text, b.verb) is not None
    return _told_now(s, "partners_now", a.verb)


# Where a zh clause ends (`_partners_now`).
_ZH_CLAUSE_END = re.compile(r"[，。；！？,;]")


# What may stand between a verb of buying told as news and the company bought
# (`_bought_now`): up to four words, no clause's end ("das Autoethernet-Geschäft von").
_BOUGHT_GAP = re.compile(r"\s*(?:[^\s,;:.()]+\s+){0,4}")


def _bought_now(s: _Sentence) -> bool:
    """A company bought told as the day's news (deals.toml ``acquires_now``): the verb
    right after the company named first (``Nvidia acquires Run:ai``, ``Nvidia to acquire
    Run:ai``, ``Infineon übernimmt …``; not ``could buy``, a guess); in ja and
    ko, that company marked as the doer and the verb after the other
    (``ソフトバンクはアンペアを買収する``). Elsewhere the company bought follows the verb
    within four words and no clause's end (``übernimmt das Autoethernet-Geschäft von
    Marvell``). Goods bought so are not (``Microsoft buys Nvidia chips``): only a
    company's acquisition or a stake."""
    return _told_now(s, "acquires_now", s.orgs[0].end)


def _sold_now(s: _Sentence, has_chip: bool) -> bool:
    """Chips sold told as news, the verb of supplying right after the first of two
    companies (`_supplies_first`): ``Nvidia will sell GPUs to Deutsche Telekom``; so are a
    chip family's systems (``Oracle has begun delivering the first Nvidia GB200 racks to
    OpenAI``)."""
    return ("chips" in s.found or has_chip) and _supplies_first(s)


def _order_sides(sentence: str, lang: str, found: dict[str, list[int]],
                 orgs: list[Org]) -> tuple[str, str] | None:
    """The seller and the buyer of an order won between two companies: the winner is the
    company before the word for winning (``寒武纪获得字节跳动的大额AI芯片订单``: ByteDance
    buys), or in ja and ko the other of the one "from" follows
    (``NECはさくらインターネットから…案件を受注した``: Sakura Internet buys, a cloud though
    it is); None when the words leave it open."""
    if "receives" in found:
        winners = [o for o in orgs if o.end <= min(found["receives"])]
        winner = winners[0] if len(winners) == 1 else None
    else:
        giver = order_giver(sentence, lang, orgs)
        winner = next(o for o in orgs if o is not giver) if giver is not None else None
    if winner is None:
        return None
    return winner.name, next(o for o in orgs if o is not winner).name


def _supplies_first(s: _Sentence) -> bool:
    """Of two companies, the first told supplying the other as news: deals.toml
    ``supplies_now`` right after it (`_told_now`, the buyer after a word for "to" too)."""
    return len(s.orgs) == 2 and _told_now(s, "supplies_now", s.orgs[0].verb, to_word=True)


def _told_now(s: _Sentence, key: str, verb_at: int, to_word: bool = False) -> bool:
    """A verb of deals.toml `key` told as the day's news: at `verb_at` (after the first
    company), another company within four words after it and no clause's end, or with
    `to_word` within `_TO_GAP`'s eight after a word for "to" (deals.toml ``sold_to``:
    ``delivering the first Nvidia GB200 racks to OpenAI``); in ja and ko, the first
    company marked as the doer and the verb after the last one."""
    words = cues.word_after(s.lang, key)
    doers = cues.doer_marks(s.lang)
    if doers:
        return s.orgs[0].after.startswith(doers) \
            and words.search(s.text, s.orgs[-1].end) is not None
    verb = words.match(s.text, verb_at)
    if verb is None:
        return False
    for o in s.orgs[1:]:
        if o.start < verb.end():
            continue
        if _BOUGHT_GAP.fullmatch(s.text, verb.end(), o.start):
            return True
        if to_word and _TO_GAP.fullmatch(s.text, verb.end(), o.start):
            last = s.text[verb.end():o.start].split()
            if last and last[-1].lower() in cues.word_set(s.lang, "sold_to"):
                return True
    return False


# What may stand between a verb of supplying and its buyer after a word for "to"
# (`_told_now`): the goods' words, up to eight, no clause's end.
_TO_GAP = re.compile(r"\s*(?:[^\s,;:.()]+\s+){0,8}")


# What may stand between the first company and its verb of renting: a closing quote and
# white space ("«Яндекс» арендует у Nvidia …").
_QUOTE_GAP = re.compile(r"[»”\"']?\s*")


def _rented_now(s: _Sentence) -> bool:
    """Compute rented from a seller a word for "from" marks (`Org.sold_by`), told as
    news: a word of deals.toml ``rents_now`` right after the first of two companies
    (``«Яндекс» арендует у Nvidia вычислительные мощности``, ``Meta mietet bei Google
    Rechenkapazität``). Not a word for using (``OpenAI nutzt die Chips von AMD``: a fact,
    no deal)."""
    if len(s.orgs) != 2 or not s.orgs[1].sold_by or not cues.words_of_own(s.lang, "rents_now"):
        return False
    gap = _QUOTE_GAP.match(s.text, s.orgs[0].verb)
    return cues.word_after(s.lang, "rents_now").match(s.text, gap.end()) is not None


# How far after a word for "as" a provider word may stand (`_chosen_as`): "as its cloud
# provider", "comme fournisseur".
AS_REACH = 24


def _chosen_as(s: _Sentence) -> bool:
    """The first of two companies choosing the second as its provider, told as news
    (deals.toml ``chooses`` then ``as_role`` right after the second and a provider word
    within `AS_REACH` characters: ``PKO BP wybrał Google Cloud jako dostawcę chmury``), or
    choosing a cloud, whatever for (``Intesa Sanpaolo ha scelto Google Cloud per ospitare
    …``)."""
    if len(s.orgs) != 2 or not cues.words_of_own(s.lang, "chooses") \
            or not _told_now(s, "chooses", s.orgs[0].verb):
        return False
    if _sells_cloud(s.orgs[1]):
        return True
    if "provider" not in s.found:
        return False
    role = cues.word_after(s.lang, "as_role").match(s.text, s.orgs[1].end)
    return role is not None and any(role.end() < p <= role.end() + AS_REACH
                                    for p in s.found["provider"])


def _holds_later(s: _Sentence) -> bool:
    """A stake the first of two companies will hold after a deal (deals.toml
    ``holds_later`` right after its name, a percent after that before the other company:
    ``Microsoft will hold a stake of roughly 27% in OpenAI``, ``Microsoft deterrà circa
    il 27% di OpenAI``): an investment told by its outcome. A stake held now is not."""
    if len(s.orgs) != 2 or not cues.words_of_own(s.lang, "holds_later"):
        return False
    a, b = s.orgs
    after_name = _QUOTE_GAP.match(s.text, a.end).end()
    verb = cues.word_after(s.lang, "holds_later").match(s.text, after_name)
    return verb is not None and any(
        verb.end() <= p["start"] - s.start and p["end"] - s.start <= b.start
        for p in s.amounts if p["kind"] == "percent")


def _sells_cloud(org: Org) -> bool:
    """Does the company sell compute as a cloud (a cloud or data-centre company, or big
    tech selling cloud), not chips?"""
    return provider_type(org) in ("cloud", "datacenter", "hyperscaler")


def _untold(s: _Sentence, told: _Kind, base: dict, has_chip: bool,
            has_power: bool) -> list[Candidate]:
    """A deal with no money figure, where its evidence holds (the module's "Evidence
    needed"): a power figure or a chip count, or between two companies (or the sides a
    sale or passive fixes) a status word, a supply word a particle marks, goods or a
    company bought or a company invested in told in the past, or compute built together;
    compute also needs a contract word, talks or chips sold; a partnership, an announced
    or completed word or two companies in talks."""
    sentence, lang, found, orgs = s.text, s.lang, s.found, s.orgs
    kind, label, fixed, status = told.kind, told.label, told.fixed, base["status"]
    # Two companies, or the two sides of a sale or a passive whatever else is named.
    pair_known = len(orgs) == 2 or fixed is not None
    if base["power_w"] is None and base["chips"] is None and not pair_known:
        return []  # no figure, and no pair for the words below to tie (most sentences)
    brand = brand_of(lang)
    # With no figure, two companies need a status word, or for compute a supply word
    # whose doer a particle marks ("SK하이닉스는 엔비디아에 HBM4를 공급한다": SK Hynix
    # supplies Nvidia; in other languages too loose: a supply word names many companies
    # that only stand near each other).
    # So does, of two, a use word with the other's goods named as its own (``KDDIは…米エヌ
    # ビディアのGPUを採用する``: `goods.branded`), or a cloud's right after its name or
    # through a word for "of" (``Anthropic will expand its use of Google Cloud TPUs``,
    # ``Meta usará la nube de Google``; a chipmaker's so names only the chips' make,
    # ``Zugang zu Nvidia-Grafikprozessoren`` rented from another).
    chosen = kind == "compute" and _chosen_as(s)
    supply = kind == "compute" and (marked_supplier(found, orgs, cues.markers(lang)) or (
        len(orgs) == 2 and "customer" in found and "provider" not in found
        and sum(branded(found, o, brand) or (_sells_cloud(o) and (
            has_goods(found, o) or goods_through_of(found, o)
            or goods_named_before(sentence, lang, found, o))) for o in orgs) == 1)
        or _supplied_to(s) or chosen)
    built = told.joint or (kind in ("compute", "partnership") and fixed is None
                           and built_together(sentence, lang, found, orgs))
    if built:
        # Compute built with its seller is bought from it; else the two are partners, and
        # so are two listed as its builders with a word for "together" (``Nvidia et
        # Mistral AI vont construire ensemble une plateforme de cloud``).
        kind = label = "compute" if sells_compute_to(orgs) and not (
            joined_by_and(sentence, lang, *orgs) and _together(s)) else "partnership"
    elif kind == "compute" and fixed is None and built_for(sentence, lang, found, orgs):
        # "Oracle will build new data centers in Texas for OpenAI": the builder sells.
        built, fixed = True, (orgs[0].name, orgs[1].name)
    # "AMD acquired ZT Systems", "Meta acquired a 49% stake in Scale AI": a company or
    # stake bought, told in the past, is a deal of itself; so is one sold to a named buyer.
    # So are goods bought from a company, told in the past (``Яндекс закупил у Nvidia …
    # графических процессоров``).
    # So are goods procured from a seller a word for buying from names (zh 从), or whose
    # goods are named right after its name, told done (``腾讯已从英伟达采购大量H20芯片``,
    # ``快手采购了一批英伟达H20芯片``: a customer word there).
    company_bought = "acquisition" in found and label in ("acquisition", "investment")
    bought = told.sold_to_buyer or ((
        (company_bought or ("acquisition" in found and label == "compute"
                            and bought_goods(found, orgs, has_chip, sentence, lang)))
        or (label == "compute" and "customer" in found and len(orgs) == 2
            and any(o.sold_by or goods_right_after(found, o, sentence, has_chip)
                    for o in orgs)))
        # searched last, once: a whole-sentence scan
        and cues.words_found(lang, "acquired_past").search(sentence) is not None) \
        or (company_bought and _bought_now(s)) \
        or (label == "compute" and _rented_now(s))
    together = len(orgs) == 2 and (
        # A joint venture to be formed is told as news too ("Reliance Industries and Meta
        # will set up a joint venture").
        (kind == "partnership" and (_together(s) or _partners_now(s) or cues.venture_formed(
            sentence, lang, "venture_to_form")))
        # A seller of compute and its customer widening their contract, told as news by
        # a word for a deal telling no kind ("CoreWeave expanded its agreement with
        # Meta"): a compute deal.
        or (kind == "compute" and cues.tells_no_kind(sentence, lang, found)
            and _partners_now(s)))
    if kind == "compute" and not together and fixed is None and "partnership" in found \
            and base["power_w"] is None and base["chips"] is None \
            and status in (None, "planned") and not (supply or bought or built) \
            and _partners_now(s):
        # Told as partnering by a partnership's own word, with nothing else telling compute
        # sold (no word for announced, done or talks either), they are partners whatever
        # their field (``TIM e Google Cloud hanno rafforzato la loro partnership per il cloud
        # sovrano``, ``KDDIはグーグルと提携し``, ``Infineon kooperiert mit Nvidia bei der
        # Stromversorgung künftiger KI-Rechenzentren``).
        kind = label = "partnership"
        together = True
    # "Microsoft invested in OpenAI": an investment told in the past is a deal of itself,
    # and so is one told as news ("Nvidia steigt bei Nokia ein").
    invested = label == "investment" and (
        ("investment" in found and (cues.says(sentence, lang, "invested_past")
                                    or (len(orgs) == 2 and _told_now(s, "invests_now",
                                                                     orgs[0].verb))))
        or _holds_later(s))
    sold_now = _sold_now(s, has_chip)
    if base["power_w"] is None and base["chips"] is None \
            and not ((status or supply or bought or built or together or invested or sold_now)
                     and pair_known):
        return []
    # Two companies in talks about compute, goods bought, or a seller of compute and its
    # customer agreeing on capacity (``OpenAI and Oracle agreed to expand Stargate with 4.5
    # gigawatts``) need no contract word.
    agreed = status in ("announced", "completed") and sells_compute_to(orgs) \
        and base["power_w"] is not None
    # Chips sold to a company (``Nvidia said it would sell 18,000 Blackwell chips to
    # Humain``; a company or a stake sold is sales.py's) are a contract too; so are chips
    # received from a seller a word for "from" names (``Samsung will receive 50,000 GPUs
    # from Nvidia``).
    chips_sold = sold_now or ("chips" in found and ("sells" in found or (
        "receives" in found and any(o.sold_by for o in orgs))))
    # A company paid, named right after the word for paying, is under contract too
    # (``OpenAI pagará a AMD por … 6 gigavatios``; not ``pay the US government``).
    paid = any(cue_before(found, o.start, "pays") for o in orgs)
    # An order won (寒武纪获得字节跳动的大额AI芯片订单; `_status` made it announced).
    won = status == "announced" and len(orgs) == 2 and cues.order_won(sentence, lang, found)
    if kind == "compute" and not built and not agreed and not chips_sold and not paid \
            and not chosen and not any(c in found for c in CONTRACT_CUES) \
            and not (status == "talks" and len(orgs) == 2) \
            and not bought_goods(found, orgs, has_chip or has_power, sentence, lang) \
            and not won:
        # A power figure bought from a company is goods too (kupi od Nvidii … 10 GW), and an
        # order won is a contract (寒武纪获得字节跳动的大额AI芯片订单).
        return []
    if kind == "partnership" and status not in ("announced", "completed") and not built \
            and not together \
            and not (status == "talks" and len(orgs) == 2) \
            and not (status == "planned" and len(orgs) == 2 and "partnership" in found
                     and cues.says(sentence, lang, "joint_venture")) \
            and not (told.energy and base["power_w"] is not None):
        # Energy bought: its power figure is evidence too; a joint venture planned is one.
        return []
    if won and fixed is None and kind == "compute":
        # An order won: its winner sells, whatever the goods' words say of the other.
        fixed = _order_sides(sentence, lang, found, orgs)
    if sold_now and fixed is None and not cues.doer_marks(lang):
        # The verb of supplying right after the first company: it sells ("Dell has shipped
        # the first Nvidia GB300 NVL72 systems to CoreWeave", a cloud though the buyer).
        fixed = (orgs[0].name, orgs[1].name)
    pair = fixed or direction(kind, orgs, None, cues.markers(lang), found,
                              partial(rounds.lead, sentence, lang),
                              doer_first=not cues.found_anywhere(lang), brand=brand)
    if pair is None or pair[0] == pair[1]:
        return []
    return [Candidate(s.doc, s.sid, label, pair[0], pair[1], **base)]
