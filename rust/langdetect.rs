//! Which language a text is in; the rules are in `pyengine/langdetect.py`'s docstring.

use crate::chars;
use crate::lexicon::{Lexicon, FALLBACK};
use crate::phrases::{norm_cow, Keys};
use crate::tokenizer::{Kind, Token};

pub fn detect(lex: &Lexicon, text: &str, tokens: &[Token]) -> String {
    decide(lex, &scores(lex, text, tokens))
}

/// The evidence `detect` weighs, as counts that add up: `[cjk, kana, hangul,
/// cyrillic, latin, one vote count per Latin language]`. A text cut between
/// tokens has the sum of its pieces' scores, so a huge document is read in
/// pieces and decided once (`decide`), as if whole.
pub fn scores(lex: &Lexicon, text: &str, tokens: &[Token]) -> Vec<usize> {
    tally(lex, text, tokens, |t, _| {
        lex.key_id(norm_cow(t.text(text)).as_bytes())
    })
}

/// `detect` reading the tokens' keys already made for the parsers.
pub fn detect_keyed(lex: &Lexicon, text: &str, tokens: &[Token], keys: &Keys) -> String {
    decide(lex, &tally(lex, text, tokens, |_, i| keys.at(i)))
}

/// `scores`, with `key(token, i)` giving the key number of token i (`Lexicon::key_id`).
fn tally(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    key: impl Fn(&Token, usize) -> u32,
) -> Vec<usize> {
    let (mut latin, mut cyrillic, mut cjk, mut kana, mut hangul) = (0usize, 0, 0, 0, 0);
    let mut votes = vec![0usize; lex.votes.len()];
    let bytes = text.as_bytes();
    for (i, t) in tokens.iter().enumerate() {
        let size = (t.end - t.start) as usize;
        match t.kind {
            Kind::Word => {
                // The first character's class, from its byte when ASCII, else decoded
                // from the bytes (no `&str` slice to check: token bounds are boundaries).
                let class = match bytes[t.bytes()].first() {
                    Some(&b) if b < 0x80 => lex.chars.ascii(b),
                    Some(_) => chars::decode_at(bytes, t.bstart as usize)
                        .map_or(0, |(cp, _)| lex.chars.class_of(cp)),
                    None => 0,
                };
                match class {
                    chars::LATIN => {
                        latin += size;
                        // One lookup a word: the index holds a bit per language.
                        if let Some(&mask) = lex.vote_masks.get(key(t, i) as usize) {
                            // Only the languages it counts for (a bit each, set ones only).
                            let mut m = mask;
                            while m != 0 {
                                votes[m.trailing_zeros() as usize] += 1;
                                m &= m - 1;
                            }
                        }
                    }
                    chars::CYRILLIC => cyrillic += size,
                    _ => {}
                }
            }
            Kind::Han => cjk += size,
            Kind::Kana => {
                kana += size;
                cjk += size;
            }
            Kind::Hangul => hangul += size,
            _ => {}
        }
    }
    let mut out = vec![cjk, kana, hangul, cyrillic, latin];
    out.extend(votes);
    out
}

/// The language the scores of `scores` point to (missing counts are zeros).
pub fn decide(lex: &Lexicon, s: &[usize]) -> String {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let (cjk, kana, hangul, cyrillic, latin) = (at(0), at(1), at(2), at(3), at(4));
    let mut best = 0;
    let mut bucket = "";
    for (name, score) in [
        ("cjk", 2 * cjk),
        ("hangul", 2 * hangul),
        ("cyrillic", cyrillic),
        ("latin", latin),
    ] {
        if score > best {
            best = score;
            bucket = name;
        }
    }
    match bucket {
        "cjk" => if kana * 20 >= cjk { "ja" } else { "zh" }.to_string(),
        "hangul" => "ko".to_string(),
        "cyrillic" => "ru".to_string(),
        "latin" => vote(
            lex,
            &(0..lex.votes.len()).map(|i| at(5 + i)).collect::<Vec<_>>(),
        ),
        _ => FALLBACK.to_string(),
    }
}

fn vote(lex: &Lexicon, scores: &[usize]) -> String {
    let best = scores.iter().copied().max().unwrap_or(0);
    let mut winners = scores.iter().enumerate().filter(|(_, s)| **s == best);
    match (winners.next(), winners.next()) {
        (Some((i, _)), None) if best > 0 => lex.votes[i].0.clone(),
        _ => FALLBACK.to_string(),
    }
}
