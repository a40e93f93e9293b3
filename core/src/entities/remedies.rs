//! Remedy actions: what the authority agreed (or is recommended) to do, each
//! with its deadline and kind, read from the agreed action / recommendations
//! sections.
//!
//! Two shapes occur: a lead-in paragraph carrying the deadline ("Within one
//! month of the final decision, the Council will:") whose items are the
//! actions, and a paragraph that is itself the action (seed 000), possibly
//! listing several ("apologise to the resident, pay her £200 ..., and decide").

use serde::{Deserialize, Serialize};

use crate::span::{Span, Text};
use crate::tree::{Block, Item, Paragraph};

use super::money;
use super::text::{count_word, eq_ci, fold, sentences, starts_ci, tokenize, Tok};

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
    pub text: String,
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
    // A lead-in ending in ':' whose list the parser did not attach.
    let mut pending: Option<Deadline> = None;
    for block in blocks {
        let Block::Paragraph(p) = block else {
            if let Block::List(l) = block {
                for item in &l.items {
                    item_action(input, item, None, pending.as_ref(), out);
                }
            }
            continue;
        };
        let own = p.content.iter().find_map(|t| deadline_in(input, t));
        if !p.items.is_empty() {
            for item in &p.items {
                item_action(input, item, p.ordinal, own.as_ref(), out);
            }
            // Lines after the list ("The Council will give us evidence ...").
            for t in p.content.iter().skip(1) {
                paragraph_actions(input, t, p.ordinal, own.as_ref(), true, out);
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
            pending.clone()
        } else {
            None
        };
        if own.is_some() {
            pending = None;
        }
        for t in &p.content {
            paragraph_actions(
                input,
                t,
                p.ordinal,
                own.as_ref().or(inherited.as_ref()),
                true,
                out,
            );
        }
    }
}

/// Reads actions from paragraphs outside an agreed action section (legacy
/// pages): only sentences with both a deadline and a modal count.
pub(crate) fn from_prose(input: &str, p: &Paragraph, out: &mut Vec<Found>) {
    for t in &p.content {
        if let Some(d) = deadline_in(input, t) {
            paragraph_actions(input, t, p.ordinal, Some(&d), false, out);
        }
    }
}

fn item_action(
    input: &str,
    item: &Item,
    paragraph: Option<u32>,
    lead: Option<&Deadline>,
    out: &mut Vec<Found>,
) {
    let (Some(first), Some(last)) = (item.content.first(), item.content.last()) else {
        return;
    };
    let span = trim_span(input, first.span.cover(last.span));
    if span.is_empty() {
        return;
    }
    let own = item.content.iter().find_map(|t| deadline_in(input, t));
    let mut whole = String::from(span.slice(input));
    collect_item_text(&item.items, &mut whole);
    let amounts = amounts_in(input, item);
    out.push(Found {
        span,
        paragraph,
        value: RemedyAction {
            action: classify(&whole),
            deadline: own.or_else(|| lead.cloned()),
            amount_pence: amount_of(&amounts),
        },
        amounts: amounts.iter().map(|a| a.0).collect(),
    });
}

fn collect_item_text(items: &[Item], out: &mut String) {
    for i in items {
        out.push(' ');
        out.push_str(&i.text);
        collect_item_text(&i.items, out);
    }
}

fn amounts_in(input: &str, item: &Item) -> Vec<(Span, u64)> {
    let mut v = Vec::new();
    for t in &item.content {
        money_spans(input, t.span, &mut v);
    }
    for sub in &item.items {
        v.extend(amounts_in(input, sub));
    }
    v
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
    let values: Vec<u64> = amounts.iter().map(|a| a.1).collect();
    let (&max, _) = values.iter().zip(0..).max_by_key(|(v, _)| **v)?;
    let rest: Option<u64> = values
        .iter()
        .try_fold(0u64, |acc, v| acc.checked_add(*v))?
        .checked_sub(max);
    if values.len() > 1 && rest == Some(max) {
        return Some(max);
    }
    values.iter().try_fold(0u64, |acc, v| acc.checked_add(*v))
}

/// Actions in one piece of paragraph text. `in_section`: inside an agreed
/// action section a sentence with a modal or an imperative verb is an action;
/// elsewhere only one with a deadline.
fn paragraph_actions(
    input: &str,
    t: &Text,
    paragraph: Option<u32>,
    deadline: Option<&Deadline>,
    in_section: bool,
    out: &mut Vec<Found>,
) {
    let Some(text) = input.get(t.span.start..t.span.end) else {
        return;
    };
    // Room for the words of typical prose (a word and a space average over
    // six bytes); denser text regrows.
    let mut toks = Vec::with_capacity(text.len() / 6 + 1);
    for (s0, e0) in sentences(text) {
        let Some(sentence) = text.get(s0..e0) else {
            continue;
        };
        tokenize(sentence, &mut toks);
        let Some(start_tok) = action_start(sentence, &toks) else {
            continue;
        };
        if !in_section {
            let has_deadline = deadline.is_some_and(|d| {
                d.span.start >= t.span.start + s0 && d.span.end <= t.span.start + e0
            });
            if !has_deadline {
                continue;
            }
        }
        for (cs, ce) in clauses(sentence, &toks, start_tok) {
            let abs = Span::new(t.span.start + s0 + cs, t.span.start + s0 + ce, t.span.line);
            let span = trim_span(input, abs);
            if span.is_empty() {
                continue;
            }
            let clause = span.slice(input);
            let mut amounts = Vec::new();
            money_spans(input, span, &mut amounts);
            out.push(Found {
                span,
                paragraph,
                value: RemedyAction {
                    action: classify(clause),
                    deadline: deadline.cloned(),
                    amount_pence: amount_of(&amounts),
                },
                amounts: amounts.iter().map(|a| a.0).collect(),
            });
        }
    }
}

/// Where the action begins: the first action verb after a modal (`will`,
/// `should`, `agreed to`), or the first word when it is an imperative verb.
fn action_start(s: &str, toks: &[Tok]) -> Option<usize> {
    let first = toks.first()?;
    if verb_stem(first.str(s)).is_some() {
        return Some(0);
    }
    let modal = toks.iter().position(|t| {
        let w = t.str(s);
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
    })?;
    (modal + 1..toks.len()).find(|&k| toks.get(k).is_some_and(|t| verb_stem(t.str(s)).is_some()))
}

/// Splits a sentence from the action start at `, <verb>`, `, and <verb>`, `; <verb>`.
fn clauses(s: &str, toks: &[Tok], start_tok: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(start) = toks.get(start_tok).map(|t| t.start) else {
        return out;
    };
    let mut cur = start;
    for k in start_tok + 1..toks.len() {
        let (Some(prev), Some(t)) = (toks.get(k - 1), toks.get(k)) else {
            continue;
        };
        if verb_stem(t.str(s)).is_none() {
            continue;
        }
        let between = s.get(prev.end..t.start).unwrap_or("");
        let split_here = if matches!(between.trim(), "," | ";") {
            Some(prev.end)
        } else if prev.str(s) == "and" {
            // ", and pay" / "; and pay"
            let before = toks
                .get(k.wrapping_sub(2))
                .and_then(|pp| s.get(pp.end..prev.start))
                .unwrap_or("");
            matches!(before.trim(), "," | ";")
                .then(|| toks.get(k - 2).map_or(prev.start, |pp| pp.end))
        } else {
            None
        };
        if let Some(at) = split_here {
            out.push((cur, at));
            cur = t.start;
        }
    }
    out.push((cur, s.len()));
    out
}

/// Trims spaces, a final `.`/`;`/`,`, and a dangling `and`/`or` from a span.
fn trim_span(input: &str, span: Span) -> Span {
    let Some(text) = input.get(span.start..span.end) else {
        return Span::new(span.start, span.start, span.line);
    };
    let mut t = text.trim_end();
    loop {
        let before = t.len();
        t = t.trim_end_matches([';', ',', '.', ':', ' ', '\u{a0}']);
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

/// A paragraph written like a list item: lower-case start or an imperative verb.
fn looks_like_item(text: &str) -> bool {
    let t = text.trim_start();
    let first_word: String = t.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    t.chars().next().is_some_and(char::is_lowercase) || verb_stem(&first_word).is_some()
}

/// The action verbs remedies begin with, by stem (past and -ing forms
/// included), in any case.
fn verb_stem(w: &str) -> Option<&'static str> {
    if w.len() < 3 || w.len() > 14 || !w.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let first = w.as_bytes().first().map(u8::to_ascii_lowercase);
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
    // Stems by first letter, so a word is compared with a handful at most.
    let stems: &[&'static str] = match first {
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
    };
    stems
        .iter()
        .copied()
        .find(|s| w.len() <= s.len() + 4 && starts_ci(w, s))
}

/// The kind of an action, from its first verb and then its words.
pub(crate) fn classify(clause: &str) -> RemedyKind {
    let f = fold(clause);
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
            "review" | "reconsider" | "reassess" | "improv" | "amend" | "revis" | "audit" | "check",
        ) => return RemedyKind::Review,
        _ => {}
    }
    let has = |k: &str| f.contains(k);
    if has("apolog") {
        RemedyKind::Apology
    } else if has("payment") || has(" pay ") || first == "pay" || has("refund") || has("reimburs") {
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

/// A deadline phrase in a piece of text: `Within one month of the date of the final decision`.
pub(crate) fn deadline_in(input: &str, t: &Text) -> Option<Deadline> {
    let text = input.get(t.span.start..t.span.end)?;
    // "Within"/"within": one SIMD scan rules out most text.
    static WITHIN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"ithin"));
    WITHIN.find(text.as_bytes())?;
    // Room for the words of typical prose (a word and a space average over
    // six bytes); denser text regrows.
    let mut toks = Vec::with_capacity(text.len() / 6 + 1);
    tokenize(text, &mut toks);
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
            match x.str(text).to_ascii_lowercase().as_str() {
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
        let unit = match unit_tok.str(text).to_ascii_lowercase().as_str() {
            "day" | "days" if working => DurationUnit::WorkingDay,
            "day" | "days" => DurationUnit::Day,
            "week" | "weeks" => DurationUnit::Week,
            "fortnight" => {
                let end = unit_tok.end;
                return Some(make_deadline(
                    input,
                    t,
                    w.start,
                    end,
                    count * 2,
                    DurationUnit::Week,
                    None,
                ));
            }
            "month" | "months" => DurationUnit::Month,
            "year" | "years" => DurationUnit::Year,
            _ => continue,
        };
        let (end, from) = counted_from(text, &toks, u + 1).unwrap_or((unit_tok.end, None));
        return Some(make_deadline(input, t, w.start, end, count, unit, from));
    }
    None
}

fn make_deadline(
    input: &str,
    t: &Text,
    s: usize,
    e: usize,
    count: u32,
    unit: DurationUnit,
    from: Option<CountedFrom>,
) -> Deadline {
    let span = Span::new(t.span.start + s, t.span.start + e, t.span.line);
    Deadline {
        count,
        unit,
        counted_from: from,
        text: span.slice(input).to_string(),
        span,
    }
}

/// `of the date of the final decision`, `from the date of this report`, `of my decision`.
fn counted_from(text: &str, toks: &[Tok], k: usize) -> Option<(usize, Option<CountedFrom>)> {
    let w = |i: usize| toks.get(i).map(|t| t.str(text).to_ascii_lowercase());
    let first = w(k)?;
    if first != "of" && first != "from" {
        return None;
    }
    // Look ahead a few words for "decision" or "report".
    for i in k + 1..(k + 8).min(toks.len()) {
        let word = w(i)?;
        match word.as_str() {
            "decision" | "statement" => {
                return Some((toks.get(i)?.end, Some(CountedFrom::FinalDecision)))
            }
            "report" => return Some((toks.get(i)?.end, Some(CountedFrom::Report))),
            "the" | "date" | "of" | "this" | "my" | "our" | "final" | "its" | "a" => {}
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
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
        let d = deadline_in(s, &text(s));
        paragraph_actions(s, &text(s), Some(1), d.as_ref(), true, &mut out);
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

    #[test]
    fn breakdown_counts_once() {
        let s = |p: u64| (Span::default(), p);
        assert_eq!(amount_of(&[s(45000), s(30000), s(15000)]), Some(45000));
        assert_eq!(amount_of(&[s(25000), s(10000)]), Some(35000));
        assert_eq!(amount_of(&[]), None);
    }
}
