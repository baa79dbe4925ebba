//! The tokenizer. The rules are written out once, in the docstring of
//! `python/dealscope/pyengine/tokenizer.py`; this is the fast reading of them.
//! Offsets are kept both in code points (for Python) and in bytes (for slicing).

use crate::chars::{self, CharTable};
use crate::lexicon::Lexicon;
use crate::phrases::NO_KEY;

/// The kinds' names, by code (as `frames.TOKEN_KINDS`; a test holds them equal).
pub const KIND_NAMES: [&str; 8] = [
    "word", "number", "han", "kana", "hangul", "symbol", "punct", "other",
];

/// Token kinds in the order of `frames.TOKEN_KINDS` (the number is the code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word = 0,
    Number = 1,
    Han = 2,
    Kana = 3,
    Hangul = 4,
    Symbol = 5,
    Punct = 6,
    Other = 7,
}

/// A token: code-point offsets (for Python) and byte offsets (for slicing). Offsets
/// are u32, so a token is 20 bytes, not 40: `tokenize` takes texts up to 4 GiB (the
/// batch functions refuse longer ones up front).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub bstart: u32,
    pub bend: u32,
    pub kind: Kind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.bstart as usize..self.bend as usize]
    }

    /// The byte range, for slicing.
    pub fn bytes(&self) -> std::ops::Range<usize> {
        self.bstart as usize..self.bend as usize
    }
}

/// The segmenter's cells (`SegTable`): the run classes it cuts, whether the character
/// is a CJK numeral, whether it starts dictionary words and of which lengths.
const SEG_HAN: u16 = 1;
const SEG_HIRA: u16 = 2;
const SEG_NUMERAL: u16 = 4;
/// Starts a dictionary word of more than `SEG_LENGTHS` characters: see `dict_lengths`.
const SEG_LONG: u16 = 8;
/// Bits 4.. : starts a dictionary word of 1, 2, ... characters.
const SEG_LENGTHS: u32 = 12;

/// What `Scanner::segment` asks of each character, in one load for the code points
/// up to the block it mostly reads (kana, CJK extension A, unified ideographs; and
/// below, where runs end) instead of a class lookup, two bitmap tests and a hash
/// lookup; worked out for others.
pub struct SegTable {
    cells: Vec<u16>,
}

impl SegTable {
    /// The block `skip_plain` reads, U+3000..U+9FFF: its three-byte characters.
    const BLOCK: u32 = 0x3000;
    const END: u32 = 0xA000;
    const CELLS: usize = Self::END as usize;

    pub fn new(lex: &Lexicon) -> SegTable {
        let cells = (0..Self::END).map(|cp| Self::work_out(lex, cp)).collect();
        SegTable { cells }
    }

    /// The cell of `cp`, from the lexicon's tables.
    fn work_out(lex: &Lexicon, cp: u32) -> u16 {
        let mut cell = match lex.chars.class_of(cp) {
            chars::HAN => SEG_HAN,
            chars::HIRAGANA => SEG_HIRA,
            _ => return 0, // ends the run: the rest of the cell is never read
        };
        if lex.numerals.contains_cp(cp) {
            cell |= SEG_NUMERAL;
        }
        if lex.dict_first.contains_cp(cp) {
            let lengths = char::from_u32(cp).and_then(|c| lex.dict_lengths.get(&c));
            let lengths = lengths.copied().unwrap_or(0);
            // Bit k of `lengths` (a word of k characters) is bit k + 3 of the cell.
            let short = lengths >> 1 & ((1 << SEG_LENGTHS) - 1);
            cell |= (short as u16) << 4;
            if lengths >> (SEG_LENGTHS + 1) != 0 {
                cell |= SEG_LONG;
            }
        }
        cell
    }

    #[inline]
    fn cell(&self, lex: &Lexicon, cp: u32) -> u16 {
        match self.cells.get(cp as usize) {
            Some(&cell) => cell,
            None => Self::work_out(lex, cp),
        }
    }
}

impl Default for SegTable {
    /// No cells: every character worked out (only while the lexicon is built).
    fn default() -> SegTable {
        SegTable { cells: Vec::new() }
    }
}

/// What `segment` cuts a run with, fixed by the run's class (read from here rather
/// than worked out at every run).
struct SegRun {
    /// Han runs also cut out numeral runs.
    numerals: bool,
    kind: Kind,
    /// The `SegTable` bit of the run's class, and of the other class.
    want: u16,
    other: u16,
    /// The run of the other class.
    other_run: &'static SegRun,
}

static HAN_RUN: SegRun = SegRun {
    numerals: true,
    kind: Kind::Han,
    want: SEG_HAN,
    other: SEG_HIRA,
    other_run: &HIRA_RUN,
};

static HIRA_RUN: SegRun = SegRun {
    numerals: false,
    kind: Kind::Kana,
    want: SEG_HIRA,
    other: SEG_HAN,
    other_run: &HAN_RUN,
};

struct Scanner<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    table: &'a CharTable,
    /// The segmenter's cells at a fixed size, so that `skip_plain` indexes them with no
    /// bounds check (none while the lexicon is built: then nothing is skipped).
    cells: Option<&'a [u16; SegTable::CELLS]>,
    out: Vec<Token>,
    /// Where the last token pushed ended (read back without touching `out`), or past
    /// the whitespace byte after it when `word` saw one: where `scan` goes on.
    last_end: Pos,
}

/// A position: byte offset and code-point offset.
#[derive(Clone, Copy)]
struct Pos {
    b: usize,
    c: usize,
}

impl<'a> Scanner<'a> {
    #[inline]
    fn at(&self, p: Pos) -> Option<char> {
        // Most text is ASCII: read the byte directly, decode only the rest.
        match self.text.as_bytes().get(p.b) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => self.text[p.b..].chars().next(),
        }
    }

    /// The code point at p and its length in bytes (`chars::decode_at`).
    #[inline]
    fn cp_at(&self, p: Pos) -> Option<(u32, usize)> {
        chars::decode_at(self.text.as_bytes(), p.b)
    }

    /// p moved past a character of n bytes.
    #[inline]
    fn skip(p: Pos, n: usize) -> Pos {
        Pos {
            b: p.b + n,
            c: p.c + 1,
        }
    }

    #[inline]
    fn step(p: Pos, ch: char) -> Pos {
        Pos {
            b: p.b + ch.len_utf8(),
            c: p.c + 1,
        }
    }

    fn push(&mut self, from: Pos, to: Pos, kind: Kind) {
        // No overflow: `tokenize` refuses texts of 4 GiB and more.
        self.out.push(Token {
            start: from.c as u32,
            end: to.c as u32,
            bstart: from.b as u32,
            bend: to.b as u32,
            kind,
        });
        self.last_end = to;
    }

    fn is_digit(&self, ch: char) -> bool {
        self.table.class(ch) == chars::DIGIT
    }

    fn digits(&self, mut p: Pos) -> (Pos, usize) {
        let mut n = 0;
        while let Some(ch) = self.at(p) {
            if !self.is_digit(ch) {
                break;
            }
            p = Self::step(p, ch);
            n += 1;
        }
        (p, n)
    }

    /// A `.`/`,` followed by digits, consumed whole.
    fn mark_digits(&self, p: Pos) -> Option<Pos> {
        let mark = self.at(p).filter(|m| self.lex.number_marks.contains(m))?;
        let q = Self::step(p, mark);
        let (end, n) = self.digits(q);
        (n > 0).then_some(end)
    }

    fn number(&mut self, from: Pos) {
        let (lead, n) = self.digits(from);
        if n <= 3 {
            let mut groups: Vec<Pos> = Vec::new();
            let mut p = lead;
            while let Some(sp) = self.at(p).filter(|s| self.lex.group_spaces.contains(s)) {
                let mut q = Self::step(p, sp);
                let mut ok = true;
                for _ in 0..3 {
                    match self.at(q) {
                        Some(d) if self.is_digit(d) => q = Self::step(q, d),
                        _ => {
                            ok = false;
                            break;
                        }
                    }
                }
                if !ok {
                    break;
                }
                groups.push(q);
                p = q;
            }
            if let Some(&last) = groups.last() {
                if self.at(last).is_some_and(|d| self.is_digit(d)) {
                    groups.pop();
                }
            }
            if let Some(&end) = groups.last() {
                let end = self.mark_digits(end).unwrap_or(end);
                return self.push(from, end, Kind::Number);
            }
        }
        let mut end = lead;
        while let Some(next) = self.mark_digits(end) {
            end = next;
        }
        self.push(from, end, Kind::Number);
    }

    fn word(&mut self, from: Pos, first_len: usize, first_class: u8) {
        let bytes = self.text.as_bytes();
        let mut script = first_class;
        let mut p = Self::skip(from, first_len);
        // Where the first apostrophe joined two parts: only there can an elision end.
        let mut apostrophe: Option<(Pos, char)> = None;
        // The word ends at an ASCII whitespace byte, which `scan` need not read again.
        let mut space_after = false;
        loop {
            // The word's run, and the character after it decoded once: ASCII bytes are
            // judged by table in `ascii_letters`, other characters decoded one by one
            // (a Cyrillic word does not go back to `ascii_letters` after each letter).
            let takes = self.table.word_bytes(script);
            let next = 'run: loop {
                p = self.ascii_letters(p, takes);
                // Non-ASCII characters one by one, until an ASCII byte the word takes.
                loop {
                    let Some(&b) = bytes.get(p.b) else {
                        break 'run None;
                    };
                    if b < 0x80 {
                        // Most words end at an ASCII byte that joins nothing: no set test.
                        match takes[usize::from(b)] {
                            chars::WORD_TAKES => continue 'run,
                            chars::WORD_JOINS => break 'run Some(char::from(b)),
                            chars::WORD_ENDS_AT_SPACE => {
                                space_after = true;
                                break 'run None;
                            }
                            _ => break 'run None,
                        }
                    }
                    let Some((cp, n)) = self.cp_at(p) else {
                        break 'run None;
                    };
                    let cls = self.table.class_of(cp);
                    if cls != script && cls != chars::MARK {
                        break 'run char::from_u32(cp);
                    }
                    p.b += n;
                    p.c += 1;
                }
            };
            let Some(joiner) = next else { break };
            if !self.lex.joiners.contains(joiner) {
                break;
            }
            let after = Self::step(p, joiner);
            match self.at(after) {
                Some(letter) if chars::is_letter(self.table.class(letter)) => {
                    if apostrophe.is_none() && self.lex.apostrophes.contains(&joiner) {
                        apostrophe = Some((p, joiner));
                    }
                    script = self.table.class(letter);
                    p = Self::step(after, letter);
                }
                _ => break,
            }
        }
        match apostrophe {
            None => self.push(from, p, Kind::Word),
            Some(at) => self.split_elision(from, p, at),
        }
        if space_after {
            self.last_end = Self::skip(p, 1);
        }
    }

    /// The word's ASCII characters from p on (the bytes `takes`: letters of its script,
    /// marks, digits), read as bytes: most words are ASCII, and this is the loop of
    /// `word` without decoding.
    #[inline]
    fn ascii_letters(&self, p: Pos, takes: &[u8; 256]) -> Pos {
        // p is within the text (a plain index: fewer instructions than `get`).
        let rest = &self.text.as_bytes()[p.b..];
        // Eight bytes a step while eight remain (unrolled, one bounds test a step),
        // then the rest one by one.
        let stop = |b: &u8| takes[usize::from(*b)] != chars::WORD_TAKES;
        let mut chunks = rest.chunks_exact(8);
        let mut n = 0;
        let n = 'found: {
            for chunk in &mut chunks {
                if let Some(k) = chunk.iter().position(stop) {
                    break 'found n + k;
                }
                n += 8;
            }
            let tail = chunks.remainder();
            n + tail.iter().position(stop).unwrap_or(tail.len())
        };
        // ASCII bytes only: as many code points as bytes.
        Pos {
            b: p.b + n,
            c: p.c + n,
        }
    }

    /// `l’azienda` → `l’` `azienda` when the part before the first apostrophe (`at`)
    /// is an elision.
    fn split_elision(&mut self, from: Pos, to: Pos, (at, ch): (Pos, char)) {
        let cut = Self::step(at, ch);
        let prefix = self.text[from.b..at.b].to_lowercase();
        if cut.b < to.b && self.lex.elisions.contains(&prefix) {
            self.push(from, cut, Kind::Word);
            self.push(cut, to, Kind::Word);
        } else {
            self.push(from, to, Kind::Word);
        }
    }

    /// A hangul run: lexicon words from its start (longest first) and then at most a
    /// particle, if it is that (`억달러를` → `억` `달러` `를`); else one token (`개발`).
    /// `ends` is `scan`'s buffer of character ends, reused from run to run.
    /// Not inlined: kept out of `scan`'s loop, whose other branches it slowed (tokenize
    /// on text with no hangul ran 14 % slower).
    #[inline(never)]
    fn hangul(&mut self, from: Pos, to: Pos, ends: &mut Vec<usize>) {
        let run = &self.text[from.b..to.b];
        ends.clear();
        ends.extend(run.char_indices().map(|(i, _)| i));
        ends.push(run.len());
        if !hangul_cuts(self.lex, run, ends) {
            self.push(from, to, Kind::Hangul);
            return;
        }
        // The same words again, then the particle (the rest).
        let chars = ends.len() - 1;
        let (mut i, mut p) = (0, from);
        while i < chars {
            let n = hangul_word(self.lex, run, ends, i).unwrap_or(chars - i);
            let end = Pos {
                b: from.b + ends[i + n],
                c: p.c + n,
            };
            self.push(p, end, Kind::Hangul);
            (i, p) = (i + n, end);
        }
    }

    /// The end of the run of `class` characters starting at `from`.
    fn run_end(&self, from: Pos, class: u8) -> Pos {
        let mut p = from;
        let bytes = self.text.as_bytes();
        // Three-byte characters (katakana's and hangul's blocks) decoded with no other
        // case; any other character by `cp_at` below.
        while let Some(&[x, y, z]) = bytes.get(p.b..p.b + 3) {
            if x & 0xF0 != 0xE0 {
                break;
            }
            let cp = u32::from(x & 0x0F) << 12 | u32::from(y & 0x3F) << 6 | u32::from(z & 0x3F);
            if self.table.class_of(cp) != class {
                return p;
            }
            p = Self::skip(p, 3);
        }
        // Decoded by hand (`cp_at`): no `&str` slicing, no `char` built.
        while let Some((cp, n)) = self.cp_at(p) {
            if self.table.class_of(cp) != class {
                break;
            }
            p = Self::skip(p, n);
        }
        p
    }

    /// The code point at p, its length and its `SegTable` cell, if its cell has
    /// `want` (the run's class).
    #[inline]
    fn seg_at(&self, p: Pos, want: u16) -> Option<(u32, usize, u16)> {
        let (c, n) = self.cp_at(p)?;
        let cell = self.lex.seg.cell(self.lex, c);
        (cell & want != 0).then_some((c, n, cell))
    }

    /// Past the plain characters of the run at p: in the block of `SegTable`, of the
    /// run's class, no numeral, starting no dictionary word (their cell is `want`
    /// alone). Most characters of a run are plain: this loop decodes and tests them
    /// with nothing else to keep track of. Also the character it stopped at, with
    /// its length and cell, if decoded here (not decoded again by the caller).
    #[inline]
    fn skip_plain(&self, mut p: Pos, want: u16) -> (Pos, Option<(u32, usize, u16)>) {
        const BLOCK: usize = SegTable::BLOCK as usize;
        let Some(cells) = self.cells else {
            return (p, None);
        };
        let bytes = self.text.as_bytes();
        // Byte offsets below 4 GiB (`tokenize_into`): as a u32 widened, one plus three
        // cannot overflow, and the loop needs one test of the text's length.
        let mut b = p.b as u32;
        while let Some(&[x, y, z]) = bytes.get(b as usize..b as usize + 3) {
            // Lead bytes E3..E9 start the code points U+3000..U+9FFF: the lead byte less
            // E3 is the cell index's top bits.
            if !(0xE3..=0xE9).contains(&x) {
                break;
            }
            let i =
                usize::from(x - 0xE3) << 12 | usize::from(y & 0x3F) << 6 | usize::from(z & 0x3F);
            let cell = cells[BLOCK + i];
            if cell != want {
                p.b = b as usize;
                return (p, Some(((BLOCK + i) as u32, 3, cell)));
            }
            b += 3;
            p.c += 1;
        }
        p.b = b as usize;
        (p, None)
    }

    /// The han and hiragana runs from `from` (a character of `class`), one after the
    /// other while a run stops at a character of the other class (Japanese alternates
    /// them): that character is not decoded and dispatched again by `scan`.
    fn segments(&mut self, from: Pos, class: u8, ahead: &mut Vec<usize>) {
        let mut p = from;
        let mut run = if class == chars::HAN {
            &HAN_RUN
        } else {
            &HIRA_RUN
        };
        loop {
            match self.segment(p, run, ahead) {
                (end, Some(next)) if end.b > p.b => (p, run) = (end, next),
                _ => return,
            }
        }
    }

    /// Cut the han or hiragana run at `from`: lexicon words (longest first), numeral
    /// runs, the rest gathered. Read in one pass: only where a lexicon word may start
    /// are the next characters read ahead (their ends into `ahead`). Returns where
    /// the run ends and, if the character there is known to start a run of the other
    /// class, that class's `SegRun`.
    fn segment(
        &mut self,
        from: Pos,
        run: &'static SegRun,
        ahead: &mut Vec<usize>,
    ) -> (Pos, Option<&'static SegRun>) {
        let SegRun {
            numerals,
            kind,
            want,
            other,
            ..
        } = *run;
        let (dict, longest) = if numerals {
            (&self.lex.han_words, self.lex.han_max)
        } else {
            (&self.lex.hira_words, self.lex.hira_max)
        };
        let mut next = None;
        let bytes = self.text.as_bytes();
        let mut p = from;
        // Where the characters gathered so far start (none while it is p): a plain Pos,
        // not an Option, keeps the per-character path short.
        let mut gathered = from;
        loop {
            let (q, stop) = self.skip_plain(p, want);
            p = q;
            let stop = match stop {
                Some(known) if known.2 & want != 0 => Some(known),
                Some(known) => {
                    next = (known.2 & other != 0).then_some(run.other_run);
                    None
                }
                None => self.seg_at(p, want),
            };
            let Some((c, n, cell)) = stop else {
                break;
            };
            let mut hit = 0;
            // Most characters start no lexicon word: their cell says so. The others
            // are looked up at the lengths of the words they start only.
            if cell >> 3 != 0 {
                let lengths = if cell & SEG_LONG != 0 {
                    let first = char::from_u32(c).and_then(|c| self.lex.dict_lengths.get(&c));
                    first.copied().unwrap_or(0)
                } else {
                    u64::from(cell >> 4) << 1
                };
                // The longest word c starts (bit 63 stands for 63 characters or more).
                let top = lengths.checked_ilog2().unwrap_or(0) as usize;
                let most = if top == 63 { longest } else { longest.min(top) };
                ahead.clear();
                ahead.push(p.b);
                let mut q = p;
                // The first character is c, already read.
                if ahead.len() <= most {
                    q = Self::skip(q, n);
                    ahead.push(q.b);
                }
                while ahead.len() <= most {
                    let Some((_, m, _)) = self.seg_at(q, want) else {
                        break;
                    };
                    q = Self::skip(q, m);
                    ahead.push(q.b);
                }
                for size in (1..ahead.len()).rev() {
                    // The one word of one character c starts is c: its bit says it is in
                    // the dictionary (of c's class, the run's), with no lookup.
                    if lengths >> size.min(63) & 1 == 1
                        && (size == 1 || dict.get_span(bytes, p.b..ahead[size]) != NO_KEY)
                    {
                        hit = size;
                        break;
                    }
                }
            }
            let numeral = numerals && cell & SEG_NUMERAL != 0;
            if numeral && hit < 2 {
                hit = 0;
            }
            if hit == 0 && !numeral {
                p = Self::skip(p, n);
                continue;
            }
            if gathered.b < p.b {
                self.push(gathered, p, kind);
            }
            if hit > 0 {
                let end = Pos {
                    b: ahead[hit],
                    c: p.c + hit,
                };
                self.push(p, end, kind);
                p = end;
            } else {
                let mut q = Self::skip(p, n);
                while let Some((_, m, _)) = self.seg_at(q, want).filter(|d| d.2 & SEG_NUMERAL != 0)
                {
                    q = Self::skip(q, m);
                }
                self.push(p, q, Kind::Number);
                p = q;
            }
            gathered = p;
        }
        if gathered.b < p.b {
            self.push(gathered, p, kind);
        }
        (p, next)
    }

    fn scan(mut self) -> Vec<Token> {
        let mut p = Pos { b: 0, c: 0 };
        // Character ends read ahead by `segment` (and `hangul`), reused from run to run.
        let mut ahead: Vec<usize> = Vec::new();
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(p.b) {
            // ASCII: the class straight from the byte.
            let (n, cls) = if b < 0x80 {
                (1, self.table.ascii(b))
            } else if let Some(&[0xE0..=0xEF, y, z]) = bytes.get(p.b..p.b + 3) {
                // Three bytes (CJK, kana, most punctuation past ASCII): no other case.
                let cp = u32::from(b & 0x0F) << 12 | u32::from(y & 0x3F) << 6 | u32::from(z & 0x3F);
                (3, self.table.class_of(cp))
            } else {
                let Some((cp, n)) = self.cp_at(p) else { break };
                (n, self.table.class_of(cp))
            };
            // Letters first: half the tokens are words.
            match cls {
                c if chars::is_letter(c) => self.word(p, n, c),
                chars::WHITESPACE => {
                    p = Self::skip(p, n);
                    continue;
                }
                chars::DIGIT => self.number(p),
                chars::HAN | chars::HIRAGANA => self.segments(p, cls, &mut ahead),
                chars::KATAKANA => {
                    let end = self.run_end(p, cls);
                    self.push(p, end, Kind::Kana);
                }
                chars::HANGUL => {
                    let end = self.run_end(p, cls);
                    self.hangul(p, end, &mut ahead);
                }
                _ => {
                    let kind = match cls {
                        chars::SYMBOL => Kind::Symbol,
                        chars::PUNCT => Kind::Punct,
                        _ => Kind::Other,
                    };
                    self.push(p, Self::skip(p, n), kind);
                }
            }
            // Every branch emits a token ending past p; stepping one char is only a guard.
            p = if self.last_end.b > p.b {
                self.last_end
            } else {
                Self::skip(p, n)
            };
        }
        self.out
    }
}

/// Is a hangul run cut (see `Scanner::hangul`): two or more lexicon words, or one or
/// more and then a particle? `ends` holds its character ends, 0 first.
fn hangul_cuts(lex: &Lexicon, run: &str, ends: &[usize]) -> bool {
    let chars = ends.len() - 1;
    let (mut i, mut words) = (0, 0);
    while let Some(n) = hangul_word(lex, run, ends, i) {
        (i, words) = (i + n, words + 1);
    }
    if i == chars {
        words > 1
    } else {
        words > 0 && lex.particles.contains(&run[ends[i]..])
    }
}

/// The length in characters of the longest lexicon word at character i of a hangul run.
fn hangul_word(lex: &Lexicon, run: &str, ends: &[usize], i: usize) -> Option<usize> {
    let longest = lex.hangul_max.min(ends.len() - 1 - i);
    (1..=longest)
        .rev()
        .find(|&n| lex.hangul_words.contains(&run[ends[i]..ends[i + n]]))
}

pub fn tokenize(lex: &Lexicon, text: &str) -> Vec<Token> {
    // About one token per five bytes in news text: one allocation instead of a dozen.
    tokenize_into(lex, text, Vec::with_capacity(text.len() / 5 + 4))
}

/// `text`'s tokens appended to `out`: one buffer can hold many texts' tokens.
pub fn tokenize_into(lex: &Lexicon, text: &str, out: Vec<Token>) -> Vec<Token> {
    assert!(
        u32::try_from(text.len()).is_ok(),
        "tokenize: a text of 4 GiB or more (split it)"
    );
    Scanner {
        text,
        lex,
        table: &lex.chars,
        cells: lex.seg.cells.as_slice().try_into().ok(),
        out,
        last_end: Pos { b: 0, c: 0 },
    }
    .scan()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    fn spans(text: &str) -> Vec<(&str, Kind)> {
        let lex = lexicon().expect("lexicon loads");
        let tokens = tokenize(lex, text);
        for t in &tokens {
            // Code-point offsets agree with the byte offsets.
            assert_eq!(text[..t.bstart as usize].chars().count(), t.start as usize);
            assert_eq!(text[..t.bend as usize].chars().count(), t.end as usize);
        }
        tokens.iter().map(|t| (t.text(text), t.kind)).collect()
    }

    #[test]
    fn han_and_hiragana_runs() {
        let got = |text| spans(text);
        use Kind::{Han, Kana, Number, Word};
        assert_eq!(
            got("再向Anthropic追加40亿美元投资"),
            [
                ("再向", Han),
                ("Anthropic", Word),
                ("追加", Han),
                ("40", Number),
                ("亿", Han),
                ("美元", Han),
                ("投资", Han)
            ]
        );
        assert_eq!(
            got("三千五百亿美元の投資を発表した"),
            [
                ("三千五百", Number),
                ("亿", Han),
                ("美元", Han),
                ("の", Kana),
                ("投資", Han),
                ("を", Kana),
                ("発表", Han),
                ("した", Kana)
            ]
        );
    }

    #[test]
    fn katakana_and_hangul_runs() {
        let got = |text| spans(text);
        assert_eq!(
            got("コンピューター会社"),
            [
                ("コンピューター", Kind::Kana),
                ("会", Kind::Han),
                ("社", Kind::Han)
            ]
        );
        assert_eq!(
            got("ｶﾀｶﾅ한국어abc"),
            [
                ("ｶﾀｶﾅ", Kind::Kana),
                ("한국어", Kind::Hangul),
                ("abc", Kind::Word)
            ]
        );
        // An astral character ends a run read three bytes at a time.
        assert_eq!(
            got("データ𠀋セ"),
            [
                ("データ", Kind::Kana),
                ("𠀋", Kind::Han),
                ("セ", Kind::Kana)
            ]
        );
        assert_eq!(
            got("서울、ソウル"),
            [
                ("서울", Kind::Hangul),
                ("、", Kind::Punct),
                ("ソウル", Kind::Kana)
            ]
        );
    }

    #[test]
    fn hangul_runs_of_lexicon_words_and_a_particle_are_cut() {
        assert_eq!(
            spans("100억달러를 개발 원래"),
            [
                ("100", Kind::Number),
                ("억", Kind::Hangul),
                ("달러", Kind::Hangul),
                ("를", Kind::Hangul),
                // 개 and 원 are lexicon words, 발 and 래 no particles: whole.
                ("개발", Kind::Hangul),
                ("원래", Kind::Hangul)
            ]
        );
        // Two particles are not one: the run stays whole.
        assert_eq!(spans("원를를"), [("원를를", Kind::Hangul)]);
    }

    #[test]
    fn ascii_words_of_every_length() {
        // Around the eight-byte steps of `ascii_letters`, at the text's end or not.
        for n in 1..=20 {
            let word: String = "abcdefghijklmnopqrstuvwxyz"[..n].into();
            for tail in ["", " x", ",", "é", "д", "'s", "-"] {
                let text = format!("{word}{tail}");
                let got = spans(&text);
                let whole = matches!(tail, "é" | "'s");
                let want = if whole { text.as_str() } else { word.as_str() };
                assert_eq!(got[0], (want, Kind::Word), "{text:?}");
            }
        }
        let words = |text| -> Vec<&str> { spans(text).into_iter().map(|t| t.0).collect() };
        assert_eq!(words("Google's AI-арене"), ["Google's", "AI-арене"]);
        // Whitespace after a word is stepped over by `word` itself.
        assert_eq!(words("a\tbc\n\ndé  f 1"), ["a", "bc", "dé", "f", "1"]);
        assert_eq!(words("l'azienda l’IA"), ["l'", "azienda", "l’", "IA"]);
        assert_eq!(
            words("end- x--y a - b"),
            ["end", "-", "x", "-", "-", "y", "a", "-", "b"]
        );
        assert_eq!(
            spans("H100 Trainium2 naïve"),
            [
                ("H100", Kind::Word),
                ("Trainium2", Kind::Word),
                ("naïve", Kind::Word)
            ]
        );
    }
}
