//! Parties: the complainant's pseudonym (`Ms X`, `Mr and Mrs X`, `Mr L`) and
//! other lettered people (`Y`, `Z`, `Mrs C`), each with its mentions.
//!
//! The scanner reports mentions; [`super::extract`] groups them by name, keeps
//! bare letters only when they recur (or are introduced in quotes), and decides
//! who the complainant is.

use serde::{Deserialize, Serialize};

use crate::span::Span;

use super::text::{after, before, gap, is_space_str, Words, PARTIES};

/// A person (or body) the decision refers to, with every mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Party {
    /// The name as the decision uses it: `Ms X`, `Y`.
    pub name: String,
    /// `Mr`, `Mrs`, `Ms`, `Miss`, `Mx`, `Dr`; null for a bare letter.
    pub title: Option<String>,
    /// The pseudonym letter.
    pub letter: String,
    pub role: PartyRole,
    /// Every mention, in document order (the entity's own span is the first).
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// The person who complained (or both, for `Mr and Mrs X`).
    Complainant,
    /// Anyone else given a letter: a child, a relative, an officer.
    Other,
}

/// One place a party is named (the text is `input[span]`; not repeated here,
/// as a decision can name its complainant a hundred times). For `Mr and Mrs X`
/// both parties share the span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Mention {
    pub span: Span,
    pub paragraph: Option<u32>,
}

/// A person's name: title (or none for a bare letter) and letter. Copy, so
/// grouping mentions allocates nothing.
pub(crate) type Name = (Option<&'static str>, u8);

/// A mention found by the scanner: `start..end` relative to the text, and
/// the names it mentions (two for `Mr and Mrs X`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub names: [Option<Name>; 2],
    /// Written in quotes (`‘B’`): the decision introducing a pseudonym.
    pub quoted: bool,
}

const TITLES: [&str; 7] = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Master"];

fn title_of(w: &str) -> Option<&'static str> {
    if !matches!(w.as_bytes().first(), Some(b'M') | Some(b'D')) {
        return None;
    }
    TITLES.iter().copied().find(|t| *t == w)
}

fn is_letter(w: &str) -> bool {
    w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Words after which a capital letter is a label, not a person (`Part B`).
fn is_label_word(w: &str) -> bool {
    // Lower-cased on the stack: every label word has at most 9 letters.
    let mut buf = [0u8; 9];
    let Some(dst) = buf.get_mut(..w.len()) else {
        return false;
    };
    dst.copy_from_slice(w.as_bytes());
    dst.make_ascii_lowercase();
    matches!(
        std::str::from_utf8(dst).unwrap_or(""),
        "part"
            | "parts"
            | "schedule"
            | "appendix"
            | "annex"
            | "annexe"
            | "plan"
            | "section"
            | "class"
            | "band"
            | "grade"
            | "type"
            | "category"
            | "form"
            | "block"
            | "flat"
            | "room"
            | "unit"
            | "ward"
            | "stage"
            | "level"
            | "phase"
            | "option"
            | "route"
            | "zone"
            | "article"
            | "vitamin"
            | "hepatitis"
            | "team"
            | "area"
            | "tier"
            | "priority"
            | "list"
            | "group"
            | "item"
            | "point"
            | "exhibit"
            | "document"
            | "page"
            | "step"
            | "box"
            | "question"
            | "site"
            | "house"
            | "wing"
            | "floor"
            | "building"
            | "road"
            | "school"
            | "street"
            | "company"
            | "council"
            | "home"
    )
}

/// Finds mentions of lettered people in `text`, given its words, and
/// appends them to `out` (a buffer reused across pieces).
pub(crate) fn scan(text: &str, words: &Words, out: &mut Vec<Found>) {
    let b = text.as_bytes();
    // Words starting before this offset belong to the mention before.
    let mut taken = 0;
    // A letter rejected as a label makes the next "and B" a label too: the
    // start of the word two after it.
    let mut label_run_until: Option<usize> = None;
    for t in words.lane(PARTIES) {
        if t.start < taken {
            continue;
        }
        let w = t.str(text);
        if let Some(title) = title_of(w) {
            let next = after(text, t);
            // "Mr and Mrs X"
            if let Some(and) = next.filter(|n| n.str(text) == "and") {
                let t2 = after(text, &and);
                let l = t2.as_ref().and_then(|t2| after(text, t2));
                if let (Some(t2), Some(l)) = (t2, l) {
                    if is_space_str(gap(text, t.end, and.start))
                        && is_space_str(gap(text, and.end, t2.start))
                        && title_sep(gap(text, t2.end, l.start))
                        && is_letter(l.str(text))
                        && letter_ends(b, l.end)
                    {
                        if let Some(title2) = title_of(t2.str(text)) {
                            out.push(Found {
                                start: t.start,
                                end: l.end,
                                names: [
                                    Some((Some(title), l.first)),
                                    Some((Some(title2), l.first)),
                                ],
                                quoted: false,
                            });
                            taken = l.end;
                            continue;
                        }
                    }
                }
            }
            if let Some(l) = next {
                if title_sep(gap(text, t.end, l.start))
                    && is_letter(l.str(text))
                    && letter_ends(b, l.end)
                {
                    out.push(Found {
                        start: t.start,
                        end: l.end,
                        names: [Some((Some(title), l.first)), None],
                        quoted: false,
                    });
                    taken = l.end;
                }
            }
            continue;
        }
        if is_letter(w) && w != "I" && w != "A" {
            let prev = before(text, t);
            let prev_word = prev.map(|p| p.str(text)).unwrap_or("");
            let before_byte = t.start.checked_sub(1).and_then(|i| b.get(i)).copied();
            let is_label = prev.is_some_and(|p| is_space_str(gap(text, p.end, t.start)))
                && (is_label_word(prev_word)
                    || (matches!(prev_word, "and" | "or" | "to")
                        && label_run_until == Some(t.start)));
            // "COUNCIL’S": an apostrophe glued to the word before.
            let apostrophe_s = matches!(before_byte, Some(b'\'') | Some(0x99))
                && prev.is_some_and(|p| p.end + 3 >= t.start && p.end < t.start);
            let glued = before_byte
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-' || c == b'/')
                || matches!(b.get(t.end), Some(b'.') if b.get(t.end + 1).is_some_and(u8::is_ascii_alphanumeric))
                || matches!(b.get(t.end), Some(b'-') | Some(b'/') | Some(b'&'));
            let bracket = before_byte == Some(b'(') || b.get(t.end) == Some(&b')');
            if is_label {
                label_run_until = after(text, t)
                    .and_then(|n| after(text, &n))
                    .map(|n| n.start);
            } else if !apostrophe_s && !glued && !bracket && letter_ends(b, t.end) {
                let quoted = quote_before(text, t.start) && quote_after(text, t.end);
                out.push(Found {
                    start: t.start,
                    end: t.end,
                    names: [Some((None, t.first)), None],
                    quoted,
                });
            }
        }
    }
}

/// `Ms X`, or `Y` for a bare letter.
pub(crate) fn name_of((title, letter): Name) -> String {
    let letter = char::from(letter);
    match title {
        Some(t) => format!("{t} {letter}"),
        None => letter.to_string(),
    }
}

/// A title and its letter are separated by a space (or `. `).
fn title_sep(g: &str) -> bool {
    is_space_str(g) || g.strip_prefix('.').is_some_and(is_space_str)
}

/// The letter is a whole word: not `X1`, not `X-ray`.
fn letter_ends(b: &[u8], end: usize) -> bool {
    let glued = b.get(end).is_some_and(|c| c.is_ascii_alphanumeric());
    let hyphenated =
        b.get(end) == Some(&b'-') && b.get(end + 1).is_some_and(u8::is_ascii_alphabetic);
    !glued && !hyphenated
}

fn quote_before(text: &str, at: usize) -> bool {
    text.get(..at).is_some_and(|s| {
        s.ends_with('\u{2018}') || s.ends_with('\'') || s.ends_with('"') || s.ends_with('\u{201c}')
    })
}

fn quote_after(text: &str, at: usize) -> bool {
    text.get(at..).is_some_and(|s| {
        s.starts_with('\u{2019}')
            || s.starts_with('\'')
            || s.starts_with('"')
            || s.starts_with('\u{201d}')
    }) && !text
        .get(at..)
        .is_some_and(|s| s.starts_with("\u{2019}s") || s.starts_with("'s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        scan(t, &Words::of(t), &mut out);
        out.into_iter()
            .map(|f| {
                let names = f.names.iter().flatten().map(|n| name_of(*n)).collect();
                (t[f.start..f.end].to_string(), names)
            })
            .collect()
    }

    #[test]
    fn titled_and_bare() {
        let v = found("Ms X’s two children, Y and Z are in foster placements.");
        let names: Vec<&str> = v.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["Ms X", "Y", "Z"]);
        let v = found("Mr and Mrs X attended one session. Mr X had contact.");
        assert_eq!(v[0].0, "Mr and Mrs X");
        assert_eq!(v[0].1, ["Mr X", "Mrs X"]);
        assert_eq!(v[1].0, "Mr X");
        let v = found("Her son, ‘B’, has needs. B missed support.");
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn not_parties() {
        assert!(
            found("I have investigated parts a) and b). A council. Part B and C of the form.")
                .is_empty()
        );
        assert!(
            found("section 34(B), COUNCIL’S view, X-ray, Plan B, Mr Smith, the U.K.").is_empty()
        );
    }
}
