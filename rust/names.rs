//! Company and person names: every alias of `names.toml` found in one
//! Aho-Corasick pass, then filtered by word boundaries. The rules are shared
//! with `pyengine/names.py`:
//!
//! - aliases match case-sensitively, as written;
//! - an alias that begins (ends) with a word character — a letter of a letter
//!   script, a mark or a digit — needs a non-word character or the text's edge
//!   before (after) it, so `Meta` does not fire inside `Metadata`; han and
//!   kana need no boundary;
//! - an alias that begins with hangul needs no hangul before it, and one that
//!   ends with hangul needs the hangul after it to be nothing, one particle of
//!   the lexicon or two (`메타는`, `엔비디아와의`), so `메타` does not fire
//!   inside `메타버스` nor `델` inside `모델`;
//! - scanning left to right, the longest alias that passes at a position wins
//!   and the scan goes on after it (no overlaps).

use aho_corasick::{AhoCorasick, MatchKind};
use toml::{Table, Value};

use crate::chars::{self, CharCounter};
use crate::lexicon::Lexicon;

const NAMES: &str = include_str!("../python/dealscope/lexicon/names.toml");

/// One canonical entity: an organisation or a person.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    /// `org` or `person`.
    pub kind: String,
    /// Organisation type (lab, cloud, chips …) or a person's role.
    pub role: String,
    /// Parent organisation, or a person's organisation ("" when none).
    pub parent: String,
}

pub struct Names {
    pub entities: Vec<Entity>,
    /// Alias text and its entity, in file order (the first listing of an alias wins).
    aliases: Vec<(String, usize)>,
    automaton: AhoCorasick,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMatch {
    pub start: usize,
    pub end: usize,
    pub bstart: usize,
    pub bend: usize,
    pub entity: usize,
}

fn field(t: &Table, key: &str) -> String {
    t.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

impl Names {
    pub fn load() -> Result<Names, String> {
        let data: Table = NAMES.parse().map_err(|e| format!("names.toml: {e}"))?;
        let mut entities = Vec::new();
        let mut aliases: Vec<(String, usize)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (kind, role_key, parent_key) in [("org", "type", "parent"), ("person", "role", "org")] {
            let list = data
                .get(kind)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for item in list {
                let Some(t) = item.as_table() else { continue };
                let id = entities.len();
                entities.push(Entity {
                    name: field(t, "name"),
                    kind: kind.to_string(),
                    role: field(t, role_key),
                    parent: field(t, parent_key),
                });
                let mut forms: Vec<String> = vec![field(t, "name")];
                if let Some(list) = t.get("aliases").and_then(Value::as_array) {
                    forms.extend(list.iter().filter_map(|v| v.as_str().map(str::to_owned)));
                }
                for form in forms {
                    if !form.is_empty() && seen.insert(form.clone()) {
                        aliases.push((form, id));
                    }
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(aliases.iter().map(|(a, _)| a.as_str()))
            .map_err(|e| format!("names.toml: {e}"))?;
        Ok(Names {
            entities,
            aliases,
            automaton,
        })
    }

    /// Every name in `text`, by the rules of the module documentation.
    pub fn find(&self, lex: &Lexicon, text: &str) -> Vec<NameMatch> {
        let table = &lex.chars;
        let word = |c: char| {
            let cls = table.class(c);
            cls == chars::DIGIT || cls == chars::MARK || chars::is_letter(cls)
        };
        let hangul = |c: char| table.class(c) == chars::HANGUL;
        // All passing matches, then leftmost, longest, without overlaps.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            let alias = &self.aliases[m.pattern().as_usize()].0;
            let first = alias.chars().next().is_some_and(word);
            let last = alias.chars().next_back().is_some_and(word);
            if first && text[..s].chars().next_back().is_some_and(word) {
                continue;
            }
            if last && text[e..].chars().next().is_some_and(word) {
                continue;
            }
            if alias.chars().next().is_some_and(hangul)
                && text[..s].chars().next_back().is_some_and(hangul)
            {
                continue;
            }
            if alias.chars().next_back().is_some_and(hangul) && !hangul_end(lex, &text[e..]) {
                continue;
            }
            found.push((s, e, m.pattern().as_usize()));
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out = Vec::new();
        let mut cursor = 0;
        let mut chars = CharCounter::new(text);
        for (s, e, pattern) in found {
            if s < cursor {
                continue;
            }
            let (start, end) = (chars.at(s), chars.at(e));
            cursor = e;
            out.push(NameMatch {
                start,
                end,
                bstart: s,
                bend: e,
                entity: self.aliases[pattern].1,
            });
        }
        out
    }
}

/// Does a name ending in hangul end its word, `after` being the text after it: is
/// the hangul that follows nothing, one particle or two (`와의`)?
fn hangul_end(lex: &Lexicon, after: &str) -> bool {
    let run = after
        .char_indices()
        .find(|&(_, c)| lex.chars.class(c) != chars::HANGUL)
        .map_or(after, |(i, _)| &after[..i]);
    let particle = |p: &str| lex.particles.contains(p);
    run.is_empty()
        || particle(run)
        || run
            .char_indices()
            .skip(1)
            .any(|(i, _)| particle(&run[..i]) && particle(&run[i..]))
}
