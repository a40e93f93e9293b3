//! Headings: telling a heading line from prose, and naming what it heads.
//!
//! The dash layout has no `Back to top` lines, so a heading's level must
//! come from its words: the known top-level names start sections, the known
//! sub-heading names ("Law and guidance", "My findings", ...) and topic names
//! are sub-headings (FORMAT.md "Headings and levels").

use crate::tree::SectionKind;

/// Longest normalised name, in bytes, with room to spare.
const NAME_BUF: usize = 64;

/// Lower-case, straight apostrophes, single spaces, no trailing colon,
/// written into `buf`. Every name is ASCII: a line with any other character
/// left after normalising (or too long for `buf`) is no name, and gives `None`.
fn normalise<'b>(text: &str, buf: &'b mut [u8; NAME_BUF]) -> Option<&'b str> {
    let mut len = 0;
    let mut push = |b: u8, len: &mut usize| -> Option<()> {
        *buf.get_mut(*len)? = b;
        *len += 1;
        Some(())
    };
    let mut space = false;
    for c in text.trim().trim_end_matches(':').trim().chars() {
        let c = match c {
            '’' | '‘' | '`' | 'ʼ' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                push(b' ', &mut len)?;
            }
            space = true;
            continue;
        }
        space = false;
        if c.is_ascii() {
            push(c.to_ascii_lowercase() as u8, &mut len)?;
        } else {
            for l in c.to_lowercase() {
                // A non-ASCII lower case (most are) matches no name.
                push(u8::try_from(l).ok().filter(u8::is_ascii)?, &mut len)?;
            }
        }
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// The kind of a heading, from its words; topic names are `Other`.
pub fn kind_of(text: &str) -> SectionKind {
    use SectionKind::*;
    // Every name ends with a letter: prose ending in `.` or `)` is none.
    let core = text.trim().trim_end_matches(':').trim();
    if !core.chars().next_back().is_some_and(char::is_alphabetic) {
        return Other;
    }
    let mut buf = [0; NAME_BUF];
    let Some(h) = normalise(text, &mut buf) else {
        return Other;
    };
    match h {
        "the complaint" | "complaint" | "the complaints" => Complaint,
        "what i have investigated"
        | "what i have and have not investigated"
        | "what i have and haven't investigated"
        | "what we have investigated"
        | "what we have and have not investigated"
        | "what i investigated"
        | "scope of investigation" => WhatInvestigated,
        "parts of the complaint that i did not investigate"
        | "parts of the complaint that we did not investigate"
        | "what i have not investigated"
        | "what we have not investigated" => NotInvestigated,
        "the ombudsman's role and powers"
        | "the ombudsman's role"
        | "ombudsman's role and powers"
        | "our role and powers"
        | "the ombudsmen's role and powers" => RoleAndPowers,
        "how i considered this complaint"
        | "how we considered this complaint"
        | "how i considered this"
        | "how i considered the complaint"
        | "how we considered the complaint"
        | "how i considered this complaint and investigation" => HowConsidered,
        "what i found" | "what we found" => WhatFound,
        "my assessment" | "assessment" | "our assessment" => Assessment,
        "agreed action" | "agreed actions" | "action" | "actions" | "remedy" | "agreed remedy" => {
            AgreedAction
        }
        "recommendations"
        | "recommendation"
        | "recommended action"
        | "recommended actions"
        | "our recommendations" => Recommendations,
        "final decision" | "decision" | "my decision" | "our decision" => FinalDecision,
        "summary" => Summary,
        "finding" => Finding,
        "the investigation" | "investigation" => Investigation,
        "legal and administrative background" => LegalBackground,
        "law and guidance"
        | "relevant law and guidance"
        | "legislation"
        | "legislative background"
        | "law, guidance and policy"
        | "relevant law, guidance and policy"
        | "law and policy"
        | "relevant law and policy"
        | "legal and administrative background information" => LawAndGuidance,
        "what happened" | "key facts" | "background events" | "background" | "key events"
        | "the key facts" => WhatHappened,
        "my findings"
        | "findings"
        | "our findings"
        | "was there fault by the council"
        | "was there fault"
        | "was there fault by the care provider" => Findings,
        "analysis" | "my analysis" | "our analysis" => Analysis,
        "conclusions" | "conclusion" => Conclusions,
        _ => Other,
    }
}

/// Kinds that start a top-level section wherever they appear.
pub fn is_top_level(kind: SectionKind) -> bool {
    use SectionKind::*;
    matches!(
        kind,
        Complaint
            | WhatInvestigated
            | NotInvestigated
            | RoleAndPowers
            | HowConsidered
            | WhatFound
            | Assessment
            | AgreedAction
            | Recommendations
            | FinalDecision
            | Summary
            | Finding
            | Investigation
            | LegalBackground
    )
}

/// Known sub-heading names: they sit directly inside a top-level section,
/// and topic headings after them sit inside them.
pub fn is_known_sub(kind: SectionKind) -> bool {
    use SectionKind::*;
    matches!(
        kind,
        LawAndGuidance | WhatHappened | Findings | Analysis | Conclusions
    )
}

/// Chapters of public interest reports, which hold ordinary sections.
pub fn is_chapter(kind: SectionKind) -> bool {
    matches!(
        kind,
        SectionKind::Investigation | SectionKind::LegalBackground
    )
}

/// Does this unmarked line at column 0 read as a heading? A heading is a
/// short line without closing punctuation that does not start like a
/// citation or a continued sentence.
pub fn looks_like_heading(text: &str) -> bool {
    kind_of(text) != SectionKind::Other || shaped_like_heading(text)
}

/// The shape half of [`looks_like_heading`], for callers that already know
/// the line is not a known heading.
pub fn shaped_like_heading(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    if text.chars().nth(100).is_some() || text.split_whitespace().nth(14).is_some() {
        return false;
    }
    let last = text.chars().last().unwrap_or('.');
    if matches!(
        last,
        '.' | ',' | ';' | ':' | '!' | '…' | '"' | '”' | '-' | '–'
    ) {
        return false;
    }
    // Sentences run on after a full stop ("March 2023.I am"); headings don't.
    if text.contains(". ") || text.contains(".\u{a0}") {
        return false;
    }
    // A line that is only a number or a date is not a heading.
    text.chars().any(|c| c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_headings_with_any_apostrophe_and_case() {
        assert_eq!(
            kind_of("The Ombudsman’s role and powers"),
            SectionKind::RoleAndPowers
        );
        assert_eq!(
            kind_of("The Ombudsman's Role and Powers"),
            SectionKind::RoleAndPowers
        );
        assert_eq!(kind_of("Agreed actions"), SectionKind::AgreedAction);
        assert_eq!(
            kind_of("What I have and have not investigated"),
            SectionKind::WhatInvestigated
        );
        assert_eq!(
            kind_of("Was there fault by the Council"),
            SectionKind::Findings
        );
        assert_eq!(kind_of("Ms X’s second complaint"), SectionKind::Other);
        assert!(is_top_level(kind_of("Final decision")));
        assert!(is_known_sub(kind_of("Law and guidance")));
    }

    #[test]
    fn heading_shapes() {
        assert!(looks_like_heading("Section 20 of the Children Act 1989"));
        assert!(looks_like_heading("Public Law Outline (PLO)"));
        assert!(looks_like_heading("Ys Social Workers"));
        assert!(!looks_like_heading(
            "(Local Government Act 1974, section 24A(6), as amended, section 34(B))"
        ));
        assert!(!looks_like_heading("Mrs X was unhappy with the responses provided at stage 1 and 2 and escalated the complaint to stage 3."));
        assert!(!looks_like_heading("poor communication, and"));
        assert!(!looks_like_heading("In summary, her complaint related to:"));
        assert!(!looks_like_heading("2020"));
    }
}
