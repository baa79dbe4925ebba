"""A company named with its parent or unit: the two are one side.

``Alphabet's Google agreed to acquire Wiz`` is Google's deal, ``Google's parent
Alphabet agreed …`` Alphabet's: of a company and its parent (names.toml) named one
right after the other with only a word of the group between (deals.toml
``group_of``: ``'s``, ``parent``, ``unit``, 傘下の, 旗下), the one named second is
the side, the other drops out (in apposition, a comma alone between, the second:
``Alphabet, Google's parent, …``); so does the first of any two companies with only a
word of owning or backing between (``owner_of``, ``backer_of``: ``Mubadala's MGX
invested …``, ``Nvidia-backed CoreWeave bought …``; no parent known). Not when a
word for their deal follows the second (deals.toml ``group_deal``: ``Amazon's
Annapurna Labs acquisition``, the parent bought its unit).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from . import cues

if TYPE_CHECKING:
    from .records import Org

# How far after the second company a word for their deal may start (a space), and
# how long such a word may be.
REACH, LONGEST = 2, 16
# What is aside when the text between two companies is compared with the words. Nothing
# left is no word of the group: in ja and zh names abut their particles (アームはソフトバンクGが).
_ASIDE = " \t\n,()（）、，"


def one_side(orgs: list[Org], parents: dict[str, str | None], sentence: str,
             lang: str) -> list[Org]:
    """`orgs` (in order of mention) less each company named right before its parent
    or unit (`parents`: a company's parent, by name), or before a company it owns or
    backs."""
    words = cues.word_set(lang, "group_of")
    owning = cues.word_set(lang, "owner_of") | cues.word_set(lang, "backer_of")
    deal = cues.words_found(lang, "group_deal")
    dropped: set[int] = set()
    for i, (a, b) in enumerate(pairwise(orgs)):
        if b.start < a.end:
            continue
        raw = sentence[a.end:b.start]
        between = raw.strip(_ASIDE).replace("’", "'").lower()
        group = parents.get(a.name) == b.name or parents.get(b.name) == a.name
        if group and not between and "," in raw:
            dropped.add(i + 1)  # "Alphabet, Google's parent, …": the second in apposition
            continue
        if between not in (words if group else owning):
            continue
        said = deal.search(sentence, b.end, b.end + REACH + LONGEST)
        if said and said.start() <= b.end + REACH:
            continue
        dropped.add(i)
    return [o for i, o in enumerate(orgs) if i not in dropped]
