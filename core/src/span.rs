//! Positions in the input: every node of the tree carries one, so a reader can
//! always go back from a value to the bytes it was read from.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Byte offsets `start..end` into the input (UTF-8) and the 1-based line of `start`.
///
/// Bindings convert `start`/`end` to their own string indices (code points in
/// Python, UTF-16 units in JavaScript); `line` stays the same everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

impl Span {
    pub fn new(start: usize, end: usize, line: usize) -> Self {
        Span { start, end, line }
    }

    /// The smallest span covering both (line of the earlier one).
    pub fn cover(self, other: Span) -> Span {
        if other.start < self.start {
            Span::new(other.start, self.end.max(other.end), other.line)
        } else {
            Span::new(self.start, self.end.max(other.end), self.line)
        }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers in `input`, or "" if it does not fit.
    pub fn slice<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }
}

/// A leaf of the tree: a piece of the input kept exactly as written
/// (`text == input[span.start..span.end]`).
///
/// Used for prose (headings, paragraph text, header values) and for syntax
/// tokens (list markers, metadata labels, the final-decision marker).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Text<'a> {
    // Borrowed from the input by the parser (no copy); owned after
    // `Text::into_owned` or deserialisation.
    pub text: Cow<'a, str>,
    pub span: Span,
}

impl<'a> Text<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>, span: Span) -> Self {
        Text {
            text: text.into(),
            span,
        }
    }

    /// The same leaf, owning its text.
    pub fn into_owned(self) -> Text<'static> {
        Text {
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
        }
    }
}

/// Whitespace as lgsco sees it: Unicode whitespace (which includes the
/// non-breaking space) plus the byte-order mark and zero-width space, which
/// Windows tools and web scrapes leave in text.
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// 1-based column (in characters) of byte offset `at` within `input`.
pub fn column_of(input: &str, at: usize) -> usize {
    let at = at.min(input.len());
    let line_start = input
        .get(..at)
        .and_then(|s| s.rfind(['\n', '\r']).map(|i| i + 1))
        .unwrap_or(0);
    input.get(line_start..at).map_or(0, |s| s.chars().count()) + 1
}
