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

/// Is `name` on the command line?
pub fn flag(name: &str) -> bool {
    std::env::args().any(|a| a == name)
}

/// The fixtures the timing examples vary their corpus from, and what they
/// are for the report: all nine, or with `--seeds` the five real decisions
/// only (the four synthetic fixtures are short and dense with entities, an
/// uncommon mix).
pub fn corpus_fixtures() -> (Vec<(String, String)>, &'static str) {
    if flag("--seeds") {
        (super::corpus::seeds(), "the five real decisions")
    } else {
        (super::corpus::fixtures(), "the nine fixtures")
    }
}
