//! Property tests: on the seeds, on damaged seeds and on generated decisions,
//! every tree keeps its promises (`lgsco::invariants::check`): nothing lost,
//! nothing overlapping, spans exact and nested, ordinals 1..N. No input panics.

use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/");
    std::fs::read_to_string(format!("{dir}{name}")).unwrap()
}

const FIXTURES: &[&str] = &[
    "000_de584f88dbd5934b.txt",
    "001_b4fdc07b486f5ef2.txt",
    "002_adaa2937e2b90f86.txt",
    "003_b36c2040437d35a3.txt",
    "004_76401227f9adc303.txt",
    "numbered-cookie-first.txt",
    "dash-contents-nested.txt",
    "report-chapter.txt",
    "legacy-prose.txt",
];

fn assert_promises(input: &str) {
    if let Ok(d) = lgsco::parse(input) {
        if let Err(e) = lgsco::invariants::check(&d, input) {
            panic!("{e}\n--- input ---\n{input}");
        }
    }
}

#[test]
fn fixtures_keep_every_promise() {
    for name in FIXTURES {
        let text = fixture(name);
        let d = lgsco::parse(&text).unwrap();
        lgsco::invariants::check(&d, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn fixtures_cut_off_anywhere_still_keep_their_promises() {
    for name in FIXTURES {
        let text = fixture(name);
        let mut cut = 0;
        while cut < text.len() {
            if text.is_char_boundary(cut) {
                assert_promises(&text[..cut]);
            }
            cut += 37;
        }
    }
}

/// The same decision with Windows line ends, a BOM, non-breaking and trailing
/// spaces and no final newline has the same structure.
#[test]
fn windows_and_web_damage_do_not_change_structure() {
    for name in FIXTURES {
        let text = fixture(name);
        let damaged = format!(
            "\u{feff}{}",
            text.lines()
                .map(|l| format!("{l}  \u{a0}"))
                .collect::<Vec<_>>()
                .join("\r\n")
        );
        let a = lgsco::parse(&text).unwrap();
        let b = lgsco::parse(&damaged).unwrap();
        lgsco::invariants::check(&b, &damaged).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(a.header.reference, b.header.reference, "{name}");
        assert_eq!(a.header.decision_date, b.header.decision_date, "{name}");
        let ordinals = |d: &lgsco::Decision| {
            d.paragraphs()
                .iter()
                .map(|p| (p.ordinal, p.text.to_string(), p.items.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ordinals(&a), ordinals(&b), "{name}");
        assert_eq!(a.sections.len(), b.sections.len(), "{name}");
    }
}

/// Lines in the shapes FORMAT.md describes, plus junk.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("West Sussex County Council (19 011 114)".to_string()),
        Just("Some Care Centre (Town) Limited (23 013 400)".to_string()),
        Just("15 010 742".to_string()),
        Just("Category : Children's care services > Fostering".to_string()),
        Just("Decision : Upheld".to_string()),
        Just("Decision : Closed after initial enquiries".to_string()),
        Just("Decision date : 29 Jul 2020".to_string()),
        Just("Decision date : 31 Feb 2020".to_string()),
        Just("The Ombudsman's final decision:".to_string()),
        Just("Summary: Ms X complained the Council delayed.".to_string()),
        Just("Summary".to_string()),
        Just("The complaint".to_string()),
        Just("The Ombudsman’s role and powers".to_string()),
        Just("What I found".to_string()),
        Just("Law and guidance".to_string()),
        Just("My findings".to_string()),
        Just("Ms X’s second complaint".to_string()),
        Just("Agreed action".to_string()),
        Just("Final decision".to_string()),
        Just("Back to top".to_string()),
        Just("Back to t".to_string()),
        Just("Print this page".to_string()),
        Just("Required cookies".to_string()),
        Just("Investigator's decision on behalf of the Ombudsman".to_string()),
        Just("  1. Ms X complains the Council delayed.".to_string()),
        Just("  12. Within one month of the final decision, the Council will:".to_string()),
        Just("    • the Council delayed;".to_string()),
        Just("  • two-space bullet".to_string()),
        Just("      1. pay Ms X £300; and".to_string()),
        Just("- Ms X complains the Council:".to_string()),
        Just("- delay during the assessment".to_string()),
        Just("- Reminding staff members of:".to_string()),
        Just(" - indented sub-item; and".to_string()),
        Just("-".to_string()),
        Just("1. Report paragraph.".to_string()),
        Just("(Local Government Act 1974, section 24A(6), as amended)".to_string()),
        Just("Mrs X was unhappy with the responses.".to_string()),
        Just("Ombudsman satisfied with council's response: 02 November 2015".to_string()),
        Just(" ".to_string()),
        Just("".to_string()),
        "[ -~]{0,40}",
        "\\PC{0,20}",
        "[\u{0}-\u{1f}\u{a0}\u{feff}•–’£ a-z]{0,12}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..60),
        prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
        any::<bool>(),
    )
        .prop_map(|(lines, eol, bom)| {
            let body = lines.join(eol);
            if bom {
                format!("\u{feff}{body}")
            } else {
                body
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn generated_decisions_keep_every_promise(doc in document()) {
        assert_promises(&doc);
    }

    #[test]
    fn generated_decisions_cut_anywhere(doc in document(), cut in 0usize..4000) {
        let mut cut = cut.min(doc.len());
        while !doc.is_char_boundary(cut) {
            cut -= 1;
        }
        assert_promises(&doc[..cut]);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        assert_promises(&s);
    }
}
