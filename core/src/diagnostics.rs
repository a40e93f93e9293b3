//! Diagnostics: what the parser found missing, guessed or odd in a decision
//! that still parsed. Errors that stop parsing are in [`crate::error`].

use serde::{Deserialize, Serialize};

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// Stable machine-readable code, e.g. `missing_metadata`.
    pub code: String,
    pub severity: Severity,
    /// A sentence for people.
    pub message: String,
    /// Where: the thing found, or the place where the missing thing belongs.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something expected is absent or damaged.
    Warning,
    /// A guess the parser made that a reader may want to check.
    Info,
}

impl Diagnostic {
    pub fn warning(code: &str, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            code: code.to_string(),
            severity: Severity::Warning,
            message: message.into(),
            span,
        }
    }

    pub fn info(code: &str, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            code: code.to_string(),
            severity: Severity::Info,
            message: message.into(),
            span,
        }
    }
}
