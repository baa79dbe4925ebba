"""A sentence's companies (`parties`) and how likely each is to sell compute.

Media and regulators are no side; a cloud arm counts as its parent (AWS → Amazon),
unless a fund's data-centre company (QTS, Blackstone's); a company named with its
parent is one side (groups.py). Each company carries what the words around it say:
its particle, where its own verb may start, a word for buying from or for "for"
before it (`records.Org`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..lexicon import org_types
from . import cues, groups
from .lists import joined_by_and
from .records import Name, Org

# Who provides to whom when neither side is a lab: data-centre landlords lease to
# clouds (TeraWulf → Fluidstack, IREN → Microsoft), neoclouds rent to hyperscalers
# (Nebius → Microsoft), chipmakers sell to hyperscalers (Nvidia → Microsoft), and
# hyperscalers to the rest of big tech (Google → Meta).
PROVIDER_RANK = {"datacenter": 7, "cloud": 6, "chips": 5, "hyperscaler": 4, "bigtech": 3,
                 "other": 2, "investor": 1, "lab": 0}
NOT_PARTIES = {"media", "regulator"}
# How long a bracket right after a name may be, its particle after it (`_particle_at`).
BRACKET = 24
# How far a company's verb (`cues.doer_gap`) or the words before it (`cues.goods_start`)
# are looked for.
GAP = 32
# How far before a company its word for buying from may start (`Org.sold_by`).
SELLER = 12
# How far before that word a business unit's noun may start (`_sold_by`).
UNIT = 24
# How far after a word for "from" an order won may start (`_sold_by`): "테슬라로부터 165억
# 달러 규모의 파운드리 수주".
ORDER = 32


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
    marks = cues.words_of_own(lang, "brand_mark") if lang else ()
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
            after = sentence[rel_end:rel_end + 2]
            if after[:1] in ("(", "（"):
                after = _particle_at(sentence, rel_end)
            sold_by = bool(lang) and _seller_named(sentence, lang, rel, rel_end)
            kind_of_org = types.get(name, role or "other")
            # A chip's name after it is read for chipmakers only (their goods' brand).
            chip_after = kind_of_org == "chips" and cues.chip_named_at(
                sentence, rel_end + _mark_len(sentence, rel_end, marks))
            out.append(Org(name, kind_of_org, rel, after, rel_end, gap.end() if gap else rel_end,
                           head, sold_by, chip_after=chip_after))
    if len(out) > 1 and lang:
        out = _sellers_listed(out, sentence, lang)
        # A customer is read from a word for "for" between two companies (`direction.buyer_of`; a
        # third may be dropped later, a brand).
        served = cues.word_before(lang, "customer_for")
        out = [replace(o, served=True) if served.search(sentence, max(0, o.start - SELLER),
                                                        o.start) else o for o in out]
    return groups.one_side(out, parents, sentence, lang) if len(out) > 1 else out


def _mark_len(sentence: str, end: int, marks: tuple[str, ...]) -> int:
    """How long the possessive mark (`marks`: deals.toml ``brand_mark``) right at `end`
    is, else 0: a chip's name may follow it (``Nvidia's GB300 chips``)."""
    return next((len(m) for m in marks if sentence.startswith(m, end)), 0)


# A language's words marking a seller (`_sold_by`): for buying from before the company,
# a business unit before that word, and (ja, ko) for "from" after the company, or None,
# an order won after that (`ORDER`), and an acquisition's noun with its word for "of"
# (``Übernahme von``: "von" is "of" there, not "from").
SellerMarks = tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str] | None,
                    re.Pattern[str], re.Pattern[str]]


@cache
def _seller_marks(lang: str) -> SellerMarks:
    after = cues.word_after(lang, "seller_after") \
        if cues.words_of_own(lang, "seller_after") else None
    return cues.word_before(lang, "seller_of"), cues.word_before(lang, "unit_nouns"), \
        cues.word_before(lang, "order_nouns"), after, cues.words_found(lang, "order_after"), \
        cues.word_before(lang, "acquisition_of")


# How many lower-case words may describe a company between a word for buying from and
# its name (`_described_from`): "from chipmaker AMD", "у австралийской IREN".
DESCRIBED = 2
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


def _seller_named(sentence: str, lang: str, start: int, end: int) -> bool:
    """Is the company at `start`..`end` marked as a seller (`_sold_by`), right after the
    word for buying from or after the words describing it (`_described_from`; not where
    words are not spaced)? Where they are spaced, one search first for such a word close
    before the name: most names have none."""
    marks = _seller_marks(lang)
    if cues.found_anywhere(lang):
        return _sold_by(sentence, marks, start, end)
    if cues.words_found(lang, "seller_of").search(
            sentence, max(0, start - DESCRIBED * GAP - SELLER), start) is None:
        return False
    return _sold_by(sentence, marks, start, end) or any(
        _sold_by(sentence, marks, at, end) for at in _described_from(sentence, start, lang))


def _described_from(sentence: str, start: int, lang: str) -> list[int]:
    """Where each of the words describing a company right before its name (starting at
    `start`) starts (at most `DESCRIBED`: lower-case words of letters only, ``chipmaker``
    in ``from chipmaker AMD``, ``австралийской`` in ``у австралийской IREN``, or a noun of
    deals.toml ``maker_nouns``, ``vom US-Konzern AMD``): the places a word for buying from
    may end besides the name's start."""
    out, at = [], start
    nouns = cues.word_set(lang, "maker_nouns")
    for _ in range(DESCRIBED):
        word = _WORD_BEFORE.search(sentence, max(0, at - GAP), at)
        if word is None:
            break
        text = word.group(1)
        if not (text.replace("-", "").isalpha() and text[0].islower()) \
                and text.rsplit("-", 1)[-1].lower() not in nouns:
            break
        at = word.start()
        out.append(at)
    return out


def _sold_by(sentence: str, marks: SellerMarks, start: int, end: int) -> bool:
    """Does a word for buying from stand right before the company at `start`..`end`, no
    business unit right before that word (``the robotics unit from ABB`` is ABB's own:
    deals.toml ``unit_nouns``) nor a contract or order won (``won a $14 billion contract
    from Meta``: Meta buys; ``order_nouns``), nor the word for "of" of an acquisition's noun
    (``die Übernahme von Marvells …-Sparte``: ``acquisition_of``)? Or one for "from" right
    after it (``エヌビディアから``), no order won a few words on (``테슬라로부터 … 파운드리
    수주를 따냈다``: Tesla buys; ``order_after``)?"""
    before, units, orders, after, won, acquired_of = marks
    m = before.search(sentence, max(0, start - SELLER), start)
    if m is not None and units.search(sentence, max(0, m.start() - UNIT), m.start()) is None \
            and orders.search(sentence, max(0, m.start() - UNIT), m.start()) is None \
            and acquired_of.search(sentence, max(0, start - SELLER - UNIT), start) is None:
        return True
    mark = after.match(sentence, past_bracket(sentence, end)) if after is not None else None
    return mark is not None and won.search(sentence, mark.end(), mark.end() + ORDER) is None


def order_giver(sentence: str, lang: str, orgs: list[Org]) -> Org | None:
    """In ja and ko, the one company a word for "from" follows with an order won a few
    words on (``NECはさくらインターネットから…案件を受注した``: Sakura Internet gave the
    order and buys; `_sold_by` marks no seller there)."""
    _, _, _, after, won, _ = _seller_marks(lang)
    if after is None:
        return None
    givers = [o for o in orgs if (m := after.match(sentence, past_bracket(sentence, o.end)))
              is not None and won.search(sentence, m.end(), m.end() + ORDER) is not None]
    return givers[0] if len(givers) == 1 else None


def _sellers_listed(orgs: list[Org], sentence: str, lang: str) -> list[Org]:
    """`orgs`, each listed after a seller with only a word for "and" between (deals.toml
    ``coordinated``) a seller too: ``buy chips from both Nvidia and AMD``."""
    if not any(o.sold_by for o in orgs[:-1]):
        return orgs  # most sentences name no seller
    out = orgs[:1]
    for org in orgs[1:]:
        before = out[-1]
        if before.sold_by and not org.sold_by \
                and joined_by_and(sentence, lang, before, org, marks=" ,"):
            org = replace(org, sold_by=True)
        out.append(org)
    return out


def _particle_at(sentence: str, end: int) -> str:
    """The two characters after a name ending at `end`, past a short bracket right after
    it (``아마존웹서비스(AWS)와``, ``ソフトバンクグループ（SBG）が``): where a particle stands."""
    end = past_bracket(sentence, end)
    return sentence[end:end + 2]


def past_bracket(sentence: str, end: int, reach: int = BRACKET) -> int:
    """Where the text after a name ending at `end` goes on, past a bracket right after it
    closed within `reach` characters (`_particle_at`, `clauses.bracket_aside`)."""
    if sentence[end:end + 1] in ("(", "（"):
        close = next((i for i in range(end + 1, min(len(sentence), end + reach))
                      if sentence[i] in ")）"), None)
        if close is not None:
            return close + 1
    return end


def first_after(orgs: list[Org], end: int) -> Org | None:
    """The company named first at or after `end` (an amount's end), if any."""
    return next((o for o in orgs if o.start >= end), None)


def last_before(orgs: list[Org], start: int) -> Org | None:
    """The company named last ending at or before `start`, if any."""
    return next((o for o in reversed(orgs) if o.end <= start), None)


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


def marked_doers(orgs: list[Org], markers: tuple[tuple[str, ...], tuple[str, ...]]) -> list[Org]:
    """The companies a particle marks as the doer (`cues.markers`: が, 는 …)."""
    return [o for o in orgs if markers[0] and o.after.startswith(markers[0])]


def provider_type(org: Org) -> str:
    """The type a compute deal ranks a company by: big tech selling cloud as a hyperscaler."""
    return "hyperscaler" if org.type == "bigtech" and org.name in cues.cloud_sellers() \
        else org.type


def provider_rank(org: Org) -> int:
    """How likely a company is to be the provider of a compute deal (PROVIDER_RANK)."""
    return PROVIDER_RANK.get(provider_type(org), 2)
