//! Stage 1: the input as lines with byte offsets.
//!
//! Scrapes end lines with LF, CRLF or (rarely) a lone CR, and Windows tools
//! put a byte-order mark in front; everything later works on [`Line`]s whose
//! offsets point back into the original input.

use memchr::memchr2;

use crate::span::{is_blank_char, Span, Text};

/// One line of the input, without its line ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line as written (leading BOM on line 1 excluded).
    pub raw: &'a str,
    /// Byte offset of `raw` in the input.
    pub start: usize,
    /// 1-based line number.
    pub number: usize,
}

impl<'a> Line<'a> {
    /// Byte offset just past the line's last character (before its line ending).
    pub fn end(&self) -> usize {
        self.start + self.raw.len()
    }

    /// The line without leading and trailing whitespace, and the byte offset
    /// of that text in the input.
    pub fn trimmed(&self) -> (usize, &'a str) {
        let left = self.raw.trim_start_matches(is_blank_char);
        let offset = self.start + (self.raw.len() - left.len());
        (offset, left.trim_end_matches(is_blank_char))
    }

    /// Columns of indentation: leading spaces and tabs (a tab counts 4), and
    /// non-breaking spaces, before the first visible character.
    pub fn indent(&self) -> usize {
        let mut n = 0;
        for c in self.raw.chars() {
            match c {
                '\t' => n += 4,
                c if is_blank_char(c) => n += 1,
                _ => break,
            }
        }
        n
    }

    /// True for lines holding only whitespace.
    pub fn is_blank(&self) -> bool {
        self.raw.chars().all(is_blank_char)
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

/// Splits `input` into lines. A leading UTF-8 byte-order mark is skipped
/// (it is whitespace); a final line without a newline is kept.
pub fn split(input: &str) -> Vec<Line<'_>> {
    let bytes = input.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut pos = if input.starts_with('\u{feff}') { 3 } else { 0 };
    let mut number = 1;
    while pos < bytes.len() {
        let rest = bytes.get(pos..).unwrap_or_default();
        let (len, eol) = match memchr2(b'\n', b'\r', rest) {
            Some(i) => {
                let crlf = rest.get(i) == Some(&b'\r') && rest.get(i + 1) == Some(&b'\n');
                (i, if crlf { 2 } else { 1 })
            }
            None => (rest.len(), 0),
        };
        let raw = input.get(pos..pos + len).unwrap_or_default();
        lines.push(Line {
            raw,
            start: pos,
            number,
        });
        number += 1;
        pos += len + eol;
    }
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

    #[test]
    fn blank_lines() {
        let lines = split("x\n \n\u{a0}\n");
        assert!(!lines[0].is_blank());
        assert!(lines[1].is_blank());
        assert!(lines[2].is_blank());
    }
}
