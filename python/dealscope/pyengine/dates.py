"""Pure-Python date parser: the same grammar as ``rust/dates.rs``.

A date mention, read over tokens:

    [relation [article]] [period] core [relation suffix]

core is one of (first match wins):

1. a relative phrase (``去年``, ``last week``, ``w zeszłym roku``); one that
   names the start or end of its year (``year-end``, ``końca roku``, ``年末``)
   is that quarter, and a period word before it is part of it (``do końca
   roku``: no core follows ``końca``, so the phrase is read from there); a year
   one optionally followed by ``N 月`` (``今年 3 月``), a month word or a
   quarter or half (``来年第1四半期``, ``내년 1분기``, ``明年下半年``): resolved
   against ``ref``;
2. a quarter: ``Q3 [year]``, ``<ordinal> <quarter word> [of] [year]``
   (``trzecim kwartale 2025 r.``), ``[第]N <quarter word>`` (``三季度``); a
   half: ``H1 [year]``, ``<half word> [year]`` (``上半年``, ``상반기``),
   ``<ordinal> <half word> [of] [year]`` (``first half of 2026``);
3. digits: ``26.11.2024 [r.]``; ``2024-11-26`` / ``2024/11/26`` (glued);
   ``D[.] <month word> [de|of] [YYYY [year marker]]``; ``YYYY <year marker>``
   then optionally a quarter or half (``2026年上半期``) or ``N 月 [N 日]`` (CJK),
   a ``year_link`` word allowed between (``2026年の第1四半期``, also after a
   relative year: ``来年の3月``);
   ``N 月 [N 日]``; a quarter's months ``N～M 月`` (``7～9月期``, N = 1, 4, 7
   or 10 and M = N + 2); ``N 日`` alone (``28日``, ``30일``; not ``3日間``,
   a length of time): day N of the month before, of or after ref's, whichever
   is nearest; ``N <quarter word>``; a bare year 1950–2100 that no amount
   word follows;
4. a month word: ``<month> D[,] [YYYY]``, ``<month> [de|of] YYYY [marker]``,
   ``<month> [of] <relative year>`` (``March next year``), or alone after a
   month preposition (``w październiku``, ``in May``: the
   preposition keeps ``may`` the verb out; it is not part of the span);
5. a day of the week (``Tuesday``, ``月曜日``, ``周二``): with the date that
   follows it (``Monday, October 20, 2025``), else the latest such day on or
   before ref (news tells what happened: ``said on Tuesday``).

Where ``[year]`` follows a month or quarter above, it is ``YYYY [year marker]``
or a relative year phrase (``Q2 next year``, ``first quarter of next year``,
``первом квартале следующего года``). Years read from text are 1900–2100
(bare ones 1950–2100). A period word turns a year into its first (``start``)
or fourth (``end``) quarter (after a month, ``3月末``, it is read and the month
kept); ``before`` the ``end`` of a period is ``by`` it.
The ``date`` is the first day of the period (of a half: 1 January or 1 July);
``relative`` is true when any part of it came from ``ref``; without a ``ref``
such dates are null. Weeks start on Monday; a week named with no day of it
(``last week``, ``上周``) has week precision and is dated by its Monday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .langdetect import Runs
from .numbers import parse_cjk
from .tokenizer import Token
from .view import CJK_DIGITS, CJK_MULT, TokenView

_EPOCH = dt.date(1970, 1, 1).toordinal()
_AMOUNT_WORDS = ("scale", "currency", "power", "percent", "count")

# doc-relative output row: start, end, text, date (days since 1970 or None),
# precision, relation, relative
DateRow = tuple[int, int, str, "int | None", str, str, bool]


@dataclass
class Core:
    first: int
    next: int
    year: int | None
    month: int = 1
    day: int = 1
    precision: str = "year"
    relative: bool = False
    date: dt.date | None = None  # set directly by week/day arithmetic
    period: str | None = None  # start or end, of a relative phrase that names one
    relation: str | None = None  # one a relative phrase says itself (年内: by year-end)


def _days(date: dt.date) -> int:
    return date.toordinal() - _EPOCH


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class DateParser(TokenView):
    def __init__(self, text: str, tokens: list[Token], runs: Runs,
                 ref: dt.date | None) -> None:
        super().__init__(text, tokens, runs)
        self.ref = ref

    def int_at(self, i: int) -> int | None:
        """A whole number token: ASCII/full-width digits or CJK numerals."""
        if i >= self.n or self.tokens[i][3] != "number":
            return None
        text = self.tokens[i][2]
        if self.is_cjk(i):
            return int(parse_cjk(text, CJK_DIGITS, CJK_MULT))
        digits = text.translate({ord("０") + k: ord("0") + k for k in range(10)})
        return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 4 else None

    def year_at(self, i: int, low: int = 1900) -> int | None:
        value = self.int_at(i)
        if value is None or len(self.tokens[i][2]) != 4 or not low <= value <= 2100:
            return None
        return value

    # -- the grammar -----------------------------------------------------------

    def parse(self) -> list[DateRow]:
        return self.scan(self.mention)

    def mention(self, i: int):
        j = i
        relation = None
        period = None
        m = self.match(j, "date_relation")
        if m:
            relation = m[1]
            j += m[0]
            j += self.flag(j, "date_article")  # depuis le 15 janvier
        at_period = j
        m = self.match(j, "date_period")
        if m:
            period = m[1]
            j += m[0]
        core = self.core(j)
        if core is None and period is not None:
            # the period word begins a phrase of its own: do końca roku, by the end of the year
            period = None
            core = self.core(at_period)
        if core is None:
            return None
        end = core.next
        m = self.match(end, "date_year_period")
        # After a month (3月末まで, 3월 말까지) the word is read, the month kept.
        if m and core.precision in ("year", "month") and period is None:
            period = m[1]
            end += m[0]
        m = self.match(end, "date_relation_suffix")
        if m:  # 自 2018 年以来: the prefix already said it; the suffix is still part of the span
            relation = relation or m[1]
            end += m[0]
        relation = relation or core.relation
        if relation == "before" and "end" in (period, core.period):
            relation = "by"  # before the end of 2025, 2025年底前: by then, not before it
        if period is not None and core.precision == "year" and core.year is not None:
            core.month = 1 if period == "start" else 10
            core.precision = "quarter"
        first = i if (relation is not None or period is not None) else core.first
        return self.emit(first, end, core, relation or "on"), end

    def emit(self, first: int, end: int, core: Core, relation: str) -> DateRow:
        start, stop = self.tokens[first][0], self.tokens[end - 1][1]
        days = None
        try:
            if core.date is not None:
                days = _days(core.date)
            elif core.year is not None:
                days = _days(dt.date(core.year, core.month, core.day))
        except ValueError:  # a reference date so far out that the result leaves 1..9999
            days = None
        return (start, stop, self.text[start:stop], days, core.precision, relation, core.relative)

    def core(self, j: int) -> Core | None:
        if j >= self.n:
            return None
        return (
            self.relative(j) or self.quarter(j) or self.digits(j) or self.month_word(j)
            or self.weekday(j)
        )

    def relative(self, j: int) -> Core | None:
        m = self.match(j, "date_relative")
        if m is None or self.counted(j):
            return None
        unit, offset = m[1][:2]
        nxt = j + m[0]
        core = Core(j, nxt, None, precision=unit, relative=True)
        ref = self.ref
        if len(m[1]) > 2:  # year-end, 年末: a quarter of the year, named with it
            core.year = ref.year + offset if ref else None
            core.period = m[1][2]
            core.relation = m[1][3] if len(m[1]) > 3 else None
            core.month, core.precision = (1 if core.period == "start" else 10), "quarter"
            return core
        if unit == "year":
            core.year = ref.year + offset if ref else None
            at = nxt + self.flag(nxt, "year_link")  # 来年の3月
            month, after = self.month_after(at)
            if month is not None:
                core.month, core.precision, core.next = month, "month", after
                return core
            part = self.year_part(at)
            if part:  # 来年第1四半期, 내년 1분기, 明年下半年
                core.month, core.precision, core.next = part
            return core
        day = None
        if unit == "week":  # 先週月曜日, 지난주 월요일, 上周二: that day of that week
            day, core.next = self.day_of_week(nxt)
        # A week named with no day of it (last week, 上周) is a week: its Monday.
        core.precision = "week" if unit == "week" and day is None else \
            {"week": "day"}.get(unit, unit)
        if ref is None:
            return core
        if unit == "month":
            core.year, core.month = _add_months(ref.year, ref.month, offset)
        elif unit == "quarter":
            q = (ref.month - 1) // 3
            core.year, core.month = _add_months(ref.year, q * 3 + 1, offset * 3)
        else:
            shift = offset * 7 - ref.weekday() + (day or 1) - 1 if unit == "week" else offset
            try:
                core.date = ref + dt.timedelta(days=shift)
            except OverflowError:  # past year 9999 or before year 1: no date
                core.date = None
        return core

    def counted(self, j: int) -> bool:
        """Is token j glued to a number before it? Then a relative phrase there counts
        that many (三年内, 3年内: within three years), naming no date."""
        return self.glued(j) and self.tokens[j - 1][3] == "number"

    def stated_day(self, first: int, k: int) -> Core | None:
        """The day a date at k states, after an optional comma (``Monday, October
        20``), its span from `first`."""
        k += k < self.n and self.tokens[k][2] == ","
        stated = (self.digits(k) or self.month_word(k)) if k < self.n else None
        if stated is None or stated.precision != "day":
            return None
        stated.first = first
        return stated

    def day_of_week(self, j: int) -> tuple[int | None, int]:
        """A weekday at j, or a number 1–6 glued to the week before it (上周二):
        (ISO day, next)."""
        m = self.match(j, "weekday")
        if m:
            return m[1], j + m[0]
        value = self.int_at(j)
        if value is not None and 1 <= value <= 6 and self.glued(j):
            return value, j + 1
        return None, j

    def month_after(self, j: int) -> tuple[int | None, int]:
        """``N 月`` or a month word right after a relative year."""
        value = self.int_at(j)
        if value is not None and 1 <= value <= 12:
            size = self.flag(j + 1, "month_marker")
            if size:
                return value, j + 1 + size
        m = self.match(j, "month")
        if m:
            return m[1], j + m[0]
        return None, j

    def year_tail(self, core: Core, j: int) -> bool:
        """An optional ``[of] YYYY [year marker]`` or ``[of] <relative year>`` (``of
        next year``) after a month or quarter: whether there was one."""
        k = j + self.flag(j, "date_connector")
        year = self.year_at(k)
        if year is not None:
            core.year = year
            core.relative = False
            k += 1
            core.next = k + self.flag(k, "year_marker")
            return True
        m = self.match(k, "date_relative")
        if m and m[1][0] == "year" and len(m[1]) == 2:
            core.year = self.ref.year + m[1][1] if self.ref else None
            core.relative = True
            core.next = k + m[0]
            return True
        return False

    def with_ref_year(self, core: Core) -> Core:
        core.relative = True
        core.year = self.ref.year if self.ref else None
        return core

    def quarter(self, j: int) -> Core | None:
        if self.flag(j, "ordinal_prefix"):
            q = self.cjk_quarter(j)
            if q:
                core = self.with_ref_year(Core(j, q[1], None, (q[0] - 1) * 3 + 1, 1, "quarter"))
                self.year_tail(core, core.next)
                return core
        q = self.named_quarter(j)
        if q:
            core = self.with_ref_year(Core(j, q[1], None, (q[0] - 1) * 3 + 1, 1, "quarter"))
            self.year_tail(core, core.next)
            return core
        h = self.named_half(j)
        if h:
            core = self.with_ref_year(Core(j, h[1], None, (h[0] - 1) * 6 + 1, 1, "half"))
            self.year_tail(core, core.next)
            return core
        return None

    def year_part(self, j: int) -> tuple[int, str, int] | None:
        """A quarter or half at j that a year before it owns (``2026年第1四半期``,
        ``来年下半期``): (first month, precision, next)."""
        q = self.cjk_quarter(j) or self.named_quarter(j)
        if q:
            return (q[0] - 1) * 3 + 1, "quarter", q[1]
        h = self.named_half(j)
        if h:
            return (h[0] - 1) * 6 + 1, "half", h[1]
        return None

    def named_half(self, j: int) -> tuple[int, int] | None:
        """``H1``, ``上半年`` or ``<ordinal> <half word>`` at j: (half, next)."""
        return self.named_part(j, "half", "half_word", 2)

    def named_quarter(self, j: int) -> tuple[int, int] | None:
        """``Q3`` or ``<ordinal> <quarter word>`` at j: (quarter, next)."""
        return self.named_part(j, "quarter_code", "quarter_word", 4)

    def named_part(self, j: int, code: str, word: str, parts: int) -> tuple[int, int] | None:
        """A part of a year (1 to `parts`) at j, named by a `code` phrase or by an
        ordinal and a `word`: (part, next)."""
        m = self.match(j, code)
        if m:
            return m[1], j + m[0]
        m = self.match(j, "ordinal")
        if m and 1 <= m[1] <= parts:
            size = self.flag(j + m[0], word)
            if size:
                return m[1], j + m[0] + size
        return None

    def cjk_quarter(self, j: int) -> tuple[int, int] | None:
        """``[第]N <quarter word>`` at j: (quarter, next)."""
        k = j + self.flag(j, "ordinal_prefix")
        q = self.int_at(k)
        if q is not None and 1 <= q <= 4:
            size = self.flag(k + 1, "quarter_word")
            if size:
                return q, k + 1 + size
        return None

    def month_quarter(self, j: int) -> tuple[int, int] | None:
        """``N～M 月`` at j, a quarter's three months (``7～9月期``): (first month, next)."""
        month = self.int_at(j)
        if month not in (1, 4, 7, 10):
            return None
        join = self.flag(j + 1, "range_join")
        size = self.flag(j + 2 + join, "month_marker") if join else 0
        if size and self.int_at(j + 1 + join) == month + 2:
            return month, j + 2 + join + size
        return None

    def month_day(self, core: Core, j: int) -> None:
        """``N 月 [N 日]`` or ``N～M 月`` (a quarter) at j, filling core when present."""
        q = self.month_quarter(j)
        if q:
            core.month, core.precision, core.next = q[0], "quarter", q[1]
            return
        month = self.int_at(j)
        size = self.flag(j + 1, "month_marker")
        if month is None or not 1 <= month <= 12 or not size:
            return
        core.month, core.precision, core.next = month, "month", j + 1 + size
        day = self.int_at(core.next)
        day_size = self.flag(core.next + 1, "day_marker")
        if day is not None and day_size and self.valid(core.year, month, day):
            core.day, core.precision = day, "day"
            core.next += 1 + day_size

    @staticmethod
    def valid(year: int | None, month: int, day: int) -> bool:
        try:
            dt.date(year if year is not None else 2000, month, day)
        except ValueError:
            return False
        return True

    def slashed(self, j: int, first: int) -> Core | None:
        """D/M/YYYY at j (whose number is `first`), or M/D/YYYY where the slash says
        so (``slash_month_first``, English); a number over 12 is the day."""
        if not (j + 4 < self.n and all(self.glued(j + k) for k in range(1, 5))
                and self.tokens[j + 1][2] == "/" and self.tokens[j + 3][2] == "/"):
            return None
        second, year = self.int_at(j + 2), self.year_at(j + 4)
        if second is None or year is None:
            return None
        month_first = second > 12 or (first <= 12 and self.flag(j + 1, "slash_month_first") > 0)
        month, day = (first, second) if month_first else (second, first)
        if not self.valid(year, month, day):
            return None
        return Core(j, j + 5, year, month, day, "day")

    def digits(self, j: int) -> Core | None:
        tok = self.tokens[j]
        if tok[3] != "number":
            return None
        text = tok[2]
        # 26.11.2024
        parts = text.split(".")
        if len(parts) == 3 and all(p.isascii() and p.isdigit() for p in parts) and \
                len(parts[2]) == 4 and len(parts[0]) <= 2 and len(parts[1]) <= 2:
            d, mo, y = int(parts[0]), int(parts[1]), int(parts[2])
            if 1900 <= y <= 2100 and self.valid(y, mo, d):
                return Core(j, j + 1 + self.flag(j + 1, "year_marker"), y, mo, d, "day")
            return None
        year = self.year_at(j)
        # 2024-11-26 and 2024/11/26, glued
        if year is not None and j + 4 < self.n and all(self.glued(j + k) for k in range(1, 5)):
            sep = self.tokens[j + 1][2]
            if sep in ("-", "/") and self.tokens[j + 3][2] == sep:
                mo, d = self.int_at(j + 2), self.int_at(j + 4)
                if mo is not None and d is not None and self.valid(year, mo, d):
                    return Core(j, j + 5, year, mo, d, "day")
        value = self.int_at(j)
        if value is None:
            return None
        slashed = self.slashed(j, value)
        if slashed is not None:
            return slashed
        # D <month> [YYYY [marker]]
        if 1 <= value <= 31:
            k = j + 1
            if k < self.n and self.tokens[k][2] == "." and self.glued(k):
                k += 1
            k += self.flag(k, "date_connector")
            m = self.match(k, "month")
            if m and self.valid(None, m[1], value):
                core = self.with_ref_year(Core(j, k + m[0], None, m[1], value, "day"))
                self.year_tail(core, core.next)
                if core.year is not None and not self.valid(core.year, m[1], value):
                    return None
                return core
        # YYYY <year marker> [quarter | N 月 [N 日]]
        if year is not None:
            size = self.flag(j + 1, "year_marker")
            if size:
                core = Core(j, j + 1 + size, year)
                at = core.next + self.flag(core.next, "year_link")  # 2026年の第1四半期
                part = self.year_part(at)
                if part:
                    core.month, core.precision, core.next = part
                else:
                    self.month_day(core, at)
                return core
        # N 月 [N 日] or N～M 月, relative year
        if 1 <= value <= 12 and (self.flag(j + 1, "month_marker") or self.month_quarter(j)):
            core = self.with_ref_year(Core(j, j, None))
            self.month_day(core, j)
            if core.precision == "day" and core.year is not None and \
                    not self.valid(core.year, core.month, core.day):
                return None
            return core
        # N 日 alone (28日, 30일): the nearest such day to ref, unless a length of time
        if 1 <= value <= 31 and self.flag(j + 1, "day_marker") and \
                not self.flag(j + 1, "day_span"):
            core = Core(j, j + 1 + self.flag(j + 1, "day_marker"), None, day=value,
                        precision="day", relative=True)
            core.date = _nearest_day(self.ref, value) if self.ref else None
            return core
        # [第]N <quarter word>, relative year
        q = self.cjk_quarter(j)
        if q:
            core = self.with_ref_year(Core(j, q[1], None, (q[0] - 1) * 3 + 1, 1, "quarter"))
            self.year_tail(core, core.next)
            return core
        # a bare year that no amount word follows
        if self.year_at(j, low=1950) is not None and not any(
            self.match(j + 1, role) if role in ("scale", "currency", "power") else
            self.flag(j + 1, role) for role in _AMOUNT_WORDS
        ):
            return Core(j, j + 1, year)
        return None

    def month_word(self, j: int) -> Core | None:
        m = self.match(j, "month")
        if m is None:
            return None
        month, k = m[1], j + m[0]
        # <month> D[,] [YYYY]
        day = self.int_at(k)
        if day is not None and 1 <= day <= 31 and len(self.tokens[k][2]) <= 2 and \
                self.valid(None, month, day):
            core = self.with_ref_year(Core(j, k + 1, None, month, day, "day"))
            after = k + 1
            if after < self.n and self.tokens[after][2] == ",":
                after += 1
            year = self.year_at(after)
            if year is not None:
                if not self.valid(year, month, day):
                    return None
                core.year, core.relative = year, False
                core.next = after + 1 + self.flag(after + 1, "year_marker")
            return core
        core = Core(j, k, None, month, 1, "month")
        if self.year_tail(core, k):
            return core
        if j > 0 and self.flag(j - 1, "month_prep") == 1:
            return self.with_ref_year(core)
        return None

    def weekday(self, j: int) -> Core | None:
        """A day of the week: the date it names when one follows (``Monday, October
        20``); with a ``weekday_last`` word before or after it (``last Monday``,
        ``lundi dernier``) that day of the week before ref's; with a ``weekday_next``
        word (``next Monday``, ``lundi prochain``) the first such day after ref; else
        the latest such day on or before ref (``said on Tuesday``)."""
        n, shift = self.week_shift(j)
        m = self.match(j + n, "weekday")
        if m is None:
            return None
        k = j + n + m[0]
        if not n:
            n, shift = self.week_shift(k)
            stated = None if n else self.stated_day(j, k)
            if stated is not None:
                return stated
            k += n
        core = Core(j, k, None, precision="day", relative=True)
        if self.ref:
            iso = self.ref.isoweekday()
            back = (iso - m[1]) % 7
            if shift < 0:  # the week before ref's: its Monday, then the day
                back = iso - m[1] + 7
            elif shift > 0:  # 1 to 7 days ahead
                back = -((m[1] - iso - 1) % 7 + 1)
            try:
                core.date = self.ref - dt.timedelta(days=back)
            except OverflowError:  # outside years 1..9999: no date
                core.date = None
        return core

    def week_shift(self, j: int) -> tuple[int, int]:
        """A ``weekday_last`` (-1) or ``weekday_next`` (+1) word at j: (its length,
        the direction); (0, 0) if none."""
        last = self.flag(j, "weekday_last")
        if last:
            return last, -1
        after = self.flag(j, "weekday_next")
        return after, (1 if after else 0)


def _nearest_day(ref: dt.date, day: int) -> dt.date | None:
    """Day `day` of ref's month or of the month before or after, whichever is
    nearest to ref (the earlier of two as near): a day of the month named alone."""
    best = None
    for delta in (-1, 0, 1):
        year, month = _add_months(ref.year, ref.month, delta)
        try:
            date = dt.date(year, month, day)
        except ValueError:  # no such day that month, or outside years 1..9999
            continue
        if best is None or abs(date - ref) < abs(best - ref):
            best = date
    return best


def parse_dates(text: str, tokens: list[Token], runs: Runs,
                ref: dt.date | None) -> list[DateRow]:
    """The dates of a text, each read in the language of its run (``langdetect.Runs``)."""
    return DateParser(text, tokens, runs, ref).parse()
