//! Stage 4: the tree. Walks the lines once, top to bottom (boilerplate,
//! title, contents, metadata, marker, summary, sections, closing), placing
//! each line with the grammar of [`crate::grammar`] and the paragraph
//! building of [`crate::blocks`].

use std::borrow::Cow;

use crate::blocks::{self, place_dash, BlockBuilder, DashPlace};
use crate::diagnostics::Diagnostic;
use crate::entities::Findings;
use crate::error::ParseError;
use crate::grammar::{self, ListLine, Marker};
use crate::header;
use crate::headings::{self, is_known_sub, is_top_level};
use crate::lines::{self, Line};
use crate::span::{column_of, Span, Text};
use crate::tree::*;

/// Parses `input` into a [`Decision`] without entities.
pub fn assemble(input: &str) -> Result<Decision<'_>, ParseError> {
    let lines = lines::split(input);
    let Some(first) = lines.iter().find(|l| !l.is_blank()) else {
        return Err(ParseError::Empty {
            line: 1,
            column: 1,
            offset: 0,
        });
    };
    let first_at = first.trimmed().0;
    let mut asm = Assembler::new(input, &lines);
    asm.run();
    if !asm.found_decision() {
        return Err(ParseError::NotADecision {
            missing: "no title line `Authority (YY NNN NNN)`, no metadata (`Decision : ...`), \
                      no `The Ombudsman's final decision:` marker and no known section heading"
                .to_string(),
            line: first.number,
            column: column_of(input, first_at),
            offset: first_at,
        });
    }
    Ok(asm.finish())
}

/// Where in the document the walk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the title line: cookie banners and other page furniture.
    Preamble,
    /// Between the title and the final-decision marker.
    Head,
    Body,
    /// After the page's closing furniture: everything is boilerplate.
    Trailer,
}

struct Assembler<'l, 'a> {
    input: &'a str,
    lines: &'l [Line<'a>],
    layout: Layout,
    title_at: Option<usize>,
    marker_at: Option<usize>,
    last_text_line: usize,

    state: State,
    header: Header<'a>,
    summary: Option<Summary<'a>>,
    /// Collecting prose under a bare `Summary` line.
    in_summary: bool,
    contents: Option<Contents<'a>>,
    sections: Vec<Section<'a>>,
    /// Depth of the open container: 0 = the section, 1 or 2 = its subsections.
    depth: usize,
    blocks: BlockBuilder<'a>,
    closing: Option<Text<'a>>,
    boilerplate: Vec<Boilerplate<'a>>,
    diagnostics: Vec<Diagnostic>,
    /// A `Back to top` line came since the last heading: the next heading is top-level.
    top_next: bool,
    /// The previous content line was a heading (headings stack).
    after_heading: bool,
    /// A blank line came since the last content line (legacy paragraphs).
    after_blank: bool,
}

impl<'l, 'a> Assembler<'l, 'a> {
    fn new(input: &'a str, lines: &'l [Line<'a>]) -> Self {
        let title_at = find_title(lines);
        let marker_at = lines
            .iter()
            .enumerate()
            .skip(title_at.map_or(0, |t| t + 1))
            .find(|(_, l)| grammar::final_marker(l.trimmed().1))
            .map(|(i, _)| i);
        let body_from = marker_at.or(title_at).map_or(0, |i| i + 1);
        let last_text_line = lines.iter().rposition(|l| !l.is_blank()).unwrap_or(0);
        Assembler {
            input,
            lines,
            layout: detect_layout(lines.get(body_from..).unwrap_or_default()),
            title_at,
            marker_at,
            last_text_line,
            state: if title_at.is_some() {
                State::Preamble
            } else {
                State::Head
            },
            header: Header::default(),
            summary: None,
            in_summary: false,
            contents: None,
            sections: Vec::new(),
            depth: 0,
            blocks: BlockBuilder::new(),
            closing: None,
            boilerplate: Vec::new(),
            diagnostics: Vec::new(),
            top_next: false,
            after_heading: false,
            after_blank: false,
        }
    }

    fn run(&mut self) {
        let lines = self.lines;
        for (i, line) in lines.iter().enumerate() {
            if line.is_blank() {
                self.after_blank = true;
                continue;
            }
            if self.is_second_decision(i) {
                self.diagnostics.push(Diagnostic::warning(
                    "second_decision",
                    "another decision starts here; only the first was parsed (the rest is kept as boilerplate)",
                    line.text().span,
                ));
                for rest in lines
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .filter(|l| !l.is_blank())
                {
                    self.push_boilerplate(rest, BoilerplateKind::Trailer);
                }
                break;
            }
            self.line(i, line);
        }
    }

    /// One non-blank line.
    fn line(&mut self, i: usize, line: &Line<'a>) {
        let (_, text) = line.trimmed();
        let last = i == self.last_text_line;
        match self.state {
            State::Preamble => {
                if Some(i) == self.title_at {
                    self.title(line);
                    self.state = State::Head;
                } else {
                    let kind =
                        grammar::boilerplate(text, last).unwrap_or(BoilerplateKind::Preamble);
                    self.push_boilerplate(line, kind);
                }
            }
            State::Head => self.head_line(i, line),
            State::Body => self.body_line(line, last),
            State::Trailer => {
                let kind = grammar::boilerplate(text, last).unwrap_or(BoilerplateKind::Trailer);
                self.push_boilerplate(line, kind);
            }
        }
    }

    fn head_line(&mut self, i: usize, line: &Line<'a>) {
        let (_, text) = line.trimmed();
        if let Some(kind) = grammar::boilerplate(text, i == self.last_text_line) {
            self.push_boilerplate(line, kind);
        } else if let Some(field) = grammar::field_line(text) {
            self.field(line, field);
        } else if grammar::final_marker(text) {
            self.header.marker = Some(line.text());
            self.state = State::Body;
        } else if let (Some(list), true) = (
            grammar::list_line(text),
            self.marker_at.is_some_and(|m| i < m),
        ) {
            // Dash lines before the marker are a table of contents.
            self.contents_entry(line, list);
        } else if let Some((label, rest)) = grammar::inline_summary(text) {
            self.state = State::Body;
            self.inline_summary(line, label, rest);
        } else {
            self.state = State::Body;
            self.body_line(line, i == self.last_text_line);
        }
    }

    fn body_line(&mut self, line: &Line<'a>, last: bool) {
        let (_, text) = line.trimmed();
        let blank_before = std::mem::replace(&mut self.after_blank, false);
        if let Some(kind) = grammar::boilerplate(text, last) {
            // The page's footer (print link, logo, cookie texts) ends the
            // decision: whatever follows is page furniture too.
            let footer = kind == BoilerplateKind::Cookies
                || text.eq_ignore_ascii_case("print this page")
                || text.eq_ignore_ascii_case("lgo logogram");
            if text.eq_ignore_ascii_case("back to top") {
                self.top_next = true;
            } else if footer && !self.sections.is_empty() {
                self.state = State::Trailer;
            }
            self.push_boilerplate(line, kind);
            return;
        }
        if self.header.marker.is_none() && self.sections.is_empty() && grammar::final_marker(text) {
            self.header.marker = Some(line.text());
            return;
        }
        if grammar::closing_line(text) && self.closing.is_none() {
            self.closing = Some(line.text());
            self.after_heading = false;
            return;
        }
        if let Some(field) = grammar::field_line(text) {
            if field.name == FieldName::SatisfiedWithResponse
                || self.sections.is_empty() && !self.blocks.has_open()
            {
                self.field(line, field);
                return;
            }
        }
        if self.sections.is_empty() && self.summary.is_none() && !self.blocks.has_open() {
            if let Some((label, rest)) = grammar::inline_summary(text) {
                self.inline_summary(line, label, rest);
                return;
            }
            if grammar::summary_heading(text) {
                self.summary = Some(Summary {
                    label: Some(line.text()),
                    text: Cow::Borrowed(""),
                    content: Vec::new(),
                    span: line.text().span,
                });
                self.in_summary = true;
                return;
            }
        }
        let indent = line.indent();
        if let Some(list) = grammar::list_line(text) {
            self.in_summary = false;
            self.list_line(line, list, indent);
            self.after_heading = false;
            return;
        }
        let may_head = indent == 0 || self.layout == Layout::Legacy || !self.blocks.has_open();
        let heading = if may_head {
            self.heading_kind(text)
        } else {
            None
        };
        if let Some(kind) = heading {
            self.in_summary = false;
            self.heading(line, kind);
            return;
        }
        if self.in_summary {
            if let Some(summary) = self.summary.as_mut() {
                let t = line.text();
                summary.span = summary.span.cover(t.span);
                summary.content.push(t);
                return;
            }
        }
        self.plain(line, blank_before);
        self.after_heading = false;
    }

    /// The kind of heading this line is, if it is one.
    fn heading_kind(&self, text: &str) -> Option<SectionKind> {
        let kind = headings::kind_of(text);
        let heading = kind != SectionKind::Other
            || match self.layout {
                // Old pages have few headings: only the known names count.
                Layout::Legacy => false,
                _ => headings::shaped_like_heading(text),
            };
        heading.then_some(kind)
    }

    /// A line with a list marker, placed by layout.
    fn list_line(&mut self, line: &Line<'a>, list: ListLine<'a>, indent: usize) {
        self.ensure_section(line);
        let marker = line.leaf(list.marker_text);
        let text = line.leaf(list.text.trim_end_matches(crate::span::is_blank_char));
        match list.marker {
            Marker::Number(n) => {
                let paragraph_indent = match self.layout {
                    Layout::Numbered | Layout::Report | Layout::Legacy => indent <= 3,
                    Layout::Dash | Layout::DashNested => indent == 0 && !self.blocks.has_open(),
                };
                if paragraph_indent {
                    self.blocks.paragraph(Some(marker), Some(n), text, true);
                } else {
                    self.blocks.item_by_indent(
                        ItemKind::Lettered,
                        marker,
                        letter_label(n),
                        text,
                        indent,
                    );
                }
            }
            Marker::Letter => {
                let label = list
                    .marker_text
                    .trim_matches(|c| c == '(' || c == ')')
                    .to_string();
                self.blocks
                    .item_by_indent(ItemKind::Lettered, marker, Some(label), text, indent);
            }
            Marker::Bullet => {
                self.blocks
                    .item_by_indent(ItemKind::Bullet, marker, None, text, indent);
            }
            Marker::Dash => match self.layout {
                Layout::Dash | Layout::DashNested => self.dash_line(marker, text, indent),
                _ => self
                    .blocks
                    .item_by_indent(ItemKind::Dash, marker, None, text, indent),
            },
        }
    }

    /// `- text` in the dash layouts: a paragraph, or an item whose depth is
    /// inferred (column 0) or read from the one-space indent (dash-nested).
    fn dash_line(&mut self, marker: Text<'a>, text: Text<'a>, indent: usize) {
        let ctx = self.blocks.list_context();
        let place = if indent > 0 && self.blocks.has_open() {
            let depth = ctx.as_ref().map_or(0, |c| c.path.len());
            let last_opens = ctx
                .as_ref()
                .and_then(|c| c.path.last())
                .is_some_and(|l| l.last.trim_end().ends_with(':'));
            if depth == 0 {
                DashPlace::Item(1)
            } else if last_opens {
                DashPlace::Item((depth + 1).min(2))
            } else {
                DashPlace::Item(depth)
            }
        } else {
            place_dash(&text.text, ctx.as_ref())
        };
        match place {
            DashPlace::Paragraph => self.blocks.paragraph(Some(marker), None, text, true),
            DashPlace::Item(depth) => self.blocks.item(ItemKind::Dash, marker, None, text, depth),
        }
    }

    /// A line without a marker that is not a heading.
    fn plain(&mut self, line: &Line<'a>, blank_before: bool) {
        self.ensure_section(line);
        let text = line.text();
        match self.layout {
            Layout::Legacy => {
                if blank_before || !self.blocks.has_open() {
                    self.blocks.paragraph(None, None, text, true);
                } else {
                    self.blocks.continuation(text);
                }
            }
            Layout::Dash | Layout::DashNested => self.blocks.continuation(text),
            Layout::Numbered | Layout::Report => {
                let continues = text.text.starts_with('(')
                    || text.text.chars().next().is_some_and(char::is_lowercase)
                    || !blank_before;
                if continues && self.blocks.has_open() {
                    self.blocks.continuation(text);
                } else {
                    self.blocks.paragraph(None, None, text, false);
                }
            }
        }
    }

    /// Places a heading at its level (FORMAT.md "Headings and levels").
    fn heading(&mut self, line: &Line<'a>, kind: SectionKind) {
        let heading = line.text();
        self.flush();
        let stacked = self.after_heading;
        let top = if self.sections.is_empty() || (self.layout == Layout::Numbered && self.top_next)
        {
            true
        } else if self.layout == Layout::Report && is_known_sub(kind) {
            // Reports put "What happened" and "Findings" at the top level,
            // except inside a chapter heading.
            !self
                .sections
                .last()
                .is_some_and(|s| headings::is_chapter(s.kind))
        } else if is_top_level(kind) {
            // "The Investigation" / "The complaint": a heading stacked under a
            // report chapter heading is inside that chapter.
            !(stacked
                && self.depth == 0
                && self
                    .sections
                    .last()
                    .is_some_and(|s| headings::is_chapter(s.kind)))
        } else {
            false
        };
        self.top_next = false;
        self.after_heading = true;
        let span = heading.span;
        if top {
            self.sections.push(Section {
                heading: Some(heading),
                kind,
                blocks: Vec::new(),
                subsections: Vec::new(),
                span,
            });
            self.depth = 0;
            return;
        }
        let sub = Subsection {
            heading,
            kind,
            blocks: Vec::new(),
            subsections: Vec::new(),
            span,
        };
        let Some(section) = self.sections.last_mut() else {
            return;
        };
        let nest = !is_known_sub(kind)
            && self.depth >= 1
            && section.subsections.last().is_some_and(|parent| {
                is_known_sub(parent.kind)
                    || (stacked && self.depth == 1 && parent.kind == SectionKind::Other)
            });
        match (nest, section.subsections.last_mut()) {
            (true, Some(parent)) => {
                parent.subsections.push(sub);
                self.depth = 2;
            }
            _ => {
                section.subsections.push(sub);
                self.depth = 1;
            }
        }
    }

    /// Makes sure there is a section to hold body blocks (pages without headings).
    fn ensure_section(&mut self, line: &Line<'a>) {
        if self.sections.is_empty() {
            let at = line.trimmed().0;
            self.sections.push(Section {
                heading: None,
                kind: SectionKind::Untitled,
                blocks: Vec::new(),
                subsections: Vec::new(),
                span: Span::new(at, at, line.number),
            });
            self.depth = 0;
        }
    }

    /// Moves finished blocks into the open container.
    fn flush(&mut self) {
        let mut blocks = self.blocks.take();
        if blocks.is_empty() {
            return;
        }
        // Blocks are large: the room a growing vector keeps spare is worth
        // giving back before the tree is kept.
        blocks.shrink_to_fit();
        let Some(section) = self.sections.last_mut() else {
            return;
        };
        let target = match self.depth {
            0 => &mut section.blocks,
            1 => match section.subsections.last_mut() {
                Some(sub) => &mut sub.blocks,
                None => &mut section.blocks,
            },
            _ => match section.subsections.last_mut() {
                Some(sub) => match sub.subsections.last_mut() {
                    Some(subsub) => &mut subsub.blocks,
                    None => &mut sub.blocks,
                },
                None => &mut section.blocks,
            },
        };
        if target.is_empty() {
            *target = blocks;
        } else {
            target.extend(blocks);
        }
    }

    fn title(&mut self, line: &Line<'a>) {
        let (_, text) = line.trimmed();
        let title = line.text();
        if let Some((authority, reference)) = grammar::title_line(text) {
            self.header.authority = authority.map(str::to_string);
            self.header.reference = Some(reference.to_string());
            self.header.reference_id = grammar::reference_id(reference);
        } else {
            self.header.authority = Some(text.to_string());
            self.diagnostics.push(Diagnostic::warning(
                "title_without_reference",
                "the title line has no reference `(YY NNN NNN)`; read it as the authority",
                title.span,
            ));
        }
        self.header.title = Some(title);
    }

    fn field(&mut self, line: &Line<'a>, field: grammar::FieldLine<'a>) {
        let label = line.leaf(field.label);
        let value_text = field.value.trim_end_matches(crate::span::is_blank_char);
        let value = (!value_text.is_empty()).then(|| line.leaf(value_text));
        let mut date = None;
        match field.name {
            FieldName::Category => self.header.category = header::category(value_text),
            FieldName::Decision => {
                if !value_text.is_empty() {
                    self.header.outcome = Some(value_text.to_string());
                    self.header.outcome_kind = Some(header::outcome_kind(value_text));
                }
            }
            FieldName::DecisionDate | FieldName::SatisfiedWithResponse => {
                date = header::day_month_year(value_text);
                if date.is_none() {
                    self.diagnostics.push(Diagnostic::warning(
                        "unreadable_date",
                        format!(
                            "cannot read `{value_text}` as a date (expected e.g. `29 Jul 2020`)"
                        ),
                        value.as_ref().map_or(label.span, |v| v.span),
                    ));
                }
                if field.name == FieldName::DecisionDate {
                    self.header.decision_date = date;
                }
            }
        }
        let span = value
            .as_ref()
            .map_or(label.span, |v| label.span.cover(v.span));
        self.header.fields.push(Field {
            name: field.name,
            label,
            value,
            date,
            span,
        });
    }

    fn contents_entry(&mut self, line: &Line<'a>, list: ListLine<'a>) {
        let marker = line.leaf(list.marker_text);
        let text = line.leaf(list.text.trim_end_matches(crate::span::is_blank_char));
        let mut entry = Item::from_line(ItemKind::Dash, marker, None, text);
        entry.text = entry
            .content
            .first()
            .map(|t| t.text.clone())
            .unwrap_or_default();
        let span = entry.span;
        match self.contents.as_mut() {
            Some(c) => {
                c.span = c.span.cover(span);
                c.entries.push(entry);
            }
            None => {
                self.contents = Some(Contents {
                    entries: vec![entry],
                    span,
                })
            }
        }
    }

    fn inline_summary(&mut self, line: &Line<'a>, label: &'a str, rest: &'a str) {
        let label = line.leaf(label);
        let rest = rest.trim_end_matches(crate::span::is_blank_char);
        let content: Vec<Text<'a>> = if rest.is_empty() {
            Vec::new()
        } else {
            vec![line.leaf(rest)]
        };
        let span = content.iter().fold(label.span, |s, t| s.cover(t.span));
        self.summary = Some(Summary {
            label: Some(label),
            text: Cow::Borrowed(""),
            content,
            span,
        });
        self.in_summary = true;
    }

    fn push_boilerplate(&mut self, line: &Line<'a>, kind: BoilerplateKind) {
        let t = line.text();
        self.boilerplate.push(Boilerplate {
            kind,
            text: t.text,
            span: t.span,
        });
    }

    /// A title line followed by metadata or a marker, after the body has
    /// begun (or after the closing furniture, such as a cookie banner that
    /// ended the first page): a second decision concatenated to the first.
    fn is_second_decision(&self, i: usize) -> bool {
        if !matches!(self.state, State::Body | State::Trailer) || self.sections.is_empty() {
            return false;
        }
        let Some(line) = self.lines.get(i) else {
            return false;
        };
        if line.indent() > 0 || grammar::title_line(line.trimmed().1).is_none() {
            return false;
        }
        self.lines
            .get(i + 1..)
            .unwrap_or_default()
            .iter()
            .filter(|l| !l.is_blank())
            .take(3)
            .any(|l| {
                let t = l.trimmed().1;
                grammar::field_line(t).is_some() || grammar::final_marker(t)
            })
    }

    fn found_decision(&self) -> bool {
        self.header.reference.is_some()
            || !self.header.fields.is_empty()
            || self.header.marker.is_some()
            || self
                .summary
                .as_ref()
                .is_some_and(|s| s.label.as_ref().is_some_and(|l| l.text.contains(':')))
            || self
                .sections
                .iter()
                .any(|s| s.kind != SectionKind::Untitled && s.kind != SectionKind::Other)
    }

    fn finish(mut self) -> Decision<'a> {
        self.flush();
        self.diagnose();
        let start = if self.input.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let span = Span::new(start, self.input.len(), 1);
        let mut header = self.header;
        header.span = [
            header.title.as_ref().map(|t| t.span),
            header.marker.as_ref().map(|t| t.span),
        ]
        .into_iter()
        .flatten()
        .chain(
            header
                .fields
                .iter()
                .filter(|f| f.name != FieldName::SatisfiedWithResponse)
                .map(|f| f.span),
        )
        .reduce(Span::cover);
        let mut summary = self.summary;
        if let Some(s) = summary.as_mut() {
            s.text = blocks::join(&s.content);
        }
        let mut sections = self.sections;
        for s in &mut sections {
            fix_section_span(s);
        }
        Decision {
            layout: self.layout,
            header,
            summary,
            contents: self.contents,
            sections,
            closing: self.closing,
            boilerplate: self.boilerplate,
            entities: Vec::new(),
            findings: Findings::default(),
            diagnostics: self.diagnostics,
            span,
        }
    }

    /// Diagnostics for what is missing.
    fn diagnose(&mut self) {
        let doc_start = Span::new(0, 0, 1);
        let after_title = self.header.title.as_ref().map_or(doc_start, |t| {
            Span::new(t.span.end, t.span.end, t.span.line)
        });
        let mut d = Vec::new();
        if self.header.title.is_none() {
            d.push(Diagnostic::warning(
                "missing_title",
                "no title line `Authority (YY NNN NNN)`: authority and reference are unknown",
                doc_start,
            ));
        }
        let has = |name| self.header.fields.iter().any(|f| f.name == name);
        let (cat, dec, date) = (
            has(FieldName::Category),
            has(FieldName::Decision),
            has(FieldName::DecisionDate),
        );
        if !cat && !dec && !date {
            d.push(Diagnostic::warning(
                "missing_metadata",
                "no metadata lines (`Category :`, `Decision :`, `Decision date :`): category, outcome and decision date are unknown",
                after_title,
            ));
        } else {
            for (present, code, what) in [
                (cat, "missing_category", "no `Category :` line"),
                (dec, "missing_outcome", "no `Decision :` line"),
                (date, "missing_decision_date", "no `Decision date :` line"),
            ] {
                if !present {
                    d.push(Diagnostic::warning(code, what, after_title));
                }
            }
        }
        if let (Some(kind), Some(field)) = (
            self.header.outcome_kind,
            self.header
                .fields
                .iter()
                .find(|f| f.name == FieldName::Decision),
        ) {
            if kind == OutcomeKind::Other {
                d.push(Diagnostic::info(
                    "unknown_outcome",
                    "the outcome is not one of the known kinds; kept as written",
                    field.span,
                ));
            }
        }
        let marked_layout = matches!(
            self.layout,
            Layout::Numbered | Layout::Dash | Layout::DashNested
        );
        if self.header.marker.is_none() && marked_layout {
            d.push(Diagnostic::warning(
                "missing_marker",
                "no `The Ombudsman's final decision:` line",
                after_title,
            ));
        }
        if self.summary.is_none() && marked_layout {
            d.push(Diagnostic::warning(
                "missing_summary",
                "no summary",
                after_title,
            ));
        }
        if self.sections.is_empty() {
            d.push(Diagnostic::warning(
                "no_body",
                "no sections or paragraphs",
                after_title,
            ));
        }
        if let Some(last) = self.lines.get(self.last_text_line) {
            let t = last.text();
            let ends_clean = t.text.ends_with(['.', ')', '”', '"', '’', '\'', '!', '?'])
                || self.closing.is_some()
                || self.boilerplate.last().is_some_and(|b| b.span == t.span)
                || self
                    .header
                    .marker
                    .as_ref()
                    .is_some_and(|m| m.span == t.span);
            if !ends_clean {
                d.push(Diagnostic::warning(
                    "truncated",
                    "the text ends mid-sentence: it may have been cut off",
                    Span::new(t.span.end, t.span.end, t.span.line),
                ));
            } else if self.closing.is_none() && marked_layout {
                d.push(Diagnostic::info(
                    "missing_closing",
                    "no closing line (\"Investigator's decision on behalf of the Ombudsman\")",
                    Span::new(t.span.end, t.span.end, t.span.line),
                ));
            }
        }
        self.diagnostics.extend(d);
        self.diagnostics.sort_by_key(|d| d.span.start);
    }
}

/// `      1. text` is item a) on the website.
fn letter_label(n: u32) -> Option<String> {
    (1..=26)
        .contains(&n)
        .then(|| char::from(b'a' + u8::try_from(n - 1).unwrap_or(0)).to_string())
}

/// Section spans cover heading, blocks and subsections (depth is at most 2).
fn fix_section_span(section: &mut Section) {
    let mut span = section.heading.as_ref().map(|h| h.span);
    for b in &section.blocks {
        span = Some(span.map_or(block_span(b), |s| s.cover(block_span(b))));
    }
    for sub in &mut section.subsections {
        fix_subsection_span(sub);
        span = Some(span.map_or(sub.span, |s| s.cover(sub.span)));
    }
    if let Some(s) = span {
        section.span = s;
    }
}

fn fix_subsection_span(sub: &mut Subsection) {
    let mut span = sub.heading.span;
    for b in &sub.blocks {
        span = span.cover(block_span(b));
    }
    for inner in &mut sub.subsections {
        fix_subsection_span(inner);
        span = span.cover(inner.span);
    }
    sub.span = span;
}

fn block_span(b: &Block) -> Span {
    match b {
        Block::Paragraph(p) => p.span,
        Block::List(l) => l.span,
    }
}

/// The title line: the first line of the form `Authority (YY NNN NNN)` (or a
/// bare reference) before any metadata or marker. Lines before it are page
/// furniture.
fn find_title(lines: &[Line<'_>]) -> Option<usize> {
    for (i, line) in lines.iter().enumerate().take(400) {
        let (_, t) = line.trimmed();
        if t.is_empty() {
            continue;
        }
        if grammar::title_line(t).is_some() {
            return Some(i);
        }
        if grammar::field_line(t).is_some()
            || grammar::final_marker(t)
            || grammar::inline_summary(t).is_some()
        {
            // The header began without a title with a reference. A short
            // line right before it is the title (reference lost).
            return lines
                .get(..i)
                .unwrap_or_default()
                .iter()
                .rposition(|l| !l.is_blank())
                .filter(|&j| {
                    let (_, prev) = lines.get(j).map_or((0, ""), |l| l.trimmed());
                    grammar::boilerplate(prev, false).is_none()
                        && prev.chars().count() <= 150
                        && !prev.ends_with('.')
                        && grammar::list_line(prev).is_none()
                });
        }
        if headings::is_top_level(headings::kind_of(t)) {
            return None;
        }
    }
    None
}

/// Which layout the body is written in, from the markers of its lines.
fn detect_layout(body: &[Line<'_>]) -> Layout {
    let (mut indented_numbers, mut col0_numbers, mut dashes, mut indented_dashes) = (0, 0, 0, 0);
    for line in body {
        let (_, t) = line.trimmed();
        // Only numbers and dashes count.
        if !t.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            continue;
        }
        let Some(list) = grammar::list_line(t) else {
            continue;
        };
        let indent = line.indent();
        match list.marker {
            Marker::Number(_) if indent == 0 => col0_numbers += 1,
            Marker::Number(_) if indent <= 3 => indented_numbers += 1,
            Marker::Dash if indent == 0 => dashes += 1,
            Marker::Dash if indent <= 2 => indented_dashes += 1,
            _ => {}
        }
    }
    if indented_numbers > 0 && indented_numbers >= dashes {
        Layout::Numbered
    } else if col0_numbers >= 2 && col0_numbers >= dashes {
        Layout::Report
    } else if dashes + indented_dashes > 0 {
        if indented_dashes > 0 {
            Layout::DashNested
        } else {
            Layout::Dash
        }
    } else {
        Layout::Legacy
    }
}
