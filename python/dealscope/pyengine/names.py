"""Company and person names: the pure-Python twin of ``rust/names.rs`` (same rules,
written out in its module documentation).

Candidate positions come from one regex over the aliases' first characters;
at each, the aliases starting with that character are tried longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import LETTER_SCRIPTS, all_particles, load_names
from .chars import char_table

_WORD_CLASSES = {"digit", "mark", *LETTER_SCRIPTS}


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str  # org | person
    role: str  # organisation type, or a person's role
    parent: str  # parent organisation, or a person's organisation


class Names:
    def __init__(self) -> None:
        data = load_names()
        self.entities: list[Entity] = []
        aliases: dict[str, int] = {}
        for kind, role_key, parent_key in (("org", "type", "parent"), ("person", "role", "org")):
            for item in data.get(kind, []):
                entity = len(self.entities)
                self.entities.append(Entity(item.get("name", ""), kind, item.get(role_key, ""),
                                            item.get(parent_key, "")))
                for form in [item.get("name", ""), *item.get("aliases", [])]:
                    if form and form not in aliases:
                        aliases[form] = entity
        self.by_first: dict[str, list[tuple[str, int]]] = {}
        for alias, entity in aliases.items():
            self.by_first.setdefault(alias[0], []).append((alias, entity))
        for options in self.by_first.values():
            options.sort(key=lambda o: -len(o[0]))
        firsts = "".join(sorted(self.by_first))
        self.starts = re.compile("[" + re.escape(firsts) + "]") if firsts else None
        # Particles glued after a hangul word (를, 의, 와 …), as the tokenizer reads them.
        self.particles = all_particles()

    @staticmethod
    def is_word(ch: str) -> bool:
        return char_table().class_of(ch) in _WORD_CLASSES

    @staticmethod
    def is_hangul(ch: str) -> bool:
        return char_table().class_of(ch) == "hangul"

    def hangul_end(self, text: str, end: int) -> bool:
        """Does a name ending in hangul at `end` end its word: is the hangul that
        follows it nothing, one particle or two (와의)?"""
        stop = end
        while stop < len(text) and self.is_hangul(text[stop]):
            stop += 1
        rest = text[end:stop]
        if not rest or rest in self.particles:
            return True
        return any(rest[:k] in self.particles and rest[k:] in self.particles
                   for k in range(1, len(rest)))

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, entity) for every name, leftmost-longest, no overlaps."""
        out: list[tuple[int, int, int]] = []
        if self.starts is None:
            return out
        cursor = 0
        word = self.is_word
        for m in self.starts.finditer(text):
            p = m.start()
            if p < cursor:
                continue
            for alias, entity in self.by_first[text[p]]:
                if not text.startswith(alias, p):
                    continue
                end = p + len(alias)
                if word(alias[0]) and p > 0 and word(text[p - 1]):
                    continue
                if word(alias[-1]) and end < len(text) and word(text[end]):
                    continue
                if self.is_hangul(alias[0]) and p > 0 and self.is_hangul(text[p - 1]):
                    continue
                if self.is_hangul(alias[-1]) and not self.hangul_end(text, end):
                    continue
                out.append((p, end, entity))
                cursor = end
                break
        return out


@cache
def names() -> Names:
    return Names()
