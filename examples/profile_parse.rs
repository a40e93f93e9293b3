//! One loop at a time, for profilers and `perf stat`:
//!
//!     cargo build --release --example profile_parse
//!     perf stat -e cycles:u,instructions:u target/release/examples/profile_parse --mode full
//!
//! `--mode` is `scan` (the line pass), `tree` (tree only), `full` (tree and
//! entities) or `none` (only build the corpus, to subtract); `--mb`,
//! `--docs` and `--rounds` as in `throughput`. Counting user-space cycles of
//! one mode at a time gives figures that other load on the machine barely
//! moves, unlike the wall-clock times of `throughput`.

#[path = "../benches/common/args.rs"]
mod args;
#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::hint::black_box;

use lgsco::Options;

fn main() {
    let mb = args::number("--mb", 100);
    let min_docs = args::number("--docs", 10_000);
    let rounds = args::number("--rounds", 3);
    let mode = args::value("--mode").unwrap_or_else(|| "full".to_string());
    let (fixtures, _) = args::corpus_fixtures();
    let docs = corpus::corpus_from(&fixtures, min_docs, mb << 20, 0x1960_0000);
    let options = match mode.as_str() {
        "tree" => Options::tree_only(),
        _ => Options::default(),
    };
    for _ in 0..rounds {
        for d in &docs {
            match mode.as_str() {
                "scan" => {
                    black_box(corpus::line_pass(black_box(d)));
                }
                "tree" | "full" => {
                    black_box(lgsco::parse_with(black_box(d), &options).ok());
                }
                _ => {}
            }
        }
    }
}
