//! The amount parser. Its grammar is written out once, in the docstring of
//! `python/dealscope/pyengine/amounts.py`; this follows it step for step so
//! that both engines give identical rows.

use std::cell::Cell;

use crate::langdetect::{is_lower, one_lang, Runs};
use crate::lexicon::{Entry, Flag, Lexicon, Qual};
use crate::numbers::{parse_cjk, parse_digits};
use crate::phrases::{norm_cow, Keys, PhraseTable};
use crate::tokenizer::{Kind, Token};
use crate::view::role::*;
use crate::view::TokenView;

/// The kinds' names, by code (as `frames.AMOUNT_KINDS`).
pub const KIND_NAMES: [&str; 5] = ["money", "percent", "power", "count", "number"];

/// Amount kinds in the order of `frames.AMOUNT_KINDS` (the number is the code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountKind {
    Money = 0,
    Percent = 1,
    Power = 2,
    Count = 3,
    Number = 4,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub start: usize,
    pub end: usize,
    pub bstart: usize,
    pub bend: usize,
    pub kind: AmountKind,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Qual,
}

#[derive(Clone, Debug)]
struct Quantity<'a> {
    first: usize,
    next: usize,
    total: Option<f64>,
    vague: Option<(f64, f64)>,
    scale: f64,
    has_scale: bool,
    word_numeral: bool,
    digits: bool,
    /// Borrowed from the lexicon: found at every currency try, copied only when emitted.
    currency: Option<&'a str>,
    percent: bool,
    power: Option<f64>,
    count: bool,
    /// The suffix qualifier a scale word of it carries (`bn-plus`: at least).
    scale_qual: Option<Qual>,
}

impl Quantity<'_> {
    fn kind(&self) -> AmountKind {
        if self.currency.is_some() {
            AmountKind::Money
        } else if self.percent {
            AmountKind::Percent
        } else if self.power.is_some() {
            AmountKind::Power
        } else if self.count {
            AmountKind::Count
        } else {
            AmountKind::Number
        }
    }

    fn has_unit(&self) -> bool {
        self.kind() != AmountKind::Number
    }
}

struct DocParser<'a> {
    view: TokenView<'a>,
    /// The decimal mark of the run being read (see `TokenView::read_in`).
    decimal: Cell<Option<char>>,
}

impl<'a> std::ops::Deref for DocParser<'a> {
    type Target = TokenView<'a>;

    fn deref(&self) -> &TokenView<'a> {
        &self.view
    }
}

/// How many name-like words may stand between a number and its count words.
const MAX_NAMES: usize = 3;
/// The longest date preposition looked for before a year (`a partire dal`).
const MAX_PREP: usize = 3;

fn ascii_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl<'a> DocParser<'a> {
    /// `TokenView::find_role`: `pick` gives values only for entries with `role`.
    fn find<T>(
        &self,
        i: usize,
        role: u64,
        pick: impl Fn(&'a Entry) -> Option<T>,
    ) -> Option<(usize, T)> {
        self.view.find_role(i, role, pick)
    }

    fn has(&self, i: usize, f: Flag) -> Option<usize> {
        let n = self.flag(i, f);
        (n > 0).then_some(n)
    }

    fn scale_at(&self, i: usize) -> Option<(usize, f64)> {
        self.find(i, SCALE, |e| e.scale)
    }

    /// The value of number token i; `cjk`: is it CJK numerals (`is_cjk`)?
    fn number_value(&self, i: usize, cjk: bool) -> Option<f64> {
        if cjk {
            Some(parse_cjk(
                self.tok(i),
                &self.lex.cjk_digits,
                &self.lex.cjk_multipliers,
            ))
        } else {
            parse_digits(self.tok(i), self.decimal.get())
        }
    }

    /// Read in this language: its phrase table and decimal mark.
    fn read_in(&self, lang: &'a str) {
        self.decimal.set(self.view.read_in(lang));
    }

    /// Try `mention` wherever `next_start` says one may start; after a hit, go on
    /// behind it. Run by run, as `TokenView::scan`.
    fn parse(&self) -> Vec<Amount> {
        let mut out = Vec::new();
        let mut i = 0;
        for (first, end, lang) in self.run_bounds() {
            self.read_in(lang);
            // Mentions start in the run; they may read on past its end (and then the
            // next run goes on behind them).
            let (tokens, table) = (&self.tokens[..end], self.table());
            i = i.max(first);
            while i < end {
                i = next_start(tokens, &self.keys, table, i);
                if i == end {
                    break;
                }
                i = match self.mention(i) {
                    Some((item, next)) => {
                        out.push(item);
                        next
                    }
                    None => i + 1,
                };
            }
        }
        out
    }

    fn mention(&self, i: usize) -> Option<(Amount, usize)> {
        let mut j = i;
        let mut opener = false;
        let mut qual = None;
        if let Some(n) = self.has(j, Flag::RangeOpen) {
            opener = true;
            j += n;
        } else if let Some((n, q)) = self.find(j, QUAL_PREFIX, |e| e.qual_prefix) {
            // "ein Vertrag über 17,4 Milliarden Dollar": after a contract noun the word
            // tells what the deal is worth, no lower bound.
            if !(q == Qual::AtLeast && i > 0 && self.has(i - 1, Flag::WorthNoun) == Some(1)) {
                qual = Some(q);
            }
            j += n;
        }
        let mut a = self.quantity(j)?;
        let mut first = if qual.is_some() { i } else { a.first };
        let mut end = a.next;
        let mut join = self.has(end, Flag::RangeJoin);
        if join.is_none() && opener {
            join = self.has(end, Flag::RangeJoinOpen);
        }
        let mut b = None;
        if let Some(n) = join {
            if let Some(mut second) = self.quantity(end + n) {
                if merge_range(&mut a, &mut second) {
                    b = Some(second);
                }
            }
        }
        if b.is_none() && !opener && !meaningful(&a) {
            // "5 and 10 billion dollars": the bare 5 takes the next amount's scale and unit,
            // a mention of its own; the next one is read after it.
            if let Some(n) = self.has(end, Flag::ListJoin) {
                if let Some(next) = self.quantity(end + n) {
                    share_unit(&mut a, &next);
                }
            }
        }
        if let Some(second) = &b {
            first = i;
            end = second.next;
        } else if a.vague.is_none() && qual.is_none() {
            if let Some((n, q)) = self.find(end, QUAL_SUFFIX, |e| e.qual_suffix) {
                qual = Some(q);
                end += n;
            } else {
                qual = a.scale_qual;
            }
        }
        if !meaningful(&a) {
            return None;
        }
        Some((self.emit(first, end, &a, b.as_ref(), qual), end))
    }

    fn quantity(&self, mut j: usize) -> Option<Quantity<'a>> {
        if j >= self.n {
            return None;
        }
        let first = j;
        let mut currency = None;
        let mut percent = false;
        if let Some((n, c)) = self.find(j, CURRENCY, |e| e.currency.as_deref()) {
            currency = Some(c);
            // Else one word for both (multibillion-dollar), read below as vague.
            if self.find(j, VAGUE, |e| e.vague).map(|(v, _)| v) != Some(n) {
                j += n;
            }
        } else if let Some(n) = self.has(j, Flag::PercentPrefix) {
            percent = true;
            j += n;
        }
        if j >= self.n {
            return None;
        }
        let mut total = None;
        let mut vague = None;
        let mut word_numeral = false;
        let mut digits = false;
        let bare = currency.is_none() && !percent;
        if self.tokens[j].kind == Kind::Number {
            if bare && self.named(j) {
                return None;
            }
            let cjk = self.is_cjk(j);
            let mut value = self.number_value(j, cjk)?;
            if !cjk {
                digits = true;
                (value, j) = self.decimal_typo(j, value);
            }
            total = Some(value);
            j += 1;
            if bare && self.has(j, Flag::DateMarker).is_some() {
                return None;
            }
            j = self.past_hyphen(j);
        } else if let Some((n, v)) = self.find(j, VAGUE, |e| e.vague) {
            vague = Some(v);
            j += n;
        } else {
            let (n, v) = self.find(j, NUMERAL, |e| e.numeral)?;
            word_numeral = true;
            if self.scale_at(j).is_some_and(|(s, _)| s == n) {
                // A scale word standing alone (miliard): one, the word read by `scales`.
                total = Some(1.0);
            } else {
                total = Some(v);
                j += n;
            }
        }
        let (scale, has_scale, after) = self.scales(j, currency.is_some(), vague.is_some());
        let scale_qual = self.scale_qual(j, after);
        j = after;
        let mut q = Quantity {
            first,
            next: j,
            total: None,
            vague,
            scale,
            has_scale,
            word_numeral,
            digits,
            currency,
            percent,
            power: None,
            count: false,
            scale_qual,
        };
        if let Some(t) = total {
            q.total = Some(t * scale);
            if has_scale {
                j = self.compound(&mut q, j);
                if let Some(n) = self.has(j, Flag::HalfAfter) {
                    q.total = q.total.map(|t| t + 0.5 * scale);
                    j += n;
                }
            }
        }
        if q.currency.is_none() && !q.percent {
            j = self.unit(&mut q, j);
        }
        q.next = j;
        Some(q)
    }

    fn scales(&self, mut j: usize, money: bool, vague: bool) -> (f64, bool, usize) {
        let mut scale = 1.0;
        let mut has_scale = false;
        while j < self.n {
            let mut m = self.scale_at(j);
            if m.is_none() {
                // Only money's: after a currency ($300m) or before one (500 M€).
                m = self
                    .find(j, SCALE_MONEY, |e| e.scale_money)
                    .filter(|&(n, _)| {
                        money
                            || self
                                .find(j + n, CURRENCY, |e| e.currency.as_deref())
                                .is_some()
                    });
            }
            if let Some((n, s)) = m {
                scale *= s;
                has_scale = true;
                j += n;
                continue;
            }
            let t = self.tokens[j];
            if t.kind == Kind::Number
                && self.glued(j)
                && self
                    .tok(j)
                    .chars()
                    .all(|c| self.lex.cjk_multipliers.contains_key(&c))
            {
                scale *= parse_cjk(self.tok(j), &self.lex.cjk_digits, &self.lex.cjk_multipliers);
                has_scale = true;
                j += 1;
                continue;
            }
            if vague && !has_scale {
                if let Some(c) = self.has(j, Flag::Connector) {
                    if let Some((n, s)) = self.scale_at(j + c) {
                        scale *= s;
                        has_scale = true;
                        j += c + n;
                        continue;
                    }
                }
            }
            break;
        }
        (scale, has_scale, j)
    }

    fn compound(&self, q: &mut Quantity, mut j: usize) -> usize {
        let mut last = q.scale;
        while j < self.n && self.tokens[j].kind == Kind::Number {
            let Some(value) = self.number_value(j, self.is_cjk(j)) else {
                break;
            };
            let m = self.scale_at(j + 1);
            if let Some((n, s)) = m {
                if s < last {
                    q.total = q.total.map(|t| t + value * s);
                    last = s;
                    j += 1 + n;
                    continue;
                }
            }
            if m.is_none() && self.glued(j) && value < last {
                q.total = q.total.map(|t| t + value);
                j += 1;
            }
            break;
        }
        j
    }

    fn unit(&self, q: &mut Quantity<'a>, j: usize) -> usize {
        for via_connector in [false, true] {
            let mut k = j;
            if via_connector {
                match self.has(j, Flag::Connector) {
                    Some(c) => k = j + c,
                    None => break,
                }
            }
            if let Some((n, c)) = self.find(k, CURRENCY, |e| e.currency.as_deref()) {
                q.currency = Some(c);
                return k + n;
            }
            if let Some(n) = self.has(k, Flag::Percent) {
                q.percent = true;
                return k + n;
            }
            if let Some((n, p)) = self.find(k, POWER, |e| e.power) {
                q.power = Some(p);
                return k + n;
            }
            let named = self.past_names(k);
            if self.count_at(named).is_some() {
                if self.year_like(q) {
                    return j;
                }
                q.count = true;
                k = named;
                while let Some(more) = self.count_at(k) {
                    k += more;
                }
                return k;
            }
        }
        j
    }

    /// Length of the count words at k: a count phrase, or one word whose part after its
    /// last hyphen is a count word (`Blackwell-GPUs`, `KI-Chips`).
    fn count_at(&self, k: usize) -> Option<usize> {
        if let Some(n) = self.has(k, Flag::Count) {
            return Some(n);
        }
        if k >= self.n || self.tokens[k].kind != Kind::Word {
            return None;
        }
        let t = self.tok(k);
        let (at, c) = t
            .char_indices()
            .rev()
            .find(|(_, c)| self.lex.hyphens.contains(c))?;
        let last = &t[at + c.len_utf8()..];
        let key = self.lex.key_id(norm_cow(last).as_bytes());
        self.table()
            .single(key, |e| e.has(Flag::Count).then_some(1))
    }

    /// The suffix qualifier a scale word from j to end carries itself (`bn-plus`: at
    /// least).
    fn scale_qual(&self, j: usize, end: usize) -> Option<Qual> {
        (j..end).find_map(|k| {
            self.find(k, QUAL_SUFFIX, |e| e.qual_suffix)
                .filter(|_| self.scale_at(k).is_some())
                .map(|(_, q)| q)
        })
    }

    /// Past a hyphen glued between the number before j and a scale, power or count word.
    fn past_hyphen(&self, j: usize) -> usize {
        if j + 1 < self.n
            && self.is_hyphen(j)
            && self.glued(j)
            && self.glued(j + 1)
            && (self.scale_at(j + 1).is_some()
                || self.find(j + 1, POWER, |e| e.power).is_some()
                || self.count_at(j + 1).is_some())
        {
            j + 1
        } else {
            j
        }
    }

    /// Past up to `MAX_NAMES` name-like words from j: words whose first letter is a
    /// capital or has no case, up to the first count word (`GPUs`).
    fn past_names(&self, j: usize) -> usize {
        let mut k = j;
        while k < self.n && k - j < MAX_NAMES {
            let name_like = self.tokens[k].kind == Kind::Word
                && self.tok(k).chars().next().is_some_and(|c| !is_lower(c));
            if !name_like || self.count_at(k).is_some() {
                break;
            }
            k += 1;
        }
        k
    }

    /// Is q a bare year after a date preposition (`in 2024`, `seit 2023`)?
    fn year_like(&self, q: &Quantity) -> bool {
        let i = q.first;
        let t = self.tok(i);
        let year = self.tokens[i].kind == Kind::Number
            && t.len() == 4
            && ascii_digits(t)
            && t.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y));
        if q.has_scale || !year {
            return false;
        }
        // A phrase of the role starting k tokens back and k long ends right before i.
        let ends_here = |found: &dyn Fn(usize) -> Option<usize>| {
            (1..=i.min(MAX_PREP)).any(|k| found(i - k) == Some(k))
        };
        (ends_here(&|at| self.has(at, Flag::MonthPrep))
            || ends_here(&|at| {
                self.find(at, DATE_RELATION, |e| e.date_relation)
                    .map(|(n, _)| n)
            }))
            && !ends_here(&|at| {
                self.find(at, QUAL_PREFIX, |e| e.qual_prefix)
                    .map(|(n, _)| n)
            })
    }

    /// Is the number at j part of a name (Claude 3.5, GPT-4o)?
    fn named(&self, j: usize) -> bool {
        if j == 0 {
            return false;
        }
        if self.has(j - 1, Flag::Product).is_some() {
            return true;
        }
        // The offsets first: most numbers stand apart, and their text need not be read.
        self.glued(j)
            && j >= 2
            && self.tokens[j - 2].kind == Kind::Word
            && self.glued(j - 1)
            && self.is_hyphen(j - 1)
    }

    /// Is token i a hyphen alone?
    fn is_hyphen(&self, i: usize) -> bool {
        let mut chars = self.tok(i).chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if self.lex.hyphens.contains(&c))
    }

    fn decimal_typo(&self, j: usize, value: f64) -> (f64, usize) {
        if self.decimal.get() != Some(',') || j + 2 >= self.n {
            return (value, j);
        }
        let (head, comma, tail) = (self.tokens[j], self.tokens[j + 1], self.tokens[j + 2]);
        // The offsets first (a mark glued to the head, one space before the tail): most
        // numbers fail there, before any text is read.
        if comma.start != head.end || tail.kind != Kind::Number || tail.start != comma.end + 1 {
            return (value, j);
        }
        let (h, t) = (self.tok(j), self.tok(j + 2));
        if ascii_digits(h)
            && self.tok(j + 1) == ","
            && ascii_digits(t)
            && t.len() <= 2
            && self.text[comma.bend as usize..].starts_with(' ')
            && self.scale_at(j + 3).is_some()
        {
            if let Ok(v) = format!("{h}.{t}").parse() {
                return (v, j + 2);
            }
        }
        (value, j)
    }

    /// Does the sentence end at this dot (end of text, a new line or a capital next)?
    fn sentence_ends(&self, dot: usize) -> bool {
        let Some(next) = self.tokens.get(dot + 1) else {
            return true;
        };
        if self.text[self.tokens[dot].bend as usize..next.bstart as usize].contains('\n') {
            return true;
        }
        let head = self.tok(dot + 1).chars().next().unwrap_or(' ');
        head.to_lowercase().ne(std::iter::once(head))
    }

    fn emit(
        &self,
        first: usize,
        end: usize,
        a: &Quantity,
        b: Option<&Quantity>,
        qual: Option<Qual>,
    ) -> Amount {
        let mut last = end - 1;
        if last > first && self.tok(last) == "." && self.sentence_ends(last) {
            last -= 1; // an abbreviation's dot that also ends the sentence (млрд.)
        }
        let (from, to) = (self.tokens[first], self.tokens[last]);
        let mult = a.power.unwrap_or(1.0);
        let kind = a.kind();
        let unit = match kind {
            AmountKind::Money => a.currency.map(str::to_string),
            AmountKind::Percent => Some("%".to_string()),
            AmountKind::Power => Some("W".to_string()),
            _ => None,
        };
        let (value, low, high, qualifier);
        if let Some(b) = b {
            value = None;
            low = a.total.map(|t| t * mult);
            high = b.total.map(|t| t * mult);
            qualifier = Qual::Range;
        } else if let Some((lo, hi)) = a.vague {
            value = None;
            low = Some(lo * a.scale * mult);
            high = Some(hi * a.scale * mult);
            qualifier = Qual::Vague;
        } else {
            let v = a.total.map(|t| t * mult);
            qualifier = qual.unwrap_or(Qual::Exact);
            value = v;
            low = if qualifier == Qual::AtMost { None } else { v };
            high = if qualifier == Qual::AtLeast { None } else { v };
        }
        Amount {
            start: from.start as usize,
            end: to.end as usize,
            bstart: from.bstart as usize,
            bend: to.bend as usize,
            kind,
            value,
            low,
            high,
            unit,
            qualifier,
        }
    }
}

/// The first token from i on where a mention may start (`tokens.len()` if none): a
/// number, or a phrase that can open an amount (see `mention` and `quantity`); other
/// phrase starts are not tried. A loop of its own, with no call and no bounds check
/// that may panic, so its state stays in registers: most tokens start no mention.
#[inline(never)]
fn next_start(tokens: &[Token], keys: &Keys, table: &PhraseTable, i: usize) -> usize {
    let rest = tokens.get(i..).unwrap_or_default();
    // The keys read alongside (there is one a token); `NO_KEY` opens no amount.
    let rest_keys = keys.as_slice().get(i..).unwrap_or_default();
    rest.iter()
        .zip(rest_keys)
        .position(|(t, &key)| t.kind == Kind::Number || table.opens_amount(key))
        .map_or(tokens.len(), |p| i + p)
}

fn meaningful(q: &Quantity) -> bool {
    if q.word_numeral && !(q.has_scale || q.power.is_some()) {
        return false;
    }
    let big_vague = q.vague.is_some_and(|(lo, _)| lo >= 1000.0);
    if q.count && !(q.has_scale || q.digits || big_vague) {
        return false;
    }
    if let Some((lo, _)) = q.vague {
        return q.has_scale || q.has_unit() || lo >= 1000.0;
    }
    q.has_scale || q.has_unit()
}

/// Give the bare number `a` (digits under 1000, no scale nor unit: not a year) the
/// scale and unit of the amount `next` listed after it; `next` must be one itself.
fn share_unit<'a>(a: &mut Quantity<'a>, next: &Quantity<'a>) {
    let Some(at) = a.total else {
        return;
    };
    if !a.digits || a.vague.is_some() || a.has_scale || a.has_unit() || at >= 1000.0 {
        return;
    }
    if next.vague.is_some() || next.total.is_none() || !meaningful(next) {
        return;
    }
    if next.has_scale {
        a.total = Some(at * next.scale);
        a.has_scale = true;
    }
    a.currency = next.currency;
    a.percent = next.percent;
    a.power = next.power;
    a.count = next.count;
}

fn merge_range<'a>(a: &mut Quantity<'a>, b: &mut Quantity<'a>) -> bool {
    let (Some(at), Some(bt)) = (a.total, b.total) else {
        return false;
    };
    if a.vague.is_some() || b.vague.is_some() {
        return false;
    }
    if !(b.has_scale || b.has_unit()) {
        return false;
    }
    if a.has_unit()
        && b.has_unit()
        && (a.kind() != b.kind() || a.currency != b.currency || a.power != b.power)
    {
        return false;
    }
    let (a_total, b_total) = if !a.has_scale && b.has_scale {
        (at * b.scale, bt)
    } else if a.has_scale && !b.has_scale {
        (at, bt * a.scale)
    } else {
        (at, bt)
    };
    // Also refuses NaN, which compares as neither.
    if a_total
        .partial_cmp(&b_total)
        .is_none_or(|o| o == std::cmp::Ordering::Greater)
    {
        return false;
    }
    let currency = a.currency.or(b.currency);
    let percent = a.percent || b.percent;
    let power = a.power.or(b.power);
    let count = a.count || b.count;
    for q in [&mut *a, &mut *b] {
        q.currency = currency;
        q.percent = percent;
        q.power = power;
        q.count = count;
        q.has_scale = true;
    }
    a.total = Some(a_total);
    b.total = Some(b_total);
    true
}

/// The amounts of a text read in `lang`.
pub fn parse_amounts(lex: &Lexicon, text: &str, tokens: &[Token], lang: &str) -> Vec<Amount> {
    parse_amounts_keyed(
        lex,
        text,
        tokens,
        Keys::new(lex, text, tokens),
        one_lang(lang),
    )
}

/// `parse_amounts` with the tokens' keys already made, each amount read in the
/// language of its run (`langdetect::Runs`).
pub fn parse_amounts_keyed<'a>(
    lex: &'a Lexicon,
    text: &'a str,
    tokens: &'a [Token],
    keys: Keys,
    runs: Runs<'a>,
) -> Vec<Amount> {
    let parser = DocParser {
        view: TokenView::keyed(lex, text, tokens, keys, runs),
        decimal: Cell::new(None),
    };
    parser.parse()
}
