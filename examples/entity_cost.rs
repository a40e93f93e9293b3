//! Where the cost of entities goes (issue 3's check: extraction at most as
//! much again as the tree):
//!
//!     cargo run --release --example entity_cost [-- --seeds]
//!
//! `throughput` gives `entities_add`, (full parse - tree-only parse) / tree-only
//! parse, over the whole corpus. This splits the same difference by timing
//! each step of every decision on its own (over the same generated corpus,
//! at least 100 MB, single thread, fastest of the rounds):
//!
//! - the tree-only loop: `parse_with(Options::tree_only())` of each decision,
//!   then dropping it;
//! - the full loop, step by step: the same tree-only parse, then
//!   `entities::extract` on it, then dropping the decision.
//!
//! The full loop's three steps add up to what `throughput` times as the full
//! parse; against the tree-only loop, the extra is:
//!
//! - `extract`: the entity scanners and the whole-decision passes;
//! - `drop`: freeing the entities and findings;
//! - `tree slowdown`: the same tree-only parse, slower when each decision's
//!   extraction runs between two parses (the scanners' tables and the
//!   decision's entities take cache and allocator room the next parse had).
//!
//! Then the same question for each fixture on its own (`tests/fixtures`:
//! the five real decisions and the four synthetic layouts), each parsed
//! again and again with its text hot in cache: tree only, the extraction
//! call alone (on a tree parsed just before it, untimed), then the full
//! parse, in turns, fastest of the rounds; summed for the five real
//! decisions and for all nine. Decisions differ: one with many dates and
//! names costs more to read than one that is mostly prose.
//!
//! The last line is `entities_add=` as `throughput` defines it, from the
//! corpus sums.

#[path = "../benches/common/args.rs"]
mod args;
#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::{Duration, Instant};

use lgsco::Options;

/// The times of one round, summed over the corpus.
#[derive(Clone, Copy)]
struct Round {
    tree_only: Duration,
    tree_only_drop: Duration,
    tree: Duration,
    extract: Duration,
    drop: Duration,
}

fn round(docs: &[String]) -> Round {
    let tree_only = Options::tree_only();
    let mut r = Round {
        tree_only: Duration::ZERO,
        tree_only_drop: Duration::ZERO,
        tree: Duration::ZERO,
        extract: Duration::ZERO,
        drop: Duration::ZERO,
    };
    for d in docs {
        let t0 = Instant::now();
        let decision = lgsco::parse_with(black_box(d), &tree_only).ok();
        let t1 = Instant::now();
        drop(black_box(decision));
        r.tree_only += t1 - t0;
        r.tree_only_drop += t1.elapsed();
    }
    for d in docs {
        let t0 = Instant::now();
        let mut decision = lgsco::parse_with(black_box(d), &tree_only).ok();
        let t1 = Instant::now();
        if let Some(decision) = decision.as_mut() {
            lgsco::entities::extract(decision, d);
        }
        let t2 = Instant::now();
        drop(black_box(decision));
        r.tree += t1 - t0;
        r.extract += t2 - t1;
        r.drop += t2.elapsed();
    }
    r
}

fn main() {
    let mb = args::number("--mb", 100);
    let min_docs = args::number("--docs", 10_000);
    let rounds = args::number("--rounds", 5).max(1);
    let (fixtures, corpus_name) = args::corpus_fixtures();
    let docs = corpus::corpus_from(&fixtures, min_docs, mb << 20, 0x1960_0000);
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "corpus: {} decisions, {:.1} MB, from {}",
        docs.len(),
        bytes as f64 / 1e6,
        corpus_name,
    );
    let mut best: Option<Round> = None;
    for _ in 0..rounds {
        let r = round(&docs);
        let total = |r: &Round| r.tree + r.extract + r.drop;
        best = match best {
            Some(b) if total(&b) <= total(&r) => Some(b),
            _ => Some(r),
        };
    }
    let Some(b) = best else { return };
    let s = |d: Duration| d.as_secs_f64();
    let base = s(b.tree_only) + s(b.tree_only_drop);
    let pct = |d: f64| d / base * 100.0;
    let slowdown = s(b.tree) - s(b.tree_only);
    let drop_extra = s(b.drop) - s(b.tree_only_drop);
    println!("fastest of {rounds} rounds, single thread, seconds over the corpus:");
    println!(
        "  tree-only loop:  parse {:.3} + drop {:.3} = {:.3}",
        s(b.tree_only),
        s(b.tree_only_drop),
        base
    );
    println!(
        "  full loop:       parse {:.3} + extract {:.3} + drop {:.3} = {:.3}",
        s(b.tree),
        s(b.extract),
        s(b.drop),
        s(b.tree) + s(b.extract) + s(b.drop)
    );
    println!("  what entities add, as a share of the tree-only loop:");
    println!("    extract        {:5.1}%", pct(s(b.extract)));
    println!("    drop           {:5.1}%", pct(drop_extra));
    println!("    tree slowdown  {:5.1}%", pct(slowdown));
    per_fixture(rounds);
    println!(
        "entities_add={:.0}%",
        pct(s(b.extract) + drop_extra + slowdown)
    );
}

/// Tree-only and full parse times of each fixture, the extraction call
/// alone (on a tree parsed just before it, untimed), and what entities add.
fn per_fixture(rounds: usize) {
    println!("each fixture alone, hot in cache (microseconds per parse):");
    let (tree_only, full) = (Options::tree_only(), Options::default());
    // Tree, extraction call, full parse: the five real decisions, then all nine.
    let (mut real, mut all) = ([0.0f64; 3], [0.0f64; 3]);
    for (name, text) in corpus::fixtures() {
        // About 20 ms of parsing per timing.
        let n = (20_000_000 / text.len().max(1)).clamp(100, 20_000);
        let time = |options: &Options| {
            let t = Instant::now();
            for _ in 0..n {
                black_box(lgsco::parse_with(black_box(&text), options).ok());
            }
            t.elapsed().as_secs_f64() / n as f64 * 1e6
        };
        let extract = || {
            let mut spent = Duration::ZERO;
            for _ in 0..n {
                let mut decision = lgsco::parse_with(black_box(&text), &tree_only).ok();
                let t = Instant::now();
                if let Some(d) = decision.as_mut() {
                    lgsco::entities::extract(black_box(d), &text);
                }
                spent += t.elapsed();
                drop(black_box(decision));
            }
            spent.as_secs_f64() / n as f64 * 1e6
        };
        let (mut tree, mut call, mut with) = (f64::MAX, f64::MAX, f64::MAX);
        for _ in 0..rounds {
            tree = tree.min(time(&tree_only));
            call = call.min(extract());
            with = with.min(time(&full));
        }
        println!(
            "  {name:32} {:6} bytes  tree {tree:6.1}  extract {call:6.1} ({:4.0}%)  full {with:6.1}  entities add {:4.0}%",
            text.len(),
            call / tree * 100.0,
            (with - tree) / tree * 100.0
        );
        for (sum, x) in all.iter_mut().zip([tree, call, with]) {
            *sum += x;
        }
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            for (sum, x) in real.iter_mut().zip([tree, call, with]) {
                *sum += x;
            }
        }
    }
    for (which, [tree, call, with]) in [
        ("the five real decisions", real),
        ("all nine fixtures", all),
    ] {
        println!(
            "  {which} together: extraction {:.0}% of the tree, entities add {:.0}%",
            call / tree * 100.0,
            (with - tree) / tree * 100.0
        );
    }
}
