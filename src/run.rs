//! Running the commands: `parse` streams inputs through a bounded, ordered
//! parallel pipeline; `schema` prints the JSON Schema.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::cli::{Cli, Command, ParseArgs};
use crate::input::{self, Entry, Failure, Filter, Source};
use crate::output::{Emitter, Format, Framing};

/// Exit codes.
pub const EXIT_OK: i32 = 0;
/// Some input could not be read or parsed, or output could not be written.
pub const EXIT_FAILED: i32 = 1;

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Parse(args) => parse(args),
        Command::Schema => schema(),
    }
}

fn schema() -> i32 {
    let schema = lgsco::schema::json_schema();
    let mut text = match serde_json::to_string_pretty(&schema) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lgsco: cannot serialise the schema: {e}");
            return EXIT_FAILED;
        }
    };
    text.push('\n');
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("lgsco: cannot write output: {e}");
            EXIT_FAILED
        }
    }
}

/// What every worker needs to turn one input into output bytes.
struct Job {
    options: lgsco::Options,
    format: Format,
    framing: Framing,
}

type Outcome = Result<Vec<u8>, Failure>;

/// Reads, parses and renders one input. Never panics: a panic inside the
/// parser is turned into a failure for that input.
fn process(source: &Source, job: &Job) -> Outcome {
    let attempt = panic::catch_unwind(AssertUnwindSafe(|| {
        let text = input::read_text(source, job.options.max_input_bytes)?;
        let decision = lgsco::parse_with(&text, &job.options)
            .map_err(|e| input::from_parse_error(source.display_name(), &e))?;
        job.format
            .render(&decision, &source.path_string(), job.framing)
            .map_err(|e| Failure {
                name: source.display_name(),
                place: None,
                message: format!("cannot render: {e}"),
            })
    }));
    attempt.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Failure {
            name: source.display_name(),
            place: None,
            message: format!("internal error in the parser ({what}); please report this input"),
        })
    })
}

fn parse(args: ParseArgs) -> i32 {
    if let Some(n) = args.jobs {
        // Fails only if the pool was already built, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let single = input::is_single(&args.paths);
    let format = args.effective_format();
    let job = Arc::new(Job {
        options: args.options(),
        format,
        framing: format.framing(single),
    });
    let filter = Filter::new(&args.extensions);

    let show_progress = !single && !args.no_progress && io::stderr().is_terminal();
    let progress = if show_progress {
        progress_bar(input::entries(args.paths.clone(), filter.clone()))
    } else {
        ProgressBar::hidden()
    };

    let out = BufWriter::with_capacity(256 * 1024, io::stdout().lock());
    let mut emitter = Emitter::new(job.framing, out);
    let mut parsed = 0usize;
    let mut failed = 0usize;
    // Batches of 8 files, 4 batches a thread in flight (at least 16): a few
    // dozen decisions in memory at a time, whatever the archive's size.
    let window = (rayon::current_num_threads() * 4).max(16);

    let entries = input::entries(args.paths, filter);
    let worker_job = Arc::clone(&job);
    let result = ordered_pipeline(
        entries,
        window,
        8,
        move |source| process(&source, &worker_job),
        |outcome| {
            progress.inc(1);
            match outcome {
                Ok(bytes) => {
                    parsed += 1;
                    emitter.item(&bytes)
                }
                Err(failure) => {
                    failed += 1;
                    progress.suspend(|| eprintln!("lgsco: {failure}"));
                    Ok(())
                }
            }
        },
    )
    .and_then(|()| emitter.finish());
    progress.finish_and_clear();

    match result {
        Ok(()) => {}
        // A reader that stops early (`| head`) is not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("lgsco: cannot write output: {e}");
            return EXIT_FAILED;
        }
    }
    if show_progress {
        eprintln!(
            "lgsco: {parsed} parsed, {failed} failed in {:.1?}",
            progress.elapsed()
        );
    }
    if failed > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

fn progress_bar(entries: impl Iterator<Item = Entry>) -> ProgressBar {
    let total = entries.count() as u64;
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {human_pos}/{human_len} ({rate}, eta {eta})",
        )
        .map(|style| {
            style.with_key(
                "rate",
                |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0} files/s", state.per_sec());
                },
            )
        })
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Runs `work` on every input on rayon's pool and hands the outcomes to
/// `sink` in input order, as they become ready.
///
/// Inputs go to the pool in batches of `batch` consecutive entries (one task
/// each, so the threads are not woken once per small file). Memory stays
/// bounded: at most `window` batches are in flight or waiting to be written
/// at any time (a counting semaphore made of a bounded channel), so neither
/// the inputs nor the outputs are ever all held. Walking the inputs happens
/// on a thread of its own, so the walk, the parsing and the writing overlap.
/// Stops early, returning the error, if `sink` fails.
pub fn ordered_pipeline<I, W, S>(
    entries: I,
    window: usize,
    batch: usize,
    work: W,
    mut sink: S,
) -> io::Result<()>
where
    I: Iterator<Item = Entry> + Send + 'static,
    W: Fn(Source) -> Outcome + Send + Sync + 'static,
    S: FnMut(Outcome) -> io::Result<()>,
{
    let (window, batch) = (window.max(1), batch.max(1));
    let work = Arc::new(work);
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Vec<Outcome>)>();

    let feeder = thread::spawn(move || {
        let mut entries = entries.peekable();
        let mut index = 0usize;
        while entries.peek().is_some() {
            let chunk: Vec<Entry> = entries.by_ref().take(batch).collect();
            // Blocks while `window` batches are in flight; fails once the
            // writer has stopped.
            if permit_tx.send(()).is_err() {
                return;
            }
            let done_tx = done_tx.clone();
            let work = Arc::clone(&work);
            rayon::spawn(move || {
                let outcomes = chunk
                    .into_iter()
                    .map(|entry| match entry {
                        Entry::Input(source) => work(source),
                        Entry::Error(failure) => Err(failure),
                    })
                    .collect();
                let _ = done_tx.send((index, outcomes));
            });
            index += 1;
        }
    });

    let mut waiting: BTreeMap<usize, Vec<Outcome>> = BTreeMap::new();
    let mut next = 0usize;
    for (index, outcomes) in done_rx.iter() {
        waiting.insert(index, outcomes);
        while let Some(outcomes) = waiting.remove(&next) {
            next += 1;
            for outcome in outcomes {
                sink(outcome)?;
            }
            // Hands the slot back to the feeder.
            let _ = permit_rx.recv();
        }
    }
    // Every sender is gone, so the feeder has finished.
    let _ = feeder.join();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn sources(n: usize) -> impl Iterator<Item = Entry> + Send {
        (0..n).map(|i| Entry::Input(Source::File(PathBuf::from(format!("{i:06}")))))
    }

    #[test]
    fn pipeline_keeps_order_and_bounds_the_window() {
        static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
        static MAX_SEEN: AtomicUsize = AtomicUsize::new(0);
        let (window, batch) = (8, 3);
        let mut seen = Vec::new();
        ordered_pipeline(
            sources(500),
            window,
            batch,
            |source| {
                let now = IN_FLIGHT.fetch_add(1, Ordering::SeqCst) + 1;
                MAX_SEEN.fetch_max(now, Ordering::SeqCst);
                let name = source.path_string();
                // Later inputs finish first now and then.
                let n: u64 = name.parse().unwrap();
                thread::sleep(Duration::from_micros((7 - n % 8) * 50));
                Ok(name.into_bytes())
            },
            |outcome| {
                IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
                seen.push(String::from_utf8(outcome.unwrap()).unwrap());
                Ok(())
            },
        )
        .unwrap();
        let expected: Vec<String> = (0..500).map(|i| format!("{i:06}")).collect();
        assert_eq!(seen, expected);
        assert!(MAX_SEEN.load(Ordering::SeqCst) <= window * batch);
    }

    #[test]
    fn pipeline_stops_when_the_sink_fails() {
        let mut calls = 0;
        let err = ordered_pipeline(
            sources(10_000),
            4,
            2,
            |source| Ok(source.path_string().into_bytes()),
            |_| {
                calls += 1;
                if calls == 3 {
                    Err(io::Error::from(io::ErrorKind::BrokenPipe))
                } else {
                    Ok(())
                }
            },
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(calls, 3);
    }
}
