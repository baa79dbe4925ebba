//! The Rust core on its own: seeds, the examples of the design, hostile input.

use dealscope_core::amounts::{parse_amounts, AmountKind};
use dealscope_core::batch::{amounts_batch, tokenize_batch};
use dealscope_core::langdetect::{decide, detect, scores, sentence_langs};
use dealscope_core::lexicon::{lexicon, Qual};
use dealscope_core::phrases::Keys;
use dealscope_core::sentences::sentences_batch;
use dealscope_core::tokenizer::tokenize;

/// (text, kind, value, low, high, qualifier)
type Row = (
    String,
    AmountKind,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Qual,
);

fn amounts(text: &str, lang: &str) -> Vec<Row> {
    let lex = lexicon().expect("lexicon loads");
    let tokens = tokenize(lex, text);
    parse_amounts(lex, text, &tokens, lang)
        .into_iter()
        .map(|a| {
            (
                text[a.bstart..a.bend].to_string(),
                a.kind,
                a.value,
                a.low,
                a.high,
                a.qualifier,
            )
        })
        .collect()
}

#[test]
fn design_examples() {
    let got = amounts("再向 Anthropic 追加 40 亿美元投资", "zh");
    assert_eq!(
        got,
        vec![(
            "40 亿美元".into(),
            AmountKind::Money,
            Some(4e9),
            Some(4e9),
            Some(4e9),
            Qual::Exact
        )]
    );
    let got = amounts("Nvidia инвестирует до $10 миллиардов", "ru");
    assert_eq!(got[0].0, "до $10 миллиардов");
    assert_eq!(
        (got[0].3, got[0].4, got[0].5),
        (None, Some(1e10), Qual::AtMost)
    );
    let got = amounts("估值 300 亿至 400 亿美元", "zh");
    assert_eq!(
        (got[0].3, got[0].4, got[0].5),
        (Some(3e10), Some(4e10), Qual::Range)
    );
    let got = amounts("wart dziesiątki miliardów dolarów", "pl");
    assert_eq!(
        (got[0].1, got[0].3, got[0].4, got[0].5),
        (AmountKind::Money, Some(1e10), Some(1e11), Qual::Vague)
    );
    let got = amounts("100 万個", "ja");
    assert_eq!((got[0].1, got[0].2), (AmountKind::Count, Some(1e6)));
    let got = amounts("до 1 гигаватта", "ru");
    assert_eq!((got[0].1, got[0].4), (AmountKind::Power, Some(1e9)));
}

#[test]
fn ueber_after_a_contract_noun_is_what_the_deal_is_worth() {
    let got = amounts("einen Vertrag über 17,4 Milliarden Dollar", "de");
    assert_eq!(got[0].0, "17,4 Milliarden Dollar");
    assert_eq!(
        (got[0].3, got[0].4, got[0].5),
        (Some(1.74e10), Some(1.74e10), Qual::Exact)
    );
    // Elsewhere it is "more than".
    let got = amounts("hat über 13 Milliarden Dollar investiert", "de");
    assert_eq!(
        (got[0].0.as_str(), got[0].4, got[0].5),
        ("über 13 Milliarden Dollar", None, Qual::AtLeast)
    );
}

#[test]
fn years_and_product_names_are_not_amounts() {
    for (text, lang) in [
        ("2023 年", "zh"),
        ("w 2023 r.", "pl"),
        ("11 月 26 日", "zh"),
        ("18 ноября 2025 года", "ru"),
        ("GPT-4o", "en"),
        ("Claude 3.5 Opus", "en"),
        ("Trainium2", "en"),
        ("H100", "en"),
    ] {
        assert!(amounts(text, lang).is_empty(), "{text}");
    }
}

#[test]
fn seeds_are_detected_and_parsed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let lex = lexicon().unwrap();
    let langs: Vec<String> = texts
        .iter()
        .map(|t| detect(lex, t, &tokenize(lex, t)))
        .collect();
    assert_eq!(langs, ["pl", "ja", "it", "ru", "zh"]);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let cols = amounts_batch(&refs, &vec![None; refs.len()], None, 0).unwrap();
    assert_eq!(cols.spans.len(), 56);
}

#[test]
fn a_sentence_in_another_language_is_read_in_its_own() {
    let lex = lexicon().unwrap();
    let text = "Il costo è alto, e la società lo sa. 另一云巨头谷歌也于去年承诺向 Anthropic 投资 \
                20 亿美元。Il costo è di 10 miliardi di dollari, e la società lo pagherà.";
    let tokens = tokenize(lex, text);
    let runs = sentence_langs(lex, text, &tokens, &Keys::new(lex, text, &tokens));
    let langs: Vec<&str> = runs.iter().map(|&(_, lang)| lang).collect();
    assert_eq!(langs, ["it", "zh", "it"]);
    assert_eq!(tokens[runs[1].0].text(text), "另");
    let cols = amounts_batch(&[text], &[None], None, 1).unwrap();
    assert_eq!(cols.value, [2e9, 1e10]);
    // A given language reads the whole text: 亿美元 is no Italian phrase.
    let given = amounts_batch(&[text], &[Some("it")], None, 1).unwrap();
    assert_eq!(given.value, [1e10]);
    // Unless asked to read by sentence: Italian is then the text's language only.
    let by_sentence = amounts_batch(&[text], &[Some("it")], Some(true), 1).unwrap();
    assert_eq!(by_sentence.value, [2e9, 1e10]);
    // And a detected language can read the whole text too.
    let whole = amounts_batch(&[text], &[None], Some(false), 1).unwrap();
    assert_eq!(whole.value, [1e10]);
}

#[test]
fn sentences_are_cut_with_their_languages() {
    let text = "Il costo è alto, e la società lo sa. 另一云巨头谷歌也于去年承诺向 Anthropic 投资 \
                20 亿美元。Il costo è di 10 miliardi di dollari.\n\n  ";
    let cols = sentences_batch(&["", text], &[None, None], None, 1).unwrap();
    assert_eq!(cols.spans.doc, [1, 1, 1]);
    assert_eq!(cols.sid, [0, 1, 2]);
    let langs: Vec<Vec<u8>> = (0..3).map(|i| cols.lang.get(i)).collect();
    assert_eq!(langs, [b"it".to_vec(), b"zh".to_vec(), b"it".to_vec()]);
    // Spans run from the first token to the last, in code points.
    let chars: Vec<char> = text.chars().collect();
    let last: String = chars[cols.spans.start[2] as usize..cols.spans.end[2] as usize]
        .iter()
        .collect();
    assert_eq!(last, "Il costo è di 10 miliardi di dollari.");
    assert_eq!(cols.spans.text.get(2), last.as_bytes());
}

#[test]
fn language_scores_of_pieces_add_up_to_the_whole() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let lex = lexicon().unwrap();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let whole = scores(lex, &text, &tokenize(lex, &text));
        assert_eq!(
            decide(lex, &whole),
            detect(lex, &text, &tokenize(lex, &text))
        );
        // Cut at the new lines: no token crosses them.
        let mut summed = vec![0usize; whole.len()];
        for line in text.split('\n') {
            for (s, x) in summed
                .iter_mut()
                .zip(scores(lex, line, &tokenize(lex, line)))
            {
                *s += x;
            }
        }
        assert_eq!(summed, whole, "{}", path.display());
    }
    assert_eq!(decide(lex, &[]), "xx");
}

#[test]
fn offsets_are_code_points_on_char_boundaries() {
    let text = "𝔘𝔫 亿美元 🙂 Ąę 3,500億ドル";
    let cols = tokenize_batch(&[text], 1).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for i in 0..cols.spans.len() {
        let tok: String = chars[cols.spans.start[i] as usize..cols.spans.end[i] as usize]
            .iter()
            .collect();
        assert_eq!(tok.as_bytes(), cols.spans.text.get(i));
    }
}

#[test]
fn hostile_input_does_not_panic() {
    let long_digits = format!("{}億ドル", "9".repeat(10_000));
    let separators = ",.,. \u{a0}".repeat(10_000);
    let scales = format!("5 {}zł", "mld ".repeat(1000));
    let expected = [
        (long_digits.as_str(), 1),
        (separators.as_str(), 0),
        (scales.as_str(), 1),
        ("", 0),
        ("\u{feff}", 0),
        ("\0\0", 0),
    ];
    for (text, rows) in expected {
        let cols = amounts_batch(&[text], &[None], None, 1).unwrap();
        assert_eq!(cols.spans.len(), rows, "{:?}", &text[..text.len().min(20)]);
    }
    let got = amounts(&long_digits, "ja");
    assert!(got[0].2.is_some_and(f64::is_infinite));
}
