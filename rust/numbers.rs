//! Reading number tokens; the rules are in `pyengine/numbers.py`'s docstring.

use crate::fxhash::FxHashMap as HashMap;

/// Digits with grouping and decimal marks (`3,500`, `1,4`, `300.000`, `100 000`).
/// `decimal` is the language's own mark, `None` when the language is unknown.
pub fn parse_digits(text: &str, decimal: Option<char>) -> Option<f64> {
    // Plain ASCII digits, most numbers: read as an integer, with no copy. Below 10^15
    // it is exact, so it is the very value `parse` gives.
    let bytes = text.as_bytes();
    if !bytes.is_empty() && bytes.len() <= 15 && bytes.iter().all(u8::is_ascii_digit) {
        let value = bytes.iter().fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
        return Some(value as f64);
    }
    // Full-width digits and spaces are rare: the text is its own grouped form otherwise.
    let grouped = if text.is_ascii() && !text.contains(' ') {
        std::borrow::Cow::Borrowed(text)
    } else {
        let mut grouped = String::with_capacity(text.len());
        for ch in text.chars() {
            match ch {
                '０'..='９' => grouped.push(char::from(b'0' + (ch as u32 - '０' as u32) as u8)),
                ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => {}
                _ => grouped.push(ch),
            }
        }
        std::borrow::Cow::Owned(grouped)
    };
    read_grouped(&grouped, decimal)
}

/// The rules of the marks (`pyengine/numbers.py`) on digits with spaces gone, read in
/// one pass over the marks' positions: no list of marks or groups is made. Each
/// outcome is the text with its marks dropped but maybe one, read as the point.
fn read_grouped(grouped: &str, decimal: Option<char>) -> Option<f64> {
    let is_mark = |b: u8| b == b'.' || b == b',';
    let (mut count, mut first, mut last, mut at) = (0usize, 0u8, 0u8, 0usize);
    let mut same_kind = true;
    // Do all groups after a mark but the last one have three digits? Two (Indian
    // grouping: 1,00,000)? And the digits before the first mark.
    let (mut inner_threes, mut inner_twos, mut head) = (true, true, 0);
    for (i, &b) in grouped.as_bytes().iter().enumerate() {
        if !is_mark(b) {
            continue;
        }
        if count == 0 {
            first = b;
            head = i;
        } else {
            same_kind &= b == first;
            inner_threes &= i - at - 1 == 3;
            inner_twos &= i - at - 1 == 2;
        }
        count += 1;
        last = b;
        at = i;
    }
    if count == 0 {
        return grouped.parse().ok();
    }
    let tail = grouped.len() - at - 1; // the last group's length
    if same_kind {
        if count == 1 {
            let point = tail != 3 || Some(char::from(first)) == decimal;
            return read_with_point(grouped, point.then_some(at));
        }
        let indian = first == b',' && inner_twos && (1..=2).contains(&head);
        if (inner_threes || indian) && tail == 3 {
            return read_with_point(grouped, None);
        }
        return None;
    }
    let lasts = grouped.bytes().filter(|b| *b == last).count();
    if lasts != 1 || !inner_threes {
        return None;
    }
    read_with_point(grouped, Some(at))
}

/// `grouped` read with its marks dropped, but the one at byte `point` read as '.'.
fn read_with_point(grouped: &str, point: Option<usize>) -> Option<f64> {
    // On the stack when short (all but freak tokens), so no allocation.
    let mut short = [0u8; 64];
    let mut long = Vec::new();
    let buf: &mut [u8] = if grouped.len() <= short.len() {
        &mut short
    } else {
        long.resize(grouped.len(), 0);
        &mut long
    };
    let mut n = 0;
    for (i, &b) in grouped.as_bytes().iter().enumerate() {
        if Some(i) == point {
            buf[n] = b'.';
        } else if b == b'.' || b == b',' {
            continue;
        } else {
            buf[n] = b;
        }
        n += 1;
    }
    // Dropping ASCII bytes from UTF-8 leaves UTF-8: this check does not fail.
    std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
}

/// CJK numerals: 三千五百 → 3500; 二〇二三 → 2023 (digits alone read positionally).
pub fn parse_cjk(text: &str, digits: &HashMap<char, u32>, multipliers: &HashMap<char, u32>) -> f64 {
    if !text.chars().any(|c| multipliers.contains_key(&c)) {
        let mut value = 0.0;
        for ch in text.chars() {
            value = value * 10.0 + f64::from(digits.get(&ch).copied().unwrap_or(0));
        }
        return value;
    }
    let mut total = 0.0;
    let mut current = -1.0;
    for ch in text.chars() {
        if let Some(m) = multipliers.get(&ch) {
            total += (if current < 0.0 { 1.0 } else { current }) * f64::from(*m);
            current = -1.0;
        } else {
            let d = f64::from(digits.get(&ch).copied().unwrap_or(0));
            current = if current < 0.0 { d } else { current * 10.0 + d };
        }
    }
    if current >= 0.0 {
        total += current;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn marks_follow_the_language() {
        let (dot, comma) = (Some('.'), Some(','));
        assert_eq!(parse_digits("3,500", dot), Some(3500.0));
        assert_eq!(parse_digits("1,4", dot), Some(1.4));
        assert_eq!(parse_digits("300.000", comma), Some(300000.0));
        assert_eq!(parse_digits("300.000", dot), Some(300.0));
        assert_eq!(parse_digits("300.000", None), Some(300000.0));
        assert_eq!(parse_digits("12.5", None), Some(12.5));
        assert_eq!(parse_digits("1.234,56", comma), Some(1234.56));
        assert_eq!(parse_digits("100 000", comma), Some(100000.0));
        assert_eq!(parse_digits("１００", dot), Some(100.0));
        assert_eq!(parse_digits("22.10.2025", comma), None);
        assert_eq!(parse_digits("1.000.000", comma), Some(1000000.0));
        assert_eq!(parse_digits("1.000.00", comma), None);
        assert_eq!(parse_digits("1,234.567.8", dot), None);
        assert_eq!(parse_digits("1.234.567,8", comma), Some(1234567.8));
        assert_eq!(parse_digits("1 000,5", comma), Some(1000.5));
        assert_eq!(parse_digits("１,５", dot), Some(1.5));
        assert_eq!(parse_digits("007", dot), Some(7.0));
        assert_eq!(
            parse_digits("999999999999999", dot),
            Some(999999999999999.0)
        );
        assert_eq!(
            parse_digits("12345678901234567", dot),
            Some(12345678901234567.0)
        );
    }

    #[test]
    fn commas_group_the_indian_way_too() {
        let dot = Some('.');
        assert_eq!(parse_digits("1,00,000", dot), Some(100000.0));
        assert_eq!(parse_digits("12,34,56,789", dot), Some(123456789.0));
        assert_eq!(parse_digits("1,00,00,000", None), Some(10000000.0));
        // Commas only, one or two digits first, a last group of three.
        assert_eq!(parse_digits("1.00.000", Some(',')), None);
        assert_eq!(parse_digits("100,00,000", dot), None);
        assert_eq!(parse_digits("1,00,00", dot), None);
        assert_eq!(parse_digits("1,000,00,000", dot), None);
    }

    #[test]
    fn huge_digit_strings_overflow_to_infinity() {
        assert_eq!(
            parse_digits(&"9".repeat(10_000), Some('.')),
            Some(f64::INFINITY)
        );
    }
}
