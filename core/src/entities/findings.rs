//! Findings: a record derived from the decision's own words: was there fault,
//! did it cause injustice, was the complaint investigated, what was paid.
//!
//! Each answer points at the sentence (or metadata value) it was read from.
//! The final decision section is read first, then the summary (or a legacy
//! page's body), then the outcome line; anything not said plainly stays `unknown`.

use serde::{Deserialize, Serialize};

use crate::span::{Span, Text};
use crate::tree::{Block, Decision, FieldName, OutcomeKind, Section, SectionKind, Subsection};

use std::sync::LazyLock;

use super::remedies::{PhraseSet, Sentences};

/// What the decision found.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Findings {
    pub fault: Finding,
    pub injustice: Finding,
    pub investigated: Investigated,
    pub payments_total: PaymentsTotal,
}

/// A yes/no/unknown answer and where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    pub value: Answer,
    pub source: Option<Source>,
    /// The sentence or value it was read from.
    pub text: Option<String>,
    pub span: Option<Span>,
}

/// Whether the Ombudsman investigated, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Investigated {
    pub value: Answer,
    /// Why there was no (complete) investigation, when the text says.
    pub reason: Option<NotInvestigatedReason>,
    pub source: Option<Source>,
    pub text: Option<String>,
    pub span: Option<Span>,
}

/// Total of the payments among the remedy actions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaymentsTotal {
    /// In pence; `0` when remedies were agreed without a payment; null when no
    /// remedy actions were found or an amount could not be read.
    pub pence: Option<u64>,
    pub currency: Option<String>,
    /// The amounts added up.
    pub sources: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    #[default]
    Unknown,
}

/// Where an answer was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    FinalDecision,
    Summary,
    /// The `Decision :` metadata line.
    Outcome,
    /// The body of a page without a final decision section (legacy).
    Body,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotInvestigatedReason {
    ClosedAfterInitialEnquiries,
    Discontinued,
    Withdrawn,
    Premature,
    OutsideJurisdiction,
    ReferredBackForLocalResolution,
    /// The decision says it did not investigate without a reason the parser knows.
    Declined,
}

/// A sentence that may answer a question: which groups of phrases it
/// contains (bits of [`PHRASES`]) and its absolute span.
struct Sentence {
    phrases: u32,
    span: Span,
}

/// Computes the findings (payments are added by the caller).
pub(crate) fn derive(decision: &Decision, input: &str) -> Findings {
    let mut f = Findings::default();
    let sources = Sources {
        decision,
        input,
        cells: Default::default(),
    };
    let outcome = outcome(decision);
    // Fault: the decision's own words first (final decision, summary, a
    // legacy body), then the outcome line.
    f.fault = first_answer(input, &sources, 0..3, fault_in)
        .or_else(|| match outcome {
            Some((OutcomeKind::Upheld, span)) => {
                Some(answer(input, Answer::Yes, Source::Outcome, span))
            }
            Some((OutcomeKind::NotUpheld, span)) => {
                Some(answer(input, Answer::No, Source::Outcome, span))
            }
            _ => None,
        })
        .unwrap_or_default();
    f.injustice = first_answer(input, &sources, 0..3, injustice_in).unwrap_or_default();
    // Investigated: the final decision, then the outcome line, then the summary.
    f.investigated = first_investigated(input, &sources, 0..1)
        .or_else(|| {
            outcome.map(|(kind, span)| {
                let (value, reason) = match kind {
                    OutcomeKind::Upheld | OutcomeKind::NotUpheld => (Answer::Yes, None),
                    OutcomeKind::ClosedAfterInitialEnquiries => (
                        Answer::No,
                        Some(NotInvestigatedReason::ClosedAfterInitialEnquiries),
                    ),
                    OutcomeKind::InvestigationDiscontinued => {
                        (Answer::No, Some(NotInvestigatedReason::Discontinued))
                    }
                    OutcomeKind::Withdrawn => (Answer::No, Some(NotInvestigatedReason::Withdrawn)),
                    OutcomeKind::Premature => (Answer::No, Some(NotInvestigatedReason::Premature)),
                    OutcomeKind::OutsideJurisdiction => {
                        (Answer::No, Some(NotInvestigatedReason::OutsideJurisdiction))
                    }
                    OutcomeKind::ReferredBackForLocalResolution => (
                        Answer::No,
                        Some(NotInvestigatedReason::ReferredBackForLocalResolution),
                    ),
                    _ => (Answer::Unknown, None),
                };
                let a = answer(input, value, Source::Outcome, span);
                Investigated {
                    value,
                    reason,
                    source: a.source,
                    text: a.text,
                    span: a.span,
                }
            })
        })
        .filter(|i| i.value != Answer::Unknown)
        .or_else(|| first_investigated(input, &sources, 1..3))
        .unwrap_or_default();
    // An outcome that names the reason refines a prose "will not investigate".
    if f.investigated.value == Answer::No
        && f.investigated.reason == Some(NotInvestigatedReason::Declined)
    {
        if let Some((OutcomeKind::ClosedAfterInitialEnquiries, _)) = outcome {
            f.investigated.reason = Some(NotInvestigatedReason::ClosedAfterInitialEnquiries);
        }
    }
    f
}

/// The sentences the answers are read from, in the order they are asked:
/// final decision (and findings), summary, legacy body. Each list is split
/// and read only when a question gets that far, since most answers are in
/// the final decision.
struct Sources<'a> {
    decision: &'a Decision<'a>,
    input: &'a str,
    cells: [std::cell::OnceCell<Vec<Sentence>>; 3],
}

impl Sources<'_> {
    const SOURCES: [Source; 3] = [Source::FinalDecision, Source::Summary, Source::Body];

    fn get(&self, i: usize) -> Option<(&[Sentence], Source)> {
        let (cell, source) = (self.cells.get(i)?, *Self::SOURCES.get(i)?);
        let v = cell.get_or_init(|| {
            let mut v = Vec::new();
            match source {
                Source::Summary => {
                    for t in self.decision.summary.iter().flat_map(|s| s.content.iter()) {
                        split(self.input, t, &mut v);
                    }
                }
                _ => {
                    for s in &self.decision.sections {
                        collect(self.input, s, source, &mut v);
                    }
                }
            }
            read_phrases(self.input, &mut v);
            v
        });
        Some((v, source))
    }
}

fn collect(input: &str, s: &Section, source: Source, out: &mut Vec<Sentence>) {
    let wanted = match s.kind {
        SectionKind::FinalDecision | SectionKind::Finding => source == Source::FinalDecision,
        SectionKind::Untitled => source == Source::Body,
        _ => false,
    };
    if wanted {
        blocks_sentences(input, &s.blocks, &s.subsections, out);
    }
}

fn blocks_sentences(input: &str, blocks: &[Block], subs: &[Subsection], out: &mut Vec<Sentence>) {
    for b in blocks {
        if let Block::Paragraph(p) = b {
            for t in &p.content {
                split(input, t, out);
            }
        }
    }
    for s in subs {
        blocks_sentences(input, &s.blocks, &s.subsections, out);
    }
}

/// Where the next stem of the words a finding is read from ("Fault"/"fault",
/// "injustice", "investigat...", "discontinu...") starts, at `from` or
/// after. Every stem holds a `u` or a `v`, rare letters: one vectorised
/// pass finds those, and the stem is checked around each, where a search
/// for each stem would set up four searches for every piece of text.
fn next_key(b: &[u8], from: usize) -> Option<usize> {
    let rest = b.get(from..)?;
    let is = |start: usize, stem: &[u8]| b.get(start..start + stem.len()) == Some(stem);
    memchr::memchr2_iter(b'u', b'v', rest).find_map(|i| {
        let i = from + i;
        // The stem around the letter, by where the letter falls in it (stems
        // cannot overlap, so the first found starts first).
        let start = match b.get(i) {
            Some(b'u') => [(1, &b"ault"[..]), (2, b"njustice"), (8, b"iscontinu")]
                .into_iter()
                .find_map(|(back, stem)| i.checked_sub(back).filter(|&s| is(s, stem))),
            _ => i.checked_sub(1).filter(|&s| is(s, b"nvestigat")),
        };
        start.filter(|&s| s >= from)
    })
}

/// Adds the sentences of a piece of text that hold a key, each with the
/// phrases it contains.
fn split(input: &str, t: &Text, out: &mut Vec<Sentence>) {
    let Some(text) = input.get(t.span.start..t.span.end) else {
        return;
    };
    let b = text.as_bytes();
    // The next key not yet passed. Keys are letters, so each lies inside
    // one sentence, and a sentence holds a key exactly when the next one
    // starts before its end: sentences before it are skipped unread, and
    // most pieces of text hold none at all.
    let Some(mut next) = next_key(b, 0) else {
        return;
    };
    for (s, e) in Sentences::new(text) {
        if next >= e {
            continue;
        }
        if text.get(s..e).is_some() {
            // Its phrases are read once all are found ([`read_phrases`]).
            out.push(Sentence {
                phrases: 0,
                span: Span::new(t.span.start + s, t.span.start + e, t.span.line),
            });
        }
        match next_key(b, e) {
            Some(k) => next = k,
            None => break,
        }
    }
}

/// Reads the phrases of `sentences`, two at a time
/// ([`PhraseSet::scan_pair`]).
fn read_phrases(input: &str, sentences: &mut [Sentence]) {
    let text = |s: &Sentence| input.get(s.span.start..s.span.end).unwrap_or("").as_bytes();
    for pair in sentences.chunks_mut(2) {
        match pair {
            [a, b] => (a.phrases, b.phrases) = PHRASES.scan_pair(text(a), text(b)),
            [a] => a.phrases = PHRASES.scan(text(a)),
            _ => {}
        }
    }
}

fn outcome(decision: &Decision) -> Option<(OutcomeKind, Span)> {
    let kind = decision.header.outcome_kind?;
    let span = decision
        .header
        .fields
        .iter()
        .find(|f| f.name == FieldName::Decision)
        .map(|f| f.value.as_ref().map_or(f.span, |v| v.span))?;
    Some((kind, span))
}

fn answer(input: &str, value: Answer, source: Source, span: Span) -> Finding {
    Finding {
        value,
        source: Some(source),
        text: input.get(span.start..span.end).map(str::to_string),
        span: Some(span),
    }
}

fn first_answer(
    input: &str,
    sources: &Sources,
    which: std::ops::Range<usize>,
    test: fn(u32) -> Option<Answer>,
) -> Option<Finding> {
    for (sentences, source) in which.filter_map(|i| sources.get(i)) {
        for s in sentences.iter() {
            if let Some(a) = test(s.phrases) {
                return Some(answer(input, a, source, s.span));
            }
        }
    }
    None
}

fn first_investigated(
    input: &str,
    sources: &Sources,
    which: std::ops::Range<usize>,
) -> Option<Investigated> {
    for (sentences, source) in which.filter_map(|i| sources.get(i)) {
        for s in sentences.iter() {
            if let Some((value, reason)) = investigated_in(s.phrases) {
                let a = answer(input, value, source, s.span);
                return Some(Investigated {
                    value,
                    reason,
                    source: a.source,
                    text: a.text,
                    span: a.span,
                });
            }
        }
    }
    None
}

// The groups of phrases the answers are read from, as bits of a sentence's
// `phrases`; the order of the groups in `PHRASES`.
const FAULT: u32 = 1 << 0;
const FAULT_NO: u32 = 1 << 1;
const FAULT_YES: u32 = 1 << 2;
const INJUSTICE: u32 = 1 << 3;
const INJUSTICE_NO: u32 = 1 << 4;
const INJUSTICE_YES: u32 = 1 << 5;
const CAUSED: u32 = 1 << 6;
const HARM: u32 = 1 << 7;
const NOT_CAUS: u32 = 1 << 8;
const DISCONTINU: u32 = 1 << 9;
const INVESTIGAT: u32 = 1 << 10;
const DECLINED: u32 = 1 << 11;
const INVESTIGATED: u32 = 1 << 12;
const NOT_INVESTIGATED: u32 = 1 << 13;

/// The phrases of each group, in the order of the group bits above.
const FAULT_PHRASES: &[&str] = &["fault"];
const FAULT_NO_PHRASES: &[&str] = &[
    "no fault",
    "not at fault",
    "not find fault",
    "not find any fault",
    "not found fault",
    "not found any fault",
    "cannot find fault",
    "can't find fault",
    "not fault",
    "no evidence of fault",
    "without fault",
];
const FAULT_YES_PHRASES: &[&str] = &[
    "found fault",
    "find fault",
    "there was fault",
    "there were faults",
    "there is fault",
    "at fault",
    "was fault",
    "is fault",
    "were faults",
    "fault by the",
    "fault causing",
    "fault leading",
    "fault which caused",
    "fault that caused",
    "faults caused",
    "fault caused",
    "acted with fault",
    "found there was fault",
    "found some fault",
    "identified fault",
];
const INJUSTICE_PHRASES: &[&str] = &["injustice"];
const INJUSTICE_NO_PHRASES: &[&str] = &[
    "no injustice",
    "not cause injustice",
    "not cause any injustice",
    "not cause an injustice",
    "not caused injustice",
    "not caused any injustice",
    "not caused an injustice",
    "not cause significant injustice",
    "not cause a significant injustice",
    "no significant injustice",
    "without injustice",
    "not lead to injustice",
    "not result in injustice",
    "not led to injustice",
    "did not suffer",
    "not suffered",
];
const INJUSTICE_YES_PHRASES: &[&str] = &[
    "caus",
    "leading to injustice",
    "led to injustice",
    "remedy the injustice",
    "remedied the injustice",
    "remedy this injustice",
    "remedy that injustice",
    "suffered",
    "injustice to",
];
const CAUSED_PHRASES: &[&str] = &["caused", "causing"];
const HARM_PHRASES: &[&str] = &[
    "distress",
    "frustration",
    "uncertainty",
    "inconvenience",
    "time and trouble",
    "avoidable",
    "worry",
    "anxiety",
    "loss",
];
const NOT_CAUS_PHRASES: &[&str] = &["not caus"];
const DISCONTINU_PHRASES: &[&str] = &["discontinu"];
const INVESTIGAT_PHRASES: &[&str] = &["investigat"];
const DECLINED_PHRASES: &[&str] = &[
    "will not investigate",
    "not investigate this",
    "not investigate the",
    "not investigate your",
    "not investigate her",
    "not investigate his",
    "not investigate their",
    "not investigate mr",
    "not investigate ms",
    "not investigate mrs",
    "not investigate miss",
    "decided not to investigate",
    "not start an investigation",
    "not be investigating",
    "cannot investigate this complaint",
    "not investigating this complaint",
];
const INVESTIGATED_PHRASES: &[&str] = &[
    "completed my investigation",
    "completed our investigation",
    "completed the investigation",
    "complete my investigation",
    "ended my investigation",
    "have investigated",
    "i investigated",
    "we investigated",
];
const NOT_INVESTIGATED_PHRASES: &[&str] = &["not investigated"];

/// Every phrase the questions ask about, found in one pass over a sentence
/// (as folded text) instead of one search per phrase per question.
static PHRASES: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(&[
        FAULT_PHRASES,
        FAULT_NO_PHRASES,
        FAULT_YES_PHRASES,
        INJUSTICE_PHRASES,
        INJUSTICE_NO_PHRASES,
        INJUSTICE_YES_PHRASES,
        CAUSED_PHRASES,
        HARM_PHRASES,
        NOT_CAUS_PHRASES,
        DISCONTINU_PHRASES,
        INVESTIGAT_PHRASES,
        DECLINED_PHRASES,
        INVESTIGATED_PHRASES,
        NOT_INVESTIGATED_PHRASES,
    ])
});

/// Fault found or not, from the phrases of one sentence.
fn fault_in(p: u32) -> Option<Answer> {
    if p & FAULT == 0 {
        None
    } else if p & FAULT_NO != 0 {
        Some(Answer::No)
    } else if p & FAULT_YES != 0 {
        Some(Answer::Yes)
    } else {
        None
    }
}

/// Injustice caused or not, from the phrases of one sentence.
fn injustice_in(p: u32) -> Option<Answer> {
    if p & INJUSTICE != 0 {
        if p & INJUSTICE_NO != 0 {
            return Some(Answer::No);
        }
        if p & INJUSTICE_YES != 0 {
            return Some(Answer::Yes);
        }
        return None;
    }
    let all = |bits: u32| p & bits == bits;
    if all(FAULT | CAUSED | HARM) && p & NOT_CAUS == 0 {
        return Some(Answer::Yes);
    }
    None
}

/// Investigated or not, from the phrases of one sentence.
fn investigated_in(p: u32) -> Option<(Answer, Option<NotInvestigatedReason>)> {
    if p & DISCONTINU != 0 && p & INVESTIGAT != 0 {
        return Some((Answer::No, Some(NotInvestigatedReason::Discontinued)));
    }
    if p & DECLINED != 0 {
        return Some((Answer::No, Some(NotInvestigatedReason::Declined)));
    }
    if p & INVESTIGATED != 0 && p & NOT_INVESTIGATED == 0 {
        return Some((Answer::Yes, None));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::text::fold;

    /// The phrase groups of a sentence.
    fn ph(s: &str) -> u32 {
        PHRASES.scan(s.as_bytes())
    }

    #[test]
    fn next_key_is_the_first_stem_found_by_searching_each() {
        const STEMS: [&str; 4] = ["ault", "njustice", "nvestigat", "iscontinu"];
        // Every stem's start, by searching for each, in order.
        let starts = |b: &[u8]| {
            let mut all: Vec<usize> = STEMS
                .iter()
                .flat_map(|k| {
                    b.windows(k.len())
                        .enumerate()
                        .filter(|(_, w)| *w == k.as_bytes())
                        .map(|(i, _)| i)
                })
                .collect();
            all.sort();
            all
        };
        let mut texts: Vec<String> = vec![
            String::new(),
            "u".into(),
            "v".into(),
            "ult nvestiga iscontin njustic".into(),
            "Fault; faults, default. The injustice was investigated, then discontinued.".into(),
            "vault uu vv au ault".into(),
            "discontinued investigation".into(),
        ];
        texts.extend(crate::entities::text::fixture_texts());
        let mut found = 0;
        for t in &texts {
            let b = t.as_bytes();
            let all = starts(b);
            for from in 0..=b.len() {
                let want = all.get(all.partition_point(|&s| s < from)).copied();
                assert_eq!(next_key(b, from), want, "{t:?} from {from}");
                found += usize::from(want == Some(from));
            }
        }
        // Every stem in the fixtures, each where it starts.
        assert!(found > 100, "{found}");
    }

    #[test]
    fn phrases() {
        assert_eq!(
            fault_in(ph("there was fault leading to injustice.")),
            Some(Answer::Yes)
        );
        assert_eq!(
            injustice_in(ph("there was fault leading to injustice.")),
            Some(Answer::Yes)
        );
        assert_eq!(
            fault_in(ph("i have found no fault by the council.")),
            Some(Answer::No)
        );
        assert_eq!(
            injustice_in(ph("i found fault but it did not cause injustice.")),
            Some(Answer::No)
        );
        assert_eq!(
            fault_in(ph("the council was at fault when it cancelled two visits.")),
            Some(Answer::Yes)
        );
        assert_eq!(
            injustice_in(ph(
                "these faults caused ms x avoidable frustration and distress."
            )),
            Some(Answer::Yes)
        );
        assert_eq!(injustice_in(ph("i have found fault and the council has agreed action to remedy the injustice caused.")), Some(Answer::Yes));
        assert_eq!(
            fault_in(ph("we consider a suitable remedy has been provided.")),
            None
        );
        assert_eq!(
            investigated_in(ph("we will not investigate miss x's complaint because")),
            Some((Answer::No, Some(NotInvestigatedReason::Declined)))
        );
        assert_eq!(
            investigated_in(ph("i have completed my investigation.")),
            Some((Answer::Yes, None))
        );
        assert_eq!(
            investigated_in(ph("i have discontinued my investigation.")),
            Some((Answer::No, Some(NotInvestigatedReason::Discontinued)))
        );
    }

    fn any(s: &str, pats: &[&str]) -> bool {
        pats.iter().any(|p| s.contains(p))
    }

    type Answers = (
        Option<Answer>,
        Option<Answer>,
        Option<(Answer, Option<NotInvestigatedReason>)>,
    );

    /// The three questions as they were asked before `PHRASES`: on folded
    /// text, one `str::contains` per phrase.
    fn asked_by_contains(s: &str) -> Answers {
        let s = &fold(s);
        let fault = if !s.contains("fault") {
            None
        } else if any(s, FAULT_NO_PHRASES) {
            Some(Answer::No)
        } else if any(s, FAULT_YES_PHRASES) {
            Some(Answer::Yes)
        } else {
            None
        };
        let injustice = if s.contains("injustice") {
            if any(s, INJUSTICE_NO_PHRASES) {
                Some(Answer::No)
            } else if any(s, INJUSTICE_YES_PHRASES) {
                Some(Answer::Yes)
            } else {
                None
            }
        } else if s.contains("fault")
            && any(s, CAUSED_PHRASES)
            && any(s, HARM_PHRASES)
            && !s.contains("not caus")
        {
            Some(Answer::Yes)
        } else {
            None
        };
        let investigated = if s.contains("discontinu") && s.contains("investigat") {
            Some((Answer::No, Some(NotInvestigatedReason::Discontinued)))
        } else if any(s, DECLINED_PHRASES) {
            Some((Answer::No, Some(NotInvestigatedReason::Declined)))
        } else if any(s, INVESTIGATED_PHRASES) && !s.contains("not investigated") {
            Some((Answer::Yes, None))
        } else {
            None
        };
        (fault, injustice, investigated)
    }

    #[test]
    fn phrase_groups_answer_as_contains_did() {
        // Words and pieces of the phrases, in both cases, with no-break
        // spaces and curly apostrophes that folding turns into plain ones.
        let parts = [
            " ",
            " ",
            " ",
            "\u{a0}",
            "’",
            "'",
            ".",
            "x",
            "é",
            "no",
            "not",
            "NOT",
            "Not",
            "at",
            "find",
            "found",
            "any",
            "can",
            "cannot",
            "t",
            "fault",
            "Fault",
            "FAULT",
            "faults",
            "evidence",
            "of",
            "without",
            "there",
            "was",
            "were",
            "is",
            "by",
            "the",
            "causing",
            "caused",
            "caus",
            "cause",
            "leading",
            "led",
            "lead",
            "to",
            "which",
            "that",
            "acted",
            "with",
            "some",
            "identified",
            "injustice",
            "Injustice",
            "an",
            "significant",
            "result",
            "in",
            "did",
            "suffer",
            "suffered",
            "remedy",
            "remedied",
            "this",
            "distress",
            "loss",
            "worry",
            "time and trouble",
            "avoidable",
            "discontinued",
            "investigate",
            "investigated",
            "investigation",
            "investigating",
            "will",
            "decided",
            "start",
            "be",
            "complaint",
            "your",
            "her",
            "Mr",
            "ms",
            "miss",
            "completed",
            "complete",
            "my",
            "our",
            "ended",
            "have",
            "i",
            "we",
            "I",
        ];
        let mut seen = std::collections::HashSet::new();
        let mut x: u32 = 12345;
        for n in 0..200_000 {
            let len = 2 + n % 7;
            let mut t = String::new();
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                t.push_str(parts[x as usize % parts.len()]);
                // Mostly a space between words, sometimes another separator.
                t.push_str(["", " ", " ", " ", " ", "\u{a0}", "  "][(x >> 24) as usize % 7]);
            }
            let p = ph(&t);
            let got = (fault_in(p), injustice_in(p), investigated_in(p));
            let want = asked_by_contains(&t);
            assert_eq!(got, want, "{t:?}");
            seen.insert(format!("{want:?}"));
        }
        // Every kind of answer came up, not just none.
        assert!(seen.len() > 20, "{}", seen.len());
    }

    #[test]
    fn phrases_read_in_pairs_are_the_phrases_read_alone() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "x".into(),
            "We found fault causing injustice.".into(),
            "There was no fault\u{a0}by the Council\u{2019}s officers.".into(),
            "The Council\u{2019}s \u{201c}fault\u{201d}: we will not investigate \u{2013} discontinued.".into(),
            "an \u{e2}ccent, fault".into(),
            "\u{c2}\u{a3}5 injustice caused".into(),
        ];
        for t in crate::entities::text::fixture_texts() {
            texts.extend(t.split(". ").take(40).map(str::to_string));
        }
        let mut pairs = 0;
        for a in &texts {
            for b in texts.iter().step_by(7) {
                let (a, b) = (a.as_bytes(), b.as_bytes());
                assert_eq!(PHRASES.scan_pair(a, b), (PHRASES.scan(a), PHRASES.scan(b)));
                pairs += 1;
            }
        }
        // Byte strings that are not whole characters too.
        let cut = "the Council\u{2019}s fault".as_bytes();
        for i in 0..cut.len() {
            let (a, b) = (&cut[..i], &cut[i..]);
            assert_eq!(PHRASES.scan_pair(a, b), (PHRASES.scan(a), PHRASES.scan(b)));
        }
        assert!(pairs > 1000, "{pairs}");
    }

    #[test]
    fn each_group_sets_its_bit() {
        for (phrase, bit) in [
            ("fault", FAULT),
            ("no fault", FAULT_NO),
            ("found fault", FAULT_YES),
            ("injustice", INJUSTICE),
            ("did not suffer", INJUSTICE_NO),
            ("injustice to", INJUSTICE_YES),
            ("causing", CAUSED),
            ("worry", HARM),
            ("not caus", NOT_CAUS),
            ("discontinu", DISCONTINU),
            ("investigat", INVESTIGAT),
            ("not be investigating", DECLINED),
            ("we investigated", INVESTIGATED),
            ("not investigated", NOT_INVESTIGATED),
        ] {
            assert_ne!(ph(phrase) & bit, 0, "{phrase}");
            assert_ne!(
                ph(&format!("x{}x", phrase.to_uppercase())) & bit,
                0,
                "{phrase}"
            );
        }
    }
}
