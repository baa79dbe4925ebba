//! A document's tokens as the parsers read them: lookup keys, glue, phrase
//! lookups (shared by amounts and dates; `pyengine/view.py` is its twin).

use std::cell::{Cell, RefCell};

use crate::chars;
use crate::langdetect::Runs;
use crate::lexicon::{Entry, Flag, Lexicon};
use crate::phrases::{glued, Keys, PhraseTable};
use crate::tokenizer::{Kind, Token};

pub struct TokenView<'a> {
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub keys: Keys,
    pub n: usize,
    /// The language each token is read in.
    pub runs: Runs<'a>,
    /// The phrase table of the run being read (`read_in`): a `Cell`, so that `scan`
    /// switches it between runs while mentions read it.
    table: Cell<&'a PhraseTable>,
    /// The languages read so far, with their table and decimal mark (`read_in`).
    read: RefCell<Vec<(&'a str, &'a PhraseTable, Option<char>)>>,
}

/// What the phrases at a key can give, a bit each (for `find_role`): the flags (bits
/// 0 to 31, as `Entry::flags`), then which of the entry's fields are set.
pub mod role {
    pub const SCALE: u64 = 1 << 32;
    pub const SCALE_MONEY: u64 = 1 << 33;
    pub const VAGUE: u64 = 1 << 34;
    pub const NUMERAL: u64 = 1 << 35;
    pub const CURRENCY: u64 = 1 << 36;
    pub const POWER: u64 = 1 << 37;
    pub const QUAL_PREFIX: u64 = 1 << 38;
    pub const QUAL_SUFFIX: u64 = 1 << 39;
    pub const MONTH: u64 = 1 << 40;
    pub const DATE_RELATIVE: u64 = 1 << 41;
    pub const DATE_RELATION: u64 = 1 << 42;
    pub const DATE_RELATION_SUFFIX: u64 = 1 << 43;
    pub const DATE_PERIOD: u64 = 1 << 44;
    pub const DATE_YEAR_PERIOD: u64 = 1 << 45;
    pub const ORDINAL: u64 = 1 << 46;
    pub const QUARTER_CODE: u64 = 1 << 47;
    pub const HALF: u64 = 1 << 48;
    pub const WEEKDAY: u64 = 1 << 49;
}

pub fn roles_of(e: &Entry) -> u64 {
    let bit = |set: bool, role: u64| if set { role } else { 0 };
    u64::from(e.flags)
        | bit(e.scale.is_some(), role::SCALE)
        | bit(e.scale_money.is_some(), role::SCALE_MONEY)
        | bit(e.vague.is_some(), role::VAGUE)
        | bit(e.numeral.is_some(), role::NUMERAL)
        | bit(e.currency.is_some(), role::CURRENCY)
        | bit(e.power.is_some(), role::POWER)
        | bit(e.qual_prefix.is_some(), role::QUAL_PREFIX)
        | bit(e.qual_suffix.is_some(), role::QUAL_SUFFIX)
        | bit(e.month.is_some(), role::MONTH)
        | bit(e.date_relative.is_some(), role::DATE_RELATIVE)
        | bit(e.date_relation.is_some(), role::DATE_RELATION)
        | bit(e.date_relation_suffix.is_some(), role::DATE_RELATION_SUFFIX)
        | bit(e.date_period.is_some(), role::DATE_PERIOD)
        | bit(e.date_year_period.is_some(), role::DATE_YEAR_PERIOD)
        | bit(e.ordinal.is_some(), role::ORDINAL)
        | bit(e.quarter_code.is_some(), role::QUARTER_CODE)
        | bit(e.half.is_some(), role::HALF)
        | bit(e.weekday.is_some(), role::WEEKDAY)
}

impl<'a> TokenView<'a> {
    /// A view of the tokens, their keys already made (for language detection, say),
    /// and the language of each run of tokens.
    pub fn keyed(
        lex: &'a Lexicon,
        text: &'a str,
        tokens: &'a [Token],
        keys: Keys,
        runs: Runs<'a>,
    ) -> TokenView<'a> {
        let first = runs
            .first()
            .map_or(crate::lexicon::FALLBACK, |&(_, lang)| lang);
        let table = Cell::new(lex.table(first));
        TokenView {
            lex,
            text,
            tokens,
            keys,
            n: tokens.len(),
            runs,
            table,
            // Room for each language once, made up front: a text switching between
            // languages reads several, and growing from nothing reallocates.
            read: RefCell::new(Vec::with_capacity(crate::lexicon::LANGS.len())),
        }
    }

    /// The phrase table being read.
    #[inline(always)]
    pub fn table(&self) -> &'a PhraseTable {
        self.table.get()
    }

    /// Read what follows in this language (its phrase table); its decimal mark.
    pub fn read_in(&self, lang: &'a str) -> Option<char> {
        // The runs' languages, looked up once a view: a text alternating between two
        // languages switches at every sentence.
        let mut read = self.read.borrow_mut();
        let (table, decimal) = match read.iter().find(|(l, _, _)| std::ptr::eq(*l, lang)) {
            Some(&(_, table, decimal)) => (table, decimal),
            None => {
                let found = (self.lex.table(lang), self.lex.decimal(lang));
                read.push((lang, found.0, found.1));
                found
            }
        };
        self.table.set(table);
        decimal
    }

    /// Each run of `runs` as (first token, end, language): the runs cover every token.
    pub fn run_bounds(&self) -> impl Iterator<Item = (usize, usize, &'a str)> + '_ {
        let ends = self.runs.iter().skip(1).map(|&(first, _)| first);
        self.runs
            .iter()
            .zip(ends.chain([self.n]))
            .map(|(&(first, lang), end)| (first, end, lang))
    }

    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The longest phrase at token i for which `pick` gives a value, with its length.
    pub fn find<T>(&self, i: usize, pick: impl Fn(&'a Entry) -> Option<T>) -> Option<(usize, T)> {
        if i >= self.n {
            return None;
        }
        self.table().find(&self.keys, self.tokens, i, pick)
    }

    /// `find`, for a `pick` that gives a value only for entries with the bit `role`
    /// (see `role`). Answered inline at a token with no key (most tokens) or whose
    /// phrases have none of them with that role (the table's `may_role`, worked out
    /// per key when the lexicon is built).
    #[inline(always)]
    pub fn find_role<T>(
        &self,
        i: usize,
        role: u64,
        pick: impl Fn(&'a Entry) -> Option<T>,
    ) -> Option<(usize, T)> {
        if !self.may_role(i, role) {
            return None;
        }
        self.find(i, pick)
    }

    /// May a phrase at token i have one of the roles `role`? `false` is sure.
    #[inline]
    pub fn may_role(&self, i: usize, role: u64) -> bool {
        self.keys
            .get(i)
            .is_some_and(|key| self.table().may_role(key, role))
    }

    /// Length of the longest phrase at token i with this flag, 0 if none.
    #[inline(always)]
    pub fn flag(&self, i: usize, f: Flag) -> usize {
        // Most tokens start no phrase with the flag: one mask test says so.
        if !self
            .keys
            .get(i)
            .is_some_and(|key| self.table().may_flag(key, f))
        {
            return 0;
        }
        self.find(i, |e| e.has(f).then_some(()))
            .map_or(0, |(n, _)| n)
    }

    pub fn is_cjk(&self, i: usize) -> bool {
        // The first character decoded from the bytes: no `&str` slice to check.
        let t = self.tokens[i];
        t.bend > t.bstart
            && chars::decode_at(self.text.as_bytes(), t.bstart as usize)
                .is_some_and(|(cp, _)| self.lex.numerals.contains_cp(cp))
    }

    /// No space between token i-1 and token i.
    pub fn glued(&self, i: usize) -> bool {
        // Read from the offsets when asked: few tokens are.
        i > 0 && i < self.n && glued(self.tokens, i - 1)
    }

    /// Try `mention` at every number and phrase start; after a hit, go on behind it.
    /// A mention is read in the language of the run it starts in (its phrases may
    /// reach into the next run). Always in line in its caller, with `mention` in it
    /// (see `DateParser::mention`).
    #[inline(always)]
    pub fn scan<T>(&self, mention: impl Fn(usize) -> Option<(T, usize)>) -> Vec<T> {
        let mut out = Vec::new();
        let mut i = 0;
        for (first, end, lang) in self.run_bounds() {
            self.read_in(lang);
            // Tokens, keys and table held here, so that the loop below keeps them in
            // registers.
            let (tokens, keys, table) = (&self.tokens[..end], self.keys.as_slice(), self.table());
            // The next number or phrase start from i on, in the run (most tokens are
            // neither).
            let next_start = |i: usize| {
                let rest = tokens.get(i..).unwrap_or_default();
                let rest_keys = keys.get(i..).unwrap_or_default();
                rest.iter()
                    .zip(rest_keys)
                    .position(|(t, &key)| t.kind == Kind::Number || table.starts(key))
                    .map(|p| i + p)
            };
            i = i.max(first);
            while let Some(at) = next_start(i) {
                match mention(at) {
                    Some((item, next)) => {
                        out.push(item);
                        i = next;
                    }
                    None => i = at + 1,
                }
            }
            i = i.max(end);
        }
        out
    }
}
