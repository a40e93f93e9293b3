//! Fuzz target `json_roundtrip`: serialize, deserialize, same tree, same JSON.
//! The checks are `lgsco::robustness::check_json_roundtrip`, which
//! `core/tests/fuzz_corpus.rs` replays over the committed corpus.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = lgsco::robustness::check_json_roundtrip(data) {
        panic!(
            "{broken}\n--- input ---\n{}",
            lgsco::robustness::input_of(data)
        );
    }
});
