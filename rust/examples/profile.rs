//! Profile the core on a file:
//! `cargo run --release --example profile -- FILE [tokenize|amounts|both|dates] [THREADS] [REPEAT]`
//! (THREADS 0, the default, is all cores; 1 suits callgrind; REPEAT runs the
//! stage that many times, for perf's sampling, and reports the last run).
//! Documents in FILE are separated by U+001E (record separator).

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: profile FILE [tokenize|amounts|both|dates] [THREADS]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let docs: Vec<&str> = text.split('\u{1e}').collect();
    let stage = args.get(2).map_or("amounts", String::as_str);
    let threads = args.get(3).and_then(|t| t.parse().ok()).unwrap_or(0);
    // Built once per process: not part of what is measured.
    dealscope_core::lexicon::lexicon().expect("lexicon");
    let repeat: usize = args.get(4).and_then(|r| r.parse().ok()).unwrap_or(1).max(1);
    for _ in 1..repeat {
        let _ = run(stage, &docs, threads);
    }
    let start = Instant::now();
    let rows = run(stage, &docs, threads);
    let secs = start.elapsed().as_secs_f64();
    let mb = text.len() as f64 / (1 << 20) as f64;
    println!("{stage}: {rows:?} rows, {secs:.3} s, {:.1} MB/s", mb / secs);
}

/// One run of `stage` over `docs`: its row count.
fn run(stage: &str, docs: &[&str], threads: usize) -> Result<usize, String> {
    match stage {
        "tokenize" => dealscope_core::batch::tokenize_batch(docs, threads).map(|c| c.spans.len()),
        "both" => dealscope_core::batch::tokens_amounts_batch(
            docs,
            &vec![None; docs.len()],
            None,
            threads,
        )
        .map(|(t, a)| t.spans.len() + a.spans.len()),
        "dates" => dealscope_core::batch::dates_batch(
            docs,
            &vec![None; docs.len()],
            None,
            &vec![Some(20_000); docs.len()],
            threads,
        )
        .map(|c| c.spans.len()),
        _ => dealscope_core::batch::amounts_batch(docs, &vec![None; docs.len()], None, threads)
            .map(|c| c.spans.len()),
    }
}
