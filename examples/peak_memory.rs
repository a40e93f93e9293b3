//! Peak heap memory while parsing one decision, against its size:
//!
//!     cargo run --release --example peak_memory
//!
//! A counting global allocator records the most bytes live at once during
//! `lgsco::parse` (tree + entities, the result included), over what was live
//! before the call (the input itself is not counted), and the same for a
//! tree-only parse. Prints the peak for
//! each real seed, a 10 MB synthetic decision (varied seed bodies) and a
//! decision that is one 10 MB line, as a multiple of the input's size.
//!
//! The first parse in a process also builds the entity scanners' phrase
//! tables, once for all later parses (`LazyLock` statics), and the first
//! parse on a thread allocates the scanners' buffers, which the thread keeps
//! for its next parses (emptied; not kept past 16,384 elements each). Both
//! are made by a warm-up parse of every seed before measuring, and their
//! size printed on its own line, so they are not counted against whichever
//! decision comes first; add that line to a seed's peak for a first parse.

#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let now = LIVE.fetch_add(grow, Relaxed) + grow;
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak bytes allocated by one parse of `text`, above what was live before.
fn peak_of(text: &str, options: &lgsco::Options) -> usize {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let decision = lgsco::parse_with(text, options);
    let peak = PEAK.load(Relaxed) - before;
    assert!(decision.is_ok(), "the input parses");
    drop(decision);
    peak
}

fn report(name: &str, text: &str) -> f64 {
    let peak = peak_of(text, &lgsco::Options::default());
    let tree = peak_of(text, &lgsco::Options::tree_only());
    let ratio = peak as f64 / text.len() as f64;
    println!(
        "{name:28} {:>9} B input {:>10} B peak {ratio:5.2}x  (tree only {:5.2}x)",
        text.len(),
        peak,
        tree as f64 / text.len() as f64
    );
    ratio
}

fn main() {
    // Warm up on every seed: the phrase tables (kept for the life of the
    // process) and the scanners' buffers (kept by this thread).
    let before = LIVE.load(Relaxed);
    for (_, text) in corpus::seeds() {
        drop(lgsco::parse(&text));
    }
    println!(
        "kept between parses (phrase tables, this thread's scanner buffers) {:>9} B",
        LIVE.load(Relaxed) - before
    );
    let mut worst: f64 = 0.0;
    for (name, text) in corpus::seeds() {
        worst = worst.max(report(name.trim_end_matches(".txt"), &text));
    }
    let ten_mb = corpus::shapes::build("decision", 10);
    worst = worst.max(report("synthetic decision (10 MB)", &ten_mb));
    drop(ten_mb);
    let line = corpus::shapes::build("long_line", 8);
    worst = worst.max(report("one 10 MB line", &line));
    println!("peak_vs_input_max={worst:.2}");
}
