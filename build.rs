//! Embeds the lexicon's language files: `[languages] files` of `common.toml` names
//! them (and `groups` says which are Latin-script), so adding a language is data
//! only. Read with a few lines of string handling, not a TOML crate (the build needs
//! no second copy of one); `Lexicon::load` checks the full reading agrees.

use std::{env, fs, path::Path};

const COMMON: &str = "python/dealscope/lexicon/common.toml";

fn main() {
    println!("cargo:rerun-if-changed={COMMON}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(COMMON).expect("common.toml is readable");
    let section = languages_section(&text);
    let files = quoted(&value(&section, "files", '[', ']'));
    let groups = value(&section, "groups", '{', '}');
    let latin: Vec<&String> = files
        .iter()
        .filter(|code| group_of(&groups, code).as_deref() == Some("latin"))
        .collect();
    assert!(!files.is_empty(), "{COMMON}: [languages] files is empty");
    let list = |codes: &[&String]| {
        codes
            .iter()
            .map(|c| format!("{c:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let all: Vec<&String> = files.iter().collect();
    let embeds: Vec<String> = files
        .iter()
        .map(|c| format!("include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/python/dealscope/lexicon/{c}.toml\"))"))
        .collect();
    let out = format!(
        "/// The languages with a lexicon file, in overlay order (`common.toml`).\n\
         pub const LANGS: [&str; {n}] = [{all}];\n\
         /// Those of `LANGS` whose script group is Latin (they vote with their words).\n\
         pub const LATIN_LANGS: [&str; {m}] = [{latin}];\n\
         /// Each of `LANGS`' files, embedded.\n\
         const FILES: [&str; {n}] = [{embeds}];\n",
        n = files.len(),
        m = latin.len(),
        all = list(&all),
        latin = list(&latin),
        embeds = embeds.join(", "),
    );
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("langs.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

/// The lines of the `[languages]` table, comments cut.
fn languages_section(text: &str) -> String {
    let mut inside = false;
    let mut out = String::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[')
            && !line.starts_with("[[")
            && line.ends_with(']')
            && !line.contains('=')
        {
            inside = line == "[languages]";
            continue;
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The text between `open` and `close` of `key = …` (over several lines if need be).
fn value(section: &str, key: &str, open: char, close: char) -> String {
    let start = section
        .lines()
        .position(|l| l.split('=').next().map(str::trim) == Some(key))
        .unwrap_or_else(|| panic!("{COMMON}: [languages] has no {key}"));
    let rest: String = section.lines().skip(start).collect::<Vec<_>>().join(" ");
    let from = rest.find(open).expect("an opening bracket") + 1;
    let to = rest[from..].find(close).expect("a closing bracket") + from;
    rest[from..to].to_string()
}

/// The double-quoted strings of a TOML array's inside.
fn quoted(inside: &str) -> Vec<String> {
    inside
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The group `code = "group"` of an inline table's inside.
fn group_of(inside: &str, code: &str) -> Option<String> {
    inside.split(',').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k.trim() == code).then(|| v.trim().trim_matches('"').to_string())
    })
}
