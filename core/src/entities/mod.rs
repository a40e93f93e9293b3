//! Entities: typed facts read from the prose of a parsed decision (money,
//! dates, legislation, remedy actions, paragraph references, parties) and the
//! [`Findings`] derived from them.
//!
//! [`extract`] walks the leaves of the tree (summary, headings, paragraph and
//! item text) with the ordinal of the paragraph that holds each, runs the
//! scanners of the submodules over each leaf, then does what needs the whole
//! decision: linking `that Act` to the Act named before, resolving paragraph
//! references against the tree's ordinals, grouping party mentions, reading
//! remedy actions from the agreed action sections, and the findings.
//!
//! Every scanner is a hand-written pass keyed on cheap triggers (a `£` found
//! by memchr, a month name, `section`, `paragraph`), so extraction stays a
//! small multiple of a plain scan of the text. Every entity's `text` is
//! sliced from the input at its `span`.

mod dates;
mod findings;
mod legislation;
mod money;
mod parties;
mod provision;
mod references;
mod remedies;
mod text;

use std::borrow::Cow;

use compact_str::CompactString;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::span::{Span, Text};
use crate::tree::{Block, Decision, Item, Section, SectionKind, Subsection};

pub use dates::{DatePoint, DatePrecision, DateQualifier, DateValue, Season};
pub use findings::{
    Answer, Finding, Findings, Investigated, NotInvestigatedReason, PaymentsTotal, Source,
};
pub use legislation::Legislation;
pub use money::{Money, Period};
pub use parties::{Mention, Party, PartyRole};
pub use provision::Provision;
pub use references::{Direction, ParagraphRef};
pub use remedies::{CountedFrom, Deadline, DurationUnit, RemedyAction, RemedyKind};

/// One fact found in the text, attached to the paragraph that holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entity<'a> {
    /// `kind` and `value` (its shape depends on the kind).
    #[serde(flatten)]
    pub value: EntityValue,
    /// Exactly `input[span.start..span.end]`.
    pub text: Cow<'a, str>,
    pub span: Span,
    /// Ordinal of the paragraph holding it, or null (summary, header, items of unnumbered text).
    pub paragraph: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum EntityValue {
    Money(Money),
    Date(DateValue),
    Legislation(Legislation),
    RemedyAction(RemedyAction),
    ParagraphRef(ParagraphRef),
    /// A lettered person, at their first mention, with all mentions.
    Party(Party),
}

impl EntityValue {
    /// Sort rank among entities starting at the same offset.
    fn rank(&self) -> u8 {
        match self {
            EntityValue::RemedyAction(_) => 0,
            EntityValue::Legislation(_) => 1,
            EntityValue::ParagraphRef(_) => 2,
            EntityValue::Party(_) => 3,
            EntityValue::Date(_) => 4,
            EntityValue::Money(_) => 5,
        }
    }
}

/// A scanned piece of the tree: an absolute span and the paragraph holding it.
#[derive(Debug, Clone, Copy)]
struct Leaf {
    span: Span,
    paragraph: Option<u32>,
}

/// Buffers the per-leaf scanners append to, emptied after each leaf and
/// reused, so a leaf with a find costs no allocation.
#[derive(Default)]
struct Scratch {
    words: text::Words,
    references: Vec<(usize, usize, ParagraphRef)>,
    parties: Vec<parties::Found>,
    /// Spans of the citations of the piece being scanned, by start.
    citations: Vec<Span>,
    legislation: legislation::Buffers,
    cites: Vec<legislation::Cite>,
    /// Each citation's span with how it links to earlier citations, in
    /// text order (whole-decision: emptied after each decision).
    links: Vec<(Span, legislation::Link)>,
}

/// The scanners' buffers and the leaf list, kept by the thread between
/// decisions: allocating them anew for each decision costs more than
/// filling them (the allocator consolidates its free lists for each).
#[derive(Default)]
struct Spare {
    scratch: Scratch,
    leaves: Vec<Leaf>,
}

thread_local! {
    /// Borrowed in place for each decision, not moved in and out: the
    /// buffers are a few hundred bytes of vector headers.
    static SPARE: std::cell::RefCell<Spare> = std::cell::RefCell::new(Spare::default());
}

/// Buffers larger than this (in elements) are not kept between decisions,
/// so a huge decision does not pin its buffers for the life of the thread.
const SPARE_MAX: usize = 1 << 14;

impl Spare {
    /// Empties the buffers for the next decision on this thread, and
    /// frees them instead if one has grown past [`SPARE_MAX`].
    fn reset(&mut self) {
        let s = &self.scratch;
        let largest = [
            s.words.capacity(),
            self.leaves.capacity(),
            s.references.capacity(),
            s.parties.capacity(),
            s.citations.capacity(),
            s.legislation.capacity(),
            s.cites.capacity(),
            s.links.capacity(),
        ];
        if largest.iter().any(|&c| c > SPARE_MAX) {
            *self = Spare::default();
            return;
        }
        let s = &mut self.scratch;
        self.leaves.clear();
        s.references.clear();
        s.parties.clear();
        s.citations.clear();
        s.cites.clear();
        s.links.clear();
        s.legislation.clear();
    }
}

/// What the per-leaf scanners found, before whole-decision passes.
struct Raw<'a> {
    entities: Vec<Entity<'a>>,
    /// Party mentions, grouped by name as they are found.
    parties: PartyGroups,
}

/// Finds the entities of a parsed decision. `input` is the text it was parsed from.
pub fn extract<'a>(decision: &mut Decision<'a>, input: &'a str) {
    // The thread's buffers, or new ones if they are in use (an extraction
    // cannot call another; a thread being torn down has none).
    let mut done = false;
    let _ = SPARE.try_with(|spare| {
        if let Ok(mut spare) = spare.try_borrow_mut() {
            // Emptied before as well as after: an extraction that unwound
            // (a bug caught by a binding) must leave nothing to the next.
            spare.reset();
            extract_with(decision, input, &mut spare);
            spare.reset();
            done = true;
        }
    });
    if !done {
        extract_with(decision, input, &mut Spare::default());
    }
}

fn extract_with<'a>(decision: &mut Decision<'a>, input: &'a str, spare: &mut Spare) {
    let Spare { scratch, leaves } = spare;
    // Leaves average well over 64 bytes: rarely a regrowth (a no-op when
    // the kept vector is large enough already).
    leaves.reserve(input.len() / 256 + 8);
    if let Some(s) = &decision.summary {
        for t in &s.content {
            leaves.push(leaf(t, None));
        }
    }
    for s in &decision.sections {
        section_leaves(s.heading.as_ref(), &s.blocks, &s.subsections, leaves);
    }
    // In text order but where a paragraph's lines after its list come
    // after the list's items: a check, and a sort only then.
    if !leaves.is_sorted_by_key(|l| l.span.start) {
        leaves.sort_by_key(|l| l.span.start);
    }

    let mut raw = Raw {
        // About one entity per 400 bytes of a decision, reserved whatever
        // the size (`examples/scaling`: a 100k-item list at 8x took 43 ms
        // so, 52 ms growing from 4,096; a 10 MB line, 74 ms against 65).
        entities: Vec::with_capacity(input.len() / 400 + 8),
        parties: PartyGroups::new(decision.summary.as_ref().map(|s| s.span.end)),
    };
    for l in leaves.iter() {
        scan_leaf(input, *l, scratch, &mut raw);
    }
    let mut entities = raw.entities;
    // In text order already: each piece's entities were sorted as it was
    // scanned, and pieces come in text order (checked, as it costs little).
    if !entities.is_sorted_by(|a, b| order(a, b).is_le()) {
        entities.sort_by(order);
    }
    scratch.links.sort_by_key(|(s, _)| s.start);
    link_legislation(&mut entities, &scratch.links);
    let diagnostics = resolve_references(decision, &mut entities);
    decision.diagnostics.extend(diagnostics);
    let parties = raw.parties.finish(input);

    let actions = remedy_actions(decision, input);
    let mut findings = findings::derive(decision, input);
    findings.payments_total = payments_total(&actions);
    // The parties (in order of first mention) and the actions, a few per
    // decision, sorted; then merged into the scanners' entities, which are
    // in order: each entity is moved once, where a sort of them all would
    // move them into a buffer and back.
    let mut added = parties;
    added.reserve(actions.len());
    for a in actions {
        added.extend(entity(
            input,
            a.span,
            a.paragraph,
            EntityValue::RemedyAction(a.value),
        ));
    }
    added.sort_by(order);
    merge(&mut entities, added);
    decision.entities = entities;
    decision.findings = findings;
}

/// Merges `b` into `a`, both sorted by [`order`], as a stable sort of `a`
/// then `b` would order them (`a`'s first among equals).
///
/// Into a new vector, each entity moved once, a run of `a`'s at a time:
/// for the entities of any real decision, faster than moving `a`'s in
/// place around the few of `b` (hot timing over the fixtures:
/// `BENCHMARKS.md`, Session 10). Past [`MERGE_IN_PLACE`] of `a` (a huge
/// decision) with a few in `b` (the usual parties and actions), in place
/// instead, so that `a`'s buffer is neither copied nor allocated again:
/// one by one, each insertion moving the entities after it in one block,
/// while that moves `a`'s entities a few times at most; else by rotating
/// `a`'s runs past them from the back, which moves each of `a`'s entities
/// once, but one at a time (`b`'s moved once per later entity of `b`).
/// Inserting one by one regardless would move `a`'s tail once per entity
/// of `b` (quadratic, `examples/scaling`).
fn merge<'a>(a: &mut Vec<Entity<'a>>, b: Vec<Entity<'a>>) {
    merge_with(a, b, MERGE_IN_PLACE);
}

/// Entities in a decision from which [`merge`] works in place.
const MERGE_IN_PLACE: usize = 4096;

/// [`merge`], in place from `in_place` entities in `a` (the tests lower it).
fn merge_with<'a>(a: &mut Vec<Entity<'a>>, b: Vec<Entity<'a>>, in_place: usize) {
    const FEW: usize = 32;
    if b.is_empty() {
        return;
    }
    if b.len() > FEW || a.len() < in_place {
        let mut out = Vec::with_capacity(a.len() + b.len());
        let mut rest = std::mem::take(a).into_iter();
        for x in b {
            // `a`'s entities up to `x`, its equals included.
            let before = rest.as_slice().partition_point(|e| order(e, &x).is_le());
            out.extend(rest.by_ref().take(before));
            out.push(x);
        }
        out.extend(rest);
        *a = out;
        return;
    }
    // Where each of `b` goes among `a`'s entities (after its equals).
    let mut at = [0usize; FEW];
    for (slot, x) in at.iter_mut().zip(&b) {
        *slot = a.partition_point(|e| order(e, x).is_le());
    }
    let k = b.len();
    // The few go in one by one, from the last, where they fall late
    // enough: each insertion moves the entities after it in one block,
    // where a rotation moves them one at a time; only while that moves
    // each of `a`'s entities a few times at most.
    let moved: usize = at.iter().take(k).map(|&p| a.len() - p).sum();
    if moved <= 4 * a.len() + 64 {
        a.reserve(k);
        for (x, &p) in b.into_iter().zip(&at).rev() {
            a.insert(p, x);
        }
        return;
    }
    // `a` is now `a`'s entities, then `b`'s; from the last of `b` back,
    // `a`'s entities that follow it are rotated past the ones of `b` not
    // placed yet: `[a[p..hi], b[..=j]]` becomes `[b[..=j], a[p..hi]]`.
    let mut hi = a.len();
    a.extend(b);
    for (j, &p) in at.iter().enumerate().take(k).rev() {
        if let Some(run) = a.get_mut(p..hi + j + 1) {
            run.rotate_left(hi - p);
        }
        hi = p;
    }
}

/// The order of `decision.entities`: by start, then kind, then end.
/// The kinds are read only for entities that start together (rare): a
/// kind is not stored apart from the value's other fields, so reading it
/// costs more than comparing two offsets.
fn order(a: &Entity, b: &Entity) -> std::cmp::Ordering {
    a.span
        .start
        .cmp(&b.span.start)
        .then_with(|| (a.value.rank(), a.span.end).cmp(&(b.value.rank(), b.span.end)))
}

fn leaf(t: &Text, paragraph: Option<u32>) -> Leaf {
    Leaf {
        span: t.span,
        paragraph,
    }
}

fn section_leaves(
    heading: Option<&Text>,
    blocks: &[Block],
    subs: &[Subsection],
    out: &mut Vec<Leaf>,
) {
    if let Some(h) = heading {
        out.push(leaf(h, None));
    }
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                for t in &p.content {
                    out.push(leaf(t, p.ordinal));
                }
                item_leaves(&p.items, p.ordinal, out);
            }
            Block::List(l) => item_leaves(&l.items, None, out),
        }
    }
    for s in subs {
        section_leaves(Some(&s.heading), &s.blocks, &s.subsections, out);
    }
}

fn item_leaves(items: &[Item], paragraph: Option<u32>, out: &mut Vec<Leaf>) {
    for i in items {
        for t in &i.content {
            out.push(leaf(t, paragraph));
        }
        item_leaves(&i.items, paragraph, out);
    }
}

/// 1-based line of absolute offset `at`, counting from a leaf that starts on `line`.
fn line_at(input: &str, from: usize, line: usize, at: usize) -> usize {
    let piece = input.get(from..at.max(from)).unwrap_or("");
    let b = piece.as_bytes();
    let lf = memchr::memchr_iter(b'\n', b).count();
    let lone_cr = memchr::memchr_iter(b'\r', b)
        .filter(|&i| b.get(i + 1) != Some(&b'\n'))
        .count();
    line + lf + lone_cr
}

/// An entity whose text is the input at its span (none if the span does not fit).
fn entity(
    input: &str,
    span: Span,
    paragraph: Option<u32>,
    value: EntityValue,
) -> Option<Entity<'_>> {
    let text = input.get(span.start..span.end)?;
    Some(Entity {
        value,
        text: Cow::Borrowed(text),
        span,
        paragraph,
    })
}

/// The longest piece of text the word scanners see at once. Real paragraphs
/// are far shorter; a longer leaf (a whole page on one line) is cut at
/// sentence ends, so the scanners' buffers stay small whatever the input.
const MAX_PIECE: usize = 16 * 1024;

/// `text` in pieces of at most [`MAX_PIECE`] bytes (each with its offset),
/// cut after a sentence's full stop where there is one, else after a space.
fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = text.get(at..).filter(|r| !r.is_empty())?;
        let len = if rest.len() <= MAX_PIECE {
            rest.len()
        } else {
            let window = rest.as_bytes().get(..MAX_PIECE).unwrap_or_default();
            let sentence = memchr::memmem::rfind(window, b". ").map(|i| i + 2);
            let space = || memchr::memrchr(b' ', window).map(|i| i + 1);
            let mut cut = sentence.or_else(space).unwrap_or(MAX_PIECE);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            cut.max(1)
        };
        let piece = rest.get(..len)?;
        let out = (at, piece);
        at += len;
        Some(out)
    })
}

fn scan_leaf<'a>(input: &'a str, l: Leaf, scratch: &mut Scratch, raw: &mut Raw<'a>) {
    let Some(leaf_text) = input.get(l.span.start..l.span.end) else {
        return;
    };
    // Most leaves are one piece: scanned as they are.
    if leaf_text.len() <= MAX_PIECE {
        scan_whole_piece(input, l, leaf_text, scratch, raw);
        return;
    }
    // The line of each piece's start, counted on from the previous piece's.
    let (mut line, mut counted_to) = (l.span.line, l.span.start);
    for (offset, t) in pieces(leaf_text) {
        let base = l.span.start + offset;
        if base > counted_to {
            line = line_at(input, counted_to, line, base);
            counted_to = base;
        }
        let piece = Leaf {
            span: Span::new(base, base + t.len(), line),
            paragraph: l.paragraph,
        };
        scan_whole_piece(input, piece, t, scratch, raw);
    }
}

/// [`scan_piece`], then its entities put in order: they come kind by kind;
/// pieces come in text order.
fn scan_whole_piece<'a>(
    input: &'a str,
    l: Leaf,
    t: &str,
    scratch: &mut Scratch,
    raw: &mut Raw<'a>,
) {
    let from = raw.entities.len();
    scan_piece(input, l, t, scratch, raw);
    if let Some(found) = raw.entities.get_mut(from..).filter(|f| f.len() > 1) {
        found.sort_by(order);
    }
}

/// Runs the scanners over `t`, the text of `l` (a leaf or a piece of one).
fn scan_piece<'a>(input: &'a str, l: Leaf, t: &str, scratch: &mut Scratch, raw: &mut Raw<'a>) {
    let base = l.span.start;
    let words = &mut scratch.words;
    words.fill_in(t, input.as_bytes(), base);
    // Most pieces are one line: count line breaks only in those that are not.
    let multiline = words.may_span_lines() && memchr::memchr2(b'\n', b'\r', t.as_bytes()).is_some();
    let mk = |s: usize, e: usize| {
        let line = if multiline {
            line_at(input, base, l.span.line, base + s)
        } else {
            l.span.line
        };
        Span::new(base + s, base + e, line)
    };
    // Most pieces hold no candidate for most scanners: those are not run.
    // Citations first: a year, an amount or a paragraph inside one (`Act
    // 1974`, `paragraph 5(2)` of a Schedule) is part of it, not an entity of
    // its own; a citation lies within one piece, so its spans here are all
    // an entity of the piece can fall inside.
    let cited = &mut scratch.citations;
    cited.clear();
    if words.any(text::LEGISLATION) {
        legislation::scan_into(t, words, &mut scratch.legislation, &mut scratch.cites);
        for c in scratch.cites.drain(..) {
            if let Some(e) = entity(
                input,
                mk(c.start, c.end),
                l.paragraph,
                EntityValue::Legislation(c.value),
            ) {
                scratch.links.push((e.span, c.link));
                cited.push(e.span);
                raw.entities.push(e);
            }
        }
        cited.sort_by_key(|s| s.start);
    }
    let cited = &scratch.citations;
    let free = |span: Span| cited.is_empty() || !within(cited, span);
    if words.may_hold_money() {
        for (s, e, m) in money::scan(t) {
            let span = mk(s, e);
            if free(span) {
                raw.entities
                    .extend(entity(input, span, l.paragraph, EntityValue::Money(m)));
            }
        }
    }
    if words.any(text::DATES) {
        dates::scan(t, words, |s, e, d| {
            let span = mk(s, e);
            if free(span) {
                raw.entities
                    .extend(entity(input, span, l.paragraph, EntityValue::Date(d)));
            }
        });
    }
    if words.any(text::REFERENCES) {
        references::scan(t, words, &mut scratch.references);
        for (s, e, r) in scratch.references.drain(..) {
            let span = mk(s, e);
            if free(span) {
                raw.entities.extend(entity(
                    input,
                    span,
                    l.paragraph,
                    EntityValue::ParagraphRef(r),
                ));
            }
        }
    }
    if !words.any(text::PARTIES) {
        return;
    }
    // `Mr` in `Mr Justice X's Act` is no party either.
    parties::scan(t, words, &mut scratch.parties);
    for f in scratch.parties.drain(..) {
        let span = mk(f.start, f.end);
        if !free(span) || input.get(span.start..span.end).is_none() {
            continue;
        }
        raw.parties.add(&f, span, l.paragraph);
    }
}

/// Is `s` inside one of `spans` (sorted by start, not overlapping)?
fn within(spans: &[Span], s: Span) -> bool {
    let i = spans.partition_point(|l| l.start <= s.start);
    i.checked_sub(1)
        .and_then(|i| spans.get(i))
        .is_some_and(|l| s.end <= l.end)
}

/// Fills the instrument and year of `that Act` and of an Act named without
/// its year from the citation they refer to, earlier in the decision.
fn link_legislation(entities: &mut [Entity], links: &[(Span, legislation::Link)]) {
    if links.is_empty() {
        return;
    }
    let link_of = |s: Span| {
        links
            .binary_search_by_key(&s.start, |(l, _)| l.start)
            .ok()
            .and_then(|i| links.get(i))
            .filter(|(l, _)| *l == s)
            .map(|(_, k)| *k)
    };
    // The instrument named last, and by name (compared as
    // `legislation::same_name` does) the last one with a year: held as the
    // index of the entity naming it, so a name is copied only into a
    // citation that takes it ("that Act").
    let mut last: Option<(usize, Option<i32>, Span)> = None;
    // A handful of Acts per decision: a linear search beats hashing.
    let mut with_year: Vec<(usize, (i32, Span))> = Vec::new();
    // The entities are in text order.
    for i in 0..entities.len() {
        // What the links give this citation, read while other entities are read.
        let Some((span, name, mut year, mut refers_to)) = legislation_at(entities, i)
            .map(|(span, l)| (span, l.instrument.as_deref(), l.year, l.refers_to))
        else {
            continue;
        };
        let mut took: Option<CompactString> = None;
        match link_of(span) {
            Some(legislation::Link::Year) => {
                if let Some(name) = name {
                    let same = |(k, _): &&(usize, _)| {
                        instrument_of(entities, *k).is_some_and(|n| legislation::same_name(n, name))
                    };
                    if let Some((_, (y, s))) = with_year.iter().find(same) {
                        year = Some(*y);
                        refers_to = Some(*s);
                    }
                }
            }
            Some(legislation::Link::ThatAct) => {
                if let Some((k, y, s)) = last {
                    took = instrument_of(entities, k).map(CompactString::from);
                    year = y;
                    refers_to = Some(s);
                }
            }
            _ => {}
        }
        if let Some(EntityValue::Legislation(l)) = entities.get_mut(i).map(|e| &mut e.value) {
            if took.is_some() {
                l.instrument = took;
            }
            l.year = year;
            l.refers_to = refers_to;
        }
        let Some((_, l)) = legislation_at(entities, i) else {
            continue;
        };
        if let (Some(name), None) = (l.instrument.as_deref(), l.refers_to) {
            if let Some(y) = l.year {
                let same = |(k, _): &&mut (usize, _)| {
                    instrument_of(entities, *k).is_some_and(|n| legislation::same_name(n, name))
                };
                match with_year.iter_mut().find(same) {
                    Some((_, v)) => *v = (y, span),
                    None => with_year.push((i, (y, span))),
                }
            }
            last = Some((i, l.year, span));
        }
    }
}

/// The span and value of entity `i`, if it is a citation.
fn legislation_at<'e>(entities: &'e [Entity<'_>], i: usize) -> Option<(Span, &'e Legislation)> {
    let e = entities.get(i)?;
    match &e.value {
        EntityValue::Legislation(l) => Some((e.span, l)),
        _ => None,
    }
}

/// The instrument named by entity `i`, if it is a citation that names one.
fn instrument_of<'e>(entities: &'e [Entity<'_>], i: usize) -> Option<&'e str> {
    legislation_at(entities, i).and_then(|(_, l)| l.instrument.as_deref())
}

/// Resolves paragraph references to the tree's ordinals; returns a diagnostic
/// for every ordinal that has no paragraph.
fn resolve_references(decision: &Decision, entities: &mut [Entity]) -> Vec<Diagnostic> {
    // Many decisions cite no paragraph: then the tree need not be walked.
    if !entities
        .iter()
        .any(|e| matches!(e.value, EntityValue::ParagraphRef(_)))
    {
        return Vec::new();
    }
    // Sorted by ordinal; the sort is stable, so the first paragraph with an
    // ordinal comes first among its duplicates.
    fn ordinals(blocks: &[Block], subs: &[Subsection], out: &mut Vec<(u32, Span)>) {
        // In the order of `Decision::paragraphs`.
        for b in blocks {
            if let Block::Paragraph(p) = b {
                out.extend(p.ordinal.map(|o| (o, p.span)));
            }
        }
        for s in subs {
            ordinals(&s.blocks, &s.subsections, out);
        }
    }
    let mut by_ordinal: Vec<(u32, Span)> = Vec::with_capacity(64);
    for s in &decision.sections {
        ordinals(&s.blocks, &s.subsections, &mut by_ordinal);
    }
    // Numbered paragraphs mostly come in order: a check, then a sort only
    // where they do not.
    if !by_ordinal.is_sorted_by_key(|(o, _)| *o) {
        by_ordinal.sort_by_key(|(o, _)| *o);
    }
    let paragraph_span = |t: u32| {
        let i = by_ordinal.partition_point(|(o, _)| *o < t);
        by_ordinal.get(i).filter(|(o, _)| *o == t).map(|(_, s)| *s)
    };
    let mut diags = Vec::new();
    for e in entities.iter_mut() {
        let span = e.span;
        let EntityValue::ParagraphRef(r) = &mut e.value else {
            continue;
        };
        r.resolved.clear();
        r.unresolved.clear();
        for t in &r.targets {
            match paragraph_span(*t) {
                Some(s) => r.resolved.push(s),
                None => r.unresolved.push(*t),
            }
        }
        if !r.unresolved.is_empty() {
            let list: Vec<String> = r.unresolved.iter().map(u32::to_string).collect();
            diags.push(Diagnostic::warning(
                "unresolved_paragraph_ref",
                format!(
                    "\"{}\" cites paragraph {} that this text does not have",
                    e.text,
                    list.join(", ")
                ),
                span,
            ));
        }
    }
    diags
}

/// Party mentions grouped by name as the scanners find them (a decision
/// names a handful of people, mentioned many times: keeping only the groups
/// holds far less than every mention would).
#[derive(Default)]
struct PartyGroups {
    /// Where the summary ends: its first titled name is the complainant.
    summary_end: Option<usize>,
    /// In order of first mention: (name, mentions, introduced in quotes).
    groups: Vec<(parties::Name, Vec<Mention>, bool)>,
    first_titled_in_summary: Option<[Option<parties::Name>; 2]>,
    first_titled: Option<[Option<parties::Name>; 2]>,
}

impl PartyGroups {
    fn new(summary_end: Option<usize>) -> Self {
        PartyGroups {
            summary_end,
            ..PartyGroups::default()
        }
    }

    /// One mention found at `span` (absolute) in `paragraph`.
    fn add(&mut self, f: &parties::Found, span: Span, paragraph: Option<u32>) {
        let titled = f.names.iter().flatten().all(|(t, _)| t.is_some());
        if titled {
            let in_summary = self.summary_end.is_some_and(|e| span.end <= e);
            if in_summary && self.first_titled_in_summary.is_none() {
                self.first_titled_in_summary = Some(f.names);
            }
            if self.first_titled.is_none() {
                self.first_titled = Some(f.names);
            }
        }
        for name in f.names.iter().flatten() {
            let mention = Mention { span, paragraph };
            // A handful of people per decision: a linear search beats
            // hashing. The letters first: they tell most names apart.
            let same = |g: &&mut (parties::Name, _, _)| g.0 .1 == name.1 && g.0 .0 == name.0;
            match self.groups.iter_mut().find(same) {
                Some(g) => {
                    g.1.push(mention);
                    g.2 |= f.quoted;
                }
                None => {
                    // Most people are mentioned again: room for a few
                    // mentions, instead of one then a regrowth.
                    let mut mentions = Vec::with_capacity(16);
                    mentions.push(mention);
                    self.groups.push((*name, mentions, f.quoted));
                }
            }
        }
    }

    /// The parties: titled pseudonyms always; a bare letter only when it
    /// recurs or is introduced in quotes. The complainant is the first
    /// titled name of the summary (or of the body when there is no summary).
    fn finish(self, input: &str) -> Vec<Entity<'_>> {
        let complainants = self
            .first_titled_in_summary
            .or(self.first_titled)
            .unwrap_or_default();
        let mut out = Vec::new();
        for ((title, letter), mentions, quoted) in self.groups {
            if title.is_none() && mentions.len() < 2 && !quoted {
                continue;
            }
            let Some(first) = mentions.first() else {
                continue;
            };
            let role = if complainants.contains(&Some((title, letter))) {
                PartyRole::Complainant
            } else {
                PartyRole::Other
            };
            let name = parties::name_of((title, letter));
            let (span, paragraph) = (first.span, first.paragraph);
            let value = Party {
                name,
                title: title.map(|t| CompactString::const_new(t.as_str())),
                letter: std::iter::once(char::from(letter)).collect(),
                role,
                mentions,
            };
            out.extend(entity(input, span, paragraph, EntityValue::Party(value)));
        }
        out
    }
}

/// Remedy actions from agreed action and recommendations sections (any
/// depth); on pages without one, from final-decision or legacy prose that
/// gives a deadline.
fn remedy_actions(decision: &Decision, input: &str) -> Vec<remedies::Found> {
    fn walk(
        input: &str,
        kind: SectionKind,
        blocks: &[Block],
        subs: &[Subsection],
        out: &mut Vec<remedies::Found>,
    ) -> bool {
        let mut found = false;
        if matches!(
            kind,
            SectionKind::AgreedAction | SectionKind::Recommendations
        ) {
            remedies::from_blocks(input, blocks, out);
            found = true;
        }
        for s in subs {
            found |= walk(input, s.kind, &s.blocks, &s.subsections, out);
        }
        found
    }
    let mut out = Vec::new();
    let mut any_section = false;
    for s in &decision.sections {
        any_section |= walk(input, s.kind, &s.blocks, &s.subsections, &mut out);
    }
    if !any_section {
        for s in &decision.sections {
            if matches!(
                s.kind,
                SectionKind::Untitled
                    | SectionKind::FinalDecision
                    | SectionKind::Finding
                    | SectionKind::Summary
            ) {
                prose_remedies(input, s, &mut out);
            }
        }
    }
    out
}

fn prose_remedies(input: &str, s: &Section, out: &mut Vec<remedies::Found>) {
    fn blocks(input: &str, bs: &[Block], subs: &[Subsection], out: &mut Vec<remedies::Found>) {
        for b in bs {
            if let Block::Paragraph(p) = b {
                remedies::from_prose(input, p, out);
            }
        }
        for s in subs {
            blocks(input, &s.blocks, &s.subsections, out);
        }
    }
    blocks(input, &s.blocks, &s.subsections, out);
}

/// The sum of the payment actions' amounts.
fn payments_total(actions: &[remedies::Found]) -> PaymentsTotal {
    if actions.is_empty() {
        return PaymentsTotal::default();
    }
    let mut total: Option<u64> = Some(0);
    let mut sources = Vec::new();
    for a in actions
        .iter()
        .filter(|a| a.value.action == RemedyKind::Payment)
    {
        match a.value.amount_pence {
            Some(p) => total = total.and_then(|t| t.checked_add(p)),
            None => total = None,
        }
        sources.extend(a.amounts.iter().copied());
    }
    PaymentsTotal {
        pence: total,
        currency: total.map(|_| "GBP".to_string()),
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_kept_between_decisions_change_nothing() {
        // Each fixture parsed on a fresh thread (fresh buffers) and again on
        // one thread after all the others, large and small, and after a
        // decision too large for its buffers to be kept.
        let texts = text::fixture_texts();
        assert!(texts.len() >= 9);
        let json = |t: &str| serde_json::to_string(&crate::parse(t).unwrap()).unwrap();
        let fresh: Vec<String> = texts
            .iter()
            .map(|t| {
                let t = t.clone();
                std::thread::spawn(move || json(&t)).join().unwrap()
            })
            .collect();
        let huge = texts.concat().repeat(40);
        let reused: Vec<String> = std::thread::spawn(move || {
            let mut out: Vec<String> = texts.iter().rev().map(|t| json(t)).collect();
            out.reverse();
            json(&huge);
            let again: Vec<String> = texts.iter().map(|t| json(t)).collect();
            assert_eq!(out, again);
            again
        })
        .join()
        .unwrap();
        assert_eq!(fresh, reused);
    }

    #[test]
    fn merge_orders_as_a_stable_sort_would() {
        // Entities told apart by their amounts; spans that tie.
        let e = |start: usize, end: usize, tag: u64| Entity {
            value: EntityValue::Money(Money {
                pence: Some(tag),
                currency: "GBP".into(),
                period: None,
            }),
            text: Cow::Borrowed(""),
            span: Span::new(start, end, 1),
            paragraph: None,
        };
        let a = vec![e(0, 2, 1), e(5, 6, 2), e(5, 6, 3), e(9, 9, 4)];
        let b = vec![e(0, 1, 5), e(5, 6, 6), e(5, 6, 7), e(12, 13, 8)];
        let mut want: Vec<Entity> = a.iter().chain(&b).cloned().collect();
        want.sort_by(order);
        let mut got = a.clone();
        merge(&mut got, b.clone());
        // Past the in-place limit too: the same order.
        let many: Vec<Entity> = (0..40).map(|i| e(i % 13, 13, 100 + i as u64)).collect();
        let mut many_sorted = many.clone();
        many_sorted.sort_by(order);
        let mut want_many: Vec<Entity> = a.iter().chain(&many_sorted).cloned().collect();
        want_many.sort_by(order);
        let mut got_many = a.clone();
        merge(&mut got_many, many_sorted);
        let tags = |v: &[Entity]| -> Vec<Option<u64>> {
            v.iter()
                .map(|e| match &e.value {
                    EntityValue::Money(m) => m.pence,
                    _ => None,
                })
                .collect()
        };
        assert_eq!(tags(&got), tags(&want));
        assert_eq!(tags(&got), [5, 1, 2, 3, 6, 7, 4, 8].map(Some));
        assert_eq!(tags(&got_many), tags(&want_many));
        // In place by rotation: a few to place early in many (inserting
        // them one by one would move the many again for each).
        let long: Vec<Entity> = (0..200).map(|i| e(10 + i, 300, 200 + i as u64)).collect();
        let early: Vec<Entity> = (0..10).map(|i| e(2 * i, 3, 500 + i as u64)).collect();
        let mut want_long: Vec<Entity> = long.iter().chain(&early).cloned().collect();
        want_long.sort_by(order);
        let mut got_long = long.clone();
        merge_with(&mut got_long, early, 0);
        assert_eq!(tags(&got_long), tags(&want_long));
        // And one by one with one to place, at each end and between; and
        // the few of `b` in place too.
        for x in [e(0, 0, 9), e(5, 6, 9), e(20, 21, 9)] {
            let mut want: Vec<Entity> = a.iter().chain([&x]).cloned().collect();
            want.sort_by(order);
            let mut got = a.clone();
            merge_with(&mut got, vec![x], 0);
            assert_eq!(tags(&got), tags(&want));
        }
        let mut got_in_place = a.clone();
        merge_with(&mut got_in_place, b.clone(), 0);
        assert_eq!(tags(&got_in_place), tags(&want));
    }

    #[test]
    fn long_text_is_cut_after_sentences_and_covers_everything() {
        let sentence = "Mrs X complained about the Council on 3 May 2021. ";
        let text = sentence.repeat(2 * MAX_PIECE / sentence.len() + 3);
        let parts: Vec<(usize, &str)> = pieces(&text).collect();
        assert!(parts.len() >= 3);
        let mut at = 0;
        for (offset, piece) in &parts {
            assert_eq!(*offset, at);
            assert!(piece.len() <= MAX_PIECE);
            at += piece.len();
        }
        assert_eq!(at, text.len());
        // Every cut but the last falls after a full stop and its space.
        for (_, piece) in &parts[..parts.len() - 1] {
            assert!(piece.ends_with(". "), "{:?}", &piece[piece.len() - 10..]);
        }
    }

    #[test]
    fn text_without_spaces_is_cut_on_character_boundaries() {
        let text = "é".repeat(MAX_PIECE);
        let total: usize = pieces(&text)
            .map(|(_, p)| {
                assert!(!p.is_empty() && p.len() <= MAX_PIECE);
                p.len()
            })
            .sum();
        assert_eq!(total, text.len());
        assert_eq!(pieces("").count(), 0);
    }

    #[test]
    fn entities_of_a_long_line_keep_their_spans_and_lines() {
        let sentence =
            "Mrs X paid £300 on 3 May 2021 under section 26(1) of the Local Government Act 1974. ";
        let body = sentence.repeat(3 * MAX_PIECE / sentence.len());
        let input = format!(
            "West Sussex County Council (19 011 114)\n\nDecision : Upheld\n\nThe complaint\n\n  1. {body}\n"
        );
        let d = crate::parse(&input).unwrap();
        let money: Vec<&Entity> = d
            .entities
            .iter()
            .filter(|e| matches!(e.value, EntityValue::Money(_)))
            .collect();
        assert_eq!(money.len(), 3 * MAX_PIECE / sentence.len());
        for e in &d.entities {
            assert_eq!(e.text, &input[e.span.start..e.span.end]);
            assert_eq!(e.span.line, 7, "{}", e.text);
        }
    }
}
