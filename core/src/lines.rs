//! Stage 1: the input as lines with byte offsets.
//!
//! Scrapes end lines with LF, CRLF or (rarely) a lone CR, and Windows tools
//! put a byte-order mark in front; everything later works on [`Line`]s whose
//! offsets point back into the original input.

use memchr::{memchr, memchr2};

use crate::span::{is_blank_char, Span, Text};

/// One line of the input, without its line ending.
///
/// Every later stage asks for the trimmed text and the indentation many
/// times per line, so [`split`] measures them once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line as written (leading BOM on line 1 excluded).
    pub raw: &'a str,
    /// Byte offset of `raw` in the input.
    pub start: usize,
    /// 1-based line number.
    pub number: usize,
    /// The line without leading and trailing whitespace.
    text: &'a str,
    /// Byte offset of `text` in `raw`.
    text_at: usize,
    /// Columns of indentation (see [`Line::indent`]).
    indent: usize,
}

impl<'a> Line<'a> {
    /// Measures a line that starts at byte `start` of the input.
    pub fn new(raw: &'a str, start: usize, number: usize) -> Self {
        let (text_at, text, indent) = measure(raw);
        Line {
            raw,
            start,
            number,
            text,
            text_at,
            indent,
        }
    }

    /// Byte offset just past the line's last character (before its line ending).
    pub fn end(&self) -> usize {
        self.start + self.raw.len()
    }

    /// The line without leading and trailing whitespace, and the byte offset
    /// of that text in the input.
    pub fn trimmed(&self) -> (usize, &'a str) {
        (self.start + self.text_at, self.text)
    }

    /// Columns of indentation: leading spaces and tabs (a tab counts 4), and
    /// non-breaking spaces, before the first visible character.
    pub fn indent(&self) -> usize {
        self.indent
    }

    /// True for lines holding only whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// The trimmed text as a leaf.
    pub fn text(&self) -> Text<'a> {
        let (at, s) = self.trimmed();
        Text::new(s, Span::new(at, at + s.len(), self.number))
    }

    /// A leaf for `s`, which must be a sub-slice of this line.
    pub fn leaf(&self, s: &'a str) -> Text<'a> {
        let at = self.offset_of(s);
        Text::new(s, Span::new(at, at + s.len(), self.number))
    }

    /// Byte offset in the input of `s`, a sub-slice of this line.
    pub fn offset_of(&self, s: &str) -> usize {
        let base = self.raw.as_ptr() as usize;
        let p = s.as_ptr() as usize;
        self.start + p.saturating_sub(base).min(self.raw.len())
    }
}

/// The trimmed text of `raw`, where it starts, and the indentation before
/// it. Most lines are ASCII at both ends, which takes a byte loop; anything
/// else goes through [`is_blank_char`].
fn measure(raw: &str) -> (usize, &str, usize) {
    let bytes = raw.as_bytes();
    let mut at = 0;
    let mut indent = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b' ' => indent += 1,
            b'\t' => indent += 4,
            b if is_ascii_blank(b) => indent += 1,
            b if b < 0x80 => break,
            _ => {
                // Non-ASCII: a non-breaking space, BOM, other Unicode space, or text.
                let rest = raw.get(at..).unwrap_or_default();
                let Some(c) = rest.chars().next() else { break };
                if !is_blank_char(c) {
                    break;
                }
                indent += 1;
                at += c.len_utf8();
                continue;
            }
        }
        at += 1;
    }
    let left = raw.get(at..).unwrap_or_default();
    let text = match left.as_bytes().last() {
        Some(&b) if b < 0x80 && !is_ascii_blank(b) => left,
        _ => left.trim_end_matches(is_blank_char),
    };
    (at, text, indent)
}

/// The ASCII characters [`is_blank_char`] accepts: tab to carriage return, space.
fn is_ascii_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Splits `input` into lines. A leading UTF-8 byte-order mark is skipped
/// (it is whitespace); a final line without a newline is kept.
pub fn split(input: &str) -> Vec<Line<'_>> {
    let bytes = input.as_bytes();
    let start = if input.starts_with('\u{feff}') { 3 } else { 0 };
    // Most inputs have no CR at all: then one search for LF per line does.
    let has_cr = memchr(b'\r', bytes).is_some();
    // Room for lines of 40 bytes on average (real ones are longer), given
    // back below, so none is held spare while the tree is built.
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut pos = start;
    let mut number = 1;
    while pos < bytes.len() {
        let rest = bytes.get(pos..).unwrap_or_default();
        let found = if has_cr {
            memchr2(b'\n', b'\r', rest)
        } else {
            memchr(b'\n', rest)
        };
        let (len, eol) = match found {
            Some(i) => {
                let crlf = rest.get(i) == Some(&b'\r') && rest.get(i + 1) == Some(&b'\n');
                (i, if crlf { 2 } else { 1 })
            }
            None => (rest.len(), 0),
        };
        let raw = input.get(pos..pos + len).unwrap_or_default();
        lines.push(Line::new(raw, pos, number));
        number += 1;
        pos += len + eol;
    }
    lines.shrink_to_fit();
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf_crlf_cr_and_keeps_offsets() {
        let input = "a\r\nbb\ncc\rd";
        let lines = split(input);
        let raws: Vec<_> = lines.iter().map(|l| l.raw).collect();
        assert_eq!(raws, ["a", "bb", "cc", "d"]);
        for l in &lines {
            assert_eq!(&input[l.start..l.end()], l.raw);
        }
        assert_eq!(lines[3].number, 4);
    }

    #[test]
    fn skips_bom_and_trims_nbsp() {
        let input = "\u{feff}Title\n\u{a0} 1. text\u{a0} \n";
        let lines = split(input);
        assert_eq!(lines[0].raw, "Title");
        assert_eq!(lines[0].start, 3);
        let (at, t) = lines[1].trimmed();
        assert_eq!(t, "1. text");
        assert_eq!(&input[at..at + t.len()], "1. text");
        assert_eq!(lines[1].indent(), 2);
    }

    /// The byte loop in `measure` agrees with the plain Unicode definitions.
    #[test]
    fn measure_matches_unicode_trim() {
        let samples = [
            "",
            " ",
            "\t\tx",
            "\u{b}\u{c}x\u{b}",
            "\u{85}x\u{85}",
            "\u{a0} 1. a\u{a0}",
            "\u{feff}\u{200b}x",
            "\u{3000}全角\u{3000}",
            "x \t",
            "é",
            " é ",
            "\u{1f}x\u{1f}",
        ];
        for raw in samples {
            let left = raw.trim_start_matches(is_blank_char);
            let want_at = raw.len() - left.len();
            let want_text = left.trim_end_matches(is_blank_char);
            let want_indent: usize = raw
                .chars()
                .take_while(|&c| is_blank_char(c))
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum();
            assert_eq!(measure(raw), (want_at, want_text, want_indent), "{raw:?}");
        }
    }

    #[test]
    fn blank_lines() {
        let lines = split("x\n \n\u{a0}\n");
        assert!(!lines[0].is_blank());
        assert!(lines[1].is_blank());
        assert!(lines[2].is_blank());
    }
}
