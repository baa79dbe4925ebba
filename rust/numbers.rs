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
    let mut grouped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '０'..='９' => grouped.push(char::from(b'0' + (ch as u32 - '０' as u32) as u8)),
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => {}
            _ => grouped.push(ch),
        }
    }
    let marks: Vec<char> = grouped.chars().filter(|c| *c == '.' || *c == ',').collect();
    if marks.is_empty() {
        return grouped.parse().ok();
    }
    let groups: Vec<&str> = grouped.split(['.', ',']).collect();
    let same_kind = marks.iter().all(|m| *m == marks[0]);
    if same_kind {
        if marks.len() == 1 {
            let tail = groups[1];
            if tail.len() != 3 || Some(marks[0]) == decimal {
                return format!("{}.{}", groups[0], tail).parse().ok();
            }
            return format!("{}{}", groups[0], tail).parse().ok();
        }
        if groups[1..].iter().all(|g| g.len() == 3) {
            return groups.concat().parse().ok();
        }
        return None;
    }
    let last = marks[marks.len() - 1];
    if marks.iter().filter(|m| **m == last).count() != 1 {
        return None;
    }
    let whole = &groups[..groups.len() - 1];
    if !whole[1..].iter().all(|g| g.len() == 3) {
        return None;
    }
    format!("{}.{}", whole.concat(), groups[groups.len() - 1])
        .parse()
        .ok()
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
    fn huge_digit_strings_overflow_to_infinity() {
        assert_eq!(
            parse_digits(&"9".repeat(10_000), Some('.')),
            Some(f64::INFINITY)
        );
    }
}
