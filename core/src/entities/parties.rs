//! Parties: the complainant's pseudonym (`Ms X`, `Mr and Mrs X`, `Mr L`) and
//! other lettered people (`Y`, `Z`, `Mrs C`), each with its mentions.
//!
//! The scanner reports mentions; [`super::extract`] groups them by name, keeps
//! bare letters only when they recur (or are introduced in quotes), and decides
//! who the complainant is.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::span::Span;

use super::text::{after, before, skip_space_bytes, word_from, Tok, Words, PARTIES};

/// A person (or body) the decision refers to, with every mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Party {
    /// The name as the decision uses it: `Ms X`, `Y`.
    pub name: CompactString,
    /// `Mr`, `Mrs`, `Ms`, `Miss`, `Mx`, `Dr`; null for a bare letter.
    pub title: Option<CompactString>,
    /// The pseudonym letter.
    pub letter: CompactString,
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
pub(crate) type Name = (Option<Title>, u8);

/// A title before a pseudonym's letter. A byte, not the title's text, so
/// that grouping mentions compares names without comparing strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Title {
    Mr,
    Mrs,
    Ms,
    Miss,
    Mx,
    Dr,
    Master,
}

impl Title {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Title::Mr => "Mr",
            Title::Mrs => "Mrs",
            Title::Ms => "Ms",
            Title::Miss => "Miss",
            Title::Mx => "Mx",
            Title::Dr => "Dr",
            Title::Master => "Master",
        }
    }
}

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

/// The title `w` is (`Mr`, `Mrs`, `Ms`, `Miss`, `Mx`, `Dr`, `Master`; as
/// written, not in other cases), matched on its bytes.
#[inline]
fn title_of(w: &[u8]) -> Option<Title> {
    Some(match w {
        b"Mr" => Title::Mr,
        b"Mrs" => Title::Mrs,
        b"Ms" => Title::Ms,
        b"Miss" => Title::Miss,
        b"Mx" => Title::Mx,
        b"Dr" => Title::Dr,
        b"Master" => Title::Master,
        _ => return None,
    })
}

fn is_letter(w: &[u8]) -> bool {
    matches!(w, [b'A'..=b'Z'])
}

/// Words after which a capital letter is a label, not a person (`Part B`),
/// in any case.
const LABEL_WORDS: [&[u8]; 53] = [
    b"part",
    b"parts",
    b"schedule",
    b"appendix",
    b"annex",
    b"annexe",
    b"plan",
    b"section",
    b"class",
    b"band",
    b"grade",
    b"type",
    b"category",
    b"form",
    b"block",
    b"flat",
    b"room",
    b"unit",
    b"ward",
    b"stage",
    b"level",
    b"phase",
    b"option",
    b"route",
    b"zone",
    b"article",
    b"vitamin",
    b"hepatitis",
    b"team",
    b"area",
    b"tier",
    b"priority",
    b"list",
    b"group",
    b"item",
    b"point",
    b"exhibit",
    b"document",
    b"page",
    b"step",
    b"box",
    b"question",
    b"site",
    b"house",
    b"wing",
    b"floor",
    b"building",
    b"road",
    b"school",
    b"street",
    b"company",
    b"council",
    b"home",
];

/// For each pair of first two letters (lower case), the lengths of the
/// [`LABEL_WORDS`] starting so (bit `n` for length `n`): the words before a
/// letter (`and`, `that`, `child`) are nearly all ruled out by one load and
/// a shift. Built at compile time.
// The builder indexes at compile time: a bad index fails the build.
#[allow(clippy::indexing_slicing)]
const LABEL_LENS: [u16; 26 * 26] = {
    let mut t = [0u16; 26 * 26];
    let mut i = 0;
    while i < LABEL_WORDS.len() {
        let w = LABEL_WORDS[i];
        t[(w[0] - b'a') as usize * 26 + (w[1] - b'a') as usize] |= 1 << w.len();
        i += 1;
    }
    t
};

/// Is `w` one of the [`LABEL_WORDS`], in any case?
fn is_label_word(w: &[u8]) -> bool {
    let &[a, b, ..] = w else {
        return false;
    };
    let letter = |c: u8| usize::from(c.to_ascii_lowercase().wrapping_sub(b'a')).min(26);
    let (a, b) = (letter(a), letter(b));
    let lens = if a < 26 && b < 26 {
        LABEL_LENS.get(a * 26 + b).copied().unwrap_or(0)
    } else {
        0
    };
    if w.len() >= 16 || (lens >> w.len()) & 1 == 0 {
        return false;
    }
    LABEL_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w))
}

/// Finds mentions of lettered people in `text`, given its words, and
/// appends them to `out` (a buffer reused across pieces).
///
/// The words around a candidate are read from the bytes next to it (spaces,
/// then a word), so a candidate with anything else beside it is settled
/// without scanning on for the next word.
pub(crate) fn scan(text: &str, words: &Words, out: &mut Vec<Found>) {
    let b = text.as_bytes();
    // Words starting before this offset belong to the mention before.
    let mut taken = 0;
    // A letter rejected as a label makes the next "and B" a label too: the
    // start of the word two after it.
    let mut label_run_until: Option<usize> = None;
    for t in words.lane(PARTIES) {
        let t = &t;
        if t.start < taken {
            continue;
        }
        let w = bytes(text, t);
        // Titles are longer than a letter.
        if w.len() > 1 {
            if let Some(f) = title_of(w).and_then(|title| titled(text, t, title)) {
                taken = f.end;
                out.push(f);
            }
            continue;
        }
        if !is_letter(w) || w == b"I" || w == b"A" {
            continue;
        }
        // The word before, when only spaces separate it from the letter.
        let prev_word = spaced_word_before(text, t.start);
        let is_label = prev_word.is_some_and(|p| {
            is_label_word(p)
                || (matches!(p, b"and" | b"or" | b"to") && label_run_until == Some(t.start))
        });
        if is_label {
            label_run_until = after(text, t)
                .and_then(|n| after(text, &n))
                .map(|n| n.start);
            continue;
        }
        let before_byte = t.start.checked_sub(1).and_then(|i| b.get(i)).copied();
        let after_byte = b.get(t.end).copied();
        let glued = before_byte
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-' || c == b'/')
            || matches!(after_byte, Some(b'.') if b.get(t.end + 1).is_some_and(u8::is_ascii_alphanumeric))
            || matches!(after_byte, Some(b'-' | b'/' | b'&'));
        let bracket = before_byte == Some(b'(') || after_byte == Some(b')');
        if glued || bracket || !letter_ends(b, t.end) {
            continue;
        }
        // "COUNCIL’S": an apostrophe glued to the word before (read only
        // when there is an apostrophe).
        let apostrophe_s = matches!(before_byte, Some(b'\'' | 0x99))
            && before(text, t).is_some_and(|p| p.end + 3 >= t.start && p.end < t.start);
        if !apostrophe_s {
            let quoted = quote_before(b, t.start) && quote_after(b, t.end);
            out.push(Found {
                start: t.start,
                end: t.end,
                names: [Some((None, t.first)), None],
                quoted,
            });
        }
    }
}

/// `Mr X` or `Mr and Mrs X` at the title `t`: the mention, if the letter
/// follows. Read on the bytes after the title: a letter is one capital
/// with a word boundary after it, so no word needs scanning to its end.
fn titled(text: &str, t: &Tok, title: Title) -> Option<Found> {
    let b = text.as_bytes();
    let (i, dot) = after_title(b, t.end)?;
    if let Some(letter) = letter_at(b, i) {
        return Some(Found {
            start: t.start,
            end: i + 1,
            names: [Some((Some(title), letter)), None],
            quoted: false,
        });
    }
    // "Mr and Mrs X": only spaces before and after `and`.
    let is_and =
        b.get(i..i + 3) == Some(b"and") && !b.get(i + 3).is_some_and(u8::is_ascii_alphanumeric);
    if dot || !is_and {
        return None;
    }
    let t2 = spaced_word_after(text, i + 3)?;
    let title2 = title_of(bytes(text, &t2))?;
    let (j, _) = after_title(b, t2.end)?;
    let letter = letter_at(b, j)?;
    Some(Found {
        start: t.start,
        end: j + 1,
        names: [Some((Some(title), letter)), Some((Some(title2), letter))],
        quoted: false,
    })
}

/// Where the word after a title ending at `end` may start: after spaces, or
/// `.` and spaces (`Mr. X`); and whether there is the `.`.
fn after_title(b: &[u8], end: usize) -> Option<(usize, bool)> {
    let dot = b.get(end) == Some(&b'.');
    let from = end + usize::from(dot);
    let i = skip_space_bytes(b, from);
    (i > from).then_some((i, dot))
}

/// The capital at `i` when it is a whole word (a letter of a pseudonym).
fn letter_at(b: &[u8], i: usize) -> Option<u8> {
    b.get(i)
        .copied()
        .filter(|c| c.is_ascii_uppercase() && letter_ends(b, i + 1))
}

/// The bytes of the word `t` (ASCII letters and digits).
fn bytes<'a>(text: &'a str, t: &Tok) -> &'a [u8] {
    text.as_bytes().get(t.start..t.end).unwrap_or_default()
}

/// The word starting at `i` after at least one space from `from` on (what
/// [`after`] gives when [`is_space_str`](super::text::is_space_str) holds for
/// the gap).
fn spaced_word_after(text: &str, from: usize) -> Option<Tok> {
    let i = skip_space_bytes(text.as_bytes(), from);
    if i == from {
        return None;
    }
    word_from(text, i)
}

/// The word before offset `start` when only spaces (at least one) come
/// between: what [`before`] gives when
/// [`is_space_str`](super::text::is_space_str) holds for the gap.
fn spaced_word_before(text: &str, start: usize) -> Option<&[u8]> {
    let b = text.as_bytes();
    let mut i = start;
    loop {
        match i.checked_sub(1).and_then(|j| b.get(j)) {
            Some(b' ' | b'\t') => i -= 1,
            // A no-break space: 0xA0 after 0xC2, which only ever leads one.
            Some(0xA0) if i >= 2 && b.get(i - 2) == Some(&0xC2) => i -= 2,
            _ => break,
        }
    }
    if i == start {
        return None;
    }
    let head = b.get(..i)?;
    let word_start = head
        .iter()
        .rposition(|c| !c.is_ascii_alphanumeric())
        .map_or(0, |k| k + 1);
    head.get(word_start..).filter(|w| !w.is_empty())
}

/// `Ms X`, or `Y` for a bare letter.
pub(crate) fn name_of((title, letter): Name) -> CompactString {
    let mut name = CompactString::const_new("");
    if let Some(t) = title {
        name.push_str(t.as_str());
        name.push(' ');
    }
    name.push(char::from(letter));
    name
}

/// The letter is a whole word: not `X1`, not `X-ray`.
fn letter_ends(b: &[u8], end: usize) -> bool {
    let glued = b.get(end).is_some_and(|c| c.is_ascii_alphanumeric());
    let hyphenated =
        b.get(end) == Some(&b'-') && b.get(end + 1).is_some_and(u8::is_ascii_alphabetic);
    !glued && !hyphenated
}

/// `‘`, `'`, `"` or `“` just before `at`.
fn quote_before(b: &[u8], at: usize) -> bool {
    matches!(
        b.get(..at),
        Some([.., 0xE2, 0x80, 0x98 | 0x9C] | [.., b'\'' | b'"'])
    )
}

/// `’`, `'`, `"` or `”` at `at`, but not the `’s` of a possessive.
fn quote_after(b: &[u8], at: usize) -> bool {
    match b.get(at..) {
        Some([0xE2, 0x80, 0x99, b's', ..] | [b'\'', b's', ..]) => false,
        Some([0xE2, 0x80, 0x99 | 0x9D, ..] | [b'\'' | b'"', ..]) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        scan(t, &Words::of(t), &mut out);
        out.into_iter()
            .map(|f| {
                let names = f
                    .names
                    .iter()
                    .flatten()
                    .map(|n| name_of(*n).into())
                    .collect();
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
    fn titles_and_quotes() {
        let v = found("Mr. X and Dr\u{a0}Y met Mrs and Mr Z. Mr and Ms. W too.");
        let got: Vec<(&str, Vec<String>)> =
            v.iter().map(|(s, n)| (s.as_str(), n.clone())).collect();
        assert_eq!(
            got,
            [
                ("Mr. X", vec!["Mr X".to_string()]),
                ("Dr\u{a0}Y", vec!["Dr Y".to_string()]),
                (
                    "Mrs and Mr Z",
                    vec!["Mrs Z".to_string(), "Mr Z".to_string()]
                ),
                ("Mr and Ms. W", vec!["Mr W".to_string(), "Ms W".to_string()])
            ]
        );
        // Not a pair: `and` after a full stop, or a second word that is no title.
        let v = found("Mr. and Mrs X; Mr and Smith X");
        let got: Vec<&str> = v.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(got, ["Mrs X", "X"]);
        // Not a letter after the title; `Mr,X` leaves a bare `X`.
        let v = found("Mr XY, Mr X1, Mr X-ray, Mr,X");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "X");

        let mut out = Vec::new();
        let t = "her son \u{2018}B\u{2019} and \"C\", not D\u{2019}s or \u{201c}E\u{201d}";
        scan(t, &Words::of(t), &mut out);
        let quoted: Vec<(&str, bool)> =
            out.iter().map(|f| (&t[f.start..f.end], f.quoted)).collect();
        assert_eq!(
            quoted,
            [("B", true), ("C", true), ("D", false), ("E", true)]
        );
    }

    #[test]
    fn label_runs() {
        // A label makes the letter two words on a label too.
        assert!(found("Part B and C; Annex D or E; ZONE F to G").is_empty());
        // Also across a comma; but not past another word.
        let v = found("Part B, and C was there; Plan B and then C");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "C");
        assert!(found("COUNCIL\u{2019}S and COUNCIL'S view").is_empty());
        assert!(found("(B) and B) and A and I").is_empty());
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
