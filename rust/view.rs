//! A document's tokens as the parsers read them: lookup keys, glue, phrase
//! lookups (shared by amounts and dates; `pyengine/view.py` is its twin).

use crate::lexicon::{Entry, Flag, Lexicon};
use crate::phrases::{glued, Keys, PhraseTable};
use crate::tokenizer::{Kind, Token};

pub struct TokenView<'a> {
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub keys: Keys,
    pub n: usize,
    pub table: &'a PhraseTable,
}

impl<'a> TokenView<'a> {
    pub fn new(lex: &'a Lexicon, text: &'a str, tokens: &'a [Token], lang: &str) -> TokenView<'a> {
        Self::keyed(lex, text, tokens, Keys::new(lex, text, tokens), lang)
    }

    /// `new` with the tokens' keys already made (for language detection, say).
    pub fn keyed(
        lex: &'a Lexicon,
        text: &'a str,
        tokens: &'a [Token],
        keys: Keys,
        lang: &str,
    ) -> TokenView<'a> {
        TokenView {
            lex,
            text,
            tokens,
            keys,
            n: tokens.len(),
            table: lex.table(lang),
        }
    }

    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The longest phrase at token i for which `pick` gives a value, with its length.
    pub fn find<T>(&self, i: usize, pick: impl Fn(&Entry) -> Option<T>) -> Option<(usize, T)> {
        if i >= self.n {
            return None;
        }
        self.table.find(&self.keys, self.tokens, i, pick)
    }

    /// Length of the longest phrase at token i with this flag, 0 if none.
    pub fn flag(&self, i: usize, f: Flag) -> usize {
        // Most tokens start no phrase with the flag: one mask test says so.
        if !self
            .keys
            .get(i)
            .is_some_and(|key| self.table.may_flag(key, f))
        {
            return 0;
        }
        self.find(i, |e| e.has(f).then_some(()))
            .map_or(0, |(n, _)| n)
    }

    pub fn is_cjk(&self, i: usize) -> bool {
        self.tok(i)
            .chars()
            .next()
            .is_some_and(|c| self.lex.numerals.contains(c))
    }

    /// No space between token i-1 and token i.
    pub fn glued(&self, i: usize) -> bool {
        // Read from the offsets when asked: few tokens are.
        i > 0 && i < self.n && glued(self.tokens, i - 1)
    }

    /// Try `mention` at every number and phrase start; after a hit, go on behind it.
    pub fn scan<T>(&self, mention: impl Fn(usize) -> Option<(T, usize)>) -> Vec<T> {
        self.scan_where(|i| self.table.starts(self.keys.at(i)), mention)
    }

    /// `scan`, trying `mention` at numbers and where `opens(i)` says one may start.
    pub fn scan_where<T>(
        &self,
        opens: impl Fn(usize) -> bool,
        mention: impl Fn(usize) -> Option<(T, usize)>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.n {
            if self.tokens[i].kind == Kind::Number || opens(i) {
                if let Some((item, next)) = mention(i) {
                    out.push(item);
                    i = next;
                    continue;
                }
            }
            i += 1;
        }
        out
    }
}
