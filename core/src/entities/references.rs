//! Paragraph references: `at paragraph 38`, `paragraphs 6 and 7 below`,
//! `paragraphs 12 to 15`. The numbers are the website's (document-wide)
//! ordinals; [`super::extract`] resolves them against the tree.

use serde::{Deserialize, Serialize};

use crate::span::Span;

use super::text::{before, next_word, skip_spaces, word_at, Tok, Words, REFERENCES};

/// A cross-reference to paragraphs of the same decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParagraphRef {
    /// The ordinals cited, ranges expanded, in the order written.
    pub targets: Vec<u32>,
    /// The spans of the cited paragraphs found in the tree, in the order of `targets`.
    pub resolved: Vec<Span>,
    /// Cited ordinals with no paragraph in the tree (each also gets a diagnostic).
    pub unresolved: Vec<u32>,
    /// `above` or `below` as written, when present.
    pub direction: Option<Direction>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Above,
    Below,
}

/// Longest range expanded (`paragraphs 1 to 4000000` is damage, not a reference).
const MAX_RANGE: u32 = 200;

/// Finds paragraph references in `text` and appends them to `out` (a buffer
/// reused across pieces); ranges are relative to `text`.
pub(crate) fn scan(text: &str, words: &Words, out: &mut Vec<(usize, usize, ParagraphRef)>) {
    for t in words.lane(REFERENCES) {
        let t = &t;
        if !matches!(t.first, b'p' | b'P') || !matches!(t.len(), 4 | 5 | 9 | 10) {
            continue;
        }
        let w = t.str(text);
        if !["paragraph", "paragraphs", "para", "paras"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k))
        {
            continue;
        }
        // "Schedule 5, paragraph 5(2)" is legislation.
        let two_back = before(text, t).and_then(|p| before(text, &p));
        if two_back.is_some_and(|p| p.str(text).eq_ignore_ascii_case("schedule")) {
            continue;
        }
        if let Some(r) = reference_at(text, t.end) {
            out.push((t.start, r.0, r.1));
        }
    }
}

fn reference_at(text: &str, mut pos: usize) -> Option<(usize, ParagraphRef)> {
    let b = text.as_bytes();
    if b.get(pos) == Some(&b'.') {
        pos += 1; // "para. 5"
    }
    let mut targets: Vec<u32> = Vec::new();
    let mut end = pos;
    let mut range_from: Option<u32> = None;
    loop {
        let p = skip_spaces(text, pos);
        let Some(w) = word_at(text, p) else { break };
        let Some(n) = number(text, w) else { break };
        // "paragraph 5(2)" and "paragraph 3.2" cite another document's numbering.
        if matches!(b.get(w.end), Some(b'('))
            || (b.get(w.end) == Some(&b'.') && b.get(w.end + 1).is_some_and(u8::is_ascii_digit))
        {
            return None;
        }
        match range_from.take() {
            Some(from) if from < n && n - from <= MAX_RANGE => targets.extend(from + 1..=n),
            Some(_) => return None,
            None => targets.push(n),
        }
        end = w.end;
        // Separator.
        let q = skip_spaces(text, end);
        match b.get(q) {
            Some(b',') => {
                pos = q + 1;
                if let Some(a) = next_word(text, pos).filter(|a| a.str(text) == "and") {
                    pos = a.end;
                }
            }
            Some(b'-') => {
                range_from = Some(n);
                pos = q + 1;
            }
            _ if text.get(q..).is_some_and(|r| r.starts_with('\u{2013}')) => {
                range_from = Some(n);
                pos = q + 3;
            }
            _ => match word_at(text, q).map(|a| (a, a.str(text))) {
                Some((a, "and" | "or" | "&")) => pos = a.end,
                Some((a, "to")) => {
                    range_from = Some(n);
                    pos = a.end;
                }
                _ => break,
            },
        }
        if targets.len() > MAX_RANGE as usize {
            return None;
        }
    }
    if targets.is_empty() {
        return None;
    }
    let mut direction = None;
    if let Some(a) = next_word(text, end) {
        match a.str(text) {
            "above" => direction = Some(Direction::Above),
            "below" => direction = Some(Direction::Below),
            // "paragraph 12 of the guidance": another document.
            "of" => {
                let this = next_word(text, a.end)
                    .is_some_and(|t| matches!(t.str(text), "this" | "my" | "our"));
                if !this {
                    return None;
                }
            }
            _ => {}
        }
        if direction.is_some() {
            end = a.end;
        }
    }
    Some((
        end,
        ParagraphRef {
            targets,
            resolved: Vec::new(),
            unresolved: Vec::new(),
            direction,
        },
    ))
}

fn number(text: &str, w: Tok) -> Option<u32> {
    let s = w.str(text);
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(t: &str) -> Vec<(String, Vec<u32>)> {
        let mut out = Vec::new();
        scan(t, &Words::of(t), &mut out);
        out.into_iter()
            .map(|(s, e, r)| (t[s..e].to_string(), r.targets))
            .collect()
    }

    #[test]
    fn forms() {
        assert_eq!(
            refs("in more detail at paragraph 38. The"),
            [("paragraph 38".into(), vec![38])]
        );
        assert_eq!(
            refs("see paragraphs 6 and 7 below"),
            [("paragraphs 6 and 7 below".into(), vec![6, 7])]
        );
        assert_eq!(
            refs("paragraphs 12 to 15"),
            [("paragraphs 12 to 15".into(), vec![12, 13, 14, 15])]
        );
        assert_eq!(
            refs("paragraphs 3, 5 and 9"),
            [("paragraphs 3, 5 and 9".into(), vec![3, 5, 9])]
        );
        assert_eq!(refs("paras 4–6"), [("paras 4–6".into(), vec![4, 5, 6])]);
        assert_eq!(
            refs("(see paragraph 14)."),
            [("paragraph 14".into(), vec![14])]
        );
    }

    #[test]
    fn not_references() {
        assert!(refs("Schedule 5, paragraph 5(2) and paragraph 3.2 of the guidance").is_empty());
        assert!(refs("paragraph 12 of the statutory guidance").is_empty());
        assert!(refs("the paragraph above; paragraphs 1 to 9999").is_empty());
    }
}
