//! Exports: Akoma Ntoso 3.0, Markdown and HTML, from the library
//! (`Decision::to_akn`, `to_markdown`, `to_html`) and the command
//! (`lgsco parse --format akn|md|html`).
//!
//! The XML is read back with a real parser (quick-xml, strict: end names
//! checked, every reference resolved) into a small tree, and checked for the
//! structure the exports promise, against what the decision's own tree says.
//! (Validation against the official AKN 3.0 XSD is in the Python tests,
//! with lxml: `bindings-python/tests/test_exports.py`.)

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use lgsco::{Block, Decision, EntityValue, Item, SectionKind};
use quick_xml::events::Event;
use quick_xml::Reader;

// ---------------------------------------------------------------------------
// A small XML tree, built with quick-xml.

#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: HashMap<String, String>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    El(El),
    Text(String),
}

impl El {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.get(k).map(String::as_str)
    }

    fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&El> {
        self.elements().find(|e| e.name == name)
    }

    /// Every element below (and including) this one, in document order.
    fn descendants(&self) -> Vec<&El> {
        let mut out = vec![self];
        for c in self.elements() {
            out.extend(c.descendants());
        }
        out
    }

    fn all(&self, name: &str) -> Vec<&El> {
        self.descendants()
            .into_iter()
            .filter(|e| e.name == name)
            .collect()
    }

    fn text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            match c {
                Node::Text(t) => s.push_str(t),
                Node::El(e) => s.push_str(&e.text()),
            }
        }
        s
    }
}

fn attrs_of(e: &quick_xml::events::BytesStart<'_>) -> HashMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute");
            let key = a.key.as_ref().to_string();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .expect("attribute value")
                .into_owned();
            (key, value)
        })
        .collect()
}

/// Parses a whole XML document (or fragment with one root); panics with the
/// position on any well-formedness error.
fn parse_xml(xml: &str) -> El {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<El> = vec![El::default()];
    loop {
        let ev = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()));
        match ev {
            Event::Start(e) => stack.push(El {
                name: e.name().as_ref().to_string(),
                attrs: attrs_of(&e),
                children: Vec::new(),
            }),
            Event::Empty(e) => {
                let el = El {
                    name: e.name().as_ref().to_string(),
                    attrs: attrs_of(&e),
                    children: Vec::new(),
                };
                stack.last_mut().unwrap().children.push(Node::El(el));
            }
            Event::End(_) => {
                let el = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(Node::El(el));
            }
            Event::Text(t) => {
                let s = t.xml10_content().into_owned();
                stack.last_mut().unwrap().children.push(Node::Text(s));
            }
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref().expect("char ref") {
                    Some(c) => c.to_string(),
                    None => match &*r {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("unknown entity &{other};"),
                    },
                };
                stack.last_mut().unwrap().children.push(Node::Text(s));
            }
            Event::CData(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::DocType(_) => panic!("no DOCTYPE expected"),
            Event::Eof => break,
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut doc = stack.pop().unwrap();
    let roots: Vec<El> = doc
        .children
        .drain(..)
        .filter_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(t) => {
                assert!(t.trim().is_empty(), "text outside the root: {t:?}");
                None
            }
        })
        .collect();
    assert_eq!(roots.len(), 1, "one root element");
    roots.into_iter().next().unwrap()
}

// ---------------------------------------------------------------------------
// Inputs

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const SEED_001: &str = "tests/fixtures/001_b4fdc07b486f5ef2.txt";

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    assert!(v.len() >= 9);
    v
}

fn parse(path: &Path) -> Decision<'static> {
    lgsco::parse(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .into_owned()
}

fn lgsco_cmd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lgsco"))
}

fn count_items(items: &[Item]) -> usize {
    items.iter().map(|i| 1 + count_items(&i.items)).sum()
}

fn all_items(d: &Decision) -> usize {
    fn in_blocks(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => count_items(&p.items),
                Block::List(l) => count_items(&l.items),
            })
            .sum()
    }
    fn in_subs(subs: &[lgsco::Subsection]) -> usize {
        subs.iter()
            .map(|s| in_blocks(&s.blocks) + in_subs(&s.subsections))
            .sum()
    }
    d.sections
        .iter()
        .map(|s| in_blocks(&s.blocks) + in_subs(&s.subsections))
        .sum()
}

/// Resolved paragraph references: (targets found in the tree, entity text).
fn resolved_refs(d: &Decision) -> Vec<(Vec<u32>, String)> {
    d.entities
        .iter()
        .filter_map(|e| match &e.value {
            EntityValue::ParagraphRef(r) => Some((
                r.targets
                    .iter()
                    .copied()
                    .filter(|t| !r.unresolved.contains(t))
                    .collect::<Vec<u32>>(),
                e.text.to_string(),
            )),
            _ => None,
        })
        .filter(|(t, _)| !t.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------
// Akoma Ntoso

const BODY_PARTS: [&str; 5] = [
    "introduction",
    "background",
    "motivation",
    "remedies",
    "decision",
];

/// Checks one decision's AKN against its tree.
fn check_akn(d: &Decision, xml: &str, name: &str) {
    let doc = parse_xml(xml);
    assert_eq!(doc.name, "akomaNtoso", "{name}");
    assert_eq!(
        doc.attr("xmlns"),
        Some("http://docs.oasis-open.org/legaldocml/ns/akn/3.0")
    );
    let judgments = doc.all("judgment");
    assert_eq!(judgments.len(), 1, "{name}: one judgment");
    let j = judgments[0];
    let order: Vec<&str> = j.elements().map(|e| e.name.as_str()).collect();
    assert_eq!(&order[..3], &["meta", "header", "judgmentBody"], "{name}");

    // FRBR: the reference is the work number, the decision date the date,
    // the Ombudsman the author; the title (naming the authority) the name.
    let work = j.child("meta").unwrap().child("identification").unwrap();
    let frbr_work = work.child("FRBRWork").unwrap();
    let h = &d.header;
    assert_eq!(
        frbr_work.child("FRBRnumber").and_then(|e| e.attr("value")),
        h.reference_id.as_deref().or(h.reference.as_deref()),
        "{name}: FRBRnumber"
    );
    let date = frbr_work.child("FRBRdate").unwrap();
    match h.decision_date {
        Some(dd) => assert_eq!(date.attr("date"), Some(dd.to_string().as_str()), "{name}"),
        None => assert_eq!(date.attr("name"), Some("unknown"), "{name}"),
    }
    assert_eq!(
        frbr_work.child("FRBRauthor").and_then(|e| e.attr("href")),
        Some("#lgsco")
    );
    if let Some(t) = &h.title {
        assert_eq!(
            frbr_work.child("FRBRname").and_then(|e| e.attr("value")),
            Some(t.text.as_ref())
        );
    }
    for part in ["FRBRExpression", "FRBRManifestation"] {
        let p = work.child(part).unwrap();
        for e in ["FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"] {
            assert!(p.child(e).is_some(), "{name}: {part} lacks {e}");
        }
    }
    let header = j.child("header").unwrap();
    if let Some(a) = &h.authority {
        let party = header.all("party");
        assert_eq!(party.len(), 1);
        assert_eq!(&party[0].text(), a);
        assert_eq!(party[0].attr("refersTo"), Some("#authority"));
        let orgs = j.child("meta").unwrap().all("TLCOrganization");
        assert!(orgs
            .iter()
            .any(|o| o.attr("eId") == Some("authority") && o.attr("showAs") == Some(a)));
    }
    if let Some(t) = &h.title {
        assert_eq!(header.all("docTitle")[0].text(), t.text);
    }

    // The body: only the five parts, sections inside them.
    let body = j.child("judgmentBody").unwrap();
    for part in body.elements() {
        assert!(
            BODY_PARTS.contains(&part.name.as_str()),
            "{name}: {} in judgmentBody",
            part.name
        );
    }
    let headings: Vec<String> = body
        .elements()
        .flat_map(|p| p.elements())
        .filter(|s| s.name == "section")
        .filter_map(|s| s.child("heading").map(El::text))
        .collect();
    let expected: Vec<String> = d
        .summary
        .iter()
        .map(|_| "Summary".to_string())
        .chain(
            d.sections
                .iter()
                .filter_map(|s| s.heading.as_ref().map(|h| h.text.to_string())),
        )
        .collect();
    assert_eq!(headings, expected, "{name}: section headings in order");

    // eIds are unique.
    let mut ids = HashSet::new();
    for e in doc.descendants() {
        if let Some(id) = e.attr("eId") {
            assert!(ids.insert(id.to_string()), "{name}: duplicate eId {id}");
        }
    }

    // Paragraphs: one per paragraph of the tree, para_N with num "N.".
    let paragraphs = body.all("paragraph");
    let numbered: Vec<&&El> = paragraphs
        .iter()
        .filter(|p| p.child("num").is_some())
        .collect();
    let ordinals: Vec<u32> = d.paragraphs().iter().filter_map(|p| p.ordinal).collect();
    assert_eq!(
        numbered.len(),
        ordinals.len(),
        "{name}: numbered paragraphs"
    );
    for (p, n) in numbered.iter().zip(&ordinals) {
        assert_eq!(p.attr("eId"), Some(format!("para_{n}").as_str()), "{name}");
        assert_eq!(p.child("num").unwrap().text(), format!("{n}."), "{name}");
        assert!(p.child("content").is_some(), "{name}: para_{n} content");
    }
    assert!(paragraphs.len() >= d.paragraphs().len(), "{name}");

    // Lists: an item per item of the tree, inside blockLists.
    let items = body.all("item");
    assert_eq!(items.len(), all_items(d), "{name}: items");
    for list in body.all("blockList") {
        assert!(list.elements().all(|e| e.name == "item"), "{name}");
    }

    // References: every resolved paragraph reference is a ref to a para_N
    // that exists; single targets cover the reference's text.
    let refs = body.all("ref");
    for r in &refs {
        let href = r.attr("href").unwrap();
        let id = href.strip_prefix('#').unwrap();
        assert!(ids.contains(id), "{name}: ref to missing {href}");
    }
    let hrefs: Vec<&str> = refs.iter().filter_map(|r| r.attr("href")).collect();
    for (targets, text) in resolved_refs(d) {
        for t in &targets {
            if targets.len() == 1 || text.contains(&t.to_string()) {
                assert!(
                    hrefs.contains(&format!("#para_{t}").as_str()),
                    "{name}: no ref to para_{t} ({text})"
                );
            }
        }
        if targets.len() == 1 {
            assert!(
                refs.iter().any(|r| r.text() == text),
                "{name}: no ref reading {text:?}"
            );
        }
    }

    // Nothing of the paragraphs' text is lost (white space aside).
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let body_text = squash(&body.text());
    for p in d.paragraphs() {
        for t in &p.content {
            assert!(
                body_text.contains(&squash(&t.text)),
                "{name}: text missing: {}",
                t.text
            );
        }
    }
}

#[test]
fn akn_of_every_fixture_has_the_structure() {
    for path in fixtures() {
        let d = parse(&path);
        check_akn(&d, &d.to_akn(), &path.display().to_string());
    }
}

#[test]
fn akn_seed_001_sections_map_by_kind() {
    let d = parse(&root().join(SEED_001));
    let doc = parse_xml(&d.to_akn());
    let body = doc.all("judgmentBody")[0];
    let part_of = |heading: &str| -> String {
        body.elements()
            .find(|p| {
                p.elements()
                    .any(|s| s.child("heading").is_some_and(|h| h.text() == heading))
            })
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    assert_eq!(part_of("Summary"), "introduction");
    assert_eq!(part_of("The complaint"), "introduction");
    assert_eq!(part_of("The Ombudsman’s role and powers"), "background");
    assert_eq!(part_of("What I found"), "motivation");
    assert_eq!(part_of("Agreed action"), "remedies");
    assert_eq!(part_of("Final decision"), "decision");
    let kinds: Vec<SectionKind> = d.sections.iter().map(|s| s.kind).collect();
    assert!(kinds.contains(&SectionKind::WhatFound));

    // "What I found" keeps its sub-headings as subsections.
    let found = body
        .all("section")
        .into_iter()
        .find(|s| {
            s.child("heading")
                .is_some_and(|h| h.text() == "What I found")
        })
        .unwrap();
    let subs: Vec<String> = found
        .elements()
        .filter(|e| e.name == "subsection")
        .map(|e| e.child("heading").unwrap().text())
        .collect();
    assert_eq!(subs, ["Law and guidance", "What happened", "My findings"]);

    // Paragraph 17's three bullets are a blockList of three items.
    let p17 = body
        .all("paragraph")
        .into_iter()
        .find(|p| p.attr("eId") == Some("para_17"))
        .unwrap();
    let list = p17.all("blockList");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].all("item").len(), 3);
    assert!(list[0].all("item")[0]
        .text()
        .contains("considering the adequacy of the stage two investigation"));

    // Dates given to the day are marked.
    assert!(body
        .all("date")
        .iter()
        .any(|e| e.attr("date") == Some("2021-09-13")));
}

#[test]
fn akn_several_targets_make_an_mref() {
    let d = parse(&root().join("tests/fixtures/report-chapter.txt"));
    let doc = parse_xml(&d.to_akn());
    let mrefs = doc.all("mref");
    assert!(!mrefs.is_empty());
    let m = mrefs[0];
    assert_eq!(m.text(), "paragraphs 6 and 7");
    let hrefs: Vec<&str> = m.all("ref").iter().filter_map(|r| r.attr("href")).collect();
    assert_eq!(hrefs, ["#para_6", "#para_7"]);
}

#[test]
fn akn_escapes_and_survives_hostile_text() {
    let text = "Council <&> \"Quotes\" (19 011 114)\n\nDecision : Upheld\n\n\
                Decision date : 03 Feb 2020\n\nThe Ombudsman's final decision:\n\n\
                Summary: Mr <b>X</b> & co \u{1}\u{b} complained.\n\nThe complaint\n\n  \
                1. Mr X says ]]> and <!-- and &amp; are text; see paragraph 2.\n\n  \
                2. Second, with a bullet:\n\n      • <script>alert(1)</script>\n";
    let d = lgsco::parse(text).unwrap();
    let xml = d.to_akn();
    check_akn(&d, &xml, "hostile");
    let doc = parse_xml(&xml);
    assert!(doc.text().contains("Mr <b>X</b> & co"));
    assert!(doc.text().contains("]]> and <!-- and &amp; are text"));
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{b}'));
    let html = d.to_html();
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    let md = d.to_markdown();
    assert!(md.contains("\\<script>"), "{md}");
}

#[test]
fn renderers_never_panic_and_stay_well_formed() {
    // Every fixture cut short at many places, and with lines dropped: what
    // parses renders to well-formed AKN and HTML articles.
    let mut rendered = 0;
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let step = (text.len() / 25).max(1);
        let mut variants = Vec::new();
        let mut cut = step;
        while cut < text.len() {
            let mut at = cut;
            while !text.is_char_boundary(at) {
                at += 1;
            }
            variants.push(text[..at].to_string());
            cut += step;
        }
        variants.push(
            text.lines()
                .enumerate()
                .filter(|(i, _)| i % 4 != 1)
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
                .join("\n"),
        );
        for (k, v) in variants.iter().enumerate() {
            let Ok(d) = lgsco::parse(v) else { continue };
            let name = format!("{} variant {k}", path.display());
            check_akn(&d, &d.to_akn(), &name);
            let mut article = String::new();
            lgsco::render::html::write_article(&mut article, &d, Some("x"));
            parse_xml(&article);
            assert!(d.to_markdown().starts_with("# "), "{name}");
            rendered += 1;
        }
    }
    assert!(rendered > 100, "only {rendered}");
}

// ---------------------------------------------------------------------------
// HTML and Markdown

#[test]
fn html_marks_paragraphs_lists_and_entities() {
    for path in fixtures() {
        let d = parse(&path);
        let name = path.display().to_string();
        let page = d.to_html();
        assert!(page.starts_with("<!DOCTYPE html>"), "{name}");
        let mut article = String::new();
        lgsco::render::html::write_article(&mut article, &d, None);
        assert!(
            page.contains(&article),
            "{name}: the page holds the article"
        );
        let doc = parse_xml(&article);
        assert_eq!(doc.name, "article");
        assert_eq!(doc.all("h1").len(), 1);
        let headings = doc.all("h2").len();
        assert_eq!(
            headings,
            d.sections.iter().filter(|s| s.heading.is_some()).count()
                + usize::from(d.summary.is_some()),
            "{name}: h2 per section"
        );
        // Numbered paragraphs: id para_N, data-ordinal, span.num "N.".
        let paras: Vec<&El> = doc
            .all("div")
            .into_iter()
            .filter(|e| e.attr("class") == Some("paragraph") && e.attr("id").is_some())
            .collect();
        let ordinals: Vec<u32> = d.paragraphs().iter().filter_map(|p| p.ordinal).collect();
        assert_eq!(paras.len(), ordinals.len(), "{name}");
        for (p, n) in paras.iter().zip(&ordinals) {
            assert_eq!(p.attr("id"), Some(format!("para_{n}").as_str()));
            assert_eq!(p.attr("data-ordinal"), Some(n.to_string().as_str()));
            let num = p
                .all("span")
                .into_iter()
                .find(|s| s.attr("class") == Some("num"))
                .unwrap();
            assert_eq!(num.text(), format!("{n}."));
        }
        assert_eq!(doc.all("li").len(), all_items(&d), "{name}: li per item");

        // Entities: a marked element per kind found, with its classes.
        let marked: Vec<&El> = doc
            .descendants()
            .into_iter()
            .filter(|e| {
                e.attr("class")
                    .is_some_and(|c| c.split(' ').any(|x| x == "entity"))
            })
            .collect();
        let kinds: HashSet<&str> = marked.iter().filter_map(|e| e.attr("data-kind")).collect();
        for e in &marked {
            let kind = e.attr("data-kind").unwrap();
            let class = format!("entity entity-{}", kind.replace('_', "-"));
            assert_eq!(e.attr("class"), Some(class.as_str()));
        }
        for e in &d.entities {
            let kind = lgsco::render::kind_name(&e.value);
            if kind != "remedy_action" {
                // Remedy actions may span several pieces of text and go unmarked.
                assert!(kinds.contains(kind), "{name}: no {kind} marked");
            }
        }
        // Resolved single references are links to the paragraph.
        for (targets, text) in resolved_refs(&d) {
            if let [t] = targets.as_slice() {
                let href = format!("#para_{t}");
                assert!(
                    marked.iter().any(|e| e.name == "a"
                        && e.attr("href") == Some(href.as_str())
                        && e.text() == text),
                    "{name}: no link {href}"
                );
            }
        }
    }
}

#[test]
fn html_seed_001_money_and_reference() {
    let d = parse(&root().join(SEED_001));
    let html = d.to_html();
    // The summary's £300 (no paragraph), and paragraph 73's inside the
    // remedy action that holds it.
    assert!(html.contains("<span class=\"entity entity-money\" data-kind=\"money\">£300</span>"));
    let p73 = html
        .split("id=\"para_73\"")
        .nth(1)
        .unwrap()
        .split("</div>")
        .next()
        .unwrap();
    let action = p73.find("entity-remedy-action").unwrap();
    let money = p73
        .find("<span class=\"entity entity-money\" data-kind=\"money\" data-paragraph=\"73\">£300</span>")
        .unwrap();
    assert!(action < money);
    assert!(html.contains("href=\"#para_38\">paragraph 38</a>"));
    assert!(html.contains("<div class=\"paragraph\" id=\"para_38\" data-ordinal=\"38\">"));
}

#[test]
fn markdown_has_headings_numbered_paragraphs_and_lists() {
    for path in fixtures() {
        let d = parse(&path);
        let name = path.display().to_string();
        let md = d.to_markdown();
        assert!(md.ends_with('\n') && !md.ends_with("\n\n"), "{name}");
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("# ")).count(),
            1,
            "{name}"
        );
        for s in &d.sections {
            if let Some(h) = &s.heading {
                let want = format!("## {}", h.text.trim());
                assert!(
                    lines.iter().any(|l| l.replace('\\', "") == want),
                    "{name}: no heading {want}"
                );
            }
        }
        // Each numbered paragraph starts a line with its ordinal, in order.
        let mut at = 0;
        for n in d.paragraphs().iter().filter_map(|p| p.ordinal) {
            let prefix = format!("**{n}.**");
            let found = lines
                .iter()
                .skip(at)
                .position(|l| l.starts_with(&prefix))
                .unwrap_or_else(|| panic!("{name}: no paragraph {n}"));
            at += found + 1;
        }
        let bullets = lines
            .iter()
            .filter(|l| l.trim_start().starts_with("- ") && !l.starts_with("- **"))
            .count();
        assert_eq!(bullets, all_items(&d), "{name}: a list line per item");
    }
    let d = parse(&root().join(SEED_001));
    let md = d.to_markdown();
    assert!(md.contains("- **Reference:** 22-014-796"));
    assert!(md.contains("- **Decision date:** 22 August 2023"));
    assert!(md.contains("\n### Law and guidance\n"));
    assert!(md.contains("\n- considering the adequacy of the stage two investigation;\n"));
}

// ---------------------------------------------------------------------------
// The command

#[test]
fn cli_akn_seed_001() {
    let out = lgsco_cmd()
        .args(["parse", "--format", "akn", SEED_001])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success());
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    let doc = parse_xml(&xml);
    assert_eq!(doc.all("judgment").len(), 1);
    let p38 = doc
        .all("paragraph")
        .into_iter()
        .filter(|p| p.attr("eId") == Some("para_38"))
        .count();
    assert_eq!(p38, 1);
    let refs: Vec<&El> = doc
        .all("ref")
        .into_iter()
        .filter(|r| r.attr("href") == Some("#para_38"))
        .collect();
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0].text(), "paragraph 38");
    // The library gives the same document.
    assert_eq!(xml, parse(&root().join(SEED_001)).to_akn());
}

#[test]
fn cli_formats_for_several_files() {
    let dir = root().join("tests/fixtures");
    let n = fixtures().len();
    let run = |format: &str| -> String {
        let out = lgsco_cmd()
            .args(["parse", "--format", format])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        String::from_utf8(out.stdout).unwrap()
    };

    // AKN: one XML document holding a document per file, each with its path.
    let xml = run("akn");
    let doc = parse_xml(&xml);
    assert_eq!(doc.name, "lgsco:documents");
    let docs: Vec<&El> = doc.elements().collect();
    assert_eq!(docs.len(), n);
    for (d, path) in docs.iter().zip(fixtures()) {
        assert_eq!(d.attr("path"), Some(path.to_str().unwrap()));
        assert_eq!(d.all("akomaNtoso").len(), 1);
        assert_eq!(d.all("judgment").len(), 1);
    }

    // HTML: one page, an article per file.
    let html = run("html");
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<article class=\"lgsco-decision\"").count(), n);

    // Markdown: documents one after another, each under its path.
    let md = run("md");
    assert_eq!(md.matches("<!-- path: ").count(), n);
    assert_eq!(md.lines().filter(|l| l.starts_with("# ")).count(), n);

    // One file: exactly the library's output.
    for (format, expected) in [
        ("md", parse(&root().join(SEED_001)).to_markdown()),
        ("html", parse(&root().join(SEED_001)).to_html()),
    ] {
        let out = lgsco_cmd()
            .args(["parse", "-f", format, SEED_001])
            .current_dir(root())
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{format}");
    }

    // No inputs that parse: still a well-formed (empty) collection.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.txt"), "not a decision\n").unwrap();
    std::fs::write(tmp.path().join("b.txt"), "nor this\n").unwrap();
    let out = lgsco_cmd()
        .args(["parse", "--format", "akn"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let empty = parse_xml(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(empty.elements().count(), 0);
}
