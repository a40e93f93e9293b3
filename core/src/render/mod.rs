//! Renderings of a parsed [`Decision`] for people and for other tools:
//! Akoma Ntoso 3.0 XML ([`akn`], [`Decision::to_akn`]), Markdown
//! ([`markdown`], [`Decision::to_markdown`]) and HTML ([`html`],
//! [`Decision::to_html`]).
//!
//! Renderers hold no parsing logic: they walk the tree and the entities the
//! parser found, and write. Inline markup (HTML's entity classes, Akoma
//! Ntoso's `ref`) comes from the entities' spans, which are offsets into the
//! same input as every [`Text`] piece's span, so a piece is cut at the
//! entities that lie wholly inside it ([`segments`]). Entities that cross a
//! piece's edge, or partly overlap another, are left unmarked rather than
//! mis-nested.
//!
//! [`Decision`]: crate::Decision
//! [`Decision::to_akn`]: crate::Decision::to_akn
//! [`Decision::to_markdown`]: crate::Decision::to_markdown
//! [`Decision::to_html`]: crate::Decision::to_html

pub mod akn;
pub mod html;
pub mod markdown;

use crate::entities::{Entity, EntityValue};
use crate::span::Text;
use crate::tree::{Block, Item, ItemKind, Paragraph, SectionKind};

/// A piece of inline content: plain text, or an entity with what it holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment<'a> {
    Text(&'a str),
    Entity(&'a Entity<'a>, Vec<Segment<'a>>),
}

/// Cuts `piece` at the entities (those `keep` accepts) that lie wholly
/// inside it. Entities nest when one lies inside another; an entity that
/// partly overlaps one already placed is dropped. `entities` must be sorted
/// by start (as [`crate::Decision::entities`] is).
pub fn segments<'a>(
    piece: &'a Text,
    entities: &'a [Entity],
    keep: impl Fn(&Entity) -> bool,
) -> Vec<Segment<'a>> {
    let base = piece.span.start;
    let end = base.saturating_add(piece.text.len());
    let first = entities.partition_point(|e| e.span.start < base);
    let mut candidates: Vec<&Entity> = entities
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|e| e.span.start < end)
        .filter(|e| e.span.end <= end && e.span.start < e.span.end && keep(e))
        .filter(|e| {
            // Only cuts that fall on character boundaries of the piece.
            piece.text.is_char_boundary(e.span.start - base)
                && piece.text.is_char_boundary(e.span.end - base)
        })
        .collect();
    // Outer entities first where two start together.
    candidates.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    build(&piece.text, base, &candidates, base, end)
}

/// The segments of `text[from..to]` (absolute offsets, `text` starting at
/// `base`), with `candidates` (sorted, all inside `from..to`).
fn build<'a>(
    text: &'a str,
    base: usize,
    candidates: &[&'a Entity],
    from: usize,
    to: usize,
) -> Vec<Segment<'a>> {
    let slice = |a: usize, b: usize| text.get(a - base..b - base).unwrap_or("");
    let mut out = Vec::new();
    let mut pos = from;
    let mut i = 0;
    while let Some(e) = candidates.get(i) {
        if e.span.start < pos {
            // Partly overlaps the entity placed before: leave it out.
            i += 1;
            continue;
        }
        if e.span.start > pos {
            out.push(Segment::Text(slice(pos, e.span.start)));
        }
        let mut j = i + 1;
        while candidates.get(j).is_some_and(|c| c.span.start < e.span.end) {
            j += 1;
        }
        let inner: Vec<&Entity> = candidates
            .get(i + 1..j)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|c| c.span.end <= e.span.end)
            .collect();
        let children = build(text, base, &inner, e.span.start, e.span.end);
        out.push(Segment::Entity(e, children));
        pos = e.span.end;
        i = j;
    }
    if pos < to {
        out.push(Segment::Text(slice(pos, to)));
    }
    out
}

/// The entity's kind as the JSON names it (`money`, `paragraph_ref`, ...).
pub fn kind_name(value: &EntityValue) -> &'static str {
    match value {
        EntityValue::Money(_) => "money",
        EntityValue::Date(_) => "date",
        EntityValue::Legislation(_) => "legislation",
        EntityValue::RemedyAction(_) => "remedy_action",
        EntityValue::ParagraphRef(_) => "paragraph_ref",
        EntityValue::Party(_) => "party",
    }
}

/// The ordinals a paragraph reference cites that were found in the tree,
/// in the order written.
pub fn resolved_targets(value: &EntityValue) -> Vec<u32> {
    match value {
        EntityValue::ParagraphRef(r) => r
            .targets
            .iter()
            .copied()
            .filter(|t| !r.unresolved.contains(t))
            .collect(),
        _ => Vec::new(),
    }
}

/// Where a section's content goes in an Akoma Ntoso `judgmentBody`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JudgmentPart {
    Introduction,
    Background,
    Motivation,
    Remedies,
    Decision,
}

impl JudgmentPart {
    /// The Akoma Ntoso element name.
    pub fn element(self) -> &'static str {
        match self {
            JudgmentPart::Introduction => "introduction",
            JudgmentPart::Background => "background",
            JudgmentPart::Motivation => "motivation",
            JudgmentPart::Remedies => "remedies",
            JudgmentPart::Decision => "decision",
        }
    }

    /// The part a section of this kind belongs to; `None` for headings that
    /// say nothing of their role (topic names, an untitled body), which go
    /// with the part before them.
    pub fn of(kind: SectionKind) -> Option<JudgmentPart> {
        use SectionKind as K;
        Some(match kind {
            K::Summary | K::Complaint | K::WhatInvestigated | K::NotInvestigated => {
                JudgmentPart::Introduction
            }
            K::RoleAndPowers
            | K::HowConsidered
            | K::LegalBackground
            | K::LawAndGuidance
            | K::WhatHappened
            | K::Investigation => JudgmentPart::Background,
            K::WhatFound
            | K::Assessment
            | K::Finding
            | K::Findings
            | K::Analysis
            | K::Conclusions => JudgmentPart::Motivation,
            K::AgreedAction | K::Recommendations => JudgmentPart::Remedies,
            K::FinalDecision => JudgmentPart::Decision,
            K::Untitled | K::Other => return None,
        })
    }
}

/// The pieces of a paragraph's own text before its items, and those after
/// (the lines that continue it after a list), by position in the input.
pub fn split_content<'p, 'a>(p: &'p Paragraph<'a>) -> (Vec<&'p Text<'a>>, Vec<&'p Text<'a>>) {
    let first_item = p.items.first().map(|i| i.span.start);
    p.content.iter().partition(|t| match first_item {
        Some(at) => t.span.start < at,
        None => true,
    })
}

/// True when every item is lettered (rendered as a lettered list).
pub fn all_lettered(items: &[Item]) -> bool {
    !items.is_empty() && items.iter().all(|i| i.kind == ItemKind::Lettered)
}

/// The label an item shows: its letter (`a)`) for lettered items, else
/// nothing (bullets and dashes carry no label).
pub fn item_label(item: &Item) -> Option<String> {
    match (&item.kind, &item.label) {
        (ItemKind::Lettered, Some(l)) => Some(format!("{l})")),
        (ItemKind::Lettered, None) => Some(item.marker.text.trim().to_string()),
        _ => None,
    }
}

/// Writes `text` with every run of white space that holds a line break
/// turned into one space (scraped text wraps lines inside sentences).
/// Writes `s` with every paragraph number in `targets` made a link by `link`
/// (`paragraphs 6 and 7` -> a link on 6 and on 7); the rest goes through
/// `text`. Shared by the Akoma Ntoso and HTML renderers.
pub fn link_numbers(
    out: &mut String,
    s: &str,
    targets: &[u32],
    mut text: impl FnMut(&mut String, &str),
    mut link: impl FnMut(&mut String, u32, &str),
) {
    let mut rest = s;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        let (before, tail) = rest.split_at(i);
        text(out, before);
        let len = tail
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(tail.len());
        let (digits, after) = tail.split_at(len);
        match digits.parse::<u32>() {
            Ok(n) if targets.contains(&n) => link(out, n, digits),
            _ => out.push_str(digits),
        }
        rest = after;
    }
    text(out, rest);
}

pub fn push_unwrapped(out: &mut String, text: &str, mut push: impl FnMut(&mut String, &str)) {
    let mut rest = text;
    while let Some(i) = rest.find(['\n', '\r']) {
        let before = rest.get(..i).unwrap_or("");
        let head = before.trim_end_matches(crate::span::is_blank_char);
        push(out, head);
        let after = rest.get(i..).unwrap_or("");
        rest = after.trim_start_matches(crate::span::is_blank_char);
        out.push(' ');
    }
    push(out, rest);
}

/// A paragraph's number as shown: its document-wide ordinal (`38.`), the
/// number the website prints and the prose cites.
pub fn paragraph_number(p: &Paragraph) -> Option<String> {
    p.ordinal.map(|n| format!("{n}."))
}

/// True for a block holding nothing to show.
pub fn is_empty_block(b: &Block) -> bool {
    match b {
        Block::Paragraph(p) => p.content.is_empty() && p.items.is_empty(),
        Block::List(l) => l.items.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{Money, ParagraphRef};
    use crate::span::Span;

    fn money(start: usize, end: usize) -> Entity<'static> {
        Entity {
            value: EntityValue::Money(Money {
                pence: Some(100),
                currency: "GBP".into(),
                period: None,
            }),
            text: "".into(),
            span: Span::new(start, end, 1),
            paragraph: None,
        }
    }

    fn pref(start: usize, end: usize) -> Entity<'static> {
        Entity {
            value: EntityValue::ParagraphRef(ParagraphRef {
                targets: vec![3, 4],
                resolved: vec![Span::new(0, 1, 1)],
                unresolved: vec![4],
                direction: None,
            }),
            text: "".into(),
            span: Span::new(start, end, 1),
            paragraph: None,
        }
    }

    fn flat(segs: &[Segment<'_>]) -> String {
        let mut s = String::new();
        for seg in segs {
            match seg {
                Segment::Text(t) => s.push_str(t),
                Segment::Entity(e, inner) => {
                    s.push_str(&format!("[{}:", kind_name(&e.value)));
                    s.push_str(&flat(inner));
                    s.push(']');
                }
            }
        }
        s
    }

    #[test]
    fn cuts_nests_and_drops_overlaps() {
        // piece at offset 10: "pay £5 see paragraph 3 now"
        let piece = Text::new("pay £5 see paragraph 3 now", Span::new(10, 37, 1));
        let entities = vec![
            pref(10, 23),  // "pay £5 see p" (£ is two bytes): outer, holds the money
            money(14, 17), // "£5"
            money(20, 30), // partly overlaps the outer one: dropped
            money(40, 45), // outside the piece
        ];
        let segs = segments(&piece, &entities, |_| true);
        assert_eq!(
            flat(&segs),
            "[paragraph_ref:pay [money:£5] see p]aragraph 3 now"
        );
        let only_money = segments(&piece, &entities, |e| {
            matches!(e.value, EntityValue::Money(_))
        });
        // Without the reference, the third entity overlaps nothing and shows.
        assert_eq!(
            flat(&only_money),
            "pay [money:£5] se[money:e paragrap]h 3 now"
        );
    }

    #[test]
    fn bad_spans_are_ignored() {
        let piece = Text::new("£5", Span::new(0, 3, 1));
        // Cuts inside the pound sign, or beyond the text.
        let entities = vec![money(1, 3), money(0, 9)];
        assert_eq!(flat(&segments(&piece, &entities, |_| true)), "£5");
    }

    #[test]
    fn resolved_targets_skip_unresolved() {
        assert_eq!(resolved_targets(&pref(0, 1).value), vec![3]);
    }

    #[test]
    fn unwraps_lines() {
        let mut s = String::new();
        push_unwrapped(&mut s, "a\n   b \r\n c", |o, t| o.push_str(t));
        assert_eq!(s, "a b c");
    }
}
