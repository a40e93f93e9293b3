//! Small byte-level helpers shared by the entity scanners.
//!
//! The scanners work on one leaf of the tree at a time and report byte ranges
//! relative to it. Words are runs of ASCII letters and digits: everything the
//! scanners key on (month names, numbers, `section`, `Mr`) is ASCII, and a
//! range that starts and ends on ASCII bytes is always a valid `str` slice.

/// A word: a maximal run of ASCII letters and digits, as `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn str<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Splits `text` into words, reusing `out`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if is_word_byte(b) {
            let start = i;
            while bytes.get(i).copied().is_some_and(is_word_byte) {
                i += 1;
            }
            out.push(Tok { start, end: i });
        } else {
            i += 1;
        }
    }
}

/// The text between two words (or the edges given).
pub(crate) fn gap(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or("\u{0}")
}

/// Whitespace inside a line, including the non-breaking space scrapes leave
/// between numbers and units.
pub(crate) fn is_space_str(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
}

/// Skips spaces (incl. NBSP) from byte `i`; returns the new offset.
pub(crate) fn skip_spaces(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        match b.get(i) {
            Some(b' ') | Some(b'\t') => i += 1,
            Some(0xC2) if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => return i,
        }
    }
}

/// The word starting exactly at `i`, if any.
pub(crate) fn word_at(text: &str, i: usize) -> Option<Tok> {
    let b = text.as_bytes();
    if !b.get(i).copied().is_some_and(is_word_byte) {
        return None;
    }
    if i > 0 && b.get(i - 1).copied().is_some_and(is_word_byte) {
        return None;
    }
    let mut end = i;
    while b.get(end).copied().is_some_and(is_word_byte) {
        end += 1;
    }
    Some(Tok { start: i, end })
}

/// The word after optional spaces from `i`.
pub(crate) fn next_word(text: &str, i: usize) -> Option<Tok> {
    word_at(text, skip_spaces(text, i))
}

/// Does `text` at `i` start with `lit`, ASCII case-insensitively?
pub(crate) fn starts_with_ci(text: &str, i: usize, lit: &str) -> bool {
    text.as_bytes()
        .get(i..i + lit.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(lit.as_bytes()))
}

/// Digits only, at most `max` of them.
pub(crate) fn all_digits(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
}

/// A count written as digits or as a word ("one", "three", "a").
pub(crate) fn count_word(s: &str) -> Option<u32> {
    if all_digits(s, 4) {
        return s.parse().ok();
    }
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let lower = s.to_ascii_lowercase();
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    if let Some(n) = WORDS.iter().position(|w| *w == lower) {
        return u32::try_from(n).ok();
    }
    match lower.as_str() {
        "thirty" => Some(30),
        "forty" => Some(40),
        "sixty" => Some(60),
        "ninety" => Some(90),
        _ => None,
    }
}

/// Lower-cases and folds curly apostrophes/quotes so phrase tests can be plain ASCII.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => out.push('\''),
            '\u{201c}' | '\u{201d}' => out.push('"'),
            '\u{a0}' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Splits prose into sentences (`start..end`, relative), at `.`, `!`, `?`
/// followed by a space or the end, and at line breaks.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let end_here = match c {
            b'\n' => Some(i),
            b'.' | b'!' | b'?' => {
                let next = b.get(i + 1).copied();
                // "34.5" or "e.g." style: only split before a space or the end.
                if next.is_none()
                    || next == Some(b' ')
                    || next == Some(b'\r')
                    || next == Some(b'\n')
                {
                    Some(i + 1)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(e) = end_here {
            if text.get(start..e).is_some_and(|s| !s.trim().is_empty()) {
                out.push((start, e));
            }
            start = i + 1;
        }
        i += 1;
    }
    if text.get(start..).is_some_and(|s| !s.trim().is_empty()) {
        out.push((start, b.len()));
    }
    // Trim leading spaces so spans start on the first word.
    out.into_iter()
        .map(|(s, e)| {
            let s2 = skip_spaces(text, s);
            let s2 = if text.as_bytes().get(s2) == Some(&b'\r') {
                s2 + 1
            } else {
                s2
            };
            (s2.min(e), e)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_neighbours() {
        let t = "section 26(1) of\u{a0}the Act";
        let mut toks = Vec::new();
        tokenize(t, &mut toks);
        let words: Vec<&str> = toks.iter().map(|w| w.str(t)).collect();
        assert_eq!(words, ["section", "26", "1", "of", "the", "Act"]);
        let of = toks[3];
        assert_eq!(next_word(t, of.end).map(|w| w.str(t)), Some("the"));
        assert_eq!(count_word("three"), Some(3));
        assert_eq!(count_word("20"), Some(20));
    }

    #[test]
    fn sentence_split() {
        let t = "There was fault. It caused injustice (see para 3.2). End";
        let s: Vec<&str> = sentences(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            [
                "There was fault.",
                "It caused injustice (see para 3.2).",
                "End"
            ]
        );
    }
}
