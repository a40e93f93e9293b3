//! Adversarial inputs (issue 7): degenerate, huge, deep, damaged and
//! concatenated texts. Each gets a sensible result (a typed error or a tree
//! that keeps every promise of `lgsco::robustness`), never a panic. Time and
//! memory are checked for linearity in `linear_work.rs` (deterministic
//! allocation counts) and the `#[ignore]`d timing test there.

use lgsco::{BoilerplateKind, Decision, Options, ParseError};

const TITLE: &str = "West Sussex County Council (19 011 114)\n";
const HEAD: &str = "West Sussex County Council (19 011 114)\n\nDecision : Upheld\n\n\
                    The Ombudsman's final decision:\n\nSummary: Ms X complained.\n\n";

fn fixture(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/");
    std::fs::read_to_string(format!("{dir}{name}")).unwrap()
}

/// Parses with entities and checks every promise. Small inputs also get
/// the fuzz targets' checks (tree-only parse, entities leave the tree alone,
/// JSON round trip); big ones get the invariants (entity text included).
fn parse_checked(input: &str) -> Result<Decision<'_>, ParseError> {
    let result = lgsco::parse(input);
    if input.len() < 200_000 {
        match &result {
            Ok(d) => lgsco::robustness::check_tree(d, input).unwrap(),
            Err(e) => lgsco::robustness::check_error(e, input).unwrap(),
        }
        let data = input.as_bytes();
        lgsco::robustness::check_entities(data).unwrap();
        lgsco::robustness::check_json_roundtrip(data).unwrap();
    } else {
        match &result {
            Ok(d) => lgsco::invariants::check(d, input).unwrap(),
            Err(e) => lgsco::robustness::check_error(e, input).unwrap(),
        }
    }
    result
}

fn paragraph_count(d: &Decision) -> usize {
    d.paragraphs().len()
}

#[test]
fn empty_input_is_an_empty_error_at_1_1() {
    let err = parse_checked("").unwrap_err();
    assert!(
        matches!(
            err,
            ParseError::Empty {
                line: 1,
                column: 1,
                offset: 0
            }
        ),
        "{err:?}"
    );
}

#[test]
fn whitespace_only_is_empty() {
    for ws in [
        " ",
        "\n",
        "\r\n\r\n",
        "\t \u{a0}\n\u{feff}\u{200b}\r",
        &" \n".repeat(10_000),
    ] {
        let err = parse_checked(ws).unwrap_err();
        assert_eq!(err.code(), "empty", "{ws:?}");
    }
}

#[test]
fn boilerplate_only_is_not_a_decision() {
    let input = "Privacy settings\nLGO logogram\nRequired cookies\nView required cookies\n\
                 Back to top\nPrint this page\nReview your privacy settings\n";
    let err = parse_checked(input).unwrap_err();
    assert_eq!(err.code(), "not_a_decision", "{err}");
}

#[test]
fn a_title_only_is_a_decision_with_its_reference_and_no_body() {
    let d = parse_checked(TITLE).unwrap();
    assert_eq!(
        d.header.authority.as_deref(),
        Some("West Sussex County Council")
    );
    assert_eq!(d.header.reference_id.as_deref(), Some("19-011-114"));
    assert!(d.sections.is_empty());
    assert_eq!(paragraph_count(&d), 0);
    // Something was missing, and the tree says so.
    assert!(!d.diagnostics.is_empty());
}

#[test]
fn metadata_only_is_a_decision_with_its_fields() {
    let input =
        "Category : Housing > Homelessness\nDecision : Not upheld\nDecision date : 29 Jul 2020\n";
    let d = parse_checked(input).unwrap();
    assert_eq!(d.header.fields.len(), 3);
    assert_eq!(d.header.outcome_kind, Some(lgsco::OutcomeKind::NotUpheld));
    assert_eq!(
        d.header.decision_date,
        chrono::NaiveDate::from_ymd_opt(2020, 7, 29)
    );
    assert_eq!(d.header.category.area.as_deref(), Some("Housing"));
    assert!(d.header.reference.is_none());
    assert!(d.sections.is_empty());
}

#[test]
fn a_10_mb_single_line() {
    // No decision in it: a clear error.
    let words = "the Council delayed £300 on 13 September 2021 at paragraph 3 ".repeat(170_000);
    assert!(words.len() > 10_000_000);
    let err = parse_checked(&words).unwrap_err();
    assert_eq!(err.code(), "not_a_decision");

    // One paragraph ten megabytes long: one paragraph, every byte in it.
    let input = format!("{HEAD}The complaint\n\n  1. {words}");
    let d = parse_checked(&input).unwrap();
    let ps = d.paragraphs();
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].text, words.trim_end());
    assert!(d.entities.len() >= 170_000, "{} entities", d.entities.len());
}

#[test]
fn a_million_short_lines() {
    // Numbered paragraphs: ordinals run 1..1,000,000.
    let mut input = String::from(HEAD);
    input.push_str("The complaint\n\n");
    for i in 1..=1_000_000u32 {
        input.push_str(&format!("  {}. Ms X.\n", i % 50 + 1));
    }
    let d = lgsco::parse_with(&input, &Options::tree_only()).unwrap();
    lgsco::robustness::check_tree(&d, &input).unwrap();
    let ps = d.paragraphs();
    assert_eq!(ps.len(), 1_000_000);
    assert_eq!(ps.last().and_then(|p| p.ordinal), Some(1_000_000));

    // Bare one-word lines: all kept, nothing lost.
    let input = format!("{HEAD}The complaint\n\n{}", "word\n".repeat(1_000_000));
    let d = parse_checked(&input).unwrap();
    let words: usize = d
        .leaves()
        .iter()
        .filter(|l| l.text.contains("word"))
        .map(|l| l.text.matches("word").count())
        .sum();
    assert_eq!(words, 1_000_000);
}

#[test]
fn a_hundred_thousand_bullets_hang_from_their_paragraph() {
    let mut input = format!("{HEAD}The complaint\n\n  1. Ms X complains the Council:\n");
    for i in 0..100_000 {
        input.push_str(&format!("    • failed to do thing {i};\n"));
    }
    let d = parse_checked(&input).unwrap();
    let ps = d.paragraphs();
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].items.len(), 100_000);
    assert!(ps[0]
        .items
        .iter()
        .all(|i| i.kind == lgsco::ItemKind::Bullet && i.items.is_empty()));
}

fn depth(items: &[lgsco::Item]) -> usize {
    items.iter().map(|i| 1 + depth(&i.items)).max().unwrap_or(0)
}

fn max_item_depth(d: &Decision) -> usize {
    d.paragraphs()
        .iter()
        .map(|p| depth(&p.items))
        .max()
        .unwrap_or(0)
}

#[test]
fn ten_thousand_nested_looking_indents_stay_shallow() {
    for marker in ["• ", "1. ", "- ", "a) "] {
        // Each line one space deeper than the one before: 10,000 levels.
        let mut input = format!("{HEAD}The complaint\n\n  1. Ms X complains:\n");
        for i in 0..10_000 {
            input.push_str(&" ".repeat(3 + i));
            input.push_str(marker);
            input.push_str("deeper;\n");
        }
        let d = lgsco::parse_with(&input, &Options::tree_only()).unwrap();
        lgsco::robustness::check_tree(&d, &input).unwrap();
        assert!(
            max_item_depth(&d) <= lgsco::blocks::MAX_ITEM_DEPTH,
            "{marker:?}"
        );
        // Every line's text is somewhere in the tree.
        let deeper = d
            .leaves()
            .iter()
            .filter(|l| l.text.contains("deeper"))
            .count();
        assert_eq!(deeper, 10_000, "{marker:?}");
    }
}

#[test]
fn ten_thousand_nested_brackets_and_markers_on_one_line() {
    let open = "(".repeat(10_000);
    let close = ")".repeat(10_000);
    let markers = "1. a) • - ".repeat(2_500);
    let input = format!(
        "{HEAD}The complaint\n\n  1. See section 26{open}6{close}(a) of the Local Government Act 1974.\n  2. {markers}end\n  3. (Local Government Act 1974, section {open}24A{close}(6), as amended)\n"
    );
    let d = parse_checked(&input).unwrap();
    assert_eq!(paragraph_count(&d), 3);
    assert!(max_item_depth(&d) <= lgsco::blocks::MAX_ITEM_DEPTH);
}

fn sub_depth(subs: &[lgsco::Subsection]) -> usize {
    subs.iter()
        .map(|s| 1 + sub_depth(&s.subsections))
        .max()
        .unwrap_or(0)
}

#[test]
fn every_line_a_heading() {
    let headings = [
        "The complaint",
        "What I found",
        "Law and guidance",
        "My findings",
        "Delay",
        "Final decision",
    ];
    let mut input = String::from(HEAD);
    for i in 0..10_000 {
        input.push_str(headings[i % headings.len()]);
        input.push('\n');
    }
    let d = parse_checked(&input).unwrap();
    assert!(
        d.sections.len() >= 10_000 / headings.len(),
        "{} sections",
        d.sections.len()
    );
    assert!(d.sections.iter().all(|s| sub_depth(&s.subsections) <= 2));
    // The known headings are all headings; a stacked topic name ("Delay")
    // with no body may read as a one-word paragraph, but it is kept.
    let mut heading_texts = Vec::new();
    fn subs<'a>(ss: &'a [lgsco::Subsection], out: &mut Vec<&'a str>) {
        for s in ss {
            out.push(&s.heading.text);
            subs(&s.subsections, out);
        }
    }
    for s in &d.sections {
        heading_texts.extend(s.heading.as_ref().map(|h| h.text.as_ref()));
        subs(&s.subsections, &mut heading_texts);
    }
    let known = heading_texts.iter().filter(|t| **t != "Delay").count();
    let delay_lines = (0..10_000)
        .filter(|i| headings[i % headings.len()] == "Delay")
        .count();
    assert_eq!(known, 10_000 - delay_lines);
    let delays = d.leaves().iter().filter(|l| l.text == "Delay").count();
    assert_eq!(delays, delay_lines);

    // Nothing but headings, no header: still the sections, in order.
    let bare: String = (0..600)
        .map(|i| format!("{}\n", headings[i % headings.len()]))
        .collect();
    if let Ok(d) = parse_checked(&bare) {
        assert!(!d.sections.is_empty());
    }
}

#[test]
fn every_ascii_control_character() {
    let controls: String = (0u8..0x20).chain([0x7f]).map(char::from).collect();
    // Alone: a string of controls holds no decision.
    let err = parse_checked(&controls).unwrap_err();
    assert_eq!(err.code(), "not_a_decision");
    // Repeated, alone on lines and inside every kind of line.
    let mut input = String::new();
    for c in controls.chars() {
        input.push_str(&format!("{c}"));
    }
    input.push('\n');
    // Appended to every line but the title (trailing text after the
    // reference makes a line no title).
    for line in fixture("001_b4fdc07b486f5ef2.txt").lines() {
        input.push_str(line);
        if !line.starts_with("Knowsley") {
            input.push_str(&controls);
        }
        input.push('\n');
    }
    let d = parse_checked(&input).unwrap();
    assert_eq!(d.header.reference_id.as_deref(), Some("22-014-796"));
    // Controls other than whitespace are text: kept in leaves.
    let kept = d
        .leaves()
        .iter()
        .map(|l| l.text.matches('\u{7}').count())
        .sum::<usize>();
    assert_eq!(kept, input.matches('\u{7}').count());
}

#[test]
fn nul_bytes() {
    let nuls = "\0".repeat(100_000);
    assert_eq!(parse_checked(&nuls).unwrap_err().code(), "not_a_decision");
    let text = fixture("000_de584f88dbd5934b.txt");
    let with_nuls = text.replace(' ', " \0");
    let d = parse_checked(&with_nuls).unwrap();
    let kept = d
        .leaves()
        .iter()
        .map(|l| l.text.matches('\0').count())
        .sum::<usize>();
    assert_eq!(kept, with_nuls.matches('\0').count());
    let nul_title = format!("\0{TITLE}\0\n{}", "\0\n".repeat(10));
    parse_checked(&nul_title).ok();
}

#[test]
fn mixed_crlf_lf_cr_line_ends_keep_the_structure() {
    for name in [
        "001_b4fdc07b486f5ef2.txt",
        "002_adaa2937e2b90f86.txt",
        "report-chapter.txt",
    ] {
        let text = fixture(name);
        let ends = ["\r\n", "\n", "\r"];
        let mixed: String = text
            .lines()
            .enumerate()
            .map(|(i, l)| format!("{l}{}", ends[i % 3]))
            .collect();
        let a = lgsco::parse(&text).unwrap();
        let b = parse_checked(&mixed).unwrap();
        assert_eq!(
            a.header,
            {
                let mut h = b.header.clone();
                // Spans differ (longer line ends); compare the values.
                h.title = a.header.title.clone();
                h.marker = a.header.marker.clone();
                h.fields = a.header.fields.clone();
                h.span = a.header.span;
                h
            },
            "{name}"
        );
        let shape = |d: &Decision| {
            d.paragraphs()
                .iter()
                .map(|p| (p.ordinal, p.text.to_string(), p.items.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&a), shape(&b), "{name}");
        let kinds = |d: &Decision| d.sections.iter().map(|s| s.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&a), kinds(&b), "{name}");
        // Lines count CR, LF and CRLF each once.
        let last = b.leaves().last().unwrap().span.line;
        assert_eq!(last, a.leaves().last().unwrap().span.line, "{name}");
    }
}

#[test]
fn a_bom_in_the_middle() {
    let text = fixture("003_b36c2040437d35a3.txt");
    // At the start of a line (two files glued together), and inside a word.
    let at_line = text.replacen("\nThe complaint", "\n\u{feff}The complaint", 1);
    let in_word = text.replacen("Council", "Coun\u{feff}cil", 3);
    let a = lgsco::parse(&text).unwrap();
    let b = parse_checked(&at_line).unwrap();
    assert_eq!(a.sections.len(), b.sections.len());
    assert_eq!(paragraph_count(&a), paragraph_count(&b));
    let c = parse_checked(&in_word).unwrap();
    assert_eq!(paragraph_count(&a), paragraph_count(&c));
    // A BOM alone on every other line changes nothing structural.
    let every: String = text.lines().flat_map(|l| [l, "\n\u{feff}\n"]).collect();
    let e = parse_checked(&every).unwrap();
    assert_eq!(a.header.reference_id, e.header.reference_id);
    assert!(paragraph_count(&e) > 0);
}

#[test]
fn two_decisions_concatenated() {
    let first = fixture("000_de584f88dbd5934b.txt");
    let second = fixture("001_b4fdc07b486f5ef2.txt");
    let both = format!("{first}\n{second}");
    let d = parse_checked(&both).unwrap();
    let alone = lgsco::parse(&first).unwrap();
    // The first is parsed as it would be alone.
    assert_eq!(d.header, alone.header);
    assert_eq!(d.sections, alone.sections);
    // The second is reported where it starts and kept as trailer boilerplate.
    let diag = d
        .diagnostics
        .iter()
        .find(|x| x.code == "second_decision")
        .expect("diagnostic");
    let start = first.len() + 1;
    assert_eq!(diag.span.start, start);
    assert!(both[diag.span.start..].starts_with("Knowsley Metropolitan Borough Council"));
    let trailer: Vec<_> = d
        .boilerplate
        .iter()
        .filter(|b| b.span.start >= start)
        .collect();
    assert!(trailer.iter().all(|b| b.kind == BoilerplateKind::Trailer));
    assert_eq!(
        trailer.len(),
        second.lines().filter(|l| !l.trim().is_empty()).count()
    );

    // split_decisions gives both back, whole.
    let pieces = lgsco::split_decisions(&both);
    assert_eq!(pieces.len(), 2);
    assert_eq!(pieces.concat(), both);
    assert!(pieces[1].starts_with("Knowsley"));
    let second_alone = lgsco::parse(pieces[1]).unwrap();
    assert_eq!(
        second_alone.header.reference_id.as_deref(),
        Some("22-014-796")
    );
}

#[test]
fn split_decisions_on_one_none_and_many() {
    let one = fixture("002_adaa2937e2b90f86.txt");
    assert_eq!(lgsco::split_decisions(&one), vec![one.as_str()]);
    assert_eq!(lgsco::split_decisions(""), vec![""]);
    assert_eq!(
        lgsco::split_decisions("no decision here"),
        vec!["no decision here"]
    );
    let names = [
        "000_de584f88dbd5934b.txt",
        "001_b4fdc07b486f5ef2.txt",
        "003_b36c2040437d35a3.txt",
        "004_76401227f9adc303.txt",
    ];
    let texts: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let all = texts.join("\n");
    let pieces = lgsco::split_decisions(&all);
    assert_eq!(pieces.len(), 4);
    assert_eq!(pieces.concat(), all);
    for (piece, text) in pieces.iter().zip(&texts) {
        let a = lgsco::parse(piece).unwrap();
        let b = lgsco::parse(text).unwrap();
        assert_eq!(a.header.reference_id, b.header.reference_id);
        assert_eq!(paragraph_count(&a), paragraph_count(&b));
    }
}

#[test]
fn the_size_limit_is_a_typed_error_and_configurable() {
    let input = format!("{HEAD}The complaint\n\n  1. Ms X complains.\n");
    let small = Options {
        max_input_bytes: input.len() - 1,
        ..Options::default()
    };
    let err = lgsco::parse_with(&input, &small).unwrap_err();
    assert_eq!(
        err,
        ParseError::TooLarge {
            size: input.len(),
            limit: input.len() - 1,
            line: 1,
            column: 1,
            offset: 0
        }
    );
    assert_eq!(err.code(), "too_large");
    assert!(err.to_string().contains(&input.len().to_string()));
    // Exactly at the limit is fine.
    let exact = Options {
        max_input_bytes: input.len(),
        ..Options::default()
    };
    assert!(lgsco::parse_with(&input, &exact).is_ok());
    assert_eq!(
        Options::default().max_input_bytes,
        lgsco::DEFAULT_MAX_INPUT_BYTES
    );
    assert_eq!(lgsco::DEFAULT_MAX_INPUT_BYTES, 64 * 1024 * 1024);
    // The default refuses 64 MiB + 1 without parsing it.
    let huge = " ".repeat(lgsco::DEFAULT_MAX_INPUT_BYTES + 1);
    assert_eq!(lgsco::parse(&huge).unwrap_err().code(), "too_large");
    // tree_only keeps the default limit.
    assert_eq!(
        lgsco::parse_with(&huge, &Options::tree_only())
            .unwrap_err()
            .code(),
        "too_large"
    );
}
