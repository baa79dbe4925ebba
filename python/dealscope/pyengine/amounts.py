"""Pure-Python amount parser: the same grammar as ``rust/amounts.rs``.

A mention is read over the tokens, never over raw characters:

    [opener | prefix qualifier] quantity [(join | opener's join) quantity] [suffix qualifier]
    quantity = [currency | percent prefix]
               (digits | CJK numeral | vague word | number word)
               scale* [descending compound]  [connector] [currency | percent | power | count+]

- A number word (``un``, ``one``) needs a scale word or a power unit after it.
  A number word that is a scale word too (Polish ``miliard``, Russian
  ``миллиард``) is one, then read as that scale: ``miliard dolarów`` is 1e9.
- A count needs digits, a scale or a vague word of thousands or more:
  ``一个``, ``几个`` (a counter after a bare numeral) are grammar.
- Phrase tokens written glued (``A$``, ``tys.``) must be glued in the text.
- ``1万2000枚``: a smaller number glued after a scale is added on.
- Half the scale is added on after it: ``un miliardo e mezzo`` is 1.5e9.
- A scale word may carry a suffix qualifier itself (``$40bn-plus``: at least),
  read when no other qualifier is.
- A mention does not end on an abbreviation's ``.`` that ends the sentence too
  (``$13 млрд.`` then a capital, a new line or the end of the text).
- A bare number (no scale, no unit) is not a mention; neither is a number
  right after a product name (``Claude 3.5``, ``Trainium 2``) or glued to a
  word by a hyphen (``GPT-4o``), nor one followed by a date word (``2023 年``,
  ``2023 r.``, ``2025 года``).
- One-letter scales (``k``, ``m``, ``b``) count only next to a currency:
  after it (``$300m``) or before it (``500 M€``).
- A hyphen glued between a number and a scale, power or count word is skipped
  (``$3.5-billion``, ``1-gigawatt``, ``100,000-GPU``); a word whose part after its
  last hyphen is a count word counts as one (``10.000 Blackwell-GPUs``).
- Up to three name-like words (a capital or caseless first letter: ``Nvidia``,
  ``GB200``) may stand between a number and its count words
  (``400,000 Nvidia GB200 chips``).
- A year is not a count: four plain digits from 1900 to 2099 right after a
  month or date preposition (``in``, ``by``, ``seit``; not one that is also a
  qualifier, Polish ``do``) take no count words (``in 2024 chips``).
- A bare number under 1000 before a list word (``list_join``: ``and``, ``e``,
  ``i``) and an amount takes that amount's scale and unit, a mention of its own:
  ``5 e 10 miliardi di dollari`` is 5e9 and 1e10 (``rispettivamente``).
- An at-least qualifier right after a contract noun (``worth_noun``) is no bound: the
  amount is what the deal is worth (``ein Vertrag über 17,4 Milliarden Dollar``).
- In a range the second end must carry a scale or a unit; missing scale and
  unit are copied across (``od 20 do 30 mld``), and low must not exceed high.
- Vague words give order-of-magnitude bounds (``dziesiątki miliardów`` →
  1e10..1e11); they need a scale or a unit unless they are one (``billions``).
  A vague word that is a currency word too names its currency
  (``multibillion-dollar``).
- A decimal-comma language reads ``2, 2 miliardi`` (a common typo in scraped
  text) as 2.2 when a scale word follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import decimal_mark, load_common
from .langdetect import Runs
from .numbers import parse_cjk, parse_digits
from .phrases import norm
from .tokenizer import Token
from .view import CJK_DIGITS, CJK_MULT, TokenView

# start, end, text, kind, value, low, high, unit, qualifier
Amount = tuple[int, int, str, str, "float | None", "float | None", "float | None", "str | None",
               str]

_HYPHENS = set(load_common()["chars"]["hyphens"])
_VALUE_ROLES = ("scale", "scale_money", "vague", "numeral", "currency", "power", "qual_prefix",
                "qual_suffix", "date_relation")
# How many name-like words may stand between a number and its count words.
MAX_NAMES = 3
# The longest date preposition looked for before a year (``a partire dal``).
MAX_PREP = 3


@dataclass
class Quantity:
    first: int
    next: int
    total: float | None
    vague: tuple[float, float] | None
    scale: float
    has_scale: bool
    word_numeral: bool
    digits: bool = False
    currency: str | None = None
    percent: bool = False
    power: float | None = None
    count: bool = False
    scale_qual: str | None = None  # the suffix qualifier a scale word carries (bn-plus)

    def kind(self) -> str:
        if self.currency is not None:
            return "money"
        if self.percent:
            return "percent"
        if self.power is not None:
            return "power"
        return "count" if self.count else "number"

    def has_unit(self) -> bool:
        return self.kind() != "number"


class DocParser(TokenView):
    def read_in(self, lang: str) -> None:
        super().read_in(lang)
        self.decimal = decimal_mark(lang)

    def match(self, i: int, role: str):
        """The longest phrase at token i playing this role, as (length, value)."""
        if role in _VALUE_ROLES:
            return super().match(i, role)
        size = self.flag(i, role)
        return (size, True) if size else None

    def number_value(self, i: int) -> float | None:
        text = self.tokens[i][2]
        if self.is_cjk(i):
            return parse_cjk(text, CJK_DIGITS, CJK_MULT)
        return parse_digits(text, self.decimal)

    def parse(self) -> list[Amount]:
        return self.scan(self.mention)

    def mention(self, i: int):
        j = i
        opener = False
        qual = None
        m = self.match(j, "range_open")
        if m:
            opener = True
            j += m[0]
        else:
            m = self.match(j, "qual_prefix")
            if m:
                # "ein Vertrag über 17,4 Milliarden Dollar": after a contract noun the word
                # tells what the deal is worth, no lower bound.
                worth = m[1] == "at_least" and i > 0 \
                    and self.match(i - 1, "worth_noun") == (1, True)
                if not worth:
                    qual = m[1]
                j += m[0]
        a = self.quantity(j)
        if a is None:
            return None
        first = i if qual is not None else a.first
        end = a.next
        b = None
        m = self.match(end, "range_join")
        if m is None and opener:
            m = self.match(end, "range_join_open")
        if m:
            b = self.quantity(end + m[0])
            if b is not None and not self.merge_range(a, b):
                b = None
        if b is None and not opener and not self.meaningful(a):
            # "5 and 10 billion dollars": the bare 5 takes the next amount's scale and unit,
            # a mention of its own; the next one is read after it.
            m = self.match(end, "list_join")
            if m:
                nxt = self.quantity(end + m[0])
                if nxt is not None:
                    self.share_unit(a, nxt)
        if b is not None:
            first = i
            end = b.next
        elif a.vague is None and qual is None:
            m = self.match(end, "qual_suffix")
            if m:
                qual = m[1]
                end += m[0]
            else:
                qual = a.scale_qual
        if not self.meaningful(a):
            return None
        return self.emit(first, end, a, b, qual), end

    def meaningful(self, q: Quantity) -> bool:
        if q.word_numeral and not (q.has_scale or q.power is not None):
            return False
        if q.count and not (q.has_scale or q.digits or (q.vague and q.vague[0] >= 1000.0)):
            return False  # 一个, 几个: a counter after a bare numeral is grammar, not a count
        if q.vague is not None:
            return q.has_scale or q.has_unit() or q.vague[0] >= 1000.0
        return q.has_scale or q.has_unit()

    def quantity(self, j: int) -> Quantity | None:
        if j >= self.n:
            return None
        first = j
        currency = None
        percent = False
        m = self.match(j, "currency")
        if m:
            currency = m[1]
            v = self.match(j, "vague")
            if not (v and v[0] == m[0]):  # else one word for both, read below as vague
                j += m[0]
        else:
            m = self.match(j, "percent_prefix")
            if m:
                percent = True
                j += m[0]
        if j >= self.n:
            return None
        total = None
        vague = None
        word_numeral = False
        digits = False
        bare = currency is None and not percent
        if self.tokens[j][3] == "number":
            if bare and self.named(j):
                return None
            total = self.number_value(j)
            if total is None:
                return None
            if not self.is_cjk(j):
                digits = True
                total, j = self.decimal_typo(j, total)
            j += 1
            if bare and self.match(j, "date_marker"):
                return None
            j = self.past_hyphen(j)
        else:
            m = self.match(j, "vague")
            if m:
                vague = m[1]
                j += m[0]
            else:
                m = self.match(j, "numeral")
                if m is None:
                    return None
                word_numeral = True
                s = self.match(j, "scale")
                if s is not None and s[0] == m[0]:
                    # A scale word standing alone (miliard): one, the word read by `scales`.
                    total = 1.0
                else:
                    total = m[1]
                    j += m[0]
        scale, has_scale, after = self.scales(j, currency is not None, vague is not None)
        q = Quantity(first, after, None, vague, scale, has_scale, word_numeral, digits, currency,
                     percent, scale_qual=self.scale_qual(j, after))
        j = after
        if total is not None:
            q.total = total * scale
            if has_scale:
                j = self.compound(q, j)
                m = self.match(j, "half_after")
                if m:
                    q.total += 0.5 * scale
                    j += m[0]
        if q.currency is None and not q.percent:
            j = self.unit(q, j)
        q.next = j
        return q

    def scales(self, j: int, money: bool, vague: bool) -> tuple[float, bool, int]:
        scale = 1.0
        has_scale = False
        while j < self.n:
            m = self.match(j, "scale")
            if m is None:
                m = self.match(j, "scale_money")
                # Only money's: after a currency ($300m) or before one (500 M€).
                if m and not (money or self.match(j + m[0], "currency")):
                    m = None
            if m:
                scale *= m[1]
                has_scale = True
                j += m[0]
                continue
            tok = self.tokens[j]
            if tok[3] == "number" and self.glued(j) and all(ch in CJK_MULT for ch in tok[2]):
                scale *= parse_cjk(tok[2], CJK_DIGITS, CJK_MULT)
                has_scale = True
                j += 1
                continue
            if vague and not has_scale:
                c = self.match(j, "connector")
                if c:
                    m = self.match(j + c[0], "scale")
                    if m:
                        scale *= m[1]
                        has_scale = True
                        j += c[0] + m[0]
                        continue
            break
        return scale, has_scale, j

    def compound(self, q: Quantity, j: int) -> int:
        """1億2000万 → 1.2e8; 一万二千 → 12000: smaller parts added on."""
        last = q.scale
        while j < self.n and self.tokens[j][3] == "number":
            value = self.number_value(j)
            if value is None:
                break
            m = self.match(j + 1, "scale")
            if m and m[1] < last:
                q.total += value * m[1]
                last = m[1]
                j += 1 + m[0]
                continue
            if m is None and self.glued(j) and value < last:
                q.total += value
                j += 1
            break
        return j

    def unit(self, q: Quantity, j: int) -> int:
        for via_connector in (False, True):
            k = j
            if via_connector:
                c = self.match(j, "connector")
                if c is None:
                    break
                k = j + c[0]
            m = self.match(k, "currency")
            if m:
                q.currency = m[1]
                return k + m[0]
            m = self.match(k, "percent")
            if m:
                q.percent = True
                return k + m[0]
            m = self.match(k, "power")
            if m:
                q.power = m[1]
                return k + m[0]
            named = self.past_names(k)
            if self.count_at(named):
                if self.year_like(q):
                    return j
                q.count = True
                k = named
                while n := self.count_at(k):
                    k += n
                return k
        return j

    def count_at(self, k: int) -> int:
        """Length of the count words at k (0 if none): a count phrase, or one word whose
        part after its last hyphen is a count word (``Blackwell-GPUs``, ``KI-Chips``)."""
        size = self.flag(k, "count")
        if size or k >= self.n or self.tokens[k][3] != "word":
            return size
        text = self.tokens[k][2]
        at = max(text.rfind(h) for h in _HYPHENS)
        if at < 0:
            return 0
        options = self.table.by_first.get(norm(text[at + 1:]), [])
        return int(any(not tail and "count" in entry.flags for tail, _glue, entry in options))

    def scale_qual(self, j: int, end: int) -> str | None:
        """The suffix qualifier a scale word from j to end carries itself (``bn-plus``:
        at least)."""
        for k in range(j, end):
            m = self.match(k, "qual_suffix")
            if m and self.match(k, "scale"):
                return m[1]
        return None

    def past_hyphen(self, j: int) -> int:
        """Past a hyphen glued between the number before j and a scale, power or count
        word."""
        if (
            j + 1 < self.n and self.tokens[j][2] in _HYPHENS and self.glued(j)
            and self.glued(j + 1)
            and (self.match(j + 1, "scale") or self.match(j + 1, "power")
                 or self.count_at(j + 1))
        ):
            return j + 1
        return j

    def past_names(self, j: int) -> int:
        """Past up to MAX_NAMES name-like words from j: words whose first letter is a
        capital or has no case, up to the first count word (``GPUs``)."""
        k = j
        while k < self.n and k - j < MAX_NAMES:
            tok = self.tokens[k]
            if tok[3] != "word" or tok[2][0].upper() != tok[2][0] or self.count_at(k):
                break
            k += 1
        return k

    def year_like(self, q: Quantity) -> bool:
        """Is q a bare year after a date preposition (``in 2024``, ``seit 2023``)?"""
        i = q.first
        tok = self.tokens[i]
        if q.has_scale or tok[3] != "number" or not (
            len(tok[2]) == 4 and _ascii_digits(tok[2]) and 1900 <= int(tok[2]) <= 2099
        ):
            return False

        def ends_here(role: str) -> bool:
            return any((m := self.match(i - k, role)) is not None and m[0] == k
                       for k in range(1, min(i, MAX_PREP) + 1))

        return (ends_here("month_prep") or ends_here("date_relation")) \
            and not ends_here("qual_prefix")

    def named(self, j: int) -> bool:
        """Is the number at j part of a name (Claude 3.5, GPT-4o)?"""
        if j == 0:
            return False
        if self.match(j - 1, "product"):
            return True
        prev = self.tokens[j - 1]
        return (
            prev[2] in _HYPHENS and self.glued(j) and j >= 2
            and self.tokens[j - 2][3] == "word" and self.glued(j - 1)
        )

    def decimal_typo(self, j: int, value: float) -> tuple[float, int]:
        if self.decimal != "," or j + 2 >= self.n:
            return value, j
        head, comma, tail = self.tokens[j], self.tokens[j + 1], self.tokens[j + 2]
        if (
            _ascii_digits(head[2]) and comma[2] == "," and comma[0] == head[1]
            and tail[3] == "number" and _ascii_digits(tail[2]) and len(tail[2]) <= 2
            and tail[0] == comma[1] + 1 and self.text[comma[1]] == " "
            and self.match(j + 3, "scale")
        ):
            return float(head[2] + "." + tail[2]), j + 2
        return value, j

    def sentence_ends(self, dot: int) -> bool:
        """Does the sentence end at this dot (end of text, a new line or a capital next)?"""
        if dot + 1 >= self.n:
            return True
        nxt = self.tokens[dot + 1]
        if "\n" in self.text[self.tokens[dot][1] : nxt[0]]:
            return True
        head = nxt[2][0]
        return head.lower() != head

    def share_unit(self, a: Quantity, nxt: Quantity) -> None:
        """Give the bare number `a` (digits under 1000, no scale nor unit: not a year)
        the scale and unit of the amount `nxt` listed after it; `nxt` must be one."""
        if a.total is None or not a.digits or a.vague is not None or a.has_scale \
                or a.has_unit() or a.total >= 1000.0:
            return
        if nxt.vague is not None or nxt.total is None or not self.meaningful(nxt):
            return
        if nxt.has_scale:
            a.total *= nxt.scale
            a.has_scale = True
        a.currency, a.percent, a.power, a.count = nxt.currency, nxt.percent, nxt.power, nxt.count

    def merge_range(self, a: Quantity, b: Quantity) -> bool:
        if a.vague is not None or b.vague is not None or a.total is None or b.total is None:
            return False
        if not (b.has_scale or b.has_unit()):
            return False
        if a.has_unit() and b.has_unit():
            if (a.kind(), a.currency, a.power) != (b.kind(), b.currency, b.power):
                return False
        if not a.has_scale and b.has_scale:
            a_total = a.total * b.scale
            b_total = b.total
        elif a.has_scale and not b.has_scale:
            a_total = a.total
            b_total = b.total * a.scale
        else:
            a_total, b_total = a.total, b.total
        if not a_total <= b_total:
            return False
        for q in (a, b):
            q.currency = a.currency or b.currency
            q.percent = a.percent or b.percent
            q.power = a.power if a.power is not None else b.power
            q.count = a.count or b.count
        a.total, b.total = a_total, b_total
        a.has_scale = b.has_scale = True
        return True

    def emit(self, first: int, end: int, a: Quantity, b: Quantity | None, qual: str | None):
        start = self.tokens[first][0]
        last = end - 1
        if last > first and self.tokens[last][2] == "." and self.sentence_ends(last):
            last -= 1  # an abbreviation's dot that also ends the sentence (млрд.)
        stop = self.tokens[last][1]
        mult = a.power if a.power is not None else 1.0
        kind = a.kind()
        unit = {"money": a.currency, "percent": "%", "power": "W"}.get(kind)
        value = low = high = None
        if b is not None:
            low, high, qualifier = a.total * mult, b.total * mult, "range"
        elif a.vague is not None:
            low = a.vague[0] * a.scale * mult
            high = a.vague[1] * a.scale * mult
            qualifier = "vague"
        else:
            value = a.total * mult
            qualifier = qual or "exact"
            low = None if qualifier == "at_most" else value
            high = None if qualifier == "at_least" else value
        return (start, stop, self.text[start:stop], kind, value, low, high, unit, qualifier)


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def parse_amounts(text: str, tokens: list[Token], runs: Runs) -> list[Amount]:
    """The amounts of a text, each read in the language of its run (``langdetect.Runs``)."""
    return DocParser(text, tokens, runs).parse()
