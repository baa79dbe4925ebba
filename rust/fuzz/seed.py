"""Seed the fuzz corpus and write the libFuzzer dictionary.

Run from anywhere: ``python rust/fuzz/seed.py``. Writes (all git-ignored):

- ``rust/fuzz/dealscope.dict``: every lexicon phrase of every language, every
  name alias, and the separators and marks of common.toml, so libFuzzer
  splices real words into its inputs;
- ``rust/fuzz/corpus/<target>/``: the seed articles cut into paragraphs and
  every text of the amount and date corpus files, each with the leading bytes
  its target reads as language hint and reference date (rust/tests/invariants).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import tomllib

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent.parent
sys.path.insert(0, str(ROOT / "python"))

from dealscope.lexicon import LANGS, common_entries, load_lang, load_names  # noqa: E402

TARGETS = ("tokenize", "amounts", "dates", "names", "all")
# Header bytes: lang byte i picks LANGS[i] of invariants.rs (12 codes, then None);
# date byte 0 is no reference, 6 a date inside years 1..=9999 from the next four.
RUST_LANGS = ("pl", "ja", "it", "ru", "zh", "en", "de", "fr", "es", "xx", "", "ko")
DETECT = 12


def quote(word: str) -> str:
    """A libFuzzer dictionary entry: printable ASCII as is, the rest as \\xNN."""
    out = []
    for b in word.encode("utf-8"):
        c = chr(b)
        out.append(c if 0x20 <= b < 0x7F and c not in '"\\' else f"\\x{b:02X}")
    return '"' + "".join(out) + '"'


def words() -> list[str]:
    found = set(common_entries())
    for lang in LANGS:
        found |= set(load_lang(lang).entries)
    for section in ("org", "person"):
        for item in load_names().get(section, []):
            found |= set(item.get("aliases", []))
    found |= set(" \u00a0\u202f\u2009.,'’-–〜~%$€¥£₽")
    return sorted(w for w in found if w and len(w.encode()) <= 64)


def texts() -> list[tuple[str, str | None]]:
    """(text, its language) from the seeds and the corpus files."""
    out: list[tuple[str, str | None]] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for para in path.read_text("utf-8").split("\n\n"):
            if para.strip():
                out.append((para.strip(), None))
    for kind in ("amounts", "dates"):
        for path in sorted((ROOT / "tests" / "corpus" / kind).glob("*.toml")):
            data = tomllib.loads(path.read_text("utf-8"))
            out += [(case["text"], data.get("lang")) for case in data["case"]]
    return out


def header(target: str, lang: str | None, i: int) -> bytes:
    code = RUST_LANGS.index(lang) if lang in RUST_LANGS and i % 2 else DETECT
    if target == "amounts":
        return bytes([code])
    if target in ("dates", "all"):
        day = (739_000 + i * 37).to_bytes(4, "little")  # around 2025, varied
        return bytes([code, 6 if i % 3 else 0]) + day
    return b""


def main() -> None:
    (FUZZ / "dealscope.dict").write_text(
        "".join(quote(w) + "\n" for w in words()), "ascii"
    )
    items = texts()
    for target in TARGETS:
        folder = FUZZ / "corpus" / target
        folder.mkdir(parents=True, exist_ok=True)
        for i, (text, lang) in enumerate(items):
            data = header(target, lang, i) + text.encode("utf-8")
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"{len(words())} dictionary words, {len(items)} seed texts per target")


if __name__ == "__main__":
    main()
