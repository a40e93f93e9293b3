//! Small byte-level helpers shared by the entity scanners.
//!
//! The scanners work on one leaf of the tree at a time and report byte ranges
//! relative to it. Words are runs of ASCII letters and digits: everything the
//! scanners key on (month names, numbers, `section`, `Mr`) is ASCII, and a
//! range that starts and ends on ASCII bytes is always a valid `str` slice.

/// A word: a maximal run of ASCII letters and digits, as `start..end`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// The first byte: scanners reject most words on it without slicing.
    pub first: u8,
    /// Which scanners may start at this word ([`DATES`], [`LEGISLATION`],
    /// [`PARTIES`], [`REFERENCES`]); set by [`Words::fill_in`], else 0.
    pub lanes: u8,
}

/// [`Tok::lanes`] bits: the scanner each word may interest.
pub(crate) const DATES: u8 = 1;
pub(crate) const LEGISLATION: u8 = 2;
pub(crate) const PARTIES: u8 = 4;
pub(crate) const REFERENCES: u8 = 8;

impl Tok {
    pub fn new(text: &str, start: usize, end: usize) -> Tok {
        let first = text.as_bytes().get(start).copied().unwrap_or(0);
        Tok {
            start,
            end,
            first,
            lanes: 0,
        }
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

/// The words, lower-cased, at which a scanner can start, with its lane and
/// whether the scanner takes the word with a small first letter (`section`,
/// `summer`) or only capitalised or in capitals (`Act`, `May`, `Mr`): "may"
/// and "decision" are common words, not candidates. A scanner still checks
/// case itself (`Act`, not `ACT`); this list only has to hold every word it
/// would act on. Besides these: digits of up to four (days, years) for
/// dates, and a lone capital letter for parties.
const ANY: bool = true;
const CAPITAL: bool = false;

const KEYWORDS: [(&[u8], u8, bool); 59] = [
    // Months, short months, seasons, and the qualifiers before them.
    (b"january", DATES, CAPITAL),
    (b"february", DATES, CAPITAL),
    (b"march", DATES, CAPITAL),
    (b"april", DATES, CAPITAL),
    (b"may", DATES, CAPITAL),
    (b"june", DATES, CAPITAL),
    (b"july", DATES, CAPITAL),
    (b"august", DATES, CAPITAL),
    (b"september", DATES, CAPITAL),
    (b"october", DATES, CAPITAL),
    (b"november", DATES, CAPITAL),
    (b"december", DATES, CAPITAL),
    (b"jan", DATES, CAPITAL),
    (b"feb", DATES, CAPITAL),
    (b"mar", DATES, CAPITAL),
    (b"apr", DATES, CAPITAL),
    (b"jun", DATES, CAPITAL),
    (b"jul", DATES, CAPITAL),
    (b"aug", DATES, CAPITAL),
    (b"sep", DATES, CAPITAL),
    (b"sept", DATES, CAPITAL),
    (b"oct", DATES, CAPITAL),
    (b"nov", DATES, CAPITAL),
    (b"dec", DATES, CAPITAL),
    (b"spring", DATES, ANY),
    (b"summer", DATES, ANY),
    (b"autumn", DATES, ANY),
    (b"winter", DATES, ANY),
    (b"early", DATES, ANY),
    (b"mid", DATES, ANY),
    (b"late", DATES, ANY),
    (b"end", DATES, ANY),
    (b"start", DATES, ANY),
    (b"beginning", DATES, ANY),
    (b"middle", DATES, ANY),
    // Instruments and provision units (`s` only as `s.`, checked apart).
    (b"act", LEGISLATION, CAPITAL),
    (b"regulations", LEGISLATION, ANY),
    (b"order", LEGISLATION, CAPITAL),
    (b"rules", LEGISLATION, CAPITAL),
    (b"section", LEGISLATION, ANY),
    (b"sections", LEGISLATION, ANY),
    (b"schedule", LEGISLATION, ANY),
    (b"schedules", LEGISLATION, CAPITAL),
    (b"part", LEGISLATION, CAPITAL),
    (b"parts", LEGISLATION, CAPITAL),
    (b"regulation", LEGISLATION, ANY),
    (b"article", LEGISLATION, ANY),
    (b"articles", LEGISLATION, ANY),
    // Titles before a letter.
    (b"mr", PARTIES, CAPITAL),
    (b"mrs", PARTIES, CAPITAL),
    (b"ms", PARTIES, CAPITAL),
    (b"miss", PARTIES, CAPITAL),
    (b"mx", PARTIES, CAPITAL),
    (b"dr", PARTIES, CAPITAL),
    (b"master", PARTIES, CAPITAL),
    (b"paragraph", REFERENCES, ANY),
    (b"paragraphs", REFERENCES, ANY),
    (b"para", REFERENCES, ANY),
    (b"paras", REFERENCES, ANY),
];

/// A byte's class for [`PAIR_LENS`]: 0 not in a word, 1-26 a small
/// letter, 27-52 a capital, 53 a digit.
#[allow(clippy::indexing_slicing)]
const CODE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 26 {
        t[b'a' as usize + i] = 1 + i as u8;
        t[b'A' as usize + i] = 27 + i as u8;
        i += 1;
    }
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = 53;
        d += 1;
    }
    t
};

/// A byte's class as the second byte of a word, for [`PAIR_LENS`]: 0 not
/// in a word, 1-26 a letter in either case, 27 a digit. (A keyword's
/// second letter may be in either case.)
#[allow(clippy::indexing_slicing)]
const SECOND: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match CODE[i] {
            0 => 0,
            c @ 1..=26 => c,
            c @ 27..=52 => c - 26,
            _ => 27,
        };
        i += 1;
    }
    t
};

/// For each class of a word's first byte ([`CODE`]) and of its second
/// ([`SECOND`], 0 for a one-letter word), a bit mask of the lengths a
/// candidate starting so can have: one load and a shift rule out nearly
/// every other word before any comparison ("and", "she" and "should" share
/// a first letter with a keyword, not two). Built from [`KEYWORDS`] at
/// compile time; rows of 32 (3.4 KB, where rows of 64 classes of both
/// bytes took 8 KB): fewer cache lines to bring back for each decision,
/// after the parse of its tree has pushed them out.
#[allow(clippy::indexing_slicing)]
const PAIR_LENS: [u16; 54 * 32] = {
    let mut t = [0u16; 54 * 32];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let (w, _, small) = KEYWORDS[i];
        let (a, b) = (CODE[w[0] as usize] as usize, SECOND[w[1] as usize] as usize);
        // Capital first letter, and small where the scanner takes it.
        t[(a + 26) * 32 + b] |= 1 << w.len();
        if small {
            t[a * 32 + b] |= 1 << w.len();
        }
        i += 1;
    }
    let mut c = 0;
    while c < 28 {
        // Days and years: a digit, then anything.
        t[53 * 32 + c] |= 0b1_1110;
        c += 1;
    }
    // A lone capital; `s` of `s.`.
    let mut l = 27;
    while l < 53 {
        t[l * 32] |= 1 << 1;
        l += 1;
    }
    t[CODE[b's' as usize] as usize * 32] |= 1 << 1;
    t
};

/// The lengths a word starting with `first` and `second` (the byte after,
/// 0 at the end) may have to be a candidate, as a bit mask.
fn candidate_lens(first: u8, second: u8) -> u16 {
    let a = usize::from(CODE.get(usize::from(first)).copied().unwrap_or(0));
    let b = usize::from(SECOND.get(usize::from(second)).copied().unwrap_or(0));
    PAIR_LENS.get(a * 32 + (b & 31)).copied().unwrap_or(0)
}

/// [`KEYWORDS`] by first letter and length (`26 * 16` buckets of up to
/// four, each an index plus one, 0 for none): a word is compared with the
/// few keywords of its letter and length, not with them all.
#[allow(clippy::indexing_slicing)]
const BUCKETS: [[u8; 4]; 26 * 16] = {
    let mut t = [[0u8; 4]; 26 * 16];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let (w, _, _) = KEYWORDS[i];
        let bucket = &mut t[(w[0] - b'a') as usize * 16 + w.len()];
        let mut j = 0;
        // A fifth keyword of one letter and length fails the build here.
        while bucket[j] != 0 {
            j += 1;
        }
        bucket[j] = i as u8 + 1;
        i += 1;
    }
    t
};

/// [`KEYWORDS`] as little-endian integers, so a word is compared with one
/// in a single operation.
#[allow(clippy::indexing_slicing)]
const PACKED: [u128; KEYWORDS.len()] = {
    let mut t = [0u128; KEYWORDS.len()];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let (w, _, _) = KEYWORDS[i];
        let mut j = 0;
        while j < w.len() {
            t[i] |= (w[j] as u128) << (8 * j);
            j += 1;
        }
        i += 1;
    }
    t
};

/// The lanes of the word `b[start..start + len]`, whose first bytes and
/// length passed [`candidate_lens`].
fn lanes_of(b: &[u8], start: usize, len: usize) -> u8 {
    let first = b.get(start).copied().unwrap_or(0);
    if first.is_ascii_digit() {
        return DATES;
    }
    if len == 1 {
        // `I` and `A` are words, not people; `s` is a section only as `s.`.
        return match first {
            b'I' | b'A' => 0,
            b'A'..=b'Z' => PARTIES,
            b's' if b.get(start + 1) == Some(&b'.') => LEGISLATION,
            _ => 0,
        };
    }
    // The word's bytes as one integer, lower-cased: its bytes are ASCII
    // letters and digits, and setting 0x20 lower-cases a capital and leaves
    // a digit or a small letter as it is.
    let mut window = [0u8; 16];
    match b.get(start..start + 16) {
        Some(w) => window.copy_from_slice(w),
        None => {
            for (d, s) in window.iter_mut().zip(b.iter().skip(start)) {
                *d = *s;
            }
        }
    }
    let mask = (1u128 << (8 * len.min(15))) - 1;
    let word = (u128::from_le_bytes(window) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & mask;
    let letter = usize::from(first.to_ascii_lowercase().wrapping_sub(b'a'));
    let Some(bucket) = BUCKETS.get(letter * 16 + len) else {
        return 0;
    };
    for &k in bucket {
        let Some(i) = usize::from(k).checked_sub(1) else {
            break;
        };
        if PACKED.get(i) == Some(&word) {
            return KEYWORDS
                .get(i)
                .filter(|&&(_, _, small)| small || first.is_ascii_uppercase())
                .map_or(0, |&(_, lane, _)| lane);
        }
    }
    0
}

/// Which of [`Words`]' lists holds the candidates of `lane` (one bit).
fn list_of(lane: u8) -> usize {
    (lane.trailing_zeros() & 3) as usize
}

/// A candidate as [`Words`] keeps it: a third of a [`Tok`]'s size, so the
/// lists take fewer cache lines to write and to read back. A candidate is
/// a word of at most 15 bytes in a piece of at most 16 KB (longer leaves
/// are cut into pieces): its start fits in 32 bits and its length in 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cand {
    start: u32,
    len: u8,
    first: u8,
}

impl Cand {
    fn of(t: &Tok) -> Cand {
        Cand {
            start: u32::try_from(t.start).unwrap_or(u32::MAX),
            len: u8::try_from(t.end - t.start).unwrap_or(u8::MAX),
            first: t.first,
        }
    }

    /// The candidate as a word of its lane's scanner.
    fn tok(self, lane: u8) -> Tok {
        let start = self.start as usize;
        Tok {
            start,
            end: start + usize::from(self.len),
            first: self.first,
            lanes: lane,
        }
    }
}

/// The words of one piece of text that can start what a scanner looks for
/// (about one word in ten), each marked with the scanners it may interest.
/// Scanners read the words around a candidate from the text itself
/// ([`after`], [`before`]), so the other words are never stored. Reused
/// from piece to piece, and kept by the thread between decisions.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// The candidates of each lane (each word has one), in text order: a
    /// scanner reads its own, rather than testing every candidate's lane.
    by_lane: [Vec<Cand>; 4],
    /// The union of the candidates' lanes: a scanner with none is not run.
    lanes: u8,
    /// The text holds a line break or the last byte of a currency sign.
    rare: bool,
}

impl Words {
    /// How many candidates fit without growing.
    pub fn capacity(&self) -> usize {
        self.by_lane.iter().map(Vec::capacity).max().unwrap_or(0)
    }

    #[cfg(test)]
    pub fn of(text: &str) -> Words {
        let mut w = Words::default();
        w.fill(text);
        w
    }

    /// May the text hold an amount (`£`, `€`)?
    pub fn may_hold_money(&self) -> bool {
        self.rare
    }

    /// May the text hold a line break?
    pub fn may_span_lines(&self) -> bool {
        self.rare
    }

    /// Is there a candidate for the scanner of `lane`?
    pub fn any(&self, lane: u8) -> bool {
        self.lanes & lane != 0
    }

    /// The candidates for the scanner of `lane` (one bit), in text order.
    pub fn lane(&self, lane: u8) -> impl Iterator<Item = Tok> + '_ {
        self.by_lane
            .get(list_of(lane))
            .into_iter()
            .flatten()
            .map(move |c| c.tok(lane))
    }

    /// Every candidate, in text order (each lane's list is).
    #[cfg(test)]
    fn cands(&self) -> Vec<Tok> {
        let mut all = Vec::new();
        for lane in [DATES, LEGISLATION, PARTIES, REFERENCES] {
            let list: Vec<Tok> = self.lane(lane).collect();
            assert!(list.is_sorted_by_key(|t| t.start), "{list:?}");
            all.extend(list);
        }
        all.sort_by_key(|t| t.start);
        all
    }

    /// Words holding `cands`, as `fill` would leave them.
    #[cfg(test)]
    fn from_cands(cands: Vec<Tok>, rare: bool) -> Words {
        let mut w = Words {
            rare,
            ..Words::default()
        };
        for t in cands {
            w.push(t);
        }
        w
    }

    /// Adds a candidate to the list of its lane.
    fn push(&mut self, t: Tok) {
        self.lanes |= t.lanes;
        if let Some(list) = self.by_lane.get_mut(list_of(t.lanes)) {
            list.push(Cand::of(&t));
        }
    }

    /// [`Words::fill_in`] of a text on its own.
    #[cfg(test)]
    pub fn fill(&mut self, text: &str) {
        self.fill_in(text, text.as_bytes(), 0);
    }

    /// Finds the candidates of `text`, found at `at` in `around` (the
    /// decision it is a piece of). Works a 64-byte chunk at a time: bit
    /// masks of its word bytes and of its capitals and digits give the
    /// start and length of each word that starts with one, without looking
    /// at the bytes again; such a word is looked at further only when its
    /// first two bytes and length can start something, and small-letter
    /// keywords are found by looking back from numbers and date words
    /// ([`Words::look_back`]).
    ///
    /// The last, short chunk is read from `around` where it holds 64 bytes
    /// from there, its bits past `text` cleared, instead of being copied
    /// into a padded buffer.
    pub fn fill_in(&mut self, text: &str, around: &[u8], at: usize) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            unsafe { self.fill_avx2(text, around, at) };
            return;
        }
        self.fill_with(text, around, at, mask64);
    }

    /// [`Words::fill_in`] with the word mask built 32 bytes at a time, on
    /// x86-64 CPUs that have AVX2 (nearly all in use; checked at run time,
    /// as `memchr` does): half the vector work of the SSE2 baseline.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn fill_avx2(&mut self, text: &str, around: &[u8], at: usize) {
        self.fill_with(text, around, at, |b| mask64_avx2(b));
    }

    /// The body of [`Words::fill_in`], inlined into each caller with its own
    /// way of building the word mask of a chunk.
    #[inline(always)]
    fn fill_with(
        &mut self,
        text: &str,
        around: &[u8],
        at: usize,
        mask64: impl Fn(&[u8; 64]) -> (u64, u64, u64),
    ) {
        // A short last chunk with too few bytes after it is copied into a
        // buffer first: its mask is built apart, kept out of line (inlined,
        // the copy came out as byte moves through vector registers under
        // AVX2).
        #[inline(never)]
        fn tail_mask64(padded: &[u8; 64]) -> (u64, u64, u64) {
            super::text::mask64(padded)
        }
        for list in &mut self.by_lane {
            list.clear();
        }
        self.lanes = 0;
        let b = text.as_bytes();
        // The rare bytes of every chunk, tested once at the end.
        let mut rare_any = 0u64;
        // Bit 0: the previous chunk ended inside a word.
        let mut open = 0u64;
        let (full, tail) = b.as_chunks::<64>();
        for (ci, chunk) in full.iter().enumerate() {
            let base = ci * 64;
            let (m, leads, rare) = mask64(chunk);
            rare_any |= rare;
            // Only words starting with a capital or a digit are visited; the
            // small-letter keywords are found from them (`look_back`).
            let starts = m & !((m << 1) | open) & leads;
            open = m >> 63;
            if starts != 0 {
                self.visit(b, base, m, starts);
            }
        }
        let n = tail.len();
        if n > 0 {
            let base = full.len() * 64;
            // The short last chunk is read from the text around it, its bits
            // past the end cleared, or padded with non-word bytes where the
            // text around ends too soon (which costs a copy, and more than
            // the wider read). Is `text` really at `at` in `around`? Else
            // it is never read.
            let in_place = around.as_ptr().wrapping_add(at) == b.as_ptr();
            let from = at + base;
            let wider = around
                .get(from..from + 64)
                .filter(|_| in_place)
                .and_then(|w| <&[u8; 64]>::try_from(w).ok());
            let (m, leads, rare) = match wider {
                Some(w) => mask64(w),
                None => {
                    let mut padded = [0u8; 64];
                    if let Some(dst) = padded.get_mut(..n) {
                        dst.copy_from_slice(tail);
                    }
                    tail_mask64(&padded)
                }
            };
            let valid = (1u64 << (n & 63)) - 1;
            let (m, leads) = (m & valid, leads & valid);
            rare_any |= rare & valid;
            let starts = m & !((m << 1) | open) & leads;
            if starts != 0 {
                self.visit(b, base, m, starts);
            }
        }
        self.rare = rare_any != 0;
    }

    /// Visits the words of the chunk at `base` (word mask `m`) that start at
    /// the bits of `starts`, and keeps the candidates among them.
    #[inline(always)]
    fn visit(&mut self, b: &[u8], base: usize, m: u64, mut starts: u64) {
        while starts != 0 {
            let s = (starts.trailing_zeros() & 63) as usize;
            starts &= starts - 1;
            let start = base + s;
            let first = b.get(start).copied().unwrap_or(0);
            let second = b.get(start + 1).copied().unwrap_or(0);
            let lens = candidate_lens(first, second);
            // Every digit has lengths (days, years): only capitals stop here.
            if lens == 0 {
                continue;
            }
            // Bits past a short last chunk are clear in `m`, so a word
            // ends in the chunk unless it runs off a full one.
            let rest = !m >> s;
            let len = if rest != 0 {
                rest.trailing_zeros() as usize
            } else {
                word_len(b, start)
            };
            let lanes = if len < 16 && (lens >> len) & 1 == 1 {
                lanes_of(b, start, len)
            } else {
                0
            };
            if first.is_ascii_digit() || lanes & DATES != 0 {
                self.look_back(b, start, m, base);
            }
            let end = start + len;
            if lanes != 0 {
                self.push(Tok {
                    start,
                    end,
                    first,
                    lanes,
                });
            }
        }
    }
}

impl Words {
    /// Finds the small-letter candidates before the word starting at `at`,
    /// a number or a date word (`March`, `Summer`), and pushes them in text
    /// order. A small-letter keyword only leads somewhere when a number or
    /// a date word follows it, so it is looked for only from there: most
    /// words start with a small letter, and none of them is visited.
    ///
    /// What each scanner needs, from its code:
    /// - legislation and references: the number is the next word
    ///   (`section 26(1)`, `s.20`, `paragraphs 6 and 7`);
    /// - dates: a season takes a year after it, with an `of` between or
    ///   not (`summer of 2020`); `early`, `mid`, `late` take the date word
    ///   after them, and `end`, `start`, `beginning`, `middle` take `of`
    ///   first. So a chain runs back from the number or date word through
    ///   `of` and seasons (six letters), at most four words
    ///   (`end of summer of 2020`).
    ///
    /// The walk stops at a word starting with a capital or a digit: that
    /// word was visited, and looked back from if it had to be.
    ///
    /// `m` is the word mask of the chunk at `base` that holds `at`: a word
    /// before `at` that lies in the chunk is read off it, and bytes are
    /// read only for one that does not.
    fn look_back(&mut self, b: &[u8], at: usize, m: u64, base: usize) {
        let mut found = [Tok::default(); 4];
        let mut n = 0;
        let mut at = at;
        for _ in 0..4 {
            let Some((start, end)) = word_before_in(m, base, at).or_else(|| word_before(b, at))
            else {
                break;
            };
            let first = b.get(start).copied().unwrap_or(0);
            if !first.is_ascii_lowercase() {
                break;
            }
            let len = end - start;
            let lens = candidate_lens(first, b.get(start + 1).copied().unwrap_or(0));
            if len < 16 && (lens >> len) & 1 == 1 {
                let lanes = lanes_of(b, start, len);
                if let (true, Some(slot)) = (lanes != 0, found.get_mut(n)) {
                    *slot = Tok {
                        start,
                        end,
                        first,
                        lanes,
                    };
                    n += 1;
                }
            }
            // Every season has six letters; other six-letter words only
            // make the walk a word longer.
            if len != 6 && b.get(start..end) != Some(b"of") {
                break;
            }
            at = start;
        }
        for t in found.iter().take(n).rev() {
            self.push(*t);
        }
    }
}

/// The word ending last before `at`, as `start..end`, read byte by byte.
fn word_before(b: &[u8], at: usize) -> Option<(usize, usize)> {
    let end = b.get(..at)?.iter().rposition(|&c| is_word_byte(c))? + 1;
    let start = b
        .get(..end)
        .and_then(|h| h.iter().rposition(|&c| !is_word_byte(c)))
        .map_or(0, |i| i + 1);
    Some((start, end))
}

/// [`word_before`] read off `m`, the word mask of the 64 bytes from
/// `base` (`at` among them): `None` when the word, or the gap before it,
/// reaches out of them (then the bytes are read).
fn word_before_in(m: u64, base: usize, at: usize) -> Option<(usize, usize)> {
    let s = at.checked_sub(base).filter(|&s| s < 64)?;
    let below = m & ((1u64 << s) - 1);
    if below == 0 {
        return None;
    }
    let last = 63 - below.leading_zeros() as usize;
    let gaps = !m & ((1u64 << last) - 1);
    if gaps == 0 {
        return None;
    }
    let first = 64 - gaps.leading_zeros() as usize;
    Some((base + first, base + last + 1))
}

/// Length of the word starting at `start`, counted up to 16 (all a
/// candidate can be).
fn word_len(b: &[u8], start: usize) -> usize {
    b.iter()
        .skip(start)
        .take(16)
        .take_while(|&&c| is_word_byte(c))
        .count()
}

/// [`mask64`] of a chunk of at most 64 bytes.
#[cfg(test)]
fn word_mask(chunk: &[u8]) -> (u64, bool) {
    if let Ok(full) = <&[u8; 64]>::try_from(chunk) {
        let (m, _, rare) = mask64(full);
        return (m, rare != 0);
    }
    // The short last chunk, padded with non-word bytes.
    let mut bytes = [0u8; 64];
    let n = chunk.len().min(64);
    if let (Some(dst), Some(src)) = (bytes.get_mut(..n), chunk.get(..n)) {
        dst.copy_from_slice(src);
    }
    let (m, _, rare) = mask64(&bytes);
    (m, rare != 0)
}

/// Which of 64 bytes are word bytes, and which are capitals or digits
/// (the bytes a visited word starts with), as bit masks.
///
/// Also marks the rare bytes that some work hangs on (a bit mask, so
/// bytes read past a piece's end can be cleared): a line break (`\n`, `\r`: entity lines are counted only in pieces with
/// one) or the last byte of `£` (C2 A3) or `€` (E2 82 AC): the money
/// scanner runs only on pieces with one.
fn mask64(bytes: &[u8; 64]) -> (u64, u64, u64) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        mask64_vector(bytes)
    }
    // Without SIMD (wasm32 as built here, with no `simd128`), eight bytes
    // at a time in one register are faster than the byte loop.
    #[cfg(target_arch = "wasm32")]
    {
        mask64_swar(bytes)
    }
}

/// [`mask64`] sixteen bytes at a time in vector registers (SSE2 on
/// x86-64, NEON on aarch64, through `wide`): range tests by one signed
/// compare each, and one move-mask per sixteen flags, which the compiler
/// does not find in a byte loop.
#[cfg(not(target_arch = "wasm32"))]
fn mask64_vector(bytes: &[u8; 64]) -> (u64, u64, u64) {
    use wide::{i8x16, CmpEq, CmpLt};
    // `x` in `lo..lo + n`: shifted so that `lo` lands on -128, then one
    // signed compare.
    let within = |x: i8x16, lo: u8, n: u8| {
        let shifted = x + i8x16::splat(128u8.wrapping_sub(lo) as i8);
        shifted.cmp_lt(i8x16::splat((i16::from(n) - 128) as i8))
    };
    let (mut words, mut leads, mut rare) = (0u64, 0u64, 0u64);
    for (j, sixteen) in bytes.chunks_exact(16).enumerate() {
        let mut lanes = [0i8; 16];
        for (d, &c) in lanes.iter_mut().zip(sixteen) {
            *d = c as i8;
        }
        let v = i8x16::new(lanes);
        let digit = within(v, b'0', 10);
        let letter = within(v | i8x16::splat(0x20), b'a', 26);
        let capital = within(v, b'A', 26);
        let is = |c: u8| v.cmp_eq(i8x16::splat(c as i8));
        let bits = |x: i8x16| u64::from(x.move_mask() as u16);
        words |= bits(letter | digit) << (16 * j);
        leads |= bits(capital | digit) << (16 * j);
        rare |= bits((is(0xA3) | is(0xAC)) | (is(b'\n') | is(b'\r'))) << (16 * j);
    }
    (words, leads, rare)
}

/// [`mask64`] with AVX2: the same range tests as [`mask64_vector`], on two
/// 32-byte halves; the rare bytes found by one table lookup instead of
/// four compares (`mask_matches_table` checks every byte at every place).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn mask64_avx2(bytes: &[u8; 64]) -> (u64, u64, u64) {
    use std::arch::x86_64::{
        __m256i, _mm256_add_epi8, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8,
        _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
        _mm256_setr_epi8, _mm256_shuffle_epi8,
    };
    // `x` in `lo..lo + n`: shifted so that `lo` lands on -128, then one
    // signed compare.
    #[target_feature(enable = "avx2")]
    fn within(x: __m256i, lo: u8, n: u8) -> __m256i {
        let shifted = _mm256_add_epi8(x, _mm256_set1_epi8(128u8.wrapping_sub(lo) as i8));
        _mm256_cmpgt_epi8(_mm256_set1_epi8((i16::from(n) - 128) as i8), shifted)
    }
    // The rare bytes have four different low nibbles (`\n` 0A, `\r` 0D,
    // A3, AC): a byte is one of them exactly when it equals the entry of
    // this table at its low nibble. The other entries have a low nibble
    // unlike their index, so no byte equals them. (One table per 16-byte
    // lane, as the shuffle looks up within each.)
    #[rustfmt::skip]
    let rare_at = _mm256_setr_epi8(
        1, 0, 3, 0xA3u8 as i8, 5, 4, 7, 6, 9, 8, 0x0A, 0x0A, 0xACu8 as i8, 0x0D, 0x0F, 0x0E,
        1, 0, 3, 0xA3u8 as i8, 5, 4, 7, 6, 9, 8, 0x0A, 0x0A, 0xACu8 as i8, 0x0D, 0x0F, 0x0E,
    );
    #[target_feature(enable = "avx2")]
    fn bits(x: __m256i) -> u64 {
        u64::from(_mm256_movemask_epi8(x) as u32)
    }
    let (mut words, mut leads, mut rare) = (0u64, 0u64, 0u64);
    for (j, half) in bytes.chunks_exact(32).enumerate() {
        // SAFETY: `half` is 32 bytes long, all readable; the load needs no
        // alignment.
        let v = unsafe { _mm256_loadu_si256(half.as_ptr().cast::<__m256i>()) };
        let digit = within(v, b'0', 10);
        let letter = within(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), b'a', 26);
        let capital = within(v, b'A', 26);
        let shift = 32 * j as u32;
        words |= bits(_mm256_or_si256(letter, digit)) << shift;
        leads |= bits(_mm256_or_si256(capital, digit)) << shift;
        let low = _mm256_and_si256(v, _mm256_set1_epi8(0x0F));
        let expected = _mm256_shuffle_epi8(rare_at, low);
        rare |= bits(_mm256_cmpeq_epi8(v, expected)) << shift;
    }
    (words, leads, rare)
}

/// [`mask64`] in 64-bit registers. It does not look for the rare bytes
/// and answers that there may be one: the exact searches then run.
#[cfg(any(target_arch = "wasm32", test))]
fn mask64_swar(bytes: &[u8; 64]) -> (u64, u64, u64) {
    let (mut m, mut l) = (0u64, 0u64);
    for (j, eight) in bytes.chunks_exact(8).enumerate() {
        let mut w = [0u8; 8];
        w.copy_from_slice(eight);
        let (words, leads) = word_bits8(u64::from_le_bytes(w));
        m |= u64::from(words) << (8 * j);
        l |= u64::from(leads) << (8 * j);
    }
    (m, l, u64::MAX)
}

/// Which of eight bytes (little-endian in `x`) are ASCII letters or digits,
/// and which are capitals or digits, as eight bits each: SWAR range tests,
/// no table, no branch.
#[cfg(any(target_arch = "wasm32", test))]
fn word_bits8(x: u64) -> (u8, u8) {
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
    let capital = in_range(y, 0x41, 0x5A);
    // Gather the eight high bits into one byte.
    let gather = |v: u64| ((v >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8;
    (
        gather((digit | letter) & ascii),
        gather((digit | capital) & ascii),
    )
}

/// The word after `t` in `text`, whatever lies between: what the next word
/// of a full split into words would be.
pub(crate) fn after(text: &str, t: &Tok) -> Option<Tok> {
    let b = text.as_bytes();
    let rest = b.get(t.end..)?;
    let start = t.end + rest.iter().position(|&c| is_word_byte(c))?;
    let word = b.get(start..)?;
    let len = word
        .iter()
        .position(|&c| !is_word_byte(c))
        .unwrap_or(word.len());
    Some(Tok::new(text, start, start + len))
}

/// The word before `t` in `text`, whatever lies between.
pub(crate) fn before(text: &str, t: &Tok) -> Option<Tok> {
    let b = text.as_bytes();
    let end = b.get(..t.start)?.iter().rposition(|&c| is_word_byte(c))? + 1;
    let start = b
        .get(..end)?
        .iter()
        .rposition(|&c| !is_word_byte(c))
        .map_or(0, |i| i + 1);
    Some(Tok::new(text, start, end))
}

/// Calls `f(start, end)` for every word, in order (the reference the
/// candidate readers are tested against). Branch-free per byte: each
/// 64-byte chunk becomes a bit mask of word bytes, and word starts and ends
/// are read off the mask's edges, so the cost per word boundary is a bit
/// operation rather than a mispredicted branch.
#[cfg(test)]
fn for_each_word(b: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut prev_in_word = false;
    let mut open = 0usize;
    for (ci, chunk) in b.chunks(64).enumerate() {
        let base = ci * 64;
        let (m, _) = word_mask(chunk);
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

/// Splits `text` into words, reusing `out`: every word, for tests.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    for_each_word(b, |start, end| {
        out.push(Tok::new(text, start, end));
    });
}

/// Does the word equal `lit`, ignoring ASCII case? (No allocation.)
pub(crate) fn eq_ci(w: &str, lit: &str) -> bool {
    w.eq_ignore_ascii_case(lit)
}

/// Does the word start with `prefix`, ignoring ASCII case? (Tests.)
#[cfg(test)]
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
pub(crate) fn skip_spaces(text: &str, i: usize) -> usize {
    skip_space_bytes(text.as_bytes(), i)
}

/// [`skip_spaces`] on bytes: spaces, tabs and no-break spaces from `i` on.
pub(crate) fn skip_space_bytes(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(b' ') | Some(b'\t') => i += 1,
            Some(0xC2) if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => return i,
        }
    }
}

/// The word starting at byte `i`, if a word byte (an ASCII letter or digit,
/// as [`Words`] and [`after`] count them) is there. Callers pass an `i`
/// whose byte before is not a word byte, so the word is a whole one.
pub(crate) fn word_from(text: &str, i: usize) -> Option<Tok> {
    let rest = text.as_bytes().get(i..)?;
    if !rest.first()?.is_ascii_alphanumeric() {
        return None;
    }
    let len = rest
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    Some(Tok::new(text, i, i + len))
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
    let is = |w: &str| s.eq_ignore_ascii_case(w);
    if is("a") || is("an") {
        return Some(1);
    }
    if let Some(n) = WORDS.iter().position(|w| is(w)) {
        return u32::try_from(n).ok();
    }
    let tens = [("thirty", 30), ("forty", 40), ("sixty", 60), ("ninety", 90)];
    tens.iter().find(|(w, _)| is(w)).map(|&(_, n)| n)
}

/// Lower-cases ASCII and folds curly apostrophes, quotes and NBSP, so
/// phrase tests can be plain ASCII. Works on bytes: other characters are
/// copied as they are (phrase tests only look for ASCII words).
// The reference the phrase matchers of findings and remedies are tested against.
#[cfg(test)]
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
// The reference `remedies::Sentences` is tested against.
#[cfg(test)]
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

/// The texts of the fixtures (`tests/fixtures/*.txt`), in name order: for
/// the tests of every scanner.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
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
    fn mask_matches_table() {
        // Every byte at every position of a full chunk and of a short one.
        for b in 0..=255u8 {
            for len in [64usize, 13] {
                for pos in 0..len {
                    let mut bytes = vec![b' '; len];
                    bytes[pos] = b;
                    let want = if WORD[usize::from(b)] { 1u64 << pos } else { 0 };
                    let lead = b.is_ascii_uppercase() || b.is_ascii_digit();
                    let want_leads = if lead { 1u64 << pos } else { 0 };
                    let (mask, rare) = word_mask(&bytes);
                    assert_eq!(mask, want, "byte {b:#x} at {pos} of {len}");
                    assert_eq!(rare, matches!(b, 0xA3 | 0xAC | b'\n' | b'\r'));
                    // The register version (wasm32): same words, "may be" rare.
                    let mut padded = [0u8; 64];
                    padded[..len].copy_from_slice(&bytes);
                    assert_eq!(mask64_swar(&padded), (want, want_leads, u64::MAX));
                    #[cfg(not(target_arch = "wasm32"))]
                    let rare = matches!(b, 0xA3 | 0xAC | b'\n' | b'\r');
                    assert_eq!(
                        mask64_vector(&padded),
                        (want, want_leads, if rare { 1u64 << pos } else { 0 })
                    );
                    #[cfg(target_arch = "x86_64")]
                    if std::arch::is_x86_feature_detected!("avx2") {
                        // SAFETY: the CPU has AVX2.
                        let avx2 = unsafe { mask64_avx2(&padded) };
                        assert_eq!(avx2, mask64_vector(&padded));
                    }
                }
            }
        }
        assert_eq!(word_mask(b"aZ09-\xc2\xa3_"), (0b0000_1111, true));
    }

    /// The candidates by their definition, word by word: every keyword,
    /// number and lone capital, small-letter ones included wherever they
    /// stand (what `fill` kept before it looked back from numbers).
    fn all_candidates(text: &str) -> Vec<(usize, usize, u8)> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        toks.iter()
            .filter_map(|t| {
                let w = t.str(text);
                let lower = w.to_ascii_lowercase();
                let lanes = if w.as_bytes()[0].is_ascii_digit() {
                    if w.len() <= 4 {
                        DATES
                    } else {
                        0
                    }
                } else if w.len() == 1 {
                    match w.as_bytes()[0] {
                        b'I' | b'A' => 0,
                        c if c.is_ascii_uppercase() => PARTIES,
                        b's' if text[t.end..].starts_with('.') => LEGISLATION,
                        _ => 0,
                    }
                } else {
                    KEYWORDS
                        .iter()
                        .find(|(k, _, _)| *k == lower.as_bytes())
                        .filter(|(_, _, small)| *small || w.as_bytes()[0].is_ascii_uppercase())
                        .map_or(0, |&(_, lane, _)| lane)
                };
                (lanes != 0).then_some((t.start, t.end, lanes))
            })
            .collect()
    }

    /// The candidates `fill` keeps, by their definition: those of
    /// [`all_candidates`] that start with a capital or a digit, and the
    /// small-letter ones that a number or date word follows, with at most
    /// three small-letter words between, each `of` or six letters long.
    fn naive_candidates(text: &str) -> Vec<(usize, usize, u8)> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let all = all_candidates(text);
        let lanes_at = |start: usize| all.iter().find(|c| c.0 == start).map_or(0, |c| c.2);
        let small = |t: &Tok| t.first.is_ascii_lowercase();
        all.iter()
            .copied()
            .filter(|&(start, _, _)| {
                let i = toks.iter().position(|t| t.start == start).unwrap();
                if !small(&toks[i]) {
                    return true;
                }
                // The first word after it that starts with a capital or a digit.
                let Some(j) = (i + 1..toks.len()).find(|&j| !small(&toks[j])) else {
                    return false;
                };
                let leads = toks[j].first.is_ascii_digit() || lanes_at(toks[j].start) & DATES != 0;
                let chain = toks[i + 1..j]
                    .iter()
                    .all(|t| t.len() == 6 || t.str(text) == "of");
                leads && j - i <= 4 && chain
            })
            .collect()
    }

    #[test]
    fn words_before_read_off_masks_are_the_words_read_from_bytes() {
        let mut texts = fixture_texts();
        texts.push(format!(
            "{}ab {}cd{}",
            " ".repeat(70),
            "x".repeat(100),
            " ".repeat(63)
        ));
        texts.push("a".repeat(300));
        let mut off_masks = 0;
        for t in &texts {
            let b = t.as_bytes();
            for (ci, chunk) in b.chunks(64).enumerate() {
                let base = ci * 64;
                let (m, _) = word_mask(chunk);
                for at in base..base + chunk.len() {
                    if let Some(w) = word_before_in(m, base, at) {
                        assert_eq!(Some(w), word_before(b, at), "at {at}");
                        off_masks += 1;
                    }
                }
            }
        }
        assert!(off_masks > 50_000, "{off_masks}");
    }

    #[test]
    fn candidates_match_their_definition() {
        let mut texts: Vec<String> = vec![
            "Mrs X complained on 3 March 2021 under section 26(1) of the Act, s. 3; see paragraphs 4 and 5.".into(),
            "MARCH, September; the Summer of 2020, early June, end of May; Schedule 2 Part 3 Parts I".into(),
            // Keywords across the 64-byte chunk edges and at the very end.
            format!("{}December {}Regulations {}s.", "x".repeat(60), " ".repeat(58), "y ".repeat(30)),
            format!("{} para", "a".repeat(63)),
            "paragraphsx paragraphs regulationss 12345 1234 1st 22nd A I X".into(),
            // Small-letter keywords before numbers and date words, near
            // and far, over chunk edges, and before nothing.
            "the end of summer of 2020; end of the summer 2020; early summer of 2021, late May".into(),
            "mid-2019, sections 26(1) and 26A(1), schedule 2, regulation 4, article 8, s.20, para. 3".into(),
            "start of spring of winter of 2020 and the section 12345 and section x 12".into(),
            format!("{}section {}4 of paragraph", "x".repeat(58), " ".repeat(70)),
            "section paragraph summer early late end of".into(),
        ];
        texts.extend(fixture_texts());
        assert!(texts.len() >= 9, "the fixtures are read");
        for t in &texts {
            let got: Vec<(usize, usize, u8)> = Words::of(t)
                .cands()
                .iter()
                .map(|c| (c.start, c.end, c.lanes))
                .collect();
            assert_eq!(got, naive_candidates(t), "{t:?}");
            // The baseline mask too, where `fill` takes the AVX2 one.
            let mut baseline = Words::default();
            baseline.fill_with(t, t.as_bytes(), 0, mask64);
            assert_eq!(baseline.cands(), Words::of(t).cands(), "{t:?}");
            // Read inside a longer text, whose bytes after it (a word
            // going on, candidates, money, a line break) must change
            // nothing; with too few bytes after it, and with the wrong
            // offset given.
            for after in ["", "7", "ber 2020 Mr X", "s £5\n", &"Act 1974 ".repeat(9)] {
                let around = format!("Mr Y 2019 s.{t}{after}");
                let at = around.len() - t.len() - after.len();
                let piece = &around[at..at + t.len()];
                let mut inside = Words::default();
                inside.fill_in(piece, around.as_bytes(), at);
                assert_eq!(inside.cands(), Words::of(t).cands(), "{t:?} + {after:?}");
                assert_eq!(inside.rare, Words::of(t).rare, "{t:?} + {after:?}");
                inside.fill_in(piece, around.as_bytes(), at + 1);
                assert_eq!(inside.cands(), Words::of(t).cands(), "{t:?} + {after:?}");
            }
        }
        // The look-back keeps fewer words than all keywords: the test is not empty.
        let t = "section paragraph summer early late end of";
        assert!(naive_candidates(t).is_empty() && all_candidates(t).len() == 6);
        // Every keyword capitalised and in capitals is found, and in small
        // letters only where its scanner takes it; nothing else in the sentence.
        for (k, lane, small) in KEYWORDS {
            let k = std::str::from_utf8(k).unwrap();
            let cap = format!("{}{}", k[..1].to_ascii_uppercase(), &k[1..]);
            for (w, found_as) in [
                (k.to_string(), small),
                (k.to_ascii_uppercase(), true),
                (cap, true),
            ] {
                // A number after it, so a small-letter keyword counts.
                let t = format!("the {w} 12");
                let words = Words::of(&t);
                let found: Vec<(&str, u8)> =
                    words.cands().iter().map(|c| (c.str(&t), c.lanes)).collect();
                let mut want: Vec<(&str, u8)> = if found_as {
                    vec![(w.as_str(), lane)]
                } else {
                    vec![]
                };
                want.push(("12", DATES));
                assert_eq!(found, want, "{t}");
            }
        }
        // Common words that share a keyword's letters are not candidates.
        let t = "the decision may not now be seen as late May; Mr and Mrs";
        let found: Vec<&str> = Words::of(t).cands().iter().map(|c| c.str(t)).collect();
        assert_eq!(found, ["late", "May", "Mr", "Mrs"]);
    }

    /// The fixture decisions (`tests/fixtures/*.txt`).
    /// The words before a date that qualify it (`early`, `end` of ...).
    const QUALIFIERS: [&str; 7] = [
        "early",
        "mid",
        "late",
        "end",
        "start",
        "beginning",
        "middle",
    ];

    /// Everything the scanners find, as text, given the candidates `words`.
    fn scanned(t: &str, words: &Words) -> String {
        use super::super::{dates, legislation, parties, references};
        let mut d = Vec::new();
        dates::scan(t, words, |s, e, v| d.push((s, e, v)));
        let mut r = Vec::new();
        references::scan(t, words, &mut r);
        let mut p = Vec::new();
        parties::scan(t, words, &mut p);
        let l = legislation::scan(t, words);
        format!("{d:?}\n{r:?}\n{p:?}\n{l:?}")
    }

    #[test]
    fn small_keywords_far_from_numbers_find_nothing() {
        // The scanners find the same with every keyword as a candidate as
        // with those `fill` keeps: a small-letter keyword with no number or
        // date word after it (`look_back`) leads nowhere.
        let mut texts: Vec<String> = Vec::new();
        texts.extend(fixture_texts());
        // Pseudo-random runs of the words the scanners key on.
        let vocab: Vec<&str> = QUALIFIERS
            .into_iter()
            .chain([
                "of",
                "the",
                "in",
                "summer",
                "spring",
                "autumn",
                "winter",
                "Summer",
                "2020",
                "13",
                "March",
                "May",
                "Sept",
                "section",
                "sections",
                "s.",
                "schedule",
                "Schedule",
                "regulation",
                "regulations",
                "article",
                "articles",
                "paragraph",
                "paragraphs",
                "para",
                "paras",
                "5",
                "26(1)",
                "26A",
                "and",
                "to",
                "Act",
                "1974",
                "Mr",
                "X",
                "people",
                "-",
                "/",
            ])
            .collect();
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = 2 + next(6);
            let words: Vec<&str> = (0..len).map(|_| vocab[next(vocab.len())]).collect();
            let sep = [" ", " ", " ", "-", ", ", "  "][next(6)];
            texts.push(words.join(sep));
        }
        // Every chain a date's words can make, and a few that break it.
        for q in [""].into_iter().chain(QUALIFIERS).chain(["End", "in"]) {
            for o1 in ["", "of"] {
                for season in ["", "summer", "winter", "Summer", "people"] {
                    for o2 in ["", "of"] {
                        for last in ["2020", "March", "13 March 2020", "May", "5", "the 2020"] {
                            for sep in [" ", "-"] {
                                let words = [q, o1, season, o2, last];
                                let words: Vec<&str> =
                                    words.into_iter().filter(|w| !w.is_empty()).collect();
                                texts.push(format!("since {}.", words.join(sep)));
                            }
                        }
                    }
                }
            }
        }
        let mut differ = 0;
        for t in &texts {
            let cands: Vec<Tok> = all_candidates(t)
                .into_iter()
                .map(|(start, end, lanes)| Tok {
                    lanes,
                    ..Tok::new(t, start, end)
                })
                .collect();
            let every = Words::from_cands(cands, true);
            let kept = Words::of(t);
            differ += usize::from(every.cands().len() != kept.cands().len());
            assert_eq!(scanned(t, &kept), scanned(t, &every), "{t:?}");
        }
        // Many texts had small-letter keywords that `fill` left out.
        assert!(differ > 5_000, "{differ}");
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
