//! Fuzz target `parser`: the tree (no entities): errors say where, every invariant, every span.
//! The checks are `lgsco::robustness::check_parser`, which
//! `core/tests/fuzz_corpus.rs` replays over the committed corpus.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = lgsco::robustness::check_parser(data) {
        panic!(
            "{broken}\n--- input ---\n{}",
            lgsco::robustness::input_of(data)
        );
    }
});
