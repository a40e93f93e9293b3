//! Akoma Ntoso 3.0 (OASIS LegalDocML) XML: the decision as a `judgment`.
//!
//! ```text
//! akomaNtoso
//!   judgment name="decision"
//!     meta
//!       identification: FRBRWork / FRBRExpression / FRBRManifestation
//!         (FRBRnumber = the reference, FRBRdate = the decision date,
//!          FRBRauthor = #lgsco, the Ombudsman, who decided;
//!          FRBRname = the title, which names the authority)
//!       references: TLCOrganization #lgsco and #authority, TLCRole #respondent
//!       proprietary: lgsco:decision (category, outcome kind, layout)
//!     header: title, reference, authority (party), metadata lines
//!     judgmentBody: the sections, grouped by kind into introduction,
//!       background, motivation, remedies and decision; each a `section`
//!       (sub-headings `subsection`, then `level`) holding `paragraph`
//!       elements (eId="para_N" from the ordinal, `num`, `content` with `p`,
//!       `blockList`/`item` for its items)
//!     conclusions: the closing line
//! ```
//!
//! Resolved paragraph references become `ref href="#para_N"` (several
//! targets: an `mref` with a `ref` on each cited number); dates given to the
//! day become `date date="YYYY-MM-DD"`. The output validates against the
//! official AKN 3.0 schema (checked in the Python tests with lxml).

use std::collections::HashSet;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{resolved_targets, segments, split_content, JudgmentPart, Segment};
use crate::entities::{DatePrecision, Entity, EntityValue};
use crate::span::Text;
use crate::tree::{Block, Decision, FieldName, Item, Paragraph, Section, Subsection};

/// The Akoma Ntoso 3.0 namespace.
pub const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// The namespace of lgsco's own metadata (inside `proprietary`).
pub const LGSCO_NS: &str = "https://github.com/lgsco/lgsco/ns/akn";

impl Decision<'_> {
    /// The decision as an Akoma Ntoso 3.0 XML document (a `judgment`), with
    /// its XML declaration. See [`crate::render::akn`].
    pub fn to_akn(&self) -> String {
        let mut out = String::with_capacity(self.span.len() * 2 + 4096);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        write_document(&mut out, self, 0);
        out
    }
}

/// Writes the `akomaNtoso` element (no XML declaration), indented by
/// `depth` levels: for putting several documents in one file.
pub fn write_document(out: &mut String, d: &Decision, depth: usize) {
    let mut w = Writer {
        out,
        d,
        ids: HashSet::new(),
        unnumbered: 0,
    };
    w.document(depth);
}

struct Writer<'a, 'o> {
    out: &'o mut String,
    d: &'a Decision<'a>,
    /// eIds written so far (they must be unique).
    ids: HashSet<String>,
    /// Paragraphs without an ordinal so far (their eIds count them).
    unnumbered: usize,
}

fn pad(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// True for characters XML 1.0 allows in a document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text content; characters XML cannot hold become U+FFFD.
pub fn escape_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// Escapes an attribute value (double-quoted); line breaks and tabs are kept
/// as character references, so they survive attribute normalisation.
pub fn escape_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// A name safe in a URI path segment: ASCII letters and digits kept
/// (lower-cased), runs of anything else one `-`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("unknown");
    }
    out
}

/// Does a document hold a section of this part? (for grouping)
fn part_of(
    kind_part: Option<JudgmentPart>,
    previous: Option<JudgmentPart>,
    untitled: bool,
) -> JudgmentPart {
    kind_part.or(previous).unwrap_or(if untitled {
        JudgmentPart::Motivation
    } else {
        JudgmentPart::Introduction
    })
}

/// One entry of the judgment body: the summary or a top-level section.
enum Entry<'a> {
    Summary,
    Section(&'a Section<'a>),
}

impl<'a, 'o> Writer<'a, 'o> {
    fn open(&mut self, depth: usize, name: &str, attrs: &[(&str, &str)]) {
        pad(self.out, depth);
        self.start_tag(name, attrs);
        self.out.push('\n');
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape_attr(self.out, v);
            self.out.push('"');
        }
        self.out.push('>');
    }

    fn close(&mut self, depth: usize, name: &str) {
        pad(self.out, depth);
        let _ = writeln!(self.out, "</{name}>");
    }

    fn empty(&mut self, depth: usize, name: &str, attrs: &[(&str, &str)]) {
        pad(self.out, depth);
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape_attr(self.out, v);
            self.out.push('"');
        }
        self.out.push_str("/>\n");
    }

    /// `<name>text</name>` on one line.
    fn leaf(&mut self, depth: usize, name: &str, attrs: &[(&str, &str)], text: &str) {
        pad(self.out, depth);
        self.start_tag(name, attrs);
        escape_text(self.out, text);
        let _ = writeln!(self.out, "</{name}>");
    }

    /// A unique eId: `wanted`, or `wanted_2`, `wanted_3`, ... if taken.
    fn id(&mut self, wanted: String) -> String {
        let mut id = wanted.clone();
        let mut n = 1;
        while self.ids.contains(&id) {
            n += 1;
            id = format!("{wanted}_{n}");
        }
        self.ids.insert(id.clone());
        id
    }

    fn document(&mut self, depth: usize) {
        pad(self.out, depth);
        let _ = writeln!(self.out, "<akomaNtoso xmlns=\"{AKN_NS}\">");
        self.open(depth + 1, "judgment", &[("name", "decision")]);
        self.meta(depth + 2);
        self.header(depth + 2);
        self.body(depth + 2);
        if let Some(c) = &self.d.closing {
            self.open(depth + 2, "conclusions", &[]);
            self.para_text(depth + 3, &[c]);
            self.close(depth + 2, "conclusions");
        }
        self.close(depth + 1, "judgment");
        self.close(depth, "akomaNtoso");
    }

    fn meta(&mut self, depth: usize) {
        let h = &self.d.header;
        let (date, date_name) = match h.decision_date {
            Some(date) => (date.format("%Y-%m-%d").to_string(), "decision"),
            // FRBRdate is required; an unknown date is said so by its name.
            None => ("0001-01-01".to_string(), "unknown"),
        };
        let number = h
            .reference_id
            .as_deref()
            .or(h.reference.as_deref())
            .map(slug)
            .unwrap_or_else(|| "unknown".to_string());
        let uri_date = h
            .decision_date
            .map(|d: NaiveDate| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "unknown".to_string());
        let work = format!("/akn/gb/judgment/lgsco/{uri_date}/{number}");
        let expression = format!("{work}/eng@");
        let frbr_number = h.reference_id.as_deref().or(h.reference.as_deref());
        let name = h.title.as_ref().map(|t| t.text.as_ref());

        self.open(depth, "meta", &[]);
        self.open(depth + 1, "identification", &[("source", "#lgsco")]);

        self.open(depth + 2, "FRBRWork", &[]);
        self.empty(
            depth + 3,
            "FRBRthis",
            &[("value", &format!("{work}/!main"))],
        );
        self.empty(depth + 3, "FRBRuri", &[("value", &work)]);
        self.empty(
            depth + 3,
            "FRBRdate",
            &[("date", &date), ("name", date_name)],
        );
        self.empty(depth + 3, "FRBRauthor", &[("href", "#lgsco")]);
        self.empty(depth + 3, "FRBRcountry", &[("value", "gb")]);
        if let Some(n) = frbr_number {
            self.empty(depth + 3, "FRBRnumber", &[("value", n)]);
        }
        if let Some(n) = name {
            self.empty(depth + 3, "FRBRname", &[("value", n)]);
        }
        self.close(depth + 2, "FRBRWork");

        self.open(depth + 2, "FRBRExpression", &[]);
        self.empty(
            depth + 3,
            "FRBRthis",
            &[("value", &format!("{expression}/!main"))],
        );
        self.empty(depth + 3, "FRBRuri", &[("value", &expression)]);
        self.empty(
            depth + 3,
            "FRBRdate",
            &[("date", &date), ("name", date_name)],
        );
        self.empty(depth + 3, "FRBRauthor", &[("href", "#lgsco")]);
        self.empty(depth + 3, "FRBRlanguage", &[("language", "eng")]);
        self.close(depth + 2, "FRBRExpression");

        self.open(depth + 2, "FRBRManifestation", &[]);
        self.empty(
            depth + 3,
            "FRBRthis",
            &[("value", &format!("{expression}/!main.xml"))],
        );
        self.empty(
            depth + 3,
            "FRBRuri",
            &[("value", &format!("{expression}.akn"))],
        );
        self.empty(
            depth + 3,
            "FRBRdate",
            &[("date", &date), ("name", date_name)],
        );
        self.empty(depth + 3, "FRBRauthor", &[("href", "#lgsco")]);
        self.close(depth + 2, "FRBRManifestation");

        self.close(depth + 1, "identification");

        self.open(depth + 1, "references", &[("source", "#lgsco")]);
        self.empty(
            depth + 2,
            "TLCOrganization",
            &[
                ("eId", "lgsco"),
                ("href", "/ontology/organization/gb/lgsco"),
                ("showAs", "Local Government and Social Care Ombudsman"),
            ],
        );
        if let Some(a) = &h.authority {
            self.empty(
                depth + 2,
                "TLCOrganization",
                &[
                    ("eId", "authority"),
                    ("href", &format!("/ontology/organization/gb/{}", slug(a))),
                    ("showAs", a),
                ],
            );
            self.empty(
                depth + 2,
                "TLCRole",
                &[
                    ("eId", "respondent"),
                    ("href", "/ontology/role/respondent"),
                    ("showAs", "Respondent"),
                ],
            );
        }
        self.close(depth + 1, "references");

        self.open(depth + 1, "proprietary", &[("source", "#lgsco")]);
        pad(self.out, depth + 2);
        let _ = write!(self.out, "<lgsco:decision xmlns:lgsco=\"{LGSCO_NS}\"");
        let layout = serde_name(&self.d.layout);
        let outcome_kind = h.outcome_kind.as_ref().and_then(serde_name);
        let fields: [(&str, Option<&str>); 6] = [
            ("layout", layout.as_deref()),
            ("reference", h.reference.as_deref()),
            ("outcome", h.outcome.as_deref()),
            ("outcomeKind", outcome_kind.as_deref()),
            ("categoryArea", h.category.area.as_deref()),
            ("categorySubcategory", h.category.subcategory.as_deref()),
        ];
        for (k, v) in fields {
            if let Some(v) = v {
                let _ = write!(self.out, " {k}=\"");
                escape_attr(self.out, v);
                self.out.push('"');
            }
        }
        self.out.push_str("/>\n");
        self.close(depth + 1, "proprietary");
        self.close(depth, "meta");
    }

    fn header(&mut self, depth: usize) {
        let d = self.d;
        let h = &d.header;
        self.open(depth, "header", &[]);
        let mut wrote = false;
        if let Some(t) = &h.title {
            pad(self.out, depth + 1);
            self.out.push_str("<p><docTitle>");
            escape_text(self.out, &t.text);
            self.out.push_str("</docTitle></p>\n");
            wrote = true;
        }
        if let Some(r) = h.reference_id.as_deref().or(h.reference.as_deref()) {
            pad(self.out, depth + 1);
            self.out.push_str("<p>Reference: <docNumber>");
            escape_text(self.out, r);
            self.out.push_str("</docNumber></p>\n");
            wrote = true;
        }
        if let Some(a) = &h.authority {
            pad(self.out, depth + 1);
            self.out
                .push_str("<p>Authority: <party refersTo=\"#authority\" as=\"#respondent\">");
            escape_text(self.out, a);
            self.out.push_str("</party></p>\n");
            wrote = true;
        }
        for f in &h.fields {
            pad(self.out, depth + 1);
            self.out.push_str("<p>");
            escape_text(self.out, &f.label.text);
            let Some(v) = &f.value else {
                self.out.push_str("</p>\n");
                continue;
            };
            self.out.push(' ');
            match (f.name, f.date) {
                (FieldName::DecisionDate, Some(date)) => {
                    let _ = write!(self.out, "<docDate date=\"{}\">", date.format("%Y-%m-%d"));
                    escape_text(self.out, &v.text);
                    self.out.push_str("</docDate>");
                }
                (FieldName::Decision, _) => {
                    self.out.push_str("<docStatus>");
                    escape_text(self.out, &v.text);
                    self.out.push_str("</docStatus>");
                }
                (_, Some(date)) => {
                    let _ = write!(self.out, "<date date=\"{}\">", date.format("%Y-%m-%d"));
                    escape_text(self.out, &v.text);
                    self.out.push_str("</date>");
                }
                _ => escape_text(self.out, &v.text),
            }
            self.out.push_str("</p>\n");
            wrote = true;
        }
        if let Some(m) = &h.marker {
            self.leaf(depth + 1, "p", &[], &m.text);
            wrote = true;
        }
        if !wrote {
            self.leaf(depth + 1, "p", &[], "");
        }
        self.close(depth, "header");
    }

    fn body(&mut self, depth: usize) {
        let d = self.d;
        // The entries in order, each with the part it goes in.
        let mut entries: Vec<(JudgmentPart, Entry<'a>)> = Vec::new();
        let mut previous = None;
        if d.summary.is_some() {
            entries.push((JudgmentPart::Introduction, Entry::Summary));
            previous = Some(JudgmentPart::Introduction);
        }
        for s in &d.sections {
            let part = part_of(JudgmentPart::of(s.kind), previous, s.heading.is_none());
            entries.push((part, Entry::Section(s)));
            previous = Some(part);
        }

        self.open(depth, "judgmentBody", &[]);
        if entries.is_empty() {
            self.open(depth + 1, "introduction", &[]);
            self.leaf(depth + 2, "p", &[], "");
            self.close(depth + 1, "introduction");
        }
        let mut i = 0;
        let mut section_no = 0;
        while let Some((part, _)) = entries.get(i) {
            let part = *part;
            self.open(depth + 1, part.element(), &[]);
            while let Some((p, entry)) = entries.get(i) {
                if *p != part {
                    break;
                }
                match entry {
                    Entry::Summary => self.summary(depth + 2),
                    Entry::Section(s) => {
                        section_no += 1;
                        self.section(depth + 2, s, section_no);
                    }
                }
                i += 1;
            }
            self.close(depth + 1, part.element());
        }
        self.close(depth, "judgmentBody");
    }

    fn summary(&mut self, depth: usize) {
        let Some(s) = &self.d.summary else { return };
        let id = self.id("summary".to_string());
        self.open(depth, "section", &[("eId", &id)]);
        let heading = s
            .label
            .as_ref()
            .map(|l| l.text.trim_end_matches([':', ' ']).to_string())
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| "Summary".to_string());
        self.leaf(depth + 1, "heading", &[], &heading);
        self.open(depth + 1, "content", &[]);
        let pieces: Vec<&Text> = s.content.iter().collect();
        if pieces.is_empty() {
            self.leaf(depth + 2, "p", &[], "");
        }
        for t in pieces {
            self.para_text(depth + 2, &[t]);
        }
        self.close(depth + 1, "content");
        self.close(depth, "section");
    }

    fn section(&mut self, depth: usize, s: &'a Section, n: usize) {
        let id = self.id(format!("sec_{n}"));
        self.open(depth, "section", &[("eId", &id)]);
        if let Some(h) = &s.heading {
            self.leaf(depth + 1, "heading", &[], &h.text);
        }
        self.blocks(depth + 1, &s.blocks, &id);
        for (k, sub) in s.subsections.iter().enumerate() {
            self.subsection(
                depth + 1,
                sub,
                &format!("{id}__subsec_{}", k + 1),
                "subsection",
            );
        }
        self.close(depth, "section");
    }

    fn subsection(&mut self, depth: usize, s: &'a Subsection, wanted: &str, element: &str) {
        let id = self.id(wanted.to_string());
        self.open(depth, element, &[("eId", &id)]);
        self.leaf(depth + 1, "heading", &[], &s.heading.text);
        self.blocks(depth + 1, &s.blocks, &id);
        for (k, sub) in s.subsections.iter().enumerate() {
            self.subsection(depth + 1, sub, &format!("{id}__lvl_{}", k + 1), "level");
        }
        self.close(depth, element);
    }

    fn blocks(&mut self, depth: usize, blocks: &'a [Block], parent: &str) {
        for (k, b) in blocks.iter().enumerate() {
            match b {
                Block::Paragraph(p) => self.paragraph(depth, p),
                Block::List(l) => {
                    // Items with no paragraph: an unnumbered paragraph holding the list.
                    let id = self.id(format!("{parent}__list_{}", k + 1));
                    self.open(depth, "paragraph", &[("eId", &id)]);
                    self.open(depth + 1, "content", &[]);
                    self.block_list(depth + 2, &l.items, &id);
                    self.close(depth + 1, "content");
                    self.close(depth, "paragraph");
                }
            }
        }
    }

    fn paragraph(&mut self, depth: usize, p: &'a Paragraph) {
        let wanted = match p.ordinal {
            Some(n) => format!("para_{n}"),
            None => {
                self.unnumbered += 1;
                format!("para_x{}", self.unnumbered)
            }
        };
        let id = self.id(wanted);
        self.open(depth, "paragraph", &[("eId", &id)]);
        if let Some(n) = p.ordinal {
            self.leaf(depth + 1, "num", &[], &format!("{n}."));
        }
        self.open(depth + 1, "content", &[]);
        let (before, after) = split_content(p);
        for t in &before {
            self.para_text(depth + 2, &[t]);
        }
        if !p.items.is_empty() {
            self.block_list(depth + 2, &p.items, &id);
        }
        for t in &after {
            self.para_text(depth + 2, &[t]);
        }
        if before.is_empty() && after.is_empty() && p.items.is_empty() {
            self.leaf(depth + 2, "p", &[], "");
        }
        self.close(depth + 1, "content");
        self.close(depth, "paragraph");
    }

    fn block_list(&mut self, depth: usize, items: &'a [Item], parent: &str) {
        if items.is_empty() {
            return;
        }
        let id = self.id(format!("{parent}__list_1"));
        self.open(depth, "blockList", &[("eId", &id)]);
        for (k, item) in items.iter().enumerate() {
            let suffix = match &item.label {
                Some(l) if !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric()) => {
                    l.clone()
                }
                _ => (k + 1).to_string(),
            };
            let item_id = self.id(format!("{id}__item_{suffix}"));
            self.open(depth + 1, "item", &[("eId", &item_id)]);
            if let Some(label) = super::item_label(item) {
                self.leaf(depth + 2, "num", &[], &label);
            }
            let first_sub = item.items.first().map(|i| i.span.start);
            let (before, after): (Vec<&Text>, Vec<&Text>) =
                item.content.iter().partition(|t| match first_sub {
                    Some(at) => t.span.start < at,
                    None => true,
                });
            if before.is_empty() {
                // An item holds at least one block.
                self.leaf(depth + 2, "p", &[], "");
            }
            for t in &before {
                self.para_text(depth + 2, &[t]);
            }
            self.block_list(depth + 2, &item.items, &item_id);
            for t in &after {
                self.para_text(depth + 2, &[t]);
            }
            self.close(depth + 1, "item");
        }
        self.close(depth, "blockList");
    }

    /// One `p` holding the pieces (joined by a space), with inline markup.
    fn para_text(&mut self, depth: usize, pieces: &[&Text]) {
        pad(self.out, depth);
        self.out.push_str("<p>");
        for (k, t) in pieces.iter().enumerate() {
            if k > 0 {
                self.out.push(' ');
            }
            let segs = segments(t, &self.d.entities, marked);
            self.inline(&segs);
        }
        self.out.push_str("</p>\n");
    }

    fn inline(&mut self, segs: &[Segment<'_>]) {
        for seg in segs {
            match seg {
                Segment::Text(s) => text_unwrapped(self.out, s),
                Segment::Entity(e, inner) => self.entity(e, inner),
            }
        }
    }

    fn entity(&mut self, e: &Entity, inner: &[Segment<'_>]) {
        match &e.value {
            EntityValue::ParagraphRef(_) => {
                let targets = resolved_targets(&e.value);
                match targets.as_slice() {
                    [] => self.inline(inner),
                    [one] => {
                        let _ = write!(self.out, "<ref href=\"#para_{one}\">");
                        self.inline(inner);
                        self.out.push_str("</ref>");
                    }
                    many => {
                        self.out.push_str("<mref>");
                        for seg in inner {
                            match seg {
                                Segment::Text(s) => link_numbers(self.out, s, many),
                                Segment::Entity(e, inner) => self.entity(e, inner),
                            }
                        }
                        self.out.push_str("</mref>");
                    }
                }
            }
            EntityValue::Date(v) => match (&v.date, v.precision, &v.until) {
                (Some(date), DatePrecision::Day, None)
                    if NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok() =>
                {
                    self.out.push_str("<date date=\"");
                    escape_attr(self.out, date);
                    self.out.push_str("\">");
                    self.inline(inner);
                    self.out.push_str("</date>");
                }
                _ => self.inline(inner),
            },
            _ => self.inline(inner),
        }
    }
}

/// The entities Akoma Ntoso marks inline.
fn marked(e: &Entity) -> bool {
    match &e.value {
        EntityValue::ParagraphRef(_) => !resolved_targets(&e.value).is_empty(),
        EntityValue::Date(v) => v.precision == DatePrecision::Day && v.until.is_none(),
        _ => false,
    }
}

fn text_unwrapped(out: &mut String, s: &str) {
    super::push_unwrapped(out, s, escape_text);
}

/// Text of a reference to several paragraphs, with a `ref` on each number
/// that is one of `targets` (`paragraphs <ref>6</ref> and <ref>7</ref>`).
fn link_numbers(out: &mut String, s: &str, targets: &[u32]) {
    super::link_numbers(out, s, targets, text_unwrapped, |out, n, digits| {
        let _ = write!(out, "<ref href=\"#para_{n}\">{digits}</ref>");
    });
}

/// The serde (JSON) name of a unit enum value, e.g. `upheld`.
fn serde_name<T: serde::Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_replaces_bad_characters() {
        let mut s = String::new();
        escape_text(&mut s, "a<b & \"c\" \u{1}\u{FFFE}");
        assert_eq!(s, "a&lt;b &amp; \"c\" \u{FFFD}\u{FFFD}");
        let mut a = String::new();
        escape_attr(&mut a, "x\"y'\n<");
        assert_eq!(a, "x&quot;y'&#10;&lt;");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("22-014-796"), "22-014-796");
        assert_eq!(
            slug("Knowsley Metropolitan Borough Council"),
            "knowsley-metropolitan-borough-council"
        );
        assert_eq!(slug("--"), "unknown");
    }

    #[test]
    fn links_numbers() {
        let mut s = String::new();
        link_numbers(&mut s, "paragraphs 6 and 7 to 10", &[6, 7]);
        assert_eq!(
            s,
            "paragraphs <ref href=\"#para_6\">6</ref> and <ref href=\"#para_7\">7</ref> to 10"
        );
    }
}
