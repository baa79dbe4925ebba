//! Phrase tables: lexicon phrases as token sequences, looked up longest first
//! (the same tables as `pyengine/phrases.py`).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::fxhash::FxHashMap as HashMap;

use crate::lexicon::{Entry, Flag, Lexicon};
use crate::tokenizer::{tokenize, Token};
use crate::view::roles_of;

/// The lookup form of a token: lower case, one apostrophe.
pub fn norm(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase(); // one allocation; no curly apostrophe in ASCII
    }
    text.to_lowercase().replace(['’', 'ʼ'], "'")
}

/// `norm` without an allocation for the many tokens already in lookup form.
pub fn norm_cow(text: &str) -> Cow<'_, str> {
    if is_norm(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(norm(text))
    }
}

/// Is `text` its own lookup form (`norm(text) == text`)?
fn is_norm(text: &str) -> bool {
    // Most tokens are ASCII: one pass over the bytes, no decoding.
    if text.is_ascii() {
        return !text.bytes().any(|b| b.is_ascii_uppercase());
    }
    is_norm_wide(settled_table(), text.as_bytes())
}

/// Blocks with no case at all: CJK, Hangul syllables, CJK compatibility
/// ideographs, the ideographs of planes 2 and 3.
const CASELESS: [(u32, u32); 4] = [
    (0x2E80, 0xA63F),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
];

/// Is the character its own lookup form?
fn settled(c: char) -> bool {
    let cp = c as u32;
    match cp {
        0..=0x7F => !c.is_ascii_uppercase(),
        // Lower-case Cyrillic and the caseless blocks, checked first.
        0x430..=0x45F => true,
        _ if CASELESS.iter().any(|&(lo, hi)| lo <= cp && cp <= hi) => true,
        _ => c != '’' && c != 'ʼ' && c.to_lowercase().eq(std::iter::once(c)),
    }
}

/// Is every character from `lo` to `hi` its own lookup form?
pub fn all_settled(lo: u32, hi: u32) -> bool {
    CASELESS.iter().any(|&(a, b)| a <= lo && hi <= b)
        || (lo..=hi).filter_map(char::from_u32).all(settled)
}

/// Code points below this have their `settled` answer in `SETTLED`: the two-byte
/// ones (Latin, Greek, Cyrillic, ...) and the three-byte ones of lead E0..E2
/// (general punctuation among them).
pub const TABLED: usize = 0x3000;

/// `settled` of every code point below `TABLED`, a bit each, made on first use.
static SETTLED: OnceLock<[u64; TABLED / 64]> = OnceLock::new();

pub fn settled_table() -> &'static [u64; TABLED / 64] {
    SETTLED.get_or_init(|| {
        let mut bits = [0u64; TABLED / 64];
        for (cp, c) in (0..TABLED as u32).filter_map(|cp| Some((cp as usize, char::from_u32(cp)?)))
        {
            if settled(c) {
                bits[cp / 64] |= 1 << (cp % 64);
            }
        }
        bits
    })
}

/// `is_norm` of a text known not to be all ASCII; `table` is `settled_table()`.
/// The text comes as bytes (a token's, say): no `&str` slicing needed to call it.
fn is_norm_wide(table: &[u64; TABLED / 64], bytes: &[u8]) -> bool {
    // Read as bytes: ASCII directly, code points below `TABLED` from the table, han
    // and kana (a lead byte E3..E9 starts a code point in U+3000..U+9FFF, inside
    // the caseless CJK range of `settled`) skipped. Anything else is decoded.
    let bit = |cp: usize| table[cp / 64] >> (cp % 64) & 1 == 1;
    let cont = |b: u8| usize::from(b & 0x3F);
    // Each arm takes the bytes of one character off the front of `rest`: `bytes` is
    // UTF-8, so a lead byte's continuation bytes are there (the pattern checks it).
    let mut rest = bytes;
    loop {
        rest = match *rest {
            [] => return true,
            [lead, ref tail @ ..] if lead < 0x80 => {
                if lead.is_ascii_uppercase() {
                    return false;
                }
                tail
            }
            // Two two-byte characters at once (Cyrillic words are made of them): one
            // loop turn for both. Past the ASCII arm, a lead byte is 0xC2 or more
            // (UTF-8 read from a character boundary): one comparison bounds each.
            [l1 @ ..=0xDF, c1, l2 @ 0x80..=0xDF, c2, ref tail @ ..] => {
                let settled = |lead: u8, c: u8| bit(usize::from(lead & 0x1F) << 6 | cont(c));
                if !(settled(l1, c1) && settled(l2, c2)) {
                    return false;
                }
                tail
            }
            // Two bytes (Latin, Greek, Cyrillic, ...): below U+0800.
            [lead @ ..=0xDF, c1, ref tail @ ..] => {
                if !bit(usize::from(lead & 0x1F) << 6 | cont(c1)) {
                    return false;
                }
                tail
            }
            // Three bytes below U+3000 (general punctuation among them).
            [lead @ 0xE0..=0xE2, c1, c2, ref tail @ ..] => {
                if !bit(usize::from(lead & 0x0F) << 12 | cont(c1) << 6 | cont(c2)) {
                    return false;
                }
                tail
            }
            [0xE3..=0xE9, _, _, ref tail @ ..] => tail,
            _ => return all_settled_from(rest),
        };
    }
}

/// `is_norm_wide`'s rare case, decoded (kept out of line: the loop above then saves
/// no registers).
#[cold]
#[inline(never)]
fn all_settled_from(rest: &[u8]) -> bool {
    // The rest of a UTF-8 text from a character boundary is UTF-8.
    std::str::from_utf8(rest).is_ok_and(|t| t.chars().all(settled))
}

/// The bytes of `norm(text)` written into `out` (cleared first): no allocation once
/// `out` has grown. Bytes, not a `String`: they are only looked up.
fn norm_into(text: &str, out: &mut Vec<u8>) {
    out.clear();
    let bytes = text.as_bytes();
    if text.is_ascii() {
        out.extend_from_slice(bytes);
        out.make_ascii_lowercase();
        return;
    }
    // Lowering mostly keeps the length in bytes: room made once, not grown.
    out.reserve(bytes.len());
    // `str::to_lowercase` lowers character by character, as here, but for a capital
    // sigma (read in context: final ς), left to it; no search for one up front.
    let mut rest = bytes;
    while let [lead, ref tail @ ..] = *rest {
        // ASCII and the basic Cyrillic block (nearly every character here) lowered
        // from their bytes, as `lower_by_offset` does.
        if lead < 0x80 {
            out.push(lead.to_ascii_lowercase());
            rest = tail;
            continue;
        }
        if let [0xD0..=0xD1, c1, ref tail @ ..] = *rest {
            let cp = u32::from(lead & 0x1F) << 6 | u32::from(c1 & 0x3F);
            if cp < 0x460 {
                let low = match cp {
                    0x410..=0x42F => cp + 0x20, // А-Я
                    0x400..=0x40F => cp + 0x50, // Ѐ-Џ
                    _ => cp,
                };
                out.extend_from_slice(&[0xC0 | (low >> 6) as u8, 0x80 | (low & 0x3F) as u8]);
                rest = tail;
                continue;
            }
        }
        // Any other character, decoded (`rest` starts on a character boundary).
        let at = bytes.len() - rest.len();
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        rest = &bytes[at + c.len_utf8()..];
        let mut buf = [0u8; 4];
        match lower_by_offset(c) {
            Some(low) => out.extend_from_slice(low.encode_utf8(&mut buf).as_bytes()),
            // Neither has a lower case: no case tables.
            None if c == '’' || c == 'ʼ' => out.push(b'\''),
            None if c == 'Σ' => {
                out.clear();
                out.extend_from_slice(norm(text).as_bytes());
                return;
            }
            None => {
                for c in c.to_lowercase() {
                    let c = if c == '’' || c == 'ʼ' { '\'' } else { c };
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
}

/// `c.to_lowercase()` for ASCII and the basic Cyrillic block (nearly every character
/// of the words lowered here), without the Unicode case tables; `None` for the rest.
#[inline]
fn lower_by_offset(c: char) -> Option<char> {
    let cp = c as u32;
    let low = match cp {
        0x41..=0x5A | 0x410..=0x42F => cp + 0x20, // A-Z, А-Я
        0x400..=0x40F => cp + 0x50,               // Ѐ-Џ
        0x00..=0x7F | 0x430..=0x45F => cp,        // no capitals
        _ => return None,
    };
    char::from_u32(low)
}

/// Which keys may be in a set, from their length and first and last bytes: a bitmap
/// read before hashing, since most tokens are no key at all. The bytes are read with
/// their 0x20 bit set: an ASCII token and its lower case read the same, so that
/// `may_hold` of an ASCII token answers for its lookup form without lowering it
/// (other bytes that differ in that bit alone merely share slots).
pub struct KeyFilter {
    /// A fixed size: a slot indexes it with no bounds check.
    bits: Box<[u64; KeyFilter::SIZE / 64]>,
}

impl KeyFilter {
    const SIZE: usize = 1 << 16;

    pub fn new<'k>(keys: impl Iterator<Item = &'k [u8]>) -> KeyFilter {
        let mut bits = Box::new([0u64; Self::SIZE / 64]);
        for key in keys {
            if let (Some(&first), Some(&last)) = (key.first(), key.last()) {
                let i = Self::slot(first, last, key.len());
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        KeyFilter { bits }
    }

    #[inline]
    fn slot(first: u8, last: u8, len: usize) -> usize {
        let (first, last) = (usize::from(first | 0x20), usize::from(last | 0x20));
        ((first << 8 | last) ^ (len * 0x9E5)) % Self::SIZE
    }

    /// May `key` be in the set? `false` is sure; `true` needs the lookup.
    #[inline]
    pub fn may_hold(&self, key: &[u8]) -> bool {
        match (key.first(), key.last()) {
            (Some(&first), Some(&last)) => self.test(Self::slot(first, last, key.len())),
            _ => true,
        }
    }

    #[inline]
    fn test(&self, i: usize) -> bool {
        self.bits[i / 64] >> (i % 64) & 1 == 1
    }
}

/// The number of a key no phrase and no vote list holds (see `Lexicon::key_ids`).
pub const NO_KEY: u32 = u32::MAX;

/// Keys of up to `KeyTable::PACKED` bytes as one integer: the bytes in little-endian
/// order, zero-padded, the length in the top byte (so `a` and `a\0` differ).
#[inline]
fn pack(key: &[u8]) -> Option<u128> {
    if key.len() > KeyTable::PACKED {
        return None;
    }
    let mut word = [0u8; 16];
    word[..key.len()].copy_from_slice(key);
    Some(u128::from_le_bytes(word) | (key.len() as u128) << 120)
}

/// By length, the mask that keeps a key's bytes of a 16-byte word (read from a table:
/// a variable shift of a u128 takes a dozen instructions).
const PACK_MASKS: [u128; KeyTable::PACKED + 1] = {
    let mut masks = [0u128; KeyTable::PACKED + 1];
    let mut len = 1;
    while len <= KeyTable::PACKED {
        masks[len] = (1u128 << (len * 8)) - 1;
        len += 1;
    }
    masks
};

/// `pack` of bytes `span` of `all`, read with one 16-byte load where the text has 16
/// bytes from the span's start (nearly always), else copied.
#[inline]
fn pack_span(all: &[u8], span: std::ops::Range<usize>) -> Option<u128> {
    let len = span.end - span.start;
    if len > KeyTable::PACKED {
        return None;
    }
    match all.get(span.start..span.start + 16) {
        Some(window) => {
            let mut word = [0u8; 16];
            word.copy_from_slice(window);
            Some((u128::from_le_bytes(word) & PACK_MASKS[len]) | (len as u128) << 120)
        }
        None => pack(&all[span]),
    }
}

/// A packed key of ASCII bytes in lower case: each byte in `A..=Z` gets its 0x20
/// bit, all sixteen at once (no byte is 0x80 or more, so no sum carries over).
#[inline]
fn lower_packed_ascii(key: u128) -> u128 {
    const EACH: u128 = u128::MAX / 0xFF; // 0x01 in every byte
    let at_least_a = key + EACH * u128::from(0x80 - b'A');
    let above_z = key + EACH * u128::from(0x80 - b'Z' - 1);
    let upper = at_least_a & !above_z & (EACH * 0x80);
    key | upper >> 2
}

/// `key_ids` for the lookups of every token: keys of up to 15 bytes (nearly all) in
/// an open-addressed table of packed keys, where a probe compares two integers
/// instead of hashing bytes and calling `memcmp`; longer keys in a hash map.
pub struct KeyTable {
    /// (packed key, id); an id of `NO_KEY` marks an empty slot.
    slots: Vec<(u128, u32)>,
    /// `slots.len() - 1` (a power of two).
    mask: usize,
    long: HashMap<Vec<u8>, u32>,
}

impl KeyTable {
    /// The longest key packed: the top byte holds the length.
    const PACKED: usize = 15;

    pub fn new(ids: &HashMap<Vec<u8>, u32>) -> KeyTable {
        // At most a quarter full: a miss mostly stops at its first slot.
        let size = (ids.len() * 4).next_power_of_two().max(16);
        let mut table = KeyTable {
            slots: vec![(0, NO_KEY); size],
            mask: size - 1,
            long: HashMap::default(),
        };
        for (key, &id) in ids {
            match pack(key) {
                Some(packed) => {
                    let mut i = Self::home(packed) & table.mask;
                    while table.slots[i].1 != NO_KEY {
                        i = (i + 1) & table.mask;
                    }
                    table.slots[i] = (packed, id);
                }
                None => {
                    table.long.insert(key.clone(), id);
                }
            }
        }
        table
    }

    #[inline]
    fn home(packed: u128) -> usize {
        let folded = (packed as u64) ^ ((packed >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
    }

    /// The id of a packed key, `NO_KEY` if none.
    #[inline]
    pub fn get_packed(&self, packed: u128) -> u32 {
        let mut i = Self::home(packed) & self.mask;
        loop {
            let (key, id) = self.slots[i];
            if key == packed || id == NO_KEY {
                return id;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The id of `key`, `NO_KEY` if none.
    #[inline]
    pub fn get(&self, key: &[u8]) -> u32 {
        match pack(key) {
            Some(packed) => self.get_packed(packed),
            None => self.long.get(key).copied().unwrap_or(NO_KEY),
        }
    }

    /// The id of bytes `span` of `all`. Kept out of line: the segmenter asks seldom,
    /// and inlined there it costs its per-character loop more than the call.
    #[inline(never)]
    pub fn get_span(&self, all: &[u8], span: std::ops::Range<usize>) -> u32 {
        self.span_id(all, span)
    }

    /// `get_span`, always inlined: for the key maker, which asks for every token.
    #[inline(always)]
    fn span_id(&self, all: &[u8], span: std::ops::Range<usize>) -> u32 {
        match pack_span(all, span.clone()) {
            Some(packed) => self.get_packed(packed),
            None => self.long.get(&all[span]).copied().unwrap_or(NO_KEY),
        }
    }

    /// The id of the lower case of ASCII bytes `span` of `all`.
    #[inline]
    fn get_span_ascii_lower(&self, all: &[u8], span: std::ops::Range<usize>) -> u32 {
        match pack_span(all, span.clone()) {
            Some(packed) => self.get_packed(lower_packed_ascii(packed)),
            None => self
                .long
                .get(all[span].to_ascii_lowercase().as_slice())
                .copied()
                .unwrap_or(NO_KEY),
        }
    }
}

/// Every token's lookup form (`norm`) in one text, as its number in
/// `Lexicon::key_ids`: one hash lookup a token here, then every phrase lookup
/// compares integers.
pub struct Keys {
    ids: Vec<u32>,
}

impl Keys {
    pub fn new(lex: &Lexicon, text: &str, tokens: &[Token]) -> Keys {
        // Room for the lowered form of most words (`norm_into` grows it for longer).
        let mut lowered = Vec::with_capacity(64);
        let all = text.as_bytes();
        let ids = tokens
            .iter()
            .map(|t| {
                // Bytes, not `&str`: no char-boundary checks (token bounds are boundaries).
                let bytes = &all[t.bytes()];
                // As many bytes as code points: ASCII, known without reading it.
                if t.bend - t.bstart == t.end - t.start {
                    // The filter reads a token as its lower case (`KeyFilter::slot`).
                    if !lex.key_filter.may_hold(bytes) {
                        NO_KEY // three quarters of all tokens: no lowering, no lookup
                    } else {
                        lex.key_table.get_span_ascii_lower(all, t.bytes())
                    }
                } else {
                    // The text as `&str` (boundary checks) only when it must be lowered.
                    if lex.caseless_kinds[t.kind as usize] || is_norm_wide(lex.settled, bytes) {
                        if lex.key_filter.may_hold(bytes) {
                            lex.key_table.span_id(all, t.bytes())
                        } else {
                            NO_KEY
                        }
                    } else {
                        norm_into(t.text(text), &mut lowered);
                        lex.key_id(&lowered)
                    }
                }
            })
            .collect();
        Keys { ids }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The key of token i; `None` past the end or for a key no phrase holds.
    #[inline]
    pub fn get(&self, i: usize) -> Option<u32> {
        self.ids.get(i).copied().filter(|id| *id != NO_KEY)
    }

    /// Every token's key, `NO_KEY` for those no phrase holds.
    #[inline]
    pub fn as_slice(&self) -> &[u32] {
        &self.ids
    }

    /// The key of token i (which must exist), maybe `NO_KEY`.
    #[inline]
    pub fn at(&self, i: usize) -> u32 {
        self.ids[i]
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

/// Does token k touch token k + 1 (no space between)? Both must exist.
#[inline]
pub fn glued(tokens: &[Token], k: usize) -> bool {
    tokens[k].end == tokens[k + 1].start
}

type Options = Vec<(Vec<String>, Vec<bool>, Entry)>;

/// A phrase after its first token: the other tokens' key numbers, their glue, the entry.
struct Phrase {
    tail: Vec<u32>,
    glue: Vec<bool>,
    entry: Entry,
}

pub struct PhraseTable {
    /// First token → (the other tokens, glue, entry), longest first. Only while the
    /// lexicon is built: `index` turns it into `by_id`.
    by_first: HashMap<String, Options>,
    /// The same by the first token's key number, tokens as key numbers.
    by_id: Vec<Vec<Phrase>>,
    /// By key number: does a phrase starting with it open an amount
    /// (`Entry::opens_amount`)? Most phrase starts do not.
    opens_amount: Vec<bool>,
    /// By key number: the roles (`view::role`, the flags among them) of every phrase
    /// starting with it, or-ed together.
    roles: Vec<u64>,
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
        let mut by_first: HashMap<String, Options> = HashMap::default();
        for ((mut keys, glue), entry) in merged {
            let tail = keys.split_off(1);
            let first = keys.pop().unwrap_or_default();
            by_first.entry(first).or_default().push((tail, glue, entry));
        }
        for options in by_first.values_mut() {
            options.sort_by(|a, b| {
                b.0.len()
                    .cmp(&a.0.len())
                    .then_with(|| a.0.cmp(&b.0))
                    .then_with(|| a.1.cmp(&b.1))
            });
        }
        PhraseTable {
            by_first,
            by_id: Vec::new(),
            opens_amount: Vec::new(),
            roles: Vec::new(),
        }
    }

    /// Every token of every phrase, to be numbered (`Lexicon::key_ids`).
    pub fn tokens(&self) -> impl Iterator<Item = &String> {
        self.by_first.iter().flat_map(|(first, options)| {
            std::iter::once(first).chain(options.iter().flat_map(|o| &o.0))
        })
    }

    /// Number the phrases' tokens with `ids`, which holds every one of them.
    pub fn index(&mut self, ids: &HashMap<Vec<u8>, u32>) {
        let id = |key: &String| ids.get(key.as_bytes()).copied().unwrap_or(NO_KEY);
        self.by_id = (0..ids.len()).map(|_| Vec::new()).collect();
        for (first, options) in std::mem::take(&mut self.by_first) {
            // Kept in their order: longest first.
            self.by_id[id(&first) as usize] = options
                .into_iter()
                .map(|(tail, glue, entry)| Phrase {
                    tail: tail.iter().map(id).collect(),
                    glue,
                    entry,
                })
                .collect();
        }
        self.roles = self
            .by_id
            .iter()
            .map(|options| options.iter().fold(0, |all, p| all | roles_of(&p.entry)))
            .collect();
        self.opens_amount = self
            .by_id
            .iter()
            .map(|options| options.iter().any(|p| p.entry.opens_amount()))
            .collect();
    }

    pub fn starts(&self, key: u32) -> bool {
        self.by_id.get(key as usize).is_some_and(|o| !o.is_empty())
    }

    /// May a phrase starting with `key` have flag `f`? `false` is sure.
    #[inline]
    pub fn may_flag(&self, key: u32, f: Flag) -> bool {
        self.may_role(key, 1 << f as u32)
    }

    /// May a phrase starting with `key` have one of the roles `role` (bits of
    /// `view::role`)? `false` is sure.
    #[inline]
    pub fn may_role(&self, key: u32, role: u64) -> bool {
        self.roles
            .get(key as usize)
            .is_some_and(|all| all & role != 0)
    }

    /// Does a phrase starting with `key` open an amount? `false` for `NO_KEY`.
    #[inline]
    pub fn opens_amount(&self, key: u32) -> bool {
        self.opens_amount
            .get(key as usize)
            .copied()
            .unwrap_or(false)
    }

    /// The one-word phrase of key number `key` for which `pick` gives a value.
    pub fn single<'t, T>(&'t self, key: u32, pick: impl Fn(&'t Entry) -> Option<T>) -> Option<T> {
        let options = self.by_id.get(key as usize)?;
        options
            .iter()
            .filter(|p| p.tail.is_empty())
            .find_map(|p| pick(&p.entry))
    }

    /// The longest phrase at token i of `tokens` for which `pick` gives a value, with
    /// its length.
    pub fn find<'t, T>(
        &'t self,
        keys: &Keys,
        tokens: &[Token],
        i: usize,
        pick: impl Fn(&'t Entry) -> Option<T>,
    ) -> Option<(usize, T)> {
        let options = self.by_id.get(keys.get(i)? as usize)?;
        for p in options {
            let end = i + 1 + p.tail.len();
            if end <= keys.len()
                && p.tail
                    .iter()
                    .enumerate()
                    .all(|(k, t)| keys.at(i + 1 + k) == *t)
                && p.glue
                    .iter()
                    .enumerate()
                    .all(|(k, g)| !g || glued(tokens, i + k))
            {
                if let Some(value) = pick(&p.entry) {
                    return Some((1 + p.tail.len(), value));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_lower_case_is_ascii_lower_case() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for chunk in all.chunks(15) {
            let lowered = pack(&chunk.to_ascii_lowercase());
            assert_eq!(pack(chunk).map(lower_packed_ascii), lowered);
        }
    }

    #[test]
    fn lowering_by_offset_is_unicode_lowering() {
        for c in (0..0x80).chain(0x400..0x460).filter_map(char::from_u32) {
            let want: Vec<char> = c.to_lowercase().collect();
            assert_eq!(lower_by_offset(c).map(|l| vec![l]), Some(want), "{c:?}");
        }
        let mut out = Vec::new();
        for word in [
            "Москва",
            "ЁЖИК",
            "Ѐлка’s",
            "Straße",
            "İstanbul",
            "ΟΔΟΣ",
            "Ǆemal",
            "ΣΟΦΙΑ’",
            "AI-ЭКОНОМИКИ",
            "ѠѢѤ ѡ",
            "ЁЖ-Ёж",
            "ПРИВЕТ мир",
            "Dzięki",
            "ΛΟΓΟΣ Ω",
            "Лʼ ΑΣ",
            "L’Oréal",
        ] {
            norm_into(word, &mut out);
            assert_eq!(out, norm(word).as_bytes(), "{word:?}");
        }
        // Every character below U+3000, between capitals and Cyrillic.
        for c in (0..0x3000).filter_map(char::from_u32) {
            let word = format!("Д{c}Ab{c}я");
            norm_into(&word, &mut out);
            assert_eq!(out, norm(&word).as_bytes(), "{word:?}");
        }
    }

    #[test]
    fn is_norm_wide_is_norm_unchanged() {
        // Every branch: ASCII, two and three bytes (tabled, CJK skipped), and the
        // decoded rest (Hangul, astral, after any of them).
        for word in [
            "café",
            "Café",
            "CAFÉ",
            "москва",
            "Москва",
            "мОсква",
            "мир",
            "миР",
            "мИр",
            "éa",
            "éÉ",
            "Éé",
            "ü中",
            "ñ—",
            "a’b",
            "a—b",
            "Ω",
            "中国A",
            "中国a",
            "한국",
            "한국A",
            "ab𝐀",
            "𝐀b",
            "é𐐀",
            "é𐐨",
        ] {
            let want = norm(word) == word;
            assert_eq!(
                is_norm_wide(settled_table(), word.as_bytes()),
                want,
                "{word:?}"
            );
        }
    }

    #[test]
    fn key_filter_holds_every_key_in_any_case() {
        let lex = crate::lexicon::lexicon().unwrap();
        for key in lex.key_ids.keys() {
            assert!(lex.key_filter.may_hold(key));
            if key.is_ascii() {
                assert!(lex.key_filter.may_hold(&key.to_ascii_uppercase()));
            }
        }
    }

    #[test]
    fn key_table_answers_as_the_map() {
        let lex = crate::lexicon::lexicon().unwrap();
        for (key, &id) in &lex.key_ids {
            assert_eq!(lex.key_table.get(key), id);
        }
        for miss in ["", "\0", "a\0", "zzzzzzzzzzzzzzzzzzzz", "qqq"] {
            let want = lex.key_ids.get(miss.as_bytes()).copied().unwrap_or(NO_KEY);
            assert_eq!(lex.key_table.get(miss.as_bytes()), want);
        }
        // A span read with a 16-byte load is the key copied out.
        let text = "the Market value of";
        assert_eq!(
            lex.key_table.get_span_ascii_lower(text.as_bytes(), 4..10),
            lex.key_table.get(b"market")
        );
    }
}
