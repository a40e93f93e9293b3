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
    /// The first byte: scanners reject most words on it without slicing.
    pub first: u8,
}

impl Tok {
    pub fn new(text: &str, start: usize, end: usize) -> Tok {
        let first = text.as_bytes().get(start).copied().unwrap_or(0);
        Tok { start, end, first }
    }

    pub fn str<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

pub(crate) fn is_word_byte(b: u8) -> bool {
    WORD.get(usize::from(b)).copied().unwrap_or(false)
}

/// Which bytes belong to words (ASCII letters and digits).
// The table builders below index at compile time: a bad index fails the
// build, it cannot reach input.
#[allow(clippy::indexing_slicing)]
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Builds a table: for each first byte, a bit mask of the word lengths (1..=15)
/// that can start what one scanner looks for. (Compile time only.)
#[allow(clippy::indexing_slicing)]
const fn len_table(rules: &[(u8, u8, u16)]) -> [u16; 256] {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < rules.len() {
        let (from, to, mask) = rules[i];
        let mut b = from as usize;
        while b <= to as usize {
            t[b] |= mask;
            b += 1;
        }
        i += 1;
    }
    t
}

#[allow(clippy::indexing_slicing)]
const fn lens(list: &[u8]) -> u16 {
    let mut m = 0u16;
    let mut i = 0;
    while i < list.len() {
        m |= 1 << list[i];
        i += 1;
    }
    m
}

/// Digits (days, years), month names, seasons, qualifiers (`early`, `mid`,
/// `late`, `end`, `start`, `beginning`, `middle`). Capitals only at the
/// lengths of a name with that initial (`Jan`, `June`, `January`; `Mar`,
/// `March`, `Middle`; `Apr`, `April`, `August`, `Autumn`; `Sep`, `Sept`,
/// `Start`, `Spring`, `Summer`, `September`): "Ombudsman" or "Services" is
/// never looked at.
const DATE_STARTS: [u16; 256] = len_table(&[
    (b'0', b'9', lens(&[1, 2, 3, 4])),
    (b'J', b'J', lens(&[3, 4, 7])),
    (b'F', b'F', lens(&[3, 8])),
    (b'O', b'O', lens(&[3, 7])),
    (b'N', b'N', lens(&[3, 8])),
    (b'D', b'D', lens(&[3, 8])),
    (b'M', b'M', lens(&[3, 5, 6])),
    (b'A', b'A', lens(&[3, 5, 6])),
    (b'S', b'S', lens(&[3, 4, 5, 6, 9])),
    (b'm', b'm', lens(&[3, 6])),
    (b'a', b'a', lens(&[6])),
    (b'w', b'w', lens(&[6])),
    (b'W', b'W', lens(&[6])),
    (b's', b's', lens(&[5, 6])),
    (b'E', b'E', lens(&[3, 5])),
    (b'e', b'e', lens(&[3, 5])),
    (b'L', b'L', lens(&[4])),
    (b'l', b'l', lens(&[4])),
    (b'B', b'B', lens(&[9])),
    (b'b', b'b', lens(&[9])),
]);

/// `Act`, `Regulations`, `Order`, `Rules`; `section(s)`, `Part(s)`,
/// `Schedule(s)`, `regulation(s)`, `article(s)`, `s`.
const LEGISLATION_STARTS: [u16; 256] = len_table(&[
    (b'A', b'A', lens(&[3, 7])),
    (b'R', b'R', lens(&[5, 10, 11])),
    (b'O', b'O', lens(&[5])),
    (b's', b's', lens(&[1, 7, 8])),
    (b'S', b'S', lens(&[7, 8, 9])),
    (b'P', b'P', lens(&[4, 5])),
    (b'r', b'r', lens(&[10, 11])),
    (b'a', b'a', lens(&[7, 8])),
]);

/// A lone capital letter, or a title (`Mr`, `Ms`, `Mx`, `Mrs`, `Miss`, `Master`, `Dr`).
const PARTY_STARTS: [u16; 256] = len_table(&[
    (b'A', b'Z', lens(&[1])),
    (b'M', b'M', lens(&[2, 3, 4, 6])),
    (b'D', b'D', lens(&[2])),
]);

/// `paragraph(s)`, `para(s)`.
const REFERENCE_STARTS: [u16; 256] = len_table(&[
    (b'p', b'p', lens(&[4, 5, 9, 10])),
    (b'P', b'P', lens(&[4, 5, 9, 10])),
]);

/// The four tables in one: bits 0-15 dates, 16-31 legislation, 32-47
/// parties, 48-63 references; one load and one test rule out most words.
#[allow(clippy::indexing_slicing)]
const STARTS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = DATE_STARTS[i] as u64
            | (LEGISLATION_STARTS[i] as u64) << 16
            | (PARTY_STARTS[i] as u64) << 32
            | (REFERENCE_STARTS[i] as u64) << 48;
        i += 1;
    }
    t
};

/// The words of one piece of text, and for each scanner the indices of the
/// words that can start what it looks for: the scanners visit only those.
/// Reused from piece to piece, so it allocates once.
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub toks: Vec<Tok>,
    pub dates: Vec<usize>,
    pub legislation: Vec<usize>,
    pub parties: Vec<usize>,
    pub references: Vec<usize>,
}

impl Words {
    /// Room for the words of `bytes` of prose, so filling rarely reallocates.
    pub fn with_capacity(bytes: usize) -> Words {
        // Prose averages over six bytes a word with its space; denser
        // text regrows once.
        let words = bytes / 6 + 16;
        Words {
            toks: Vec::with_capacity(words),
            dates: Vec::with_capacity(words / 4),
            legislation: Vec::with_capacity(words / 8),
            parties: Vec::with_capacity(words / 4),
            references: Vec::with_capacity(16),
        }
    }

    #[cfg(test)]
    pub fn of(text: &str) -> Words {
        let mut w = Words::default();
        w.fill(text);
        w
    }

    /// Splits `text` into words and files each under the scanners it may interest.
    pub fn fill(&mut self, text: &str) {
        self.toks.clear();
        self.dates.clear();
        self.legislation.clear();
        self.parties.clear();
        self.references.clear();
        let b = text.as_bytes();
        for_each_word(b, |start, end| {
            let first = b.get(start).copied().unwrap_or(0);
            let len = end - start;
            let k = self.toks.len();
            self.toks.push(Tok { start, end, first });
            if len >= 16 {
                return;
            }
            // This word's length bit in each of the four 16-bit lanes.
            let lanes = STARTS.get(usize::from(first)).copied().unwrap_or(0);
            let hits = lanes & (0x0001_0001_0001_0001u64 << len);
            if hits == 0 {
                return;
            }
            if hits & 0xFFFF != 0 {
                self.dates.push(k);
            }
            if hits & 0xFFFF_0000 != 0 {
                self.legislation.push(k);
            }
            if hits & 0xFFFF_0000_0000 != 0 {
                self.parties.push(k);
            }
            if hits >> 48 != 0 {
                self.references.push(k);
            }
        });
    }
}

/// Calls `f(start, end)` for every word, in order. Branch-free per byte: each
/// 64-byte chunk becomes a bit mask of word bytes, and word starts and ends
/// are read off the mask's edges, so the cost per word boundary is a bit
/// operation rather than a mispredicted branch.
fn for_each_word(b: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut prev_in_word = false;
    let mut open = 0usize;
    for (ci, chunk) in b.chunks(64).enumerate() {
        let base = ci * 64;
        let mut m: u64 = 0;
        let mut eights = chunk.chunks_exact(8);
        for (j, e) in eights.by_ref().enumerate() {
            let mut w = [0u8; 8];
            w.copy_from_slice(e);
            m |= u64::from(word_bits8(u64::from_le_bytes(w))) << (8 * j);
        }
        let done = chunk.len() - eights.remainder().len();
        for (j, &c) in eights.remainder().iter().enumerate() {
            m |= u64::from(is_word_byte(c)) << (done + j);
        }
        let valid = if chunk.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << chunk.len()) - 1
        };
        let before = (m << 1) | u64::from(prev_in_word);
        let mut starts = m & !before;
        let mut ends = !m & before & valid;
        // Starts and ends alternate, so they pair up without comparing
        // positions: first the end of a word the last chunk left open, then
        // each start with the next end (none: the word runs on).
        if prev_in_word && ends != 0 {
            f(open, base + ends.trailing_zeros() as usize);
            ends &= ends - 1;
        }
        while starts != 0 {
            let s = base + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if ends == 0 {
                open = s;
                break;
            }
            f(s, base + ends.trailing_zeros() as usize);
            ends &= ends - 1;
        }
        prev_in_word = !chunk.is_empty() && (m >> (chunk.len() - 1)) & 1 == 1;
    }
    if prev_in_word {
        f(open, b.len());
    }
}

/// Which of eight bytes (little-endian in `x`) are ASCII letters or digits,
/// as the low eight bits: SWAR range tests, no table, no branch.
fn word_bits8(x: u64) -> u8 {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let ascii = !x & H;
    let y = x & !H;
    // High bit of each byte set iff lo <= y <= hi (y < 0x80, so no carries).
    let in_range = |y: u64, lo: u64, hi: u64| {
        let ge_lo = y.wrapping_add((0x80 - lo) * L) & H;
        let gt_hi = y.wrapping_add((0x7F - hi) * L) & H;
        ge_lo & !gt_hi
    };
    let digit = in_range(y, 0x30, 0x39);
    let letter = in_range(y | (0x20 * L), 0x61, 0x7A);
    let word = (digit | letter) & ascii;
    // Gather the eight high bits into one byte.
    ((word >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// Splits `text` into words, reusing `out`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    for_each_word(b, |start, end| {
        let first = b.get(start).copied().unwrap_or(0);
        out.push(Tok { start, end, first });
    });
}

/// Does the word equal `lit`, ignoring ASCII case? (No allocation.)
pub(crate) fn eq_ci(w: &str, lit: &str) -> bool {
    w.eq_ignore_ascii_case(lit)
}

/// Does the word start with `prefix`, ignoring ASCII case?
pub(crate) fn starts_ci(w: &str, prefix: &str) -> bool {
    w.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
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
    Some(Tok::new(text, i, end))
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

/// Lower-cases ASCII and folds curly apostrophes, quotes and NBSP, so
/// phrase tests can be plain ASCII. Works on bytes: other characters are
/// copied as they are (phrase tests only look for ASCII words).
pub(crate) fn fold(s: &str) -> String {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    // Only C2 and E2 start what is replaced: copy the runs between them whole.
    while let Some(rest) = b.get(i..) {
        let run = memchr::memchr2(0xC2, 0xE2, rest).unwrap_or(rest.len());
        out.extend(rest.iter().take(run).map(u8::to_ascii_lowercase));
        i += run;
        let Some(&c) = b.get(i) else {
            break;
        };
        match c {
            0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0x98 | 0x99])) => {
                out.push(b'\'');
                i += 3;
            }
            0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])) => {
                out.push(b'"');
                i += 3;
            }
            0xC2 if b.get(i + 1) == Some(&0xA0) => {
                out.push(b' ');
                i += 2;
            }
            c => {
                out.push(c.to_ascii_lowercase());
                i += 1;
            }
        }
    }
    // Whole ASCII bytes or whole multi-byte sequences were replaced or
    // copied, so this is still UTF-8; a lossy copy if it ever is not.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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
    fn swar_matches_table() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = [b' '; 8];
                bytes[pos] = b;
                let got = word_bits8(u64::from_le_bytes(bytes));
                let want = if WORD[usize::from(b)] { 1u8 << pos } else { 0 };
                assert_eq!(got, want, "byte {b:#x} at {pos}");
            }
        }
        let all = *b"aZ09-\xc2\xa3_";
        assert_eq!(word_bits8(u64::from_le_bytes(all)), 0b0000_1111);
    }

    #[test]
    fn words_across_chunks() {
        // Words straddling the 64-byte chunk edges, at the very end, and none at all.
        for text in [
            "a".repeat(63) + " bb " + &"c".repeat(70) + "!dd",
            " ".repeat(64) + "x",
            "word".to_string(),
            "   ".to_string(),
            String::new(),
            "£5 was 1,2 ab-cd".to_string(),
            // A word ending on the last byte of a chunk, the next one
            // starting on the first byte of the next; one word over three chunks.
            "a".repeat(64) + " " + &"b".repeat(140) + " c",
            " ".repeat(63) + "x y",
        ]
        .into_iter()
        .chain((0..300u32).map(|seed| {
            // Pseudo-random mixes of word bytes and separators, 0-299 bytes.
            let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
            (0..seed)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    if x % 3 == 0 {
                        ' '
                    } else {
                        'q'
                    }
                })
                .collect()
        })) {
            let mut toks = Vec::new();
            tokenize(&text, &mut toks);
            let got: Vec<&str> = toks.iter().map(|t| t.str(&text)).collect();
            let want: Vec<&str> = text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(
            fold("Miss X\u{2019}s \u{201c}Fault\u{201d}\u{a0}£5 É"),
            "miss x's \"fault\" £5 É"
        );
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
