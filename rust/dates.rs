//! The date parser. Its grammar is written out once, in the docstring of
//! `python/dealscope/pyengine/dates.py`; this follows it step for step.
//! Dates are days since 1970-01-01 (proleptic Gregorian).

use crate::langdetect::{one_lang, Runs};
use crate::lexicon::{Entry, Flag, Lexicon, Period, Relation, Unit};
use crate::numbers::parse_cjk;
use crate::phrases::Keys;
use crate::tokenizer::{Kind, Token};
use crate::view::{role, TokenView};

/// The precisions' names, by code (as `frames.PRECISIONS`).
pub const PRECISION_NAMES: [&str; 6] = ["day", "month", "quarter", "half", "year", "week"];

/// Precisions in the order of `frames.PRECISIONS` (the number is the code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Day = 0,
    Month = 1,
    Quarter = 2,
    Half = 3,
    Year = 4,
    /// A week named with no day of it (last week, 上周): its Monday.
    Week = 5,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub bstart: usize,
    pub bend: usize,
    /// Days since 1970-01-01; `None` when it needs a reference date that was not given.
    pub date: Option<i32>,
    pub precision: Precision,
    pub relation: Relation,
    pub relative: bool,
}

/// The ISO day of the week (1 Monday … 7 Sunday) of a day since 1970-01-01 (a Thursday).
fn iso_weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7) + 1
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if leap(y) => 29,
        _ => 28,
    }
}

/// Is this a real day? A missing year is taken as a leap year (2000), as in Python.
fn valid(year: Option<i64>, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year.unwrap_or(2000), month)
}

const MIN_DAYS: i64 = -719_162; // 0001-01-01
const MAX_DAYS: i64 = 2_932_896; // 9999-12-31

fn add_months(year: i64, month: u32, delta: i64) -> (i64, u32) {
    let index = year * 12 + i64::from(month) - 1 + delta;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// (year, month) of a day count.
fn civil_year_month(days: i64) -> (i64, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m)
}

#[derive(Clone, Debug)]
struct Core {
    first: usize,
    next: usize,
    year: Option<i64>,
    month: u32,
    day: u32,
    precision: Precision,
    relative: bool,
    /// Set directly by week and day arithmetic (days since 1970).
    date: Option<i64>,
    /// Start or end, of a relative phrase that names one (`year-end`, `年末`).
    period: Option<Period>,
    /// The relation a relative phrase says itself (`年内`: by the year's end).
    relation: Option<Relation>,
}

impl Core {
    fn new(first: usize, next: usize, year: Option<i64>) -> Core {
        Core {
            first,
            next,
            year,
            month: 1,
            day: 1,
            precision: Precision::Year,
            relative: false,
            date: None,
            period: None,
            relation: None,
        }
    }
}

struct DateParser<'a> {
    view: TokenView<'a>,
    /// Days since 1970 of the reference date.
    reference: Option<i64>,
}

impl<'a> std::ops::Deref for DateParser<'a> {
    type Target = TokenView<'a>;

    fn deref(&self) -> &TokenView<'a> {
        &self.view
    }
}

impl<'a> DateParser<'a> {
    /// A whole number token: ASCII/full-width digits (at most 4) or CJK numerals.
    fn int_at(&self, i: usize) -> Option<i64> {
        if i >= self.n || self.tokens[i].kind != Kind::Number {
            return None;
        }
        let t = self.tokens[i];
        let text = t.text(self.text);
        // As many bytes as code points: ASCII digits (most numbers), read as bytes.
        if t.bend - t.bstart == t.end - t.start {
            if text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            return Some(text.bytes().fold(0, |v, b| v * 10 + i64::from(b - b'0')));
        }
        if self.is_cjk(i) {
            return Some(parse_cjk(text, &self.lex.cjk_digits, &self.lex.cjk_multipliers) as i64);
        }
        let mut value = 0i64;
        let mut count = 0;
        for ch in text.chars() {
            let d = match ch {
                '0'..='9' => ch as u32 - '0' as u32,
                '０'..='９' => ch as u32 - '０' as u32,
                _ => return None,
            };
            count += 1;
            if count > 4 {
                return None;
            }
            value = value * 10 + i64::from(d);
        }
        Some(value)
    }

    fn year_at(&self, i: usize, low: i64) -> Option<i64> {
        self.year_of(i, self.int_at(i)?, low)
    }

    /// `year_at` for token i, whose `int_at` is `value`.
    fn year_of(&self, i: usize, value: i64, low: i64) -> Option<i64> {
        // Four code points (`int_at` read a number token: i exists).
        let t = self.tokens[i];
        (t.end - t.start == 4 && (low..=2100).contains(&value)).then_some(value)
    }

    fn reference_ym(&self) -> Option<(i64, u32)> {
        self.reference.map(civil_year_month)
    }

    fn parse(&self) -> Vec<DateMention> {
        self.view.scan(|i| self.mention(i))
    }

    /// In line in `parse`'s scan, called once: left to the inliner, whether it is
    /// depends on how the crate happens to be split into codegen units (a million
    /// instructions on 2 MB either way).
    #[inline(always)]
    fn mention(&self, i: usize) -> Option<(DateMention, usize)> {
        let mut j = i;
        let mut relation = None;
        let mut period = None;
        if let Some((n, r)) = self.find_role(j, role::DATE_RELATION, |e| e.date_relation) {
            relation = Some(r);
            j += n;
            j += self.flag(j, Flag::DateArticle); // depuis le 15 janvier
        }
        let at_period = j;
        if let Some((n, p)) = self.find_role(j, role::DATE_PERIOD, |e| e.date_period) {
            period = Some(p);
            j += n;
        }
        let mut core = match self.core(j) {
            Some(core) => core,
            // The period word begins a phrase of its own: do końca roku, by the end of
            // the year.
            None if period.is_some() => {
                period = None;
                self.core(at_period)?
            }
            None => return None,
        };
        let mut end = core.next;
        if let Some((n, p)) = self.find_role(end, role::DATE_YEAR_PERIOD, |e| e.date_year_period) {
            // After a month (3月末まで, 3월 말까지) the word is read, the month kept.
            let year_or_month = matches!(core.precision, Precision::Year | Precision::Month);
            if year_or_month && period.is_none() {
                period = Some(p);
                end += n;
            }
        }
        if let Some((n, r)) =
            self.find_role(end, role::DATE_RELATION_SUFFIX, |e| e.date_relation_suffix)
        {
            relation = relation.or(Some(r));
            end += n;
        }
        relation = relation.or(core.relation);
        if relation == Some(Relation::Before)
            && (period == Some(Period::End) || core.period == Some(Period::End))
        {
            relation = Some(Relation::By); // before the end of 2025, 2025年底前: by then
        }
        if let Some(p) = period {
            if core.precision == Precision::Year && core.year.is_some() {
                core.month = if p == Period::Start { 1 } else { 10 };
                core.precision = Precision::Quarter;
            }
        }
        let first = if relation.is_some() || period.is_some() {
            i
        } else {
            core.first
        };
        Some((
            self.emit(first, end, &core, relation.unwrap_or(Relation::On)),
            end,
        ))
    }

    fn emit(&self, first: usize, end: usize, core: &Core, relation: Relation) -> DateMention {
        let days = match (core.date, core.year) {
            (Some(d), _) => Some(d),
            (None, Some(y)) if (1..=9999).contains(&y) && valid(Some(y), core.month, core.day) => {
                Some(days_from_civil(y, core.month, core.day))
            }
            _ => None,
        };
        let (from, to) = (self.tokens[first], self.tokens[end - 1]);
        DateMention {
            start: from.start as usize,
            end: to.end as usize,
            bstart: from.bstart as usize,
            bend: to.bend as usize,
            date: days.map(|d| d as i32),
            precision: core.precision,
            relation,
            relative: core.relative,
        }
    }

    fn core(&self, j: usize) -> Option<Core> {
        // Every core but `digits` opens with one of these roles: one mask test
        // passes over most tokens.
        const OPENS: u64 = role::DATE_RELATIVE
            | role::QUARTER_CODE
            | role::ORDINAL
            | 1 << Flag::OrdinalPrefix as u32
            | role::HALF
            | role::MONTH
            | role::WEEKDAY
            | 1 << Flag::WeekdayLast as u32
            | 1 << Flag::WeekdayNext as u32;
        if j >= self.n || (self.tokens[j].kind != Kind::Number && !self.may_role(j, OPENS)) {
            return None;
        }
        self.relative(j)
            .or_else(|| self.quarter(j))
            .or_else(|| self.digits(j))
            .or_else(|| self.month_word(j))
            .or_else(|| self.weekday(j))
    }

    fn relative(&self, j: usize) -> Option<Core> {
        let (n, (unit, offset, period, relation)) =
            self.find_role(j, role::DATE_RELATIVE, |e| e.date_relative)?;
        if self.counted(j) {
            return None;
        }
        let offset = i64::from(offset);
        let next = j + n;
        let mut core = Core::new(j, next, None);
        core.relative = true;
        let reference = self.reference_ym();
        if let Some(p) = period {
            // year-end, 年末: a quarter of the year, named with it
            core.year = reference.map(|(y, _)| y + offset);
            (core.period, core.relation) = (period, relation);
            core.month = if p == Period::Start { 1 } else { 10 };
            core.precision = Precision::Quarter;
            return Some(core);
        }
        core.precision = match unit {
            Unit::Year => Precision::Year,
            Unit::Quarter => Precision::Quarter,
            Unit::Month => Precision::Month,
            Unit::Week | Unit::Day => Precision::Day,
        };
        if unit == Unit::Year {
            core.year = reference.map(|(y, _)| y + offset);
            let at = next + self.flag(next, Flag::YearLink); // 来年の3月
            let (month, after) = self.month_after(at);
            if let Some(m) = month {
                core.month = m;
                core.precision = Precision::Month;
                core.next = after;
            } else if let Some((month, precision, after)) = self.year_part(at) {
                // 来年第1四半期, 내년 1분기, 明年下半年
                core.month = month;
                core.precision = precision;
                core.next = after;
            }
            return Some(core);
        }
        let mut day = None;
        if unit == Unit::Week {
            // 先週月曜日, 지난주 월요일, 上周二: that day of that week
            (day, core.next) = self.day_of_week(next);
            if day.is_none() {
                core.precision = Precision::Week;
            }
        }
        let (Some((ry, rm)), Some(days)) = (reference, self.reference) else {
            return Some(core);
        };
        match unit {
            Unit::Month => (core.year, core.month) = with_year(add_months(ry, rm, offset)),
            Unit::Quarter => {
                let q = (rm - 1) / 3;
                (core.year, core.month) = with_year(add_months(ry, q * 3 + 1, offset * 3));
            }
            _ => {
                let weekday = iso_weekday(days) - 1;
                let shift = if unit == Unit::Week {
                    offset * 7 - weekday + i64::from(day.unwrap_or(1)) - 1
                } else {
                    offset
                };
                let date = days + shift;
                core.date = (MIN_DAYS..=MAX_DAYS).contains(&date).then_some(date);
            }
        }
        Some(core)
    }

    fn month_after(&self, j: usize) -> (Option<u32>, usize) {
        if let Some(v) = self.int_at(j).filter(|v| (1..=12).contains(v)) {
            let size = self.flag(j + 1, Flag::MonthMarker);
            if size > 0 {
                return (Some(v as u32), j + 1 + size);
            }
        }
        match self.find_role(j, role::MONTH, |e| e.month) {
            Some((n, m)) => (Some(m), j + n),
            None => (None, j),
        }
    }

    /// An optional `[of] YYYY [year marker]` or `[of] <relative year>` (`of next
    /// year`) after a month or quarter: whether there was one.
    fn year_tail(&self, core: &mut Core, j: usize) -> bool {
        let mut k = j + self.flag(j, Flag::DateConnector);
        if let Some(year) = self.year_at(k, 1900) {
            core.year = Some(year);
            core.relative = false;
            k += 1;
            core.next = k + self.flag(k, Flag::YearMarker);
            return true;
        }
        match self.find_role(k, role::DATE_RELATIVE, |e| e.date_relative) {
            Some((n, (Unit::Year, offset, None, _))) => {
                core.year = self.reference_ym().map(|(y, _)| y + i64::from(offset));
                core.relative = true;
                core.next = k + n;
                true
            }
            _ => false,
        }
    }

    fn with_ref_year(&self, mut core: Core) -> Core {
        core.relative = true;
        core.year = self.reference_ym().map(|(y, _)| y);
        core
    }

    fn quarter_core(&self, first: usize, next: usize, q: u32) -> Core {
        let mut core = self.with_ref_year(Core::new(first, next, None));
        core.month = (q - 1) * 3 + 1;
        core.precision = Precision::Quarter;
        let after = core.next;
        self.year_tail(&mut core, after);
        core
    }

    fn quarter(&self, j: usize) -> Option<Core> {
        if self.flag(j, Flag::OrdinalPrefix) > 0 {
            if let Some((q, next)) = self.cjk_quarter(j) {
                return Some(self.quarter_core(j, next, q));
            }
        }
        if let Some((q, next)) = self.named_quarter(j) {
            return Some(self.quarter_core(j, next, q));
        }
        let (h, next) = self.named_half(j)?;
        let mut core = self.with_ref_year(Core::new(j, next, None));
        core.month = (h - 1) * 6 + 1;
        core.precision = Precision::Half;
        self.year_tail(&mut core, next);
        Some(core)
    }

    /// A quarter or half at j that a year before it owns (`2026年第1四半期`,
    /// `来年下半期`): (first month, precision, next).
    fn year_part(&self, j: usize) -> Option<(u32, Precision, usize)> {
        if let Some((q, next)) = self.cjk_quarter(j).or_else(|| self.named_quarter(j)) {
            return Some(((q - 1) * 3 + 1, Precision::Quarter, next));
        }
        let (h, next) = self.named_half(j)?;
        Some(((h - 1) * 6 + 1, Precision::Half, next))
    }

    /// `H1`, `上半年` or `<ordinal> <half word>` at j: (half, next).
    fn named_half(&self, j: usize) -> Option<(u32, usize)> {
        self.named_part(j, (role::HALF, |e| e.half), Flag::HalfWord, 2)
    }

    /// `Q3` or `<ordinal> <quarter word>` at j: (quarter, next).
    fn named_quarter(&self, j: usize) -> Option<(u32, usize)> {
        self.named_part(
            j,
            (role::QUARTER_CODE, |e| e.quarter_code),
            Flag::QuarterWord,
            4,
        )
    }

    /// A part of a year (1 to `parts`) at j, named by a `code` phrase (its role and
    /// value) or by an ordinal and a `word`: (part, next).
    fn named_part(
        &self,
        j: usize,
        (code, value): (u64, fn(&Entry) -> Option<u32>),
        word: Flag,
        parts: u32,
    ) -> Option<(u32, usize)> {
        if let Some((n, p)) = self.find_role(j, code, value) {
            return Some((p, j + n));
        }
        let (n, p) = self.find_role(j, role::ORDINAL, |e| e.ordinal)?;
        let size = self.flag(j + n, word);
        ((1..=parts).contains(&p) && size > 0).then_some((p, j + n + size))
    }

    fn cjk_quarter(&self, j: usize) -> Option<(u32, usize)> {
        let k = j + self.flag(j, Flag::OrdinalPrefix);
        // The quarter word first: most numbers have none after them, and reading the
        // number may parse CJK numerals.
        let size = self.flag(k + 1, Flag::QuarterWord);
        if size == 0 {
            return None;
        }
        let q = self.int_at(k).filter(|q| (1..=4).contains(q))?;
        Some((q as u32, k + 1 + size))
    }

    /// `N～M 月` at j, a quarter's three months (`7～9月期`): (first month, next).
    fn month_quarter(&self, j: usize) -> Option<(u32, usize)> {
        let month = self.int_at(j).filter(|m| [1, 4, 7, 10].contains(m))?;
        let join = self.flag(j + 1, Flag::RangeJoin);
        if join == 0 {
            return None;
        }
        let size = self.flag(j + 2 + join, Flag::MonthMarker);
        (size > 0 && self.int_at(j + 1 + join) == Some(month + 2))
            .then_some((month as u32, j + 2 + join + size))
    }

    /// `N 月 [N 日]` or `N～M 月` (a quarter) at j, filling core when present.
    fn month_day(&self, core: &mut Core, j: usize) {
        if let Some((month, next)) = self.month_quarter(j) {
            core.month = month;
            core.precision = Precision::Quarter;
            core.next = next;
            return;
        }
        let Some(month) = self.int_at(j).filter(|m| (1..=12).contains(m)) else {
            return;
        };
        let size = self.flag(j + 1, Flag::MonthMarker);
        if size == 0 {
            return;
        }
        core.month = month as u32;
        core.precision = Precision::Month;
        core.next = j + 1 + size;
        if let Some(day) = self.int_at(core.next) {
            let day_size = self.flag(core.next + 1, Flag::DayMarker);
            if day_size > 0 && (0..=31).contains(&day) && valid(core.year, core.month, day as u32) {
                core.day = day as u32;
                core.precision = Precision::Day;
                core.next += 1 + day_size;
            }
        }
    }

    /// D/M/YYYY at j (whose number is `first`), or M/D/YYYY where the slash says so
    /// (`slash_month_first`, English); a number over 12 is the day.
    fn slashed(&self, j: usize, first: i64) -> Option<Core> {
        let slashes = j + 4 < self.n
            && (1..5).all(|k| self.glued(j + k))
            && self.tok(j + 1) == "/"
            && self.tok(j + 3) == "/";
        if !slashes {
            return None;
        }
        let (second, year) = (self.int_at(j + 2)?, self.year_at(j + 4, 1900)?);
        let month_first =
            second > 12 || (first <= 12 && self.flag(j + 1, Flag::SlashMonthFirst) > 0);
        let (month, day) = if month_first {
            (first, second)
        } else {
            (second, first)
        };
        let (Ok(month), Ok(day)) = (u32::try_from(month), u32::try_from(day)) else {
            return None;
        };
        if !valid(Some(year), month, day) {
            return None;
        }
        let mut core = Core::new(j, j + 5, Some(year));
        (core.month, core.day, core.precision) = (month, day, Precision::Day);
        Some(core)
    }

    fn digits(&self, j: usize) -> Option<Core> {
        if self.tokens[j].kind != Kind::Number {
            return None;
        }
        let text = self.tok(j);
        let ascii = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        // d.m.yyyy: three parts, so 8 to 10 bytes; most numbers are not split at all.
        let parts = if (8..=10).contains(&text.len()) {
            let mut split = text.split('.');
            match (split.next(), split.next(), split.next(), split.next()) {
                (Some(a), Some(b), Some(c), None) => Some([a, b, c]),
                _ => None,
            }
        } else {
            None
        };
        if let Some(parts) = parts.filter(|parts| {
            parts.iter().all(|p| ascii(p))
                && parts[2].len() == 4
                && parts[0].len() <= 2
                && parts[1].len() <= 2
        }) {
            let (d, mo, y) = (
                parts[0].parse::<u32>().ok()?,
                parts[1].parse::<u32>().ok()?,
                parts[2].parse::<i64>().ok()?,
            );
            if (1900..=2100).contains(&y) && valid(Some(y), mo, d) {
                let mut core = Core::new(j, j + 1 + self.flag(j + 1, Flag::YearMarker), Some(y));
                (core.month, core.day, core.precision) = (mo, d, Precision::Day);
                return Some(core);
            }
            return None;
        }
        // Read once, for the year and the day or month below.
        let int = self.int_at(j);
        let year = int.and_then(|v| self.year_of(j, v, 1900));
        if let Some(y) = year {
            if j + 4 < self.n && (1..5).all(|k| self.glued(j + k)) {
                let sep = self.tok(j + 1);
                if (sep == "-" || sep == "/") && self.tok(j + 3) == sep {
                    if let (Some(mo), Some(d)) = (self.int_at(j + 2), self.int_at(j + 4)) {
                        if (1..=12).contains(&mo)
                            && (1..=31).contains(&d)
                            && valid(Some(y), mo as u32, d as u32)
                        {
                            let mut core = Core::new(j, j + 5, Some(y));
                            (core.month, core.day, core.precision) =
                                (mo as u32, d as u32, Precision::Day);
                            return Some(core);
                        }
                    }
                }
            }
        }
        let value = int?;
        if let Some(core) = self.slashed(j, value) {
            return Some(core);
        }
        if (1..=31).contains(&value) {
            let mut k = j + 1;
            if k < self.n && self.tok(k) == "." && self.glued(k) {
                k += 1;
            }
            k += self.flag(k, Flag::DateConnector);
            if let Some((n, month)) = self.find_role(k, role::MONTH, |e| e.month) {
                if valid(None, month, value as u32) {
                    let mut core = self.with_ref_year(Core::new(j, k + n, None));
                    (core.month, core.day, core.precision) = (month, value as u32, Precision::Day);
                    let after = core.next;
                    self.year_tail(&mut core, after);
                    if core.year.is_some() && !valid(core.year, month, value as u32) {
                        return None;
                    }
                    return Some(core);
                }
            }
        }
        if let Some(y) = year {
            let size = self.flag(j + 1, Flag::YearMarker);
            if size > 0 {
                let mut core = Core::new(j, j + 1 + size, Some(y));
                let at = core.next + self.flag(core.next, Flag::YearLink); // 2026年の第1四半期
                if let Some((month, precision, next)) = self.year_part(at) {
                    core.month = month;
                    core.precision = precision;
                    core.next = next;
                } else {
                    self.month_day(&mut core, at);
                }
                return Some(core);
            }
        }
        if (1..=12).contains(&value)
            && (self.flag(j + 1, Flag::MonthMarker) > 0 || self.month_quarter(j).is_some())
        {
            let mut core = self.with_ref_year(Core::new(j, j, None));
            self.month_day(&mut core, j);
            if core.precision == Precision::Day
                && core.year.is_some()
                && !valid(core.year, core.month, core.day)
            {
                return None;
            }
            return Some(core);
        }
        // N 日 alone (28日, 30일): the nearest such day to the reference, unless a
        // length of time (3日間)
        let day_marker = self.flag(j + 1, Flag::DayMarker);
        if (1..=31).contains(&value) && day_marker > 0 && self.flag(j + 1, Flag::DaySpan) == 0 {
            let mut core = Core::new(j, j + 1 + day_marker, None);
            (core.day, core.precision, core.relative) = (value as u32, Precision::Day, true);
            core.date = self.reference.and_then(|r| nearest_day(r, value as u32));
            return Some(core);
        }
        if let Some((q, next)) = self.cjk_quarter(j) {
            return Some(self.quarter_core(j, next, q));
        }
        if int.and_then(|v| self.year_of(j, v, 1950)).is_some() && !self.amount_word(j + 1) {
            return Some(Core::new(j, j + 1, year));
        }
        None
    }

    /// Does an amount word (scale, currency, power, percent, count) stand at i?
    fn amount_word(&self, i: usize) -> bool {
        self.find_role(i, role::SCALE, |e| e.scale).is_some()
            || self
                .find_role(i, role::CURRENCY, |e| e.currency.as_ref().map(|_| ()))
                .is_some()
            || self.find_role(i, role::POWER, |e| e.power).is_some()
            || self.flag(i, Flag::Percent) > 0
            || self.flag(i, Flag::Count) > 0
    }

    fn month_word(&self, j: usize) -> Option<Core> {
        let (n, month) = self.find_role(j, role::MONTH, |e| e.month)?;
        let k = j + n;
        if let Some(day) = self.int_at(k) {
            if (1..=31).contains(&day)
                && self.tok(k).chars().count() <= 2
                && valid(None, month, day as u32)
            {
                let mut core = self.with_ref_year(Core::new(j, k + 1, None));
                (core.month, core.day, core.precision) = (month, day as u32, Precision::Day);
                let mut after = k + 1;
                if after < self.n && self.tok(after) == "," {
                    after += 1;
                }
                if let Some(year) = self.year_at(after, 1900) {
                    if !valid(Some(year), month, day as u32) {
                        return None;
                    }
                    core.year = Some(year);
                    core.relative = false;
                    core.next = after + 1 + self.flag(after + 1, Flag::YearMarker);
                }
                return Some(core);
            }
        }
        let mut core = Core::new(j, k, None);
        core.month = month;
        core.precision = Precision::Month;
        if self.year_tail(&mut core, k) {
            return Some(core);
        }
        if j > 0 && self.flag(j - 1, Flag::MonthPrep) == 1 {
            return Some(self.with_ref_year(core));
        }
        None
    }

    /// A day of the week: the date it names when one follows (`Monday, October 20`);
    /// with a `weekday_last` word before or after it (`last Monday`, `lundi dernier`)
    /// that day of the week before the reference's; with a `weekday_next` word (`next
    /// Monday`, `lundi prochain`) the first such day after the reference; else the
    /// latest such day on or before the reference (`said on Tuesday`).
    fn weekday(&self, j: usize) -> Option<Core> {
        let (mut n, mut shift) = self.week_shift(j);
        let (len, day) = self.find_role(j + n, role::WEEKDAY, |e| e.weekday)?;
        let mut k = j + n + len;
        if n == 0 {
            (n, shift) = self.week_shift(k);
            if n == 0 {
                if let Some(stated) = self.stated_day(j, k) {
                    return Some(stated);
                }
            }
            k += n;
        }
        let mut core = Core::new(j, k, None);
        (core.precision, core.relative) = (Precision::Day, true);
        core.date = self.reference.and_then(|r| {
            let iso = iso_weekday(r);
            let day = i64::from(day);
            let back = match shift {
                // The week before the reference's: its Monday, then the day.
                w if w < 0 => iso - day + 7,
                // 1 to 7 days ahead.
                w if w > 0 => -((day - iso - 1).rem_euclid(7) + 1),
                _ => (iso - day).rem_euclid(7),
            };
            let date = r - back;
            (MIN_DAYS..=MAX_DAYS).contains(&date).then_some(date)
        });
        Some(core)
    }

    /// A `weekday_last` (-1) or `weekday_next` (+1) word at j: (its length, the
    /// direction); (0, 0) if none.
    fn week_shift(&self, j: usize) -> (usize, i64) {
        let last = self.flag(j, Flag::WeekdayLast);
        if last > 0 {
            return (last, -1);
        }
        let after = self.flag(j, Flag::WeekdayNext);
        (after, if after > 0 { 1 } else { 0 })
    }

    /// Is token j glued to a number before it? Then a relative phrase there counts that
    /// many (三年内, 3年内: within three years), naming no date.
    fn counted(&self, j: usize) -> bool {
        self.glued(j) && self.tokens[j - 1].kind == Kind::Number
    }

    /// The day a date at k states, after an optional comma (`Monday, October 20`), its
    /// span from `first`.
    fn stated_day(&self, first: usize, k: usize) -> Option<Core> {
        let k = k + usize::from(k < self.n && self.tok(k) == ",");
        if k >= self.n {
            return None;
        }
        let mut stated = self.digits(k).or_else(|| self.month_word(k))?;
        stated.first = first;
        (stated.precision == Precision::Day).then_some(stated)
    }

    /// A weekday at j, or a number 1-6 glued to the week before it (上周二): (ISO
    /// day, next).
    fn day_of_week(&self, j: usize) -> (Option<u32>, usize) {
        if let Some((n, day)) = self.find_role(j, role::WEEKDAY, |e| e.weekday) {
            return (Some(day), j + n);
        }
        match self.int_at(j) {
            Some(v) if (1..=6).contains(&v) && self.glued(j) => (Some(v as u32), j + 1),
            _ => (None, j),
        }
    }
}

/// Day `day` of the reference's month or of the month before or after, whichever is
/// nearest to `reference` (the earlier of two as near), in days since 1970.
fn nearest_day(reference: i64, day: u32) -> Option<i64> {
    let (y, m) = civil_year_month(reference);
    let mut best: Option<i64> = None;
    for delta in -1..=1 {
        let (y, m) = add_months(y, m, delta);
        if !(1..=9999).contains(&y) || !valid(Some(y), m, day) {
            continue;
        }
        let date = days_from_civil(y, m, day);
        if best.is_none_or(|b| (date - reference).abs() < (b - reference).abs()) {
            best = Some(date);
        }
    }
    best
}

fn with_year((y, m): (i64, u32)) -> (Option<i64>, u32) {
    (Some(y), m)
}

/// `reference`: the article's date in days since 1970, for relative expressions.
pub fn parse_dates(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    lang: &str,
    reference: Option<i32>,
) -> Vec<DateMention> {
    let keys = Keys::new(lex, text, tokens);
    parse_dates_keyed(lex, text, tokens, keys, one_lang(lang), reference)
}

/// `parse_dates` with the tokens' keys already made, each date read in the language
/// of its run (`langdetect::Runs`).
pub fn parse_dates_keyed<'a>(
    lex: &'a Lexicon,
    text: &'a str,
    tokens: &'a [Token],
    keys: Keys,
    runs: Runs<'a>,
    reference: Option<i32>,
) -> Vec<DateMention> {
    let parser = DateParser {
        view: TokenView::keyed(lex, text, tokens, keys, runs),
        reference: reference.map(i64::from),
    };
    parser.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_ascii_character_is_a_cjk_numeral() {
        // `int_at` reads an ASCII number token as digits, never as CJK numerals.
        let lex = crate::lexicon::lexicon().unwrap();
        assert!((0..0x80).all(|cp| !lex.numerals.contains_cp(cp)));
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2024, 11, 26), 20053);
        assert_eq!(days_from_civil(1, 1, 1), MIN_DAYS);
        assert_eq!(days_from_civil(9999, 12, 31), MAX_DAYS);
        for days in [-1000, 0, 59, 60, 20053, 2_000_000] {
            let (y, m) = civil_year_month(days);
            assert!(days_from_civil(y, m, 1) <= days && days < days_from_civil(y, m, 1) + 31);
        }
    }
}
