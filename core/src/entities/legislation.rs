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

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::span::Span;

use super::provision::Provision;

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
    pub instrument: Option<CompactString>,
    /// The instrument's year, as written here or in the earlier citation this one refers to.
    pub year: Option<i32>,
    /// Each provision as a path: `26(1)` -> `["26", "1"]`, `26(6)(a)` ->
    /// `["26", "6", "a"]`. Sections are bare numbers; other units carry their
    /// name: `["Part 3A"]`, `["Schedule 5", "paragraph 5", "2"]`, `["regulation 13"]`.
    pub provisions: Vec<Provision>,
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

/// An instrument's name and year, as offsets: the name is built only for a
/// citation that is kept.
#[derive(Debug, Clone, Copy)]
struct Instrument {
    start: usize,
    /// The end of the name (its `Act` word); the year, if any, follows.
    name_end: usize,
    end: usize,
    year: Option<i32>,
    /// Joined to a group after it (`section 20 of the Children Act 1989`).
    used: bool,
}

#[derive(Debug, Clone)]
struct Group {
    head: Tok,
    end: usize,
    /// Moved into the citation that keeps the group, so empty afterwards
    /// (a group always has at least one provision).
    provisions: Vec<Provision>,
    used: bool,
}

/// A citation before any string is built: which instrument and group it
/// joins. Sorting and dropping these is cheap; strings are made once, for
/// the citations that survive.
#[derive(Debug, Clone, Copy)]
struct Draft {
    start: usize,
    end: usize,
    link: Link,
    ins: Option<usize>,
    group: Option<usize>,
}

/// The scanner's working vectors, kept by the caller from piece to piece so
/// that a piece with a citation costs no allocation for them.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    instruments: Vec<Instrument>,
    groups: Vec<Group>,
    drafts: Vec<Draft>,
}

impl Buffers {
    /// Empties the vectors, keeping their room (and dropping any
    /// provisions a group still holds).
    pub fn clear(&mut self) {
        self.instruments.clear();
        self.groups.clear();
        self.drafts.clear();
    }

    /// The longest of the vectors, in elements.
    pub fn capacity(&self) -> usize {
        self.instruments
            .capacity()
            .max(self.groups.capacity())
            .max(self.drafts.capacity())
    }
}

/// Finds citations in `text`, given its words; ranges are relative to `text`.
#[cfg(test)]
pub(crate) fn scan(text: &str, words: &Words) -> Vec<Cite> {
    let mut out = Vec::new();
    scan_into(text, words, &mut Buffers::default(), &mut out);
    out
}

/// Finds citations in `text` with the caller's buffers, appending them to `out`.
pub(crate) fn scan_into(text: &str, words: &Words, bufs: &mut Buffers, out: &mut Vec<Cite>) {
    bufs.clear();
    let Buffers {
        instruments,
        groups,
        drafts,
    } = bufs;
    for t in words.lane(LEGISLATION) {
        let t = &t;
        match word_kind(text, t) {
            Some(WordKind::Instrument) => {
                if let Some(ins) = instrument_at(text, t) {
                    instruments.push(ins);
                }
            }
            Some(WordKind::Unit) => {
                // A group can start inside the previous one ("section 14 and section 17").
                if groups.last().is_some_and(|g| g.end > t.start) {
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
        return;
    }

    // At most one draft per group and one per instrument.
    drafts.reserve(instruments.len() + groups.len());
    // "section 20 of the Children Act 1989", "Part 3A of that Act".
    for (gi, g) in groups.iter_mut().enumerate() {
        let Some(after_of) = after_of_the(text, g.end) else {
            continue;
        };
        // Instruments are in text order: binary search, not a scan per group.
        let found = instruments
            .binary_search_by_key(&after_of, |ins| ins.start)
            .ok();
        if let Some(ii) = found {
            if let Some(ins) = instruments.get_mut(ii) {
                ins.used = true;
                g.used = true;
                drafts.push(Draft {
                    start: g.head.start,
                    end: ins.end,
                    link: year_link(ins.year),
                    ins: Some(ii),
                    group: Some(gi),
                });
            }
        } else if let Some(end) = that_act(text, after_of) {
            g.used = true;
            drafts.push(Draft {
                start: g.head.start,
                end,
                link: Link::ThatAct,
                ins: None,
                group: Some(gi),
            });
        }
    }
    // "Local Government Act 1974, sections 26(1) and 26A(1)", or the Act alone.
    for (ii, ins) in instruments.iter().enumerate() {
        if ins.used {
            continue;
        }
        let mut d = Draft {
            start: ins.start,
            end: ins.end,
            link: year_link(ins.year),
            ins: Some(ii),
            group: None,
        };
        if let Some(gi) = group_after_comma(text, groups, ins.end) {
            if let Some(g) = groups.get_mut(gi) {
                g.used = true;
                d.end = g.end;
                d.group = Some(gi);
            }
        }
        drafts.push(d);
    }
    // Groups naming no instrument: "section 24A(6)", "under Section 20".
    for (gi, g) in groups.iter().enumerate() {
        if !g.used {
            drafts.push(Draft {
                start: g.head.start,
                end: g.end,
                link: Link::None,
                ins: None,
                group: Some(gi),
            });
        }
    }
    // Stable: drafts starting together stay in the order made above.
    drafts.sort_by_key(|d| d.start);

    // Citations found before this piece's are not compared with.
    let from = out.len();
    out.reserve(drafts.len());
    for d in drafts.drain(..) {
        if out
            .get(from..)
            .and_then(<[Cite]>::last)
            .is_some_and(|p| p.end > d.start)
        {
            continue; // absorbed by the one before
        }
        let ins = d.ins.and_then(|i| instruments.get(i));
        let mut c = Cite {
            start: d.start,
            end: d.end,
            link: d.link,
            value: Legislation {
                instrument: ins
                    .and_then(|ins| text.get(ins.start..ins.name_end))
                    .map(CompactString::from),
                year: ins.and_then(|ins| ins.year),
                provisions: d
                    .group
                    .map(|gi| take_provisions(text, groups, gi))
                    .unwrap_or_default(),
                as_amended: false,
                refers_to: None,
            },
        };
        // ", as amended" and a further ", section 34(B)" after it.
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
                    .and_then(|at| groups.binary_search_by_key(&at, |g| g.head.start).ok())
                    .filter(|&gi| groups.get(gi).is_some_and(|g| g.head.start > c.end));
                if let Some(gi) = next {
                    c.end = groups.get(gi).map_or(c.end, |g| g.end);
                    let more = take_provisions(text, groups, gi);
                    c.value.provisions.extend(more);
                    continue;
                }
            }
            break;
        }
        // The next draft is compared with this one's final end, so a bare
        // group swallowed by a continuation is dropped here too.
        out.push(c);
    }
}

fn year_link(year: Option<i32>) -> Link {
    if year.is_some() {
        Link::None
    } else {
        Link::Year
    }
}

/// Group `gi`'s provisions for the citation that keeps it: moved out the
/// first time, built again should a second citation need them.
fn take_provisions(text: &str, groups: &mut [Group], gi: usize) -> Vec<Provision> {
    let Some(g) = groups.get_mut(gi) else {
        return Vec::new();
    };
    if g.provisions.is_empty() {
        return group_at(text, &g.head).map_or_else(Vec::new, |again| again.provisions);
    }
    std::mem::take(&mut g.provisions)
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
        let possessive =
            text.as_bytes().get(cur.start..cur.end) == Some(b"s") && matches!(g, "\u{2019}" | "'");
        if possessive || (g == "-" && pw.bytes().all(|b| b.is_ascii_alphabetic())) {
            cur = p;
            if is_capitalised(pw) {
                committed = p;
            }
            continue;
        }
        // One space, by far the commonest gap, needs no trimming.
        if g != " " {
            let trimmed = g.trim_matches([' ', '\u{a0}']);
            match trimmed {
                "" if is_space_str(g) => {}
                // "Childrens’ Act": a plural possessive.
                "\u{2019}" | "'" if pw.ends_with('s') && g.len() > trimmed.len() => {}
                ")" => depth += 1,
                "(" if depth > 0 => depth -= 1,
                _ => break,
            }
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
    text.get(start..head.end)?;
    // Year after the name: "Act 1974".
    let mut end = head.end;
    let mut year = None;
    if let Some(y) = after(text, head) {
        if is_space_str(gap(text, head.end, y.start)) && y.end - y.start == 4 {
            if let Some(v) = year_of(y.str(text)).filter(|v| (1500..=2100).contains(v)) {
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
        name_end: head.end,
        end,
        year,
        used: false,
    })
}

/// Four digits as a number (a word has no sign, so this is what `parse` would give).
fn year_of(w: &str) -> Option<i32> {
    let b = w.as_bytes();
    (b.len() == 4 && b.iter().all(u8::is_ascii_digit))
        .then(|| b.iter().fold(0, |v, &c| v * 10 + i32::from(c - b'0')))
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
    let mut provisions: Vec<Provision> = Vec::new();
    let mut end = head.end;
    loop {
        let p = skip_spaces(text, pos);
        let Some(num) = number_at(text, p, unit) else {
            break;
        };
        let mut subs = subdivisions(text, num.end);
        let mut para = None;
        if unit == Unit::Schedule && subs.levels == 0 {
            // "Schedule 5, paragraph 5(2)"
            let q = skip_spaces(text, subs.end);
            let q = if text.as_bytes().get(q) == Some(&b',') {
                skip_spaces(text, q + 1)
            } else {
                q
            };
            if let Some(w) = word_at(text, q) {
                if matches!(w.str(text), "paragraph" | "para") {
                    if let Some(pn) = number_at(text, skip_spaces(text, w.end), Unit::Section) {
                        subs = subdivisions(text, pn.end);
                        para = Some(pn);
                    }
                }
            }
        }
        let label = match unit {
            Unit::Section => "",
            Unit::Part => "Part ",
            Unit::Schedule => "Schedule ",
            Unit::Regulation => "regulation ",
            Unit::Article => "article ",
        };
        // One path per alternative: `34H(3 and 4)` -> `34H, 3` and `34H, 4`.
        for alt in 0..subs.alts {
            let mut path = Provision::new();
            path.push(num.labelled(label));
            if let Some(pn) = &para {
                path.push(pn.labelled("paragraph "));
            }
            subs.push_alt(text, alt, &mut path);
            provisions.push(path);
        }
        end = subs.end;
        // Separator: ",", "and", "or", "&", ", and", optionally repeating the unit.
        let Some(next) = separator(text, subs.end) else {
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
        head: *head,
        end,
        provisions,
        used: false,
    })
}

/// A provision number as written: `26`, `26A`, `VII`, or `34 B` (a typing
/// slip) as `34` and `B`.
#[derive(Debug, Clone, Copy)]
struct Number<'a> {
    digits: &'a str,
    letter: &'a str,
    end: usize,
}

impl Number<'_> {
    /// `label` and the number (`Part 3A`), held inline when short.
    fn labelled(&self, label: &str) -> CompactString {
        let mut s =
            CompactString::with_capacity(label.len() + self.digits.len() + self.letter.len());
        s.push_str(label);
        s.push_str(self.digits);
        s.push_str(self.letter);
        s
    }
}

/// A provision number at `p`: `26`, `26A`, `34H`, `VII`; `34 B` (a typing slip) too.
fn number_at(text: &str, p: usize, unit: Unit) -> Option<Number<'_>> {
    let b = text.as_bytes();
    let w = word_at(text, p)?;
    let s = w.str(text);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let letters_ok = s
        .get(digits..)
        .is_some_and(|rest| rest.len() <= 2 && rest.bytes().all(|c| c.is_ascii_uppercase()));
    let whole = Number {
        digits: s,
        letter: "",
        end: w.end,
    };
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
                        return Some(Number {
                            digits: s,
                            letter: ls,
                            end: l.end,
                        });
                    }
                }
            }
        }
        // "5.2" is a paragraph of guidance, not a provision.
        if b.get(w.end) == Some(&b'.') && b.get(w.end + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        return Some(whole);
    }
    if unit == Unit::Part
        && !s.is_empty()
        && s.len() <= 5
        && s.bytes().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
    {
        return Some(whole);
    }
    None
}

/// The subdivisions after a number, `(1)`, `(6)(a)`, `(1B)`, `(3 and 4)`:
/// one level a bracket, each with one or more parts. Only counted here; the
/// parts are read again when each path is built, which costs less than
/// holding them (a level is a few bytes).
#[derive(Debug, Clone, Copy)]
struct Subs {
    start: usize,
    end: usize,
    levels: usize,
    /// The product of the levels' part counts: `(3 and 4)(a)` -> 2.
    alts: usize,
}

fn subdivisions(text: &str, pos: usize) -> Subs {
    let mut s = Subs {
        start: pos,
        end: pos,
        levels: 0,
        alts: 1,
    };
    while let Some((inner, next)) = bracket_at(text, s.end) {
        let Some(n) = part_count(inner) else {
            break;
        };
        if s.alts * n > 32 {
            break;
        }
        s.alts *= n;
        s.levels += 1;
        s.end = next;
    }
    s
}

impl Subs {
    /// Appends alternative `alt`'s parts to `path`. Alternatives run in
    /// reading order with the last bracket varying fastest: `(1 and 2)(a
    /// and b)` -> `1 a`, `1 b`, `2 a`, `2 b`.
    fn push_alt(&self, text: &str, alt: usize, path: &mut Provision) {
        let mut pos = self.start;
        let mut rest = alt;
        // Alternatives per choice at the current level.
        let mut stride = self.alts;
        for _ in 0..self.levels {
            let Some((inner, next)) = bracket_at(text, pos) else {
                return;
            };
            pos = next;
            if is_part(inner) {
                // One part: no choice to make here.
                path.push(inner);
                continue;
            }
            stride /= parts(inner).count().max(1);
            let stride1 = stride.max(1);
            if let Some(p) = parts(inner).nth(rest / stride1) {
                path.push(p);
            }
            rest %= stride1;
        }
    }
}

/// A bracket at `pos` that closes within 16 bytes: its inside and the end.
fn bracket_at(text: &str, pos: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    if b.get(pos) != Some(&b'(') {
        return None;
    }
    let close = b.get(pos + 1..)?.iter().take(16).position(|&c| c == b')')?;
    Some((
        text.get(pos + 1..pos + 1 + close).unwrap_or(""),
        pos + close + 2,
    ))
}

/// How many parts a bracket holds, if each is a short word.
fn part_count(inner: &str) -> Option<usize> {
    // Most hold one: `(1)`, `(a)`, `(1B)`. Such an inside has no separator
    // and nothing to trim, so it is its only part.
    if is_part(inner) {
        return Some(1);
    }
    let mut n = 0;
    for p in parts(inner) {
        if !is_part(p) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

fn is_part(p: &str) -> bool {
    !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_alphanumeric())
}

/// The parts of a bracket's inside: `3 and 4` -> `3`, `4`; split at `,`,
/// ` and `, ` or `.
fn parts(inner: &str) -> impl Iterator<Item = &str> {
    inner
        .split(',')
        .flat_map(|s| SplitLit::new(s, " and "))
        .flat_map(|s| SplitLit::new(s, " or "))
        .map(str::trim)
}

/// `str::split` by a literal, for a few bytes: `str::split(&str)` sets up a
/// two-way searcher for every piece, which costs more than the search.
struct SplitLit<'a> {
    rest: Option<&'a str>,
    pat: &'static str,
}

impl<'a> SplitLit<'a> {
    fn new(s: &'a str, pat: &'static str) -> Self {
        SplitLit { rest: Some(s), pat }
    }
}

impl<'a> Iterator for SplitLit<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        let pat = self.pat.as_bytes();
        let found = rest
            .as_bytes()
            .windows(pat.len())
            .position(|w| w == pat)
            .and_then(|i| Some((rest.get(..i)?, rest.get(i + pat.len()..)?)));
        match found {
            Some((piece, tail)) => {
                self.rest = Some(tail);
                Some(piece)
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// After a provision: a list separator followed by another number (or unit).
fn separator(text: &str, pos: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut q = skip_spaces(text, pos);
    // Most provisions end their group: that shows on one byte.
    if !matches!(b.get(q), Some(b',' | b'&' | b'a' | b'o')) {
        return None;
    }
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
fn group_after_comma(text: &str, groups: &[Group], pos: usize) -> Option<usize> {
    let at = comma_then(text, pos)?;
    let i = groups.binary_search_by_key(&at, |g| g.head.start).ok()?;
    groups.get(i).is_some_and(|g| !g.used).then_some(i)
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
/// no apostrophes, no plural or possessive `s`. The reference
/// [`same_name`] is tested against.
#[cfg(test)]
pub(crate) fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in key_words(name) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.map(char::from));
    }
    out
}

/// `name_key(a) == name_key(b)`, without building either key.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    // The usual case: the same Act cited again, written the same way.
    if a == b {
        return true;
    }
    let mut a = key_words(a);
    let mut b = key_words(b);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if !x.eq(y) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// The words of a name's key, each as its key bytes. Words are split at
/// ASCII whitespace and NBSP (`C2 A0`: in UTF-8 those bytes are only ever
/// NBSP); a word keeps its ASCII letters and digits, lower-cased, less a
/// final `s` when more than one remains; a word with none is left out.
fn key_words(name: &str) -> impl Iterator<Item = impl Iterator<Item = u8> + '_> + '_ {
    let b = name.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let start = i;
        let mut end = start;
        // Up to the next separator; `i` goes past it.
        loop {
            match b.get(end) {
                None => {
                    i = end;
                    break;
                }
                Some(c) if c.is_ascii_whitespace() => {
                    i = end + 1;
                    break;
                }
                Some(0xC2) if b.get(end + 1) == Some(&0xA0) => {
                    i = end + 2;
                    break;
                }
                Some(_) => end += 1,
            }
        }
        let word = b.get(start..end).unwrap_or_default();
        let kept = word.iter().filter(|c| c.is_ascii_alphanumeric());
        let len = kept.clone().count();
        if len > 0 {
            let plural = len > 1
                && word
                    .iter()
                    .rfind(|c| c.is_ascii_alphanumeric())
                    .is_some_and(|c| c.eq_ignore_ascii_case(&b's'));
            return Some(
                kept.take(len - usize::from(plural))
                    .map(u8::to_ascii_lowercase),
            );
        }
        if end >= b.len() {
            return None;
        }
    })
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

    fn paths(v: &[&[&str]]) -> Vec<Provision> {
        v.iter().map(|p| p.iter().copied().collect()).collect()
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

    /// Alternatives, schedule paragraphs and continuations, pinned to what
    /// the scanner gave before provisions were built lazily.
    #[test]
    fn provisions_and_continuations() {
        let cases: &[(&str, &str)] = &[
            (
                "(Local Government Act 1974, section 34H(3 and 4)(a), as amended)",
                r#"[("Local Government Act 1974, section 34H(3 and 4)(a), as amended", Legislation { instrument: Some("Local Government Act"), year: Some(1974), provisions: [["34H", "3", "a"], ["34H", "4", "a"]], as_amended: true, refers_to: None }, None)]"#,
            ),
            (
                "see section 5(1 and 2)(a or b) here",
                r#"[("section 5(1 and 2)(a or b)", Legislation { instrument: None, year: None, provisions: [["5", "1", "a"], ["5", "1", "b"], ["5", "2", "a"], ["5", "2", "b"]], as_amended: false, refers_to: None }, None)]"#,
            ),
            (
                "see section 5(1, 2 and 3) and 7(4)",
                r#"[("section 5(1, 2 and 3) and 7(4)", Legislation { instrument: None, year: None, provisions: [["5", "1"], ["5", "2"], ["5", "3"], ["7", "4"]], as_amended: false, refers_to: None }, None)]"#,
            ),
            (
                "see section 5(1,2,3,4,5,6)(a,b,c,d,e,f) here",
                r#"[("section 5(1,2,3,4,5,6)", Legislation { instrument: None, year: None, provisions: [["5", "1"], ["5", "2"], ["5", "3"], ["5", "4"], ["5", "5"], ["5", "6"]], as_amended: false, refers_to: None }, None)]"#,
            ),
            (
                "see section 5( 1 and 2 ) here",
                r#"[("section 5( 1 and 2 )", Legislation { instrument: None, year: None, provisions: [["5", "1"], ["5", "2"]], as_amended: false, refers_to: None }, None)]"#,
            ),
            (
                "under Schedule 5, paragraph 5(2 and 3) of the Care Act 2014",
                r#"[("Schedule 5, paragraph 5(2 and 3) of the Care Act 2014", Legislation { instrument: Some("Care Act"), year: Some(2014), provisions: [["Schedule 5", "paragraph 5", "2"], ["Schedule 5", "paragraph 5", "3"]], as_amended: false, refers_to: None }, None)]"#,
            ),
            (
                "under Schedule 5 para 7 and Schedule 6",
                r#"[("Schedule 5 para 7 and Schedule 6", Legislation { instrument: None, year: None, provisions: [["Schedule 5", "paragraph 7"], ["Schedule 6"]], as_amended: false, refers_to: None }, None)]"#,
            ),
            (
                "Care Act 2014, section 5 of the Housing Act 1996",
                r#"[("Care Act 2014, section 5", Legislation { instrument: Some("Care Act"), year: Some(2014), provisions: [["5"]], as_amended: false, refers_to: None }, None)]"#,
            ),
            (
                "Part 3A of that Act, section 6(1), as amended, and more",
                r#"[("Part 3A of that Act, section 6(1), as amended", Legislation { instrument: None, year: None, provisions: [["Part 3A"], ["6", "1"]], as_amended: true, refers_to: None }, ThatAct)]"#,
            ),
            (
                "Part 3A of the said Act, as amended, section 6",
                r#"[("Part 3A", Legislation { instrument: None, year: None, provisions: [["Part 3A"]], as_amended: false, refers_to: None }, None), ("section 6", Legislation { instrument: None, year: None, provisions: [["6"]], as_amended: false, refers_to: None }, None)]"#,
            ),
            (
                "(Care Act 2014, sections 34 B, 34C, as amended, section 9)",
                r#"[("Care Act 2014, sections 34 B, 34C, as amended, section 9", Legislation { instrument: Some("Care Act"), year: Some(2014), provisions: [["34B"], ["34C"], ["9"]], as_amended: true, refers_to: None }, None)]"#,
            ),
            (
                "section 20, and section 21 of the Children Act 1989, as amended",
                r#"[("section 20, and section 21 of the Children Act 1989, as amended", Legislation { instrument: Some("Children Act"), year: Some(1989), provisions: [["20"], ["21"]], as_amended: true, refers_to: None }, None)]"#,
            ),
            (
                "Children Act 1989 section 17 and s.20 of that Act",
                r#"[("Children Act 1989", Legislation { instrument: Some("Children Act"), year: Some(1989), provisions: [], as_amended: false, refers_to: None }, None), ("section 17", Legislation { instrument: None, year: None, provisions: [["17"]], as_amended: false, refers_to: None }, None), ("s.20 of that Act", Legislation { instrument: None, year: None, provisions: [["20"]], as_amended: false, refers_to: None }, ThatAct)]"#,
            ),
            (
                "Parts VII and 3 of the Housing Act 1996",
                r#"[("Parts VII and 3 of the Housing Act 1996", Legislation { instrument: Some("Housing Act"), year: Some(1996), provisions: [["Part VII"], ["Part 3"]], as_amended: false, refers_to: None }, None)]"#,
            ),
            (
                "regulation 13(1)(b) and article 4 of the Care Regulations 2014",
                r#"[("regulation 13(1)(b) and article 4 of the Care Regulations 2014", Legislation { instrument: Some("Care Regulations"), year: Some(2014), provisions: [["regulation 13", "1", "b"], ["article 4"]], as_amended: false, refers_to: None }, None)]"#,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(format!("{:?}", cites(text)), *want, "{text}");
        }
    }

    #[test]
    fn name_keys() {
        assert_eq!(name_key("Childrens’ Act"), "children act");
        assert_eq!(
            name_key(" Local\u{a0}Government  (Wales) Act "),
            "local government wale act"
        );
        assert_eq!(name_key("Care - Act"), "care act");
        let names = [
            "Children Act",
            "Childrens’ Act",
            "Children's Act",
            "CHILDREN  ACT",
            "Children Acts",
            "Child Act",
            "Children Act s",
            "Children",
            "",
            " - ",
            "Local\u{a0}Government Act",
            "Local Government Act",
            "Local Government and Public Involvement in Health Act",
        ];
        for a in names {
            for b in names {
                assert_eq!(same_name(a, b), name_key(a) == name_key(b), "{a:?} {b:?}");
            }
        }
    }
}
