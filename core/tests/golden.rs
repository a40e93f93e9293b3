//! Golden JSON: the whole output for every fixture, compared exactly.
//! The files in `tests/golden/` were reviewed against the fixture texts;
//! `LGSCO_BLESS=1 cargo test -p lgsco --test golden` rewrites them (review
//! the diff by reading the seed before committing).

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_fixture_matches_its_golden_json() {
    let bless = std::env::var_os("LGSCO_BLESS").is_some();
    let mut failures = Vec::new();
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let decision = lgsco::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let actual = serde_json::to_value(&decision).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let golden = root().join("tests/golden").join(format!("{stem}.json"));
        if bless {
            std::fs::write(
                &golden,
                serde_json::to_string_pretty(&actual).unwrap() + "\n",
            )
            .unwrap();
            continue;
        }
        let expected: serde_json::Value = match std::fs::read_to_string(&golden) {
            Ok(s) => serde_json::from_str(&s).unwrap(),
            Err(_) => {
                failures.push(format!("{stem}: no golden file {}", golden.display()));
                continue;
            }
        };
        if expected != actual {
            failures.push(format!("{stem}: output differs from {}", golden.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn json_round_trips() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let decision = lgsco::parse(&text).unwrap();
        let json = serde_json::to_string(&decision).unwrap();
        let back: lgsco::Decision = serde_json::from_str(&json).unwrap();
        assert_eq!(back, decision, "{}", path.display());
    }
}
