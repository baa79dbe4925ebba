"""Pure-Python tokenizer: the same rules as ``rust/tokenizer.rs``.

Rules, applied left to right; whitespace (common.toml ``whitespace``) is never a token:

1. number: ASCII or full-width digits. Either 1-3 digits followed by groups of
   exactly three digits separated by a space, no-break space, narrow no-break
   space or thin space (``100 000``; the last group not followed by a digit),
   with at most one ``.``/``,`` decimal part after; or digits with ``.``/``,``
   between digit runs (``3,500``, ``1,4``, ``300.000``, ``22.10.2025``).
2. word: letters of one script, continued by marks and ASCII digits
   (``Trainium2``, ``H100``); an apostrophe or hyphen followed by a letter joins
   another part, of any letter script (``Google'a``, ``AI-арене``). A word whose
   part before its first apostrophe is an elision of the lexicon
   (``l``, ``dell``, ``d``, ``qu`` …) is split after the apostrophe (``l’`` ``azienda``).
3. han: a run of han characters is cut into pieces by the lexicon (longest
   match first: ``亿`` ``美元``); a run of CJK numeral characters (``三千五百``)
   is one ``number`` token; other characters gather into one ``han`` token up to
   the next lexicon word or numeral.
4. kana: a hiragana run is cut by the lexicon like han (without numerals); a
   katakana run (with ``ー``) is one token. Script changes always split
   (``Google は OpenAI の`` → ``Google`` ``は`` ``OpenAI`` ``の``).
5. hangul: a run of hangul is one token, unless it is lexicon words from its start
   (longest first) followed by nothing or by one particle of the lexicon
   (``particles``: 를, 의, 에 …): then each word and the particle is a token
   (``억달러를`` → ``억`` ``달러`` ``를``; ``개발`` stays whole).
6. Anything else is a one-character token: ``symbol`` (currency signs, ``%``,
   maths and other symbols), ``punct``, or ``other`` (unclassified characters).

Offsets are code-point indices into the input string.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import LANGS, LETTER_SCRIPTS, all_particles, all_phrase_keys, load_common, load_lang
from .chars import CharTable, char_table

Token = tuple[int, int, str, str]  # start, end, text, kind


class Tokenizer:
    def __init__(self, table: CharTable) -> None:
        chars = load_common()["chars"]
        self.table = table
        self.numerals = set(load_common()["cjk_numerals"]) | set(load_common()["cjk_multipliers"])
        self.apostrophes = set(chars["apostrophes"])
        self.elisions = {e for lang in LANGS for e in load_lang(lang).elisions}
        han = table.regex_class("han")[1:-1]
        hira = table.regex_class("hiragana")[1:-1]
        han_re = re.compile(f"[{han}]+")
        hira_re = re.compile(f"[{hira}]+")
        keys = all_phrase_keys()
        self.han_dict = {k for k in keys if han_re.fullmatch(k)}
        self.hira_dict = {k for k in keys if hira_re.fullmatch(k)}
        hangul_re = re.compile(f"{table.regex_class('hangul')}+")
        self.hangul_dict = {k for k in keys if hangul_re.fullmatch(k)}
        self.hangul_max = max(map(len, self.hangul_dict), default=0)
        self.particles = all_particles()
        self.han_max = max(map(len, self.han_dict), default=1)
        self.hira_max = max(map(len, self.hira_dict), default=1)
        self.dict_first = {k[0] for k in self.han_dict | self.hira_dict}
        self.pattern = self._compile(table, chars)

    @staticmethod
    def _compile(table: CharTable, chars: dict) -> re.Pattern[str]:
        d = table.regex_class("digit")
        s = "[" + re.escape(chars["number_group_spaces"]) + "]"
        m = "[" + re.escape(chars["number_marks"]) + "]"
        marks = table.regex_class("mark")[1:-1]
        parts = []
        for script in LETTER_SCRIPTS:
            letters = table.regex_class(script)[1:-1]
            parts.append(f"[{letters}][{letters}{marks}0-9]*")
        part = "(?:" + "|".join(parts) + ")"
        joiner = "[" + re.escape(chars["apostrophes"] + chars["hyphens"]) + "]"
        ws = table.regex_class("whitespace")
        return re.compile(
            f"(?P<number>{d}{{1,3}}(?:{s}{d}{{3}})+(?!{d})(?:{m}{d}+)?|{d}+(?:{m}{d}+)*)"
            f"|(?P<word>{part}(?:{joiner}{part})*)"
            f"|(?P<han>{table.regex_class('han')}+)"
            f"|(?P<hira>{table.regex_class('hiragana')}+)"
            f"|(?P<kana>{table.regex_class('katakana')}+)"
            f"|(?P<hangul>{table.regex_class('hangul')}+)"
            f"|(?P<ws>{ws}+)"
            r"|(?P<one>.)",
            re.DOTALL,
        )

    def tokenize(self, text: str) -> list[Token]:
        out: list[Token] = []
        push = out.append
        for m in self.pattern.finditer(text):
            kind = m.lastgroup
            if kind == "ws":
                continue
            start, end = m.span()
            tok = m.group()
            if kind == "word":
                self._word(tok, start, out)
            elif kind == "han":
                self._segment(tok, start, self.han_dict, self.han_max, True, out)
            elif kind == "hira":
                self._segment(tok, start, self.hira_dict, self.hira_max, False, out)
            elif kind == "hangul":
                self._hangul(tok, start, out)
            elif kind == "one":
                push((start, end, tok, self._single_kind(tok)))
            else:
                push((start, end, tok, kind))
        return out

    def _single_kind(self, ch: str) -> str:
        cls = self.table.class_of(ch)
        return cls if cls in ("symbol", "punct") else "other"

    def _word(self, tok: str, start: int, out: list[Token]) -> None:
        for i, ch in enumerate(tok):
            if ch in self.apostrophes:
                if i + 1 < len(tok) and tok[:i].lower() in self.elisions:
                    out.append((start, start + i + 1, tok[: i + 1], "word"))
                    out.append((start + i + 1, start + len(tok), tok[i + 1 :], "word"))
                    return
                break
        out.append((start, start + len(tok), tok, "word"))

    def _hangul(self, run: str, start: int, out: list[Token]) -> None:
        """A hangul run: lexicon words then at most a particle, if it is that; else whole."""
        cuts: list[int] = []  # piece lengths
        i, n = 0, len(run)
        while i < n and self.hangul_dict:
            size = next((k for k in range(min(self.hangul_max, n - i), 0, -1)
                         if run[i:i + k] in self.hangul_dict), 0)
            if not size:
                break
            cuts.append(size)
            i += size
        if 0 < i < n and run[i:] in self.particles:
            cuts.append(n - i)
        elif i < n or len(cuts) < 2:
            cuts = [n]
        for size in cuts:
            out.append((start, start + size, run[:size], "hangul"))
            start, run = start + size, run[size:]

    def _segment(
        self, run: str, start: int, words: set[str], longest: int, numerals: bool,
        out: list[Token],
    ) -> None:
        """Cut a han or hiragana run: lexicon words, numeral runs, the rest gathered."""
        kind = "han" if numerals else "kana"
        n = len(run)
        i = 0
        pending = -1  # start of the unknown stretch being gathered
        while i < n:
            hit = 0
            # Most characters start no lexicon word: one set lookup rules them out.
            sizes = min(longest, n - i) if run[i] in self.dict_first else 0
            for size in range(sizes, 0, -1):
                if run[i : i + size] in words:
                    hit = size
                    break
            is_numeral = numerals and run[i] in self.numerals
            if is_numeral and hit < 2:
                hit = 0
            if hit == 0 and not is_numeral:
                if pending < 0:
                    pending = i
                i += 1
                continue
            if pending >= 0:
                out.append((start + pending, start + i, run[pending:i], kind))
                pending = -1
            if hit:
                out.append((start + i, start + i + hit, run[i : i + hit], kind))
                i += hit
            else:
                j = i + 1
                while j < n and run[j] in self.numerals:
                    j += 1
                out.append((start + i, start + j, run[i:j], "number"))
                i = j
        if pending >= 0:
            out.append((start + pending, start + n, run[pending:], kind))


@cache
def tokenizer() -> Tokenizer:
    return Tokenizer(char_table())


def tokenize(text: str) -> list[Token]:
    return tokenizer().tokenize(text)
