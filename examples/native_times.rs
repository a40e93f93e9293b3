//! Native parse times for the bindings benches to compare against:
//!
//!     cargo run --release --example native_times -- --seeds
//!     cargo run --release --example native_times -- --corpus 2000 --dump /tmp/corpus.json
//!
//! `--seeds` prints one JSON line per real seed: its size and the time of one
//! `lgsco::parse` (tree + entities), of a tree-only parse and of a parse
//! followed by `serde_json::to_string` (what the wasm binding sends), in
//! microseconds (the fastest of several batches, per call).
//! `--corpus N` builds N varied decisions (benches/common/corpus.rs), times
//! parsing all of them one after the other (fastest of several rounds) and
//! prints one JSON line; `--dump PATH` also writes the texts as a JSON array
//! so the Python and Node benches parse exactly the same bytes.

#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Instant;

use lgsco::Options;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == name)?;
    Some(args.get(i + 1).cloned().unwrap_or_default())
}

/// Microseconds per call of `f`: the fastest mean over `rounds` batches.
fn per_call_us(rounds: usize, batch: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e6 / batch as f64);
    }
    best
}

fn main() {
    let tree_only = Options::tree_only();
    if std::env::args().any(|a| a == "--seeds") {
        for (name, text) in corpus::seeds() {
            let full = per_call_us(15, 200, || {
                black_box(lgsco::parse(black_box(&text)).ok());
            });
            let tree = per_call_us(15, 200, || {
                black_box(lgsco::parse_with(black_box(&text), &tree_only).ok());
            });
            // What the bindings hand over: the tree as JSON text.
            let json = per_call_us(15, 200, || {
                let d = lgsco::parse(black_box(&text)).ok();
                black_box(d.and_then(|d| serde_json::to_string(&d).ok()));
            });
            println!(
                "{}",
                serde_json::json!({
                    "seed": name,
                    "bytes": text.len(),
                    "parse_us": (full * 100.0).round() / 100.0,
                    "tree_only_us": (tree * 100.0).round() / 100.0,
                    "parse_to_json_us": (json * 100.0).round() / 100.0,
                })
            );
        }
    }
    if let Some(n) = arg("--corpus") {
        let n: usize = n.parse().unwrap_or(2000);
        let docs = corpus::corpus(n, 0, 0x0b1d_1265);
        if let Some(path) = arg("--dump") {
            let json = serde_json::to_string(&docs).expect("texts as JSON");
            std::fs::write(&path, json).expect("write the corpus");
        }
        let bytes: usize = docs.iter().map(String::len).sum();
        let mut best = f64::MAX;
        for _ in 0..7 {
            let t = Instant::now();
            for d in &docs {
                black_box(lgsco::parse(black_box(d)).ok());
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{}",
            serde_json::json!({
                "docs": docs.len(),
                "bytes": bytes,
                "total_ms": (best * 1e5).round() / 100.0,
                "per_doc_us": (best * 1e6 / docs.len() as f64 * 100.0).round() / 100.0,
            })
        );
    }
}
