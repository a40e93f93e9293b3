//! The checks the fuzzers run (`fuzz/`), as functions over raw bytes, so that
//! the fuzz targets and the corpus replay test (`core/tests/fuzz_corpus.rs`)
//! assert exactly the same things, and so that users can run them on their
//! own archives.
//!
//! Each check parses `data` (invalid UTF-8 replaced by U+FFFD, as a scrape
//! decoded leniently would be) and returns the first broken promise as a
//! sentence:
//!
//! - errors say where, and where is real: the offset is in bounds and on a
//!   char boundary, the line and column are those of the offset, and `empty`
//!   is returned exactly for blank inputs;
//! - every promise of [`crate::invariants::check`] (leaves are exact slices,
//!   no overlap, nothing lost, spans nested, ordinals 1..N, entity text equal
//!   to its slice);
//! - every span anywhere in the tree (sections, items, diagnostics, entity
//!   values, findings) is in bounds, on char boundaries, `start <= end`, with
//!   the right line; every `text` beside a `span` is that slice; the
//!   decision's span is the whole input (after a byte-order mark);
//! - entities do not change the tree: a full parse has the same tree as a
//!   tree-only parse, and only adds diagnostics after the tree's;
//! - entities are sorted and cite existing paragraphs;
//! - the JSON round trip is exact: serialize, deserialize, get the same tree.

use std::borrow::Cow;

use serde_json::Value;

use crate::span::{column_of, is_blank_char, Span};
use crate::tree::{Block, Item, Subsection};
use crate::{invariants, parse_with, Decision, Options, ParseError};

/// The text the checks parse: `data` as UTF-8, invalid bytes replaced.
pub fn input_of(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Tree only (no entities): errors, invariants, every span.
pub fn check_parser(data: &[u8]) -> Result<(), String> {
    let input = input_of(data);
    match parse_with(&input, &Options::tree_only()) {
        Err(e) => check_error(&e, &input),
        Ok(d) => {
            if !d.entities.is_empty() {
                return Err("a tree-only parse has entities".into());
            }
            check_tree(&d, &input)
        }
    }
}

/// Tree and entities: everything [`check_parser`] checks, plus entity
/// promises and that entities leave the tree as it was.
pub fn check_entities(data: &[u8]) -> Result<(), String> {
    let input = input_of(data);
    let full = parse_with(&input, &Options::default());
    let tree = parse_with(&input, &Options::tree_only());
    match (full, tree) {
        (Err(a), Err(b)) => {
            if a != b {
                return Err(format!("errors differ with entities: {a:?} vs {b:?}"));
            }
            check_error(&a, &input)
        }
        (Ok(full), Ok(tree)) => {
            check_tree(&full, &input)?;
            same_tree(&full, &tree)?;
            check_entity_order(&full)
        }
        (a, b) => Err(format!(
            "entities change whether the input parses: {:?} vs {:?}",
            a.err(),
            b.err()
        )),
    }
}

/// Tree and entities, then JSON: serialize, deserialize, compare.
pub fn check_json_roundtrip(data: &[u8]) -> Result<(), String> {
    let input = input_of(data);
    let d = match parse_with(&input, &Options::default()) {
        Err(e) => return check_error(&e, &input),
        Ok(d) => d,
    };
    let json = serde_json::to_string(&d).map_err(|e| format!("serialize: {e}"))?;
    let back: Decision =
        serde_json::from_str(&json).map_err(|e| format!("deserialize: {e}\n{json}"))?;
    if back != d {
        return Err(format!("the JSON round trip changed the tree:\n{json}"));
    }
    Ok(())
}

/// An error's position is the real position of a real offset.
pub fn check_error(e: &ParseError, input: &str) -> Result<(), String> {
    let at = e.offset();
    if at > input.len() || !input.is_char_boundary(at) {
        return Err(format!(
            "error offset {at} is out of bounds or mid-char: {e}"
        ));
    }
    let line = 1 + line_breaks(input.get(..at).unwrap_or(""));
    if e.line() != line {
        return Err(format!(
            "error says line {} but offset {at} is on line {line}",
            e.line()
        ));
    }
    let column = column_of(input, at);
    if e.column() != column {
        return Err(format!(
            "error says column {} but offset {at} is column {column}",
            e.column()
        ));
    }
    let blank = input.chars().all(is_blank_char);
    match e {
        ParseError::Empty { .. } if !blank => Err("`empty` for an input with text".into()),
        ParseError::NotADecision { .. } if blank => Err("blank input not reported `empty`".into()),
        ParseError::TooLarge { .. } => Err("too_large under the default limit".into()),
        _ if e.to_string().is_empty() => Err("an error with no message".into()),
        _ => Ok(()),
    }
}

/// Every promise a tree makes about its input. Walks the tree's own types;
/// with entities, also walks its JSON, which reaches every entity value.
pub fn check_tree(d: &Decision, input: &str) -> Result<(), String> {
    invariants::check(d, input)?;
    let start = if input.starts_with('\u{feff}') { 3 } else { 0 };
    if d.span.start != start || d.span.end != input.len() || d.span.line != 1 {
        return Err(format!("the decision's span {:?} is not the input", d.span));
    }
    let starts = line_starts(input);
    let mut spans = Vec::new();
    tree_spans(d, &mut spans);
    for (what, span) in spans {
        check_span((span.start, span.end, span.line), input, &starts)
            .map_err(|e| format!("{what}: {e}"))?;
    }
    if !d.entities.is_empty() || d.findings != Default::default() {
        let value = serde_json::to_value(d).map_err(|e| format!("to_value: {e}"))?;
        check_value(&value, input, &starts)?;
    }
    let ordinals = d
        .paragraphs()
        .iter()
        .filter(|p| p.ordinal.is_some())
        .count();
    for e in &d.entities {
        if let Some(p) = e.paragraph {
            if p == 0 || usize::try_from(p).map_or(true, |p| p > ordinals) {
                return Err(format!(
                    "entity {:?} cites paragraph {p} of {ordinals}",
                    e.text
                ));
            }
        }
    }
    Ok(())
}

/// Every span of the tree's structure (not entities), named.
fn tree_spans(d: &Decision, out: &mut Vec<(&'static str, Span)>) {
    let h = &d.header;
    out.extend(h.span.map(|s| ("header", s)));
    for f in &h.fields {
        out.push(("field", f.span));
    }
    if let Some(s) = &d.summary {
        out.push(("summary", s.span));
    }
    if let Some(c) = &d.contents {
        out.push(("contents", c.span));
        item_spans(&c.entries, out);
    }
    for s in &d.sections {
        out.push(("section", s.span));
        block_spans(&s.blocks, out);
        subsection_spans(&s.subsections, out);
    }
    for x in &d.diagnostics {
        out.push(("diagnostic", x.span));
    }
}

fn subsection_spans(subs: &[Subsection], out: &mut Vec<(&'static str, Span)>) {
    // Sub-headings nest at most two deep.
    for s in subs {
        out.push(("subsection", s.span));
        block_spans(&s.blocks, out);
        subsection_spans(&s.subsections, out);
    }
}

fn block_spans(blocks: &[Block], out: &mut Vec<(&'static str, Span)>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                out.push(("paragraph", p.span));
                item_spans(&p.items, out);
            }
            Block::List(l) => {
                out.push(("list", l.span));
                item_spans(&l.items, out);
            }
        }
    }
}

fn item_spans(items: &[Item], out: &mut Vec<(&'static str, Span)>) {
    // Items nest at most MAX_ITEM_DEPTH deep.
    for i in items {
        out.push(("item", i.span));
        item_spans(&i.items, out);
    }
}

fn same_tree(full: &Decision, tree: &Decision) -> Result<(), String> {
    let parts = [
        ("layout", full.layout == tree.layout),
        ("header", full.header == tree.header),
        ("summary", full.summary == tree.summary),
        ("contents", full.contents == tree.contents),
        ("sections", full.sections == tree.sections),
        ("closing", full.closing == tree.closing),
        ("boilerplate", full.boilerplate == tree.boilerplate),
        ("span", full.span == tree.span),
        (
            "diagnostics",
            full.diagnostics.get(..tree.diagnostics.len()) == Some(&tree.diagnostics[..]),
        ),
    ];
    match parts.iter().find(|(_, same)| !same) {
        Some((part, _)) => Err(format!("extracting entities changed the tree's {part}")),
        None => Ok(()),
    }
}

fn check_entity_order(d: &Decision) -> Result<(), String> {
    for pair in d.entities.windows(2) {
        if let [a, b] = pair {
            if b.span.start < a.span.start {
                return Err(format!(
                    "entities out of order: {:?} before {:?}",
                    a.text, b.text
                ));
            }
        }
    }
    Ok(())
}

/// Walks the JSON of a tree: checks every span, and every `text` that sits
/// beside a `span` in an object without `content` (leaves, entities,
/// mentions, deadlines, boilerplate, findings; paragraphs, items and the
/// summary join their pieces, so their `text` is not one slice). Errors name
/// the path.
fn check_value(v: &Value, input: &str, starts: &[usize]) -> Result<(), String> {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_value(item, input, starts).map_err(|e| format!("[{i}]{e}"))?;
            }
            Ok(())
        }
        Value::Object(map) => {
            if let Some(span) = as_span(v) {
                return check_span(span, input, starts).map_err(|e| format!(": {e}"));
            }
            if let (Some(Value::String(text)), Some(span)) =
                (map.get("text"), map.get("span").and_then(as_span))
            {
                if !map.contains_key("content") {
                    let (start, end, _) = span;
                    let slice = input.get(start..end);
                    if slice != Some(text.as_ref()) {
                        return Err(format!(
                            ": text {text:?} is not the input at {start}..{end} ({slice:?})"
                        ));
                    }
                }
            }
            for (k, item) in map {
                check_value(item, input, starts).map_err(|e| format!(".{k}{e}"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn as_span(v: &Value) -> Option<(usize, usize, usize)> {
    let map = v.as_object()?;
    if map.len() != 3 {
        return None;
    }
    let n = |k: &str| map.get(k)?.as_u64().and_then(|n| usize::try_from(n).ok());
    Some((n("start")?, n("end")?, n("line")?))
}

fn check_span(
    (s, e, l): (usize, usize, usize),
    input: &str,
    starts: &[usize],
) -> Result<(), String> {
    if s > e || input.get(s..e).is_none() {
        return Err(format!(
            "span {s}..{e} is reversed, out of bounds or mid-char (input {} bytes)",
            input.len()
        ));
    }
    let real = starts.partition_point(|&ls| ls <= s);
    if l != real {
        return Err(format!(
            "span {s}..{e} says line {l} but starts on line {real}"
        ));
    }
    Ok(())
}

/// Number of line ends (LF, CRLF, CR) in `s`.
fn line_breaks(s: &str) -> usize {
    let b = s.as_bytes();
    b.iter()
        .enumerate()
        .filter(|&(i, &c)| c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

/// Byte offsets where lines begin (LF, CRLF and CR all end lines).
fn line_starts(input: &str) -> Vec<usize> {
    let b = input.as_bytes();
    let mut starts = vec![0];
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}
