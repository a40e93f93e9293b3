//! The JSON Schema, checked with a real validator (the `jsonschema` crate,
//! draft 2020-12): the schema `lgsco schema` prints, the committed copy and
//! the one core generates all accept every golden file, the JSON of every
//! fixture and corpus file (as the library and as the command print it), and
//! the JSON of damaged variants of them (cut short, lines dropped), and they
//! reject JSON that breaks the tree's shape.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The fixtures and, where it is beside the repository, the shared corpus.
fn corpus() -> Vec<PathBuf> {
    let mut files = txt_files(&root().join("tests/fixtures"));
    for sub in ["seeds", "synthetic"] {
        files.extend(txt_files(&root().join("../shared/corpus").join(sub)));
    }
    assert!(files.len() >= 9, "fixtures missing: {files:?}");
    files
}

fn lgsco() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lgsco"))
}

fn printed_schema() -> Value {
    let out = lgsco().arg("schema").output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn validator(schema: &Value) -> jsonschema::Validator {
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "expected a draft 2020-12 schema"
    );
    jsonschema::validator_for(schema).unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

fn check(v: &jsonschema::Validator, instance: &Value, what: &str, failures: &mut Vec<String>) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    if !errors.is_empty() {
        failures.push(format!("{what}:\n  {}", errors.join("\n  ")));
    }
}

#[test]
fn printed_committed_and_generated_schemas_are_one() {
    let printed = printed_schema();
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/decision.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(printed, committed);
    assert_eq!(printed, lgsco::schema::json_schema());
}

#[test]
fn golden_files_validate() {
    let v = validator(&printed_schema());
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(root().join("tests/golden")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let json: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            check(&v, &json, &path.display().to_string(), &mut failures);
            n += 1;
        }
    }
    assert!(n >= 9, "only {n} golden files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_corpus_output_validates() {
    let v = validator(&printed_schema());
    let mut failures = Vec::new();
    for path in corpus() {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        for (options, what) in [
            (lgsco::Options::default(), "entities"),
            (lgsco::Options::tree_only(), "tree only"),
        ] {
            let d = lgsco::parse_with(&text, &options).unwrap();
            check(
                &v,
                &serde_json::to_value(&d).unwrap(),
                &format!("{name} ({what})"),
                &mut failures,
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn what_the_command_prints_validates() {
    let v = validator(&printed_schema());
    let mut failures = Vec::new();
    // One file: the decision itself, pretty.
    for path in corpus() {
        let out = lgsco().arg("parse").arg(&path).output().unwrap();
        assert!(out.status.success(), "{}", path.display());
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        check(&v, &json, &path.display().to_string(), &mut failures);
    }
    // A directory as JSON Lines: each line is a decision plus "path".
    let out = lgsco()
        .args(["parse", "--jsonl"])
        .arg(root().join("tests/fixtures"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut lines = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let mut json: Value = serde_json::from_str(line).unwrap();
        let path = json
            .as_object_mut()
            .and_then(|o| o.remove("path"))
            .expect("a path key");
        check(&v, &json, &format!("jsonl {path}"), &mut failures);
        lines += 1;
    }
    assert_eq!(lines, txt_files(&root().join("tests/fixtures")).len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn damaged_variants_validate() {
    // Cut short at many places, and with every third line dropped: the
    // diagnostics, nulls and partial trees these give must fit the schema too.
    let v = validator(&printed_schema());
    let mut failures = Vec::new();
    let mut parsed = 0;
    for path in txt_files(&root().join("tests/fixtures")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut variants: Vec<String> = Vec::new();
        let step = (text.len() / 40).max(1);
        let mut cut = step;
        while cut < text.len() {
            let mut at = cut;
            while !text.is_char_boundary(at) {
                at += 1;
            }
            variants.push(text[..at].to_string());
            cut += step;
        }
        variants.push(
            text.lines()
                .enumerate()
                .filter(|(i, _)| i % 3 != 2)
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
                .join("\n"),
        );
        for (k, t) in variants.iter().enumerate() {
            if let Ok(d) = lgsco::parse(t) {
                parsed += 1;
                check(
                    &v,
                    &serde_json::to_value(&d).unwrap(),
                    &format!("{} variant {k}", path.display()),
                    &mut failures,
                );
            }
        }
    }
    assert!(parsed > 100, "only {parsed} variants parsed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_schema_rejects_wrong_shapes() {
    let v = validator(&printed_schema());
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/001_b4fdc07b486f5ef2.txt")).unwrap();
    let good = serde_json::to_value(lgsco::parse(&text).unwrap()).unwrap();
    assert!(v.is_valid(&good));

    let mut bad_layout = good.clone();
    bad_layout["layout"] = Value::from("sideways");
    assert!(!v.is_valid(&bad_layout));

    let mut no_sections = good.clone();
    no_sections.as_object_mut().unwrap().remove("sections");
    assert!(!v.is_valid(&no_sections));

    let mut negative_span = good.clone();
    negative_span["span"]["start"] = Value::from(-1);
    assert!(!v.is_valid(&negative_span));

    let mut bad_entity = good;
    bad_entity["entities"][0]["kind"] = Value::from("unicorn");
    assert!(!v.is_valid(&bad_entity));
}
