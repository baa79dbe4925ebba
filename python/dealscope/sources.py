"""Reading text files, with a clear message naming the file and the place when one is bad.

Decoding order (``decode_text``):

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. valid UTF-8 is UTF-8;
3. otherwise each encoding of ``LEGACY`` (or, when there are NUL bytes, UTF-16
   LE and BE without a mark) that decodes a sample *strictly* is scored, and
   the best one above ``PLAUSIBLE`` wins, ties going to the earlier one;
4. nothing plausible: a ``ReadError`` naming the file and, for data that is
   not binary, the line, column and value of the first byte that is not UTF-8.

The score of a decoded sample (see ``_score``) rewards text that reads like
language and punishes what mojibake and binary data are made of:

* ``+ 2 × words``: the share of letters of non-ASCII words (and of CJK text)
  inside words the lexicon files know
  (stopwords, scale and currency words, months, company aliases, CJK deal
  words) — Polish ``się`` read as windows-1252 is ``siê``, which no lexicon
  lists;
* ``- 10 × bad``: C0/C1 control characters, private-use, unassigned and
  surrogate code points; more than 1 % of them rejects the candidate outright
  (random bytes decode as Latin-1 or UTF-16 with ~10 % of these);
* ``- 3 × odd``: symbols and other-numbers that mojibake is full of
  (``¹ ³ ¤ ¶``) and half-width katakana, which modern text hardly uses;
* ``- 2 × mixed``: tokens that mix Latin with a script other than CJK or
  Hangul, or two non-Latin scripts (``siк``: Polish windows-1250 read as
  windows-1251);
* ``- 1 × case``: tokens with a capital after a small letter (``рОССИЯ``:
  KOI8-R read as windows-1251), and Latin words of four letters or more that
  are more than three quarters accented (``Ðîññèÿ``: Russian read as windows-1252);
* a candidate also needs letters to make up at least 30 % of what is not
  space, and a CJK multibyte candidate CJK or Hangul letters for 30 % of its
  letters (one garbled pair in Latin text is not Japanese).

Rewards and the symbol, mixing and case penalties are shares of the non-ASCII
part only (ASCII reads the same in every candidate); text with no non-ASCII
character at all scores 1.

Which encoding a document came from is kept (the ``encoding`` column of the
documents frame), and ``extract`` names every file decoded by a guess.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings that need no guess: UTF-8, or a byte-order mark said which.
CERTAIN = frozenset(("utf-8", "utf-8-sig", "utf-16", "utf-32"))
# Legacy encodings of the product's languages, in tie-break order.
# Ties happen when two decodings are the same text (German in 1252 and 1250)
# or when the lexicon knows no word of the text (Korean as EUC-KR or GB18030).
LEGACY = (
    "windows-1252",  # Western Europe (Latin-1 with printable 0x80-0x9F)
    "windows-1250",  # Polish, Czech, Central Europe
    "iso-8859-2",  # Polish on older sites
    "windows-1251",  # Russian, Ukrainian, Bulgarian
    "koi8-r",  # older Russian
    "shift_jis",  # Japanese
    "euc-kr",  # Korean: before GB18030, which decodes its bytes as common hanzi
    "gb18030",  # Chinese (a superset of GBK and GB2312)
)
UTF16 = ("utf-16-le", "utf-16-be")
# Text in these is mostly CJK letters: one garbled pair in Latin text is not Japanese.
MULTIBYTE = frozenset(("shift_jis", "gb18030", "euc-kr"))
PLAUSIBLE = 0.5
SAMPLE = 4_096  # bytes scored per candidate; the winner then decodes the whole file
NUL_WINDOW = 8_192  # bytes searched for NULs


class ReadError(Exception):
    """A file that cannot be read as text; the message names the file and why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str

    @property
    def guessed(self) -> bool:
        """True when no mark or valid UTF-8 said what the encoding is."""
        return self.encoding not in CERTAIN


def decode(data: bytes, name: str) -> str:
    """Bytes to text (see ``decode_text``)."""
    return decode_text(data, name).text


def decode_text(data: bytes, name: str) -> Decoded:
    """Bytes to text and the encoding it was read in (see the module docstring).

    Empty, binary and undecodable data raise ReadError naming ``name``.
    """
    if not data:
        raise ReadError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as err:
                raise ReadError(f"{name}: bad {encoding} at byte {err.start}") from None
    sample = data[:SAMPLE]
    first_bad = 0
    if not _has_nuls(data):  # UTF-16 of Cyrillic can be valid (control-laden) UTF-8
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError as err:
            first_bad = err.start
    found = guess(data)
    if found is not None:
        return found
    if _has_nuls(data):
        raise ReadError(f"{name}: binary file (NUL bytes), not text")
    controls = sum(sample.count(bytes([b])) for b in _BINARY_BYTES)
    if controls > len(sample) // 100:
        raise ReadError(f"{name}: binary file ({controls} control bytes in the first "
                        f"{len(sample)}), not text")
    line = data.count(b"\n", 0, first_bad) + 1
    column = first_bad - (data.rfind(b"\n", 0, first_bad) + 1) + 1
    bad = data[first_bad : first_bad + 1].hex()
    raise ReadError(f"{name}: not UTF-8 (byte 0x{bad} at line {line}, column {column}), "
                    f"and no other encoding tried reads as text")


def _has_nuls(data: bytes) -> bool:
    """NULs near the start: UTF-16 or binary, never UTF-8 or a legacy encoding."""
    return b"\x00" in data[:NUL_WINDOW]


_BINARY_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])


def guess(data: bytes) -> Decoded | None:
    """The most plausible non-UTF-8 decoding of ``data``, or None."""
    sample = data[:SAMPLE]
    candidates: list[str] = list(LEGACY)
    if _has_nuls(data):
        # NULs: UTF-16 (spaces, digits and Latin letters have a NUL byte) or binary.
        # The NULs sit in the high byte: odd offsets for little-endian.
        odd_nuls = sample[1::2].count(0)
        even_nuls = sample[0::2].count(0)
        candidates = list(UTF16) if odd_nuls >= even_nuls else list(reversed(UTF16))
        if len(data) % 2:
            return None
    scored: list[tuple[float, int, str]] = []
    for rank, encoding in enumerate(candidates):
        try:
            text = codecs.getincrementaldecoder(encoding)("strict").decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        score = _score(text, encoding in MULTIBYTE)
        if score >= PLAUSIBLE:
            scored.append((-score, rank, encoding))
    for _neg, _rank, encoding in sorted(scored):
        try:  # the sample decoded; the rest of the file must too
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    return None


def _score(text: str, multibyte: bool = False) -> float:
    """How much ``text`` reads like language (see the module docstring).

    ASCII decodes the same in every candidate, so the rewards and most
    penalties are shares of the non-ASCII part: its characters, its
    whitespace-separated tokens, the letters of its words.
    """
    letters = bad = odd = nonspace = high = 0
    for ch in text:
        cp = ord(ch)
        if ch.isspace():
            continue
        nonspace += 1
        if cp < 0x80:
            if cp < 0x20 or cp == 0x7F:
                bad += 1
            elif ch.isalpha():
                letters += 1
            continue
        high += 1
        category = unicodedata.category(ch)
        if category in ("Cc", "Co", "Cn", "Cs") or ch == "\ufffd":
            bad += 1
        elif category[0] == "L":
            letters += 1
            if 0xFF61 <= cp <= 0xFF9F:  # half-width katakana
                odd += 1
        elif category in ("So", "Sk", "Sm", "No"):
            odd += 1
    if nonspace == 0 or bad > nonspace // 100 or letters < 0.3 * nonspace:
        return 0.0
    if high == 0:
        return 1.0
    tokens = mixed = case = dense = cjk_letters = 0
    table, latin, cjk, hangul = _scripts()
    for token in text.split():
        if token.isascii():
            continue
        tokens += 1
        scripts = {table[ord(c)] for c in token if ord(c) < len(table)}
        scripts.discard(0)
        # Latin beside CJK or Hangul is normal (Anthropic追加); beside Cyrillic it is not.
        others = scripts - {latin}
        if len(others) > 1 or (latin in scripts and others and not others & {cjk, hangul}):
            mixed += 1
        if any(a.islower() and b.isupper() for a, b in itertools.pairwise(token)):
            case += 1
        if scripts == {latin}:
            word = "".join(_WORD.findall(token))
            accented = sum(not c.isascii() for c in word)
            dense += len(word) >= 4 and 4 * accented > 3 * len(word)
        cjk_letters += sum(table[ord(c)] in (cjk, hangul) for c in token if ord(c) < len(table))
    if multibyte and cjk_letters < 0.3 * letters:
        return 0.0
    return (1.0 + 2.0 * _known_share(text) - 10.0 * bad / nonspace - 3.0 * odd / high
            - 2.0 * mixed / tokens - 1.0 * (case + dense) / tokens)


_WORD = re.compile(r"[^\W\d_]+")


@cache
def _scripts() -> tuple[bytes, int, int, int]:
    """(each BMP code point's letter script, the codes of Latin, CJK and Hangul).

    From common.toml [chars]; Han, hiragana and katakana share the CJK code;
    0 is no letter script.
    """
    from .lexicon import CHAR_CLASSES, LETTER_SCRIPTS
    from .pyengine.chars import CharTable

    code = {name: CHAR_CLASSES.index(name) + 1 for name in CHAR_CLASSES}
    keep = {code[n]: code[n] for n in (*LETTER_SCRIPTS, "han", "hangul")}
    keep.update({code["hiragana"]: code["han"], code["katakana"]: code["han"]})
    table = \
        bytes(CharTable().bmp).translate(bytes(keep.get(c, 0) for c in range(256)))
    return table, code["latin"], code["han"], code["hangul"]


def _known_share(text: str) -> float:
    """Share of the letters of non-ASCII words that sit in words the lexicon files know."""
    words, cjk = _vocabulary()
    total = known = 0
    for word in _WORD.findall(text.casefold()):
        if not word.isascii():
            total += len(word)
            known += len(word) if word in words else 0
    known += sum(len(m) for m in cjk.findall(text)) if cjk is not None else 0
    return min(1.0, known / total) if total else 0.0


@cache
def _vocabulary() -> tuple[frozenset[str], re.Pattern[str] | None]:
    """(words, a pattern of CJK words): every word the lexicon files list."""
    from .lexicon import LANGS, _read, load_lang, load_names

    items: set[str] = set()
    for lang in LANGS:
        data = load_lang(lang)
        items.update(data.stopwords, data.entries, data.segment)
    for entry in load_names().get("org", []) + load_names().get("person", []):
        items.update(entry.get("aliases", []))
    for section in _read("deals").values():
        for words in section.values():
            if isinstance(words, list):
                items.update(w for w in words if isinstance(w, str))
    table, _latin, han, _hangul = _scripts()
    words: set[str] = set()
    cjk: set[str] = set()
    for item in items:
        if any(ord(c) < len(table) and table[ord(c)] == han for c in item):
            if len(item) >= 2:
                cjk.add(item)
        else:
            words.update(_WORD.findall(item.casefold()))
    pattern = "|".join(re.escape(w) for w in sorted(cjk, key=lambda w: (-len(w), w)))
    return frozenset(words), re.compile(pattern) if pattern else None


def read_text_file(path: Path) -> str:
    return read_decoded(path).text


def read_decoded(path: Path) -> Decoded:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(f"{path}: {err.strerror or err}") from None
    return decode_text(data, str(path))


def bundled_seeds() -> list[Path]:
    """The seed articles shipped inside the package."""
    folder = resources.files("dealscope").joinpath("seeds")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))
