//! Does parse time grow linearly? One process, single thread:
//!
//!     cargo run --release --example scaling [-- --rounds 5 --shape long_line --tree-only]
//!
//! For each shape of benches/common/corpus.rs (a long decision made of varied
//! seed bodies; one long line; one paragraph with a long list; every line a
//! heading) at 1x, 2x and 8x (8x is the named size: 8 MB, a 10 MB line,
//! 100k items, 100k headings), times `lgsco::parse` (tree + entities) and
//! prints the time of 8x over 1x (linear: 8; target: at most 8.8). Sizes are
//! interleaved round by round and each keeps its fastest round.

#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let only = args
        .iter()
        .position(|a| a == "--shape")
        .and_then(|i| args.get(i + 1));
    let options = if args.iter().any(|a| a == "--tree-only") {
        lgsco::Options::tree_only()
    } else {
        lgsco::Options::default()
    };
    let scales = [1usize, 2, 8];
    let mut worst: f64 = 0.0;
    for shape in corpus::shapes::NAMES {
        if only.is_some_and(|o| o != shape) {
            continue;
        }
        let texts: Vec<String> = scales
            .iter()
            .map(|&s| corpus::shapes::build(shape, s))
            .collect();
        let mut best = [f64::MAX; 3];
        for _ in 0..rounds {
            for (b, text) in best.iter_mut().zip(&texts) {
                let t = Instant::now();
                let d = lgsco::parse_with(black_box(text), &options);
                let secs = t.elapsed().as_secs_f64();
                assert!(d.is_ok(), "{shape} parses");
                drop(black_box(d));
                *b = b.min(secs);
            }
        }
        let [t1, t2, t8] = best;
        let ratio = t8 / t1;
        worst = worst.max(ratio);
        println!(
            "{shape:13} 1x {:>6.2} MB {:8.2} ms | 2x {:8.2} ms ({:.2}) | 8x {:>6.2} MB {:8.2} ms ({:.2})  {:6.1} MB/s at 8x",
            texts[0].len() as f64 / 1e6,
            t1 * 1e3,
            t2 * 1e3,
            t2 / t1,
            texts[2].len() as f64 / 1e6,
            t8 * 1e3,
            ratio,
            texts[2].len() as f64 / 1e6 / t8,
        );
    }
    println!("worst_8x_over_1x={worst:.2}");
}
