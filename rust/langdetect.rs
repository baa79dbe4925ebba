//! Which language a text is in; the rules are in `pyengine/langdetect.py`'s docstring.

use crate::chars;
use crate::lexicon::{Lexicon, FALLBACK};
use crate::phrases::norm_cow;
use crate::tokenizer::{Kind, Token};

pub fn detect(lex: &Lexicon, text: &str, tokens: &[Token]) -> String {
    let (mut latin, mut cyrillic, mut cjk, mut kana, mut hangul) = (0usize, 0, 0, 0, 0);
    let mut latin_words: Vec<&str> = Vec::new();
    for t in tokens {
        let size = t.end - t.start;
        match t.kind {
            Kind::Word => {
                let word = t.text(text);
                match word.chars().next().map(|c| lex.chars.class(c)) {
                    Some(chars::LATIN) => {
                        latin += size;
                        latin_words.push(word);
                    }
                    Some(chars::CYRILLIC) => cyrillic += size,
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
        "latin" => vote(lex, &latin_words),
        _ => FALLBACK.to_string(),
    }
}

fn vote(lex: &Lexicon, words: &[&str]) -> String {
    let mut scores = vec![0usize; lex.votes.len()];
    for word in words {
        if let Some(&mask) = lex.vote_index.get(norm_cow(word).as_ref()) {
            for (i, score) in scores.iter_mut().enumerate() {
                *score += (mask >> i) as usize & 1;
            }
        }
    }
    let best = scores.iter().copied().max().unwrap_or(0);
    let mut winners = scores.iter().enumerate().filter(|(_, s)| **s == best);
    match (winners.next(), winners.next()) {
        (Some((i, _)), None) if best > 0 => lex.votes[i].0.clone(),
        _ => FALLBACK.to_string(),
    }
}
