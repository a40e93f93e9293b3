//! A deterministic corpus of varied decisions, built from the fixtures.
//!
//! Shared by the criterion benches (`benches/parse.rs`) and the examples
//! (`examples/throughput.rs`, ...) through `#[path]`, so every figure is
//! measured on the same kind of text. Not part of any shipped crate.
//!
//! Each decision is one of the nine fixtures (five real seeds, four
//! synthetic layouts) with its reference, party letters and amounts
//! changed, its body paragraphs shuffled, duplicated or dropped, and now and
//! then CRLF line endings or a byte-order mark: the same layouts the parser
//! meets, never twice the same bytes.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// splitmix64: small, fast, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The fixtures, sorted by name: `(file name, text)`.
pub fn fixtures() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).expect("fixture text");
            (name, text)
        })
        .collect();
    out.sort();
    out
}

/// The five real seeds (`000_...` to `004_...`).
pub fn seeds() -> Vec<(String, String)> {
    fixtures()
        .into_iter()
        .filter(|(n, _)| n.as_bytes().first().is_some_and(u8::is_ascii_digit))
        .collect()
}

/// Decisions until there are at least `min_docs` of them and `min_bytes` of
/// text, varied from the fixtures by `seed`.
pub fn corpus(min_docs: usize, min_bytes: usize, seed: u64) -> Vec<String> {
    corpus_from(&fixtures(), min_docs, min_bytes, seed)
}

/// [`corpus`], varied from the fixtures `fx` (`(name, text)`) only.
pub fn corpus_from(
    fx: &[(String, String)],
    min_docs: usize,
    min_bytes: usize,
    seed: u64,
) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut bytes = 0;
    while out.len() < min_docs || bytes < min_bytes {
        let (_, text) = &fx[rng.below(fx.len())];
        let doc = vary(text, &mut rng);
        bytes += doc.len();
        out.push(doc);
    }
    out
}

/// One variation of a fixture.
pub fn vary(text: &str, rng: &mut Rng) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let text = shuffle_body(&text, rng);
    let text = new_reference(&text, rng);
    let text = new_letter(&text, rng);
    let mut text = new_amounts(&text, rng);
    if rng.chance(10) {
        text = text.replace('\n', "\r\n");
    }
    if rng.chance(3) {
        text.insert(0, '\u{feff}');
    }
    text
}

/// Is this line the start of a body unit: a numbered paragraph or a dash line?
fn starts_unit(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    let indent = line.len() - t.len();
    if indent <= 3 {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) && t.as_bytes().get(digits) == Some(&b'.') {
            return true;
        }
    }
    t.starts_with("- ")
}

/// Shuffles, duplicates and drops paragraphs after the header. Chunks are
/// runs of lines between blank lines; inside a chunk, units start at a
/// numbered or dash line and take the deeper lines after them along.
fn shuffle_body(text: &str, rng: &mut Rng) -> String {
    let chunks: Vec<&str> = text.split("\n\n").collect();
    // The header (title, metadata, marker, summary) stays where it is.
    let header = chunks
        .iter()
        .position(|c| c.starts_with("Summary"))
        .map_or(6, |i| i + 1)
        .min(chunks.len());
    let mut out: Vec<String> = chunks
        .get(..header)
        .unwrap_or_default()
        .iter()
        .map(|c| c.to_string())
        .collect();
    // The closing line and the page furniture after it stay at the end.
    let tail = chunks
        .iter()
        .skip(header)
        .position(|c| is_closing(c))
        .map_or(chunks.len(), |i| header + i);
    let mut body: Vec<String> = Vec::new();
    for chunk in chunks.get(header..tail).unwrap_or_default() {
        let chunk = shuffle_units(chunk, rng);
        body.push(chunk.clone());
        if rng.chance(8) {
            body.push(chunk);
        }
    }
    // Swap a few neighbouring chunks (headings move, as layouts differ).
    for _ in 0..body.len() / 8 {
        if body.len() > 2 {
            let i = rng.below(body.len() - 1);
            body.swap(i, i + 1);
        }
    }
    out.extend(body);
    out.extend(
        chunks
            .get(tail..)
            .unwrap_or_default()
            .iter()
            .map(|c| c.to_string()),
    );
    out.join("\n\n")
}

/// The closing line ("Investigator's decision on behalf of the Ombudsman")
/// or the page furniture that follows the body.
fn is_closing(chunk: &str) -> bool {
    let first = chunk.lines().next().unwrap_or("").trim().to_lowercase();
    first.contains("on behalf of the ombudsman")
        || first.ends_with("'s decision")
        || first.ends_with("’s decision")
        || first == "print this page"
}

fn shuffle_units(chunk: &str, rng: &mut Rng) -> String {
    let mut units: Vec<Vec<&str>> = Vec::new();
    for line in chunk.split('\n') {
        match units.last_mut() {
            Some(u) if !starts_unit(line) => u.push(line),
            _ => units.push(vec![line]),
        }
    }
    if units.len() < 2 {
        return chunk.to_string();
    }
    let mut out: Vec<Vec<&str>> = Vec::with_capacity(units.len() + 4);
    for u in units {
        if rng.chance(4) && !out.is_empty() {
            continue; // dropped
        }
        if rng.chance(10) {
            out.push(u.clone());
        }
        out.push(u);
    }
    for _ in 0..out.len() / 4 {
        let i = rng.below(out.len() - 1);
        out.swap(i, i + 1);
    }
    out.concat().join("\n")
}

/// Replaces every `NN NNN NNN` reference with fresh digits.
fn new_reference(text: &str, rng: &mut Rng) -> String {
    let mut b = text.as_bytes().to_vec();
    let shape = b"dd ddd ddd";
    let mut i = 0;
    while i + shape.len() <= b.len() {
        let hit = shape.iter().zip(&b[i..]).all(|(s, c)| match s {
            b'd' => c.is_ascii_digit(),
            _ => c == s,
        });
        if hit {
            for k in 0..shape.len() {
                if shape[k] == b'd' {
                    b[i + k] = b'0' + rng.below(10) as u8;
                }
            }
            i += shape.len();
        } else {
            i += 1;
        }
    }
    String::from_utf8(b).expect("ASCII digits replaced ASCII digits")
}

/// `Ms X` -> `Ms K`, the same letter throughout the decision.
fn new_letter(text: &str, rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"ABCDFGHJKLMNPRSTVWXYZ";
    let to = LETTERS[rng.below(LETTERS.len())] as char;
    let mut out = text.to_string();
    for title in ["Mr", "Mrs", "Ms", "Miss"] {
        out = out.replace(&format!("{title} X"), &format!("{title} {to}"));
    }
    out
}

/// `£300` -> `£` and other digits of the same length.
fn new_amounts(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('£') {
        out.push_str(&rest[..i + '£'.len_utf8()]);
        rest = &rest[i + '£'.len_utf8()..];
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        for k in 0..n {
            let d = if k == 0 {
                1 + rng.below(9)
            } else {
                rng.below(10)
            };
            out.push((b'0' + d as u8) as char);
        }
        rest = &rest[n..];
    }
    out.push_str(rest);
    out
}

/// The floor: what any line grammar must at least do to the same bytes.
pub fn line_pass(text: &str) -> usize {
    let mut n = 0;
    for line in text.lines() {
        n += std::hint::black_box(line.trim_start()).len();
    }
    n
}

/// Adversarial and scaled shapes, `scale` = 1, 2, 8, ...; at 8 each is its
/// named size (a 10 MB line, a 100k-item list, 100k heading lines, an 8 MB
/// decision).
pub mod shapes {
    use super::*;

    const HEAD: &str = "Northmere District Council (23 004 517)\n\nCategory : Housing > Homelessness\n\nDecision : Upheld\n\nDecision date : 14 Mar 2024\n\nThe Ombudsman's final decision:\n\nSummary: Mr X complained the Council delayed.\n\nThe complaint\n\n";

    pub const NAMES: [&str; 4] = ["decision", "long_line", "long_list", "all_headings"];

    /// One varied sentence (prose with money, dates, a citation, a party).
    fn sentence(rng: &mut Rng) -> String {
        const S: &[&str] = &[
            "Mr X complained the Council delayed assessing his needs.",
            "The Council agreed to pay Mr X £300 by 14 March 2024.",
            "Section 26(1) of the Local Government Act 1974 applies here.",
            "As I said in paragraph 4, the delay caused him distress.",
            "The Council should apologise within one month of my decision.",
            "There was no fault in how the Council reached its decision.",
        ];
        S[rng.below(S.len())].to_string()
    }

    /// The shape `name` at `scale` (1 = an eighth of the named size).
    pub fn build(name: &str, scale: usize) -> String {
        sized(name, scale, 8)
    }

    /// `1/den` of the named size (for quick test runs).
    pub fn build_fraction(name: &str, den: usize) -> String {
        sized(name, 1, den)
    }

    /// `num/den` of the named size.
    fn sized(name: &str, num: usize, den: usize) -> String {
        let mut rng = Rng::new(0x5eed);
        let mut s = String::from(HEAD);
        match name {
            "decision" => {
                // Seed 001's body, repeated with variation: 8 MB at the named size.
                let fx = fixtures();
                let body = &fx.iter().find(|(n, _)| n.starts_with("001")).unwrap().1;
                let target = num * (8 << 20) / den;
                while s.len() < target {
                    let v = vary(body, &mut rng).replace("\r\n", "\n");
                    let v = v.strip_prefix('\u{feff}').unwrap_or(&v);
                    // Only the body: from the first section heading to
                    // the closing line.
                    let from = v.find("The complaint\n").unwrap_or(0);
                    let to = v.find("Investigator's decision").unwrap_or(v.len());
                    s.push_str(&v[from..to.max(from)]);
                    s.push_str("\n\n");
                }
            }
            "long_line" => {
                // One paragraph line of 10 MB at the named size.
                let target = s.len() + num * (10 << 20) / den;
                s.push_str("  1. ");
                while s.len() < target {
                    s.push_str(&sentence(&mut rng));
                    s.push(' ');
                }
                s.push('\n');
            }
            "long_list" => {
                // A paragraph holding 100k bullet items at the named size.
                s.push_str("  1. The Council agreed to:\n");
                for _ in 0..num * 100_000 / den {
                    s.push_str("      • ");
                    s.push_str(&sentence(&mut rng));
                    s.push('\n');
                }
            }
            "all_headings" => {
                // 100k lines at the named size, every one a heading.
                const H: &[&str] = &[
                    "What happened",
                    "Law and guidance",
                    "The complaint",
                    "Section 20 of the Children Act 1989",
                    "My findings",
                    "Public Law Outline (PLO)",
                    "Agreed action",
                ];
                for _ in 0..num * 100_000 / den {
                    s.push_str(H[rng.below(H.len())]);
                    s.push('\n');
                }
            }
            _ => panic!("unknown shape {name}"),
        }
        s
    }
}
