//! Stage 2: the line grammar, as nom combinators over one trimmed line.
//!
//! Each parser recognises one kind of line from FORMAT.md (title, metadata,
//! final-decision marker, summary, list markers, closing line, web
//! boilerplate) and returns the pieces as sub-slices of the line, so later
//! stages can turn them into spans without counting offsets by hand.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{eof, opt, recognize, rest};
use nom::{IResult, Parser};

use crate::span::is_blank_char;
use crate::tree::{BoilerplateKind, FieldName};

/// A list marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `12.`: a paragraph number, or (indented deeper) a lettered sub-item.
    Number(u32),
    /// `•` and its relatives.
    Bullet,
    /// `- `.
    Dash,
    /// `a)`, `(b)`, `iv)`.
    Letter,
}

/// A line that starts with a list marker: the marker, and the text after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListLine<'a> {
    pub marker: Marker,
    pub marker_text: &'a str,
    pub text: &'a str,
}

/// Spaces after a marker: ASCII spaces, tabs or non-breaking spaces.
fn gap(s: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c == ' ' || c == '\t' || c == '\u{a0}').parse(s)
}

fn number_marker(s: &str) -> IResult<&str, (Marker, &str)> {
    let (after, marker_text) = recognize((
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        char('.'),
    ))
    .parse(s)?;
    let (after, _) = alt((gap, eof)).parse(after)?;
    let n = marker_text
        .trim_end_matches('.')
        .parse::<u32>()
        .unwrap_or_default();
    Ok((after, (Marker::Number(n), marker_text)))
}

fn bullet_marker(s: &str) -> IResult<&str, (Marker, &str)> {
    let (after, marker_text) = recognize(one_of("•·▪◦●○‣∙*")).parse(s)?;
    let (after, _) = opt(gap).parse(after)?;
    Ok((after, (Marker::Bullet, marker_text)))
}

fn dash_marker(s: &str) -> IResult<&str, (Marker, &str)> {
    let (after, marker_text) = recognize(char('-')).parse(s)?;
    let (after, _) = alt((gap, eof)).parse(after)?;
    Ok((after, (Marker::Dash, marker_text)))
}

fn letter_marker(s: &str) -> IResult<&str, (Marker, &str)> {
    let roman = alt((
        tag("viii"),
        tag("vii"),
        tag("iii"),
        tag("vi"),
        tag("iv"),
        tag("ix"),
        tag("ii"),
    ));
    let letter = recognize(satisfy(|c| c.is_ascii_lowercase()));
    let (after, marker_text) =
        recognize((opt(char('(')), alt((roman, letter)), char(')'))).parse(s)?;
    let (after, _) = gap(after)?;
    Ok((after, (Marker::Letter, marker_text)))
}

/// `1. text`, `• text`, `- text`, `a) text` (on a trimmed line).
pub fn list_line(s: &str) -> Option<ListLine<'_>> {
    // The first byte tells which marker it can be (no two start alike), so
    // only that parser runs; prose starting with a capital is rejected here.
    let parsed = match first_byte(s) {
        b'0'..=b'9' => number_marker(s),
        b'-' => dash_marker(s),
        b'(' | b'a'..=b'z' => letter_marker(s),
        b'*' | 0x80.. => bullet_marker(s),
        _ => return None,
    };
    let (text, (marker, marker_text)) = parsed.ok()?;
    Some(ListLine {
        marker,
        marker_text,
        text,
    })
}

/// `tag` ignoring ASCII case, for the ASCII words of labels and markers.
///
/// Same matches as nom's `tag_no_case` for these words (none has a `k`, the
/// one ASCII letter a non-ASCII character lower-cases to alone), without its
/// per-character Unicode case mapping.
fn tag_ci<'a>(word: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |s: &'a str| {
        let n = word.len();
        match s.as_bytes().get(..n) {
            Some(head) if head.eq_ignore_ascii_case(word.as_bytes()) => {
                // The matched bytes are ASCII, so `n` is a character boundary.
                Ok((s.get(n..).unwrap_or(""), s.get(..n).unwrap_or("")))
            }
            _ => Err(nom::Err::Error(nom::error::Error::new(
                s,
                nom::error::ErrorKind::Tag,
            ))),
        }
    }
}

/// Apostrophes as written: straight, curly, or the modifier letter.
fn apostrophe(s: &str) -> IResult<&str, char> {
    one_of("'’‘`ʼ").parse(s)
}

fn spaces0(s: &str) -> IResult<&str, &str> {
    nom::bytes::complete::take_while(|c: char| c == ' ' || c == '\t' || c == '\u{a0}').parse(s)
}

/// A metadata line: the field, the label with its colon, and the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldLine<'a> {
    pub name: FieldName,
    pub label: &'a str,
    pub value: &'a str,
}

/// `Category : Area > Sub`, `Decision : Upheld`, `Decision date : 29 Jul 2020`,
/// and the legacy `Ombudsman satisfied with council's response: 02 November 2015`.
pub fn field_line(s: &str) -> Option<FieldLine<'_>> {
    // Every label starts with an ASCII C, D or O (any case).
    if !matches!(first_byte(s).to_ascii_lowercase(), b'c' | b'd' | b'o') {
        return None;
    }
    let satisfied = recognize((
        tag_ci("Ombudsman satisfied with "),
        take_while1(|c: char| c.is_alphanumeric() || c == ' '),
        opt(apostrophe),
        opt(tag_ci("s")),
        tag_ci(" response"),
    ));
    let name = alt((
        tag_ci("Decision date").map(|_| FieldName::DecisionDate),
        tag_ci("Date of decision").map(|_| FieldName::DecisionDate),
        tag_ci("Category").map(|_| FieldName::Category),
        tag_ci("Decision").map(|_| FieldName::Decision),
        tag_ci("Outcome").map(|_| FieldName::Decision),
        satisfied.map(|_| FieldName::SatisfiedWithResponse),
    ));
    let (value, (name, label)) = (|i| {
        let (after, (name, _, _)) = (name, spaces0, char(':')).parse(i)?;
        let label_len = i.len() - after.len();
        let (after, _) = spaces0(after)?;
        Ok::<_, nom::Err<nom::error::Error<&str>>>((after, (name, i.get(..label_len).unwrap_or(i))))
    })(s)
    .ok()?;
    Some(FieldLine { name, label, value })
}

/// `The Ombudsman's final decision:` (any apostrophe, any case, colon optional).
pub fn final_marker(s: &str) -> bool {
    if !matches!(first_byte(s).to_ascii_lowercase(), b't' | b'o') {
        return false;
    }
    let r: IResult<&str, _> = (
        opt(tag_ci("The ")),
        tag_ci("Ombudsman"),
        apostrophe,
        tag_ci("s final decision"),
        opt(char(':')),
        eof,
    )
        .parse(s);
    r.is_ok()
}

/// `Summary: text` -> the label with its colon, and the text (maybe empty).
pub fn inline_summary(s: &str) -> Option<(&str, &str)> {
    if !first_byte(s).eq_ignore_ascii_case(&b's') {
        return None;
    }
    let r: IResult<&str, _> = (tag_ci("Summary"), spaces0, char(':'), spaces0).parse(s);
    let (text, _) = r.ok()?;
    let label = s
        .get(..s.len() - text.len())?
        .trim_end_matches(is_blank_char);
    Some((label, text))
}

/// A bare `Summary` line (old pages).
pub fn summary_heading(s: &str) -> bool {
    s.eq_ignore_ascii_case("summary")
}

/// The title line: `Authority (YY NNN NNN)` or the bare reference. Returns the
/// authority (if any) and the reference as written.
pub fn title_line(s: &str) -> Option<(Option<&str>, &str)> {
    // Both forms end with `)` or a digit (before trailing spaces).
    let end = s.trim_end_matches([' ', '\t', '\u{a0}']).as_bytes().last();
    if !end.is_some_and(|&b| b == b')' || b.is_ascii_digit()) {
        return None;
    }
    if let Ok(("", r)) = reference(s) {
        return Some((None, r));
    }
    // The reference is the last parenthesised group: authority names may hold brackets.
    let open = s.rfind('(')?;
    let inner = s.get(open + 1..)?;
    let r: IResult<&str, _> = (spaces0, reference, spaces0, char(')'), spaces0, eof).parse(inner);
    let (_, (_, reference, ..)) = r.ok()?;
    let authority = s.get(..open)?.trim_end_matches(is_blank_char);
    Some(((!authority.is_empty()).then_some(authority), reference))
}

/// `19 011 114` (or with dashes, or without separators).
pub fn reference(s: &str) -> IResult<&str, &str> {
    let digits = |n| take_while_m_n(n, n, |c: char| c.is_ascii_digit());
    let sep = || opt(one_of(" -\u{a0}"));
    recognize((digits(2), sep(), digits(3), sep(), digits(3))).parse(s)
}

/// The reference as the website writes it: `19-011-114`.
pub fn reference_id(reference: &str) -> Option<String> {
    let digits: String = reference.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits.len() == 8).then(|| {
        format!(
            "{}-{}-{}",
            digits.get(0..2).unwrap_or(""),
            digits.get(2..5).unwrap_or(""),
            digits.get(5..8).unwrap_or("")
        )
    })
}

/// The closing line: whose decision it is.
pub fn closing_line(s: &str) -> bool {
    if s.len() > 120 {
        return false;
    }
    // The phrase has no `i` or `k`, the only ASCII letters a non-ASCII
    // character lower-cases to (U+0130, U+212A), so ignoring ASCII case
    // finds exactly what searching `s.to_lowercase()` would.
    // Anchored on the `b` of "behalf".
    if contains_ascii_ci(s, "on behalf of the ombudsman", 3) {
        return true;
    }
    // Only an ASCII a, d, i or o starts a match of the phrases below.
    if !matches!(
        first_byte(s).to_ascii_lowercase(),
        b'a' | b'd' | b'i' | b'o'
    ) {
        return false;
    }
    let r: IResult<&str, _> = (
        opt(alt((tag_ci("Assistant "), tag_ci("Deputy ")))),
        alt((tag_ci("Investigator"), tag_ci("Ombudsman"))),
        apostrophe,
        tag_ci("s decision"),
        rest,
    )
        .parse(s);
    r.is_ok_and(|(_, (.., tail))| tail.len() < 40)
}

/// Web page furniture, matched whole (case-insensitive).
const NAVIGATION: &[&str] = &[
    "back to top",
    "print this page",
    "lgo logogram",
    "skip to main content",
    "share this page",
    "return to search results",
];

const COOKIE_LINES: &[&str] = &[
    "privacy settings",
    "review your privacy settings",
    "required cookies",
    "analytical cookies",
    "view required cookies",
    "view analytical cookies",
    "cookie settings",
    "accept all cookies",
    "reject all cookies",
    "save preferences",
];

/// The length of the longest phrase in [`NAVIGATION`] and [`COOKIE_LINES`].
const LONGEST_WHOLE_LINE_PHRASE: usize = 28;

/// Cookie-banner paragraphs, matched by how they begin.
const COOKIE_PREFIXES: &[&str] = &[
    "these cookies enable the website",
    "google analytics cookies help",
    "we recommend you set these",
    "in using google analytics",
    "we use cookies",
];

/// Is this trimmed line web boilerplate? `last` allows a truncated phrase
/// (`Back to t`) on the final line of a cut-off scrape.
pub fn boilerplate(s: &str, last: bool) -> Option<BoilerplateKind> {
    if s.is_empty() || s.len() > 400 {
        return None;
    }
    // Every phrase is ASCII lower case: compare the first lower-case character
    // before walking a phrase, and never build the lower-cased line.
    let first = match first_byte(s) {
        b if b.is_ascii() => Some(char::from(b.to_ascii_lowercase())),
        _ => s.chars().next().and_then(|c| c.to_lowercase().next()),
    };
    // Whole-line phrases are short: a line of more than four bytes a
    // character (UTF-8's most) for each of their characters is none of them.
    let short = s.len() <= 4 * LONGEST_WHOLE_LINE_PHRASE;
    // No phrase starts with another letter (nor does a truncated one), and
    // on a long line only the cookie paragraphs' openings can match.
    let initials = if short { "abcgilprstvw" } else { "gitw" };
    if !first.is_some_and(|c| c.is_ascii() && initials.as_bytes().contains(&(c as u8))) {
        return None;
    }
    let candidates = |list: &'static [&'static str]| {
        list.iter()
            .filter(move |p| p.chars().next() == first)
            .map(move |p| lower_vs(s, p))
    };
    if short && candidates(NAVIGATION).any(|r| r == LowerRel::Equal) {
        return Some(BoilerplateKind::Navigation);
    }
    if short && candidates(COOKIE_LINES).any(|r| r == LowerRel::Equal)
        || candidates(COOKIE_PREFIXES)
            .any(|r| matches!(r, LowerRel::Equal | LowerRel::LongerThanPhrase))
    {
        return Some(BoilerplateKind::Cookies);
    }
    if last {
        let lower = s.to_lowercase();
        if lower.len() >= 4 {
            if NAVIGATION.iter().any(|p| p.starts_with(&lower)) {
                return Some(BoilerplateKind::Navigation);
            }
            if COOKIE_LINES.iter().any(|p| p.starts_with(&lower)) {
                return Some(BoilerplateKind::Cookies);
            }
        }
    }
    None
}

/// How the Unicode lower case of a line compares with a lower-case phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LowerRel {
    Equal,
    /// The phrase is a proper prefix of the lower-cased line.
    LongerThanPhrase,
    /// Anything else.
    Differ,
}

/// Compares `s.to_lowercase()` with `phrase` character by character, stopping
/// at the first difference (no allocation). Phrases are ASCII, so while `s`
/// is ASCII both advance a byte at a time.
fn lower_vs(s: &str, phrase: &str) -> LowerRel {
    let (sb, pb) = (s.as_bytes(), phrase.as_bytes());
    let mut i = 0;
    while let Some(&b) = sb.get(i) {
        if !b.is_ascii() {
            // A character whose lower case may be longer: compare the rest
            // the general way.
            return lower_vs_chars(s.get(i..).unwrap_or(""), phrase.get(i..).unwrap_or(""));
        }
        match pb.get(i) {
            None => return LowerRel::LongerThanPhrase,
            Some(&w) if w == b.to_ascii_lowercase() => i += 1,
            Some(_) => return LowerRel::Differ,
        }
    }
    if i == pb.len() {
        LowerRel::Equal
    } else {
        LowerRel::Differ
    }
}

fn lower_vs_chars(s: &str, phrase: &str) -> LowerRel {
    let mut want = phrase.chars();
    for c in s.chars().flat_map(char::to_lowercase) {
        match want.next() {
            None => return LowerRel::LongerThanPhrase,
            Some(w) if w == c => {}
            Some(_) => return LowerRel::Differ,
        }
    }
    if want.next().is_none() {
        LowerRel::Equal
    } else {
        LowerRel::Differ
    }
}

/// Does `s` hold `needle` (ASCII lower case), ignoring ASCII case?
/// Searches for the needle's byte at `anchor` first: pick its least common
/// letter, as most lines have none of it, while a common letter would stop
/// the search at every other word.
fn contains_ascii_ci(s: &str, needle: &str, anchor: usize) -> bool {
    let (hay, needle) = (s.as_bytes(), needle.as_bytes());
    let Some(&a) = needle.get(anchor) else {
        return needle.is_empty();
    };
    memchr::memchr2_iter(a, a.to_ascii_uppercase(), hay).any(|i| {
        i.checked_sub(anchor)
            .and_then(|from| hay.get(from..from + needle.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// The first byte of `s`, for quick rejection before a full match.
fn first_byte(s: &str) -> u8 {
    s.as_bytes().first().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers() {
        let l = list_line("12. Ms X complained.").unwrap();
        assert_eq!(
            (l.marker, l.marker_text, l.text),
            (Marker::Number(12), "12.", "Ms X complained.")
        );
        let l = list_line("• the Council delayed;").unwrap();
        assert_eq!(
            (l.marker, l.marker_text, l.text),
            (Marker::Bullet, "•", "the Council delayed;")
        );
        let l = list_line("- text").unwrap();
        assert_eq!((l.marker, l.text), (Marker::Dash, "text"));
        let l = list_line("b) second").unwrap();
        assert_eq!((l.marker, l.marker_text), (Marker::Letter, "b)"));
        let l = list_line("(iv) fourth").unwrap();
        assert_eq!(l.marker_text, "(iv)");
        assert!(list_line("2020. was a year").is_none());
        assert!(list_line("-text").is_none());
        assert!(list_line("(Local Government Act 1974, section 24A(6))").is_none());
        assert!(list_line("section 26(6)(a) says").is_none());
        assert!(list_line("1.5 million").is_none());
    }

    #[test]
    fn fields() {
        let f = field_line("Category : Children's care services > Fostering").unwrap();
        assert_eq!(
            (f.name, f.label, f.value),
            (
                FieldName::Category,
                "Category :",
                "Children's care services > Fostering"
            )
        );
        let f = field_line("Decision date : 29 Jul 2020").unwrap();
        assert_eq!((f.name, f.value), (FieldName::DecisionDate, "29 Jul 2020"));
        let f = field_line("Decision: Upheld").unwrap();
        assert_eq!((f.name, f.label), (FieldName::Decision, "Decision:"));
        let f =
            field_line("Ombudsman satisfied with council's response: 02 November 2015").unwrap();
        assert_eq!(
            (f.name, f.value),
            (FieldName::SatisfiedWithResponse, "02 November 2015")
        );
        assert!(field_line("Decision").is_none());
        assert!(field_line("Decisions were made: all").is_none());
    }

    #[test]
    fn marker_summary_closing() {
        assert!(final_marker("The Ombudsman's final decision:"));
        assert!(final_marker("The Ombudsman’s final decision:"));
        assert!(final_marker("the ombudsman's final decision"));
        assert!(!final_marker(
            "The Ombudsman's final decision was to uphold"
        ));
        assert_eq!(
            inline_summary("Summary: Ms X complained"),
            Some(("Summary:", "Ms X complained"))
        );
        assert_eq!(inline_summary("Summary :"), Some(("Summary :", "")));
        assert!(summary_heading("Summary"));
        assert!(closing_line(
            "Investigator's decision on behalf of the Ombudsman"
        ));
        assert!(closing_line("Assistant Ombudsman’s decision"));
        assert!(!closing_line(
            "The Investigator's decision was that the Council should pay"
        ));
    }

    #[test]
    fn titles() {
        assert_eq!(
            title_line("West Sussex County Council (19 011 114)"),
            Some((Some("West Sussex County Council"), "19 011 114"))
        );
        assert_eq!(
            title_line("Some Care Centre (Town) Limited (23 013 400)"),
            Some((Some("Some Care Centre (Town) Limited"), "23 013 400"))
        );
        assert_eq!(title_line("15 010 742"), Some((None, "15 010 742")));
        assert_eq!(title_line("Council (1974)"), None);
        assert_eq!(reference_id("19 011 114").as_deref(), Some("19-011-114"));
    }

    #[test]
    fn longest_whole_line_phrase() {
        let longest = NAVIGATION.iter().chain(COOKIE_LINES).map(|p| p.len()).max();
        assert_eq!(longest, Some(LONGEST_WHOLE_LINE_PHRASE));
    }

    #[test]
    fn lower_case_comparisons() {
        assert_eq!(lower_vs("Back To Top", "back to top"), LowerRel::Equal);
        assert_eq!(
            lower_vs("Back to topics", "back to top"),
            LowerRel::LongerThanPhrase
        );
        assert_eq!(lower_vs("Back", "back to top"), LowerRel::Differ);
        // U+212A KELVIN SIGN lower-cases to an ASCII k.
        assert_eq!(
            lower_vs("Bac\u{212a} to top", "back to top"),
            LowerRel::Equal
        );
        let needle = "on behalf of the ombudsman";
        assert!(contains_ascii_ci(
            "Decision ON BEHALF of the Ombudsman",
            needle,
            3
        ));
        assert!(contains_ascii_ci("on behalf of the ombudsman", needle, 3));
        assert!(!contains_ascii_ci("behalf of the ombudsman", needle, 3));
        assert!(!contains_ascii_ci("b", needle, 3));
        assert!(contains_ascii_ci("x", "", 0));
    }

    #[test]
    fn boilerplate_lines() {
        assert_eq!(
            boilerplate("Back to top", false),
            Some(BoilerplateKind::Navigation)
        );
        assert_eq!(
            boilerplate("Back to t", true),
            Some(BoilerplateKind::Navigation)
        );
        assert_eq!(boilerplate("Back to t", false), None);
        assert_eq!(
            boilerplate("Required cookies", false),
            Some(BoilerplateKind::Cookies)
        );
        assert_eq!(boilerplate("The complaint", true), None);
    }
}
