//! Prints the outline of a decision: header, sections, subsections and
//! paragraph ordinals with the start of their text. Handy when reviewing a
//! golden file against the seed: `cargo run -p lgsco --example outline FILE`.

use lgsco::{Block, Item};

fn items(items: &[Item], depth: usize) {
    for i in items {
        let t: String = i.text.chars().take(60).collect();
        println!(
            "{:w$}{} [{}] {}",
            "",
            i.marker.text,
            i.label.as_deref().unwrap_or(""),
            t,
            w = depth * 4
        );
        self::items(&i.items, depth + 1);
    }
}

fn blocks(bs: &[Block], depth: usize) {
    for b in bs {
        match b {
            Block::Paragraph(p) => {
                let t: String = p.text.chars().take(70).collect();
                println!(
                    "{:w$}¶{:?} (#{:?}) {}",
                    "",
                    p.ordinal,
                    p.number,
                    t.replace('\n', " ⏎ "),
                    w = depth * 4
                );
                items(&p.items, depth + 1);
            }
            Block::List(l) => {
                println!("{:w$}LIST", "", w = depth * 4);
                items(&l.items, depth + 1);
            }
        }
    }
}

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match lgsco::parse(&text) {
            Err(e) => println!("{path}: error: {e}"),
            Ok(d) => {
                println!("== {path} layout={:?}", d.layout);
                let h = &d.header;
                println!(
                    "authority={:?} ref={:?} id={:?} cat={:?}/{:?} outcome={:?} {:?} date={:?}",
                    h.authority,
                    h.reference,
                    h.reference_id,
                    h.category.area,
                    h.category.subcategory,
                    h.outcome,
                    h.outcome_kind,
                    h.decision_date
                );
                if let Some(c) = &d.contents {
                    println!(
                        "contents: {:?}",
                        c.entries
                            .iter()
                            .map(|e| e.text.as_ref())
                            .collect::<Vec<_>>()
                    );
                }
                if let Some(s) = &d.summary {
                    println!("summary: {}", s.text.chars().take(80).collect::<String>());
                }
                for s in &d.sections {
                    println!(
                        "# {:?} [{:?}]",
                        s.heading.as_ref().map(|h| h.text.as_ref()),
                        s.kind
                    );
                    blocks(&s.blocks, 1);
                    for sub in &s.subsections {
                        println!("  ## {} [{:?}]", sub.heading.text, sub.kind);
                        blocks(&sub.blocks, 2);
                        for subsub in &sub.subsections {
                            println!("      ### {} [{:?}]", subsub.heading.text, subsub.kind);
                            blocks(&subsub.blocks, 3);
                        }
                    }
                }
                println!("closing: {:?}", d.closing.as_ref().map(|c| c.text.as_ref()));
                println!(
                    "boilerplate: {} lines: {:?}",
                    d.boilerplate.len(),
                    d.boilerplate
                        .iter()
                        .map(|b| b.text.chars().take(20).collect::<String>())
                        .collect::<Vec<_>>()
                );
                for x in &d.diagnostics {
                    println!("diag {} line {}: {}", x.code, x.span.line, x.message);
                }
            }
        }
    }
}
