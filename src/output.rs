//! Output formats: how one parsed decision becomes bytes, and how several
//! are framed on standard output.
//!
//! Rendering ([`Format::render`]) runs on the worker threads; framing
//! ([`Emitter`]) runs on the one thread that writes, in input order.
//!
//! To add a format (issue 8: Akoma Ntoso `akn`, `md`, `html`): add a variant
//! to [`Format`], an arm to [`Format::render`] (e.g. calling
//! `decision.to_akn()`), and say in [`Format::framing`] how several documents
//! are put together (one after another, or one per line).

use std::io::{self, Write};

use clap::ValueEnum;
use lgsco::Decision;
use serde::Serialize;

/// What `lgsco parse` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Pretty JSON: the decision itself for one file; for several paths or a
    /// directory, an array of decisions, each with a "path" key first.
    Json,
    /// JSON Lines: one compact decision per line, each with a "path" key first.
    Jsonl,
}

/// How several rendered documents are put together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// Exactly one document, as is.
    Single,
    /// One document per line.
    Lines,
    /// The elements of one pretty JSON array.
    JsonArray,
}

/// A decision with the path it was read from, serialised as the decision's
/// own object with `"path"` as its first key.
#[derive(Serialize)]
struct WithPath<'a> {
    path: &'a str,
    #[serde(flatten)]
    decision: &'a Decision,
}

impl Format {
    /// `single`: the command line named one file (or `-`).
    pub fn framing(self, single: bool) -> Framing {
        match self {
            Format::Json if single => Framing::Single,
            Format::Json => Framing::JsonArray,
            Format::Jsonl => Framing::Lines,
        }
    }

    /// Renders one decision read from `path` (`-` for standard input).
    pub fn render(
        self,
        decision: &Decision,
        path: &str,
        framing: Framing,
    ) -> serde_json::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(64 * 1024);
        match (self, framing) {
            (Format::Json, Framing::Single) => {
                serde_json::to_writer_pretty(&mut out, decision)?;
                out.push(b'\n');
            }
            (Format::Json, _) => {
                let doc = serde_json::to_vec_pretty(&WithPath { path, decision })?;
                indent_into(&mut out, &doc, b"  ");
            }
            (Format::Jsonl, _) => {
                serde_json::to_writer(&mut out, &WithPath { path, decision })?;
                out.push(b'\n');
            }
        }
        Ok(out)
    }
}

/// Copies pretty JSON, indenting every line. JSON strings never hold a raw
/// newline (serde_json escapes it), so every `\n` byte ends a line.
fn indent_into(out: &mut Vec<u8>, doc: &[u8], indent: &[u8]) {
    out.reserve(doc.len() + doc.len() / 8);
    for (i, line) in doc.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        if !line.is_empty() {
            out.extend_from_slice(indent);
        }
        out.extend_from_slice(line);
    }
}

/// Writes rendered documents in order, with the framing's separators.
pub struct Emitter<W: Write> {
    framing: Framing,
    out: W,
    written: usize,
}

impl<W: Write> Emitter<W> {
    pub fn new(framing: Framing, out: W) -> Self {
        Emitter {
            framing,
            out,
            written: 0,
        }
    }

    pub fn item(&mut self, rendered: &[u8]) -> io::Result<()> {
        if self.framing == Framing::JsonArray {
            self.out
                .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        self.out.write_all(rendered)?;
        self.written += 1;
        Ok(())
    }

    /// Closes the framing (an array is printed even when empty) and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        if self.framing == Framing::JsonArray {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_each_line() {
        let mut out = Vec::new();
        indent_into(&mut out, b"{\n  \"a\": \"x\\ny\"\n}", b"  ");
        assert_eq!(out, b"  {\n    \"a\": \"x\\ny\"\n  }");
    }

    #[test]
    fn array_framing_is_valid_json() {
        let mut buf = Vec::new();
        let mut e = Emitter::new(Framing::JsonArray, &mut buf);
        e.item(b"  {\n    \"a\": 1\n  }").unwrap();
        e.item(b"  {\n    \"a\": 2\n  }").unwrap();
        e.finish().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v, serde_json::json!([{"a": 1}, {"a": 2}]));

        let mut empty = Vec::new();
        Emitter::new(Framing::JsonArray, &mut empty)
            .finish()
            .unwrap();
        assert_eq!(empty, b"[]\n");
    }
}
