//! What every tree promises about its input, as checks that tests, the
//! fuzzers and users can run: leaves are exact slices, leaves never overlap,
//! every non-whitespace character is in exactly one leaf, spans nest, and
//! ordinals run 1..N without gaps.

use crate::span::{is_blank_char, Span};
use crate::tree::{Block, Decision, Item, Subsection};

/// A leaf of the tree: its span and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leaf<'a> {
    pub span: Span,
    pub text: &'a str,
}

impl Decision<'_> {
    /// Every leaf of the tree (header values and labels, summary, contents,
    /// headings, paragraph and item text and markers, closing, boilerplate),
    /// in document order.
    pub fn leaves(&self) -> Vec<Leaf<'_>> {
        let mut out = Vec::new();
        collect(self, &mut out);
        out.sort_by_key(|l| (l.span.start, l.span.end));
        out
    }
}

fn collect<'a>(d: &'a Decision, out: &mut Vec<Leaf<'a>>) {
    let mut text = |t: &'a crate::span::Text| {
        out.push(Leaf {
            span: t.span,
            text: &t.text,
        })
    };
    let h = &d.header;
    h.title.iter().for_each(&mut text);
    h.marker.iter().for_each(&mut text);
    for f in &h.fields {
        text(&f.label);
        f.value.iter().for_each(&mut text);
    }
    if let Some(s) = &d.summary {
        s.label.iter().for_each(&mut text);
        s.content.iter().for_each(&mut text);
    }
    let mut items_out = Vec::new();
    if let Some(c) = &d.contents {
        items(&c.entries, &mut items_out);
    }
    for s in &d.sections {
        s.heading.iter().for_each(&mut text);
        blocks(&s.blocks, &mut items_out);
        subsections(&s.subsections, &mut items_out);
    }
    d.closing.iter().for_each(&mut text);
    for b in &d.boilerplate {
        out.push(Leaf {
            span: b.span,
            text: &b.text,
        });
    }
    out.extend(items_out);
}

fn subsections<'a>(subs: &'a [Subsection], out: &mut Vec<Leaf<'a>>) {
    // Subsections nest at most two deep.
    for s in subs {
        out.push(Leaf {
            span: s.heading.span,
            text: &s.heading.text,
        });
        blocks(&s.blocks, out);
        subsections(&s.subsections, out);
    }
}

fn blocks<'a>(bs: &'a [Block], out: &mut Vec<Leaf<'a>>) {
    for b in bs {
        match b {
            Block::Paragraph(p) => {
                if let Some(m) = &p.marker {
                    out.push(Leaf {
                        span: m.span,
                        text: &m.text,
                    });
                }
                for t in &p.content {
                    out.push(Leaf {
                        span: t.span,
                        text: &t.text,
                    });
                }
                items(&p.items, out);
            }
            Block::List(l) => items(&l.items, out),
        }
    }
}

fn items<'a>(its: &'a [Item], out: &mut Vec<Leaf<'a>>) {
    // Items nest at most MAX_ITEM_DEPTH deep.
    for i in its {
        out.push(Leaf {
            span: i.marker.span,
            text: &i.marker.text,
        });
        for t in &i.content {
            out.push(Leaf {
                span: t.span,
                text: &t.text,
            });
        }
        items(&i.items, out);
    }
}

/// Checks every promise of the tree against its input; the first broken
/// one is returned as a sentence.
pub fn check(d: &Decision, input: &str) -> Result<(), String> {
    let leaves = d.leaves();
    let starts = line_starts(input);
    let mut covered_to = 0usize;
    for leaf in &leaves {
        let s = leaf.span;
        let Some(slice) = input.get(s.start..s.end) else {
            return Err(format!(
                "leaf {s:?} is out of bounds or not on char boundaries"
            ));
        };
        if slice != leaf.text {
            return Err(format!(
                "leaf {s:?} says {:?} but the input has {slice:?}",
                leaf.text
            ));
        }
        if s.is_empty() {
            return Err(format!("empty leaf at {s:?}"));
        }
        if s.start < covered_to {
            return Err(format!(
                "leaf {s:?} {:?} overlaps the previous leaf",
                leaf.text
            ));
        }
        let gap = input.get(covered_to..s.start).unwrap_or("");
        if let Some(c) = gap.chars().find(|c| !is_blank_char(*c)) {
            return Err(format!("character {c:?} before {s:?} belongs to no leaf"));
        }
        let line = starts.partition_point(|&l| l <= s.start);
        if line != s.line {
            return Err(format!("leaf {s:?} is on line {line}"));
        }
        covered_to = s.end;
    }
    let tail = input.get(covered_to..).unwrap_or("");
    if let Some(c) = tail.chars().find(|c| !is_blank_char(*c)) {
        return Err(format!(
            "character {c:?} after offset {covered_to} belongs to no leaf"
        ));
    }
    let ordinals: Vec<u32> = d.paragraphs().iter().filter_map(|p| p.ordinal).collect();
    for (i, o) in ordinals.iter().enumerate() {
        if usize::try_from(*o).ok() != Some(i + 1) {
            return Err(format!("ordinals are not 1..N in order: {ordinals:?}"));
        }
    }
    for s in &d.sections {
        for b in &s.blocks {
            nested(s.span, block_span(b))?;
        }
        for sub in &s.subsections {
            nested(s.span, sub.span)?;
            check_sub(sub)?;
        }
    }
    for e in &d.entities {
        match input.get(e.span.start..e.span.end) {
            Some(t) if t == e.text => {}
            _ => {
                return Err(format!(
                    "entity {:?} does not match the input at {:?}",
                    e.text, e.span
                ))
            }
        }
    }
    Ok(())
}

fn check_sub(sub: &Subsection) -> Result<(), String> {
    nested(sub.span, sub.heading.span)?;
    for b in &sub.blocks {
        nested(sub.span, block_span(b))?;
    }
    for inner in &sub.subsections {
        nested(sub.span, inner.span)?;
        check_sub(inner)?;
    }
    Ok(())
}

fn block_span(b: &Block) -> Span {
    match b {
        Block::Paragraph(p) => p.span,
        Block::List(l) => l.span,
    }
}

fn nested(outer: Span, inner: Span) -> Result<(), String> {
    if inner.start < outer.start || inner.end > outer.end {
        return Err(format!("span {inner:?} is not inside {outer:?}"));
    }
    Ok(())
}

/// Byte offsets where lines begin (LF, CRLF and CR all end lines).
fn line_starts(input: &str) -> Vec<usize> {
    let bytes = input.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        let crlf = b == b'\r' && bytes.get(i + 1) == Some(&b'\n');
        if (b == b'\n' || b == b'\r') && !crlf {
            starts.push(i + 1);
        }
    }
    starts
}
