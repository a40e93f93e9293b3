//! Reading header values: the outcome's kind, the decision date, the category.

use chrono::NaiveDate;

use crate::tree::{Category, OutcomeKind};

/// Classifies the `Decision :` line. The text is kept as written elsewhere;
/// this only names what kind of outcome it is.
pub fn outcome_kind(outcome: &str) -> OutcomeKind {
    let o = outcome.trim().to_lowercase();
    let starts = |p: &str| o.starts_with(p);
    if starts("not upheld") {
        OutcomeKind::NotUpheld
    } else if starts("upheld") {
        OutcomeKind::Upheld
    } else if starts("closed after initial enquiries") || starts("closed after initial enquiry") {
        OutcomeKind::ClosedAfterInitialEnquiries
    } else if o.contains("discontinued") {
        OutcomeKind::InvestigationDiscontinued
    } else if o.contains("withdrawn") {
        OutcomeKind::Withdrawn
    } else if starts("premature") {
        OutcomeKind::Premature
    } else if o.contains("jurisdiction") {
        OutcomeKind::OutsideJurisdiction
    } else if o.contains("local resolution") || starts("referred back") {
        OutcomeKind::ReferredBackForLocalResolution
    } else if starts("advice given") {
        OutcomeKind::AdviceGiven
    } else if o.contains("incomplete") || o.contains("invalid") {
        OutcomeKind::IncompleteOrInvalid
    } else {
        OutcomeKind::Other
    }
}

/// Month by name or three-letter abbreviation (`Sep` and `Sept` alike).
pub fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = name.trim_end_matches('.').to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == lower
                || (lower.len() <= 4
                    && m.starts_with(&lower)
                    && (lower.len() == 3 || lower == "sept"))
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// `29 Jul 2020`, `02 November 2015`, `1 Sept 2019` -> a date; anything else -> None.
pub fn day_month_year(s: &str) -> Option<NaiveDate> {
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let day = words
        .next()?
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse::<u32>()
        .ok()?;
    let month = month_number(words.next()?)?;
    let year = words.next()?.trim_end_matches('.').parse::<i32>().ok()?;
    if words.next().is_some() || !(1900..=2100).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `Area > Subcategory` (either part may be missing).
pub fn category(value: &str) -> Category {
    let clean = |s: &str| {
        let t = s.trim_matches(crate::span::is_blank_char);
        (!t.is_empty()).then(|| t.to_string())
    };
    match value.split_once('>') {
        Some((area, sub)) => Category {
            area: clean(area),
            subcategory: clean(sub),
        },
        None => Category {
            area: clean(value),
            subcategory: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes() {
        assert_eq!(outcome_kind("Upheld"), OutcomeKind::Upheld);
        assert_eq!(outcome_kind("Not upheld"), OutcomeKind::NotUpheld);
        assert_eq!(
            outcome_kind("Upheld: maladministration and injustice"),
            OutcomeKind::Upheld
        );
        assert_eq!(
            outcome_kind("Closed after initial enquiries"),
            OutcomeKind::ClosedAfterInitialEnquiries
        );
        assert_eq!(
            outcome_kind("Investigation discontinued"),
            OutcomeKind::InvestigationDiscontinued
        );
        assert_eq!(
            outcome_kind("Not in jurisdiction"),
            OutcomeKind::OutsideJurisdiction
        );
        assert_eq!(outcome_kind("Withdrawn"), OutcomeKind::Withdrawn);
        assert_eq!(outcome_kind("Something new"), OutcomeKind::Other);
    }

    #[test]
    fn dates() {
        assert_eq!(
            day_month_year("29 Jul 2020"),
            NaiveDate::from_ymd_opt(2020, 7, 29)
        );
        assert_eq!(
            day_month_year("23 Sep 2024"),
            NaiveDate::from_ymd_opt(2024, 9, 23)
        );
        assert_eq!(
            day_month_year("02 November 2015"),
            NaiveDate::from_ymd_opt(2015, 11, 2)
        );
        assert_eq!(
            day_month_year("1 Sept 2019"),
            NaiveDate::from_ymd_opt(2019, 9, 1)
        );
        assert_eq!(day_month_year("31 Feb 2020"), None);
        assert_eq!(day_month_year("29 Jul"), None);
        assert_eq!(day_month_year("Jul 2020"), None);
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mar"), Some(3));
    }

    #[test]
    fn categories() {
        let c = category("Children's care services > Looked after children");
        assert_eq!(c.area.as_deref(), Some("Children's care services"));
        assert_eq!(c.subcategory.as_deref(), Some("Looked after children"));
        assert_eq!(category("Housing").subcategory, None);
    }
}
