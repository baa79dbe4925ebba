"""Companies listed together: each with the last or the first (`coordinated`), each
with the first and its own amount (`each_with_amount`), as joint investors
(`investors_listed`), as objects of an unnamed subject (`listed_objects`), or in a
recap of deals told elsewhere (`recap`)."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from . import cues
from .cues import KIND_CUES
from .records import Name, Org

# How far before a company a word for "with" makes it the one dealt with (`direction.buyer_of`):
# "with", "together with", "jointly with".
WITH_WORD = 16


def cue_before(found: dict[str, list[int]], at: int, category: str = "alongside",
               since: int = 0) -> bool:
    """Does a cue word of `category` (a word for "with" unless said) start within
    `WITH_WORD` characters before `at`, and not before `since` (``signed a deal with
    Oracle``, ``pagará a AMD``)?"""
    return any(since <= p < at <= p + WITH_WORD for p in found.get(category, ()))


# What may list companies before the word for "and" ("Cisco, Nvidia and Microsoft").
LIST_MARKS = ",、，"


def joined_by_and(sentence: str, lang: str, a: Org, b: Org, marks: str | None = None) -> bool:
    """Does only a word for "and" (deals.toml ``coordinated``) stand between `a` and `b`,
    `marks` around it (white space by default)?"""
    return a.end <= b.start \
        and sentence[a.end:b.start].strip(marks).lower() in cues.word_set(lang, "coordinated")


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


def listed_objects(sentence: str, lang: str, found: dict[str, list[int]],
                   orgs: list[Org]) -> bool:
    """Are all of a sentence's companies, three or more, one list right after a word of
    deals.toml ``alongside`` (``contracts with OpenAI, xAI and Meta``)? Each has its
    deal with the sentence's subject, not with the others; with the subject unnamed (``The
    database giant``, no anaphor read), no deal is told."""
    return len(orgs) >= 3 and cue_before(found, orgs[0].start) \
        and in_list(sentence, lang, orgs, and_last=True, mark_last=False)


# How far before its word for "with" a plural deal noun may start (`recap`): "signed
# deals with", "struck agreements with".
RECAP = 16


def recap(sentence: str, lang: str, found: dict[str, list[int]], orgs: list[Org],
          amounts: list[dict]) -> bool:
    """Does the sentence, with no money, sum up deals told elsewhere: a plural deal noun
    (deals.toml ``deals_plural``) right before a word for "with" (``alongside``) and
    a list of two or more companies after it, its subject another one, told with a word
    of ``recap_marks`` (``OpenAI has also signed deals with Nvidia and Broadcom in recent
    weeks``)? It tells none of its own."""
    if len(orgs) < 3 or "alongside" not in found or any(a["kind"] == "money" for a in amounts):
        return False
    listed = orgs[1:]
    withs = [p for p in found["alongside"] if orgs[0].end <= p < listed[0].start
             and listed[0].start - p <= WITH_WORD]
    if not withs or not in_list(sentence, lang, listed, and_last=True, mark_last=False) \
            or not cues.says(sentence, lang, "recap_marks"):
        return False
    nouns = cues.words_found(lang, "deals_plural")
    return any(nouns.search(sentence, max(orgs[0].end, p - RECAP), p) for p in withs)


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


def each_with_amount(sentence: str, lang: str, orgs: list[Org], amounts: list[dict],
                     found: dict[str, list[int]],
                     start: int) -> list[tuple[list[Org], list[dict]]] | None:
    """The first company with each named after it, when each of those is followed by a
    money amount of its own before the next is named (``signed deals with Nebius, worth
    $17.4 billion, and with IREN, worth $9.7 billion``), or preceded by one after the
    company before and a word for "with" (``alongside``: ``signed deals worth $9.7 billion
    with IREN and $17.4 billion with Nebius``), or all after them with a word for
    "respectively", in their order: each pair with its amount and the sentence's other
    figures. A deal word stands between the first and the rest; in ja, zh and ko, whose
    verb comes last, the first is marked as the doer instead. Else None: amounts told
    into their companies (``$5 billion in Intel and $2 billion in Synopsys``:
    `direction.amounts_into`), and rounds, whose parts `figures.parts_given` reads.
    `start` is the sentence's offset in its document, as the amounts'."""
    money = [a for a in amounts if a["kind"] == "money"]
    if len(orgs) < 3 or len(money) != len(orgs) - 1 or "funding" in found:
        return None
    doer, *listed = orgs
    if cues.found_anywhere(lang):
        if not doer.after.startswith(cues.doer_marks(lang)):
            return None
    elif not any(doer.end <= p < listed[0].start for c in KIND_CUES for p in found.get(c, ())):
        return None
    if "respectively" in found:
        # "… with Nebius and IREN worth $17.4 billion and $9.7 billion respectively"
        if money[0]["start"] - start < listed[-1].end:
            return None
    else:
        at = [(a["start"] - start, a["end"] - start) for a in money]
        ends = [o.start for o in listed[1:]] + [len(sentence)]
        starts = [doer.end] + [o.end for o in listed[:-1]]
        withs = found.get("alongside", ())
        # Each amount after its company, before the next.
        after = all(o.end <= a < end for o, (a, _), end in zip(listed, at, ends, strict=True))
        # Or before its company, after the one before, a word for "with" right before the
        # company ("signed deals worth $9.7 billion with IREN and $17.4 billion with
        # Nebius"; not "Microsoft would invest up to $5 billion and Nvidia up to $10
        # billion": the investors' amounts).
        before = all(begin <= a and b <= o.start
                     and any(b <= w < o.start <= w + WITH_WORD for w in withs)
                     for o, (a, b), begin in zip(listed, at, starts, strict=True))
        if not (after or before):
            return None
    others = [a for a in amounts if a["kind"] != "money"]
    return [([doer, o], [a, *others]) for o, a in zip(listed, money, strict=True)]


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
        doers = cues.doer_marks(lang)
        if not doer.after.startswith(doers) or not any(
                listed[-1].after.startswith(w) for w in cues.word_set(lang, "coordinated")):
            return None
    elif not any(doer.end <= p < listed[0].start for c in KIND_CUES for p in found.get(c, ())):
        return None
    return [[doer, o] for o in listed]
