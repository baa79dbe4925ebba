//! Phrase tables: lexicon phrases as token sequences, looked up longest first
//! (the same tables as `pyengine/phrases.py`).

use std::collections::{BTreeMap, HashMap};

use crate::lexicon::{Entry, Lexicon};
use crate::tokenizer::tokenize;

/// The lookup form of a token: lower case, one apostrophe.
pub fn norm(text: &str) -> String {
    text.to_lowercase().replace(['’', 'ʼ'], "'")
}

pub fn phrase_tokens(lex: &Lexicon, phrase: &str) -> Vec<String> {
    // An elided form (d', l') stands alone in text, so it is one token here too.
    if (phrase.ends_with('\'') || phrase.ends_with('’')) && !phrase.contains(' ') {
        return vec![norm(phrase)];
    }
    tokenize(lex, phrase).iter().map(|t| norm(t.text(phrase))).collect()
}

pub struct PhraseTable {
    /// First token → (the other tokens, entry), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, Entry)>>,
}

impl PhraseTable {
    pub fn new(lex: &Lexicon, entries: &BTreeMap<String, Entry>) -> PhraseTable {
        let mut merged: BTreeMap<Vec<String>, Entry> = BTreeMap::new();
        for (phrase, entry) in entries {
            let keys = phrase_tokens(lex, phrase);
            if !keys.is_empty() {
                merged.entry(keys).or_default().overlay(entry);
            }
        }
        let mut by_first: HashMap<String, Vec<(Vec<String>, Entry)>> = HashMap::new();
        for (mut keys, entry) in merged {
            let tail = keys.split_off(1);
            let first = keys.pop().unwrap_or_default();
            by_first.entry(first).or_default().push((tail, entry));
        }
        for options in by_first.values_mut() {
            options.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        PhraseTable { by_first }
    }

    pub fn starts(&self, key: &str) -> bool {
        self.by_first.contains_key(key)
    }

    /// The longest phrase at token i for which `pick` gives a value, with its length.
    pub fn find<T>(&self, keys: &[String], i: usize, pick: impl Fn(&Entry) -> Option<T>) -> Option<(usize, T)> {
        let options = self.by_first.get(keys.get(i)?)?;
        for (tail, entry) in options {
            let end = i + 1 + tail.len();
            if end <= keys.len() && keys[i + 1..end] == tail[..] {
                if let Some(value) = pick(entry) {
                    return Some((1 + tail.len(), value));
                }
            }
        }
        None
    }
}
