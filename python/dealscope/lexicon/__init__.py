"""The lexicon: every language fact dealscope knows, read from the TOML files here.

The Rust core embeds the same files at compile time and builds the same
tables (``rust/lexicon.rs``); this module is the pure-Python reading of them.
Nothing here knows a word of any language: it only turns data into lookups.

Merging rule (shared with Rust): a language's phrase table is ``common.toml``
overlaid with that language's file, field by field; the fallback table ``xx``
(language unknown) is ``common.toml`` overlaid with every language in reverse
``LANGS`` order, so that English has the last word where languages disagree
(``billion`` is 1e9). Text of unknown language has no decimal mark: one mark
followed by exactly three digits is grouping (``500.000``, ``3,500``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..frames import RELATIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - older Pythons read TOML with the tomli backport
    import tomli as tomllib

FALLBACK = "xx"

# Character classes, in the priority order of common.toml [chars]; the numbers
# are shared with Rust (rust/chars.rs) and never leave the engines.
CHAR_CLASSES = (
    "whitespace", "digit", "mark", "latin", "cyrillic", "greek", "armenian", "hebrew",
    "arabic", "devanagari", "thai", "georgian", "han", "hiragana", "katakana", "hangul",
    "symbol", "punct",
)
LETTER_SCRIPTS = (
    "latin", "cyrillic", "greek", "armenian", "hebrew", "arabic", "devanagari", "thai",
    "georgian",
)

# Entry fields that hold a value (last file wins) and those that are flags.
VALUE_SECTIONS = {
    "scale": "scale", "scale_money": "scale_money", "vague": "vague", "numeral": "numeral",
    "currency": "currency", "power": "power", "qualifier": "qual_prefix",
    "qualifier_suffix": "qual_suffix",
    # dates
    "month": "month", "date_relative": "date_relative", "date_relation": "date_relation",
    "date_relation_suffix": "date_relation_suffix", "date_period": "date_period",
    "date_year_period": "date_year_period", "ordinal": "ordinal", "quarter_code": "quarter_code",
    "half": "half", "weekday": "weekday",
}
NUMBER_SECTIONS = ("scale", "scale_money", "numeral", "power")
INT_SECTIONS = ("month", "ordinal", "quarter_code", "half", "weekday")
FLAG_LISTS = (
    "percent", "percent_prefix", "count", "connector", "range_open", "range_join",
    "range_join_open", "date_marker", "product",
    # dates ([date_lists])
    "year_marker", "quarter_word", "month_prep", "date_connector", "month_marker", "day_marker",
    "ordinal_prefix", "date_article",
    # amounts again: half the scale added after it (un miliardo e mezzo)
    "half_after",
    # dates again: a half of a year after an ordinal (first half, ersten Halbjahr)
    "half_word",
    # after N and the day marker, a length of time (3日間), not a day of the month
    "day_span",
    # before or after a weekday: that day of the week before ("last Monday")
    "weekday_last",
    # between a year and its month, quarter or half (来年の3月)
    "year_link",
    # before or after a weekday: that day of the week after ("next Monday")
    "weekday_next",
    # the slash of a numeric date puts the month first (9/22/2025, in English)
    "slash_month_first",
    # amounts again: a bare number before it shares the next amount's scale and unit
    "list_join",
    # amounts again: a contract noun right before an at-least qualifier makes it "worth"
    # (ein Vertrag über 17,4 Milliarden Dollar)
    "worth_noun",
)


@dataclass
class Entry:
    """What one phrase means; a phrase may play several roles (Polish `do`)."""

    scale: float | None = None
    scale_money: float | None = None
    vague: tuple[float, float] | None = None
    numeral: float | None = None
    currency: str | None = None
    power: float | None = None
    qual_prefix: str | None = None
    qual_suffix: str | None = None
    month: int | None = None
    # (unit, offset) or (unit, offset, period): "year-end" is this year's end
    date_relative: tuple[str, int] | tuple[str, int, str] | None = None
    date_relation: str | None = None
    date_relation_suffix: str | None = None
    date_period: str | None = None
    date_year_period: str | None = None
    ordinal: int | None = None
    quarter_code: int | None = None
    half: int | None = None
    weekday: int | None = None
    flags: set[str] = field(default_factory=set)

    def overlay(self, other: Entry) -> None:
        for name in VALUE_SECTIONS.values():
            value = getattr(other, name)
            if value is not None:
                setattr(self, name, value)
        self.flags |= other.flags


@dataclass
class LangFile:
    lang: str
    decimal: str
    stopwords: list[str]
    letters: str
    elisions: list[str]
    particles: list[str]
    segment: list[str]
    entries: dict[str, Entry]


def _read(name: str) -> dict[str, Any]:
    text = resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# The languages with a lexicon file, in overlay order, and each one's script group
# (common.toml [languages]; the Rust build embeds the same list, build.rs).
_LANGUAGES = _read("common")["languages"]
LANGS: tuple[str, ...] = tuple(_LANGUAGES["files"])
GROUPS: dict[str, str] = dict(_LANGUAGES["groups"])
LATIN_LANGS: tuple[str, ...] = tuple(code for code in LANGS if GROUPS.get(code) == "latin")
# The script groups a language may have (langdetect's, as rust/lexicon.rs GROUPS).
_GROUP_NAMES = ("latin", "cyrillic", "cjk", "hangul")
for _code in (*LANGS, *GROUPS):
    if GROUPS.get(_code) not in _GROUP_NAMES:
        raise ValueError(f"common.toml: [languages] groups: {_code} has no group of {_GROUP_NAMES}")


# What a [date_relative] entry may say (rust/lexicon.rs refuses the rest too).
_UNITS = ("year", "quarter", "month", "week", "day")
_PERIODS = ("start", "end")


def _date_relative(key: str, value: list[Any]) -> tuple:
    """[unit, offset, period, relation], the last two optional, as a tuple."""
    period = value[2] if len(value) > 2 else None
    relation = value[3] if len(value) > 3 else None
    if not 2 <= len(value) <= 4 or value[0] not in _UNITS or not isinstance(value[1], int) \
            or period not in (None, *_PERIODS) or relation not in (None, *RELATIONS):
        raise ValueError(f"[date_relative] {key!r} = {value!r}: not [unit, offset] with an "
                         f"optional period {_PERIODS} and relation {RELATIONS}")
    return (str(value[0]), int(value[1]), *map(str, value[2:4]))


def _entries(data: dict[str, Any]) -> dict[str, Entry]:
    """Collect a file's phrases into entries keyed by the phrase as written."""
    entries: dict[str, Entry] = {}

    def get(key: str) -> Entry:
        return entries.setdefault(key, Entry())

    for section, attr in VALUE_SECTIONS.items():
        for key, value in data.get(section, {}).items():
            if section == "vague":
                value = (float(value[0]), float(value[1]))
            elif section == "date_relative":
                value = _date_relative(key, value)
            elif section in NUMBER_SECTIONS:
                value = float(value)
            elif section in INT_SECTIONS:
                value = int(value)
            setattr(get(key), attr, value)
    for table in ("lists", "date_lists"):
        for flag in FLAG_LISTS:
            for key in data.get(table, {}).get(flag, []):
                get(key).flags.add(flag)
    return entries


@cache
def load_common() -> dict[str, Any]:
    return _read("common")


@cache
def load_lang(lang: str) -> LangFile:
    data = _read(lang)
    return LangFile(
        lang=data["lang"],
        decimal=data.get("decimal", "."),
        stopwords=list(data.get("stopwords", [])),
        letters=str(data.get("letters", "")),
        elisions=list(data.get("elisions", [])),
        particles=list(data.get("particles", [])),
        segment=list(data.get("lists", {}).get("segment", [])),
        entries=_entries(data),
    )


@cache
def load_names() -> dict[str, Any]:
    """names.toml: organisations and people with their aliases in every script."""
    return _read("names")


@cache
def org_types() -> dict[str, str]:
    """Each organisation's type in names.toml, by its canonical name."""
    return {org["name"]: org["type"] for org in load_names().get("org", [])}


def common_entries() -> dict[str, Entry]:
    return _entries(load_common())


def merged_entries(lang: str) -> dict[str, Entry]:
    """The phrase meanings in force for one language (see the module docstring)."""
    merged: dict[str, Entry] = {}
    layers = [common_entries()]
    codes = tuple(reversed(LANGS)) if lang == FALLBACK else (lang,)
    layers += [load_lang(code).entries for code in codes]
    for layer in layers:
        for key, entry in layer.items():
            target = merged.setdefault(key, Entry())
            target.overlay(entry)
    return merged


def all_phrase_keys() -> list[str]:
    """Every phrase of every file, for the CJK and hangul segmentation dictionaries."""
    keys = list(common_entries())
    for lang in LANGS:
        keys += list(load_lang(lang).entries)
        keys += load_lang(lang).segment
    return keys


@cache
def all_particles() -> frozenset[str]:
    """The particles glued after a hangul word in every file (를, 의, 에 …), as
    rust/lexicon.rs `Lexicon::particles`."""
    return frozenset(p for lang in LANGS for p in load_lang(lang).particles)


def decimal_mark(lang: str) -> str:
    """The language's decimal mark; '' (none) when the language is unknown."""
    if lang in LANGS:
        return load_lang(lang).decimal
    return "" if lang == FALLBACK else "."
