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

/// The corpus the timing examples parse: varied from all nine fixtures, or
/// with `--seeds` from the five real decisions only (the four synthetic
/// fixtures are short and dense with entities, an uncommon mix).
pub fn corpus_fixtures() -> Vec<(String, String)> {
    if flag("--seeds") {
        super::corpus::seeds()
    } else {
        super::corpus::fixtures()
    }
}

/// What [`corpus_fixtures`] returns, for the report.
pub fn corpus_name() -> &'static str {
    if flag("--seeds") {
        "the five real decisions"
    } else {
        "the nine fixtures"
    }
}
