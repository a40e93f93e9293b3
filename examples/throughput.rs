//! Throughput against the floor, in one process, on one thread:
//!
//!     cargo run --release --example throughput [-- --mb 100 --docs 10000 --rounds 5 --seeds]
//!
//! Generates at least 100 MB of varied decisions (benches/common/corpus.rs,
//! deterministic; from the nine fixtures, or with `--seeds` from the five
//! real decisions only), then times over the same corpus: a bare line pass
//! (`str::lines()` + `trim_start`, the least any line grammar must do), the
//! tree-only parse (`Options::tree_only()`), and the parse with entities.
//! The three are interleaved round by round and each keeps its fastest round,
//! so load from other processes on a shared machine skews them alike. The
//! last line is `ratio_vs_scan=<full parse time / line-pass time>`.

#[path = "../benches/common/args.rs"]
mod args;
#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::{Duration, Instant};

use lgsco::Options;

fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

fn main() {
    let mb = args::number("--mb", 100);
    let min_docs = args::number("--docs", 10_000);
    let rounds = args::number("--rounds", 5).max(1);
    let t = Instant::now();
    let (fixtures, corpus_name) = args::corpus_fixtures();
    let docs = corpus::corpus_from(&fixtures, min_docs, mb << 20, 0x1960_0000);
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "corpus: {} decisions, {:.1} MB, from {} (generated in {:.1} s)",
        docs.len(),
        bytes as f64 / 1e6,
        corpus_name,
        t.elapsed().as_secs_f64()
    );

    let tree_only = Options::tree_only();
    let full = Options::default();
    // Every document must parse: the figures are for real work.
    let failures = docs
        .iter()
        .filter(|d| lgsco::parse_with(d, &tree_only).is_err())
        .count();
    assert_eq!(failures, 0, "corpus documents that fail to parse");

    let mut best = [Duration::MAX; 3];
    for round in 1..=rounds {
        let scan = time(|| {
            for d in &docs {
                black_box(corpus::line_pass(black_box(d)));
            }
        });
        let tree = time(|| {
            for d in &docs {
                black_box(lgsco::parse_with(black_box(d), &tree_only).ok());
            }
        });
        let with_entities = time(|| {
            for d in &docs {
                black_box(lgsco::parse_with(black_box(d), &full).ok());
            }
        });
        for (b, t) in best.iter_mut().zip([scan, tree, with_entities]) {
            *b = (*b).min(t);
        }
        println!(
            "round {round}: line pass {:.3} s, tree only {:.3} s, tree + entities {:.3} s",
            scan.as_secs_f64(),
            tree.as_secs_f64(),
            with_entities.as_secs_f64()
        );
    }

    let mbps = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    let [scan, tree, with_entities] = best;
    println!("fastest of {rounds} rounds, single thread:");
    println!(
        "  line pass        {:8.1} MB/s  ({:.3} s)",
        mbps(scan),
        scan.as_secs_f64()
    );
    println!(
        "  tree only        {:8.1} MB/s  ({:.3} s)",
        mbps(tree),
        tree.as_secs_f64()
    );
    println!(
        "  tree + entities  {:8.1} MB/s  ({:.3} s)",
        mbps(with_entities),
        with_entities.as_secs_f64()
    );
    println!(
        "  per decision: tree only {:.1} us, tree + entities {:.1} us",
        tree.as_secs_f64() * 1e6 / docs.len() as f64,
        with_entities.as_secs_f64() * 1e6 / docs.len() as f64
    );
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    println!("tree_only_vs_scan={:.2}", ratio(tree, scan));
    println!(
        "entities_add={:.0}%",
        (ratio(with_entities, tree) - 1.0) * 100.0
    );
    println!("ratio_vs_scan={:.2}", ratio(with_entities, scan));
}
