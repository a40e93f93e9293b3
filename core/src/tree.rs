//! The syntax tree of one decision statement, as serialised to JSON.
//!
//! Every node carries a [`Span`]; every non-whitespace character of the input
//! belongs to exactly one leaf ([`Text`]): a piece of prose, a syntax token or
//! a boilerplate line. Absent values serialise as `null`, never as missing keys.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::entities::{Entity, Findings};
use crate::pieces::Pieces;
use crate::span::{Span, Text};

/// One parsed decision statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Decision<'a> {
    /// Which of the known text layouts the body is written in.
    pub layout: Layout,
    pub header: Header<'a>,
    pub summary: Option<Summary<'a>>,
    /// The table of contents some scrapes carry between title and body.
    pub contents: Option<Contents<'a>>,
    pub sections: Vec<Section<'a>>,
    /// "Investigator's decision on behalf of the Ombudsman" or similar.
    pub closing: Option<Text<'a>>,
    /// Web page furniture (cookie banner, "Back to top", "Print this page").
    pub boilerplate: Vec<Boilerplate<'a>>,
    /// Typed facts found in the prose (money, dates, legislation, ...).
    pub entities: Vec<Entity<'a>>,
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
pub struct Header<'a> {
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
    pub title: Option<Text<'a>>,
    /// Every `Label : value` metadata line, in order.
    pub fields: Vec<Field<'a>>,
    /// `The Ombudsman's final decision:`.
    pub marker: Option<Text<'a>>,
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
pub struct Field<'a> {
    pub name: FieldName,
    /// The label with its colon, e.g. `Decision date :`.
    pub label: Text<'a>,
    pub value: Option<Text<'a>>,
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
pub struct Summary<'a> {
    /// `Summary:` or `Summary`.
    pub label: Option<Text<'a>>,
    /// The summary's prose (its pieces joined by newlines).
    pub text: Cow<'a, str>,
    /// The pieces of prose, with their spans.
    pub content: Vec<Text<'a>>,
    pub span: Span,
}

/// A table of contents: dash lines naming the headings, before the marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contents<'a> {
    pub entries: Vec<Item<'a>>,
    pub span: Span,
}

/// A top-level section ("The complaint", "What I found", ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section<'a> {
    /// `null` for the body of a page without headings (legacy layout).
    pub heading: Option<Text<'a>>,
    pub kind: SectionKind,
    pub blocks: Vec<Block<'a>>,
    pub subsections: Vec<Subsection<'a>>,
    pub span: Span,
}

/// A sub-heading inside a section ("Law and guidance", "My findings", a topic),
/// possibly holding its own sub-headings (two levels at most).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Subsection<'a> {
    pub heading: Text<'a>,
    pub kind: SectionKind,
    pub blocks: Vec<Block<'a>>,
    pub subsections: Vec<Subsection<'a>>,
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
pub enum Block<'a> {
    Paragraph(Paragraph<'a>),
    /// List items with no paragraph to hang from (rare; damaged text).
    List(List<'a>),
}

/// A paragraph: a numbered (`  1. `), dash (`- `) or prose paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Paragraph<'a> {
    /// Document-wide paragraph number, as the website prints it (1..N).
    /// `null` for unnumbered lines in a numbered layout.
    pub ordinal: Option<u32>,
    /// The number as printed in this text (restarts per section in scrapes).
    pub number: Option<u32>,
    /// The list marker (`1.`, `-`), if any.
    pub marker: Option<Text<'a>>,
    /// The paragraph's own text, without its items (pieces joined by newlines).
    pub text: Cow<'a, str>,
    /// The pieces of own text: the lead text and any lines that continue the
    /// paragraph after its items (a closing sentence, a bracketed citation).
    pub content: Pieces<'a>,
    pub items: Vec<Item<'a>>,
    pub span: Span,
}

/// Items without a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct List<'a> {
    pub items: Vec<Item<'a>>,
    pub span: Span,
}

/// A list item: bullet, lettered/numbered sub-item, or inferred dash sub-item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Item<'a> {
    pub kind: ItemKind,
    /// The marker as written: `•`, `-`, `1.`, `a)`.
    pub marker: Text<'a>,
    /// The letter the website shows for numbered sub-items (`a`, `b`, ...),
    /// which the prose cites ("parts c) to g)").
    pub label: Option<String>,
    /// The item's own text (pieces joined by newlines).
    pub text: Cow<'a, str>,
    pub content: Pieces<'a>,
    pub items: Vec<Item<'a>>,
    pub span: Span,
}

impl<'a> Item<'a> {
    /// An item of one line: its marker and text (the text may be empty).
    /// `text` is left empty until the item is finished, as more lines may
    /// join its content.
    pub fn from_line(
        kind: ItemKind,
        marker: Text<'a>,
        label: Option<String>,
        text: Text<'a>,
    ) -> Item<'a> {
        let span = marker.span.cover(text.span);
        Item {
            kind,
            marker,
            label,
            text: Cow::Borrowed(""),
            content: if text.text.is_empty() {
                Pieces::new()
            } else {
                Pieces::from_iter([text])
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
pub struct Boilerplate<'a> {
    pub kind: BoilerplateKind,
    pub text: Cow<'a, str>,
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

impl<'a> Decision<'a> {
    /// All paragraphs in document order (sections, then their subsections).
    pub fn paragraphs(&self) -> Vec<&Paragraph<'a>> {
        let mut out = Vec::new();
        for s in &self.sections {
            collect_paragraphs(&s.blocks, &s.subsections, &mut out);
        }
        out
    }

    /// The paragraph with this document-wide ordinal.
    pub fn paragraph(&self, ordinal: u32) -> Option<&Paragraph<'a>> {
        self.paragraphs()
            .into_iter()
            .find(|p| p.ordinal == Some(ordinal))
    }

    /// The same decision owning all its text, so it can outlive the input
    /// (the parser borrows leaves from the input instead of copying them).
    pub fn into_owned(self) -> Decision<'static> {
        Decision {
            layout: self.layout,
            header: self.header.into_owned(),
            summary: self.summary.map(Summary::into_owned),
            contents: self.contents.map(|c| Contents {
                entries: owned_items(c.entries),
                span: c.span,
            }),
            sections: self.sections.into_iter().map(Section::into_owned).collect(),
            closing: self.closing.map(Text::into_owned),
            boilerplate: self
                .boilerplate
                .into_iter()
                .map(|b| Boilerplate {
                    kind: b.kind,
                    text: owned(b.text),
                    span: b.span,
                })
                .collect(),
            entities: self
                .entities
                .into_iter()
                .map(|e| Entity {
                    text: owned(e.text),
                    ..e
                })
                .collect(),
            findings: self.findings,
            diagnostics: self.diagnostics,
            span: self.span,
        }
    }
}

fn owned(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

fn owned_texts<'a, C>(texts: impl IntoIterator<Item = Text<'a>>) -> C
where
    C: FromIterator<Text<'static>>,
{
    texts.into_iter().map(Text::into_owned).collect()
}

fn owned_items(items: Vec<Item<'_>>) -> Vec<Item<'static>> {
    items.into_iter().map(Item::into_owned).collect()
}

fn owned_blocks(blocks: Vec<Block<'_>>) -> Vec<Block<'static>> {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(p) => Block::Paragraph(p.into_owned()),
            Block::List(l) => Block::List(List {
                items: owned_items(l.items),
                span: l.span,
            }),
        })
        .collect()
}

impl Header<'_> {
    fn into_owned(self) -> Header<'static> {
        Header {
            authority: self.authority,
            reference: self.reference,
            reference_id: self.reference_id,
            category: self.category,
            outcome: self.outcome,
            outcome_kind: self.outcome_kind,
            decision_date: self.decision_date,
            title: self.title.map(Text::into_owned),
            fields: self
                .fields
                .into_iter()
                .map(|f| Field {
                    name: f.name,
                    label: f.label.into_owned(),
                    value: f.value.map(Text::into_owned),
                    date: f.date,
                    span: f.span,
                })
                .collect(),
            marker: self.marker.map(Text::into_owned),
            span: self.span,
        }
    }
}

impl Summary<'_> {
    fn into_owned(self) -> Summary<'static> {
        Summary {
            label: self.label.map(Text::into_owned),
            text: owned(self.text),
            content: owned_texts(self.content),
            span: self.span,
        }
    }
}

impl Section<'_> {
    fn into_owned(self) -> Section<'static> {
        Section {
            heading: self.heading.map(Text::into_owned),
            kind: self.kind,
            blocks: owned_blocks(self.blocks),
            subsections: self
                .subsections
                .into_iter()
                .map(Subsection::into_owned)
                .collect(),
            span: self.span,
        }
    }
}

impl Subsection<'_> {
    fn into_owned(self) -> Subsection<'static> {
        Subsection {
            heading: self.heading.into_owned(),
            kind: self.kind,
            blocks: owned_blocks(self.blocks),
            subsections: self
                .subsections
                .into_iter()
                .map(Subsection::into_owned)
                .collect(),
            span: self.span,
        }
    }
}

impl Paragraph<'_> {
    fn into_owned(self) -> Paragraph<'static> {
        Paragraph {
            ordinal: self.ordinal,
            number: self.number,
            marker: self.marker.map(Text::into_owned),
            text: owned(self.text),
            content: owned_texts(self.content),
            items: owned_items(self.items),
            span: self.span,
        }
    }
}

impl Item<'_> {
    fn into_owned(self) -> Item<'static> {
        Item {
            kind: self.kind,
            marker: self.marker.into_owned(),
            label: self.label,
            text: owned(self.text),
            content: owned_texts(self.content),
            items: owned_items(self.items),
            span: self.span,
        }
    }
}

fn collect_paragraphs<'d, 'a>(
    blocks: &'d [Block<'a>],
    subsections: &'d [Subsection<'a>],
    out: &mut Vec<&'d Paragraph<'a>>,
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
