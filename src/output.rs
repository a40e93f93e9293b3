//! Output formats: how one parsed decision becomes bytes, and how several
//! are framed on standard output.
//!
//! Rendering ([`Format::render`]) runs on the worker threads; framing
//! ([`Emitter`]) runs on the one thread that writes, in input order.
//!
//! To add a format: add a variant to [`Format`], an arm to
//! [`Format::render`] (e.g. calling `decision.to_akn()`), and say in
//! [`Format::framing`] how several documents are put together (one after
//! another, one per line, or inside one wrapper document).
//!
//! The document formats (`akn`, `md`, `html`) print one file's document as
//! is. Several files make one document of the same kind: Akoma Ntoso
//! documents inside an `<lgsco:documents>` root (one `<lgsco:document
//! path="...">` each), one HTML page with an `<article>` each, or Markdown
//! documents separated by a rule and an HTML comment giving the path.

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
    /// Akoma Ntoso 3.0 XML (a `judgment`); several files: one XML document
    /// holding each file's `akomaNtoso` element.
    Akn,
    /// Markdown; several files: one after another, separated by a rule.
    Md,
    /// HTML: a standalone page; several files: one page, an article each.
    Html,
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
    /// Akoma Ntoso documents inside one `<lgsco:documents>` XML root.
    XmlCollection,
    /// Markdown documents separated by rules.
    MarkdownSeries,
    /// HTML articles inside one page.
    HtmlPage,
}

/// The root of several Akoma Ntoso documents in one XML file.
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lgsco:documents xmlns:lgsco=\"https://github.com/lgsco/lgsco/ns/akn\">\n";
const XML_TAIL: &str = "</lgsco:documents>\n";

/// A decision with the path it was read from, serialised as the decision's
/// own object with `"path"` as its first key.
#[derive(Serialize)]
struct WithPath<'a> {
    path: &'a str,
    #[serde(flatten)]
    decision: &'a Decision<'a>,
}

impl Format {
    /// `single`: the command line named one file (or `-`).
    pub fn framing(self, single: bool) -> Framing {
        match self {
            Format::Json if single => Framing::Single,
            Format::Json => Framing::JsonArray,
            Format::Jsonl => Framing::Lines,
            Format::Akn | Format::Md | Format::Html if single => Framing::Single,
            Format::Akn => Framing::XmlCollection,
            Format::Md => Framing::MarkdownSeries,
            Format::Html => Framing::HtmlPage,
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
            (Format::Akn, Framing::Single) => out = decision.to_akn().into_bytes(),
            (Format::Akn, _) => {
                let mut doc = String::from("  <lgsco:document path=\"");
                lgsco::render::akn::escape_attr(&mut doc, path);
                doc.push_str("\">\n");
                lgsco::render::akn::write_document(&mut doc, decision, 2);
                doc.push_str("  </lgsco:document>\n");
                out = doc.into_bytes();
            }
            (Format::Md, Framing::Single) => out = decision.to_markdown().into_bytes(),
            (Format::Md, _) => {
                // `--` cannot appear inside an HTML comment.
                let mut doc = format!("<!-- path: {} -->\n\n", path.replace("--", "-\u{2010}"));
                lgsco::render::markdown::write_document(&mut doc, decision);
                doc.push('\n');
                out = doc.into_bytes();
            }
            (Format::Html, Framing::Single) => out = decision.to_html().into_bytes(),
            (Format::Html, _) => {
                let mut doc = String::new();
                lgsco::render::html::write_article(&mut doc, decision, Some(path));
                out = doc.into_bytes();
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
        match self.framing {
            Framing::JsonArray => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?
            }
            Framing::XmlCollection if self.written == 0 => {
                self.out.write_all(XML_HEAD.as_bytes())?
            }
            Framing::HtmlPage if self.written == 0 => self.out.write_all(html_head().as_bytes())?,
            Framing::HtmlPage => self.out.write_all(b"<hr>\n")?,
            Framing::MarkdownSeries if self.written > 0 => self.out.write_all(b"\n* * *\n\n")?,
            _ => {}
        }
        self.out.write_all(rendered)?;
        self.written += 1;
        Ok(())
    }

    /// Closes the framing (an array is printed even when empty) and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        match self.framing {
            Framing::JsonArray => {
                self.out
                    .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?
            }
            // An empty collection is still a well-formed document.
            Framing::XmlCollection => {
                if self.written == 0 {
                    self.out.write_all(XML_HEAD.as_bytes())?;
                }
                self.out.write_all(XML_TAIL.as_bytes())?
            }
            Framing::HtmlPage => {
                if self.written == 0 {
                    self.out.write_all(html_head().as_bytes())?;
                }
                self.out.write_all(b"</body>\n</html>\n")?
            }
            _ => {}
        }
        self.out.flush()
    }
}

/// The start of the page that holds several decisions' articles.
fn html_head() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>LGSCO decisions</title>\n<style>{}</style>\n</head>\n<body>\n",
        lgsco::render::html::STYLE
    )
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
