//! Command-line options of the examples that time the parser
//! (`examples/throughput.rs`, `examples/entity_cost.rs`,
//! `examples/profile_parse.rs`), included through `#[path]`.

#![allow(dead_code)]

/// The word after `name` on the command line, if `name` is there.
pub fn value(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
}

/// The number after `name`, or `default` when it is missing or no number.
pub fn number(name: &str, default: usize) -> usize {
    value(name).and_then(|v| v.parse().ok()).unwrap_or(default)
}
