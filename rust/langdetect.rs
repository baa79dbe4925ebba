//! Which language a text is in; the rules are in `pyengine/langdetect.py`'s docstring.

use crate::chars;
use crate::lexicon::{Lexicon, FALLBACK, LATIN_LANGS};
use crate::phrases::{norm_cow, Keys};
use crate::tokenizer::{Kind, Token, KIND_NAMES};

pub fn detect(lex: &Lexicon, text: &str, tokens: &[Token]) -> String {
    decide(lex, &scores(lex, text, tokens))
}

/// The evidence `detect` weighs, as counts that add up: `[cjk, kana, hangul,
/// cyrillic, latin, one vote count per Latin language, one letter count per Latin
/// language, one count per Latin language of its votes cast by lower-case words]`. A text cut between
/// tokens has the sum of its pieces' scores, so a huge document is read in
/// pieces and decided once (`decide`), as if whole.
pub fn scores(lex: &Lexicon, text: &str, tokens: &[Token]) -> Vec<usize> {
    tally(lex, text, tokens, |i| {
        lex.key_id(norm_cow(tokens[i].text(text)).as_bytes())
    })
}

/// `scores`, with `key(i)` giving the key number of token i (`Lexicon::key_id`).
fn tally(lex: &Lexicon, text: &str, tokens: &[Token], key: impl Fn(usize) -> u32) -> Vec<usize> {
    let mut counts = [0; 5];
    let mut by_kind = [0; KINDS];
    let mut votes = vec![0; 3 * lex.votes.len()];
    let bytes = text.as_bytes();
    for (i, t) in tokens.iter().enumerate() {
        tally_token(
            lex,
            bytes,
            t,
            || key(i),
            &mut by_kind,
            &mut counts,
            &mut votes,
        );
    }
    add_kinds(&mut counts, &by_kind);
    let mut out = counts.to_vec();
    out.extend(votes);
    out
}

/// How many token kinds there are (`by_kind` of `tally_token` has a slot each).
const KINDS: usize = KIND_NAMES.len();

/// Token t's evidence, added to `counts` (`[cjk, kana, hangul, cyrillic, latin]`:
/// the Cyrillic and Latin ones here, the others by `add_kinds` from `by_kind`) and
/// `votes` (the vote counts, the letter counts, then the lower-case vote counts); `key()`
/// gives its key number.
#[inline(always)]
fn tally_token(
    lex: &Lexicon,
    bytes: &[u8],
    t: &Token,
    key: impl Fn() -> u32,
    by_kind: &mut [usize; KINDS],
    counts: &mut [usize; 5],
    votes: &mut [usize],
) {
    let size = (t.end - t.start) as usize;
    // Every token's size by its kind, with no test: han, kana and hangul are read off
    // these (`add_kinds`), the rest unused.
    by_kind[t.kind as usize] += size;
    if t.kind != Kind::Word {
        return;
    }
    // The first character's class, from its byte when ASCII, read from the
    // bytes: no `&str` slicing (and its boundary checks) for most words.
    let class = match bytes.get(t.bstart as usize) {
        Some(&b) if b < 0x80 => Some(lex.chars.ascii(b)),
        Some(_) => chars::decode_at(bytes, t.bstart as usize).map(|(cp, _)| lex.chars.class_of(cp)),
        None => None,
    };
    match class {
        Some(chars::LATIN) => {
            counts[4] += size;
            // More bytes than characters: a letter past ASCII, which may be one that
            // breaks a tie (`é`, `ł`). Most words are ASCII and skip this.
            if t.bend - t.bstart != t.end - t.start {
                tally_letters(lex, &bytes[t.bytes()], votes);
            }
            // One lookup a word: the index holds a bit per language. An acronym
            // (`AI`, `US`: two or more ASCII capitals) is no stopword.
            if let Some(&mask) = lex.vote_masks.get(key() as usize) {
                if size >= 2 && bytes[t.bytes()].iter().all(u8::is_ascii_uppercase) {
                    return;
                }
                // Only the languages it counts for (a bit each, set ones only). A
                // lower-case word's vote counts again, past the letters: a tie-break
                // capitalised words (names: `Sur Energy`) have no part in.
                let langs = lex.votes.len();
                // Asked of voting words only, most of them ASCII.
                let lower = match bytes[t.bstart as usize] {
                    b if b < 0x80 => b.is_ascii_lowercase(),
                    _ => chars::decode_at(bytes, t.bstart as usize)
                        .and_then(|(cp, _)| char::from_u32(cp))
                        .is_some_and(is_lower),
                };
                let mut m = mask;
                while m != 0 {
                    let i = m.trailing_zeros() as usize;
                    votes[i] += 1;
                    if lower {
                        if let Some(n) = votes.get_mut(2 * langs + i) {
                            *n += 1;
                        }
                    }
                    m &= m - 1;
                }
            }
        }
        Some(chars::CYRILLIC) => counts[3] += size,
        _ => {}
    }
}

/// The tie-breaking letters of a word's bytes, counted into `votes` past the vote counts.
#[inline(never)]
fn tally_letters(lex: &Lexicon, word: &[u8], votes: &mut [usize]) {
    let langs = lex.votes.len();
    let mut i = 0;
    while i < word.len() {
        if word[i] < 0x80 {
            i += 1;
            continue;
        }
        let Some((cp, len)) = chars::decode_at(word, i) else {
            return;
        };
        i += len;
        let mut m = lex.letter_mask(cp);
        while m != 0 {
            if let Some(n) = votes.get_mut(langs + m.trailing_zeros() as usize) {
                *n += 1;
            }
            m &= m - 1;
        }
    }
}

/// The han, kana and hangul sizes of `by_kind` (`tally_token`) added to `counts`: han
/// and kana count as CJK, kana as kana too.
#[inline(always)]
fn add_kinds(counts: &mut [usize; 5], by_kind: &[usize; KINDS]) {
    let kind = |k: Kind| by_kind[k as usize];
    counts[0] += kind(Kind::Han) + kind(Kind::Kana);
    counts[1] += kind(Kind::Kana);
    counts[2] += kind(Kind::Hangul);
}

/// A script group: CJK (han and kana), hangul, Cyrillic, Latin; `None` for no letters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    None,
    Cjk,
    Hangul,
    Cyrillic,
    Latin,
}

/// The script group with the most letters (han and kana count double).
fn group(s: &[usize]) -> Group {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut best = 0;
    let mut group = Group::None;
    for (name, score) in [
        (Group::Cjk, 2 * at(0)),
        (Group::Hangul, 2 * at(2)),
        (Group::Cyrillic, at(3)),
        (Group::Latin, at(4)),
    ] {
        if score > best {
            best = score;
            group = name;
        }
    }
    group
}

/// The language the scores of `scores` point to (missing counts are zeros).
pub fn decide(lex: &Lexicon, s: &[usize]) -> String {
    decide_str(lex, s).to_string()
}

/// `decide`, borrowed from the lexicon: no allocation a sentence. In line (once a
/// sentence in `sentence_langs`): small since `vote` takes one pass.
#[inline]
fn decide_str<'a>(lex: &'a Lexicon, s: &[usize]) -> &'a str {
    decided(lex, s).0
}

/// `decide_str`'s language and the script group that decided it.
fn decided<'a>(lex: &'a Lexicon, s: &[usize]) -> (&'a str, Group) {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let g = group(s);
    let lang = match g {
        Group::Cjk if at(1) * 20 >= at(0) => "ja",
        Group::Cjk => "zh",
        Group::Hangul => "ko",
        Group::Cyrillic => "ru",
        Group::Latin => {
            let langs = lex.votes.len();
            let others = [at(0), at(1), at(2), at(3), 0];
            if (5..5 + langs).all(|i| at(i) == 0) && group(&others) != Group::None {
                // Latin letters and no Latin word: company names in a CJK, Korean or
                // Cyrillic text. `others` has no Latin letters, so this is one step deep.
                return decided(lex, &others);
            }
            vote(lex, s.get(5..).unwrap_or_default())
        }
        Group::None => FALLBACK,
    };
    (lang, g)
}

/// The one Latin-script language with the most votes (at least one), a tie going to
/// the one of the tied with the most letters, and a tie left to the one with the most
/// votes cast by lower-case words (`pyengine/langdetect.py`). `scores` holds the vote
/// counts, the letter counts, then the lower-case vote counts; missing counts are zeros.
fn vote<'a>(lex: &'a Lexicon, scores: &[usize]) -> &'a str {
    let langs = lex.votes.len();
    let at = |i: usize| scores.get(i).copied().unwrap_or(0);
    let (best, mut tied) = top(langs, u32::MAX, at);
    if best == 0 {
        return FALLBACK;
    }
    // Each tie-break in turn, among the tied: letters, then lower-case votes.
    for past in [langs, 2 * langs] {
        if tied.count_ones() > 1 {
            let (most, kept) = top(langs, tied, |i| at(past + i));
            if most > 0 {
                tied = kept;
            }
        }
    }
    if tied.count_ones() > 1 {
        return FALLBACK;
    }
    match lex.votes.get(tied.trailing_zeros() as usize) {
        Some((code, _)) => code,
        None => FALLBACK,
    }
}

/// The highest of `count(i)` over the languages `i < langs` with their bit set in
/// `among`, and the bits of those that have it.
#[inline]
fn top(langs: usize, among: u32, count: impl Fn(usize) -> usize) -> (usize, u32) {
    let (mut best, mut bits) = (0, 0u32);
    for i in (0..langs).filter(|&i| among & (1 << i) != 0) {
        let n = count(i);
        if n > best || bits == 0 {
            (best, bits) = (n, 1 << i);
        } else if n == best {
            bits |= 1 << i;
        }
    }
    (best, bits)
}

/// The sentence rules' thresholds (as `pyengine/langdetect.py`, whose docstring gives
/// the rules).
pub const MIN_HAN: usize = 10;
pub const MIN_VOTES: usize = 2;

/// Languages by token: (first token, language) runs in order, the first at token 0.
pub type Runs<'a> = Vec<(usize, &'a str)>;

/// Every token read in `lang`.
pub fn one_lang(lang: &str) -> Runs<'_> {
    vec![(0, lang)]
}

/// Does a sentence end at the one-character punctuation token `end`, followed by the
/// token `after` (`pyengine/langdetect.py`; new lines are looked for apart)?
#[inline(always)]
fn mark_ends(lex: &Lexicon, bytes: &[u8], end: &Token, after: &Token) -> bool {
    // An ASCII mark in neither set (a comma, most often) is answered here, in line.
    if let Some(&b) = bytes.get(end.bstart as usize).filter(|&&b| b < 0x80) {
        let cp = u32::from(b);
        if !lex.sentence_ends.contains_cp(cp) && !lex.sentence_ends_wide.contains_cp(cp) {
            return false;
        }
    }
    mark_ends_decoded(lex, bytes, end, after)
}

/// `mark_ends` for the rest: out of line, few tokens get here, and the loop that asks
/// keeps its registers.
#[inline(never)]
fn mark_ends_decoded(lex: &Lexicon, bytes: &[u8], end: &Token, after: &Token) -> bool {
    let Some((mark, _)) = chars::decode_at(bytes, end.bstart as usize) else {
        return false;
    };
    if lex.sentence_ends_wide.contains_cp(mark) {
        return true;
    }
    lex.sentence_ends.contains_cp(mark)
        && after.bstart > end.bend
        && chars::decode_at(bytes, after.bstart as usize)
            .and_then(|(cp, _)| char::from_u32(cp))
            .is_some_and(|c| !is_lower(c))
}

/// Is c a lower-case letter (one that upper-casing changes)? As `pyengine`'s
/// `c.upper() != c`.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    !c.to_uppercase().eq(std::iter::once(c))
}

/// Where sentences end (`pyengine/langdetect.py`), asked token after token in order.
struct Cuts<'t> {
    text: &'t str,
    /// The next new line from the current token on: no token holds one, so a sentence
    /// ends before the first token past it (one comparison a token, no gap read).
    newline: usize,
}

impl<'t> Cuts<'t> {
    fn new(text: &'t str, tokens: &[Token]) -> Cuts<'t> {
        let mut cuts = Cuts { text, newline: 0 };
        // From the first token: a new line before it ends no sentence.
        cuts.newline = cuts.newline_from(tokens.first().map_or(0, |t| t.bstart as usize));
        cuts
    }

    /// Where the first new line at or after byte `from` is (`usize::MAX` if none).
    #[inline(never)]
    fn newline_from(&self, from: usize) -> usize {
        let rest = self.text.as_bytes().get(from..).unwrap_or_default();
        memchr::memchr(b'\n', rest).map_or(usize::MAX, |p| from + p)
    }

    /// Does a sentence end between token `end` and the next, `after`?
    #[inline(always)]
    fn between(&mut self, lex: &Lexicon, end: &Token, after: &Token) -> bool {
        if after.bstart as usize > self.newline {
            self.newline = self.newline_from(after.bstart as usize);
            return true;
        }
        // A sentence's end is one punctuation character (the lexicon checks that each
        // mark is punctuation): most tokens are not, and are not decoded.
        end.kind == Kind::Punct
            && end.end - end.start == 1
            && mark_ends(lex, self.text.as_bytes(), end, after)
    }
}

/// The first token of each sentence (`pyengine/langdetect.py`); `[0]` at least.
pub fn sentence_starts(lex: &Lexicon, text: &str, tokens: &[Token]) -> Vec<usize> {
    let mut cuts = Cuts::new(text, tokens);
    let mut starts = vec![0];
    for (k, pair) in tokens.windows(2).enumerate() {
        if cuts.between(lex, &pair[0], &pair[1]) {
            starts.push(k + 1);
        }
    }
    starts
}

/// A sentence's scores as `scores` counts them, at a fixed width: the lexicon keeps a
/// vote list for each of `LATIN_LANGS` (the unused tail of a piece stays zero).
const WIDTH: usize = 5 + 3 * LATIN_LANGS.len();

/// The text's language, and the sentences read in another (`pyengine/langdetect.py`).
pub fn sentence_langs<'a>(lex: &'a Lexicon, text: &str, tokens: &[Token], keys: &Keys) -> Runs<'a> {
    sentence_langs_in(lex, text, tokens, keys, None)
}

/// `sentence_langs`, the text's language `given` (else detected).
pub fn sentence_langs_in<'a>(
    lex: &'a Lexicon,
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    given: Option<&'a str>,
) -> Runs<'a> {
    let bytes = text.as_bytes();
    // The scores read by `decide_str` and `own_lang`: those the lexicon has.
    let width = (5 + 3 * lex.votes.len()).min(WIDTH);
    // Each sentence's first token and scores, in one pass: the current sentence's
    // counts are kept apart until it ends. Fixed-size arrays, copied in line (no
    // `memcpy` or `memset` a sentence). Sized for a sentence every 16 tokens (more
    // grow the vector).
    let mut pieces: Vec<(usize, [usize; WIDTH])> = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut first = 0;
    let mut counts = [0; 5];
    let mut by_kind = [0; KINDS];
    let mut votes = [0; WIDTH - 5];
    let mut cuts = Cuts::new(text, tokens);
    // One key a token: cut to the tokens' count, `key_of[k]` below needs no check.
    let key_of = &keys.as_slice()[..tokens.len()];
    let piece = |counts: &[usize; 5], votes: &[usize; WIDTH - 5]| {
        let mut all = [0; WIDTH];
        all[..5].copy_from_slice(counts);
        all[5..].copy_from_slice(votes);
        all
    };
    for (k, pair) in tokens.windows(2).enumerate() {
        let (t, after) = (&pair[0], &pair[1]);
        let key = || key_of[k];
        tally_token(lex, bytes, t, key, &mut by_kind, &mut counts, &mut votes);
        if cuts.between(lex, t, after) {
            add_kinds(&mut counts, &by_kind);
            pieces.push((first, piece(&counts, &votes)));
            counts = [0; 5];
            by_kind = [0; KINDS];
            votes = [0; WIDTH - 5];
            first = k + 1;
        }
    }
    // The last token ends the last sentence.
    if let Some(last) = tokens.last() {
        let key = || key_of[tokens.len() - 1];
        tally_token(lex, bytes, last, key, &mut by_kind, &mut counts, &mut votes);
    }
    add_kinds(&mut counts, &by_kind);
    pieces.push((first, piece(&counts, &votes)));
    // Scores add up: the text's are its sentences' summed.
    let mut whole = [0; WIDTH];
    for (_, piece) in &pieces {
        for (w, p) in whole.iter_mut().zip(piece) {
            *w += p;
        }
    }
    let (lang, text_group) = text_lang(lex, given, &whole[..width]);
    // At most a run a sentence: room made once (a text switching back and forth would
    // grow the vector several times).
    let mut runs: Runs = Vec::with_capacity(pieces.len());
    for (first, piece) in &pieces {
        let own = own_lang(lex, lang, text_group, &piece[..width]);
        if runs.last().is_none_or(|&(_, last)| !same(last, own)) {
            runs.push((*first, own));
        }
    }
    runs
}

/// The text's language and script group: the language `given`, else the one its
/// scores `whole` point to; the group of the language, else of the scores (a code
/// with no script of its own, `xx` say).
fn text_lang<'a>(lex: &'a Lexicon, given: Option<&'a str>, whole: &[usize]) -> (&'a str, Group) {
    let Some(code) = given else {
        return decided(lex, whole);
    };
    let own = match lex.groups.get(code).map(String::as_str) {
        Some("cjk") => Group::Cjk,
        Some("hangul") => Group::Hangul,
        Some("cyrillic") => Group::Cyrillic,
        Some("latin") => Group::Latin,
        _ => group(whole),
    };
    (code, own)
}

/// Every token read in the text's detected language, no sentence apart.
pub fn whole_lang<'a>(lex: &'a Lexicon, text: &str, tokens: &[Token], keys: &Keys) -> Runs<'a> {
    let key_of = keys.as_slice();
    one_lang(decide_str(lex, &tally(lex, text, tokens, |i| key_of[i])))
}

/// Are two language codes the same? Pointers first (a language is mostly the same
/// `&str`), then the bytes in line: codes are short, a `memcmp` call costs more.
#[inline]
fn same(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || (a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y))
}

/// The language a sentence with scores `s` is read in, in a text of `lang`.
fn own_lang<'a>(lex: &'a Lexicon, lang: &'a str, text_group: Group, s: &[usize]) -> &'a str {
    let (own, own_group) = decided(lex, s);
    if same(own, FALLBACK) || same(own, lang) {
        return lang;
    }
    let read_own = if own_group != text_group {
        true
    } else if own_group == Group::Cjk {
        own == "ja" || s[0] - s[1] >= MIN_HAN
    } else if own_group == Group::Latin {
        let votes_for = |code: &str| {
            lex.votes
                .iter()
                .position(|(l, _)| same(l, code))
                .map_or(0, |i| s[5 + i])
        };
        let own_votes = votes_for(own);
        own_votes >= MIN_VOTES && own_votes > 2 * votes_for(lang)
    } else {
        false
    };
    if read_own {
        own
    } else {
        lang
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;
    use crate::tokenizer::tokenize;

    #[test]
    fn scores_count_each_script() {
        let lex = lexicon().unwrap();
        let text = "日本 カタカナ 한국 Москва hello, 42";
        let s = scores(lex, text, &tokenize(lex, text));
        // Han and kana count as CJK, kana as kana too; numbers and marks not at all.
        assert_eq!(s[..5], [6, 4, 2, 6, 5]);
        assert_eq!(s.len(), 5 + 3 * lex.votes.len());
    }

    #[test]
    fn one_language_with_the_most_votes_wins() {
        let lex = lexicon().unwrap();
        let code = |i: usize| lex.votes[i].0.as_str();
        for (scores, want) in [
            (vec![], FALLBACK),
            (vec![0, 0, 0, 0, 0, 0], FALLBACK),
            (vec![0, 2, 0, 1], code(1)),
            (vec![3, 1, 0, 0, 0, 5], code(5)),
            (vec![5, 1, 0, 0, 0, 5], FALLBACK), // a tie
            (vec![1, 5, 5, 2], FALLBACK),
            (vec![2, 1, 2, 7], code(3)),
        ] {
            assert_eq!(vote(lex, &scores), want, "{scores:?}");
        }
    }

    #[test]
    fn letters_then_lower_case_votes_break_a_tie_of_votes_only() {
        let lex = lexicon().unwrap();
        let n = lex.votes.len();
        let code = |i: usize| lex.votes[i].0.as_str();
        let with = |votes: &[usize], letters: &[usize]| {
            let mut s = vec![0; 2 * n];
            s[..votes.len()].copy_from_slice(votes);
            s[n..n + letters.len()].copy_from_slice(letters);
            s
        };
        for (scores, want) in [
            (with(&[0, 0, 3, 0, 3], &[0, 0, 1, 0, 0]), code(2)), // tied: 2 has a letter
            (with(&[0, 0, 3, 0, 3], &[0, 0, 1, 0, 1]), FALLBACK), // letters tie too
            (with(&[0, 0, 3, 0, 3], &[0, 5, 0, 0, 0]), FALLBACK), // not among the tied
            (with(&[0, 0, 2, 0, 3], &[0, 0, 9, 0, 0]), code(4)), // no tie: votes rule
            (with(&[], &[0, 0, 9]), FALLBACK),                   // no vote at all
        ] {
            assert_eq!(vote(lex, &scores), want, "{scores:?}");
        }
        // Votes cast by lower-case words break a tie the letters leave.
        let mut s = with(&[0, 0, 3, 0, 3], &[0, 0, 1, 0, 1]);
        s.extend([0, 0, 2, 0, 3]);
        assert_eq!(vote(lex, &s), code(4));
        let mut s = with(&[0, 0, 3, 0, 3], &[]);
        s.extend([0, 0, 3, 0, 3]);
        // They tie too.
        assert_eq!(vote(lex, &s), FALLBACK);
        // Each file's letters, upper case too, for its language alone or shared.
        let bit = |lang: &str| 1 << lex.votes.iter().position(|(l, _)| l == lang).unwrap();
        assert_eq!(lex.letter_mask(u32::from('ł')), bit("pl"));
        assert_eq!(lex.letter_mask(u32::from('Ł')), bit("pl"));
        assert_eq!(lex.letter_mask(u32::from('ó')), bit("es") | bit("pl"));
        assert_eq!(lex.letter_mask(u32::from('e')), 0);
    }

    #[test]
    fn sentences_start_where_the_rules_say() {
        let lex = lexicon().unwrap();
        for (text, want) in [
            ("\nfoo bar", vec![0]), // a new line before the first token cuts nothing
            ("foo\n\nbar baz\nqux", vec![0, 1, 3]),
            ("10 mld. dolarów", vec![0]), // lower case next: an abbreviation
            ("10 mld. Dolarów", vec![0, 3]),
            ("3.5 mld", vec![0]),
            ("Tak!? 好", vec![0, 3]),
            ("好。好！好", vec![0, 2, 4]),
            ("Ok. 1 and. «Quote", vec![0, 2, 5]),
            ("", vec![0]),
        ] {
            assert_eq!(
                sentence_starts(lex, text, &tokenize(lex, text)),
                want,
                "{text:?}"
            );
        }
    }
}
