//! HTML: a readable, self-contained page of the decision.
//!
//! An `article.lgsco-decision` holds a `header` (the title as `h1`, the
//! metadata as a `dl`), the summary, and the sections as `section` elements
//! (`h2`; sub-headings `h3`, `h4`), each with a `section-<kind>` class. A
//! paragraph is a `div.paragraph` with `id="para_N"` and `data-ordinal="N"`,
//! its number in a `span.num`, its text in `p`, its items in `ul.items` (or
//! `ol.items.lettered` for lettered ones, each `li` with its `span.label`).
//!
//! Entities are marked where they lie in the text:
//! `<span class="entity entity-money" data-kind="money">£300</span>` (the
//! class is the JSON kind with `-` for `_`: `entity-paragraph-ref`,
//! `entity-remedy-action`, ...). A resolved paragraph reference is a link,
//! `<a class="entity entity-paragraph-ref" href="#para_38">`. Entities that
//! nest are nested; one that partly overlaps another is left unmarked.
//!
//! [`write_article`] writes the `article` alone, for pages of one's own.

use std::fmt::Write as _;

use super::{item_label, kind_name, resolved_targets, segments, split_content, Segment};
use crate::entities::Entity;
use crate::span::Text;
use crate::tree::{Block, Decision, Item, Paragraph, SectionKind, Subsection};

/// The small style sheet of [`Decision::to_html`]'s page.
pub const STYLE: &str = "body{font:16px/1.55 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.5em}dl.metadata{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}\
dl.metadata dt{font-weight:600}dl.metadata dd{margin:0}.paragraph .num{font-weight:600;margin-right:.4em}\
.entity{border-bottom:2px solid #bbb;border-radius:2px}.entity-money{background:#ffe3a3}\
.entity-date{background:#d6e4ff}.entity-legislation{background:#c9f0d3}\
.entity-remedy-action{background:#f6d2f0}.entity-paragraph-ref{background:#d8f3f5}\
.entity-party{background:#e6e0ff}.closing{font-style:italic}";

impl Decision<'_> {
    /// The decision as a standalone HTML page. See [`crate::render::html`].
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.span.len() * 2 + 4096);
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        );
        escape(&mut out, &title(self));
        out.push_str("</title>\n<style>");
        out.push_str(STYLE);
        out.push_str("</style>\n</head>\n<body>\n");
        write_article(&mut out, self, None);
        out.push_str("</body>\n</html>\n");
        out
    }
}

fn title(d: &Decision) -> String {
    let h = &d.header;
    match (&h.title, &h.reference_id) {
        (Some(t), _) => t.text.to_string(),
        (None, Some(r)) => format!("Decision {r}"),
        (None, None) => "Decision".to_string(),
    }
}

/// Escapes text for HTML content and double-quoted attributes; characters
/// HTML cannot hold become U+FFFD.
pub fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

fn escape_unwrapped(out: &mut String, s: &str) {
    super::push_unwrapped(out, s, escape);
}

/// Writes the decision's `article` element (`path`, if given, as its
/// `data-path`).
pub fn write_article(out: &mut String, d: &Decision, path: Option<&str>) {
    let h = &d.header;
    out.push_str("<article class=\"lgsco-decision\"");
    if let Some(r) = &h.reference_id {
        out.push_str(" data-reference=\"");
        escape(out, r);
        out.push('"');
    }
    if let Some(p) = path {
        out.push_str(" data-path=\"");
        escape(out, p);
        out.push('"');
    }
    out.push_str(">\n<header>\n<h1>");
    escape_unwrapped(out, &title(d));
    out.push_str("</h1>\n");

    let mut meta: Vec<(&str, &str, String)> = Vec::new();
    if let Some(a) = &h.authority {
        meta.push(("authority", "Authority", a.clone()));
    }
    if let Some(r) = h.reference_id.as_ref().or(h.reference.as_ref()) {
        meta.push(("reference", "Reference", r.clone()));
    }
    match (&h.category.area, &h.category.subcategory) {
        (Some(a), Some(s)) => meta.push(("category", "Category", format!("{a} > {s}"))),
        (Some(a), None) => meta.push(("category", "Category", a.clone())),
        _ => {}
    }
    if let Some(o) = &h.outcome {
        meta.push(("outcome", "Decision", o.clone()));
    }
    if !meta.is_empty() || h.decision_date.is_some() {
        out.push_str("<dl class=\"metadata\">\n");
        for (class, k, v) in &meta {
            let _ = write!(out, "<dt class=\"{class}\">{k}</dt><dd class=\"{class}\">");
            escape(out, v);
            out.push_str("</dd>\n");
        }
        if let Some(date) = h.decision_date {
            let _ = writeln!(
                out,
                "<dt class=\"decision-date\">Decision date</dt><dd class=\"decision-date\"><time datetime=\"{}\">{}</time></dd>",
                date.format("%Y-%m-%d"),
                date.format("%-d %B %Y")
            );
        }
        out.push_str("</dl>\n");
    }
    out.push_str("</header>\n");

    if let Some(s) = &d.summary {
        out.push_str("<section class=\"summary\">\n<h2>Summary</h2>\n");
        for t in &s.content {
            out.push_str("<p>");
            text(out, d, t);
            out.push_str("</p>\n");
        }
        out.push_str("</section>\n");
    }
    for (n, s) in d.sections.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"section section-{}\" id=\"sec_{}\">",
            kind_class(s.kind),
            n + 1
        );
        if let Some(heading) = &s.heading {
            out.push_str("<h2>");
            text(out, d, heading);
            out.push_str("</h2>\n");
        }
        blocks(out, d, &s.blocks);
        for sub in &s.subsections {
            subsection(out, d, sub, 3);
        }
        out.push_str("</section>\n");
    }
    if let Some(c) = &d.closing {
        out.push_str("<footer>\n<p class=\"closing\">");
        escape_unwrapped(out, &c.text);
        out.push_str("</p>\n</footer>\n");
    }
    out.push_str("</article>\n");
}

fn kind_class(kind: SectionKind) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(s)) => s.replace('_', "-"),
        _ => "other".to_string(),
    }
}

fn subsection(out: &mut String, d: &Decision, s: &Subsection, level: usize) {
    let level = level.min(6);
    let _ = writeln!(
        out,
        "<section class=\"subsection section-{}\">",
        kind_class(s.kind)
    );
    let _ = write!(out, "<h{level}>");
    text(out, d, &s.heading);
    let _ = writeln!(out, "</h{level}>");
    blocks(out, d, &s.blocks);
    for sub in &s.subsections {
        subsection(out, d, sub, level + 1);
    }
    out.push_str("</section>\n");
}

fn blocks(out: &mut String, d: &Decision, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => paragraph(out, d, p),
            Block::List(l) => items(out, d, &l.items),
        }
    }
}

fn paragraph(out: &mut String, d: &Decision, p: &Paragraph) {
    out.push_str("<div class=\"paragraph\"");
    if let Some(n) = p.ordinal {
        let _ = write!(out, " id=\"para_{n}\" data-ordinal=\"{n}\"");
    }
    out.push_str(">\n");
    let (before, after) = split_content(p);
    let number = super::paragraph_number(p);
    if number.is_some() || !before.is_empty() {
        out.push_str("<p>");
        if let Some(n) = &number {
            let _ = write!(out, "<span class=\"num\">{n}</span> ");
        }
        for (k, t) in before.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            text(out, d, t);
        }
        out.push_str("</p>\n");
    }
    items(out, d, &p.items);
    for t in &after {
        out.push_str("<p>");
        text(out, d, t);
        out.push_str("</p>\n");
    }
    out.push_str("</div>\n");
}

fn items(out: &mut String, d: &Decision, list: &[Item]) {
    if list.is_empty() {
        return;
    }
    let lettered = super::all_lettered(list);
    out.push_str(if lettered {
        "<ol class=\"items lettered\">\n"
    } else {
        "<ul class=\"items\">\n"
    });
    for item in list {
        out.push_str("<li>");
        if let Some(l) = item_label(item) {
            out.push_str("<span class=\"label\">");
            escape(out, &l);
            out.push_str("</span> ");
        }
        let first_sub = item.items.first().map(|i| i.span.start);
        let (before, after): (Vec<&Text>, Vec<&Text>) =
            item.content.iter().partition(|t| match first_sub {
                Some(at) => t.span.start < at,
                None => true,
            });
        for (k, t) in before.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            text(out, d, t);
        }
        if !item.items.is_empty() {
            out.push('\n');
            items(out, d, &item.items);
        }
        for t in &after {
            out.push_str("<p>");
            text(out, d, t);
            out.push_str("</p>");
        }
        out.push_str("</li>\n");
    }
    out.push_str(if lettered { "</ol>\n" } else { "</ul>\n" });
}

/// A piece of text with its entities marked.
fn text(out: &mut String, d: &Decision, t: &Text) {
    let segs = segments(t, &d.entities, |_| true);
    inline(out, &segs, false);
}

fn inline(out: &mut String, segs: &[Segment<'_>], in_link: bool) {
    for seg in segs {
        match seg {
            Segment::Text(s) => escape_unwrapped(out, s),
            Segment::Entity(e, inner) => entity(out, e, inner, in_link),
        }
    }
}

fn entity(out: &mut String, e: &Entity, inner: &[Segment<'_>], in_link: bool) {
    let kind = kind_name(&e.value);
    let class = kind.replace('_', "-");
    let targets = resolved_targets(&e.value);
    let (tag, href) = match targets.as_slice() {
        [one] if !in_link => ("a", Some(format!("#para_{one}"))),
        _ => ("span", None),
    };
    let _ = write!(
        out,
        "<{tag} class=\"entity entity-{class}\" data-kind=\"{kind}\""
    );
    if let Some(p) = e.paragraph {
        let _ = write!(out, " data-paragraph=\"{p}\"");
    }
    if let Some(h) = &href {
        let _ = write!(out, " href=\"{h}\"");
    }
    out.push('>');
    let link_inside = in_link || href.is_some();
    if targets.len() > 1 && !in_link {
        // Several paragraphs cited: a link on each number.
        for seg in inner {
            match seg {
                Segment::Text(s) => link_numbers(out, s, &targets),
                Segment::Entity(e, inner) => entity(out, e, inner, true),
            }
        }
    } else {
        inline(out, inner, link_inside);
    }
    let _ = write!(out, "</{tag}>");
}

fn link_numbers(out: &mut String, s: &str, targets: &[u32]) {
    super::link_numbers(out, s, targets, escape_unwrapped, |out, n, digits| {
        let _ = write!(out, "<a href=\"#para_{n}\">{digits}</a>");
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        let mut s = String::new();
        escape(&mut s, "<a href=\"x\">'&'\u{7}</a>");
        assert_eq!(
            s,
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;\u{FFFD}&lt;/a&gt;"
        );
    }
}
