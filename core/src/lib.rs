//! # lgsco
//!
//! Turns the text of UK Local Government and Social Care Ombudsman (LGSCO)
//! decision statements into a typed syntax tree.
//!
//! The pipeline, one module a stage:
//! [`lines`] (split, offsets) -> [`grammar`] (nom line grammar) ->
//! [`blocks`] (paragraphs, items, nesting) -> [`assemble`] (header, sections,
//! the [`tree`]) -> [`entities`] (money, dates, ...) -> serde JSON.
//!
//! ```
//! let text = "West Sussex County Council (19 011 114)\n\nDecision : Upheld\n\n\
//!             The Ombudsman's final decision:\n\nSummary: Ms X complained.\n\n\
//!             The complaint\n\n  1. Ms X complains.\n";
//! let decision = lgsco::parse(text).unwrap();
//! assert_eq!(decision.header.reference_id.as_deref(), Some("19-011-114"));
//! assert_eq!(decision.paragraphs()[0].ordinal, Some(1));
//! ```
//!
//! ## Limits
//!
//! lgsco never panics on input and needs no recursion that grows with it
//! (items nest at most [`blocks::MAX_ITEM_DEPTH`] deep, sub-headings two deep),
//! and its time and memory are linear in the input (memory is tens of bytes
//! per input byte at worst: a line of a few bytes can make a paragraph), so
//! inputs above [`Options::max_input_bytes`] (default
//! [`DEFAULT_MAX_INPUT_BYTES`], 64 MiB) are refused with
//! [`ParseError::TooLarge`] before any work is done:
//!
//! ```
//! let options = lgsco::Options { max_input_bytes: 1024, ..lgsco::Options::default() };
//! let err = lgsco::parse_with(&"x".repeat(2000), &options).unwrap_err();
//! assert_eq!(err.code(), "too_large");
//! assert!(matches!(err, lgsco::ParseError::TooLarge { size: 2000, limit: 1024, .. }));
//! ```

// No panics on input: core's library code may not unwrap, expect, panic or
// index (tests may).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod assemble;
pub mod blocks;
pub mod diagnostics;
pub mod entities;
pub mod error;
pub mod grammar;
pub mod header;
pub mod headings;
pub mod invariants;
pub mod lines;
pub mod pieces;
pub mod render;
pub mod robustness;
#[cfg(feature = "schema")]
pub mod schema;
pub mod span;
pub mod tree;

pub use diagnostics::{Diagnostic, Severity};
pub use entities::{Entity, EntityValue, Findings};
pub use error::ParseError;
pub use pieces::Pieces;
pub use span::{is_blank_char, Span, Text};
pub use tree::*;

/// Default for [`Options::max_input_bytes`]: 64 MiB, far above any real
/// decision (the longest seen are ~100 KB) and low enough to bound memory.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// What to do beyond building the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Extract entities and findings (on by default).
    pub entities: bool,
    /// Inputs larger than this return [`ParseError::TooLarge`].
    pub max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            entities: true,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

impl Options {
    /// The tree only, without entities and findings.
    pub fn tree_only() -> Self {
        Options {
            entities: false,
            ..Options::default()
        }
    }
}

/// Parses one decision statement with default [`Options`] (tree and entities).
pub fn parse(input: &str) -> Result<Decision<'_>, ParseError> {
    parse_with(input, &Options::default())
}

/// Parses one decision statement.
pub fn parse_with<'a>(input: &'a str, options: &Options) -> Result<Decision<'a>, ParseError> {
    if input.len() > options.max_input_bytes {
        return Err(ParseError::TooLarge {
            size: input.len(),
            limit: options.max_input_bytes,
            line: 1,
            column: 1,
            offset: 0,
        });
    }
    let mut decision = assemble::assemble(input)?;
    if options.entities {
        entities::extract(&mut decision, input);
    }
    Ok(decision)
}

/// Splits text holding several decisions one after another (pages a scrape
/// glued together) into one slice per decision, in order; concatenated, the
/// slices give back `input`. Text with one decision, or none, comes back as
/// one slice.
///
/// A new decision starts at a title line followed by metadata or the
/// final-decision marker once the previous body has begun: where
/// [`parse`] reports a `second_decision` diagnostic (and keeps the rest as
/// boilerplate). Parse each slice on its own; its spans are offsets into the
/// slice (add the lengths of the slices before it for offsets into `input`).
/// Each split parses the rest of the text again, so the cost is the input
/// size times the number of decisions: meant for a few, not an archive.
///
/// ```
/// let one = "West Sussex County Council (19 011 114)\n\nDecision : Upheld\n\n\
///            The complaint\n\n  1. Ms X complains.\n\n";
/// let two = "Knowsley Metropolitan Borough Council (22 014 796)\n\n\
///            Decision : Not upheld\n\nThe complaint\n\n  1. Mr Y complains.\n";
/// let both = format!("{one}{two}");
/// assert_eq!(lgsco::split_decisions(&both), vec![one, two]);
/// ```
pub fn split_decisions(input: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = input;
    loop {
        let at = parse_with(rest, &Options::tree_only())
            .ok()
            .and_then(|d| {
                d.diagnostics
                    .iter()
                    .find(|x| x.code == "second_decision")
                    .map(|x| x.span.start)
            })
            .filter(|&at| at > 0)
            .and_then(|at| rest.split_at_checked(at));
        match at {
            Some((head, tail)) => {
                pieces.push(head);
                rest = tail;
            }
            None => {
                pieces.push(rest);
                return pieces;
            }
        }
    }
}
