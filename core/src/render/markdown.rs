//! Markdown (CommonMark): a readable rendering of the decision.
//!
//! The title is a `#` heading, the metadata a list, sections `##` headings
//! (sub-headings `###`, `####`), each numbered paragraph starts with its
//! ordinal in bold (`**38.**`, the number the website prints and the prose
//! cites), items are `-` lists (lettered items keep their letter: `- a)`),
//! and the closing line is set apart in italics. Web-page furniture is left
//! out. Text is escaped so that nothing in it reads as Markdown syntax.

use std::fmt::Write as _;

use super::{item_label, push_unwrapped, split_content};
use crate::span::Text;
use crate::tree::{Block, Decision, Item, Paragraph, Subsection};

impl Decision<'_> {
    /// The decision as a Markdown document. See [`crate::render::markdown`].
    pub fn to_markdown(&self) -> String {
        let mut out = String::with_capacity(self.span.len() + 1024);
        write_document(&mut out, self);
        out
    }
}

/// Writes the Markdown document of `d` to `out`.
pub fn write_document(out: &mut String, d: &Decision) {
    let h = &d.header;
    out.push_str("# ");
    match (&h.title, &h.reference_id) {
        (Some(t), _) => inline(out, &t.text),
        (None, Some(r)) => {
            out.push_str("Decision ");
            inline(out, r);
        }
        (None, None) => out.push_str("Decision"),
    }
    out.push_str("\n\n");

    let mut meta: Vec<(&str, String)> = Vec::new();
    if let Some(a) = &h.authority {
        meta.push(("Authority", a.clone()));
    }
    if let Some(r) = h.reference_id.as_ref().or(h.reference.as_ref()) {
        meta.push(("Reference", r.clone()));
    }
    match (&h.category.area, &h.category.subcategory) {
        (Some(a), Some(s)) => meta.push(("Category", format!("{a} > {s}"))),
        (Some(a), None) => meta.push(("Category", a.clone())),
        _ => {}
    }
    if let Some(o) = &h.outcome {
        meta.push(("Decision", o.clone()));
    }
    if let Some(date) = h.decision_date {
        meta.push(("Decision date", date.format("%-d %B %Y").to_string()));
    }
    for (k, v) in &meta {
        let _ = write!(out, "- **{k}:** ");
        inline(out, v);
        out.push('\n');
    }
    if !meta.is_empty() {
        out.push('\n');
    }

    if let Some(s) = &d.summary {
        out.push_str("## Summary\n\n");
        for t in &s.content {
            line(out, &t.text);
            out.push_str("\n\n");
        }
    }
    for s in &d.sections {
        if let Some(heading) = &s.heading {
            out.push_str("## ");
            inline(out, &heading.text);
            out.push_str("\n\n");
        }
        blocks(out, &s.blocks);
        for sub in &s.subsections {
            subsection(out, sub, 3);
        }
    }
    if let Some(c) = &d.closing {
        out.push_str("---\n\n*");
        inline(out, c.text.trim());
        out.push_str("*\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
}

fn subsection(out: &mut String, s: &Subsection, level: usize) {
    for _ in 0..level.min(6) {
        out.push('#');
    }
    out.push(' ');
    inline(out, &s.heading.text);
    out.push_str("\n\n");
    blocks(out, &s.blocks);
    for sub in &s.subsections {
        subsection(out, sub, level + 1);
    }
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => paragraph(out, p),
            Block::List(l) => {
                items(out, &l.items, 0);
                out.push('\n');
            }
        }
    }
}

fn paragraph(out: &mut String, p: &Paragraph) {
    let (before, after) = split_content(p);
    let number = super::paragraph_number(p);
    if let Some(n) = &number {
        let _ = write!(out, "**{n}**");
    }
    if !before.is_empty() || number.is_some() {
        for (k, t) in before.iter().enumerate() {
            if k > 0 || number.is_some() {
                out.push(' ');
                inline(out, &t.text);
            } else {
                line(out, &t.text);
            }
        }
        out.push_str("\n\n");
    }
    if !p.items.is_empty() {
        items(out, &p.items, 0);
        out.push('\n');
    }
    for t in &after {
        line(out, &t.text);
        out.push_str("\n\n");
    }
}

fn items(out: &mut String, items_: &[Item], depth: usize) {
    for item in items_ {
        let indent = "  ".repeat(depth);
        out.push_str(&indent);
        out.push_str("- ");
        let first_sub = item.items.first().map(|i| i.span.start);
        let (before, after): (Vec<&Text>, Vec<&Text>) =
            item.content.iter().partition(|t| match first_sub {
                Some(at) => t.span.start < at,
                None => true,
            });
        let label = item_label(item);
        if let Some(l) = &label {
            inline(out, l);
        }
        for (k, t) in before.iter().enumerate() {
            if k > 0 || label.is_some() {
                out.push(' ');
                inline(out, &t.text);
            } else {
                line(out, &t.text);
            }
        }
        out.push('\n');
        items(out, &item.items, depth + 1);
        for t in &after {
            out.push('\n');
            out.push_str(&indent);
            out.push_str("  ");
            line(out, &t.text);
            out.push('\n');
        }
    }
}

/// Text that starts a line: also escapes what would open a block there
/// (`#`, `>`, `-`, `+`, `=`, `1.`, `1)`).
fn line(out: &mut String, text: &str) {
    let t = text.trim_start_matches(crate::span::is_blank_char);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let first = t.chars().next();
    let after_digits = t.get(digits..).and_then(|r| r.chars().next());
    if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        out.push_str(t.get(..digits).unwrap_or(""));
        out.push('\\');
        inline(out, t.get(digits..).unwrap_or(""));
        return;
    }
    if matches!(first, Some('#' | '>' | '-' | '+' | '=' | '~')) {
        out.push('\\');
    }
    inline(out, t);
}

/// Inline text, escaped, lines unwrapped.
fn inline(out: &mut String, text: &str) {
    push_unwrapped(out, text, escape);
}

/// Backslash-escapes the characters that are Markdown syntax inside a line
/// (`>` and the like only open blocks at the start of a line: see `line`).
pub fn escape(out: &mut String, s: &str) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;` and `&#38;` would be read as character references.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '\u{0}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_syntax() {
        let mut s = String::new();
        line(&mut s, "1. *not* a [list] <b> & &amp;");
        assert_eq!(s, "1\\. \\*not\\* a \\[list\\] \\<b> & \\&amp;");
        let mut s = String::new();
        line(&mut s, "# not a heading");
        assert_eq!(s, "\\# not a heading");
    }
}
