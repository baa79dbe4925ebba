//! What every parser's output keeps, whatever the text: spans inside the text,
//! on char boundaries, with code-point offsets matching the byte offsets,
//! ordered without overlaps; amounts with low <= value <= high and no NaN,
//! the bounds each qualifier promises and the unit each kind promises (README);
//! dates inside 0001-01-01..=9999-12-31 (what Python's `date` can hold) on the
//! first day of their period; the same output on a second call. Shared by the fuzz targets (`rust/fuzz`,
//! through `#[path]`) and the regression test over their corpus, so a
//! violation panics with the input's function named.

#![allow(dead_code)] // each user calls only some of these

use dealscope_core::amounts::{parse_amounts, Amount, AmountKind};
use dealscope_core::batch::names;
use dealscope_core::dates::{parse_dates, DateMention, Precision};
use dealscope_core::langdetect::detect;
use dealscope_core::lexicon::{lexicon, Lexicon, Qual};
use dealscope_core::names::NameMatch;
use dealscope_core::tokenizer::{tokenize, Token};

/// The codes the lexicon has files for, plus ones it has not.
pub const LANGS: [&str; 12] = [
    "pl", "ja", "it", "ru", "zh", "en", "de", "fr", "es", "xx", "", "ko",
];

/// First and last day a Python `date` can hold, in days since 1970-01-01.
pub const MIN_DAYS: i32 = -719_162;
pub const MAX_DAYS: i32 = 2_932_896;

/// (code-point start, end, byte start, end) of a span.
type Span = (usize, usize, usize, usize);

/// Spans lie in the text on char boundaries, code-point offsets agree with
/// byte offsets, each is non-empty, and they come in order without overlaps.
pub fn check_spans(text: &str, spans: impl IntoIterator<Item = Span>, what: &str) {
    let mut last_bend = 0; // spans are ordered, so counting resumes here
    let mut chars_before = 0; // code points in text[..last_bend]
    for (start, end, bstart, bend) in spans {
        assert!(
            bstart < bend && bend <= text.len(),
            "{what}: byte span {bstart}..{bend} outside 0..{}",
            text.len()
        );
        assert!(
            text.is_char_boundary(bstart) && text.is_char_boundary(bend),
            "{what}: byte span {bstart}..{bend} not on char boundaries"
        );
        assert!(
            bstart >= last_bend,
            "{what}: span at {bstart} overlaps or precedes the one ending at {last_bend}"
        );
        chars_before += text[last_bend..bstart].chars().count();
        let len = text[bstart..bend].chars().count();
        assert_eq!(
            (start, end),
            (chars_before, chars_before + len),
            "{what}: code-point span disagrees with byte span {bstart}..{bend}"
        );
        chars_before += len;
        last_bend = bend;
    }
}

pub fn check_tokens(text: &str, tokens: &[Token]) {
    check_spans(
        text,
        tokens.iter().map(|t| {
            let at = |x: u32| x as usize;
            (at(t.start), at(t.end), at(t.bstart), at(t.bend))
        }),
        "tokenize",
    );
}

pub fn check_amounts(text: &str, amounts: &[Amount]) {
    check_spans(
        text,
        amounts.iter().map(|a| (a.start, a.end, a.bstart, a.bend)),
        "parse_amounts",
    );
    for a in amounts {
        let set: Vec<f64> = [a.low, a.value, a.high].into_iter().flatten().collect();
        assert!(!set.is_empty(), "parse_amounts: no number at all in {a:?}");
        assert!(
            set.iter().all(|v| !v.is_nan()),
            "parse_amounts: NaN in {a:?}"
        );
        assert!(
            set.windows(2).all(|w| w[0] <= w[1]),
            "parse_amounts: not low <= value <= high in {a:?}"
        );
        // Which of (low, value, high) each qualifier sets.
        let shape = match a.qualifier {
            Qual::Exact | Qual::Approx => (true, true, true),
            Qual::AtLeast => (true, true, false),
            Qual::AtMost => (false, true, true),
            Qual::Range | Qual::Vague => (true, false, true),
        };
        assert_eq!(
            (a.low.is_some(), a.value.is_some(), a.high.is_some()),
            shape,
            "parse_amounts: bounds do not fit the qualifier in {a:?}"
        );
        let unit_fits = match (a.kind, a.unit.as_deref()) {
            (AmountKind::Money, Some(code)) => !code.is_empty(),
            (AmountKind::Percent, Some(unit)) => unit == "%",
            (AmountKind::Power, Some(unit)) => unit == "W",
            (AmountKind::Count | AmountKind::Number, unit) => unit.is_none(),
            _ => false,
        };
        assert!(
            unit_fits,
            "parse_amounts: unit does not fit the kind in {a:?}"
        );
    }
}

/// (year, month, day) of days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil(days: i32) -> (i64, u32, u32) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

pub fn check_dates(text: &str, dates: &[DateMention]) {
    check_spans(
        text,
        dates.iter().map(|d| (d.start, d.end, d.bstart, d.bend)),
        "parse_dates",
    );
    for d in dates {
        if let Some(days) = d.date {
            assert!(
                (MIN_DAYS..=MAX_DAYS).contains(&days),
                "parse_dates: day {days} outside years 1..=9999 in {d:?}"
            );
            // The date is the first day of the period its precision names.
            let (_, month, day) = civil(days);
            let first = match d.precision {
                Precision::Day => true,
                // A Monday: 1970-01-01 was a Thursday.
                Precision::Week => (days + 3).rem_euclid(7) == 0,
                Precision::Month => day == 1,
                Precision::Quarter => day == 1 && month % 3 == 1,
                Precision::Half => day == 1 && month % 6 == 1,
                Precision::Year => day == 1 && month == 1,
            };
            assert!(
                first,
                "parse_dates: not the first day of its period in {d:?}"
            );
        }
    }
}

pub fn check_names(text: &str, found: &[NameMatch]) {
    check_spans(
        text,
        found.iter().map(|m| (m.start, m.end, m.bstart, m.bend)),
        "find_names",
    );
    let count = names().expect("names load").entities.len();
    assert!(
        found.iter().all(|m| m.entity < count),
        "find_names: entity index out of range"
    );
}

fn lex() -> &'static Lexicon {
    lexicon().expect("lexicon loads")
}

/// Tokens, checked, and the same on a second call.
pub fn run_tokenize(text: &str) -> Vec<Token> {
    let tokens = tokenize(lex(), text);
    check_tokens(text, &tokens);
    assert_eq!(tokens, tokenize(lex(), text), "tokenize: not deterministic");
    tokens
}

/// `lang`: None detects it, as the Python API does without `lang=`.
pub fn run_amounts(text: &str, lang: Option<&str>) -> Vec<Amount> {
    let tokens = run_tokenize(text);
    let lang = lang.map_or_else(|| detect(lex(), text, &tokens), str::to_owned);
    let amounts = parse_amounts(lex(), text, &tokens, &lang);
    check_amounts(text, &amounts);
    assert_eq!(
        amounts,
        parse_amounts(lex(), text, &tokens, &lang),
        "parse_amounts: not deterministic"
    );
    amounts
}

pub fn run_dates(text: &str, lang: Option<&str>, reference: Option<i32>) -> Vec<DateMention> {
    let tokens = run_tokenize(text);
    let lang = lang.map_or_else(|| detect(lex(), text, &tokens), str::to_owned);
    let dates = parse_dates(lex(), text, &tokens, &lang, reference);
    check_dates(text, &dates);
    assert_eq!(
        dates,
        parse_dates(lex(), text, &tokens, &lang, reference),
        "parse_dates: not deterministic"
    );
    dates
}

pub fn run_names(text: &str) -> Vec<NameMatch> {
    let names = names().expect("names load");
    let found = names.find(lex(), text);
    check_names(text, &found);
    assert_eq!(
        found,
        names.find(lex(), text),
        "find_names: not deterministic"
    );
    found
}

/// Every function on one text.
pub fn run_all(text: &str, lang: Option<&str>, reference: Option<i32>) {
    run_amounts(text, lang);
    run_dates(text, lang, reference);
    run_names(text);
}

// How a fuzz input (bytes) becomes the arguments: a few leading bytes pick
// the language hint and the reference date, the rest is the text (lossy
// UTF-8, so every input is a text). tests/test_fuzz_regressions.py reads the
// same files the same way.

/// Language hint from one byte: None (detect) for a quarter of the values,
/// otherwise a known code, an unknown one, or the empty string.
pub fn lang(byte: u8) -> Option<&'static str> {
    let i = usize::from(byte) % (LANGS.len() + 4);
    LANGS.get(i).copied()
}

/// Reference date from five bytes: none, the edges of Python's date range,
/// the edges of i32, or any i32 at all.
pub fn reference(bytes: &[u8; 5]) -> Option<i32> {
    let any = i32::from_le_bytes([bytes[1], bytes[2], bytes[3], bytes[4]]);
    match bytes[0] % 8 {
        0 => None,
        1 => Some(MIN_DAYS),
        2 => Some(MAX_DAYS),
        3 => Some(i32::MIN),
        4 => Some(i32::MAX),
        5 => Some(any),
        // Inside years 1..=9999, as the Python API gives it.
        _ => Some(MIN_DAYS + any.rem_euclid(MAX_DAYS - MIN_DAYS + 1)),
    }
}

/// Split `data` into `N` leading bytes (zero-padded) and the text.
pub fn split<const N: usize>(data: &[u8]) -> ([u8; N], String) {
    let mut head = [0u8; N];
    let n = data.len().min(N);
    head[..n].copy_from_slice(&data[..n]);
    (head, String::from_utf8_lossy(&data[n..]).into_owned())
}

/// A fuzz input as the arguments of its target.
pub struct Input {
    pub text: String,
    pub lang: Option<&'static str>,
    pub reference: Option<i32>,
}

/// `target`: tokenize and names read the whole input as text; amounts takes
/// one leading byte for the language; dates and all take six (language, date).
pub fn decode(target: &str, data: &[u8]) -> Input {
    match target {
        "amounts" => {
            let (head, text) = split::<1>(data);
            Input {
                text,
                lang: lang(head[0]),
                reference: None,
            }
        }
        "dates" | "all" => {
            let (head, text) = split::<6>(data);
            let date = [head[1], head[2], head[3], head[4], head[5]];
            Input {
                text,
                lang: lang(head[0]),
                reference: reference(&date),
            }
        }
        _ => Input {
            text: String::from_utf8_lossy(data).into_owned(),
            lang: None,
            reference: None,
        },
    }
}

/// Run the fuzz target `target` on `data`.
pub fn run_target(target: &str, data: &[u8]) {
    let input = decode(target, data);
    let text = input.text.as_str();
    match target {
        "tokenize" => drop(run_tokenize(text)),
        "amounts" => drop(run_amounts(text, input.lang)),
        "dates" => drop(run_dates(text, input.lang, input.reference)),
        "names" => drop(run_names(text)),
        _ => run_all(text, input.lang, input.reference),
    }
}
