//! Replays the fuzzers' minimised corpora (`fuzz/corpus/<target>/`) and their
//! seeds (`fuzz/seeds/`, `tests/fixtures/`) through the same checks the fuzz
//! targets assert (`lgsco::robustness`), as a normal test: no nightly, no
//! cargo-fuzz. A crash or broken promise the fuzzers once found stays fixed.

use std::path::{Path, PathBuf};

type Check = fn(&[u8]) -> Result<(), String>;

const TARGETS: &[(&str, Check)] = &[
    ("parser", lgsco::robustness::check_parser),
    ("entities", lgsco::robustness::check_entities),
    ("json_roundtrip", lgsco::robustness::check_json_roundtrip),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

fn replay(check: Check, target: &str, paths: &[PathBuf]) {
    let mut failures = Vec::new();
    for p in paths {
        let data = std::fs::read(p).unwrap();
        if let Err(e) = check(&data) {
            failures.push(format!("{target} {}: {e}", p.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_corpus_entry_keeps_every_promise() {
    let mut total = 0;
    for (target, check) in TARGETS {
        let dir = root().join("fuzz/corpus").join(target);
        let paths = files(&dir);
        // The corpus is committed; an empty or missing one is a mistake.
        assert!(
            paths.len() >= 10,
            "{}: only {} entries",
            dir.display(),
            paths.len()
        );
        replay(*check, target, &paths);
        total += paths.len();
    }
    eprintln!("replayed {total} corpus entries");
}

#[test]
fn seeds_keep_every_promise_under_every_target() {
    let mut paths = files(&root().join("fuzz/seeds"));
    paths.extend(
        files(&root().join("tests/fixtures"))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt")),
    );
    assert!(paths.len() >= 20, "only {} seeds", paths.len());
    for (target, check) in TARGETS {
        replay(*check, target, &paths);
    }
}

/// The checks can fail: a tree that lies about its input is caught.
#[test]
fn the_checks_catch_a_lying_tree() {
    let input =
        std::fs::read_to_string(root().join("tests/fixtures/002_adaa2937e2b90f86.txt")).unwrap();
    let d = lgsco::parse(&input).unwrap();
    lgsco::robustness::check_tree(&d, &input).unwrap();

    let mut shifted = d.clone();
    shifted.sections[0].span.end = input.len() + 1;
    assert!(lgsco::robustness::check_tree(&shifted, &input).is_err());

    let mut wrong_line = d.clone();
    wrong_line.diagnostics.push(lgsco::Diagnostic::info(
        "test",
        "a diagnostic on the wrong line",
        lgsco::Span::new(0, 1, 2),
    ));
    let err = lgsco::robustness::check_tree(&wrong_line, &input).unwrap_err();
    assert!(err.contains("line"), "{err}");

    let mut wrong_paragraph = d.clone();
    if let Some(e) = wrong_paragraph.entities.first_mut() {
        e.paragraph = Some(10_000);
        assert!(lgsco::robustness::check_tree(&wrong_paragraph, &input).is_err());
    }

    // Mid-char span: '£' is two bytes.
    let pound =
        "West Sussex County Council (19 011 114)\n\nThe complaint\n\n  1. Ms X paid £300.\n";
    let mut mid = lgsco::parse(pound).unwrap();
    let at = pound.find('£').unwrap() + 1;
    mid.diagnostics.push(lgsco::Diagnostic::info(
        "test",
        "mid-char",
        lgsco::Span::new(at, at + 1, 5),
    ));
    assert!(lgsco::robustness::check_tree(&mid, pound).is_err());
}
