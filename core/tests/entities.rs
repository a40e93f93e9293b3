//! Entities and findings on the fixtures: facts a reader can check against
//! the text of each seed (and tests/fixtures/SYNTHETIC.md for the synthetic
//! ones), plus invariants that must hold on any input.

use lgsco::entities::{
    Answer, CountedFrom, DatePrecision, DurationUnit, Legislation, NotInvestigatedReason, Party,
    PartyRole, Provision, RemedyAction, RemedyKind, Season,
};
use lgsco::{Decision, Entity, EntityValue};

fn load(name: &str) -> (String, Decision<'static>) {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let d = lgsco::parse(&text).unwrap().into_owned();
    (text, d)
}

fn money<'d>(d: &'d Decision) -> Vec<(u64, Option<u32>, &'d str)> {
    d.entities
        .iter()
        .filter_map(|e| match &e.value {
            EntityValue::Money(m) => Some((m.pence?, e.paragraph, e.text.as_ref())),
            _ => None,
        })
        .collect()
}

fn actions<'d>(d: &'d Decision) -> Vec<(&'d Entity<'d>, &'d RemedyAction)> {
    d.entities
        .iter()
        .filter_map(|e| match &e.value {
            EntityValue::RemedyAction(a) => Some((e, a)),
            _ => None,
        })
        .collect()
}

fn months(a: &RemedyAction) -> Option<u32> {
    a.deadline
        .as_ref()
        .filter(|d| d.unit == DurationUnit::Month)
        .map(|d| d.count)
}

fn legislation<'d>(d: &'d Decision) -> Vec<(&'d Entity<'d>, &'d Legislation)> {
    d.entities
        .iter()
        .filter_map(|e| match &e.value {
            EntityValue::Legislation(l) => Some((e, l)),
            _ => None,
        })
        .collect()
}

fn party<'a>(d: &'a Decision, name: &str) -> Option<&'a Party> {
    d.entities.iter().find_map(|e| match &e.value {
        EntityValue::Party(p) if p.name == name => Some(p),
        _ => None,
    })
}

fn paths(v: &[&[&str]]) -> Vec<Provision> {
    v.iter().map(|p| p.iter().copied().collect()).collect()
}

/// Every entity's text is the input at its span, its line is the span's
/// line, and its paragraph exists in the tree.
fn check_invariants(input: &str, d: &Decision) {
    let ordinals: Vec<u32> = d.paragraphs().iter().filter_map(|p| p.ordinal).collect();
    for e in &d.entities {
        assert_eq!(
            input.get(e.span.start..e.span.end),
            Some(e.text.as_ref()),
            "{e:?}"
        );
        assert!(!e.text.is_empty(), "{e:?}");
        let line = 1 + input.as_bytes()[..e.span.start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        if !input.contains('\r') {
            assert_eq!(e.span.line, line, "{e:?}");
        }
        if let Some(p) = e.paragraph {
            assert!(ordinals.contains(&p), "{e:?}");
        }
        if let EntityValue::Party(p) = &e.value {
            for m in &p.mentions {
                let named = input
                    .get(m.span.start..m.span.end)
                    .expect("mention span fits");
                assert!(
                    named.ends_with(p.letter.as_str()),
                    "{named:?} names {}",
                    p.name
                );
            }
        }
        if let EntityValue::RemedyAction(a) = &e.value {
            if let Some(dl) = &a.deadline {
                assert_eq!(
                    input.get(dl.span.start..dl.span.end),
                    Some(dl.text.as_str())
                );
            }
        }
    }
    for f in [&d.findings.fault, &d.findings.injustice] {
        if let (Some(s), Some(t)) = (f.span, &f.text) {
            assert_eq!(input.get(s.start..s.end), Some(t.as_str()));
        }
    }
    // Sorted by position.
    assert!(d
        .entities
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
}

#[test]
fn seed_000_legislation_remedies_parties() {
    let (text, d) = load("000_de584f88dbd5934b.txt");
    check_invariants(&text, &d);
    // "(Local Government Act 1974, sections 26(1) and 26A(1), as amended)"
    let (e, l) = legislation(&d)
        .into_iter()
        .find(|(_, l)| l.provisions == paths(&[&["26", "1"], &["26A", "1"]]))
        .expect("the 26(1)/26A(1) citation");
    assert_eq!(l.instrument.as_deref(), Some("Local Government Act"));
    assert_eq!(l.year, Some(1974));
    assert!(l.as_amended);
    assert_eq!(e.paragraph, Some(3));
    // Two agreed actions: an apology within one month, a review within three.
    let a = actions(&d);
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        (a[0].1.action, months(a[0].1)),
        (RemedyKind::Apology, Some(1))
    );
    assert_eq!(
        (a[1].1.action, months(a[1].1)),
        (RemedyKind::Review, Some(3))
    );
    assert_eq!(
        a[0].1.deadline.as_ref().unwrap().counted_from,
        Some(CountedFrom::FinalDecision)
    );
    assert_eq!((a[0].0.paragraph, a[1].0.paragraph), (Some(19), Some(20)));
    // The bullet "December 2018/January 2019" is one range.
    let range = d
        .entities
        .iter()
        .find_map(|e| match &e.value {
            EntityValue::Date(v) if e.text == "December 2018/January 2019" => Some(v),
            _ => None,
        })
        .expect("the range");
    assert_eq!(range.date.as_deref(), Some("2018-12"));
    assert_eq!(
        range.until.as_ref().and_then(|u| u.date.as_deref()),
        Some("2019-01")
    );
    // Ms X complains; Y and Z are her children.
    assert_eq!(
        party(&d, "Ms X").map(|p| p.role),
        Some(PartyRole::Complainant)
    );
    assert_eq!(party(&d, "Y").map(|p| p.role), Some(PartyRole::Other));
    assert_eq!(party(&d, "Z").map(|p| p.role), Some(PartyRole::Other));
    assert!(money(&d).is_empty());
    assert_eq!(d.findings.fault.value, Answer::Yes);
    assert_eq!(d.findings.injustice.value, Answer::Yes);
    assert_eq!(d.findings.payments_total.pence, Some(0));
}

#[test]
fn seed_001_money_reference_findings() {
    let (text, d) = load("001_b4fdc07b486f5ef2.txt");
    check_invariants(&text, &d);
    // £300 in the summary and in the agreed action.
    let m = money(&d);
    assert!(
        m.iter().any(|(p, _, t)| *p == 30000 && *t == "£300"),
        "{m:?}"
    );
    // "I begin to deal with this ... at paragraph 38": the first paragraph
    // under "Ms X’s second complaint".
    let (e, r) = d
        .entities
        .iter()
        .find_map(|e| match &e.value {
            EntityValue::ParagraphRef(r) if e.text == "paragraph 38" => Some((e, r)),
            _ => None,
        })
        .expect("paragraph 38");
    assert_eq!(r.targets, [38]);
    let p38 = d.paragraph(38).expect("ordinal 38");
    assert!(p38
        .text
        .starts_with("As already set out, Ms X began a fresh stage one complaint"));
    assert_eq!(r.resolved, [p38.span]);
    assert!(r.unresolved.is_empty());
    assert_eq!(e.paragraph, Some(31));
    // Findings.
    let f = &d.findings;
    assert_eq!(f.fault.value, Answer::Yes);
    assert_eq!(f.injustice.value, Answer::Yes);
    assert_eq!(f.investigated.value, Answer::Yes);
    assert_eq!(f.payments_total.pence, Some(30000));
    let src = f.payments_total.sources.first().expect("a source");
    assert_eq!(&text[src.start..src.end], "£300");
    assert!(f
        .fault
        .text
        .as_deref()
        .unwrap()
        .contains("found fault leading to injustice"));
    // Agreed action: pay £300 and evidence within one month; a reminder and
    // an improvement within three; evidence of compliance.
    let a = actions(&d);
    let kinds: Vec<(RemedyKind, Option<u32>)> =
        a.iter().map(|(_, a)| (a.action, months(a))).collect();
    assert_eq!(
        kinds,
        [
            (RemedyKind::Payment, Some(1)),
            (RemedyKind::Evidence, Some(1)),
            (RemedyKind::Training, Some(3)),
            (RemedyKind::Review, Some(3)),
            (RemedyKind::Evidence, None),
        ]
    );
    assert_eq!(a[0].1.amount_pence, Some(30000));
    // "13 September 2021" (twice), full dates with days.
    let sept13 = d
        .entities
        .iter()
        .filter(|e| e.text == "13 September 2021")
        .filter(|e| matches!(&e.value, EntityValue::Date(v) if v.date.as_deref() == Some("2021-09-13") && v.precision == DatePrecision::Day))
        .count();
    assert_eq!(sept13, 2);
}

#[test]
fn seed_002_not_investigated() {
    let (text, d) = load("002_adaa2937e2b90f86.txt");
    check_invariants(&text, &d);
    let f = &d.findings;
    assert_eq!(f.investigated.value, Answer::No);
    assert_eq!(
        f.investigated.reason,
        Some(NotInvestigatedReason::ClosedAfterInitialEnquiries)
    );
    assert!(f
        .investigated
        .text
        .as_deref()
        .unwrap()
        .starts_with("We will not investigate"));
    assert_eq!(f.fault.value, Answer::Unknown);
    assert_eq!(f.injustice.value, Answer::Unknown);
    assert!(money(&d).is_empty());
    assert_eq!(f.payments_total.pence, None);
    // "(Local Government Act 1974, section 24A(6), as amended, section 34(B))"
    assert!(legislation(&d)
        .iter()
        .any(|(_, l)| l.provisions == paths(&[&["24A", "6"], &["34", "B"]]) && l.as_amended));
    assert_eq!(
        party(&d, "Miss X").map(|p| p.role),
        Some(PartyRole::Complainant)
    );
}

#[test]
fn seed_003_links_and_vague_dates() {
    let (text, d) = load("003_b36c2040437d35a3.txt");
    check_invariants(&text, &d);
    // "Section 32(3) of the Local Government Act" takes its year from the
    // Act named in full earlier.
    let (_, l) = legislation(&d)
        .into_iter()
        .find(|(e, _)| e.text == "Section 32(3) of the Local Government Act")
        .expect("the bare Act");
    assert_eq!(l.year, Some(1974));
    let to = l.refers_to.expect("linked");
    assert!(text[to.start..to.end].starts_with("Local Government Act 1974"));
    // "Section 20 of the Children Act 1989", heading and paragraphs.
    assert!(legislation(&d).iter().any(|(e, l)| e.paragraph == Some(8)
        && l.instrument.as_deref() == Some("Children Act")
        && l.year == Some(1989)
        && l.provisions == paths(&[&["20"]])));
    // "In the summer of 2020"
    assert!(d.entities.iter().any(|e| matches!(&e.value,
        EntityValue::Date(v) if e.text == "summer of 2020" && v.precision == DatePrecision::Season
            && v.season == Some(Season::Summer) && v.year == Some(2020))));
    // "between November and the end of January": no year is made up.
    let nov = d
        .entities
        .iter()
        .find_map(|e| match &e.value {
            EntityValue::Date(v) if e.text.starts_with("November and") => Some(v),
            _ => None,
        })
        .expect("the range");
    assert_eq!(
        (nov.month, nov.year, nov.date.as_deref()),
        (Some(11), None, None)
    );
    assert_eq!(nov.until.as_ref().and_then(|u| u.month), Some(1));
    // Mr and Mrs X; Mrs X complained.
    assert_eq!(
        party(&d, "Mrs X").map(|p| p.role),
        Some(PartyRole::Complainant)
    );
    assert!(party(&d, "Mr X").is_some());
    assert!(party(&d, "Y").is_some());
    assert_eq!(d.findings.fault.value, Answer::Yes);
    // No remedy actions here: nothing to total.
    assert!(actions(&d).is_empty());
    assert_eq!(d.findings.payments_total.pence, None);
}

#[test]
fn seed_004_agreed_actions() {
    let (text, d) = load("004_76401227f9adc303.txt");
    check_invariants(&text, &d);
    // "offered her £700 as a remedy" (a payment already made, not agreed here).
    assert!(money(&d).iter().any(|(p, _, _)| *p == 70000));
    let a = actions(&d);
    let one: Vec<RemedyKind> = a
        .iter()
        .filter(|(_, a)| months(a) == Some(1))
        .map(|(_, a)| a.action)
        .collect();
    let three = a.iter().filter(|(_, a)| months(a) == Some(3)).count();
    assert_eq!(one.len(), 3, "{a:?}");
    assert_eq!(three, 2);
    assert!(one.contains(&RemedyKind::Apology));
    assert!(a.iter().any(|(_, a)| a.action == RemedyKind::Evidence));
    // Section 97 of the Children and Families Act 2014
    assert!(legislation(&d).iter().any(|(_, l)| l.instrument.as_deref()
        == Some("Children and Families Act")
        && l.year == Some(2014)
        && l.provisions == paths(&[&["97"]])));
    assert_eq!(d.findings.fault.value, Answer::Yes);
    assert_eq!(d.findings.payments_total.pence, Some(0));
}

#[test]
fn synthetic_numbered_cookie_first() {
    let (text, d) = load("numbered-cookie-first.txt");
    check_invariants(&text, &d);
    let m = money(&d);
    assert!(m.contains(&(45000, None, "£450")));
    assert!(m.contains(&(45000, Some(17), "£450")));
    assert!(m.contains(&(30000, Some(17), "£300")));
    assert!(m.contains(&(15000, Some(17), "£150")));
    assert!(d
        .entities
        .iter()
        .any(|e| e.text == "£15 a day" && e.paragraph == Some(12)));
    let a = actions(&d);
    let kinds: Vec<(RemedyKind, Option<u32>)> =
        a.iter().map(|(_, a)| (a.action, months(a))).collect();
    assert_eq!(
        kinds,
        [
            (RemedyKind::Apology, Some(1)),
            (RemedyKind::Payment, Some(1)),
            (RemedyKind::Review, Some(3))
        ]
    );
    assert_eq!(d.findings.payments_total.pence, Some(45000));
    // "see paragraph 14" in ordinal 3 points at "In its complaint response ...".
    let r = d
        .entities
        .iter()
        .find_map(|e| match &e.value {
            EntityValue::ParagraphRef(r) if e.paragraph == Some(3) => Some(r),
            _ => None,
        })
        .expect("ref");
    assert_eq!(r.targets, [14]);
    assert!(d
        .paragraph(14)
        .unwrap()
        .text
        .starts_with("In its complaint response"));
    assert_eq!(r.resolved, [d.paragraph(14).unwrap().span]);
}

#[test]
fn synthetic_dash_contents_nested() {
    let (text, d) = load("dash-contents-nested.txt");
    check_invariants(&text, &d);
    let pence: Vec<u64> = money(&d).iter().map(|m| m.0).collect();
    assert_eq!(pence, [120000, 100000, 20000]);
    // £1,200 in the summary is the same money as £1,000 + £200: counted once.
    assert_eq!(d.findings.payments_total.pence, Some(120000));
    let a = actions(&d);
    assert_eq!(a.iter().filter(|(_, a)| months(a) == Some(1)).count(), 3);
    assert_eq!(a.iter().filter(|(_, a)| months(a) == Some(3)).count(), 1);
    assert!(a.iter().any(|(_, a)| a.action == RemedyKind::Evidence));
    assert_eq!(
        party(&d, "Ms K").map(|p| p.role),
        Some(PartyRole::Complainant)
    );
    assert!(party(&d, "B").is_some());
    assert!(legislation(&d)
        .iter()
        .any(|(_, l)| l.provisions == paths(&[&["26", "6", "a"]])));
}

#[test]
fn synthetic_report_chapter() {
    let (text, d) = load("report-chapter.txt");
    check_invariants(&text, &d);
    let pence: Vec<u64> = money(&d).iter().map(|m| m.0).collect();
    assert_eq!(pence, [648000, 648000, 324000]);
    let refs: Vec<Vec<u32>> = d
        .entities
        .iter()
        .filter_map(|e| match &e.value {
            EntityValue::ParagraphRef(r) => Some(r.targets.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(refs, [vec![6, 7], vec![10, 11]]);
    let l = legislation(&d);
    assert!(l
        .iter()
        .any(|(_, l)| l.provisions == paths(&[&["26", "1"], &["26A", "1"]]) && l.as_amended));
    assert!(l
        .iter()
        .any(|(_, l)| l.provisions == paths(&[&["Part 3A"]]) && l.year == Some(1974)));
    assert!(l
        .iter()
        .any(|(_, l)| l.instrument.as_deref() == Some("Care Act")
            && l.year == Some(2014)
            && l.provisions == paths(&[&["14"], &["17"]])));
    let a = actions(&d);
    assert_eq!(a.len(), 4);
    assert_eq!(
        a[0].1.deadline.as_ref().unwrap().counted_from,
        Some(CountedFrom::Report)
    );
}

#[test]
fn synthetic_legacy_prose() {
    let (text, d) = load("legacy-prose.txt");
    check_invariants(&text, &d);
    assert_eq!(money(&d), [(20000, Some(3), "£200")]);
    let a = actions(&d);
    assert!(!a.is_empty());
    assert!(a.iter().all(|(_, a)| months(a) == Some(2)));
    assert!(a
        .iter()
        .any(|(_, a)| a.action == RemedyKind::Payment && a.amount_pence == Some(20000)));
    assert_eq!(d.findings.payments_total.pence, Some(20000));
    assert_eq!(d.findings.fault.value, Answer::Yes);
}

#[test]
fn json_shape() {
    let (_, d) = load("001_b4fdc07b486f5ef2.txt");
    let v = serde_json::to_value(&d).unwrap();
    let e = v["entities"].as_array().unwrap();
    for x in e {
        for k in ["kind", "value", "text", "span", "paragraph"] {
            assert!(x.get(k).is_some(), "{k} missing in {x}");
        }
    }
    let m = e.iter().find(|x| x["kind"] == "money").unwrap();
    assert_eq!(m["value"]["pence"], 30000);
    assert_eq!(m["value"]["currency"], "GBP");
    assert!(m["value"]["period"].is_null());
    let f = &v["findings"];
    assert_eq!(f["fault"]["value"], "yes");
    assert_eq!(f["payments_total"]["pence"], 30000);
    // Round trip.
    let back: Decision = serde_json::from_value(v).unwrap();
    assert_eq!(back.entities, d.entities);
}

#[test]
fn unresolved_reference_is_flagged_not_dropped() {
    let text = "Some Council (20 000 001)\n\nDecision : Upheld\n\nThe Ombudsman's final decision:\n\n\
                Summary: Mr A complained.\n\nThe complaint\n\n  1. Mr A complains, see paragraph 9.\n";
    let d = lgsco::parse(text).unwrap();
    let r = d
        .entities
        .iter()
        .find_map(|e| match &e.value {
            EntityValue::ParagraphRef(r) => Some(r),
            _ => None,
        })
        .expect("kept");
    assert_eq!(r.unresolved, [9]);
    assert!(d
        .diagnostics
        .iter()
        .any(|x| x.code == "unresolved_paragraph_ref"));
}

#[test]
fn truncations_and_damage_never_break_invariants() {
    for name in [
        "000_de584f88dbd5934b.txt",
        "001_b4fdc07b486f5ef2.txt",
        "002_adaa2937e2b90f86.txt",
        "003_b36c2040437d35a3.txt",
        "004_76401227f9adc303.txt",
        "numbered-cookie-first.txt",
        "dash-contents-nested.txt",
        "report-chapter.txt",
        "legacy-prose.txt",
    ] {
        let (text, _) = load(name);
        let mut cut = 0;
        while cut < text.len() {
            if let Some(prefix) = text.get(..cut) {
                if let Ok(d) = lgsco::parse(prefix) {
                    check_invariants(prefix, &d);
                }
            }
            cut += 211;
        }
        // CRLF and a byte-order mark.
        let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        if let Ok(d) = lgsco::parse(&crlf) {
            check_invariants(&crlf, &d);
        }
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    for s in [
        "£",
        "££££",
        "£1,",
        "£1.",
        "£.5",
        "£99999999999999999999999999999999",
        "section",
        "section (",
        "section 1(",
        "section 1(((((",
        "paragraphs 1 to",
        "paragraph 0",
        "paragraphs 4000000000 to 1",
        "Mr",
        "Mr and",
        "Mr and Mrs",
        "Act",
        "the Act 1974",
        "within",
        "Within one",
        "31 February 2020",
        "0 January 2020",
        "29 February 2021",
        "summer of",
        "December 2018/",
        "between May and",
        "(Local Government Act 1974, section",
        "Schedule 5, paragraph",
        "s.",
        "Part",
        "Part VII of",
    ] {
        let text = format!(
            "X Council (20 000 001)\n\nThe Ombudsman's final decision:\n\nSummary: {s}\n\nAgreed action\n\n  1. {s}\n  2. Within {s}:\n    • {s}\n"
        );
        if let Ok(d) = lgsco::parse(&text) {
            check_invariants(&text, &d);
        }
    }
}

mod arbitrary {
    use proptest::prelude::*;

    /// Pieces that exercise every scanner, glued in any order with damage.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("£".to_string()),
            Just("£1,950.50 a month".to_string()),
            Just("£1.2 million".to_string()),
            Just("13 September 2021".to_string()),
            Just("December 2018/January 2019".to_string()),
            Just("between November and the end of".to_string()),
            Just("summer of 2020".to_string()),
            Just("(Local Government Act 1974, sections 26(1) and 26A(1), as amended)".to_string()),
            Just("section 26(6)(a) of the".to_string()),
            Just("Schedule 5, paragraph 5(2)".to_string()),
            Just("Part 3A of that Act".to_string()),
            Just("paragraphs 12 to 15 below".to_string()),
            Just("Mr and Mrs X".to_string()),
            Just("‘B’".to_string()),
            Just("Within one month of the final decision, the Council will:".to_string()),
            Just("pay Ms X £300, and apologise".to_string()),
            Just("\n  1. ".to_string()),
            Just("\n- ".to_string()),
            Just("\nAgreed action\n".to_string()),
            Just("\r\n".to_string()),
            Just("\u{a0}".to_string()),
            "[ -~]{0,12}",
            "\\PC{0,6}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_text_keeps_entity_invariants(pieces in proptest::collection::vec(piece(), 0..40)) {
            let body: String = pieces.concat();
            let text = format!(
                "X Council (20 000 001)\n\nDecision : Upheld\n\nThe Ombudsman's final decision:\n\nSummary: {body}\n\nThe complaint\n\n  1. {body}\n\nAgreed action\n\n  1. {body}\n"
            );
            if let Ok(d) = lgsco::parse(&text) {
                super::check_invariants(&text, &d);
            }
            if let Ok(d) = lgsco::parse(&body) {
                super::check_invariants(&body, &d);
            }
        }
    }
}
