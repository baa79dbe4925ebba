//! The lexicon: the TOML files of `python/dealscope/lexicon/`, embedded at
//! compile time and read into the same tables the pure-Python engine builds
//! (`python/dealscope/lexicon/__init__.py`). No language fact lives here.

use std::collections::{BTreeMap, BTreeSet};

use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use toml::{Table, Value};

use crate::chars::{self, CharSet, CharTable};
use crate::phrases::{KeyFilter, KeyTable, PhraseTable, NO_KEY};
use crate::tokenizer::{Kind, SegTable};

// `LANGS`, `LATIN_LANGS` and `FILES`, from `[languages]` of common.toml (build.rs).
include!(concat!(env!("OUT_DIR"), "/langs.rs"));
pub const FALLBACK: &str = "xx";

const COMMON: &str = include_str!("../python/dealscope/lexicon/common.toml");

/// The qualifiers' names, by code (as `frames.QUALIFIERS`).
pub const QUAL_NAMES: [&str; 6] = ["exact", "approx", "at_least", "at_most", "range", "vague"];

/// Qualifiers in the order of `frames.QUALIFIERS` (the number is the code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qual {
    Exact = 0,
    Approx = 1,
    AtLeast = 2,
    AtMost = 3,
    Range = 4,
    Vague = 5,
}

impl Qual {
    fn parse(name: &str) -> Result<Qual, String> {
        match name {
            "exact" => Ok(Qual::Exact),
            "approx" => Ok(Qual::Approx),
            "at_least" => Ok(Qual::AtLeast),
            "at_most" => Ok(Qual::AtMost),
            "range" => Ok(Qual::Range),
            "vague" => Ok(Qual::Vague),
            other => Err(format!("unknown qualifier {other:?}")),
        }
    }
}

pub const FLAG_NAMES: [&str; 26] = [
    "percent",
    "percent_prefix",
    "count",
    "connector",
    "range_open",
    "range_join",
    "range_join_open",
    "date_marker",
    "product",
    "year_marker",
    "quarter_word",
    "month_prep",
    "date_connector",
    "month_marker",
    "day_marker",
    "ordinal_prefix",
    "date_article",
    "half_after",
    "half_word",
    "day_span",
    "weekday_last",
    "year_link",
    "weekday_next",
    "slash_month_first",
    "list_join",
    "worth_noun",
];

/// Units of relative dates (`去年` is a year back, `last week` a week).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Year,
    Quarter,
    Month,
    Week,
    Day,
}

/// The relations' names, by code (as `frames.RELATIONS`).
pub const RELATION_NAMES: [&str; 4] = ["on", "by", "since", "before"];

/// Relations in the order of `frames.RELATIONS` (the number is the code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    On = 0,
    By = 1,
    Since = 2,
    Before = 3,
}

/// Which end of a year a period word points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Start,
    End,
}

fn unit(name: &str) -> Result<Unit, String> {
    match name {
        "year" => Ok(Unit::Year),
        "quarter" => Ok(Unit::Quarter),
        "month" => Ok(Unit::Month),
        "week" => Ok(Unit::Week),
        "day" => Ok(Unit::Day),
        other => Err(format!("unknown date unit {other:?}")),
    }
}

fn relation(name: &str) -> Result<Relation, String> {
    match name {
        "on" => Ok(Relation::On),
        "by" => Ok(Relation::By),
        "since" => Ok(Relation::Since),
        "before" => Ok(Relation::Before),
        other => Err(format!("unknown date relation {other:?}")),
    }
}

fn period(name: &str) -> Result<Period, String> {
    match name {
        "start" => Ok(Period::Start),
        "end" => Ok(Period::End),
        other => Err(format!("unknown date period {other:?}")),
    }
}

/// Roles a phrase can play that carry no value (bit i is `FLAG_NAMES[i]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Percent = 0,
    PercentPrefix = 1,
    Count = 2,
    Connector = 3,
    RangeOpen = 4,
    RangeJoin = 5,
    RangeJoinOpen = 6,
    DateMarker = 7,
    Product = 8,
    YearMarker = 9,
    QuarterWord = 10,
    MonthPrep = 11,
    DateConnector = 12,
    MonthMarker = 13,
    DayMarker = 14,
    OrdinalPrefix = 15,
    DateArticle = 16,
    HalfAfter = 17,
    HalfWord = 18,
    DaySpan = 19,
    WeekdayLast = 20,
    YearLink = 21,
    WeekdayNext = 22,
    SlashMonthFirst = 23,
    ListJoin = 24,
    WorthNoun = 25,
}

/// What one phrase means; a phrase may play several roles (Polish `do`).
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub scale: Option<f64>,
    pub scale_money: Option<f64>,
    pub vague: Option<(f64, f64)>,
    pub numeral: Option<f64>,
    pub currency: Option<String>,
    pub power: Option<f64>,
    pub qual_prefix: Option<Qual>,
    pub qual_suffix: Option<Qual>,
    pub month: Option<u32>,
    /// Unit, offset and, for a phrase naming one (`year-end`, `年末`), a period,
    /// then the relation the phrase itself says (`年内`, within the year: by its end).
    pub date_relative: Option<(Unit, i32, Option<Period>, Option<Relation>)>,
    pub date_relation: Option<Relation>,
    pub date_relation_suffix: Option<Relation>,
    pub date_period: Option<Period>,
    pub date_year_period: Option<Period>,
    pub ordinal: Option<u32>,
    pub quarter_code: Option<u32>,
    /// A half of a year (1 or 2) named alone: `H1`, `上半年`.
    pub half: Option<u32>,
    /// A day of the week, ISO (Monday 1).
    pub weekday: Option<u32>,
    pub flags: u32,
}

impl Entry {
    pub fn overlay(&mut self, other: &Entry) {
        fn take<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if theirs.is_some() {
                mine.clone_from(theirs);
            }
        }
        take(&mut self.scale, &other.scale);
        take(&mut self.scale_money, &other.scale_money);
        take(&mut self.vague, &other.vague);
        take(&mut self.numeral, &other.numeral);
        take(&mut self.currency, &other.currency);
        take(&mut self.power, &other.power);
        take(&mut self.qual_prefix, &other.qual_prefix);
        take(&mut self.qual_suffix, &other.qual_suffix);
        take(&mut self.month, &other.month);
        take(&mut self.date_relative, &other.date_relative);
        take(&mut self.date_relation, &other.date_relation);
        take(&mut self.date_relation_suffix, &other.date_relation_suffix);
        take(&mut self.date_period, &other.date_period);
        take(&mut self.date_year_period, &other.date_year_period);
        take(&mut self.ordinal, &other.ordinal);
        take(&mut self.quarter_code, &other.quarter_code);
        take(&mut self.half, &other.half);
        take(&mut self.weekday, &other.weekday);
        self.flags |= other.flags;
    }

    pub fn has(&self, flag: Flag) -> bool {
        self.flags & (1 << flag as u32) != 0
    }

    /// Can a phrase with this entry open an amount mention? (What `amounts` reads
    /// at a mention's first token: a range opener, a qualifier, a currency, a
    /// percent sign before the number, a vague amount or a number word.)
    pub fn opens_amount(&self) -> bool {
        self.has(Flag::RangeOpen)
            || self.qual_prefix.is_some()
            || self.currency.is_some()
            || self.has(Flag::PercentPrefix)
            || self.vague.is_some()
            || self.numeral.is_some()
    }
}

struct LangFile {
    decimal: char,
    stopwords: Vec<String>,
    letters: String,
    elisions: Vec<String>,
    particles: Vec<String>,
    segment: Vec<String>,
    entries: BTreeMap<String, Entry>,
}

/// Everything both the tokenizer and the parser read, built once.
pub struct Lexicon {
    pub chars: CharTable,
    pub apostrophes: Vec<char>,
    pub hyphens: Vec<char>,
    pub group_spaces: Vec<char>,
    pub number_marks: Vec<char>,
    /// Where a sentence ends (`langdetect::sentence_starts`): these with white space
    /// and no lower-case letter after, the wide ones (。！？) always.
    pub sentence_ends: CharSet,
    pub sentence_ends_wide: CharSet,
    /// `apostrophes` and `hyphens`: one bit test where a word may go on.
    pub joiners: CharSet,
    pub cjk_digits: HashMap<char, u32>,
    pub cjk_multipliers: HashMap<char, u32>,
    pub elisions: HashSet<String>,
    pub han_max: usize,
    pub hira_max: usize,
    /// First characters of the han and hiragana dictionary words.
    pub dict_first: CharSet,
    /// For each of them, bit k set if a dictionary word of k characters starts with it
    /// (bit 63: 63 or more): the segmenter tries only those lengths.
    pub dict_lengths: HashMap<char, u64>,
    /// The keys of `cjk_digits` and `cjk_multipliers`: one bit test a character.
    pub numerals: CharSet,
    /// The segmentation dictionaries (every lexicon phrase written wholly in han, or
    /// in hiragana), as the segmenter reads them (packed keys).
    pub han_words: KeyTable,
    pub hira_words: KeyTable,
    /// Every lexicon phrase written wholly in hangul, and the longest one's length in
    /// characters: a hangul run is cut into them when a particle at most is left.
    pub hangul_words: HashSet<String>,
    pub hangul_max: usize,
    /// Particles glued after a word (`particles` of the files: 를, 의, 에 …).
    pub particles: HashSet<String>,
    /// The class, numeral and dictionary facts of the CJK block, a cell a character.
    pub seg: SegTable,
    tables: HashMap<String, PhraseTable>,
    decimals: HashMap<String, char>,
    pub votes: Vec<(String, HashSet<String>)>,
    /// Each language's script group (`[languages] groups` of common.toml).
    pub groups: HashMap<String, String>,
    /// A number for every token of every phrase and every vote word (`phrases::Keys`).
    pub key_ids: HashMap<Vec<u8>, u32>,
    /// Which keys `key_ids` may hold, read before hashing.
    pub key_filter: KeyFilter,
    /// `key_ids` again, in the form read for every token.
    pub key_table: KeyTable,
    /// By token kind: are its tokens their own lookup form whatever the text (han,
    /// kana and hangul: scripts without case)?
    pub caseless_kinds: [bool; 8],
    /// `phrases::settled_table`, made with the lexicon rather than on the first text
    /// read, and handed to the key maker without a `OnceLock` check per token.
    pub settled: &'static [u64; crate::phrases::TABLED / 64],
    /// By key number, a bit per language of `votes` the word counts for: one lookup a word.
    pub vote_masks: Vec<u32>,
    /// The letters that break a tie of votes (each file's `letters`, upper case too
    /// when one character): a bit per language of `votes` for each code point from
    /// `letter_base` on, one lookup a letter (they are few and near each other).
    pub letter_masks: Vec<u32>,
    pub letter_base: u32,
}

fn parse_toml(text: &str, name: &str) -> Result<Table, String> {
    text.parse::<Table>()
        .map_err(|e| format!("lexicon {name}: {e}"))
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Integer(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn table<'a>(data: &'a Table, key: &str) -> Option<&'a Table> {
    data.get(key).and_then(Value::as_table)
}

/// The script groups a language may have (`langdetect`'s, by name).
pub const GROUPS: [&str; 4] = ["latin", "cyrillic", "cjk", "hangul"];

/// `[languages]` of common.toml: each language's script group, once its `files` are
/// checked against the list build.rs embedded (`LANGS`, `LATIN_LANGS`).
fn languages(common: &Table) -> Result<HashMap<String, String>, String> {
    let table = table(common, "languages");
    let files = strings(table.and_then(|t| t.get("files")));
    let groups: HashMap<String, String> = table
        .and_then(|t| t.get("groups"))
        .and_then(Value::as_table)
        .map(|g| {
            g.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    let latin: Vec<&String> = files
        .iter()
        .filter(|f| groups.get(*f).map(String::as_str) == Some("latin"))
        .collect();
    if files != LANGS || latin != LATIN_LANGS {
        return Err(format!(
            "common.toml: [languages] gives files {files:?} (Latin {latin:?}), the build embedded {LANGS:?} (Latin {LATIN_LANGS:?})"
        ));
    }
    if let Some(code) = files.iter().find(|f| !groups.contains_key(*f)) {
        return Err(format!(
            "common.toml: [languages] groups has no group for {code}"
        ));
    }
    if let Some((code, g)) = groups.iter().find(|(_, g)| !GROUPS.contains(&g.as_str())) {
        return Err(format!(
            "common.toml: [languages] groups: {code} = {g:?} is not one of {GROUPS:?}"
        ));
    }
    Ok(groups)
}

fn entries(data: &Table) -> Result<BTreeMap<String, Entry>, String> {
    let mut out: BTreeMap<String, Entry> = BTreeMap::new();
    let sections = [
        "scale",
        "scale_money",
        "vague",
        "numeral",
        "currency",
        "power",
        "qualifier",
        "qualifier_suffix",
        "month",
        "date_relative",
        "date_relation",
        "date_relation_suffix",
        "date_period",
        "date_year_period",
        "ordinal",
        "quarter_code",
        "half",
        "weekday",
    ];
    for section in sections {
        let Some(items) = table(data, section) else {
            continue;
        };
        for (key, value) in items {
            let e = out.entry(key.clone()).or_default();
            let bad = || format!("lexicon [{section}] {key:?}: bad value {value:?}");
            match section {
                "vague" => {
                    let pair = value.as_array().filter(|a| a.len() == 2).ok_or_else(bad)?;
                    let lo = as_f64(&pair[0]).ok_or_else(bad)?;
                    let hi = as_f64(&pair[1]).ok_or_else(bad)?;
                    e.vague = Some((lo, hi));
                }
                "currency" => e.currency = Some(value.as_str().ok_or_else(bad)?.to_owned()),
                "qualifier" => e.qual_prefix = Some(Qual::parse(value.as_str().ok_or_else(bad)?)?),
                "qualifier_suffix" => {
                    e.qual_suffix = Some(Qual::parse(value.as_str().ok_or_else(bad)?)?)
                }
                "date_relative" => {
                    let items = value
                        .as_array()
                        .filter(|a| (2..=4).contains(&a.len()))
                        .ok_or_else(bad)?;
                    let u = unit(items[0].as_str().ok_or_else(bad)?)?;
                    let off = items[1].as_integer().ok_or_else(bad)?;
                    let p = match items.get(2) {
                        Some(p) => Some(period(p.as_str().ok_or_else(bad)?)?),
                        None => None,
                    };
                    let r = match items.get(3) {
                        Some(r) => Some(relation(r.as_str().ok_or_else(bad)?)?),
                        None => None,
                    };
                    e.date_relative = Some((u, off as i32, p, r));
                }
                "date_relation" => {
                    e.date_relation = Some(relation(value.as_str().ok_or_else(bad)?)?)
                }
                "date_relation_suffix" => {
                    e.date_relation_suffix = Some(relation(value.as_str().ok_or_else(bad)?)?)
                }
                "date_period" => e.date_period = Some(period(value.as_str().ok_or_else(bad)?)?),
                "date_year_period" => {
                    e.date_year_period = Some(period(value.as_str().ok_or_else(bad)?)?)
                }
                "month" | "ordinal" | "quarter_code" | "half" | "weekday" => {
                    let n = value.as_integer().ok_or_else(bad)? as u32;
                    match section {
                        "month" => e.month = Some(n),
                        "ordinal" => e.ordinal = Some(n),
                        "quarter_code" => e.quarter_code = Some(n),
                        "half" => e.half = Some(n),
                        _ => e.weekday = Some(n),
                    }
                }
                _ => {
                    let x = as_f64(value).ok_or_else(bad)?;
                    match section {
                        "scale" => e.scale = Some(x),
                        "scale_money" => e.scale_money = Some(x),
                        "numeral" => e.numeral = Some(x),
                        _ => e.power = Some(x),
                    }
                }
            }
        }
    }
    for name in ["lists", "date_lists"] {
        let Some(lists) = table(data, name) else {
            continue;
        };
        for (bit, flag) in FLAG_NAMES.iter().enumerate() {
            for key in strings(lists.get(*flag)) {
                out.entry(key).or_default().flags |= 1 << bit;
            }
        }
    }
    Ok(out)
}

fn lang_file(text: &str, name: &str) -> Result<LangFile, String> {
    let data = parse_toml(text, name)?;
    let decimal = data.get("decimal").and_then(Value::as_str).unwrap_or(".");
    Ok(LangFile {
        decimal: decimal.chars().next().unwrap_or('.'),
        stopwords: strings(data.get("stopwords")),
        letters: data
            .get("letters")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        elisions: strings(data.get("elisions")),
        particles: strings(data.get("particles")),
        segment: table(&data, "lists")
            .map(|l| strings(l.get("segment")))
            .unwrap_or_default(),
        entries: entries(&data)?,
    })
}

fn char_map(data: &Table, key: &str) -> Result<HashMap<char, u32>, String> {
    let mut out = HashMap::default();
    for (k, v) in table(data, key).ok_or(format!("common.toml: no [{key}]"))? {
        let ch = k
            .chars()
            .next()
            .ok_or(format!("common.toml [{key}]: empty key"))?;
        let n = v
            .as_integer()
            .ok_or(format!("common.toml [{key}] {k}: not an integer"))?;
        out.insert(ch, n as u32);
    }
    Ok(out)
}

impl Lexicon {
    fn build() -> Result<Lexicon, String> {
        let common = parse_toml(COMMON, "common.toml")?;
        let chars_t = table(&common, "chars").ok_or("common.toml: no [chars]")?;
        let chars = CharTable::from_toml(chars_t)?;
        let text_of = |k: &str| {
            chars_t
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .chars()
                .collect()
        };
        // `langdetect::Cuts` looks for sentence ends among punctuation tokens only.
        let sentence_marks = |k: &str| {
            let marks: Vec<char> = text_of(k);
            match marks
                .iter()
                .find(|&&m| chars.class_of(u32::from(m)) != chars::PUNCT)
            {
                Some(m) => Err(format!("common.toml: {k} holds {m:?}, not punctuation")),
                None => Ok(marks.into_iter().collect::<CharSet>()),
            }
        };
        let sentence_ends = sentence_marks("sentence_ends")?;
        let sentence_ends_wide = sentence_marks("sentence_ends_wide")?;
        let groups = languages(&common)?;
        let common_entries = entries(&common)?;
        let mut files = Vec::new();
        for (lang, text) in LANGS.iter().zip(FILES) {
            files.push(lang_file(text, lang)?);
        }
        let mut lex = Lexicon {
            chars,
            apostrophes: text_of("apostrophes"),
            hyphens: text_of("hyphens"),
            group_spaces: text_of("number_group_spaces"),
            number_marks: text_of("number_marks"),
            sentence_ends,
            sentence_ends_wide,
            joiners: CharSet::default(),
            cjk_digits: char_map(&common, "cjk_numerals")?,
            cjk_multipliers: char_map(&common, "cjk_multipliers")?,
            elisions: files
                .iter()
                .flat_map(|f| f.elisions.iter().cloned())
                .collect(),
            han_max: 1,
            hira_max: 1,
            dict_first: CharSet::default(),
            dict_lengths: HashMap::default(),
            numerals: CharSet::default(),
            han_words: KeyTable::new(&HashMap::default()),
            hira_words: KeyTable::new(&HashMap::default()),
            hangul_words: HashSet::default(),
            hangul_max: 0,
            particles: files
                .iter()
                .flat_map(|f| f.particles.iter().cloned())
                .collect(),
            seg: SegTable::default(),
            tables: HashMap::default(),
            decimals: LANGS
                .iter()
                .zip(&files)
                .map(|(l, f)| (l.to_string(), f.decimal))
                .collect(),
            votes: Vec::new(),
            groups,
            key_ids: HashMap::default(),
            key_filter: KeyFilter::new(std::iter::empty()),
            key_table: KeyTable::new(&HashMap::default()),
            caseless_kinds: [false; 8],
            settled: crate::phrases::settled_table(),
            vote_masks: Vec::new(),
            letter_masks: Vec::new(),
            letter_base: 0,
        };
        // Segmentation dictionaries: every phrase of every file written wholly in han /
        // hiragana / hangul.
        let (mut han_dict, mut hira_dict) = (HashSet::<String>::default(), HashSet::default());
        let mut keys: Vec<&String> = common_entries.keys().collect();
        for f in &files {
            keys.extend(f.entries.keys());
            keys.extend(f.segment.iter());
        }
        for key in keys {
            let all = |class: &str| !key.is_empty() && key.chars().all(|c| lex.chars.is(c, class));
            if all("han") {
                lex.han_max = lex.han_max.max(key.chars().count());
                han_dict.insert(key.clone());
            } else if all("hiragana") {
                lex.hira_max = lex.hira_max.max(key.chars().count());
                hira_dict.insert(key.clone());
            } else if all("hangul") {
                lex.hangul_max = lex.hangul_max.max(key.chars().count());
                lex.hangul_words.insert(key.clone());
            }
        }
        for word in han_dict.iter().chain(&hira_dict) {
            if let Some(first) = word.chars().next() {
                let size = word.chars().count().min(63);
                *lex.dict_lengths.entry(first).or_insert(0) |= 1 << size;
            }
        }
        // The same first characters as a bitmap: one bit test before the hash lookup.
        lex.dict_first = lex.dict_lengths.keys().copied().collect();
        // A han, kana or hangul token holds characters of its run's class only (see
        // the tokenizer): caseless if every one the class lists is.
        let caseless = |class| {
            let mut ranges = lex.chars.ranges_of(class);
            ranges.all(|(lo, hi)| crate::phrases::all_settled(lo, hi))
        };
        lex.caseless_kinds[Kind::Han as usize] = caseless(chars::HAN);
        lex.caseless_kinds[Kind::Kana as usize] =
            caseless(chars::HIRAGANA) && caseless(chars::KATAKANA);
        lex.caseless_kinds[Kind::Hangul as usize] = caseless(chars::HANGUL);
        lex.joiners = lex
            .apostrophes
            .iter()
            .chain(&lex.hyphens)
            .copied()
            .collect();
        lex.numerals = lex
            .cjk_digits
            .keys()
            .chain(lex.cjk_multipliers.keys())
            .copied()
            .collect();
        let words = |dict: &HashSet<String>| -> HashMap<Vec<u8>, u32> {
            dict.iter().map(|w| (w.as_bytes().to_vec(), 0)).collect()
        };
        lex.han_words = KeyTable::new(&words(&han_dict));
        lex.hira_words = KeyTable::new(&words(&hira_dict));
        lex.seg = SegTable::new(&lex);
        // Phrase tables need the tokenizer, which needs the fields above.
        let mut tables = HashMap::default();
        let mut layered = |name: &str, layers: Vec<&BTreeMap<String, Entry>>| {
            let mut merged: BTreeMap<String, Entry> = BTreeMap::new();
            for layer in layers {
                for (k, e) in layer {
                    merged.entry(k.clone()).or_default().overlay(e);
                }
            }
            tables.insert(name.to_string(), PhraseTable::new(&lex, &merged));
        };
        for (lang, f) in LANGS.iter().zip(&files) {
            layered(lang, vec![&common_entries, &f.entries]);
        }
        let mut all = vec![&common_entries];
        all.extend(files.iter().rev().map(|f| &f.entries));
        layered(FALLBACK, all);
        let mut votes = Vec::new();
        for lang in LATIN_LANGS {
            let f = &files[LANGS.iter().position(|l| *l == lang).unwrap_or(0)];
            let mut words: HashSet<String> = f
                .stopwords
                .iter()
                .map(|w| crate::phrases::norm(w))
                .collect();
            for k in f.entries.keys() {
                let toks = crate::phrases::phrase_tokens(&lex, k);
                if toks.len() == 1 {
                    words.insert(toks[0].clone());
                }
            }
            votes.push((lang.to_string(), words));
        }
        // Number every key the tables and votes hold (in sorted order: the same each run).
        let mut all_keys: BTreeSet<&String> =
            tables.values().flat_map(PhraseTable::tokens).collect();
        all_keys.extend(votes.iter().flat_map(|(_, words)| words));
        lex.key_ids = all_keys
            .iter()
            .enumerate()
            .map(|(id, k)| (k.as_bytes().to_vec(), id as u32))
            .collect();
        lex.key_filter = KeyFilter::new(lex.key_ids.keys().map(Vec::as_slice));
        lex.key_table = KeyTable::new(&lex.key_ids);
        for table in tables.values_mut() {
            table.index(&lex.key_ids);
        }
        lex.tables = tables;
        lex.vote_masks = vec![0; lex.key_ids.len()];
        for (i, (_, words)) in votes.iter().enumerate() {
            for w in words {
                let id = lex.key_id(w.as_bytes()) as usize;
                lex.vote_masks[id] |= 1 << i;
            }
        }
        lex.votes = votes;
        (lex.letter_base, lex.letter_masks) = letter_masks(LATIN_LANGS.iter().map(|lang| {
            files[LANGS.iter().position(|l| l == lang).unwrap_or(0)]
                .letters
                .as_str()
        }));
        Ok(lex)
    }

    /// The languages (a bit each, as `vote_masks`) letter `cp` breaks a tie for.
    #[inline]
    pub fn letter_mask(&self, cp: u32) -> u32 {
        let at = cp.wrapping_sub(self.letter_base) as usize;
        self.letter_masks.get(at).copied().unwrap_or(0)
    }

    /// The number of a token key (`phrases::NO_KEY` if no phrase or vote word has it).
    #[inline]
    pub fn key_id(&self, key: &[u8]) -> u32 {
        if !self.key_filter.may_hold(key) {
            return NO_KEY;
        }
        self.key_table.get(key)
    }

    pub fn table(&self, lang: &str) -> &PhraseTable {
        self.tables
            .get(lang)
            .or_else(|| self.tables.get(FALLBACK))
            .expect("fallback table is built")
    }

    /// The language's decimal mark; `None` when the language is unknown (`xx`).
    pub fn decimal(&self, lang: &str) -> Option<char> {
        match self.decimals.get(lang) {
            Some(mark) => Some(*mark),
            None if lang == FALLBACK => None,
            None => Some('.'),
        }
    }
}

static LEXICON: OnceLock<Result<Lexicon, String>> = OnceLock::new();

/// The lexicon, built on first use. An error means the embedded data is broken,
/// which the crate's tests catch before any release.
pub fn lexicon() -> Result<&'static Lexicon, String> {
    LEXICON
        .get_or_init(Lexicon::build)
        .as_ref()
        .map_err(Clone::clone)
}

/// `Lexicon::letter_base` and `letter_masks` from each Latin language's letters, in
/// `votes` order.
fn letter_masks<'a>(letters: impl Iterator<Item = &'a str>) -> (u32, Vec<u32>) {
    let mut masks: BTreeMap<u32, u32> = BTreeMap::new();
    for (i, letters) in letters.enumerate() {
        for c in letters.chars() {
            let mut upper = c.to_uppercase();
            let one = match (upper.next(), upper.next()) {
                (Some(u), None) => Some(u),
                _ => None,
            };
            for form in std::iter::once(c).chain(one) {
                *masks.entry(u32::from(form)).or_default() |= 1 << i;
            }
        }
    }
    let (Some((&first, _)), Some((&last, _))) = (masks.first_key_value(), masks.last_key_value())
    else {
        return (0, Vec::new());
    };
    let mut dense = vec![0; (last - first + 1) as usize];
    for (cp, mask) in masks {
        dense[(cp - first) as usize] = mask;
    }
    (first, dense)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common_with(languages: &str) -> Table {
        parse_toml(&format!("[languages]\n{languages}\n"), "test").unwrap()
    }

    #[test]
    fn the_embedded_languages_are_common_tomls() {
        let groups = languages(&parse_toml(COMMON, "common.toml").unwrap()).unwrap();
        for code in LANGS {
            assert!(groups.contains_key(code), "{code} has a group");
        }
        assert!(LATIN_LANGS.iter().all(|c| groups[*c] == "latin"));
    }

    #[test]
    fn a_language_list_the_build_did_not_embed_is_refused() {
        let all = LANGS.map(|c| format!("{c:?}")).join(", ");
        let groups = LANGS.map(|c| format!("{c} = \"latin\"")).join(", ");
        // A code with no file in the build (`xq`), listed as if it had one.
        let extra = common_with(&format!(
            "files = [{all}, \"xq\"]\ngroups = {{ {groups}, xq = \"hangul\" }}"
        ));
        let err = languages(&extra).unwrap_err();
        assert!(err.contains("the build embedded"), "{err}");
        // The same files, every one grouped Latin: the Latin list is not the build's.
        let regrouped = common_with(&format!("files = [{all}]\ngroups = {{ {groups} }}"));
        assert!(languages(&regrouped).is_err());
    }

    #[test]
    fn an_unknown_script_group_is_refused() {
        let mut common = parse_toml(COMMON, "common.toml").unwrap();
        let groups = common["languages"]["groups"].as_table().unwrap().clone();
        let mut bad = groups.clone();
        bad.insert("ko".into(), Value::String("hangeul".into()));
        common["languages"]
            .as_table_mut()
            .unwrap()
            .insert("groups".into(), Value::Table(bad));
        let err = languages(&common).unwrap_err();
        assert!(err.contains("ko = \"hangeul\""), "{err}");
    }
}
