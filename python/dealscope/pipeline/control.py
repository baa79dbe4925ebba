"""A stake that gives control is an acquisition, not an investment.

``Intel sold a 51% stake in Altera to Silver Lake`` is Silver Lake buying
Altera, and so is a word for control (deals.toml ``control``: ``majority stake``,
``контрольный пакет``, ``控股权``). A share of half or less (``a 49% stake``)
stays an investment, and so does one bought with a word for buying a company
(``Meta acquires 49% of Scale AI``, ``übernimmt 49 Prozent an``).
"""

from __future__ import annotations

from . import cues

# How far from a stake or share word its percentage may stand ("a 51% stake",
# "株式51%", "51%的股份").
NEAR = 12
# Above this percentage a stake controls the company.
HALF = 50.0


def controlling(sentence: str, lang: str, found: dict[str, list[int]],
                percents: list[tuple[int, int, float]]) -> bool:
    """Does the sentence buy control: a word for it, or a percentage over half right
    next to a stake or share word (`percents`: start, end within the sentence, and
    value)?"""
    if cues.words_found(lang, "control").search(sentence):
        return True
    stakes = cues.positions(found, *cues.STAKES)
    return any(value > HALF and _next_to(sentence, start, end, p)
               for start, end, value in percents for p in stakes)


def part_bought(sentence: str, found: dict[str, list[int]],
                percents: list[tuple[int, int, float]]) -> bool:
    """Does a word for buying a company buy a part of it: a percentage of half or less
    right after the word, a word at most between (``acquires 49% of``, ``acquisisce il
    49%``, ``übernimmt 49 Prozent an``)?"""
    return any(value <= HALF and p < start <= p + NEAR * 2
               and len(sentence[p:start].split()) <= 2
               for start, _end, value in percents for p in found.get("acquisition", ()))


def share_paid_for(sentence: str, lang: str, found: dict[str, list[int]],
                   percents: list[tuple[int, int, float]], orgs: list) -> float | None:
    """The percentage of a company money is paid for, if any: after a word for paying, a
    word for "of" (deals.toml ``goods_of``) and the company right after it (``will pay
    nearly $15 billion for 49% of Scale AI``, ``pagará … por el 49% de Scale AI``): a
    stake bought, which over half controls the company."""
    pays = found.get("pays", ())
    of = cues.word_set(lang, "goods_of")
    for start, end, value in percents:
        if not any(p < start for p in pays):
            continue
        for o in orgs:
            words = sentence[end:o.start].lower().split()
            if o.start >= end and len(words) == 1 and words[0] in of:
                return value
    return None


def _next_to(sentence: str, start: int, end: int, cue: int) -> bool:
    """Is the cue word at `cue` the percentage's own: right after it, a word at most
    between ("51% stake", "51% of the shares" is not; "51%的股份"), or right before it
    ("stake of 51%", "株式51%", "지분 51%")?"""
    if end <= cue <= end + NEAR:
        return len(sentence[end:cue].split()) <= 1
    if start - NEAR <= cue < start:
        return len(sentence[cue:start].split()) <= 2
    return False
