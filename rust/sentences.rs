//! Texts cut into sentences, each with the language it is read in: the cuts and
//! languages the parsers use (`langdetect::sentence_starts`, `sentence_langs`), as
//! rows, so that the pipeline cuts sentences by the same rule.

use crate::batch::{check_langs, per_doc_indexed, runs_of, SpanColumns, StrColumn};
use crate::langdetect::sentence_starts;
use crate::lexicon::{lexicon, Lexicon};
use crate::phrases::Keys;
use crate::tokenizer::tokenize;

pub struct SentenceColumns {
    /// A sentence's span runs from its first token's start to its last token's end.
    pub spans: SpanColumns,
    /// The sentence's number in its document, from 0.
    pub sid: Vec<u32>,
    /// The language the sentence is read in.
    pub lang: StrColumn,
}

/// One sentence: its code points, its bytes, its language.
type Sentence<'a> = ((usize, usize), (usize, usize), &'a str);

/// The sentences of one text; a text with no tokens has none.
fn sentences_of<'a>(
    lex: &'a Lexicon,
    text: &str,
    given: Option<&'a str>,
    by_sentence: Option<bool>,
) -> Vec<Sentence<'a>> {
    let tokens = tokenize(lex, text);
    if tokens.is_empty() {
        return Vec::new();
    }
    let keys = Keys::new(lex, text, &tokens);
    let runs = runs_of(lex, text, given, by_sentence, &tokens, &keys);
    let starts = sentence_starts(lex, text, &tokens);
    let ends = starts.iter().skip(1).copied().chain([tokens.len()]);
    // Each run starts at a sentence's first token: walk the runs alongside.
    let mut run = 0;
    starts
        .iter()
        .zip(ends)
        .map(|(&first, end)| {
            while run + 1 < runs.len() && runs[run + 1].0 <= first {
                run += 1;
            }
            let (a, b) = (&tokens[first], &tokens[end - 1]);
            let chars = (a.start as usize, b.end as usize);
            (chars, (a.bstart as usize, b.bend as usize), runs[run].1)
        })
        .collect()
}

/// Every text's sentences; `langs` and `by_sentence` as `runs_of`'s.
pub fn sentences_batch(
    texts: &[&str],
    langs: &[Option<&str>],
    by_sentence: Option<bool>,
    threads: usize,
) -> Result<SentenceColumns, String> {
    check_langs(texts, langs)?;
    let lex = lexicon()?;
    let found = per_doc_indexed(texts, threads, |i| {
        sentences_of(lex, texts[i], langs[i], by_sentence)
    });
    let rows = found.iter().map(Vec::len).sum();
    let mut cols = SentenceColumns {
        spans: SpanColumns::with_capacity(rows),
        sid: Vec::with_capacity(rows),
        lang: StrColumn::new(),
    };
    for (doc, (text, sentences)) in texts.iter().zip(found).enumerate() {
        for (sid, (chars, bytes, lang)) in sentences.into_iter().enumerate() {
            cols.spans.push(doc, text, chars, bytes);
            cols.sid.push(sid as u32);
            cols.lang.push(lang);
        }
    }
    Ok(cols)
}
