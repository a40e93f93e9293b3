//! Fuzz target `entities`: tree and entities: every invariant, entities leave the tree unchanged.
//! The checks are `lgsco::robustness::check_entities`, which
//! `core/tests/fuzz_corpus.rs` replays over the committed corpus.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = lgsco::robustness::check_entities(data) {
        panic!(
            "{broken}\n--- input ---\n{}",
            lgsco::robustness::input_of(data)
        );
    }
});
