//! Remedy actions: what the authority agreed (or is recommended) to do, each
//! with its deadline and kind, read from the agreed action / recommendations
//! sections.
//!
//! Two shapes occur: a lead-in paragraph carrying the deadline ("Within one
//! month of the final decision, the Council will:") whose items are the
//! actions, and a paragraph that is itself the action (seed 000), possibly
//! listing several ("apologise to the resident, pay her £200 ..., and decide").

use std::sync::LazyLock;

use compact_str::CompactString;
use memchr::memmem::Finder;
use serde::{Deserialize, Serialize};

use crate::span::{Span, Text};
use crate::tree::{Block, Item, Paragraph};

use super::money;
use super::text::{count_word, eq_ci};

/// One thing the authority agreed or is recommended to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RemedyAction {
    pub action: RemedyKind,
    /// When it is due, if the text says.
    pub deadline: Option<Deadline>,
    /// For payments (and other actions naming an amount): the amount in pence.
    /// A total followed by its breakdown (`£450: £300 ... and £150 ...`) counts once.
    pub amount_pence: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    Apology,
    Payment,
    /// Review a decision, a procedure or a service; change or improve it.
    Review,
    /// Remind, train or share learning with staff.
    Training,
    /// Give the Ombudsman evidence of what was done.
    Evidence,
    Other,
}

/// A deadline counted from an event: `Within one month of the date of the final decision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadline {
    pub count: u32,
    pub unit: DurationUnit,
    /// What it is counted from; null when the text does not say.
    pub counted_from: Option<CountedFrom>,
    /// The deadline phrase as written.
    pub text: CompactString,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    Day,
    WorkingDay,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CountedFrom {
    FinalDecision,
    Report,
}

/// An action found in the tree: its span (absolute), paragraph and value,
/// plus the spans of the amounts that make up `amount_pence`.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub span: Span,
    pub paragraph: Option<u32>,
    pub value: RemedyAction,
    pub amounts: Vec<Span>,
}

/// Reads the actions of an agreed action / recommendations section body.
pub(crate) fn from_blocks(input: &str, blocks: &[Block], out: &mut Vec<Found>) {
    let mut acts = Actions::new(input, out);
    // A lead-in ending in ':' whose list the parser did not attach.
    let mut pending: Option<Due> = None;
    for block in blocks {
        let Block::Paragraph(p) = block else {
            if let Block::List(l) = block {
                for item in &l.items {
                    item_action(&mut acts, item, None, pending);
                }
            }
            continue;
        };
        let own = p.content.iter().find_map(|t| due_in(input, t));
        if !p.items.is_empty() {
            for item in &p.items {
                item_action(&mut acts, item, p.ordinal, own);
            }
            // Lines after the list ("The Council will give us evidence ...").
            for t in p.content.iter().skip(1) {
                paragraph_actions(&mut acts, t, p.ordinal, own, true);
            }
            pending = None;
            continue;
        }
        let lead_in = p.text.trim_end().ends_with(':');
        if lead_in {
            pending = own;
            continue;
        }
        let inherited = if own.is_none() && looks_like_item(&p.text) {
            pending
        } else {
            None
        };
        if own.is_some() {
            pending = None;
        }
        for t in &p.content {
            paragraph_actions(&mut acts, t, p.ordinal, own.or(inherited), true);
        }
    }
}

/// Reads actions from paragraphs outside an agreed action section (legacy
/// pages): only sentences with both a deadline and a modal count.
pub(crate) fn from_prose(input: &str, p: &Paragraph, out: &mut Vec<Found>) {
    let mut acts = Actions::new(input, out);
    for t in &p.content {
        if let Some(d) = due_in(input, t) {
            paragraph_actions(&mut acts, t, p.ordinal, Some(d), false);
        }
    }
}

/// Where the actions of a section go, with the space each is read in.
struct Actions<'a, 'o> {
    input: &'a str,
    out: &'o mut Vec<Found>,
    /// The amounts of the action being read: one vector for all of them,
    /// rather than one allocated per action.
    amounts: Vec<(Span, u64)>,
}

impl<'a, 'o> Actions<'a, 'o> {
    fn new(input: &'a str, out: &'o mut Vec<Found>) -> Self {
        Actions {
            input,
            out,
            amounts: Vec::new(),
        }
    }

    /// Adds an action whose amounts are in `self.amounts`. The deadline's
    /// text is copied here, once per action kept.
    fn push(&mut self, span: Span, paragraph: Option<u32>, action: RemedyKind, due: Option<Due>) {
        self.out.push(Found {
            span,
            paragraph,
            value: RemedyAction {
                action,
                deadline: due.map(|d| d.deadline(self.input)),
                amount_pence: amount_of(&self.amounts),
            },
            amounts: self.amounts.iter().map(|a| a.0).collect(),
        });
    }
}

fn item_action(acts: &mut Actions, item: &Item, paragraph: Option<u32>, lead: Option<Due>) {
    let input = acts.input;
    let (Some(first), Some(last)) = (item.content.first(), item.content.last()) else {
        return;
    };
    let span = trim_span(input, first.span.cover(last.span));
    if span.is_empty() {
        return;
    }
    let own = item.content.iter().find_map(|t| due_in(input, t));
    acts.amounts.clear();
    amounts_in(input, item, &mut acts.amounts);
    let action = classify_item(span.slice(input), &item.items);
    acts.push(span, paragraph, action, own.or(lead));
}

/// [`classify`] of the item's text followed by its sub-items' (each after a
/// space), read piece by piece rather than joined into one string.
fn classify_item(text: &str, items: &[Item]) -> RemedyKind {
    fn first_in<'a>(items: &'a [Item<'_>]) -> Option<&'a str> {
        items
            .iter()
            .find_map(|i| first_word(&i.text).or_else(|| first_in(&i.items)))
    }
    fn feed(items: &[Item], scan: &mut Scan) {
        for i in items {
            scan.feed(b" ");
            scan.feed(i.text.as_bytes());
            feed(&i.items, scan);
        }
    }
    // A word does not run from one piece into the next: they are joined by spaces.
    let first = first_word(text).or_else(|| first_in(items)).unwrap_or("");
    kind_of(first, || {
        let mut scan = KIND_WORDS.start();
        scan.feed(text.as_bytes());
        feed(items, &mut scan);
        scan.found()
    })
}

/// The amounts of an item and its sub-items, in order.
fn amounts_in(input: &str, item: &Item, out: &mut Vec<(Span, u64)>) {
    for t in &item.content {
        money_spans(input, t.span, out);
    }
    for sub in &item.items {
        amounts_in(input, sub, out);
    }
}

fn money_spans(input: &str, span: Span, out: &mut Vec<(Span, u64)>) {
    let Some(text) = input.get(span.start..span.end) else {
        return;
    };
    for (s, e, m) in money::scan(text) {
        if let Some(p) = m.pence.filter(|_| m.period.is_none()) {
            out.push((Span::new(span.start + s, span.start + e, span.line), p));
        }
    }
}

/// One amount per action: a total followed by its breakdown counts once; separate sums add up.
fn amount_of(amounts: &[(Span, u64)]) -> Option<u64> {
    let max = amounts.iter().map(|a| a.1).max()?;
    // An amount too large to add up leaves the action without one.
    let sum = amounts
        .iter()
        .try_fold(0u64, |acc, a| acc.checked_add(a.1))?;
    if amounts.len() > 1 && sum.checked_sub(max) == Some(max) {
        return Some(max);
    }
    Some(sum)
}

/// Actions in one piece of paragraph text. `in_section`: inside an agreed
/// action section a sentence with a modal or an imperative verb is an action;
/// elsewhere only one with a deadline.
fn paragraph_actions(
    acts: &mut Actions,
    t: &Text,
    paragraph: Option<u32>,
    deadline: Option<Due>,
    in_section: bool,
) {
    let input = acts.input;
    let Some(text) = input.get(t.span.start..t.span.end) else {
        return;
    };
    for (s0, e0) in Sentences::new(text) {
        let Some(sentence) = text.get(s0..e0) else {
            continue;
        };
        let base = t.span.start + s0;
        // Tested before the words are read: it is the cheaper test.
        if !in_section {
            let has_deadline =
                deadline.is_some_and(|d| d.span.start >= base && d.span.end <= t.span.start + e0);
            if !has_deadline {
                continue;
            }
        }
        let Some(start) = action_start(sentence) else {
            continue;
        };
        clauses(sentence, start, |cs, ce| {
            let span = trim_span(input, Span::new(base + cs, base + ce, t.span.line));
            if span.is_empty() {
                return;
            }
            acts.amounts.clear();
            money_spans(input, span, &mut acts.amounts);
            acts.push(span, paragraph, classify(span.slice(input)), deadline);
        });
    }
}

/// Where the action begins: the first action verb after a modal (`will`,
/// `should`, `agreed to`), or the first word when it is an imperative verb.
///
/// Reads words only as far as it needs: most sentences have their modal and
/// verb near the start.
fn action_start(s: &str) -> Option<Word> {
    let mut words = WordsFrom {
        b: s.as_bytes(),
        at: 0,
    };
    let first = words.next()?;
    if verb_stem(first.str(s)).is_some() {
        return Some(first);
    }
    let mut w = first;
    while !is_modal(w.str(s)) {
        w = words.next()?;
    }
    words.find(|w| verb_stem(w.str(s)).is_some())
}

fn is_modal(w: &str) -> bool {
    w.len() <= 11
        && matches!(
            w,
            "will"
                | "should"
                | "must"
                | "shall"
                | "would"
                | "agreed"
                | "agrees"
                | "agree"
                | "recommend"
                | "recommended"
        )
}

/// Splits a sentence from the action start at `, <verb>`, `, and <verb>`,
/// `; <verb>`, calling `f` with each clause's range.
///
/// Only a gap between two words that is a comma or semicolon (with spaces)
/// splits, so `memchr` finds those and the words between are never read.
fn clauses(s: &str, start: Word, mut f: impl FnMut(usize, usize)) {
    let b = s.as_bytes();
    let mut cur = start.start;
    let mut from = start.end;
    while let Some(p) = b
        .get(from..)
        .and_then(|r| memchr::memchr2(b',', b';', r))
        .map(|i| from + i)
    {
        // The gap of non-word bytes around it: the word before ends at
        // `gap_start` (at the action start's end at the earliest).
        let gap_start = b
            .get(..p)
            .and_then(|r| r.iter().rposition(|&c| is_alnum(c)))
            .map_or(0, |i| i + 1);
        let Some(next) = (WordsFrom { b, at: p }).next() else {
            break;
        };
        from = next.start;
        if !is_separator(s.get(gap_start..next.start).unwrap_or("")) {
            continue;
        }
        let verb = if verb_stem(next.str(s)).is_some() {
            Some(next)
        } else if next.str(s) == "and" {
            // ", and pay"; a separator after "and" splits there instead.
            (WordsFrom { b, at: next.end }).next().filter(|w| {
                !is_separator(s.get(next.end..w.start).unwrap_or(""))
                    && verb_stem(w.str(s)).is_some()
            })
        } else {
            None
        };
        if let Some(v) = verb {
            f(cur, gap_start);
            cur = v.start;
        }
    }
    f(cur, s.len());
}

/// The text between two words is `,` or `;`, give or take spaces.
fn is_separator(gap: &str) -> bool {
    matches!(gap.as_bytes(), b", " | b"; ") || matches!(gap.trim(), "," | ";")
}

/// Trims spaces, a final `.`/`;`/`,`, and a dangling `and`/`or` from a span.
fn trim_span(input: &str, span: Span) -> Span {
    let Some(text) = input.get(span.start..span.end) else {
        return Span::new(span.start, span.start, span.line);
    };
    let mut t = text.trim_end();
    loop {
        let before = t.len();
        t = trim_end_punct(t);
        for tail in [" and", " or"] {
            if let Some(x) = t.strip_suffix(tail) {
                t = x;
            }
        }
        if t.len() == before {
            break;
        }
    }
    let lead = t.len() - t.trim_start().len();
    let start = span.start + lead;
    Span::new(start, span.start + t.len(), span.line)
}

/// `t.trim_end_matches([';', ',', '.', ':', ' ', '\u{a0}'])` on bytes: a
/// no-break space is C2 A0, and C2 only ever leads a character.
fn trim_end_punct(t: &str) -> &str {
    let mut b = t.as_bytes();
    loop {
        b = match b {
            [rest @ .., b';' | b',' | b'.' | b':' | b' '] => rest,
            [rest @ .., 0xC2, 0xA0] => rest,
            _ => break,
        };
    }
    t.get(..b.len()).unwrap_or(t)
}

/// A paragraph written like a list item: lower-case start or an imperative verb.
fn looks_like_item(text: &str) -> bool {
    let t = text.trim_start();
    // ASCII letters are one byte each: the leading run is a slice.
    let n = t.bytes().take_while(u8::is_ascii_alphabetic).count();
    let first_word = t.get(..n).unwrap_or("");
    t.chars().next().is_some_and(char::is_lowercase) || verb_stem(first_word).is_some()
}

/// The verb stems of actions with the (lower-case) initial `first`: by
/// initial, so a word is compared with a handful at most.
fn stems_by_initial(first: Option<u8>) -> &'static [&'static str] {
    match first {
        Some(b'a') => &[
            "apologis", "apologiz", "audit", "amend", "arrang", "agree", "assess",
        ],
        Some(b'b') => &["backdat"],
        Some(b'c') => &[
            "compensat",
            "check",
            "confirm",
            "complet",
            "consider",
            "carry",
            "carri",
            "cancel",
            "correct",
            "contact",
            "credit",
        ],
        Some(b'd') => &["demonstrat", "decid", "develop"],
        Some(b'e') => &["ensur", "explain"],
        Some(b'g') => &["giv", "gave"],
        Some(b'i') => &["improv", "issu", "introduc", "identif", "implement"],
        Some(b'l') => &["liais"],
        Some(b'm') => &["make", "made", "meet", "monitor"],
        Some(b'o') => &["offer"],
        Some(b'p') => &["provid", "produc", "publish"],
        Some(b'r') => &[
            "refund",
            "reimburs",
            "repay",
            "repaid",
            "remind",
            "review",
            "reconsider",
            "reassess",
            "revis",
            "remov",
            "reduc",
            "reinstat",
        ],
        Some(b's') => &["shar"],
        Some(b't') => &["train", "tell", "told"],
        Some(b'u') => &["updat"],
        Some(b'w') => &["waiv", "write", "wrote", "writ"],
        _ => &[],
    }
}

/// The action verbs remedies begin with, by stem (past and -ing forms
/// included), in any case.
fn verb_stem(w: &str) -> Option<&'static str> {
    let b = w.as_bytes();
    if b.len() < 3 || b.len() > 14 || !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // The word in lower case, once, rather than in each comparison: `| 0x20`
    // lower-cases ASCII letters, and turns no other byte into a letter, so
    // a match with the lower-case forms below is a match in any case.
    let mut buf = [0u8; 14];
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c | 0x20;
    }
    let l = buf.get(..b.len()).unwrap_or(&[]);
    let (first, second) = (l.first().copied(), l.get(1).copied());
    // Whole-word forms first, tried only for words with their initial.
    if first == Some(b'p') && matches!(l, b"pay" | b"pays" | b"paid" | b"paying") {
        return Some("pay");
    }
    if first == Some(b's') && matches!(l, b"send" | b"sends" | b"sent" | b"sending") {
        return Some("send");
    }
    let stems = stems_by_initial(first);
    // Most words share the initial of a stem but not its second letter: one
    // byte compare rules them out before the whole prefix is.
    stems.iter().copied().find(|s| {
        s.as_bytes().get(1).copied() == second
            && l.len() <= s.len() + 4
            && l.starts_with(s.as_bytes())
    })
}

/// The kind of an action, from its first verb and then its words.
///
/// Reads the clause as folded text (`text::fold`, kept for the tests: lower case, a
/// no-break space as a space) without building it: the words looked for are
/// lower-case ASCII letters and spaces, which folding only changes by case and
/// by turning a no-break space into a space.
pub(crate) fn classify(clause: &str) -> RemedyKind {
    // Folding keeps ASCII letters where they are, so the first word is the
    // first run of them, in its own case (`verb_stem` ignores case).
    kind_of(first_word(clause).unwrap_or(""), || {
        KIND_WORDS.scan(clause.as_bytes())
    })
}

/// The first run of ASCII letters.
fn first_word(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let start = b.iter().position(u8::is_ascii_alphabetic)?;
    let len = b
        .get(start..)?
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(b.len() - start);
    s.get(start..start + len)
}

/// The kind of an action from its first word and, when that does not
/// decide, the kinds its words name (a [`KIND_WORDS`] scan, only then run).
fn kind_of(first: &str, named: impl FnOnce() -> u32) -> RemedyKind {
    match verb_stem(first) {
        Some("apologis" | "apologiz") => return RemedyKind::Apology,
        Some("pay" | "refund" | "reimburs" | "repay" | "repaid" | "compensat" | "backdat") => {
            return RemedyKind::Payment
        }
        Some("remind" | "train") => return RemedyKind::Training,
        Some(
            "review" | "reconsider" | "reassess" | "improv" | "amend" | "revis" | "audit" | "check",
        ) => return RemedyKind::Review,
        _ => {}
    }
    let found = named();
    let has = |kind: u32| found & kind != 0;
    if has(APOLOGY) {
        RemedyKind::Apology
    } else if has(PAYMENT) || eq_ci(first, "pay") {
        RemedyKind::Payment
    } else if has(EVIDENCE) {
        RemedyKind::Evidence
    } else if has(TRAINING) {
        RemedyKind::Training
    } else if has(REVIEW) {
        RemedyKind::Review
    } else {
        RemedyKind::Other
    }
}

// The kinds a clause's words point to, as bits of a `PhraseSet` scan:
// `classify` takes the first in this order.
const APOLOGY: u32 = 1;
const PAYMENT: u32 = 2;
const EVIDENCE: u32 = 4;
const TRAINING: u32 = 8;
const REVIEW: u32 = 16;

/// The words `classify` looks for, one group per kind (bit order above).
static KIND_WORDS: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(&[
        &["apolog"],
        &["payment", " pay ", "refund", "reimburs"],
        &[
            "evidence",
            "tell us",
            "tell the ombudsman",
            "provide us",
            "send us",
            "confirm to us",
            "report back",
        ],
        &["remind", "training", "learning", "briefing"],
        &[
            "review",
            "procedure",
            "process",
            "policy",
            "improve",
            "reconsider",
            "reassess",
        ],
    ])
});

/// Which groups of phrases occur in a text, read as `text::fold` (kept for the tests)
/// would fold it (ASCII lower case; a no-break space as a space; curly
/// quotes as straight ones) without building the folded copy.
///
/// An Aho-Corasick automaton, built once: one table step per byte finds
/// every phrase at once, where `str::contains` per phrase would pass over the
/// text once for each. At most 16 groups, and at most 65,536 table entries
/// (states times byte classes); the tests of each set check its groups.
pub(super) struct PhraseSet {
    /// Byte to column: 0 for bytes in no phrase, then one per byte used
    /// (a letter's two cases share one).
    classes: [u8; 256],
    /// The complete transition table, 16 bits an entry, so that the rows a
    /// scan visits take half the cache lines (a decision reads only a few
    /// sentences, each step a row the parse of the tree has pushed out of
    /// the cache since the last decision). `steps[row + class]`, for the
    /// state whose row starts at `row` (its number times the number of
    /// classes) and a class from 1, is the next state's row. Column 0
    /// holds the state's groups instead: a byte of class 0 is in no phrase
    /// and leads back to the root from any state, so that column needs no
    /// entry. A step is then one add and one load for the next row, and a
    /// load off the chain of steps for the groups.
    steps: Vec<u16>,
}

impl PhraseSet {
    /// `groups[g]`: lower-case ASCII phrases whose occurrence sets bit `g`
    /// (at most 16 groups).
    pub(super) fn new(groups: &[&[&str]]) -> PhraseSet {
        const NONE: u32 = u32::MAX;
        let mut classes = [0u8; 256];
        let mut width = 1usize;
        for &c in groups
            .iter()
            .flat_map(|g| g.iter())
            .flat_map(|p| p.as_bytes())
        {
            if classes.get(usize::from(c)) == Some(&0) {
                let class = u8::try_from(width).unwrap_or(0);
                for x in [c, c.to_ascii_uppercase()] {
                    if let Some(slot) = classes.get_mut(usize::from(x)) {
                        *slot = class;
                    }
                }
                width += 1;
            }
        }
        let class = |c: u8| usize::from(classes.get(usize::from(c)).copied().unwrap_or(0));
        // At most one state per phrase byte, plus the root: room for all of
        // them up front rather than regrowing the table state by state.
        let most = 1 + groups
            .iter()
            .flat_map(|g| g.iter())
            .map(|p| p.len())
            .sum::<usize>();
        // The trie of the phrases (state 0 the root): `steps` holds state
        // numbers for now, missing edges NONE.
        let mut steps = Vec::with_capacity(most * width);
        steps.resize(width, NONE);
        let mut out = Vec::with_capacity(most);
        out.push(0u32);
        for (g, group) in groups.iter().enumerate() {
            for p in group.iter() {
                let mut s = 0;
                for &c in p.as_bytes() {
                    let k = s * width + class(c);
                    s = match steps.get(k) {
                        Some(&n) if n != NONE => n as usize,
                        _ => {
                            let n = out.len();
                            if let Some(e) = steps.get_mut(k) {
                                *e = u32::try_from(n).unwrap_or(NONE);
                            }
                            steps.resize(steps.len() + width, NONE);
                            out.push(0);
                            n
                        }
                    };
                }
                if let Some(o) = out.get_mut(s) {
                    *o |= 1u32
                        .checked_shl(u32::try_from(g).unwrap_or(32))
                        .unwrap_or(0);
                }
            }
        }
        // Breadth first, each row rewritten into its final entries. A
        // state's failure link (its longest proper suffix that is a state)
        // is shallower, so its row is final already: a missing edge takes
        // the link's entry as it is, and a child's link is the link's entry
        // for the same byte, whose groups the child adds to its own.
        // Entries here: the next row in the low 16 bits, its state's
        // groups in the high 16.
        let entry =
            |n: usize, groups: u32| u32::try_from(n * width).unwrap_or(0) & 0xFFFF | groups << 16;
        // Each state's failure link's row; the root's children link to the root.
        let mut fail = vec![0usize; out.len()];
        // The failure link's entries; all the root for the root itself,
        // whose missing edges loop back to it.
        let mut link = vec![0u32; width];
        let mut queue = std::collections::VecDeque::from([0usize]);
        while let Some(s) = queue.pop_front() {
            if s != 0 {
                let via = fail.get(s).copied().unwrap_or(0);
                if let Some(row) = steps.get(via..via + width) {
                    link.copy_from_slice(row);
                }
            }
            let Some(row) = steps.get_mut(s * width..(s + 1) * width) else {
                continue;
            };
            for (e, &l) in row.iter_mut().zip(&link) {
                if *e == NONE {
                    *e = l;
                    continue;
                }
                let child = *e as usize;
                *e = entry(child, out.get(child).copied().unwrap_or(0) | l >> 16);
                if let Some(f) = fail.get_mut(child) {
                    *f = (l & 0xFFFF) as usize;
                }
                queue.push_back(child);
            }
        }
        // Into 16 bits: the rows as they are, and each state's groups (the
        // same in every entry that leads to it) in its row's column 0.
        let mut packed: Vec<u16> = steps.iter().map(|&e| (e & 0xFFFF) as u16).collect();
        for &e in &steps {
            if let Some(slot) = packed.get_mut((e & 0xFFFF) as usize) {
                *slot = (e >> 16) as u16;
            }
        }
        PhraseSet {
            classes,
            steps: packed,
        }
    }

    /// The row after `row` on a byte of class `class`, and the groups of its
    /// state.
    #[inline(always)]
    fn step(steps: &[u16], row: usize, class: usize) -> (usize, u16) {
        // Class 0 leads back to the root; its column holds groups, not a row.
        let next = if class == 0 {
            0
        } else {
            usize::from(steps.get(row + class).copied().unwrap_or(0))
        };
        (next, steps.get(next).copied().unwrap_or(0))
    }

    /// The groups with a phrase in the folded `text`.
    pub(super) fn scan(&self, text: &[u8]) -> u32 {
        let mut scan = self.start();
        scan.feed(text);
        scan.found()
    }

    /// [`PhraseSet::scan`] of two texts at once: a step waits for the one
    /// before it in the same text, so two texts stepped in turn keep the
    /// processor busy while each waits (about twice the speed of one
    /// after the other, on the findings' sentences).
    pub(super) fn scan_pair(&self, a: &[u8], b: &[u8]) -> (u32, u32) {
        let (classes, steps) = (&self.classes, &self.steps[..]);
        let class = |c: u8| usize::from(classes.get(usize::from(c)).copied().unwrap_or(0));
        let (mut ia, mut ib) = (0, 0);
        let (mut ra, mut rb) = (0usize, 0usize);
        let (mut sa, mut sb) = (0u16, 0u16);
        loop {
            match (folded_at(a, &mut ia), folded_at(b, &mut ib)) {
                (Some(ca), Some(cb)) => {
                    let ((na, ga), (nb, gb)) = (
                        Self::step(steps, ra, class(ca)),
                        Self::step(steps, rb, class(cb)),
                    );
                    (ra, rb) = (na, nb);
                    sa |= ga;
                    sb |= gb;
                }
                // One text ended: the other's byte just read, then its rest alone.
                (Some(ca), None) => {
                    let (na, ga) = Self::step(steps, ra, class(ca));
                    ra = na;
                    sa |= ga;
                    break;
                }
                (None, Some(cb)) => {
                    let (nb, gb) = Self::step(steps, rb, class(cb));
                    rb = nb;
                    sb |= gb;
                    break;
                }
                (None, None) => break,
            }
        }
        let rest = |text: &[u8], mut i: usize, mut row: usize, mut seen: u16| {
            while let Some(c) = folded_at(text, &mut i) {
                let (n, g) = Self::step(steps, row, class(c));
                row = n;
                seen |= g;
            }
            u32::from(seen)
        };
        (rest(a, ia, ra, sa), rest(b, ib, rb, sb))
    }

    /// A scan of text that comes in pieces, as if they were one.
    pub(super) fn start(&self) -> Scan<'_> {
        Scan {
            set: self,
            row: 0,
            seen: 0,
        }
    }
}

/// The byte at `*i` as `text::fold` folds it (a no-break space as a space,
/// curly quotes as straight ones), moving `*i` past it; `None` at the end.
fn folded_at(text: &[u8], i: &mut usize) -> Option<u8> {
    let c = *text.get(*i)?;
    let (folded, len) = match (c, text.get(*i + 1..*i + 3)) {
        _ if c < 0x80 => (c, 1),
        (0xC2, _) if text.get(*i + 1) == Some(&0xA0) => (b' ', 2),
        (0xE2, Some([0x80, 0x98 | 0x99])) => (b'\'', 3),
        (0xE2, Some([0x80, 0x9C | 0x9D])) => (b'"', 3),
        _ => (c, 1),
    };
    *i += len;
    Some(folded)
}

/// A [`PhraseSet`] scan in progress.
pub(super) struct Scan<'a> {
    set: &'a PhraseSet,
    /// The current state's row.
    row: usize,
    /// The groups of every state passed, or-ed.
    seen: u16,
}

impl Scan<'_> {
    /// Reads the next piece of text.
    pub(super) fn feed(&mut self, text: &[u8]) {
        let (classes, steps) = (&self.set.classes, &self.set.steps[..]);
        let (mut row, mut seen) = (self.row, self.seen);
        let mut step = |c: u8| {
            let class = usize::from(classes.get(usize::from(c)).copied().unwrap_or(0));
            let (next, groups) = PhraseSet::step(steps, row, class);
            row = next;
            seen |= groups;
        };
        let mut rest = text;
        loop {
            // Folding changes only what starts with C2 or E2 (besides ASCII
            // case, which the byte classes ignore): the runs between go as they are.
            let run = memchr::memchr2(0xC2, 0xE2, rest).unwrap_or(rest.len());
            for &c in rest.get(..run).unwrap_or(&[]) {
                step(c);
            }
            let Some((&c, after)) = rest.get(run..).and_then(<[u8]>::split_first) else {
                break;
            };
            // The folding of `text::fold`.
            let (folded, after) = match (c, after) {
                (0xC2, [0xA0, tail @ ..]) => (b' ', tail),
                (0xE2, [0x80, 0x98 | 0x99, tail @ ..]) => (b'\'', tail),
                (0xE2, [0x80, 0x9C | 0x9D, tail @ ..]) => (b'"', tail),
                _ => (c, after),
            };
            step(folded);
            rest = after;
        }
        self.row = row;
        self.seen = seen;
    }

    /// The groups found so far.
    pub(super) fn found(&self) -> u32 {
        u32::from(self.seen)
    }
}

/// "Within"/"within": one SIMD scan rules out most text.
static WITHIN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"ithin"));

/// A deadline as read, before its text is copied: an action copies it into
/// a [`Deadline`] only when it is kept, and a lead-in passes it to its items
/// for free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Due {
    count: u32,
    unit: DurationUnit,
    counted_from: Option<CountedFrom>,
    span: Span,
}

impl Due {
    fn deadline(self, input: &str) -> Deadline {
        Deadline {
            count: self.count,
            unit: self.unit,
            counted_from: self.counted_from,
            text: self.span.slice(input).into(),
            span: self.span,
        }
    }
}

/// A deadline phrase in a piece of text: `Within one month of the date of the final decision`.
#[cfg(test)]
fn deadline_in(input: &str, t: &Text) -> Option<Deadline> {
    due_in(input, t).map(|d| d.deadline(input))
}

/// `deadline_in` (kept for the tests) without the copy of its text.
fn due_in(input: &str, t: &Text) -> Option<Due> {
    let text = input.get(t.span.start..t.span.end)?;
    let b = text.as_bytes();
    WITHIN.find(b)?;
    // Each word "within", in any case, in order; only the few words after it
    // are read, rather than tokenizing the whole text.
    for w in memchr::memchr2_iter(b'w', b'W', b) {
        let end = w + 6;
        let within = b
            .get(w..end)
            .is_some_and(|x| x.eq_ignore_ascii_case(b"within"))
            && !w
                .checked_sub(1)
                .and_then(|p| b.get(p))
                .is_some_and(u8::is_ascii_alphanumeric)
            && !b.get(end).is_some_and(u8::is_ascii_alphanumeric);
        if !within {
            continue;
        }
        if let Some(d) = deadline_at(input, t, w, WordsFrom { b, at: end }) {
            return Some(d);
        }
    }
    None
}

/// A word of a piece of text, as `start..end` (a run of ASCII letters and
/// digits, as `text::tokenize` finds them).
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

impl Word {
    fn str(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The word in lower case, to match keywords against.
    fn lower(self, text: &str) -> Lower {
        Lower::new(text.as_bytes().get(self.start..self.end).unwrap_or(&[]))
    }
}

/// A short word in ASCII lower case on the stack, to match keywords without
/// allocating; a word longer than any keyword comes back empty.
struct Lower([u8; 12], usize);

impl Lower {
    fn new(w: &[u8]) -> Lower {
        let mut buf = [0u8; 12];
        if w.len() > buf.len() {
            return Lower(buf, 0);
        }
        // A byte loop: the words are short, and `copy_from_slice` of a
        // length only known here would be a call to `memcpy`. Words are ASCII
        // letters and digits, which `| 0x20` lower-cases and leaves alone.
        for (d, c) in buf.iter_mut().zip(w) {
            *d = c | 0x20;
        }
        Lower(buf, w.len())
    }

    fn get(&self) -> &[u8] {
        self.0.get(..self.1).unwrap_or(&[])
    }
}

/// ASCII letters and digits, the bytes of words.
#[allow(clippy::indexing_slicing)] // compile time only
const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

fn is_alnum(c: u8) -> bool {
    ALNUM.get(usize::from(c)).copied().unwrap_or(false)
}

/// The words of a text from byte `at` (not inside a word) on, read one at a
/// time: a deadline needs only the few after "within".
struct WordsFrom<'a> {
    b: &'a [u8],
    at: usize,
}

impl Iterator for WordsFrom<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        // Plain index loops: cheaper here than `position` on sub-slices.
        let mut i = self.at;
        while !is_alnum(*self.b.get(i)?) {
            i += 1;
        }
        let start = i;
        while self.b.get(i).is_some_and(|&c| is_alnum(c)) {
            i += 1;
        }
        self.at = i;
        Some(Word { start, end: i })
    }
}

/// The deadline starting at the word "within" (byte `w` of `t`), given the
/// words after it.
fn deadline_at(input: &str, t: &Text, w: usize, mut words: WordsFrom) -> Option<Due> {
    let text = input.get(t.span.start..t.span.end)?;
    let count = count_word(words.next()?.str(text))?;
    let mut working = false;
    let mut unit_tok = words.next()?;
    match unit_tok.lower(text).get() {
        b"working" | b"business" => {
            working = true;
            unit_tok = words.next()?;
        }
        b"calendar" | b"clear" => unit_tok = words.next()?,
        _ => {}
    }
    let unit = match unit_tok.lower(text).get() {
        b"day" | b"days" if working => DurationUnit::WorkingDay,
        b"day" | b"days" => DurationUnit::Day,
        b"week" | b"weeks" => DurationUnit::Week,
        b"fortnight" => {
            return Some(make_deadline(
                t,
                w,
                unit_tok.end,
                count * 2,
                DurationUnit::Week,
                None,
            ));
        }
        b"month" | b"months" => DurationUnit::Month,
        b"year" | b"years" => DurationUnit::Year,
        _ => return None,
    };
    let (end, from) = counted_from(text, words).unwrap_or((unit_tok.end, None));
    Some(make_deadline(t, w, end, count, unit, from))
}

fn make_deadline(
    t: &Text,
    s: usize,
    e: usize,
    count: u32,
    unit: DurationUnit,
    from: Option<CountedFrom>,
) -> Due {
    Due {
        count,
        unit,
        counted_from: from,
        span: Span::new(t.span.start + s, t.span.start + e, t.span.line),
    }
}

/// `of the date of the final decision`, `from the date of this report`, `of my decision`.
fn counted_from(text: &str, mut words: WordsFrom) -> Option<(usize, Option<CountedFrom>)> {
    if !matches!(words.next()?.lower(text).get(), b"of" | b"from") {
        return None;
    }
    // Look ahead a few words for "decision" or "report".
    for word in words.take(7) {
        match word.lower(text).get() {
            b"decision" | b"statement" => {
                return Some((word.end, Some(CountedFrom::FinalDecision)))
            }
            b"report" => return Some((word.end, Some(CountedFrom::Report))),
            b"the" | b"date" | b"of" | b"this" | b"my" | b"our" | b"final" | b"its" | b"a" => {}
            _ => return None,
        }
    }
    None
}

/// The sentences of `text`, exactly as `text::sentences` (kept for the tests) splits
/// them, without collecting them and with `memchr` finding the ends rather
/// than a loop over every byte.
pub(super) struct Sentences<'a> {
    text: &'a str,
    /// Where the next sentence begins (before its leading spaces).
    start: usize,
    /// The next `.`, `!` or `?`, and the next line break, not yet passed.
    stop: Option<usize>,
    newline: Option<usize>,
    done: bool,
}

impl<'a> Sentences<'a> {
    pub(super) fn new(text: &'a str) -> Sentences<'a> {
        let b = text.as_bytes();
        Sentences {
            text,
            start: 0,
            stop: memchr::memchr3(b'.', b'!', b'?', b),
            newline: memchr::memchr(b'\n', b),
            done: false,
        }
    }

    /// The next sentence end: the byte that ends it and where the sentence
    /// stops (after a `.`, `!` or `?`; before a line break).
    fn next_end(&mut self) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        let after = |i: usize, f: &dyn Fn(&[u8]) -> Option<usize>| {
            b.get(i + 1..).and_then(f).map(|j| i + 1 + j)
        };
        loop {
            let (stop, newline) = match (self.stop, self.newline) {
                (None, None) => return None,
                (Some(s), Some(n)) if n < s => (None, Some(n)),
                (Some(s), _) => (Some(s), None),
                (None, n) => (None, n),
            };
            if let Some(s) = stop {
                self.stop = after(s, &|r| memchr::memchr3(b'.', b'!', b'?', r));
                // "34.5" or "e.g." style: only a stop before a space or the end.
                if matches!(b.get(s + 1), None | Some(b' ' | b'\r' | b'\n')) {
                    return Some((s, s + 1));
                }
            } else if let Some(n) = newline {
                self.newline = after(n, &|r| memchr::memchr(b'\n', r));
                return Some((n, n));
            }
        }
    }
}

impl Iterator for Sentences<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        while !self.done {
            let (s, e) = match self.next_end() {
                Some((i, e)) => (std::mem::replace(&mut self.start, i + 1), e),
                None => {
                    self.done = true;
                    (self.start, self.text.len())
                }
            };
            // Not blank (`trim_start` alone tells).
            if self
                .text
                .get(s..e)
                .is_some_and(|x| !x.trim_start().is_empty())
            {
                // Leading spaces (and a carriage return) trimmed, so spans
                // start on the first word.
                let b = self.text.as_bytes();
                let mut s2 = s;
                loop {
                    match b.get(s2) {
                        Some(b' ' | b'\t') => s2 += 1,
                        Some(0xC2) if b.get(s2 + 1) == Some(&0xA0) => s2 += 2,
                        _ => break,
                    }
                }
                if b.get(s2) == Some(&b'\r') {
                    s2 += 1;
                }
                return Some((s2.min(e), e));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::{starts_ci, tokenize, Tok};
    use super::*;

    fn text(s: &str) -> Text<'_> {
        Text::new(s, Span::new(0, s.len(), 1))
    }

    #[test]
    fn deadlines() {
        let s = "Within one month of the date of the final decision the Council has agreed to apologise";
        let d = deadline_in(s, &text(s)).unwrap();
        assert_eq!(d.text, "Within one month of the date of the final decision");
        assert_eq!(
            (d.count, d.unit, d.counted_from),
            (1, DurationUnit::Month, Some(CountedFrom::FinalDecision))
        );
        let s = "Within three months of the final decision the Council will:";
        assert_eq!(deadline_in(s, &text(s)).unwrap().count, 3);
        let s = "within 20 working days of receiving the response";
        let d = deadline_in(s, &text(s)).unwrap();
        assert_eq!(
            (d.count, d.unit, d.counted_from, d.text.as_ref()),
            (20, DurationUnit::WorkingDay, None, "within 20 working days")
        );
        let s = "The council should, within two months from the date of this report, apologise";
        assert_eq!(
            deadline_in(s, &text(s)).unwrap().counted_from,
            Some(CountedFrom::Report)
        );
    }

    fn actions(s: &str) -> Vec<(String, RemedyKind, Option<u64>)> {
        let mut out = Vec::new();
        let d = due_in(s, &text(s));
        paragraph_actions(&mut Actions::new(s, &mut out), &text(s), Some(1), d, true);
        out.into_iter()
            .map(|f| {
                (
                    f.span.slice(s).to_string(),
                    f.value.action,
                    f.value.amount_pence,
                )
            })
            .collect()
    }

    #[test]
    fn paragraph_is_the_action() {
        let v = actions("Within one month of the date of the final decision the Council has agreed to apologise to Ms X and her family for the short notice cancellation of the contact sessions in October 2019.");
        assert_eq!(v.len(), 1);
        assert!(v[0].0.starts_with("apologise to Ms X"));
        assert!(v[0].0.ends_with("October 2019"));
        assert_eq!(v[0].1, RemedyKind::Apology);
        let v = actions("The council should, within two months from the date of this report, apologise to the resident, pay her £200 for her time and trouble, and decide whether it is expedient to take enforcement action on the outbuilding.");
        let kinds: Vec<RemedyKind> = v.iter().map(|a| a.1).collect();
        assert_eq!(
            kinds,
            [RemedyKind::Apology, RemedyKind::Payment, RemedyKind::Other],
            "{v:?}"
        );
        assert_eq!(v[1].0, "pay her £200 for her time and trouble");
        assert_eq!(v[1].2, Some(20000));
        let v = actions("Within three months of the final decision, the Council will review how it tracks homelessness decisions against the 56-day expectation and tell us what it has changed.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].1, RemedyKind::Review);
        let v = actions(
            "The Council should provide us with evidence it has complied with the above actions.",
        );
        assert_eq!(v[0].1, RemedyKind::Evidence);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            classify("Pay Ms X £300 as a symbolic payment"),
            RemedyKind::Payment
        );
        assert_eq!(classify("Provide the Ombudsman with evidence that it has now implemented all recommendations"), RemedyKind::Evidence);
        assert_eq!(
            classify(
                "reminded its children’s services and complaint handling staff of the timeframes"
            ),
            RemedyKind::Training
        );
        assert_eq!(
            classify("improved its processes for monitoring compliance"),
            RemedyKind::Review
        );
        assert_eq!(
            classify("Write to Mrs X to apologise for its failure"),
            RemedyKind::Apology
        );
        assert_eq!(
            classify("Share the learning from the complaint with relevant staff"),
            RemedyKind::Training
        );
        assert_eq!(
            classify("make a payment of £150 to Mr Y"),
            RemedyKind::Payment
        );
    }

    /// Pseudo-random strings made of `parts` (xorshift, deterministic).
    fn mixes(parts: &[&str], n: usize, max_len: u32) -> Vec<String> {
        (0..n as u32)
            .map(|seed| {
                let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(7);
                let mut next = || {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    x
                };
                let len = next() % max_len;
                (0..len)
                    .map(|_| parts[next() as usize % parts.len()])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn sentences_split_as_text_sentences() {
        let parts = [
            "a", "Bc", " ", " ", ".", ".", "!", "?", "\n", "\r", "\u{a0}", "\t", "é", "3", "’",
        ];
        for t in mixes(&parts, 3000, 40).iter().map(String::as_str).chain([
            "",
            " ",
            ".",
            "\n\n",
            "There was fault. It caused injustice (see para 3.2). End",
            "a.\n b",
        ]) {
            let got: Vec<(usize, usize)> = Sentences::new(t).collect();
            assert_eq!(got, super::super::text::sentences(t), "{t:?}");
        }
    }

    /// `classify` as it was, on folded text with `str::contains`.
    fn classify_folded(clause: &str) -> RemedyKind {
        let f = super::super::text::fold(clause);
        let first = f
            .split(|c: char| !c.is_ascii_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        match verb_stem(first) {
            Some("apologis" | "apologiz") => return RemedyKind::Apology,
            Some("pay" | "refund" | "reimburs" | "repay" | "repaid" | "compensat" | "backdat") => {
                return RemedyKind::Payment
            }
            Some("remind" | "train") => return RemedyKind::Training,
            Some(
                "review" | "reconsider" | "reassess" | "improv" | "amend" | "revis" | "audit"
                | "check",
            ) => return RemedyKind::Review,
            _ => {}
        }
        let has = |k: &str| f.contains(k);
        if has("apolog") {
            RemedyKind::Apology
        } else if has("payment")
            || has(" pay ")
            || first == "pay"
            || has("refund")
            || has("reimburs")
        {
            RemedyKind::Payment
        } else if has("evidence")
            || has("tell us")
            || has("tell the ombudsman")
            || has("provide us")
            || has("send us")
            || has("confirm to us")
            || has("report back")
        {
            RemedyKind::Evidence
        } else if has("remind") || has("training") || has("learning") || has("briefing") {
            RemedyKind::Training
        } else if has("review")
            || has("procedure")
            || has("process")
            || has("policy")
            || has("improve")
            || has("reconsider")
            || has("reassess")
        {
            RemedyKind::Review
        } else {
            RemedyKind::Other
        }
    }

    #[test]
    fn classify_reads_folded_text_in_place() {
        let parts = [
            " ",
            "\u{a0}",
            "’",
            "“",
            "£",
            "é",
            ",",
            "x",
            "Ms X",
            "the",
            "PAY",
            "pay",
            "Pay",
            "payment",
            "paid",
            "apolog",
            "Apologise",
            "refund",
            "reimburse",
            "evidence",
            "Tell",
            "tell",
            "us",
            "US",
            "the Ombudsman",
            "provide",
            "send",
            "confirm",
            "to",
            "report",
            "back",
            "remind",
            "training",
            "learning",
            "briefing",
            "review",
            "procedure",
            "process",
            "policy",
            "improve",
            "reconsider",
            "reassess",
            "write",
            "make",
        ];
        let mut kinds = std::collections::HashSet::new();
        for t in mixes(&parts, 20000, 9) {
            assert_eq!(classify(&t), classify_folded(&t), "{t:?}");
            kinds.insert(classify(&t));
        }
        assert_eq!(kinds.len(), 6);
    }

    /// `deadline_in` as it was, on every word of the text.
    fn deadline_tokenized(input: &str, t: &Text) -> Option<Due> {
        let text = input.get(t.span.start..t.span.end)?;
        if !text.contains("ithin") {
            return None;
        }
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let lower = |t: &Tok| t.str(text).to_ascii_lowercase();
        for (k, w) in toks.iter().enumerate() {
            if !w.str(text).eq_ignore_ascii_case("within") {
                continue;
            }
            let Some(n) = toks.get(k + 1) else { continue };
            let Some(count) = count_word(n.str(text)) else {
                continue;
            };
            let mut u = k + 2;
            let mut working = false;
            if let Some(x) = toks.get(u) {
                match lower(x).as_str() {
                    "working" | "business" => {
                        working = true;
                        u += 1;
                    }
                    "calendar" | "clear" => u += 1,
                    _ => {}
                }
            }
            let Some(unit_tok) = toks.get(u) else {
                continue;
            };
            let unit = match lower(unit_tok).as_str() {
                "day" | "days" if working => DurationUnit::WorkingDay,
                "day" | "days" => DurationUnit::Day,
                "week" | "weeks" => DurationUnit::Week,
                "fortnight" => {
                    return Some(make_deadline(
                        t,
                        w.start,
                        unit_tok.end,
                        count * 2,
                        DurationUnit::Week,
                        None,
                    ));
                }
                "month" | "months" => DurationUnit::Month,
                "year" | "years" => DurationUnit::Year,
                _ => continue,
            };
            let mut end_from = None;
            if toks
                .get(u + 1)
                .is_some_and(|f| matches!(lower(f).as_str(), "of" | "from"))
            {
                for tok in toks.iter().take(u + 9).skip(u + 2) {
                    match lower(tok).as_str() {
                        "decision" | "statement" => {
                            end_from = Some((tok.end, Some(CountedFrom::FinalDecision)));
                            break;
                        }
                        "report" => {
                            end_from = Some((tok.end, Some(CountedFrom::Report)));
                            break;
                        }
                        "the" | "date" | "of" | "this" | "my" | "our" | "final" | "its" | "a" => {}
                        _ => break,
                    }
                }
            }
            let (end, from) = end_from.unwrap_or((unit_tok.end, None));
            return Some(make_deadline(t, w.start, end, count, unit, from));
        }
        None
    }

    #[test]
    fn deadlines_read_from_the_words_after_within() {
        // Mostly words with their space, so that whole deadlines occur.
        let parts = [
            " ",
            "\u{a0}",
            ",",
            "within ",
            "Within ",
            "WITHIN ",
            "withinx ",
            "xwithin ",
            "one ",
            "a ",
            "20 ",
            "twelve ",
            "working ",
            "Business ",
            "calendar ",
            "clear ",
            "day ",
            "days ",
            "weeks ",
            "fortnight",
            "Month ",
            "months ",
            "year ",
            "of ",
            "from ",
            "the ",
            "date ",
            "this ",
            "my ",
            "final ",
            "decision",
            "report",
            "statement ",
            "x ",
            "é",
            "of the final decision ",
            "from the date of this report",
            "of my statement.",
            "of the date of the date of the date of the decision",
            "of this report ",
            "from the report. ",
        ];
        let mut read = [0; 3];
        for t in mixes(&parts, 60000, 24) {
            let got = due_in(&t, &text(&t));
            let want = deadline_tokenized(&t, &text(&t));
            assert_eq!(got, want, "{t:?}");
            if let Some(d) = got {
                read[d.counted_from.map_or(0, |c| c as usize + 1)] += 1;
            }
        }
        // Deadlines of every kind were read, not only none.
        assert!(read.iter().all(|&n| n > 10), "{read:?}");
    }

    /// `action_start` and `clauses` as they were, on every word of the sentence.
    fn clauses_tokenized(s: &str) -> Option<Vec<(usize, usize)>> {
        let mut toks = Vec::new();
        tokenize(s, &mut toks);
        let first = toks.first()?;
        let start_tok = if verb_stem(first.str(s)).is_some() {
            0
        } else {
            let modal = toks.iter().position(|t| is_modal(t.str(s)))?;
            (modal + 1..toks.len()).find(|&k| verb_stem(toks[k].str(s)).is_some())?
        };
        let mut out = Vec::new();
        let mut cur = toks[start_tok].start;
        for k in start_tok + 1..toks.len() {
            let (prev, t) = (toks[k - 1], toks[k]);
            let between = &s[prev.end..t.start];
            let split_here = if matches!(between.trim(), "," | ";") {
                Some(prev.end)
            } else if prev.str(s) == "and" {
                let before = toks
                    .get(k.wrapping_sub(2))
                    .and_then(|pp| s.get(pp.end..prev.start))
                    .unwrap_or("");
                matches!(before.trim(), "," | ";")
                    .then(|| toks.get(k - 2).map_or(prev.start, |pp| pp.end))
            } else {
                None
            };
            let Some(at) = split_here else { continue };
            if verb_stem(t.str(s)).is_some() {
                out.push((cur, at));
                cur = t.start;
            }
        }
        out.push((cur, s.len()));
        Some(out)
    }

    #[test]
    fn clauses_split_as_tokenized() {
        let parts = [
            " ",
            " ",
            ",",
            ", ",
            ";",
            " , ",
            ",,",
            "\u{a0}",
            ",\u{a0}",
            ")",
            "’",
            "é",
            "and",
            "And",
            "or",
            "will",
            "Will",
            "should",
            "agreed",
            "recommend",
            "the",
            "Council",
            "pay",
            "Pay",
            "apologise",
            "review",
            "x",
            "to",
            "Ms",
            "£200",
            "send",
            "tell",
            "us",
        ];
        let mut split = 0;
        for t in mixes(&parts, 40000, 30) {
            let want = clauses_tokenized(&t);
            let got = action_start(&t).map(|w| {
                let mut v = Vec::new();
                clauses(&t, w, |a, b| v.push((a, b)));
                v
            });
            assert_eq!(got, want, "{t:?}");
            split += usize::from(got.is_some_and(|v| v.len() > 2));
        }
        // Sentences were split, not only read whole.
        assert!(split > 50, "{split}");
    }

    /// `verb_stem` as it was, comparing with `eq_ci` and `starts_ci`.
    fn verb_stem_ci(w: &str) -> Option<&'static str> {
        if w.len() < 3 || w.len() > 14 || !w.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        {
            return None;
        }
        let first = w.as_bytes().first().map(u8::to_ascii_lowercase);
        let second = w.as_bytes().get(1).map(u8::to_ascii_lowercase);
        // Whole-word forms first, tried only for words with their initial.
        if first == Some(b'p')
            && ["pay", "pays", "paid", "paying"]
                .iter()
                .any(|p| eq_ci(w, p))
        {
            return Some("pay");
        }
        if first == Some(b's')
            && ["send", "sends", "sent", "sending"]
                .iter()
                .any(|p| eq_ci(w, p))
        {
            return Some("send");
        }
        let stems = stems_by_initial(first);
        // Most words share the initial of a stem but not its second letter: one
        // byte compare rules them out before the whole prefix is.
        stems.iter().copied().find(|s| {
            s.as_bytes().get(1).copied() == second && w.len() <= s.len() + 4 && starts_ci(w, s)
        })
    }

    #[test]
    fn verb_stem_reads_as_case_insensitive_compares() {
        let parts = [
            "a", "p", "P", "s", "S", "ay", "AY", "aid", "ing", "end", "ent", "pologis", "POLOGIZ",
            "e", "ed", "view", "VIEW", "r", "R", "c", "heck", "ompensat", "@", "[", "`", "{", "1",
            "x", "é", "rain", "t", "T", "ell", "w", "rite",
        ];
        let mut stems = 0;
        for t in mixes(&parts, 50000, 6) {
            assert_eq!(verb_stem(&t), verb_stem_ci(&t), "{t:?}");
            stems += usize::from(verb_stem(&t).is_some());
        }
        assert!(stems > 200, "{stems}");
    }

    #[test]
    fn breakdown_counts_once() {
        let s = |p: u64| (Span::default(), p);
        assert_eq!(amount_of(&[s(45000), s(30000), s(15000)]), Some(45000));
        assert_eq!(amount_of(&[s(25000), s(10000)]), Some(35000));
        assert_eq!(amount_of(&[]), None);
    }
}
