"""A clause set off after a sentence's subject: background, read apart.

``Oracle, which sells cloud capacity to OpenAI, plans to raise $38 billion`` is
Oracle's plan; that Oracle sells OpenAI capacity is the clause's own statement.
Read as one, the sentence made OpenAI raise a round Oracle leads. So a sentence
whose first comma, close to its start and after no deal word, opens such a clause
(or whose first company has a bracket naming another right after it: ``Microsoft (déjà
actionnaire de G42) va investir …``, `bracket_aside`)
(deals.toml ``aside``: which, who, founded by, der/die/das, qui, che, który,
который …; or an article, ``aside_article``, with such a word before the clause's
comma: ``Lambda, a cloud provider backed by Nvidia, …``) and whose next comma closes
it (not one before a word of ``aside_and``: ``…, ma detiene anche …`` goes on) is
read as two views of the same text,
offsets unchanged:

- the sentence without the clause (``Oracle plans to raise $38 billion``), where
  an anaphor stands for the company the clause named (``Nvidia, which owns a stake
  in CoreWeave, agreed to buy capacity from the company``: from CoreWeave), and
- the clause with its antecedent, the company named right before it, when there
  is one (``Oracle, which sells cloud capacity to OpenAI,``).

A clause after the object (``… a deal with Oracle, which will provide 4.5 GW``)
is left whole: it often carries the deal's own figures; unless both it and the text
before it hold money (`object_clause`: ``… in Anthropic, which committed to purchase $30
billion of Azure compute capacity``): then it is read apart, with its antecedent.

A sentence opening with a word for "after" (deals.toml ``opening_after``: ``Tras
invertir 2.000 millones de dólares en xAI, Nvidia anunció un acuerdo con Mistral AI``,
``Nachdem Nvidia bei Intel eingestiegen war, …``) tells a deal in that clause too: it is
read as the clause up to its comma, then the rest (`opening`); a clause naming one company
or none takes the company named right after its comma as its subject.

A sentence going on after a comma with a word for "separately" (deals.toml
``separately``, an "and" between: ``Microsoft signed a $9.7 billion contract with IREN
…, and separately agreed to buy $5.8 billion of equipment from Dell``) or one opening
a clause of its own (``clause_joins``: ``…, while Nvidia and Microsoft pledged to invest
…``) tells two deals: it is read as the part before the comma and the part after the word, the
subject kept with the second when no new one opens it (`separated`). So does one going
on after a comma and a word for "and" with a company of its own, when both parts hold
money (`joined_clause`: ``…, and Anthropic committed to buy $30 billion …``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import cues
from .parties import past_bracket
from .records import Org

if TYPE_CHECKING:
    from .records import Name

# How far into the sentence its first comma may stand: a subject, not a clause.
SUBJECT = 80
# How long a bracket after the subject read as an aside may be (`bracket_aside`).
BRACKET = 80
# Cue categories that may stand in a subject ("The startup, founded by …").
_IN_SUBJECT = frozenset({"anaphor"})


@dataclass(frozen=True)
class View:
    """What one view of a sentence keeps: the text, the rest blanked with spaces so
    that offsets hold, and the cues, companies, names and amounts within it."""

    sentence: str
    found: dict[str, list[int]]
    orgs: list[Org]
    names: list[Name]
    amounts: list[dict]


def aside(sentence: str, lang: str, found: dict[str, list[int]],
          amounts: list[dict], sent_start: int = 0,
          spans: list[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The span of the clause set off after the subject, from its opening comma to
    past its closing one, or None; `amounts` in document offsets, the sentence
    starting at `sent_start`. A comma within a list of companies (`spans`: where the
    sentence names them) does not close it (``The Stargate venture, backed by SoftBank,
    OpenAI and Oracle, plans …``)."""
    comma = sentence.find(", ", 0, SUBJECT)
    if comma <= 0:
        return None
    words = cues.words_found(lang, "aside")
    opener = words.match(sentence, comma + 2)
    article = cues.words_found(lang, "aside_article").match(sentence, comma + 2) \
        if opener is None else None
    if article is not None:
        # "Lambda, a cloud provider backed by Nvidia, has signed …": an apposition, when a
        # word of aside stands in it before its comma.
        end = sentence.find(", ", article.end())
        opener = words.search(sentence, article.end(), end) if end > 0 else None
    if opener is None or any(a["start"] - sent_start < comma for a in amounts) or any(
            p < comma for cat, hits in found.items() if cat not in _IN_SUBJECT for p in hits):
        return None
    goes_on = cues.words_found(lang, "aside_and")
    close = sentence.find(", ", opener.end())
    while close > 0 and (goes_on.match(sentence, close + 2)
                         or _listed_on(sentence, lang, close, spans)):
        close = sentence.find(", ", close + 2)  # "…, ma detiene anche …": the same clause
    return (comma, close + 1) if close > 0 else None


def bracket_aside(sentence: str, orgs: list[Org]) -> tuple[int, int] | None:
    """The span of a bracket right after the first company, from the company's end to
    past the bracket's close, when the bracket names another company (``Microsoft (déjà
    actionnaire de G42) va investir …``: background, read apart as an aside); else None."""
    if len(orgs) < 2:
        return None
    if "(" not in sentence and "（" not in sentence:
        return None  # most sentences have no bracket
    first = orgs[0]
    at = cues.skip_spaces(sentence, first.end)
    past = past_bracket(sentence, at, BRACKET)
    if past == at or not any(at < o.start < past and o.name != first.name for o in orgs):
        return None
    return first.end, past


def _listed_on(sentence: str, lang: str, comma: int, spans: list[tuple[int, int]]) -> bool:
    """Does a list of companies go on after the comma at `comma`: a company named right
    after it (`spans`), then another comma or a word for "and" (deals.toml
    ``coordinated``)?"""
    end = next((e for s, e in spans if s == comma + 2), None)
    if end is None:
        return False
    rest = sentence[end:].lstrip().lower()
    return rest.startswith(",") or any(rest.startswith(w + " ")
                                       for w in cues.word_set(lang, "coordinated"))


def separated(sentence: str, lang: str, orgs: list[Org]) -> tuple[int, int, int] | None:
    """Where a sentence telling two deals splits (see the module docstring): the comma
    before a word for "separately", where the word ends, and where the subject kept with
    the second part ends (0 for none: a company named right after the word, or a language
    whose verb does not follow its doer); None when the sentence does not split so, or
    either part names no company."""
    if len(orgs) < 2:
        return None  # a company on each side of the split, at the least
    for m in cues.split_word(lang).finditer(sentence):
        comma = m.start()
        if not any(o.start < comma for o in orgs) or not any(o.start >= m.end() for o in orgs):
            return None
        rest = sentence[m.end():].lstrip(" ,")
        carried = rest[:1].islower() and not cues.found_anywhere(lang)
        return comma, m.end(), orgs[0].end if carried else 0
    return None


def opening(sentence: str, lang: str, orgs: list[Org]) -> tuple[int, Org | None] | None:
    """Where a clause opening the sentence with a word for "after" ends (its comma), and
    the company right after the comma when the clause names one company or none (its
    subject too: ``Après avoir levé 1,7 milliard d'euros, Mistral AI a signé …``); None
    unless the rest names a company and the clause one or its subject."""
    m = cues.words_found(lang, "opening_after").match(sentence) \
        if cues.words_of_own(lang, "opening_after") else None
    if m is None:
        return None
    comma = sentence.find(", ", m.end())
    if comma < 0:
        return None
    inside = [o for o in orgs if o.start < comma]
    rest = [o for o in orgs if o.start > comma]
    if not rest:
        return None
    subject = rest[0] if len({o.name for o in inside}) <= 1 and rest[0].start == comma + 2 \
        else None
    return (comma, subject) if inside or subject is not None else None


def joined_clause(sentence: str, lang: str, named: list[tuple[int, int]],
                  amounts: list[dict], sent_start: int = 0) -> tuple[int, int] | None:
    """Where a second clause opens with a company after a comma and a word for "and"
    (deals.toml ``clause_and``; `named`: where the sentence names companies), money before
    it and money or power after: its comma and the company's start (``Microsoft agreed to
    invest $5 billion in Anthropic, and Anthropic committed to buy $30 billion of Azure
    compute``, ``…, а OpenAI закупит у Nvidia чипы мощностью 10 ГВт``). Else None."""
    if len(named) < 2 or len(amounts) < 2:
        return None
    joins = cues.word_set(lang, "clause_and")
    if not joins:
        return None
    at = [(a["start"] - sent_start, a["kind"]) for a in amounts]
    for i, (start, end) in enumerate(named[1:], 1):
        comma = sentence.rfind(", ", 0, start)
        if comma < 0 or sentence[comma + 2:start].strip().lower() not in joins:
            continue
        # Each part names two companies, the clause's not in a list with its first ("…,
        # and Microsoft and Nvidia will invest a combined $15 billion", "…, and Nvidia up
        # to $10 billion", "Nvidia инвестирует до $10 миллиардов, а Microsoft — …": a
        # side of the deal is in the other part).
        later = named[i + 1:]
        if len({sentence[a:b] for a, b in named[:i]}) < 2 \
                or len({sentence[a:b] for a, b in named[i:]}) < 2 \
                or sentence[end:later[0][0]].strip().lower() in joins | {","}:
            continue
        if any(p < comma and kind == "money" for p, kind in at) \
                and any(p > start and kind in ("money", "power") for p, kind in at):
            return comma, start
    return None


def object_clause(sentence: str, lang: str, orgs: list[Org], amounts: list[dict],
                  sent_start: int = 0, named: list[tuple[int, int]] | None = None
                  ) -> tuple[int, Org] | None:
    """Where a clause set off after a company that is not the subject opens (its comma)
    and that company, when the clause and the text before it each hold money: ``…
    respectively in Anthropic, which committed to purchase $30 billion of Azure compute
    capacity`` tells a deal of its own. So does a clause with a power figure and a
    company of its own after money before it (``Nvidia will invest up to $100 billion in
    OpenAI, which will deploy 10 gigawatts of Nvidia systems``). With money on one side
    only and no company of its own (`named`: the spans of the sentence's company names)
    the clause is left whole: it carries the deal's figures (``… a deal with Oracle,
    which will provide 4.5 GW``)."""
    if len(orgs) < 2 or len(amounts) < 2:
        return None
    money = [a["start"] - sent_start for a in amounts if a["kind"] == "money"]
    power = [a["start"] - sent_start for a in amounts if a["kind"] == "power"]
    if not money:
        return None
    for o in orgs[1:]:
        if not sentence.startswith(", ", o.end):
            continue
        opener = cues.words_found(lang, "aside").match(sentence, o.end + 2)
        if opener is None or not any(p < o.end for p in money):
            continue
        if any(p > opener.end() for p in money) or (
                any(p > opener.end() for p in power)
                and any(lo > opener.end() for lo, _ in named or ())):
            return o.end, o
    return None


def views(sentence: str, lang: str, sent_start: int, found: dict[str, list[int]],
          orgs: list[Org], names: list[Name], amounts: list[dict],
          parties: Callable[[list[Name]], list[Org]] | None = None) -> list[View]:
    """The sentence as one view, or as two around a clause set off after its subject
    (see the module docstring): without the clause, then the clause with its
    antecedent; or as two deals told apart (`separated`, `object_clause`). `parties`
    reads a view's companies from its names (a company named in both parts is in both
    views); without it, a view keeps the companies first named within it."""
    n = len(sentence)

    def view(*keep: tuple[int, int]) -> View:
        return _view(sentence, sent_start, found, orgs, names, amounts, keep, parties)

    named = [(nm[1] - sent_start, nm[2] - sent_start) for nm in names if nm[4] == "org"]
    span = bracket_aside(sentence, orgs) or aside(sentence, lang, found, amounts, sent_start,
                                                  named)
    if span is None:
        opened = opening(sentence, lang, orgs)
        if opened is not None:
            comma, subject = opened
            first = view((0, comma), (subject.start, subject.end)) if subject is not None \
                else view((0, comma))
            return [first, view((comma + 1, n))]
        split = separated(sentence, lang, orgs)
        if split is not None:
            comma, word_end, subject_end = split
            second = view((0, subject_end), (word_end, n)) if subject_end else view((word_end, n))
            return [view((0, comma)), second]
        joined = joined_clause(sentence, lang, named, amounts, sent_start)
        if joined is not None:
            comma, second = joined
            return [view((0, comma)), view((second, n))]
        clause = object_clause(sentence, lang, orgs, amounts, sent_start, named)
        if clause is not None:
            comma, antecedent = clause
            return [view((0, comma)), view((antecedent.start, antecedent.end), (comma, n))]
        return [View(sentence, found, orgs, names, amounts)]
    lo, hi = span
    antecedent = next((o for o in orgs if o.end == lo), None)
    start = antecedent.start if antecedent is not None else lo
    main = view((0, lo), (hi, n))
    # "Nvidia, which owns a stake in CoreWeave, agreed to buy … from the company": with one
    # company left, an anaphor after the clause stands for the last one the clause named.
    inner = [o for o in orgs if lo <= o.start < hi]
    anaphor = [p for p in main.found.get("anaphor", ()) if p >= hi]
    if inner and anaphor and len(main.orgs) == 1:
        end = cues.anaphor_end(sentence, lang, anaphor[0])
        main.orgs.append(inner[-1].named_at(sentence, anaphor[0], end))
    elif inner and len(main.orgs) == 1:
        # "Google, which owns about 14% of Anthropic, is in talks to invest more in the AI
        # startup": one naming a kind of company stands for the last of that kind named.
        described = cues.described_anaphor_after(sentence, lang, hi)
        kind = cues.anaphor_type(sentence[slice(*described)], lang) if described else None
        of_kind = [o for o in inner if o.type == kind]
        if of_kind:
            main.orgs.append(of_kind[-1].named_at(sentence, *described))
    return [main, view((start, hi))]


def _view(sentence: str, sent_start: int, found: dict[str, list[int]], orgs: list[Org],
          names: list[Name], amounts: list[dict], keep: tuple[tuple[int, int], ...],
          parties: Callable[[list[Name]], list[Org]] | None = None) -> View:
    """The view keeping what starts within the `keep` spans of the sentence, the rest of
    the text blanked; its companies read by `parties` from its names, if given."""
    chars = [" "] * len(sentence)
    for lo, hi in keep:
        chars[lo:hi] = sentence[lo:hi]
    text = "".join(chars)

    def keeps(p: int) -> bool:
        return any(lo <= p < hi for lo, hi in keep)

    kept = {cat: [p for p in hits if keeps(p)] for cat, hits in found.items()}
    view_names = [nm for nm in names if keeps(nm[1] - sent_start)]
    return View(text, {cat: hits for cat, hits in kept.items() if hits},
                parties(view_names) if parties is not None
                else [o for o in orgs if keeps(o.start)],
                view_names,
                [a for a in amounts if keeps(a["start"] - sent_start)])
