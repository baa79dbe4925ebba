//! Criterion benchmarks of the core's hot functions on the five seed articles
//! (`cargo bench`; about a minute in all). One thread, so the figures are per core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dealscope_core::batch;

const SEEDS: [&str; 5] = [
    include_str!("../../seeds/000_4d7b4b82d354965b.txt"),
    include_str!("../../seeds/001_8590edb0e68dda45.txt"),
    include_str!("../../seeds/002_8237c0f66678d26f.txt"),
    include_str!("../../seeds/003_cbdb8674c3eeb27c.txt"),
    include_str!("../../seeds/004_c9a360c8c91d05ac.txt"),
];

fn core(c: &mut Criterion) {
    let texts: Vec<&str> = SEEDS.to_vec();
    let langs = vec![None; texts.len()];
    let refs = vec![Some(20_000); texts.len()]; // 2024-10-04
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    // The lexicon and the name automaton are built once per process: not what is timed.
    batch::tokenize_batch(&texts, 1).expect("lexicon");
    batch::names_batch(&texts, 1).expect("names");

    let mut group = c.benchmark_group("seeds");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(30);
    group.warm_up_time(std::time::Duration::from_millis(500));
    group.measurement_time(std::time::Duration::from_secs(3));
    group.bench_function("tokenize", |b| b.iter(|| batch::tokenize_batch(&texts, 1)));
    group.bench_function("detect_languages", |b| {
        b.iter(|| batch::detect_batch(&texts, 1))
    });
    group.bench_function("parse_amounts", |b| {
        b.iter(|| batch::amounts_batch(&texts, &langs, None, 1))
    });
    group.bench_function("tokenize + parse_amounts", |b| {
        b.iter(|| batch::tokens_amounts_batch(&texts, &langs, None, 1))
    });
    group.bench_function("parse_dates", |b| {
        b.iter(|| batch::dates_batch(&texts, &langs, None, &refs, 1))
    });
    group.bench_function("find_names", |b| b.iter(|| batch::names_batch(&texts, 1)));
    group.finish();
}

criterion_group!(benches, core);
criterion_main!(benches);
