//! Errors that stop a parse: the input holds no decision at all, or is too big.

use thiserror::Error;

/// Why [`crate::parse`] returned no tree. Every variant says where (1-based
/// line and column, and the byte offset).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    /// Nothing but whitespace.
    #[error("empty input: no decision text (line {line}, column {column})")]
    Empty {
        line: usize,
        column: usize,
        offset: usize,
    },
    /// Text, but none of what makes a decision: no title line with a
    /// reference, no metadata, no final-decision marker, no known heading.
    #[error("no decision found: {missing} (line {line}, column {column})")]
    NotADecision {
        missing: String,
        line: usize,
        column: usize,
        offset: usize,
    },
    /// Larger than [`crate::Options::max_input_bytes`].
    #[error(
        "input is {size} bytes, over the limit of {limit} bytes (line {line}, column {column})"
    )]
    TooLarge {
        size: usize,
        limit: usize,
        line: usize,
        column: usize,
        offset: usize,
    },
}

impl ParseError {
    pub fn line(&self) -> usize {
        match self {
            ParseError::Empty { line, .. }
            | ParseError::NotADecision { line, .. }
            | ParseError::TooLarge { line, .. } => *line,
        }
    }

    pub fn column(&self) -> usize {
        match self {
            ParseError::Empty { column, .. }
            | ParseError::NotADecision { column, .. }
            | ParseError::TooLarge { column, .. } => *column,
        }
    }

    /// Byte offset into the input.
    pub fn offset(&self) -> usize {
        match self {
            ParseError::Empty { offset, .. }
            | ParseError::NotADecision { offset, .. }
            | ParseError::TooLarge { offset, .. } => *offset,
        }
    }

    /// Stable machine-readable code: `empty`, `not_a_decision`, `too_large`.
    pub fn code(&self) -> &'static str {
        match self {
            ParseError::Empty { .. } => "empty",
            ParseError::NotADecision { .. } => "not_a_decision",
            ParseError::TooLarge { .. } => "too_large",
        }
    }
}
