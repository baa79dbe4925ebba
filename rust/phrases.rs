//! Phrase tables: lexicon phrases as token sequences, looked up longest first
//! (the same tables as `pyengine/phrases.py`).

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::fxhash::FxHashMap as HashMap;

use crate::lexicon::{Entry, Lexicon};
use crate::tokenizer::{tokenize, Token};

/// The lookup form of a token: lower case, one apostrophe.
pub fn norm(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase(); // one allocation; no curly apostrophe in ASCII
    }
    text.to_lowercase().replace(['’', 'ʼ'], "'")
}

/// `norm` without an allocation for the many tokens already in lookup form.
pub fn norm_cow(text: &str) -> Cow<'_, str> {
    // Most tokens are ASCII: one pass over the bytes, no decoding.
    if text.is_ascii() {
        return if text.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        };
    }
    let settled = |c: char| match c as u32 {
        0..=0x7F => !c.is_ascii_uppercase(),
        // Ranges with no upper case, checked first: lower-case Cyrillic, then the CJK
        // blocks, Hangul syllables and CJK compatibility ideographs (no case at all).
        0x430..=0x45F | 0x2E80..=0xA63F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => true,
        _ => c != '’' && c != 'ʼ' && c.to_lowercase().eq(std::iter::once(c)),
    };
    if text.chars().all(settled) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(norm(text))
    }
}

/// Every token's lookup form (`norm`) in one text, as bytes in one buffer: no
/// allocation a token, and lookups by bytes (no char-boundary checks to slice).
pub struct Keys {
    buf: Vec<u8>,
    /// Key i is `buf[ends[i]..ends[i + 1]]`.
    ends: Vec<usize>,
}

impl Keys {
    pub fn new(text: &str, tokens: &[Token]) -> Keys {
        let mut keys = Keys {
            buf: Vec::with_capacity(text.len()),
            ends: Vec::with_capacity(tokens.len() + 1),
        };
        keys.ends.push(0);
        for t in tokens {
            let token = &text.as_bytes()[t.bstart..t.bend];
            if token.is_ascii() {
                // ASCII has no curly apostrophe: lower case is all `norm` does.
                keys.buf.extend(token.iter().map(u8::to_ascii_lowercase));
            } else {
                keys.buf.extend_from_slice(norm_cow(t.text(text)).as_bytes());
            }
            keys.ends.push(keys.buf.len());
        }
        keys
    }

    pub fn len(&self) -> usize {
        self.ends.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The key of token i, `None` past the end.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        let (from, to) = (*self.ends.get(i)?, *self.ends.get(i + 1)?);
        Some(&self.buf[from..to])
    }

    /// The key of token i (which must exist).
    #[inline]
    pub fn at(&self, i: usize) -> &[u8] {
        &self.buf[self.ends[i]..self.ends[i + 1]]
    }
}

pub fn phrase_tokens(lex: &Lexicon, phrase: &str) -> Vec<String> {
    phrase_shape(lex, phrase).0
}

/// A phrase's token keys, and for each inner boundary whether it is glued:
/// tokens written without a space (`A$`, `tys.`) must be glued in the text too.
pub fn phrase_shape(lex: &Lexicon, phrase: &str) -> (Vec<String>, Vec<bool>) {
    // An elided form (d', l') stands alone in text, so it is one token here too.
    if (phrase.ends_with('\'') || phrase.ends_with('’')) && !phrase.contains(' ') {
        return (vec![norm(phrase)], Vec::new());
    }
    let toks = tokenize(lex, phrase);
    let keys = toks.iter().map(|t| norm(t.text(phrase))).collect();
    let glue = toks.windows(2).map(|w| w[0].end == w[1].start).collect();
    (keys, glue)
}

type Options = Vec<(Vec<String>, Vec<bool>, Entry)>;

pub struct PhraseTable {
    /// First token → (the other tokens, glue, entry), longest first.
    /// Keyed by bytes, as `Keys` gives them.
    by_first: HashMap<Vec<u8>, Options>,
}

impl PhraseTable {
    pub fn new(lex: &Lexicon, entries: &BTreeMap<String, Entry>) -> PhraseTable {
        let mut merged: BTreeMap<(Vec<String>, Vec<bool>), Entry> = BTreeMap::new();
        for (phrase, entry) in entries {
            let shape = phrase_shape(lex, phrase);
            if !shape.0.is_empty() {
                merged.entry(shape).or_default().overlay(entry);
            }
        }
        let mut by_first: HashMap<Vec<u8>, Options> = HashMap::default();
        for ((mut keys, glue), entry) in merged {
            let tail = keys.split_off(1);
            let first = keys.pop().unwrap_or_default();
            by_first.entry(first.into_bytes()).or_default().push((tail, glue, entry));
        }
        for options in by_first.values_mut() {
            options.sort_by(|a, b| {
                b.0.len()
                    .cmp(&a.0.len())
                    .then_with(|| a.0.cmp(&b.0))
                    .then_with(|| a.1.cmp(&b.1))
            });
        }
        PhraseTable { by_first }
    }

    pub fn starts(&self, key: &[u8]) -> bool {
        self.by_first.contains_key(key)
    }

    /// The longest phrase at token i for which `pick` gives a value, with its length.
    /// `glued[k]` says that token k touches token k + 1.
    pub fn find<T>(
        &self,
        keys: &Keys,
        glued: &[bool],
        i: usize,
        pick: impl Fn(&Entry) -> Option<T>,
    ) -> Option<(usize, T)> {
        let options = self.by_first.get(keys.get(i)?)?;
        for (tail, glue, entry) in options {
            let end = i + 1 + tail.len();
            if end <= keys.len()
                && tail.iter().enumerate().all(|(k, t)| keys.at(i + 1 + k) == t.as_bytes())
                && glue.iter().enumerate().all(|(k, g)| !g || glued[i + k])
            {
                if let Some(value) = pick(entry) {
                    return Some((1 + tail.len(), value));
                }
            }
        }
        None
    }
}
