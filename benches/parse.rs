//! Criterion benches for the parser (issue 6):
//!
//!     cargo bench --bench parse                # everything
//!     cargo bench --bench parse -- corpus      # one group
//!
//! - `seed/<file>`, `seed_tree_only/<file>`: each real seed, tree + entities
//!   and tree only.
//! - `corpus/{line_pass,tree_only,tree_entities}`: MB/s over >= 10,000 varied
//!   decisions built from the fixtures (benches/common/corpus.rs), next to
//!   the floor: the same bytes through `str::lines()` + `trim_start`.
//! - `scaling/<shape>/<n>x`: 1x, 2x, 8x of a long decision and of the
//!   adversarial shapes (at 8x: one 10 MB line, a 100k-item list, 100k
//!   heading lines), tree + entities.
//!
//! Under `cargo test --all-targets` criterion runs each bench once in test
//! mode; without `--bench` on the command line the corpus and the shapes are
//! cut to a few decisions and kilobytes so that stays quick in debug builds.

#[path = "common/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lgsco::Options;

/// `cargo bench` passes `--bench`; `cargo test` does not.
fn full_size() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn seeds(c: &mut Criterion) {
    let mut g = c.benchmark_group("seed");
    for (name, text) in corpus::seeds() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name.trim_end_matches(".txt"), |b| {
            b.iter(|| lgsco::parse(black_box(&text)).ok())
        });
    }
    g.finish();
    let tree_only = Options::tree_only();
    let mut g = c.benchmark_group("seed_tree_only");
    for (name, text) in corpus::seeds() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name.trim_end_matches(".txt"), |b| {
            b.iter(|| lgsco::parse_with(black_box(&text), &tree_only).ok())
        });
    }
    g.finish();
}

fn corpus_throughput(c: &mut Criterion) {
    let n = if full_size() { 10_000 } else { 20 };
    let docs = corpus::corpus(n, 0, 0xc0_4905);
    let total: usize = docs.iter().map(String::len).sum();
    let tree_only = Options::tree_only();
    let full = Options::default();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("line_pass", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(corpus::line_pass(black_box(d)));
            }
        })
    });
    g.bench_function("tree_only", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(lgsco::parse_with(black_box(d), &tree_only).ok());
            }
        })
    });
    g.bench_function("tree_entities", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(lgsco::parse_with(black_box(d), &full).ok());
            }
        })
    });
    g.finish();
}

fn scaling(c: &mut Criterion) {
    // Test mode: a 1/64 sliver of each shape.
    let scales: &[usize] = if full_size() { &[1, 2, 8] } else { &[1] };
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    for shape in corpus::shapes::NAMES {
        for &scale in scales {
            let text = if full_size() {
                corpus::shapes::build(shape, scale)
            } else {
                corpus::shapes::build_fraction(shape, 64)
            };
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(
                BenchmarkId::new(shape, format!("{scale}x")),
                &text,
                |b, text| b.iter(|| lgsco::parse(black_box(text)).ok()),
            );
        }
    }
    g.finish();
}

criterion_group!(benches, seeds, corpus_throughput, scaling);
criterion_main!(benches);
