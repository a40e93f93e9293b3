//! Stage 3: paragraphs and their items, built line by line.
//!
//! The numbered layout marks everything: `  1. ` paragraphs, `    • ` bullets,
//! `      1. ` lettered sub-items, nesting by indentation. The dash layout
//! flattens sub-lists to the same `- ` level, so here whether a dash line is
//! a new paragraph or an item of the paragraph before it is inferred from how
//! it reads (FORMAT.md "Layouts of the body").

use std::borrow::Cow;

use crate::pieces::Pieces;
use crate::span::{Span, Text};
use crate::tree::{Block, Item, ItemKind, List, Paragraph};

/// Items nest at most this deep; deeper indentation is flattened, so no
/// input can make the tree (or any recursion over it) deeper than this.
pub const MAX_ITEM_DEPTH: usize = 3;

/// Builds the blocks of the body; one builder serves the whole document so
/// the paragraph ordinal runs straight through every section.
#[derive(Debug, Default)]
pub struct BlockBuilder<'a> {
    done: Vec<Block<'a>>,
    open: Option<OpenParagraph<'a>>,
    /// The last ordinal given out.
    ordinal: u32,
}

#[derive(Debug)]
struct OpenParagraph<'a> {
    para: Paragraph<'a>,
    /// Whether this is a real paragraph or a holder for orphan items.
    orphan: bool,
    /// Indentation of the open item at each depth (numbered layout).
    indents: Vec<usize>,
    /// Depth of the last item added (1 = item of the paragraph).
    last_depth: usize,
    /// Text was added after the items: the paragraph's list is over.
    list_closed: bool,
}

impl<'a> BlockBuilder<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the finished blocks so far (at a heading), in a vector of
    /// their exact number: one allocation per section, while `done` keeps
    /// its room for the next section's blocks.
    pub fn take(&mut self) -> Vec<Block<'a>> {
        self.close();
        self.done.drain(..).collect()
    }

    /// Has a paragraph open that a following line could continue?
    pub fn has_open(&self) -> bool {
        self.open.as_ref().is_some_and(|o| !o.orphan)
    }

    /// Starts a paragraph. `counted` paragraphs get the next ordinal.
    pub fn paragraph(
        &mut self,
        marker: Option<Text<'a>>,
        number: Option<u32>,
        text: Text<'a>,
        counted: bool,
    ) {
        self.close();
        let ordinal = counted.then(|| {
            self.ordinal += 1;
            self.ordinal
        });
        let span = marker
            .as_ref()
            .map_or(text.span, |m| m.span.cover(text.span));
        let content = if text.text.is_empty() {
            Pieces::new()
        } else {
            Pieces::from_iter([text])
        };
        self.open = Some(OpenParagraph {
            para: Paragraph {
                ordinal,
                number,
                marker,
                text: Cow::Borrowed(""),
                content,
                items: Vec::new(),
                span,
            },
            orphan: false,
            indents: Vec::new(),
            last_depth: 0,
            list_closed: false,
        });
    }

    /// Adds text that continues the open paragraph (after its items, if any),
    /// or starts an uncounted paragraph when none is open.
    pub fn continuation(&mut self, text: Text<'a>) {
        match self.open.as_mut() {
            Some(open) if !open.orphan => {
                if !open.para.items.is_empty() {
                    open.list_closed = true;
                }
                open.para.span = open.para.span.cover(text.span);
                open.para.content.push(text);
            }
            _ => self.paragraph(None, None, text, false),
        }
    }

    /// Adds an item at `depth` (1 = item of the paragraph) by indentation:
    /// deeper than the open item nests under it.
    pub fn item_by_indent(
        &mut self,
        kind: ItemKind,
        marker: Text<'a>,
        label: Option<String>,
        text: Text<'a>,
        indent: usize,
    ) {
        let open = self.ensure_open();
        while open.indents.last().is_some_and(|&top| top >= indent) {
            open.indents.pop();
        }
        if open.indents.len() < MAX_ITEM_DEPTH {
            open.indents.push(indent);
        }
        let depth = open.indents.len().max(1);
        self.item(kind, marker, label, text, depth);
    }

    /// Adds an item at an explicit depth (1 = item of the paragraph).
    pub fn item(
        &mut self,
        kind: ItemKind,
        marker: Text<'a>,
        label: Option<String>,
        text: Text<'a>,
        depth: usize,
    ) {
        let open = self.ensure_open();
        let item = Item::from_line(kind, marker, label, text);
        let span = item.span;
        open.para.span = open.para.span.cover(span);
        open.list_closed = false;
        let depth = depth.clamp(1, MAX_ITEM_DEPTH);
        open.last_depth = push_at(&mut open.para.items, depth - 1, item, span) + 1;
    }

    /// What the next dash line would attach to: the depth of the last item
    /// and the text of the items on the way down (for [`reads_as_item`]).
    pub fn list_context(&self) -> Option<ListContext<'_>> {
        let open = self.open.as_ref()?;
        if open.orphan {
            return None;
        }
        let lead = open.para.content.last().map(|t| t.text.as_ref());
        let mut path = Vec::new();
        let mut items = &open.para.items;
        while let Some(last) = items.last() {
            path.push(Level {
                first: items.first().map(|i| i.text_start()).unwrap_or(""),
                last: last.text_start_or_end(),
            });
            items = &last.items;
        }
        let first_lead = open.para.content.first().map(|t| t.text.as_ref());
        Some(ListContext {
            clause_lead: first_lead.is_some_and(introduces_clauses),
            lead_ends_with_colon: !open.list_closed
                && open.para.items.is_empty()
                && lead.is_some_and(ends_with_colon),
            list_closed: open.list_closed,
            path,
        })
    }

    fn ensure_open(&mut self) -> &mut OpenParagraph<'a> {
        self.open.get_or_insert_with(|| OpenParagraph {
            para: Paragraph {
                ordinal: None,
                number: None,
                marker: None,
                text: Cow::Borrowed(""),
                content: Pieces::new(),
                items: Vec::new(),
                span: Span::default(),
            },
            orphan: true,
            indents: Vec::new(),
            last_depth: 0,
            list_closed: false,
        })
    }

    /// Closes the open paragraph: joins its text, fixes spans.
    pub fn close(&mut self) {
        let Some(open) = self.open.take() else { return };
        let mut para = open.para;
        finish_items(&mut para.items);
        para.text = join(&para.content);
        if open.orphan {
            let span = para
                .items
                .iter()
                .map(|i| i.span)
                .reduce(Span::cover)
                .unwrap_or_default();
            self.done.push(Block::List(List {
                items: para.items,
                span,
            }));
        } else {
            self.done.push(Block::Paragraph(para));
        }
    }
}

/// The open list as seen from the next line.
#[derive(Debug)]
pub struct ListContext<'a> {
    /// The paragraph's text ends with `:` and no item has come yet.
    pub lead_ends_with_colon: bool,
    /// Text came after the items: the list is over.
    pub list_closed: bool,
    /// The lead-in ends with `that:`: its items are whole clauses ("The
    /// Council failed to ..."), so named subjects do not end the list.
    pub clause_lead: bool,
    /// For each depth from 1: the first and last sibling's text.
    pub path: Vec<Level<'a>>,
}

#[derive(Debug)]
pub struct Level<'a> {
    pub first: &'a str,
    pub last: &'a str,
}

impl Item<'_> {
    fn text_start(&self) -> &str {
        self.content.first().map_or("", |t| t.text.as_ref())
    }

    fn text_start_or_end(&self) -> &str {
        self.content.last().map_or("", |t| t.text.as_ref())
    }
}

/// Pushes `item` `levels` below `items` along the last items (fewer if the
/// tree is shallower); returns how many levels down it went. `levels` is
/// bounded by [`MAX_ITEM_DEPTH`], so is the recursion.
fn push_at<'a>(items: &mut Vec<Item<'a>>, levels: usize, item: Item<'a>, span: Span) -> usize {
    if levels > 0 {
        if let Some(last) = items.last_mut() {
            last.span = last.span.cover(span);
            return 1 + push_at(&mut last.items, levels - 1, item, span);
        }
    }
    items.push(item);
    0
}

fn finish_items(items: &mut [Item<'_>]) {
    // Depth is bounded by MAX_ITEM_DEPTH, so this recursion is too.
    for item in items {
        item.text = join(&item.content);
        finish_items(&mut item.items);
    }
}

pub(crate) fn join<'a>(pieces: &[Text<'a>]) -> Cow<'a, str> {
    match pieces {
        [] => Cow::Borrowed(""),
        [one] => one.text.clone(),
        many => {
            let mut out = String::with_capacity(many.iter().map(|t| t.text.len() + 1).sum());
            for (i, t) in many.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&t.text);
            }
            Cow::Owned(out)
        }
    }
}

fn ends_with_colon(s: &str) -> bool {
    s.trim_end().ends_with(':')
}

/// Where a dash line goes, given the list before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashPlace {
    /// A new top-level paragraph.
    Paragraph,
    /// An item at this depth (1 = item of the paragraph).
    Item(usize),
}

/// Decides where a `- text` line goes in the dash layout: a paragraph ending
/// in `:` opens a list; lines that read as its items (lower-case starts,
/// `;`/`, and` endings, verb-first fragments, short single sentences) join
/// it, up to two levels deep; a line that reads as a sentence of its own
/// ("Mrs X remained...", "Within three months...", "It should...") does not.
pub fn place_dash(text: &str, ctx: Option<&ListContext<'_>>) -> DashPlace {
    let Some(ctx) = ctx else {
        return DashPlace::Paragraph;
    };
    if ctx.list_closed {
        return DashPlace::Paragraph;
    }
    if ctx.path.is_empty() {
        let clause = ctx.clause_lead && reads_as_clause_item(text);
        if ctx.lead_ends_with_colon && (clause || reads_as_item(text, None)) {
            return DashPlace::Item(1);
        }
        return DashPlace::Paragraph;
    }
    let depth = ctx.path.len().min(2);
    let Some(level) = ctx.path.get(depth - 1) else {
        return DashPlace::Paragraph;
    };
    // The last item introduces a sub-list of its own.
    if depth < 2 && ends_with_colon(level.last) && reads_as_item(text, None) {
        return DashPlace::Item(depth + 1);
    }
    if depth == 2 {
        let parent = ctx.path.first();
        let shape = Shape::of(text);
        let fits_parent =
            parent.is_some_and(|p| Shape::of(p.first) == shape && shape != Shape::Other);
        let fits_child = Shape::of(level.first) == shape;
        if fits_parent && !fits_child {
            return DashPlace::Item(1);
        }
        if reads_as_item(text, Some(level.last)) {
            return DashPlace::Item(2);
        }
        if parent.is_some_and(|p| reads_as_item(text, Some(p.last))) && !starts_as_sentence(text) {
            return DashPlace::Item(1);
        }
        return DashPlace::Paragraph;
    }
    if reads_as_item(text, Some(level.last)) || ctx.clause_lead && reads_as_clause_item(text) {
        DashPlace::Item(depth)
    } else {
        DashPlace::Paragraph
    }
}

/// The look of an item's first word, to tell sibling lists apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Lower,
    Gerund,
    Imperative,
    Other,
}

impl Shape {
    fn of(text: &str) -> Shape {
        let word = first_word(text);
        if word.chars().next().is_some_and(char::is_lowercase) {
            Shape::Lower
        } else if is_gerund(word) {
            Shape::Gerund
        } else if is_imperative(word) {
            Shape::Imperative
        } else {
            Shape::Other
        }
    }
}

fn first_word(text: &str) -> &str {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("")
}

fn is_gerund(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ing") && word.chars().all(char::is_alphabetic)
}

/// Verbs (and their nouns) that open remedy and recommendation items.
const IMPERATIVES: &[&str] = &[
    "agree",
    "amend",
    "apologise",
    "apologize",
    "apology",
    "arrange",
    "assess",
    "backdate",
    "carry",
    "change",
    "check",
    "complete",
    "confirm",
    "consider",
    "consult",
    "contact",
    "correct",
    "create",
    "decide",
    "develop",
    "ensure",
    "explain",
    "give",
    "hold",
    "identify",
    "implement",
    "improve",
    "introduce",
    "issue",
    "make",
    "meet",
    "offer",
    "pay",
    "payment",
    "prepare",
    "produce",
    "provide",
    "publish",
    "reassess",
    "reconsider",
    "refund",
    "reimburse",
    "remind",
    "reminder",
    "remove",
    "review",
    "send",
    "set",
    "share",
    "take",
    "tell",
    "train",
    "training",
    "undertake",
    "update",
    "waive",
    "write",
];

fn is_imperative(word: &str) -> bool {
    let mut buf = [0; WORD_BUF];
    IMPERATIVES.contains(&lower_word(word, &mut buf).as_ref())
}

/// Longer than any word in the lists above.
const WORD_BUF: usize = 24;

/// `word` in lower case: in `buf` when it is short ASCII (every listed word
/// is), allocated otherwise.
fn lower_word<'b>(word: &str, buf: &'b mut [u8; WORD_BUF]) -> Cow<'b, str> {
    match buf.get_mut(..word.len()) {
        Some(out) if word.is_ascii() => {
            out.copy_from_slice(word.as_bytes());
            out.make_ascii_lowercase();
            std::str::from_utf8(out).map_or_else(|_| Cow::Owned(word.to_lowercase()), Cow::Borrowed)
        }
        _ => Cow::Owned(word.to_lowercase()),
    }
}

/// Words that open a sentence standing on its own rather than a list item.
const SENTENCE_OPENERS: &[&str] = &[
    "i",
    "we",
    "he",
    "she",
    "they",
    "it",
    "this",
    "these",
    "those",
    "there",
    "our",
    "my",
    "his",
    "her",
    "their",
    "its",
    "however",
    "if",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "where",
    "while",
    "whilst",
    "within",
    "as",
    "although",
    "though",
    "because",
    "since",
    "following",
    "during",
    "by",
    "therefore",
    "further",
    "furthermore",
    "finally",
    "also",
    "likewise",
    "nevertheless",
    "nonetheless",
    "despite",
    "once",
    "until",
    "given",
    "overall",
    "instead",
    "accordingly",
    "so",
    "but",
    "then",
    "for",
    "from",
    "between",
    "under",
    "a",
    "an",
];

const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr"];

/// Does the line open like a sentence with its own subject?
fn starts_as_sentence(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let w1 = words.next().unwrap_or("");
    let mut buf = [0; WORD_BUF];
    let lower = lower_word(w1.trim_end_matches(','), &mut buf);
    if SENTENCE_OPENERS.contains(&lower.as_ref()) {
        return true;
    }
    let w2 = words.next().unwrap_or("");
    let capital_next = w2.chars().next().is_some_and(char::is_uppercase);
    // "Mrs X remained", "Mr and Mrs Y said"
    if TITLES.contains(&lower.trim_end_matches('.')) && (capital_next || w2 == "and") {
        return true;
    }
    // "The Council said", "The Ombudsman" — a named subject.
    lower == "the" && capital_next
}

/// Does this line read as an item of a list (rather than a paragraph)?
pub fn reads_as_item(text: &str, previous_sibling: Option<&str>) -> bool {
    if text.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    if previous_sibling.is_some_and(ends_like_list_entry) || ends_like_list_entry(text) {
        return true;
    }
    if starts_as_sentence(text) {
        return false;
    }
    let word = first_word(text);
    if is_gerund(word) || is_imperative(word) {
        return true;
    }
    sentences(text) <= 1 && text.chars().count() <= 200
}

/// After a lead-in ending in `that:`, items are clauses with subjects of
/// their own; only a new sentence about the complainant or the writer, a
/// discourse opener, or a long multi-sentence block ends the list.
fn reads_as_clause_item(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let mut buf = [0; WORD_BUF];
    let w1 = lower_word(words.next().unwrap_or("").trim_end_matches(','), &mut buf);
    let w2_capital = words
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "and");
    const STRONG: &[&str] = &[
        "i",
        "we",
        "however",
        "therefore",
        "within",
        "if",
        "in",
        "on",
        "after",
        "when",
        "finally",
        "further",
        "furthermore",
        "overall",
        "following",
        "during",
        "as",
        "also",
    ];
    let party = TITLES.contains(&w1.trim_end_matches('.')) && w2_capital;
    !party && !STRONG.contains(&w1.as_ref()) && sentences(text) <= 1 && text.chars().count() <= 300
}

/// Does a lead-in introduce a list of clauses (`... complains that:`)?
fn introduces_clauses(lead: &str) -> bool {
    // Only the end matters. "that" has no `k`, the one ASCII letter a
    // non-ASCII character lower-cases to alone, so ASCII case is enough.
    let t = lead.trim_end().as_bytes();
    let ends = |suffix: &[u8]| {
        t.len()
            .checked_sub(suffix.len())
            .and_then(|at| t.get(at..))
            .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
    };
    ends(b" that:") || ends(b" that :")
}

/// `;`, `, and`, `; or`, `, or`, ` and` at the end: the list goes on.
fn ends_like_list_entry(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(';') || t.ends_with(',') || t.ends_with(" and") || t.ends_with(" or")
}

fn sentences(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n = 1;
    for (i, w) in bytes.windows(2).enumerate() {
        if matches!(w, [b'.' | b'?' | b'!', b' ']) {
            let next = bytes.get(i + 2).copied().unwrap_or(b' ');
            if next.is_ascii_uppercase() {
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_sentences() {
        assert!(reads_as_item("delay during the assessment", None));
        assert!(reads_as_item("Updating information about parent carer assessments on its website. It said it would complete this by March 2022.", None));
        assert!(reads_as_item(
            "Write to Mrs X to apologise for its failure.",
            None
        ));
        assert!(reads_as_item("The process for dealing with complaints, particularly managers who have the responsibility to respond to them.", None));
        assert!(reads_as_item(
            "Council to meet with Miss X to listen to her experiences.",
            None
        ));
        assert!(!reads_as_item(
            "Mrs X remained dissatisfied and brought her complaint to us. She said:",
            None
        ));
        assert!(!reads_as_item(
            "Within three months of the final decision the Council will:",
            None
        ));
        assert!(!reads_as_item(
            "It should provide evidence to us that it has completed these actions.",
            None
        ));
        assert!(!reads_as_item(
            "The Council will give us evidence it has done these things.",
            None
        ));
        assert!(!reads_as_item("The stage 3 panel upheld all of Mrs X’s complaints. In its stage 3 response letter, the Council apologised. Mrs X accepted this payment. It said so.", None));
    }

    fn t(s: &str, at: usize) -> Text<'_> {
        Text::new(s, Span::new(at, at + s.len(), 1))
    }

    #[test]
    fn ordinals_run_through_and_items_nest() {
        let mut b = BlockBuilder::new();
        b.paragraph(Some(t("1.", 0)), Some(1), t("Lead:", 3), true);
        b.item_by_indent(ItemKind::Bullet, t("•", 10), None, t("one", 12), 4);
        b.item_by_indent(ItemKind::Bullet, t("•", 20), None, t("deeper", 22), 6);
        b.item_by_indent(ItemKind::Bullet, t("•", 30), None, t("two", 32), 4);
        b.continuation(t("(Act 1974)", 40));
        let first = b.take();
        b.paragraph(Some(t("1.", 60)), Some(1), t("Next", 63), true);
        let second = b.take();
        let Some(Block::Paragraph(p)) = first.first() else {
            panic!("no paragraph")
        };
        assert_eq!(p.ordinal, Some(1));
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.items[0].items[0].text, "deeper");
        assert_eq!(p.text, "Lead:\n(Act 1974)");
        assert_eq!(p.span, Span::new(0, 50, 1));
        let Some(Block::Paragraph(q)) = second.first() else {
            panic!("no paragraph")
        };
        assert_eq!(q.ordinal, Some(2));
    }

    #[test]
    fn deep_indents_are_flattened() {
        let mut b = BlockBuilder::new();
        b.paragraph(None, None, t("p", 0), true);
        for i in 0..50 {
            b.item_by_indent(
                ItemKind::Bullet,
                t("•", 10 + i * 4),
                None,
                t("x", 12 + i * 4),
                4 + i,
            );
        }
        let blocks = b.take();
        let Some(Block::Paragraph(p)) = blocks.first() else {
            panic!("no paragraph")
        };
        let mut depth = 0;
        let mut items = &p.items;
        while let Some(last) = items.last() {
            depth += 1;
            items = &last.items;
        }
        assert_eq!(depth, MAX_ITEM_DEPTH);
    }
}
