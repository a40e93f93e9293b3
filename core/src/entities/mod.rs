//! Entities: typed facts read from the prose of a parsed decision.
//!
//! PLACEHOLDER while issue 3 is in progress: the types below are the agreed
//! JSON shape; `extract` finds nothing yet.

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::tree::Decision;

/// One fact found in the text, attached to the paragraph that holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entity {
    /// `kind` and `value` (its shape depends on the kind).
    #[serde(flatten)]
    pub value: EntityValue,
    /// Exactly `input[span.start..span.end]`.
    pub text: String,
    pub span: Span,
    /// Ordinal of the paragraph holding it, or null (summary, header, items of unnumbered text).
    pub paragraph: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum EntityValue {
    Money(Money),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Money {
    pub pence: Option<u64>,
    pub currency: String,
    pub period: Option<String>,
}

/// What the decision found.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Findings {}

/// Finds the entities of a parsed decision. `input` is the text it was parsed from.
pub fn extract(_decision: &mut Decision, _input: &str) {}
