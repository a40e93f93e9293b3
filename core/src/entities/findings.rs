//! Findings: a record derived from the decision's own words: was there fault,
//! did it cause injustice, was the complaint investigated, what was paid.
//!
//! Each answer points at the sentence (or metadata value) it was read from.
//! The final decision section is read first, then the summary (or a legacy
//! page's body), then the outcome line; anything not said plainly stays `unknown`.

use serde::{Deserialize, Serialize};

use crate::span::{Span, Text};
use crate::tree::{Block, Decision, FieldName, OutcomeKind, Section, SectionKind, Subsection};

use super::text::{fold, sentences};

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

/// A sentence with its absolute span.
struct Sentence {
    folded: String,
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
/// and folded only when a question gets that far, since most answers are in
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
        let v = cell.get_or_init(|| match source {
            Source::Summary => self
                .decision
                .summary
                .iter()
                .flat_map(|s| s.content.iter())
                .flat_map(|t| split(self.input, t))
                .collect(),
            _ => {
                let mut v = Vec::new();
                for s in &self.decision.sections {
                    collect(self.input, s, source, &mut v);
                }
                v
            }
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
                out.extend(split(input, t));
            }
        }
    }
    for s in subs {
        blocks_sentences(input, &s.blocks, &s.subsections, out);
    }
}

/// Stems of the words a finding is read from ("Fault"/"fault", ...), built once.
static KEYS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 4]> =
    std::sync::LazyLock::new(|| {
        ["ault", "njustice", "nvestigat", "iscontinu"].map(memchr::memmem::Finder::new)
    });

fn split(input: &str, t: &Text) -> Vec<Sentence> {
    let Some(text) = input.get(t.span.start..t.span.end) else {
        return Vec::new();
    };
    // A sentence holds a key only if its piece of text does: most pieces
    // hold none, and then need no sentence split at all.
    if !KEYS.iter().any(|k| k.find(text.as_bytes()).is_some()) {
        return Vec::new();
    }
    sentences(text)
        .into_iter()
        .filter_map(|(s, e)| {
            let piece = text.get(s..e)?;
            // Only sentences that can answer a question are folded for the phrase tests.
            let b = piece.as_bytes();
            let relevant = KEYS.iter().any(|k| k.find(b).is_some());
            if !relevant {
                return None;
            }
            Some(Sentence {
                folded: fold(piece),
                span: Span::new(t.span.start + s, t.span.start + e, t.span.line),
            })
        })
        .collect()
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
    test: fn(&str) -> Option<Answer>,
) -> Option<Finding> {
    for (sentences, source) in which.filter_map(|i| sources.get(i)) {
        for s in sentences.iter() {
            if let Some(a) = test(&s.folded) {
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
            if let Some((value, reason)) = investigated_in(&s.folded) {
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

fn any(s: &str, pats: &[&str]) -> bool {
    pats.iter().any(|p| s.contains(p))
}

/// Fault found or not, from one (folded) sentence.
fn fault_in(s: &str) -> Option<Answer> {
    if !s.contains("fault") {
        return None;
    }
    if any(
        s,
        &[
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
        ],
    ) {
        return Some(Answer::No);
    }
    if any(
        s,
        &[
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
        ],
    ) {
        return Some(Answer::Yes);
    }
    None
}

/// Injustice caused or not, from one (folded) sentence.
fn injustice_in(s: &str) -> Option<Answer> {
    if s.contains("injustice") {
        if any(
            s,
            &[
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
            ],
        ) {
            return Some(Answer::No);
        }
        if any(
            s,
            &[
                "caus",
                "leading to injustice",
                "led to injustice",
                "remedy the injustice",
                "remedied the injustice",
                "remedy this injustice",
                "remedy that injustice",
                "suffered",
                "injustice to",
            ],
        ) {
            return Some(Answer::Yes);
        }
        return None;
    }
    if s.contains("fault")
        && any(s, &["caused", "causing"])
        && any(
            s,
            &[
                "distress",
                "frustration",
                "uncertainty",
                "inconvenience",
                "time and trouble",
                "avoidable",
                "worry",
                "anxiety",
                "loss",
            ],
        )
        && !s.contains("not caus")
    {
        return Some(Answer::Yes);
    }
    None
}

/// Investigated or not, from one (folded) sentence.
fn investigated_in(s: &str) -> Option<(Answer, Option<NotInvestigatedReason>)> {
    if s.contains("discontinu") && s.contains("investigat") {
        return Some((Answer::No, Some(NotInvestigatedReason::Discontinued)));
    }
    if any(
        s,
        &[
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
        ],
    ) {
        return Some((Answer::No, Some(NotInvestigatedReason::Declined)));
    }
    if any(
        s,
        &[
            "completed my investigation",
            "completed our investigation",
            "completed the investigation",
            "complete my investigation",
            "ended my investigation",
            "have investigated",
            "i investigated",
            "we investigated",
        ],
    ) && !s.contains("not investigated")
    {
        return Some((Answer::Yes, None));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases() {
        assert_eq!(
            fault_in("there was fault leading to injustice."),
            Some(Answer::Yes)
        );
        assert_eq!(
            injustice_in("there was fault leading to injustice."),
            Some(Answer::Yes)
        );
        assert_eq!(
            fault_in("i have found no fault by the council."),
            Some(Answer::No)
        );
        assert_eq!(
            injustice_in("i found fault but it did not cause injustice."),
            Some(Answer::No)
        );
        assert_eq!(
            fault_in("the council was at fault when it cancelled two visits."),
            Some(Answer::Yes)
        );
        assert_eq!(
            injustice_in("these faults caused ms x avoidable frustration and distress."),
            Some(Answer::Yes)
        );
        assert_eq!(injustice_in("i have found fault and the council has agreed action to remedy the injustice caused."), Some(Answer::Yes));
        assert_eq!(
            fault_in("we consider a suitable remedy has been provided."),
            None
        );
        assert_eq!(
            investigated_in("we will not investigate miss x's complaint because"),
            Some((Answer::No, Some(NotInvestigatedReason::Declined)))
        );
        assert_eq!(
            investigated_in("i have completed my investigation."),
            Some((Answer::Yes, None))
        );
        assert_eq!(
            investigated_in("i have discontinued my investigation."),
            Some((Answer::No, Some(NotInvestigatedReason::Discontinued)))
        );
    }
}
