"""The companies a sentence's anaphors stand for, from the sentences before.

``das Unternehmen``, ``the startup``, ``It also signed …``: a word for "the company",
one naming a kind of company, or a subject pronoun stands for a company the sentence
before named (`with_antecedent`); one put after every name as the object of money
put in stands for it too (`invested_anaphor`: ``Microsoft would invest up to $5
billion and Nvidia up to $10 billion in the company``); words for the two companies
stand for the two named before when no deal was told (`pair_anaphor`: ``Die beiden
Konzerne``, ``両社``); money invested in return goes to the lab of the deal before
(`investee_in_return`), and money put in with no object by investors of the deals told
right before goes into their company (`investee_again`). The words are deals.toml data
(``anaphor``, ``anaphor_lab``, ``anaphor_chips``, ``anaphor_bigtech``,
``anaphor_article``, ``subject_pronoun``, ``pronoun_verbs``, ``pair_anaphor``,
``deal_reference``).
"""

from __future__ import annotations

import re

from . import cues
from .figures import TIED
from .records import Candidate, Org

# A sentence's first word, or the first after an opening phrase of up to three words and
# a comma ("Separately, it …", "On Monday, it …"): where a subject pronoun may stand.
_OPENING = re.compile(r"\s*(?:[^\s,]+(?:\s+[^\s,]+){0,2},\s*)?(\w+)")


def with_antecedent(orgs: list[Org], found: dict[str, list[int]], antecedent: Org | None,
                    sentence: str, lang: str, named_before: list[Org] | None = None
                    ) -> list[Org]:
    """`orgs`, with the company an anaphor stands for (``das Unternehmen`` → the
    company the sentence before named first) when the sentence names one other
    company after the anaphor: ``Vergangenen Montag hatte das Unternehmen mit AMD
    einen Vertrag … geschlossen`` is OpenAI and AMD. An anaphor that names a kind of
    company (``the startup``, ``The British self-driving startup``: `cues.anaphor_type`)
    stands for the first company of that kind the sentence before named (`named_before`),
    if any: ``Nvidia … invest … in Wayve. The British self-driving startup …`` is
    Wayve; after the name too, when the name is no such company (``Microsoft will
    invest … in the startup``). Any other anaphor after the name
    (``AMD said the company …``) or right before it (``the company OpenAI``)
    stands for that name and adds nothing. So does a pronoun opening the sentence
    (`subject_pronoun`: ``It also signed a $10 billion deal with CoreWeave``). In a
    language that marks the object (Japanese を, Korean 를), a sentence whose only
    company is the object has an omitted subject: that company is the doer."""
    if antecedent is None or len(orgs) != 1 or orgs[0].name == antecedent.name:
        return orgs
    named = orgs[0]
    agents, objects = cues.markers(lang)
    span = (found["anaphor"][0], cues.anaphor_end(sentence, lang, found["anaphor"][0])) \
        if "anaphor" in found else cues.described_anaphor(sentence, lang)
    if span is not None:
        pos, end = span
        kind = cues.anaphor_type(sentence[pos:end], lang)
        fitting = next((o for o in named_before or () if o.type == kind), None)
        if pos > named.start:
            # "Microsoft will invest … in the startup": not Microsoft, the lab named before.
            if fitting is None or named.type == kind or fitting.name == named.name:
                return orgs
            return [named, fitting.named_at(sentence, pos, end)]
        if not cues.found_anywhere(lang) and (len(sentence[pos:named.start].split()) <= 2
                                              or not sentence[end:named.start].strip()):
            return orgs  # an apposition: the company OpenAI, The British startup Wayve
        meant = fitting or antecedent
        if meant.name == named.name:
            return orgs
        return [meant.named_at(sentence, pos, end), named]
    pronoun = subject_pronoun(sentence, lang)
    if pronoun is not None and pronoun[1] <= named.start:
        # "It also signed a $10 billion deal with CoreWeave": It is the one named before.
        start, end = pronoun
        return [antecedent.named_at(sentence, start, end), named]
    if objects and named.after.startswith(objects):
        # No subject at all, the only company the object (…アンペア・コンピューティング
        # を65億ドルで買収すると発表): the doer is the one named before.
        return [Org(antecedent.name, antecedent.type, 0, agents[0] if agents else "", 0), named]
    return orgs


def subject_pronoun(sentence: str, lang: str) -> tuple[int, int] | None:
    """Where a pronoun opening the sentence, or its first clause after a comma, stands
    (deals.toml ``subject_pronoun``: ``It``, ``Separately, it``), when a word of when or
    whether (``It also signed``, ``It will``) or a deal verb (``pronoun_verbs``: ``it
    expanded``) follows it, else None; such a pronoun stands for a company as an
    anaphor does."""
    m = _OPENING.match(sentence)
    if m is None or m.group(1).lower() not in cues.word_set(lang, "subject_pronoun"):
        return None
    end = m.end(1)
    verb = cues.doer_gap(lang).match(sentence, end) \
        or cues.words_found(lang, "pronoun_verbs").match(sentence, cues.skip_spaces(sentence, end))
    return (m.start(1), end) if verb else None


def pair_anaphor(orgs: list[Org], found: dict[str, list[int]], named_before: list[Org],
                 previous: Candidate | None, sentence: str, lang: str,
                 types: dict[str, str] | None = None) -> list[Org]:
    """`orgs`, or, in a sentence that names no company but has words for the two
    companies (deals.toml ``pair_anaphor``: ``Die beiden Konzerne kündigten … eine
    Partnerschaft … an``, ``両社は``), the two the sentence before named, when it told
    no deal (after one it told, the sentence goes on with that: `continuation`); the
    caller gives only the sentence right before's two as `named_before`. Not
    in a sentence about a round (`found`), which one company raises (``この資金調達
    ラウンドは、両社が…パートナーシップを固めてから``: the pair's deal is told before).
    After a deal, a word for "in addition" makes the sentence another deal of that deal's
    two (``Beide Unternehmen wollen zudem gemeinsam Chips … entwickeln``; `types`: each
    company's type)."""
    if orgs or "funding" in found:
        return orgs
    if previous is not None:
        if previous.source is None or not cues.says(sentence, lang, "in_addition"):
            return orgs
        named_before = [Org(n, (types or {}).get(n, "other"), 0)
                        for n in (previous.source, previous.target)]
    if len(named_before) != 2:
        return orgs
    m = cues.words_found(lang, "pair_anaphor").search(sentence)
    if m is None:
        return orgs
    at, end = m.span()
    return [o.named_at(sentence, at, end) for o in named_before]


def invested_anaphor(orgs: list[Org], found: dict[str, list[int]],
                     money: list[tuple[int, int]], antecedent: Org | None,
                     named_before: list[Org], sentence: str, lang: str) -> list[Org]:
    """`orgs`, with the company an anaphor put after every name stands for when money is
    put into it: right after an amount, an investment word or a "respectively" word after
    the amounts (within `TIED`), no name between (``Microsoft would invest up to $5
    billion and Nvidia up to $10 billion in the company``, ``Nvidia took a stake in the
    company``, ``… $5 billion and $10 billion respectively in the startup``). It is the
    company the sentence before named first, or of the anaphor's kind (``in the startup``,
    `named_before`); not the one whose part is named (``in the company's data
    centers``). `money`: the sentence's money spans."""
    if antecedent is None or not orgs or "anaphor" not in found:
        return orgs
    last = max(o.end for o in orgs)
    ends = [e for _, e in money] + [cues.word_end(sentence, q) for q in (
        *found.get("investment", ()), *found.get("respectively", ()))]
    for p in found["anaphor"]:
        if p < last or not any(last <= e <= p <= e + TIED for e in ends):
            continue
        end = cues.anaphor_end(sentence, lang, p)
        if sentence.startswith(("'s", "’s"), end):
            return orgs
        kind = cues.anaphor_type(sentence[p:end], lang)
        meant = antecedent if kind is None else next(
            (o for o in named_before if o.type == kind), None)
        if meant is None or any(o.name == meant.name for o in orgs):
            return orgs
        return [*orgs, meant.named_at(sentence, p, end)]
    return orgs


def investee_again(orgs: list[Org], found: dict[str, list[int]], has_money: bool,
                   told: list[Candidate], types: dict[str, str], sentence: str) -> list[Org]:
    """`orgs`, with the company the investments told right before (`told`) went into,
    when each company the sentence names is one of their investors and it puts money in
    with no object (``Microsoft and Nvidia said they would invest in Anthropic. Microsoft
    will put in up to $5 billion, while Nvidia will invest up to $10 billion``): the money
    goes into it, from the investor named before it. `types`: each company's type."""
    if not orgs or not has_money or "investment" not in found:
        return orgs
    into = {c.target for c in told if c.kind == "investment"
            and any(o.name == c.source for o in orgs)}
    if len(into) != 1 or any(o.name in into for o in orgs) or not all(
            any(c.kind == "investment" and c.source == o.name for c in told) for o in orgs):
        return orgs
    (target,) = into
    end = len(sentence.rstrip())
    return [*orgs, Org(target, types.get(target, "other"), end, "", end)]


def investee_in_return(orgs: list[Org], found: dict[str, list[int]],
                       previous: Candidate | None, named_before: list[Org], sentence: str,
                       lang: str) -> list[Org]:
    """`orgs`, with the lab of the deal told before when the sentence invests in return
    and names no lab (deals.toml ``deal_reference``: ``… agreed to buy up to $30 billion
    of computing capacity from Microsoft Azure. Microsoft and Nvidia will in turn invest
    up to $5 billion and $10 billion respectively``): the money goes to that lab."""
    if "investment" not in found or previous is None or not orgs \
            or any(o.type == "lab" for o in orgs) \
            or not cues.refers_to_deal(sentence, lang):
        return orgs
    lab = next((o for o in named_before if o.type == "lab"
                and o.name in (previous.source, previous.target)), None)
    if lab is None:
        return orgs
    end = len(sentence.rstrip())
    return [*orgs, Org(lab.name, lab.type, end, "", end)]
