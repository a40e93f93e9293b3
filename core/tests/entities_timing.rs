//! Timing of entity extraction against the tree-only parse and a bare line
//! scan. Only meaningful in release:
//!
//! `cargo test -p lgsco --release --test entities_timing -- --ignored --nocapture`
//!
//! Budget (issue 3): entities add at most 100% to the tree-only parse
//! (`parse_with(Options::default())` against `parse_with(Options::tree_only())`,
//! dropping the result included), and the full parse stays within 12x of
//! `str::lines()` + `trim_start` over the same bytes.
//!
//! The three workloads are timed in interleaved rounds over all fixtures and
//! each keeps its fastest round: on a shared machine other load only ever
//! adds time, so the minimum is the stable figure.

use std::hint::black_box;
use std::time::{Duration, Instant};

fn fixtures() -> Vec<(String, String)> {
    let dir = format!("{}/../tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    v.sort();
    v
}

fn lines_pass(s: &str) -> usize {
    let mut n = 0;
    for l in s.lines() {
        n += l.trim_start().len();
    }
    n
}

/// Time of `iters` runs of `f`.
fn batch(iters: u32, mut f: impl FnMut()) -> Duration {
    let t = Instant::now();
    for _ in 0..iters {
        f();
    }
    t.elapsed() / iters
}

#[test]
#[ignore = "timing: run in release with --ignored --nocapture"]
fn entity_extraction_stays_within_budget() {
    let tree_only = lgsco::Options::tree_only();
    let full = lgsco::Options::default();
    let rows = fixtures();
    let lines = |t: &str| {
        black_box(lines_pass(black_box(t)));
    };
    let tree = |t: &str| {
        black_box(lgsco::parse_with(black_box(t), &tree_only).ok());
    };
    let whole = |t: &str| {
        black_box(lgsco::parse_with(black_box(t), &full).ok());
    };
    println!(
        "{:<28} {:>6} {:>9} {:>9} {:>9} {:>8} {:>9}",
        "fixture", "bytes", "lines µs", "tree µs", "full µs", "ent/tree", "full/lines"
    );
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let (mut sum_lines, mut sum_tree, mut sum_full) = (0.0, 0.0, 0.0);
    // The five real decisions (`000_...` to `004_...`) apart from the
    // synthetic layouts, for the report.
    let (mut seeds_tree, mut seeds_full) = (0.0, 0.0);
    for (name, text) in &rows {
        // Enough iterations for a batch of a few milliseconds.
        let probe = batch(3, || whole(text)).max(Duration::from_micros(1));
        let iters = u32::try_from((3_000_000 / probe.as_nanos()).clamp(5, 20_000)).unwrap_or(5);
        let (mut l, mut t, mut w) = (Duration::MAX, Duration::MAX, Duration::MAX);
        for _ in 0..15 {
            l = l.min(batch(iters * 20, || lines(text)));
            t = t.min(batch(iters, || tree(text)));
            w = w.min(batch(iters, || whole(text)));
        }
        println!(
            "{:<28} {:>6} {:>9.1} {:>9.1} {:>9.1} {:>7.0}% {:>8.1}x",
            name,
            text.len(),
            us(l),
            us(t),
            us(w),
            100.0 * (us(w) - us(t)) / us(t),
            us(w) / us(l)
        );
        sum_lines += us(l);
        sum_tree += us(t);
        sum_full += us(w);
        if name.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            seeds_tree += us(t);
            seeds_full += us(w);
        }
    }
    println!(
        "the five real decisions: entities add {:.0}% to the tree parse",
        100.0 * (seeds_full - seeds_tree) / seeds_tree
    );
    let extra = (sum_full - sum_tree) / sum_tree;
    let ratio = sum_full / sum_lines;
    println!(
        "all fixtures: entities add {:.0}% to the tree parse (budget 100%); \
         full parse is {:.1}x the line scan (budget 12x)",
        100.0 * extra,
        ratio
    );
    assert!(
        extra <= 1.0,
        "entities add {:.0}% (budget 100%)",
        100.0 * extra
    );
}

/// A fixed workload for instruction counts, which load on the machine does
/// not disturb. Compare `tree` and `full` (minus `none`) under callgrind:
///
/// `LGSCO_WORKLOAD=full valgrind --tool=callgrind --callgrind-out-file=/dev/null \
///  target/release/deps/entities_timing-* workload --ignored --exact`
#[test]
#[ignore = "workload for valgrind: set LGSCO_WORKLOAD=none|tree|full"]
fn workload() {
    let mode = std::env::var("LGSCO_WORKLOAD").unwrap_or_else(|_| "full".into());
    let options = match mode.as_str() {
        "tree" => Some(lgsco::Options::tree_only()),
        "full" => Some(lgsco::Options::default()),
        _ => None,
    };
    let rows = fixtures();
    let mut n = 0usize;
    for _ in 0..5 {
        for (_, text) in &rows {
            if let Some(o) = &options {
                n += lgsco::parse_with(black_box(text), o).map_or(0, |d| d.entities.len());
            }
        }
    }
    black_box(n);
}
