//! Time and memory grow linearly with the input, for every adversarial shape
//! (issue 7), measured deterministically: this test binary counts the
//! allocations (number and bytes) and the peak of live bytes a parse makes,
//! and compares 1x against 8x inputs. A quadratic pass that builds strings
//! or vectors shows up as ~64x; the bound is 10x (8x plus slack for
//! amortised vector growth).
//!
//! Allocation counts do not see a quadratic loop that allocates nothing, so
//! `wall_clock_is_linear` (ignored: timing has no place in CI) measures time
//! too; run it with
//! `cargo test --release -p lgsco --test linear_work -- --ignored --nocapture`.
//! The criterion benches (`benches/`) track the same for the seeds.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size, Relaxed);
        let live = LIVE.fetch_add(new_size, Relaxed) + new_size;
        PEAK.fetch_max(live, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const HEAD: &str = "West Sussex County Council (19 011 114)\n\nDecision : Upheld\n\n\
                    The Ombudsman's final decision:\n\nSummary: Ms X complained.\n\n";

fn fixture(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/");
    std::fs::read_to_string(format!("{dir}{name}")).unwrap()
}

/// The adversarial shapes of `adversarial.rs`, at size `n` (units of the
/// shape: words, lines, items, headings, ...).
type Shape = (&'static str, Box<dyn Fn(usize) -> String>);

fn shapes() -> Vec<Shape> {
    let seed = fixture("001_b4fdc07b486f5ef2.txt");
    vec![
        (
            "long line, no decision",
            Box::new(|n| "the Council delayed £300 ".repeat(n)),
        ),
        (
            "long line in a paragraph",
            Box::new(|n| {
                format!(
                    "{HEAD}The complaint\n\n  1. {}",
                    "the Council paid £300 on 13 September 2021 at paragraph 1 ".repeat(n)
                )
            }),
        ),
        (
            "short numbered lines",
            Box::new(|n| {
                let body: String = (0..n)
                    .map(|i| format!("  {}. Ms X.\n", i % 40 + 1))
                    .collect();
                format!("{HEAD}The complaint\n\n{body}")
            }),
        ),
        (
            "entity-rich paragraphs",
            Box::new(|n| {
                let body: String = (0..n)
                    .map(|i| {
                        format!(
                            "  {}. Ms X and Mr Y paid £{i} on 13 September 2021, see paragraph {}; section 26(6)(a) of the Local Government Act 1974 and that Act.\n",
                            i % 40 + 1,
                            i % 7 + 1
                        )
                    })
                    .collect();
                format!("{HEAD}Agreed action\n\n  1. Within one month of the final decision the Council will:\n{body}")
            }),
        ),
        (
            "bullets",
            Box::new(|n| {
                format!(
                    "{HEAD}The complaint\n\n  1. Ms X complains:\n{}",
                    "    • the Council failed;\n".repeat(n)
                )
            }),
        ),
        (
            "nested-looking indents",
            Box::new(|n| {
                let body: String = (0..n)
                    .map(|i| format!("{}- deeper;\n", " ".repeat(3 + i % 64)))
                    .collect();
                format!("{HEAD}The complaint\n\n  1. Ms X complains:\n{body}")
            }),
        ),
        (
            "dash lines",
            Box::new(|n| {
                format!(
                    "{HEAD}The complaint\n{}",
                    "- the Council did not reply;\n".repeat(n)
                )
            }),
        ),
        (
            "every line a heading",
            Box::new(|n| {
                let hs = [
                    "The complaint",
                    "What I found",
                    "Law and guidance",
                    "My findings",
                    "Delay",
                    "Final decision",
                ];
                let body: String = (0..n).map(|i| format!("{}\n", hs[i % hs.len()])).collect();
                format!("{HEAD}{body}")
            }),
        ),
        (
            "control characters",
            Box::new(|n| {
                let controls: String = (0u8..0x20).chain([0x7f]).map(char::from).collect();
                format!(
                    "{HEAD}The complaint\n\n{}",
                    format!("  1. x{controls}\n").repeat(n)
                )
            }),
        ),
        ("NUL bytes", Box::new(|n| "\0".repeat(n * 16))),
        (
            "mixed line ends",
            Box::new(|n| {
                let ends = ["\r\n", "\n", "\r"];
                let body: String = (0..n)
                    .map(|i| format!("  {}. Ms X.{}", i % 40 + 1, ends[i % 3]))
                    .collect();
                format!("{HEAD}The complaint\n\n{body}")
            }),
        ),
        (
            "BOMs in the middle",
            Box::new(|n| {
                format!(
                    "{HEAD}The complaint\n\n{}",
                    "\u{feff}  1. Ms \u{feff}X.\n".repeat(n)
                )
            }),
        ),
        (
            "concatenated decisions",
            Box::new(move |n| {
                let copies = n / 200 + 1;
                vec![seed.as_str(); copies].join("\n")
            }),
        ),
    ]
}

#[derive(Debug, Clone, Copy)]
struct Work {
    allocs: usize,
    bytes: usize,
    peak: usize,
}

fn measure(input: &str, options: &lgsco::Options) -> Work {
    let (a0, b0) = (ALLOCS.load(Relaxed), BYTES.load(Relaxed));
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let result = lgsco::parse_with(input, options);
    let work = Work {
        allocs: ALLOCS.load(Relaxed) - a0,
        bytes: BYTES.load(Relaxed) - b0,
        peak: PEAK.load(Relaxed).saturating_sub(base),
    };
    drop(result);
    work
}

#[test]
fn allocations_grow_linearly_for_every_adversarial_shape() {
    let n = 2_000;
    let mut failures = Vec::new();
    for (name, make) in shapes() {
        let small = make(n);
        let large = make(8 * n);
        for (mode, options) in [
            ("tree", lgsco::Options::tree_only()),
            ("entities", lgsco::Options::default()),
        ] {
            let a = measure(&small, &options);
            let b = measure(&large, &options);
            let ratio = |x: usize, y: usize| y as f64 / (x.max(1)) as f64;
            let (r_allocs, r_bytes, r_peak) = (
                ratio(a.allocs, b.allocs),
                ratio(a.bytes, b.bytes),
                ratio(a.peak, b.peak),
            );
            eprintln!(
                "{name:>26} {mode:>8}: allocs {:>8} -> {:>9} ({r_allocs:.1}x), bytes {r_bytes:.1}x, peak {r_peak:.1}x ({:.0} bytes per input byte)",
                a.allocs, b.allocs, b.peak as f64 / large.len().max(1) as f64
            );
            // Inputs that allocate almost nothing (errors) need no ratio.
            let tiny = b.allocs < 64 && b.bytes < 64 * large.len().max(1);
            if !tiny && (r_allocs > 10.0 || r_bytes > 10.0 || r_peak > 10.0) {
                failures.push(format!("{name} ({mode}): {a:?} -> {b:?}"));
            }
            // Memory stays a small multiple of the input.
            if b.peak > 64 * large.len() + (1 << 20) {
                failures.push(format!(
                    "{name} ({mode}): peak {} bytes for {} bytes of input",
                    b.peak,
                    large.len()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "not linear:\n{}", failures.join("\n"));
}

#[test]
#[ignore = "wall-clock timing: run by hand (see the module docs)"]
fn wall_clock_is_linear() {
    let n = 20_000;
    for (name, make) in shapes() {
        // 2x against 16x: inputs big enough that caches do not flatter the
        // small one.
        let small = make(2 * n);
        let large = make(16 * n);
        let time = |input: &str| {
            (0..3)
                .map(|_| {
                    let t = std::time::Instant::now();
                    let _ = lgsco::parse(input);
                    t.elapsed()
                })
                .min()
                .unwrap()
        };
        let (a, b) = (time(&small), time(&large));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-9);
        eprintln!(
            "{name:>26}: {:>9} bytes {:>9.2?} -> {:>10} bytes {:>9.2?} ({ratio:.1}x)",
            small.len(),
            a,
            large.len(),
            b
        );
        // Linear is ~8x, quadratic ~64x; noise on a busy machine can double 8x.
        assert!(ratio < 32.0, "{name}: {ratio:.1}x for 8x the input");
    }
}
