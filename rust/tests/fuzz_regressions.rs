//! Replays the kept fuzz corpus (`tests/corpus/fuzz/<target>/`, chosen by
//! `cargo fuzz cmin` for coverage) through the target each file was found by
//! and through every function, with the fuzz targets' invariant checks.
//! `FUZZ_CORPUS=rust/fuzz/corpus cargo test --test fuzz_regressions` replays
//! the whole raw corpus instead (after a change to the invariants).

mod invariants;

use std::path::PathBuf;

const TARGETS: [&str; 5] = ["tokenize", "amounts", "dates", "names", "all"];

fn files(target: &str) -> Vec<PathBuf> {
    // FUZZ_CORPUS=rust/fuzz/corpus replays a whole fuzzing corpus instead.
    let root = std::env::var("FUZZ_CORPUS").unwrap_or_else(|_| "tests/corpus/fuzz".into());
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(root)
        .join(target);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    found.sort();
    found
}

#[test]
fn every_kept_input_keeps_the_invariants() {
    let mut count = 0;
    for target in TARGETS {
        for path in files(target) {
            let data = std::fs::read(&path).expect("corpus file reads");
            let name = path.display().to_string();
            let input = invariants::decode(target, &data);
            // The target it came from, then every function on the same text.
            let caught = std::panic::catch_unwind(|| {
                invariants::run_target(target, &data);
                invariants::run_all(&input.text, input.lang, input.reference);
            });
            assert!(caught.is_ok(), "{name}");
            count += 1;
        }
    }
    assert!(count > 0, "no kept fuzz inputs found");
}

#[test]
fn civil_dates_round_trip() {
    use dealscope_core::dates::days_from_civil;
    for (y, m, d) in [
        (1970, 1, 1),
        (1, 1, 1),
        (9999, 12, 31),
        (2024, 2, 29),
        (2000, 3, 1),
    ] {
        let days = days_from_civil(y, m, d) as i32;
        assert_eq!(invariants::civil(days), (y, m, d));
    }
    assert_eq!(invariants::civil(invariants::MIN_DAYS), (1, 1, 1));
    assert_eq!(invariants::civil(invariants::MAX_DAYS), (9999, 12, 31));
}

#[test]
fn the_checks_catch_a_bad_span() {
    let text = "a€b";
    // `€` is bytes 1..4, code point 1..2.
    invariants::check_spans(text, [(1, 2, 1, 4)], "ok");
    for bad in [(1, 2, 1, 3), (1, 3, 1, 4), (1, 2, 4, 1), (1, 2, 1, 9)] {
        let caught = std::panic::catch_unwind(|| invariants::check_spans(text, [bad], "bad"));
        assert!(caught.is_err(), "{bad:?} passed");
    }
    let overlapping = std::panic::catch_unwind(|| {
        invariants::check_spans(text, [(0, 2, 0, 4), (1, 3, 1, 5)], "bad")
    });
    assert!(overlapping.is_err());
}

/// Found by replaying fuzz inputs through both engines: the Rust batch read an
/// empty language code as a language (`.` as decimal mark) where the Python
/// engine detects the language, so `1.500 mld zł` was 1.5e9 in one and 1.5e12
/// in the other. An empty code now asks for detection in both.
#[test]
fn an_empty_language_code_means_detect() {
    use dealscope_core::batch::{amounts_batch, dates_batch};
    let text = "Inwestycja warta 1.500 mld zł, ogłoszona w marcu.";
    let empty = amounts_batch(&[text], &[Some("")], None, 1).unwrap();
    let detected = amounts_batch(&[text], &[None], None, 1).unwrap();
    assert_eq!(empty.value, detected.value);
    assert_eq!(detected.value, [1.5e12]);
    let empty = dates_batch(&[text], &[Some("")], None, &[Some(20_000)], 1).unwrap();
    let detected = dates_batch(&[text], &[None], None, &[Some(20_000)], 1).unwrap();
    assert_eq!(
        (empty.spans.start, empty.date),
        (detected.spans.start, detected.date)
    );
}
