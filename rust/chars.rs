//! Character classes from common.toml `[chars]`: the first class listing a
//! code point wins (the same painting as `pyengine/chars.py`).

use toml::{Table, Value};

pub const CLASSES: [&str; 18] = [
    "whitespace",
    "digit",
    "mark",
    "latin",
    "cyrillic",
    "greek",
    "armenian",
    "hebrew",
    "arabic",
    "devanagari",
    "thai",
    "georgian",
    "han",
    "hiragana",
    "katakana",
    "hangul",
    "symbol",
    "punct",
];

/// Class codes: 0 is "none", `i + 1` is `CLASSES[i]`.
pub const WHITESPACE: u8 = 1;
pub const DIGIT: u8 = 2;
pub const MARK: u8 = 3;
pub const LATIN: u8 = 4;
pub const CYRILLIC: u8 = 5;
pub const FIRST_LETTER: u8 = LATIN;
pub const LAST_LETTER: u8 = 12;
pub const HAN: u8 = 13;
pub const HIRAGANA: u8 = 14;
pub const KATAKANA: u8 = 15;
pub const HANGUL: u8 = 16;
pub const SYMBOL: u8 = 17;
pub const PUNCT: u8 = 18;

const BMP: usize = 0x10000;

/// What an ASCII byte after a word's letters does (`word_bytes`): ends the word, goes
/// on with it, may join another part (an apostrophe or hyphen), or ends the word
/// and is whitespace (one byte the tokenizer can step over at once).
pub const WORD_ENDS: u8 = 0;
pub const WORD_TAKES: u8 = 1;
pub const WORD_JOINS: u8 = 2;
pub const WORD_ENDS_AT_SPACE: u8 = 3;

pub struct CharTable {
    /// Fixed size, so that a code point below `BMP` indexes it with no bounds check.
    bmp: Box<[u8; BMP]>,
    /// The first 128 entries of `bmp`: indexed by a byte, no bounds check.
    ascii: [u8; 128],
    /// By class code, for each byte: `WORD_TAKES` if a word of that class goes on with
    /// it, read without decoding (ASCII of the class, marks, digits), else `WORD_JOINS`
    /// for ASCII apostrophes and hyphens, else `WORD_ENDS_AT_SPACE` for ASCII
    /// whitespace, else `WORD_ENDS` (every byte of 0x80 or more).
    word_bytes: Box<[[u8; 256]; CLASSES.len() + 1]>,
    /// (first, last, code), highest priority last so that it wins below.
    astral: Vec<(u32, u32, u8)>,
    /// Every range as listed, (first, last, code).
    ranges: Vec<(u32, u32, u8)>,
}

impl CharTable {
    pub fn from_toml(chars: &Table) -> Result<CharTable, String> {
        let mut bmp = Box::new([0u8; BMP]);
        let mut astral = Vec::new();
        let mut listed = Vec::new();
        for code in (1..=CLASSES.len()).rev() {
            let name = CLASSES[code - 1];
            let ranges = chars
                .get(name)
                .and_then(Value::as_array)
                .ok_or(format!("common.toml [chars]: no {name}"))?;
            for r in ranges {
                let pair = r.as_array().filter(|p| p.len() == 2);
                let bounds = pair.and_then(|p| Some((p[0].as_integer()?, p[1].as_integer()?)));
                let (lo, hi) = bounds.ok_or(format!("common.toml [chars] {name}: bad range"))?;
                listed.push((lo as u32, hi as u32, code as u8));
                let (lo, hi) = (lo as usize, hi as usize);
                if lo < BMP {
                    for slot in &mut bmp[lo..=hi.min(BMP - 1)] {
                        *slot = code as u8;
                    }
                }
                if hi >= BMP {
                    astral.push((lo.max(BMP) as u32, hi as u32, code as u8));
                }
            }
        }
        astral.sort_by_key(|r| std::cmp::Reverse(r.2));
        let mut ascii = [0u8; 128];
        ascii.copy_from_slice(&bmp[..128]);
        // The lexicon's joiners, from the same keys.
        let joiners: String = ["apostrophes", "hyphens"]
            .iter()
            .filter_map(|k| chars.get(*k).and_then(Value::as_str))
            .collect();
        let mut word_bytes = Box::new([[WORD_ENDS; 256]; CLASSES.len() + 1]);
        for (code, row) in word_bytes.iter_mut().enumerate() {
            for (b, &cls) in ascii.iter().enumerate() {
                row[b] = if usize::from(cls) == code || cls == MARK || (b as u8).is_ascii_digit() {
                    WORD_TAKES
                } else if joiners.contains(char::from(b as u8)) {
                    WORD_JOINS
                } else if cls == WHITESPACE {
                    WORD_ENDS_AT_SPACE
                } else {
                    WORD_ENDS
                };
            }
        }
        Ok(CharTable {
            bmp,
            ascii,
            word_bytes,
            astral,
            ranges: listed,
        })
    }

    /// The ranges listed under class `code`, (first, last): some of their code points
    /// may be painted with an earlier class.
    pub fn ranges_of(&self, code: u8) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.ranges
            .iter()
            .filter(move |r| r.2 == code)
            .map(|r| (r.0, r.1))
    }

    #[inline]
    pub fn class(&self, ch: char) -> u8 {
        self.class_of(ch as u32)
    }

    /// The class of a code point (as `class`, for a code point decoded by hand).
    #[inline]
    pub fn class_of(&self, cp: u32) -> u8 {
        if (cp as usize) < BMP {
            return self.bmp[cp as usize];
        }
        let mut code = 0;
        for &(lo, hi, c) in &self.astral {
            if lo <= cp && cp <= hi {
                code = c;
            }
        }
        code
    }

    /// The class of an ASCII byte (`b < 0x80`).
    #[inline]
    pub fn ascii(&self, b: u8) -> u8 {
        self.ascii[usize::from(b & 0x7F)]
    }

    /// What each byte does after a word of class `code` (see `word_bytes`).
    #[inline]
    pub fn word_bytes(&self, code: u8) -> &[u8; 256] {
        &self.word_bytes[usize::from(code)]
    }

    pub fn is(&self, ch: char, name: &str) -> bool {
        let code = self.class(ch);
        code != 0 && CLASSES[code as usize - 1] == name
    }
}

/// Code points before a byte offset of `text`, for offsets asked in increasing order
/// (each call counts only the bytes since the last).
pub struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> CharCounter<'a> {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The code points before byte `byte` (a char boundary, not before the last asked).
    pub fn at(&mut self, byte: usize) -> usize {
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// The code point starting at byte `i` of valid UTF-8 (`i` on a boundary) and its
/// length in bytes, decoded by hand: the lead byte gives the length, and no `char`
/// is built (the tables here are indexed by code point).
#[inline]
pub fn decode_at(bytes: &[u8], i: usize) -> Option<(u32, usize)> {
    let cont = |b: u8| u32::from(b & 0x3F);
    match *bytes.get(i..)? {
        [x, ..] if x < 0x80 => Some((u32::from(x), 1)),
        [x, y, ..] if x < 0xE0 => Some((u32::from(x & 0x1F) << 6 | cont(y), 2)),
        [x, y, z, ..] if x < 0xF0 => Some((u32::from(x & 0x0F) << 12 | cont(y) << 6 | cont(z), 3)),
        [x, y, z, w, ..] => {
            let cp = u32::from(x & 0x07) << 18 | cont(y) << 12 | cont(z) << 6 | cont(w);
            Some((cp, 4))
        }
        _ => None,
    }
}

#[inline]
pub fn is_letter(code: u8) -> bool {
    (FIRST_LETTER..=LAST_LETTER).contains(&code)
}

/// A set of characters read once per character of a text: a bitmap over the BMP
/// (no hashing on the hot path), a hash set for the rare astral ones.
pub struct CharSet {
    /// Fixed size: a code point below `BMP` indexes it with no bounds check.
    bmp: Box<[u64; BMP / 64]>,
    astral: crate::fxhash::FxHashSet<char>,
}

impl Default for CharSet {
    fn default() -> CharSet {
        CharSet {
            bmp: Box::new([0; BMP / 64]),
            astral: Default::default(),
        }
    }
}

impl CharSet {
    pub fn insert(&mut self, ch: char) {
        let cp = ch as usize;
        if cp < BMP {
            self.bmp[cp / 64] |= 1 << (cp % 64);
        } else {
            self.astral.insert(ch);
        }
    }

    #[inline]
    pub fn contains(&self, ch: char) -> bool {
        self.contains_cp(ch as u32)
    }

    /// As `contains`, for a code point decoded by hand.
    #[inline]
    pub fn contains_cp(&self, cp: u32) -> bool {
        let i = cp as usize;
        if i < BMP {
            self.bmp[i / 64] >> (i % 64) & 1 == 1
        } else {
            !self.astral.is_empty() && char::from_u32(cp).is_some_and(|c| self.astral.contains(&c))
        }
    }
}

impl FromIterator<char> for CharSet {
    fn from_iter<I: IntoIterator<Item = char>>(chars: I) -> CharSet {
        let mut set = CharSet::default();
        for ch in chars {
            set.insert(ch);
        }
        set
    }
}
