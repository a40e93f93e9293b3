//! End-to-end tests of the `lgsco` binary.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SEED_000: &str = "000_de584f88dbd5934b.txt";
const SEED_001: &str = "001_b4fdc07b486f5ef2.txt";
const SEED_004: &str = "004_76401227f9adc303.txt";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

fn lgsco() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lgsco"))
}

/// Runs `lgsco ARGS` with `stdin` as standard input.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = lgsco()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lgsco starts");
    let mut input = child.stdin.take().unwrap();
    // Ignore errors: lgsco may not read standard input at all.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("lgsco runs")
}

fn run_paths(args: &[&str], paths: &[&Path]) -> Output {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend(paths.iter().map(|p| p.to_string_lossy().into_owned()));
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    run(&refs, b"")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn assert_no_panic(out: &Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert!(!err.contains("RUST_BACKTRACE"), "stderr: {err}");
}

fn assert_seed_000_header(decision: &Value) {
    let h = &decision["header"];
    assert_eq!(h["authority"], "West Sussex County Council");
    assert_eq!(h["reference"], "19 011 114");
    assert_eq!(h["reference_id"], "19-011-114");
    assert_eq!(h["category"]["area"], "Children's care services");
    assert_eq!(h["category"]["subcategory"], "Fostering");
    assert_eq!(h["outcome"], "Upheld");
    assert_eq!(h["outcome_kind"], "upheld");
    assert_eq!(h["decision_date"], "2020-07-29");
    let title = "West Sussex County Council (19 011 114)";
    assert_eq!(h["title"]["text"], title);
    let dates: Vec<&Value> = h["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["name"] == "decision_date")
        .collect();
    assert_eq!(dates.len(), 1);
    assert_eq!(dates[0]["value"]["text"], "29 Jul 2020");
}

fn without_path(mut v: Value) -> Value {
    v.as_object_mut().expect("an object").remove("path");
    v
}

/// A scratch directory holding copies of some fixtures.
fn scratch_with(names: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in names {
        let to = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixture(from), to).unwrap();
    }
    dir
}

#[test]
fn parse_one_seed_prints_its_header_as_pretty_json() {
    let out = run_paths(&["parse"], &[&fixture(SEED_000)]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    assert!(text.starts_with("{\n  \""), "pretty JSON: {}", &text[..40]);
    let decision: Value = serde_json::from_str(&text).unwrap();
    assert_seed_000_header(&decision);
    // One file: the decision itself, no wrapper and no path.
    assert!(decision.get("path").is_none());
    for key in [
        "layout",
        "header",
        "summary",
        "contents",
        "sections",
        "closing",
        "boilerplate",
        "entities",
        "diagnostics",
        "span",
    ] {
        assert!(decision.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(decision["layout"], "numbered");
}

#[test]
fn seed_001_paragraph_38_and_seed_004_without_metadata() {
    let out = run_paths(
        &["parse", "--jsonl"],
        &[&fixture(SEED_001), &fixture(SEED_004)],
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);

    let mut found = false;
    visit_paragraphs(&lines[0]["sections"], &mut |p| {
        if p["ordinal"] == 38 {
            found = true;
            let text = p["text"].as_str().unwrap();
            assert!(text.starts_with("As already set out"), "{text}");
        }
    });
    assert!(found, "seed 001 has a paragraph with ordinal 38");

    let h = &lines[1]["header"];
    assert_eq!(h["category"]["area"], Value::Null);
    assert_eq!(h["outcome"], Value::Null);
    assert_eq!(h["decision_date"], Value::Null);
    assert!(!lines[1]["diagnostics"].as_array().unwrap().is_empty());
}

fn visit_paragraphs(sections: &Value, f: &mut dyn FnMut(&Value)) {
    for s in sections.as_array().into_iter().flatten() {
        for b in s["blocks"].as_array().into_iter().flatten() {
            if b["type"] == "paragraph" {
                f(b);
            }
        }
        visit_paragraphs(&s["subsections"], f);
    }
}

#[test]
fn dash_reads_standard_input() {
    let text = std::fs::read(fixture(SEED_000)).unwrap();
    let out = run(&["parse", "-"], &text);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let from_stdin: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_seed_000_header(&from_stdin);

    let from_file = run_paths(&["parse"], &[&fixture(SEED_000)]);
    assert_eq!(
        out.stdout, from_file.stdout,
        "stdin and file give the same JSON"
    );

    let out = run(&["parse", "--jsonl", "-"], &text);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["path"], "-");
}

#[test]
fn jsonl_line_is_the_decision_plus_its_path() {
    let path = fixture(SEED_000);
    let single = run_paths(&["parse"], &[&path]);
    let line = run_paths(&["parse", "--jsonl"], &[&path]);
    let long = run_paths(&["parse", "--format", "jsonl"], &[&path]);
    assert!(line.status.success());
    assert_eq!(line.stdout, long.stdout, "--jsonl is --format jsonl");
    let text = stdout(&line);
    assert_eq!(text.lines().count(), 1);
    assert!(text.ends_with('\n'));
    assert!(
        text.starts_with("{\"path\":"),
        "path comes first: {}",
        &text[..40]
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["path"], path.to_string_lossy().as_ref());
    let decision: Value = serde_json::from_slice(&single.stdout).unwrap();
    assert_eq!(without_path(v), decision);
}

#[test]
fn directory_is_walked_in_sorted_order() {
    let out = run_paths(&["parse", "--jsonl"], &[&fixtures()]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let lines = json_lines(&out);

    let mut expected: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    expected.sort();
    assert_eq!(expected.len(), 9, "five seeds and four synthetic decisions");
    let paths: Vec<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
    assert_eq!(paths, expected);
    assert_seed_000_header(&lines[0]);
    for l in &lines {
        assert!(l["header"]["reference"].is_string(), "{}", l["path"]);
    }
}

#[test]
fn directory_in_json_mode_is_an_array_with_paths() {
    let out = run_paths(&["parse"], &[&fixtures()]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = all.as_array().expect("an array");
    assert_eq!(all.len(), 9);
    assert!(all[0]["path"].as_str().unwrap().ends_with(SEED_000));
    let single = run_paths(&["parse"], &[&fixture(SEED_000)]);
    let decision: Value = serde_json::from_slice(&single.stdout).unwrap();
    assert_eq!(without_path(all[0].clone()), decision);
}

#[test]
fn nested_directories_hidden_entries_and_extensions() {
    let dir = scratch_with(&[
        (SEED_001, "b/2020/one.txt"),
        (SEED_000, "a.txt"),
        (SEED_004, "b/z.txt"),
        (SEED_000, "b/2020/notes.md"),
        (SEED_000, ".hidden/x.txt"),
        (SEED_000, "b/._junk.txt"),
    ]);
    let out = run_paths(&["parse", "--jsonl"], &[dir.path()]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let root = dir.path().to_string_lossy().into_owned();
    let paths: Vec<String> = json_lines(&out)
        .iter()
        .map(|l| l["path"].as_str().unwrap()[root.len()..].to_string())
        .collect();
    assert_eq!(paths, ["/a.txt", "/b/2020/one.txt", "/b/z.txt"]);

    let out = run_paths(&["parse", "--jsonl", "--ext", "md"], &[dir.path()]);
    assert_eq!(json_lines(&out).len(), 1);
    let out = run_paths(&["parse", "--jsonl", "--ext", "*"], &[dir.path()]);
    assert_eq!(json_lines(&out).len(), 4);
}

#[test]
fn many_arguments_keep_their_order_one_line_each() {
    let (a, b, c) = (
        fixture(SEED_004),
        fixture(SEED_000),
        fixture("legacy-prose.txt"),
    );
    let out = run_paths(&["parse", "--jsonl"], &[&a, &b, &c, &b]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    let paths: Vec<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
    let want: Vec<String> = [&a, &b, &c, &b]
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, want);
}

#[test]
fn bad_files_are_named_on_stderr_and_the_others_still_go_through() {
    let dir = scratch_with(&[(SEED_000, "good.txt"), (SEED_004, "zz-good.txt")]);
    let missing = dir.path().join("missing.txt");
    let prose = dir.path().join("prose.txt");
    std::fs::write(
        &prose,
        "Dear diary,\n\nToday I went to the shops and bought bread.\n",
    )
    .unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 255, 0, 1, 2]).unwrap();

    let out = run_paths(
        &["parse", "--jsonl"],
        &[
            &missing,
            &dir.path().join("good.txt"),
            &prose,
            &binary,
            &dir.path().join("zz-good.txt"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_no_panic(&out);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "both good files printed");
    assert_seed_000_header(&lines[0]);
    assert!(lines[1]["path"].as_str().unwrap().ends_with("zz-good.txt"));

    let err = stderr(&out);
    let err_lines: Vec<&str> = err.lines().collect();
    assert_eq!(err_lines.len(), 3, "one line per bad file: {err}");
    assert!(
        err_lines[0].contains("missing.txt") && err_lines[0].contains("cannot read"),
        "{err}"
    );
    assert!(err_lines[1].contains("prose.txt:"), "{err}");
    assert!(err_lines[2].contains("binary.txt:"), "{err}");
    // Parse errors carry line:column.
    let place = err_lines[1].split("prose.txt:").nth(1).unwrap();
    let mut parts = place.splitn(3, ':');
    assert!(
        parts.next().unwrap().parse::<usize>().is_ok(),
        "line in {err}"
    );
    assert!(
        parts.next().unwrap().parse::<usize>().is_ok(),
        "column in {err}"
    );
}

#[test]
fn bad_file_inside_a_directory_fails_only_itself() {
    let dir = scratch_with(&[(SEED_000, "a.txt"), (SEED_004, "c.txt")]);
    std::fs::write(dir.path().join("b.txt"), "").unwrap();
    let out = run_paths(&["parse", "--jsonl"], &[dir.path()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 2);
    assert!(stderr(&out).contains("b.txt"), "{}", stderr(&out));
}

#[test]
fn empty_file_gives_a_clear_message_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, " \n\t\r\n\u{a0}\n").unwrap();
    for path in [&empty, &blank] {
        let out = run_paths(&["parse"], &[path]);
        assert_eq!(out.status.code(), Some(1));
        assert_no_panic(&out);
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(&*path.to_string_lossy()), "{err}");
        assert!(err.to_lowercase().contains("empty"), "{err}");
    }
    let out = run(&["parse", "-"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_no_panic(&out);
    assert!(stderr(&out).contains("<stdin>"), "{}", stderr(&out));
}

#[test]
fn invalid_utf8_reports_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    let mut bytes = std::fs::read(fixture(SEED_000)).unwrap();
    let at = 200;
    bytes[at] = 0xA3; // "£" in Latin-1
    std::fs::write(&path, &bytes).unwrap();
    let out = run_paths(&["parse"], &[&path]);
    assert_eq!(out.status.code(), Some(1));
    assert_no_panic(&out);
    let err = stderr(&out);
    assert!(err.contains("UTF-8"), "{err}");
    assert!(err.contains(&format!("byte offset {at}")), "{err}");
    let text = std::str::from_utf8(&bytes[..at]).unwrap();
    let line = 1 + text.matches('\n').count();
    assert!(err.contains(&format!("latin1.txt:{line}:")), "{err}");
}

#[test]
fn byte_order_mark_is_fine_and_spans_stay_file_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(std::fs::read(fixture(SEED_000)).unwrap());
    std::fs::write(&path, &bytes).unwrap();
    let out = run_paths(&["parse"], &[&path]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let decision: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_seed_000_header(&decision);
    let span = &decision["header"]["title"]["span"];
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &bytes[start..end],
        b"West Sussex County Council (19 011 114)"
    );
}

#[test]
fn no_entities_gives_the_tree_only() {
    let full = run_paths(&["parse"], &[&fixture(SEED_000)]);
    let tree = run_paths(&["parse", "--no-entities"], &[&fixture(SEED_000)]);
    assert!(tree.status.success(), "stderr: {}", stderr(&tree));
    let full: Value = serde_json::from_slice(&full.stdout).unwrap();
    let tree: Value = serde_json::from_slice(&tree.stdout).unwrap();
    assert_eq!(tree["entities"], Value::Array(vec![]));
    assert_eq!(tree["sections"], full["sections"]);
    assert_eq!(tree["header"], full["header"]);
}

#[test]
fn max_bytes_refuses_larger_inputs() {
    let out = run_paths(&["parse", "--max-bytes", "1K"], &[&fixture(SEED_000)]);
    assert_eq!(out.status.code(), Some(1));
    assert_no_panic(&out);
    let err = stderr(&out);
    assert!(err.contains(SEED_000) && err.contains("1024"), "{err}");
    let text = std::fs::read(fixture(SEED_000)).unwrap();
    let out = run(&["parse", "--max-bytes", "1000", "-"], &text);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("over the limit"), "{}", stderr(&out));
    let out = run_paths(&["parse", "--max-bytes", "1M"], &[&fixture(SEED_000)]);
    assert!(out.status.success());
}

#[test]
fn directory_without_decisions_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "hello").unwrap();
    let out = run_paths(&["parse", "--jsonl"], &[dir.path()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("no *.txt files"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["parse"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = run_paths(&["parse", "--format", "yaml"], &[&fixture(SEED_000)]);
    assert_eq!(out.status.code(), Some(2));
    let out = run_paths(
        &["parse", "--jsonl", "--format", "json"],
        &[&fixture(SEED_000)],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn nothing_on_stderr_when_piped() {
    let out = run_paths(&["parse", "--jsonl"], &[&fixtures()]);
    assert!(out.status.success());
    assert_eq!(
        stderr(&out),
        "",
        "no progress bar or summary when not a terminal"
    );
}

#[test]
fn reader_that_stops_early_is_not_an_error() {
    let mut child = lgsco()
        .args(["parse", "--jsonl"])
        .args(std::iter::repeat_n(fixture(SEED_001), 400))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_no_panic(&out);
    assert_eq!(stderr(&out), "");
}

#[test]
fn schema_is_a_json_schema_of_the_decision() {
    let out = run(&["schema"], b"");
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema["$schema"]
        .as_str()
        .unwrap()
        .contains("json-schema.org"));
    assert_eq!(schema["title"], "Decision");
    let props = schema["properties"].as_object().unwrap();
    for key in ["header", "sections", "summary", "diagnostics"] {
        assert!(props.contains_key(key), "schema lacks {key}");
    }
    // The same schema as the committed copy.
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/decision.schema.json"),
    )
    .unwrap();
    let committed: Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(schema, committed);
}

#[test]
fn every_fixture_parses_without_error() {
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        for flags in [&["parse"][..], &["parse", "--no-entities"][..]] {
            let out = run_paths(flags, &[&path]);
            assert!(out.status.success(), "{}: {}", path.display(), stderr(&out));
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(
                v["sections"].as_array().is_some_and(|s| !s.is_empty()),
                "{}",
                path.display()
            );
        }
    }
}
