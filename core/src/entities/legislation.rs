//! Legislation: `(Local Government Act 1974, sections 26(1) and 26A(1), as
//! amended)`, `Section 20 of the Children Act 1989`, `section 26(6)(a)`,
//! `Schedule 5, paragraph 5(2)`, `Part 3A of that Act`.
//!
//! Two kinds of pieces are found separately and then joined: instruments (a
//! run of capitalised words ending in `Act` or `Regulations`, with a year
//! when written) and provision groups (`section 26(1) and 26A(1)`). A group
//! joins the instrument after `of (the)` or before `, `; a bare `... Act`
//! without a year, and `that Act`, are linked to an earlier citation by
//! [`super::extract`], which sees the whole decision.

use serde::{Deserialize, Serialize};

use crate::span::Span;

use super::text::{
    after, before, gap, is_space_str, next_word, skip_spaces, starts_with_ci, word_at, Tok, Words,
    LEGISLATION,
};

/// A citation of legislation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Legislation {
    /// The instrument's name without its year (`Local Government Act`), or null
    /// for a bare `section 20` that names none.
    pub instrument: Option<String>,
    /// The instrument's year, as written here or in the earlier citation this one refers to.
    pub year: Option<i32>,
    /// Each provision as a path: `26(1)` -> `["26", "1"]`, `26(6)(a)` ->
    /// `["26", "6", "a"]`. Sections are bare numbers; other units carry their
    /// name: `["Part 3A"]`, `["Schedule 5", "paragraph 5", "2"]`, `["regulation 13"]`.
    pub provisions: Vec<Vec<String>>,
    /// `as amended` follows the citation.
    pub as_amended: bool,
    /// The earlier citation that supplied the instrument or its year (for
    /// `that Act`, or `the Local Government Act` written without a year).
    pub refers_to: Option<Span>,
}

/// How a citation found in one piece of text needs the rest of the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Link {
    /// Complete as written (or nothing to link: a bare `section 20`).
    None,
    /// Named without a year: look for the same name with a year earlier on.
    Year,
    /// `that Act`, `the Act`, `this Act`: the instrument named last.
    ThatAct,
}

#[derive(Debug, Clone)]
pub(crate) struct Cite {
    pub start: usize,
    pub end: usize,
    pub value: Legislation,
    pub link: Link,
}

#[derive(Debug, Clone)]
struct Instrument {
    start: usize,
    end: usize,
    name: String,
    year: Option<i32>,
}

#[derive(Debug, Clone)]
struct Group {
    start: usize,
    end: usize,
    provisions: Vec<Vec<String>>,
}

/// Finds citations in `text`, given its words; ranges are relative to `text`.
pub(crate) fn scan(text: &str, words: &Words) -> Vec<Cite> {
    let mut instruments = Vec::new();
    let mut groups = Vec::new();
    for t in words.lane(LEGISLATION) {
        match word_kind(text, t) {
            Some(WordKind::Instrument) => {
                if let Some(ins) = instrument_at(text, t) {
                    instruments.push(ins);
                }
            }
            Some(WordKind::Unit) => {
                // A group can start inside the previous one ("section 14 and section 17").
                if groups.last().is_some_and(|g: &Group| g.end > t.start) {
                    continue;
                }
                if let Some(g) = group_at(text, t) {
                    groups.push(g);
                }
            }
            None => {}
        }
    }
    if instruments.is_empty() && groups.is_empty() {
        return Vec::new();
    }

    let mut used_ins = vec![false; instruments.len()];
    let mut used_grp = vec![false; groups.len()];
    let mut cites: Vec<Cite> = Vec::new();

    // "section 20 of the Children Act 1989", "Part 3A of that Act".
    for (gi, g) in groups.iter().enumerate() {
        let Some(after_of) = after_of_the(text, g.end) else {
            continue;
        };
        // Instruments are in text order: binary search, not a scan per group.
        let found = instruments
            .binary_search_by_key(&after_of, |ins| ins.start)
            .ok();
        if let Some(ii) = found {
            if let (Some(ins), Some(u)) = (instruments.get(ii), used_ins.get_mut(ii)) {
                *u = true;
                if let Some(ug) = used_grp.get_mut(gi) {
                    *ug = true;
                }
                cites.push(Cite {
                    start: g.start,
                    end: ins.end,
                    link: if ins.year.is_some() {
                        Link::None
                    } else {
                        Link::Year
                    },
                    value: Legislation {
                        instrument: Some(ins.name.clone()),
                        year: ins.year,
                        provisions: g.provisions.clone(),
                        as_amended: false,
                        refers_to: None,
                    },
                });
            }
        } else if let Some(end) = that_act(text, after_of) {
            if let Some(ug) = used_grp.get_mut(gi) {
                *ug = true;
            }
            cites.push(Cite {
                start: g.start,
                end,
                link: Link::ThatAct,
                value: Legislation {
                    instrument: None,
                    year: None,
                    provisions: g.provisions.clone(),
                    as_amended: false,
                    refers_to: None,
                },
            });
        }
    }
    // "Local Government Act 1974, sections 26(1) and 26A(1)", or the Act alone.
    for (ii, ins) in instruments.iter().enumerate() {
        if used_ins.get(ii).copied().unwrap_or(true) {
            continue;
        }
        let mut cite = Cite {
            start: ins.start,
            end: ins.end,
            link: if ins.year.is_some() {
                Link::None
            } else {
                Link::Year
            },
            value: Legislation {
                instrument: Some(ins.name.clone()),
                year: ins.year,
                provisions: Vec::new(),
                as_amended: false,
                refers_to: None,
            },
        };
        if let Some(gi) = group_after_comma(text, &groups, &used_grp, ins.end) {
            if let (Some(g), Some(ug)) = (groups.get(gi), used_grp.get_mut(gi)) {
                *ug = true;
                cite.end = g.end;
                cite.value.provisions.extend(g.provisions.iter().cloned());
            }
        }
        cites.push(cite);
    }
    // Groups naming no instrument: "section 24A(6)", "under Section 20".
    for (gi, g) in groups.iter().enumerate() {
        if used_grp.get(gi).copied().unwrap_or(true) {
            continue;
        }
        // Only a group that a later citation in the same parenthesis will not absorb.
        cites.push(Cite {
            start: g.start,
            end: g.end,
            link: Link::None,
            value: Legislation {
                instrument: None,
                year: None,
                provisions: g.provisions.clone(),
                as_amended: false,
                refers_to: None,
            },
        });
        if let Some(ug) = used_grp.get_mut(gi) {
            *ug = true;
        }
    }
    cites.sort_by_key(|c| c.start);

    // ", as amended" and a further ", section 34(B)" after it.
    let mut out: Vec<Cite> = Vec::with_capacity(cites.len());
    for mut c in cites {
        if out.last().is_some_and(|p: &Cite| p.end > c.start) {
            continue; // absorbed by the one before
        }
        loop {
            if let Some(e) = as_amended_after(text, c.end) {
                c.value.as_amended = true;
                c.end = e;
                continue;
            }
            // A continuation group belongs to the same instrument only inside
            // a citation that names one.
            if c.value.instrument.is_some() || c.link == Link::ThatAct {
                let next = comma_then(text, c.end)
                    .and_then(|at| groups.binary_search_by_key(&at, |g| g.start).ok())
                    .and_then(|gi| groups.get(gi))
                    .filter(|g| g.start > c.end);
                if let Some(g) = next {
                    c.value.provisions.extend(g.provisions.iter().cloned());
                    c.end = g.end;
                    continue;
                }
            }
            break;
        }
        out.push(c);
    }
    // Drop bare groups swallowed by a continuation above.
    let mut kept: Vec<Cite> = Vec::with_capacity(out.len());
    for c in out {
        if kept.last().is_some_and(|p: &Cite| p.end > c.start) {
            continue;
        }
        kept.push(c);
    }
    kept
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordKind {
    /// `Act`, `Regulations`, `Order`, `Rules`: the last word of an instrument's name.
    Instrument,
    /// `section`, `Part`, `Schedule`, ...: starts a provision group.
    Unit,
}

/// What a word can start, decided on its first byte and length and then a
/// single comparison: this runs for every word of the decision.
fn word_kind(text: &str, t: &Tok) -> Option<WordKind> {
    use WordKind::{Instrument, Unit};
    let (lit, kind): (&str, WordKind) = match (t.first, t.len()) {
        (b'A', 3) => ("Act", Instrument),
        (b'R', 11) => ("Regulations", Instrument),
        (b'O', 5) => ("Order", Instrument),
        (b'R', 5) => ("Rules", Instrument),
        (b's', 1) => ("s", Unit),
        (b's', 7) => ("section", Unit),
        (b's', 8) => {
            let w = t.str(text);
            return (w == "sections" || w == "schedule").then_some(Unit);
        }
        (b'S', 7) => ("Section", Unit),
        (b'S', 8) => {
            let w = t.str(text);
            return (w == "Sections" || w == "Schedule").then_some(Unit);
        }
        (b'S', 9) => ("Schedules", Unit),
        (b'P', 4) => ("Part", Unit),
        (b'P', 5) => ("Parts", Unit),
        (b'r', 10) => ("regulation", Unit),
        (b'r', 11) => ("regulations", Unit),
        (b'R', 10) => ("Regulation", Unit),
        (b'a', 7) => ("article", Unit),
        (b'a', 8) => ("articles", Unit),
        (b'A', 7) => ("Article", Unit),
        _ => return None,
    };
    (t.str(text) == lit).then_some(kind)
}

/// Provision units and how their paths are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Section,
    Part,
    Schedule,
    Regulation,
    Article,
}

fn unit_of(w: &str) -> Option<Unit> {
    match w {
        "section" | "sections" | "Section" | "Sections" | "s" => Some(Unit::Section),
        "Part" | "Parts" => Some(Unit::Part),
        "Schedule" | "Schedules" | "schedule" => Some(Unit::Schedule),
        "regulation" | "regulations" | "Regulation" => Some(Unit::Regulation),
        "article" | "articles" | "Article" => Some(Unit::Article),
        _ => None,
    }
}

/// Capitalised words that begin sentences or clauses rather than names.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "Under"
            | "In"
            | "Of"
            | "See"
            | "And"
            | "As"
            | "By"
            | "For"
            | "With"
            | "From"
            | "To"
            | "A"
            | "An"
            | "Section"
            | "Sections"
            | "Part"
            | "Parts"
            | "Schedule"
            | "Regulation"
            | "Article"
            | "Paragraph"
            | "Chapter"
            | "Our"
            | "Its"
            | "Their"
            | "His"
            | "Her"
            | "If"
            | "When"
            | "Where"
            | "It"
            | "However"
            | "Also"
            | "Both"
            | "Each"
            | "Following"
            | "Since"
            | "Although"
            | "While"
            | "Whilst"
            | "Because"
            | "Whether"
            | "Then"
            | "Therefore"
            | "Further"
            | "Furthermore"
            | "Moreover"
            | "Before"
            | "After"
            | "During"
            | "Act"
            | "Regulations"
            | "I"
            | "We"
            | "Council"
            | "Councils"
            | "S"
    )
}

fn is_connector(w: &str) -> bool {
    matches!(w, "and" | "of" | "for" | "in" | "on" | "to")
}

fn is_capitalised(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}

/// The instrument whose last word (`Act`, `Regulations`, ...) is `head`.
fn instrument_at(text: &str, head: &Tok) -> Option<Instrument> {
    let mut committed = *head; // first word of the name up to the last capitalised word
    let mut depth = 0i32;
    let mut cur = *head; // first word of the name so far
                         // The longest names run to about ten words ("Local Government and Public
                         // Involvement in Health Act"); the cap keeps a run of capitals linear.
    for _ in 0..20 {
        let Some(p) = before(text, &cur) else { break };
        let g = gap(text, p.end, cur.start);
        let pw = p.str(text);
        // "Children’s", "Well-being": the same word.
        let possessive = cur.str(text) == "s" && matches!(g, "\u{2019}" | "'");
        if possessive || (g == "-" && pw.bytes().all(|b| b.is_ascii_alphabetic())) {
            cur = p;
            if is_capitalised(pw) {
                committed = p;
            }
            continue;
        }
        let trimmed = g.trim_matches([' ', '\u{a0}']);
        match trimmed {
            "" if is_space_str(g) => {}
            // "Childrens’ Act": a plural possessive.
            "\u{2019}" | "'" if pw.ends_with('s') && g.len() > trimmed.len() => {}
            ")" => depth += 1,
            "(" if depth > 0 => depth -= 1,
            _ => break,
        }
        if is_capitalised(pw) && !is_stop_word(pw) && !pw.bytes().all(|b| b.is_ascii_digit()) {
            cur = p;
            committed = p;
        } else if is_connector(pw) {
            cur = p;
        } else {
            break;
        }
    }
    if committed.start == head.start {
        return None;
    }
    let start = committed.start;
    let name = text.get(start..head.end)?;
    // Year after the name: "Act 1974".
    let mut end = head.end;
    let mut year = None;
    if let Some(y) = after(text, head) {
        if is_space_str(gap(text, head.end, y.start)) && y.end - y.start == 4 {
            if let Some(v) = y
                .str(text)
                .parse::<i32>()
                .ok()
                .filter(|v| (1500..=2100).contains(v))
            {
                year = Some(v);
                end = y.end;
            }
        }
    }
    if matches!(head.str(text), "Order" | "Rules") && year.is_none() {
        return None; // "Care Order", "Court Rules": not citations without a year
    }
    Some(Instrument {
        start,
        end,
        // Owned only once the instrument is kept.
        name: name.to_string(),
        year,
    })
}

/// A provision group starting at the unit word `head`: `sections 26(1) and 26A(1)`.
fn group_at(text: &str, head: &Tok) -> Option<Group> {
    let mut unit = unit_of(head.str(text))?;
    if head.str(text) == "s" {
        // "s.20", "s 20": only with the dot or a following number.
        let b = text.as_bytes();
        if b.get(head.end) != Some(&b'.') {
            return None;
        }
        if head.start > 0
            && b.get(head.start - 1)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'\'' || *c == 0x99)
        {
            return None;
        }
    }
    let mut pos = head.end;
    if text.as_bytes().get(pos) == Some(&b'.') {
        pos += 1;
    }
    let mut provisions: Vec<Vec<String>> = Vec::new();
    let mut end = head.end;
    loop {
        let p = skip_spaces(text, pos);
        let Some((num, after_num)) = number_at(text, p, unit) else {
            break;
        };
        let (subs, mut after) = subdivisions(text, after_num);
        let mut prefix: Vec<String> = match unit {
            Unit::Section => vec![num],
            Unit::Part => vec![format!("Part {num}")],
            Unit::Schedule => vec![format!("Schedule {num}")],
            Unit::Regulation => vec![format!("regulation {num}")],
            Unit::Article => vec![format!("article {num}")],
        };
        let mut subs = subs;
        if unit == Unit::Schedule && subs.is_empty() {
            // "Schedule 5, paragraph 5(2)"
            let q = skip_spaces(text, after);
            let q = if text.as_bytes().get(q) == Some(&b',') {
                skip_spaces(text, q + 1)
            } else {
                q
            };
            if let Some(w) = word_at(text, q) {
                if matches!(w.str(text), "paragraph" | "para") {
                    if let Some((pn, pe)) = number_at(text, skip_spaces(text, w.end), Unit::Section)
                    {
                        prefix.push(format!("paragraph {pn}"));
                        let (s2, a2) = subdivisions(text, pe);
                        subs = s2;
                        after = a2;
                    }
                }
            }
        }
        if subs.is_empty() {
            provisions.push(prefix);
        } else {
            for alt in subs {
                let mut path = prefix.clone();
                path.extend(alt);
                provisions.push(path);
            }
        }
        end = after;
        // Separator: ",", "and", "or", "&", ", and", optionally repeating the unit.
        let Some(next) = separator(text, after) else {
            break;
        };
        let mut q = next;
        if let Some(w) = word_at(text, q) {
            if let Some(u) = unit_of(w.str(text)) {
                unit = u;
                q = w.end;
            }
        }
        pos = q;
        if provisions.len() > 64 {
            break;
        }
    }
    if provisions.is_empty() {
        return None;
    }
    Some(Group {
        start: head.start,
        end,
        provisions,
    })
}

/// A provision number at `p`: `26`, `26A`, `34H`, `VII`; `34 B` (a typing slip) too.
fn number_at(text: &str, p: usize, unit: Unit) -> Option<(String, usize)> {
    let b = text.as_bytes();
    let w = word_at(text, p)?;
    let s = w.str(text);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let letters_ok = s
        .get(digits..)
        .is_some_and(|rest| rest.len() <= 2 && rest.bytes().all(|c| c.is_ascii_uppercase()));
    if digits > 0 && digits <= 4 && letters_ok {
        // "34 B," -> 34B: a lone capital after a space, then punctuation.
        if digits == s.len() {
            let q = skip_spaces(text, w.end);
            if q > w.end {
                if let Some(l) = word_at(text, q) {
                    let ls = l.str(text);
                    let after = b.get(l.end).copied();
                    if ls.len() == 1
                        && ls.bytes().all(|c| c.is_ascii_uppercase())
                        && ls != "I"
                        && ls != "A"
                        && matches!(
                            after,
                            None | Some(b',')
                                | Some(b'(')
                                | Some(b')')
                                | Some(b' ')
                                | Some(b';')
                                | Some(b'.')
                        )
                        && !matches!(next_word(text, l.end).map(|n| n.str(text)), Some(n) if is_capitalised(n) && after == Some(b' '))
                    {
                        return Some((format!("{s}{ls}"), l.end));
                    }
                }
            }
        }
        // "5.2" is a paragraph of guidance, not a provision.
        if b.get(w.end) == Some(&b'.') && b.get(w.end + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        return Some((s.to_string(), w.end));
    }
    if unit == Unit::Part
        && !s.is_empty()
        && s.len() <= 5
        && s.bytes().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
    {
        return Some((s.to_string(), w.end));
    }
    None
}

/// `(1)`, `(6)(a)`, `(1B)`, `(3 and 4)` after a number: the alternatives'
/// sub-paths (`(3 and 4)` -> two) and the end.
fn subdivisions(text: &str, mut pos: usize) -> (Vec<Vec<String>>, usize) {
    let b = text.as_bytes();
    // Most numbers have no subdivision: answer before allocating anything.
    if b.get(pos) != Some(&b'(') {
        return (Vec::new(), pos);
    }
    let mut alts: Vec<Vec<String>> = vec![Vec::new()];
    let mut any = false;
    while b.get(pos) == Some(&b'(') {
        let Some(close) = b
            .get(pos + 1..)
            .and_then(|r| r.iter().take(16).position(|&c| c == b')'))
        else {
            break;
        };
        let inner = text.get(pos + 1..pos + 1 + close).unwrap_or("");
        let parts: Vec<&str> = inner
            .split(',')
            .flat_map(|s| s.split(" and "))
            .flat_map(|s| s.split(" or "))
            .map(str::trim)
            .collect();
        if parts.is_empty()
            || !parts.iter().all(|p| {
                !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_alphanumeric())
            })
        {
            break;
        }
        let mut next = Vec::new();
        for a in &alts {
            for p in &parts {
                let mut path = a.clone();
                path.push((*p).to_string());
                next.push(path);
            }
        }
        if next.len() > 32 {
            break;
        }
        alts = next;
        any = true;
        pos += close + 2;
    }
    if any {
        (alts, pos)
    } else {
        (Vec::new(), pos)
    }
}

/// After a provision: a list separator followed by another number (or unit).
fn separator(text: &str, pos: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut q = skip_spaces(text, pos);
    let mut saw = false;
    if b.get(q) == Some(&b',') {
        q = skip_spaces(text, q + 1);
        saw = true;
    }
    if b.get(q) == Some(&b'&') {
        q = skip_spaces(text, q + 1);
        saw = true;
    } else if let Some(w) = word_at(text, q) {
        if matches!(w.str(text), "and" | "or") {
            q = skip_spaces(text, w.end);
            saw = true;
        }
    }
    if !saw {
        return None;
    }
    // Only if what follows is a provision number or a unit word.
    let w = word_at(text, q)?;
    let s = w.str(text);
    let starts_digit = s.as_bytes().first().is_some_and(u8::is_ascii_digit);
    (starts_digit || unit_of(s).is_some()).then_some(q)
}

/// `of the ` / `of ` after `pos`: where the name should start.
fn after_of_the(text: &str, pos: usize) -> Option<usize> {
    let w = next_word(text, pos)?;
    if w.str(text) != "of" {
        return None;
    }
    let q = skip_spaces(text, w.end);
    if q == w.end {
        return None;
    }
    if let Some(t) = word_at(text, q) {
        if t.str(text) == "the" {
            let r = skip_spaces(text, t.end);
            if r > t.end {
                // "of the Act" is `that Act`, handled by the caller with `q`.
                if word_at(text, r).is_some_and(|a| a.str(text) == "Act") {
                    return Some(q);
                }
                return Some(r);
            }
        }
    }
    Some(q)
}

/// `that Act` / `the Act` / `this Act` / `the said Act` at `pos`: its end.
fn that_act(text: &str, pos: usize) -> Option<usize> {
    let w = word_at(text, pos)?;
    if !matches!(w.str(text), "that" | "the" | "this") {
        return None;
    }
    let mut a = next_word(text, w.end)?;
    if a.str(text) == "said" {
        a = next_word(text, a.end)?;
    }
    (a.str(text) == "Act").then_some(a.end)
}

/// A group that starts right after `, ` at `pos`.
fn group_after_comma(text: &str, groups: &[Group], used: &[bool], pos: usize) -> Option<usize> {
    let at = comma_then(text, pos)?;
    let i = groups.binary_search_by_key(&at, |g| g.start).ok()?;
    (!used.get(i).copied().unwrap_or(true)).then_some(i)
}

/// The offset after `,` and spaces at `pos`.
fn comma_then(text: &str, pos: usize) -> Option<usize> {
    let q = skip_spaces(text, pos);
    (text.as_bytes().get(q) == Some(&b',')).then(|| skip_spaces(text, q + 1))
}

/// `, as amended` / ` as amended` at `pos`: its end.
fn as_amended_after(text: &str, pos: usize) -> Option<usize> {
    let mut q = skip_spaces(text, pos);
    if text.as_bytes().get(q) == Some(&b',') {
        q = skip_spaces(text, q + 1);
    }
    if starts_with_ci(text, q, "as amended") && word_at(text, q).is_some() {
        let e = q + "as amended".len();
        if !text
            .as_bytes()
            .get(e)
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            return Some(e);
        }
    }
    None
}

/// Name key for linking `Childrens’ Act` to `Children Act 1989`: lower case,
/// no apostrophes, no plural or possessive `s`.
pub(crate) fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}') {
        // Each word goes straight into `out` (no String per word); a word
        // with no letters or digits is taken out again, separator included.
        let mark = out.len();
        if !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        out.extend(
            word.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .map(|c| c.to_ascii_lowercase()),
        );
        let len = out.len() - start;
        if len == 0 {
            out.truncate(mark);
        } else if len > 1 && out.ends_with('s') {
            out.pop();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cites(t: &str) -> Vec<(String, Legislation, Link)> {
        scan(t, &Words::of(t))
            .into_iter()
            .map(|c| (t[c.start..c.end].to_string(), c.value, c.link))
            .collect()
    }

    fn paths(v: &[&[&str]]) -> Vec<Vec<String>> {
        v.iter()
            .map(|p| p.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn bracketed_citation() {
        let v =
            cites("a remedy. (Local Government Act 1974, sections 26(1) and 26A(1), as amended)");
        assert_eq!(v.len(), 1, "{v:?}");
        let (text, l, _) = &v[0];
        assert_eq!(
            text,
            "Local Government Act 1974, sections 26(1) and 26A(1), as amended"
        );
        assert_eq!(l.instrument.as_deref(), Some("Local Government Act"));
        assert_eq!(l.year, Some(1974));
        assert_eq!(l.provisions, paths(&[&["26", "1"], &["26A", "1"]]));
        assert!(l.as_amended);
    }

    #[test]
    fn more_bracketed_forms() {
        let v = cites("(Local Government Act 1974, section 30(1B) and 34H(i), as amended)");
        assert_eq!(v[0].1.provisions, paths(&[&["30", "1B"], &["34H", "i"]]));
        let v = cites("(Local Government Act 1974, section 24A(6), as amended, section 34(B))");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1.provisions, paths(&[&["24A", "6"], &["34", "B"]]));
        let v = cites("(Local Government Act 1974, section 26(6)(a), as amended)");
        assert_eq!(v[0].1.provisions, paths(&[&["26", "6", "a"]]));
        let v = cites("(Care Act 2014, section 14 and section 17)");
        assert_eq!(v[0].1.provisions, paths(&[&["14"], &["17"]]));
        assert!(!v[0].1.as_amended);
        let v = cites("(Special Educational Needs and Disability Regulations 2014, regulation 13)");
        assert_eq!(
            v[0].1.instrument.as_deref(),
            Some("Special Educational Needs and Disability Regulations")
        );
        assert_eq!(v[0].1.provisions, paths(&[&["regulation 13"]]));
        let v =
            cites("(Local Government Act 1974, sections 34 B, 34C and 34 H(3 and 4), as amended)");
        assert_eq!(
            v[0].1.provisions,
            paths(&[&["34B"], &["34C"], &["34H", "3"], &["34H", "4"]])
        );
    }

    #[test]
    fn of_the_act() {
        let v = cites("Section 20 of the Children Act 1989 imposes a duty");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "Section 20 of the Children Act 1989");
        assert_eq!(v[0].1.instrument.as_deref(), Some("Children Act"));
        assert_eq!(v[0].1.provisions, paths(&[&["20"]]));
        let v = cites("Section 97 of the Children and Families Act 2014 requires");
        assert_eq!(
            v[0].1.instrument.as_deref(),
            Some("Children and Families Act")
        );
        let v = cites("a notice to us under Section 32(3) of the Local Government Act covering");
        assert_eq!(v[0].0, "Section 32(3) of the Local Government Act");
        assert_eq!((v[0].1.year, v[0].2), (None, Link::Year));
        let v = cites("Part 3A of that Act gives us");
        assert_eq!(
            (v[0].0.as_str(), v[0].2),
            ("Part 3A of that Act", Link::ThatAct)
        );
        assert_eq!(v[0].1.provisions, paths(&[&["Part 3A"]]));
        let v =
            cites("Part 7 of the Housing Act 1996 sets out (section 184 of the Housing Act 1996);");
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].1.provisions, paths(&[&["184"]]));
        let v = cites("under Schedule 5, paragraph 5(2) of the Act");
        assert_eq!(
            v[0].1.provisions,
            paths(&[&["Schedule 5", "paragraph 5", "2"]])
        );
    }

    #[test]
    fn instrument_alone_and_bare_sections() {
        let v = cites("The Children Act 1989 sets out a procedure.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "Children Act 1989");
        assert!(v[0].1.provisions.is_empty());
        let v = cites("remained in Foster Care under Section 20 without a plan");
        assert_eq!(v[0].0, "Section 20");
        assert_eq!(v[0].1.instrument, None);
        let v = cites("Section 20 of the Childrens’ Act. Mrs X");
        assert_eq!(v[0].1.instrument.as_deref(), Some("Childrens’ Act"));
        assert_eq!(name_key("Childrens’ Act"), name_key("Children Act"));
    }

    #[test]
    fn not_legislation() {
        assert!(
            cites("the Council decided to act. A Care Order was made. part c) of it").is_empty()
        );
        assert!(cites("paragraph 38 and the Regulations say").is_empty());
        assert!(cites("section headings").is_empty());
    }
}
