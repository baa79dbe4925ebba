"""Deal cue words (lexicon/deals.toml) found in sentences, with their positions."""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import _read

CATEGORIES = (
    "investment", "compute", "chips", "acquisition", "partnership", "funding", "valuation",
    "revenue", "spending", "talks", "announced", "completed", "planned", "total", "tranche",
    "provider", "customer", "competitor",
)
SUBSTRING_LANGS = ("ja", "zh")  # entries are whole words found anywhere


@cache
def _data() -> dict:
    return _read("deals")


@cache
def patterns(lang: str) -> dict[str, re.Pattern[str]]:
    """One regex per category: the language's words, plus English (news mixes it in)."""
    data = _data()
    langs = [lang] if lang == "en" else [lang, "en"]
    out = {}
    for cat in CATEGORIES:
        alts = []
        for code in langs:
            for entry in data.get(code, {}).get(cat, []):
                body = r"\s+".join(re.escape(part) for part in entry.replace("’", "'").split())
                if code in SUBSTRING_LANGS:
                    alts.append(body)
                else:
                    alts.append(r"(?<!\w)" + body)
        alts.sort(key=len, reverse=True)
        if alts:
            out[cat] = re.compile("|".join(alts))
    return out


@cache
def chip_families() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for family, names in _data().get("chip_family", {}).items():
        alts = sorted((re.escape(n) for n in names), key=len, reverse=True)
        out.append((family, re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")))
    return out


def find(sentence: str, lang: str) -> dict[str, list[int]]:
    """Category → start offsets (within the sentence) of its cue words."""
    low = sentence.lower().replace("’", "'")
    found = {}
    for cat, pattern in patterns(lang).items():
        hits = [m.start() for m in pattern.finditer(low)]
        if hits:
            found[cat] = hits
    return found


def chip_family(sentence: str) -> str | None:
    for family, pattern in chip_families():
        if pattern.search(sentence):
            return family
    return None


def markers(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Particles that mark the doer and the thing done to (Japanese が / を)."""
    data = _data().get(lang, {})
    return tuple(data.get("agent_marker", [])), tuple(data.get("object_marker", []))
