//! The syntax tree of one decision statement, as serialised to JSON.
//!
//! Every node carries a [`Span`]; every non-whitespace character of the input
//! belongs to exactly one leaf ([`Text`]): a piece of prose, a syntax token or
//! a boilerplate line. Absent values serialise as `null`, never as missing keys.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::entities::{Entity, Findings};
use crate::span::{Span, Text};

/// One parsed decision statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Decision {
    /// Which of the known text layouts the body is written in.
    pub layout: Layout,
    pub header: Header,
    pub summary: Option<Summary>,
    /// The table of contents some scrapes carry between title and body.
    pub contents: Option<Contents>,
    pub sections: Vec<Section>,
    /// "Investigator's decision on behalf of the Ombudsman" or similar.
    pub closing: Option<Text>,
    /// Web page furniture (cookie banner, "Back to top", "Print this page").
    pub boilerplate: Vec<Boilerplate>,
    /// Typed facts found in the prose (money, dates, legislation, ...).
    pub entities: Vec<Entity>,
    /// What the decision found, derived from the outcome and the prose.
    pub findings: Findings,
    /// What was missing, guessed or odd, with where.
    pub diagnostics: Vec<Diagnostic>,
    /// The whole input (after a leading byte-order mark, if any).
    pub span: Span,
}

/// The body layouts described in FORMAT.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Web scrape: `  1. text` paragraphs, `  • ` bullets, blank lines between blocks.
    Numbered,
    /// `- text` paragraphs and bare headings, no blank lines; nesting inferred.
    Dash,
    /// Dash layout with sub-items indented by one space.
    DashNested,
    /// Public interest report chapters: unindented `1. text` numbered straight through.
    Report,
    /// Old pages: prose paragraphs separated by blank lines, few or no headings.
    Legacy,
}

/// Title, metadata block and final-decision marker.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Header {
    /// The council or care provider, from the title line.
    pub authority: Option<String>,
    /// The reference as written, e.g. `19 011 114`.
    pub reference: Option<String>,
    /// The reference as the website writes it, e.g. `19-011-114`.
    pub reference_id: Option<String>,
    pub category: Category,
    /// The `Decision :` line as written, e.g. `Closed after initial enquiries`.
    pub outcome: Option<String>,
    pub outcome_kind: Option<OutcomeKind>,
    /// The `Decision date :` line.
    pub decision_date: Option<NaiveDate>,
    /// The title line as written.
    pub title: Option<Text>,
    /// Every `Label : value` metadata line, in order.
    pub fields: Vec<Field>,
    /// `The Ombudsman's final decision:`.
    pub marker: Option<Text>,
    /// From the title line to the marker (or the last header line).
    pub span: Option<Span>,
}

/// `Category : Area > Subcategory`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    pub area: Option<String>,
    pub subcategory: Option<String>,
}

/// A `Label : value` line of the metadata block (or the legacy
/// "Ombudsman satisfied with council's response: date" line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Field {
    pub name: FieldName,
    /// The label with its colon, e.g. `Decision date :`.
    pub label: Text,
    pub value: Option<Text>,
    /// A date read from the value, where the field holds one.
    pub date: Option<NaiveDate>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldName {
    Category,
    Decision,
    DecisionDate,
    /// Legacy: when the Ombudsman accepted the authority's compliance.
    SatisfiedWithResponse,
}

/// How the Ombudsman closed the case, classified from the `Decision :` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    Upheld,
    NotUpheld,
    ClosedAfterInitialEnquiries,
    InvestigationDiscontinued,
    Withdrawn,
    Premature,
    OutsideJurisdiction,
    ReferredBackForLocalResolution,
    AdviceGiven,
    IncompleteOrInvalid,
    Other,
}

/// The summary: inline `Summary: text` or a bare `Summary` line and its prose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    /// `Summary:` or `Summary`.
    pub label: Option<Text>,
    /// The summary's prose (its pieces joined by newlines).
    pub text: String,
    /// The pieces of prose, with their spans.
    pub content: Vec<Text>,
    pub span: Span,
}

/// A table of contents: dash lines naming the headings, before the marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contents {
    pub entries: Vec<Item>,
    pub span: Span,
}

/// A top-level section ("The complaint", "What I found", ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// `null` for the body of a page without headings (legacy layout).
    pub heading: Option<Text>,
    pub kind: SectionKind,
    pub blocks: Vec<Block>,
    pub subsections: Vec<Subsection>,
    pub span: Span,
}

/// A sub-heading inside a section ("Law and guidance", "My findings", a topic),
/// possibly holding its own sub-headings (two levels at most).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Subsection {
    pub heading: Text,
    pub kind: SectionKind,
    pub blocks: Vec<Block>,
    pub subsections: Vec<Subsection>,
    pub span: Span,
}

/// What a heading is, from its words. Unknown headings (topic names) are `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    // Top-level sections.
    Complaint,
    WhatInvestigated,
    NotInvestigated,
    RoleAndPowers,
    HowConsidered,
    WhatFound,
    Assessment,
    AgreedAction,
    Recommendations,
    FinalDecision,
    Summary,
    Finding,
    Investigation,
    LegalBackground,
    // Sub-headings.
    LawAndGuidance,
    WhatHappened,
    Findings,
    Analysis,
    Conclusions,
    /// The body of a page without headings.
    Untitled,
    Other,
}

/// A block of a section's body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph(Paragraph),
    /// List items with no paragraph to hang from (rare; damaged text).
    List(List),
}

/// A paragraph: a numbered (`  1. `), dash (`- `) or prose paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Paragraph {
    /// Document-wide paragraph number, as the website prints it (1..N).
    /// `null` for unnumbered lines in a numbered layout.
    pub ordinal: Option<u32>,
    /// The number as printed in this text (restarts per section in scrapes).
    pub number: Option<u32>,
    /// The list marker (`1.`, `-`), if any.
    pub marker: Option<Text>,
    /// The paragraph's own text, without its items (pieces joined by newlines).
    pub text: String,
    /// The pieces of own text: the lead text and any lines that continue the
    /// paragraph after its items (a closing sentence, a bracketed citation).
    pub content: Vec<Text>,
    pub items: Vec<Item>,
    pub span: Span,
}

/// Items without a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct List {
    pub items: Vec<Item>,
    pub span: Span,
}

/// A list item: bullet, lettered/numbered sub-item, or inferred dash sub-item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Item {
    pub kind: ItemKind,
    /// The marker as written: `•`, `-`, `1.`, `a)`.
    pub marker: Text,
    /// The letter the website shows for numbered sub-items (`a`, `b`, ...),
    /// which the prose cites ("parts c) to g)").
    pub label: Option<String>,
    /// The item's own text (pieces joined by newlines).
    pub text: String,
    pub content: Vec<Text>,
    pub items: Vec<Item>,
    pub span: Span,
}

impl Item {
    /// An item of one line: its marker and text (the text may be empty).
    /// `text` is left empty until the item is finished, as more lines may
    /// join its content.
    pub fn from_line(kind: ItemKind, marker: Text, label: Option<String>, text: Text) -> Item {
        let span = marker.span.cover(text.span);
        Item {
            kind,
            marker,
            label,
            text: String::new(),
            content: if text.text.is_empty() {
                Vec::new()
            } else {
                vec![text]
            },
            items: Vec::new(),
            span,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Bullet,
    /// `      1. text` in scrapes, `a)` on the website.
    Lettered,
    /// A `- ` line read as a sub-item of the paragraph before it.
    Dash,
}

/// A line of web page furniture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Boilerplate {
    pub kind: BoilerplateKind,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Cookie banner and privacy settings text.
    Cookies,
    /// `Back to top`, `Print this page`, logos.
    Navigation,
    /// Unrecognised text before the title line.
    Preamble,
    /// Unrecognised text after the closing line.
    Trailer,
}

impl Decision {
    /// All paragraphs in document order (sections, then their subsections).
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        let mut out = Vec::new();
        for s in &self.sections {
            collect_paragraphs(&s.blocks, &s.subsections, &mut out);
        }
        out
    }

    /// The paragraph with this document-wide ordinal.
    pub fn paragraph(&self, ordinal: u32) -> Option<&Paragraph> {
        self.paragraphs()
            .into_iter()
            .find(|p| p.ordinal == Some(ordinal))
    }
}

fn collect_paragraphs<'a>(
    blocks: &'a [Block],
    subsections: &'a [Subsection],
    out: &mut Vec<&'a Paragraph>,
) {
    for b in blocks {
        if let Block::Paragraph(p) = b {
            out.push(p);
        }
    }
    for s in subsections {
        collect_paragraphs(&s.blocks, &s.subsections, out);
    }
}
