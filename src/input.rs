//! Where decisions come from: files, standard input, directory walks, and
//! reading them as UTF-8 text within a size limit.

use std::ffi::OsStr;
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// One thing to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name used in JSON output (`"path"`): the path as given or walked,
    /// `-` for standard input.
    pub fn path_string(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.to_string_lossy().into_owned(),
        }
    }

    /// The name used in messages.
    pub fn display_name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Why an input produced no decision. Displayed as one line:
/// `PATH:LINE:COLUMN: message` when the place is known, `PATH: message` otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub name: String,
    /// 1-based line and column of the problem, when there is one.
    pub place: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Some((line, column)) => {
                write!(f, "{}:{}:{}: {}", self.name, line, column, self.message)
            }
            None => write!(f, "{}: {}", self.name, self.message),
        }
    }
}

/// What the walk yields: an input, or a path it could not look into.
#[derive(Debug)]
pub enum Entry {
    Input(Source),
    Error(Failure),
}

/// Which files a directory walk takes.
#[derive(Debug, Clone)]
pub struct Filter {
    /// Lower-case extensions without the dot; empty means every file.
    extensions: Vec<String>,
}

impl Filter {
    /// From `--ext` values: `txt`, `.txt`; `*` (or an empty list) takes every file.
    pub fn new(extensions: &[String]) -> Self {
        let mut list = Vec::new();
        for e in extensions {
            let e = e.trim().trim_start_matches('.').to_ascii_lowercase();
            if e == "*" {
                return Filter {
                    extensions: Vec::new(),
                };
            }
            if !e.is_empty() {
                list.push(e);
            }
        }
        Filter { extensions: list }
    }

    pub fn accepts(&self, path: &Path) -> bool {
        if self.extensions.is_empty() {
            return true;
        }
        match path.extension().and_then(OsStr::to_str) {
            Some(ext) => self.extensions.iter().any(|e| e.eq_ignore_ascii_case(ext)),
            None => false,
        }
    }

    /// `*.txt`, `*.txt/*.text`, or `files` for messages.
    pub fn describe(&self) -> String {
        if self.extensions.is_empty() {
            "files".to_string()
        } else {
            let globs: Vec<String> = self.extensions.iter().map(|e| format!("*.{e}")).collect();
            format!("{} files", globs.join("/"))
        }
    }
}

/// True when `arg` names standard input.
pub fn is_stdin(arg: &Path) -> bool {
    arg.as_os_str() == "-"
}

/// True when the command line names exactly one file (or `-`), so the
/// output is that one decision rather than a collection.
pub fn is_single(args: &[PathBuf]) -> bool {
    args.len() == 1 && (is_stdin(&args[0]) || !args[0].is_dir())
}

/// Every input named by `args`, lazily and in a stable order: arguments in
/// the order given, directories walked depth-first with entries sorted by
/// name (so paths come out sorted). Hidden entries under a directory
/// (`.git`, `._x.txt`) are skipped. A directory holding no matching file
/// yields an error entry naming it.
pub fn entries(args: Vec<PathBuf>, filter: Filter) -> impl Iterator<Item = Entry> + Send {
    args.into_iter()
        .flat_map(move |arg| -> Box<dyn Iterator<Item = Entry> + Send> {
            if is_stdin(&arg) {
                Box::new(std::iter::once(Entry::Input(Source::Stdin)))
            } else if arg.is_dir() {
                Box::new(walk(arg, filter.clone()))
            } else {
                Box::new(std::iter::once(Entry::Input(Source::File(arg))))
            }
        })
}

fn walk(root: PathBuf, filter: Filter) -> impl Iterator<Item = Entry> + Send {
    let mut found = 0usize;
    let mut done = false;
    let root_name = root.display().to_string();
    let mut it = WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        match it.next() {
            Some(Ok(e)) => {
                if e.file_type().is_file() && filter.accepts(e.path()) {
                    found += 1;
                    return Some(Entry::Input(Source::File(e.into_path())));
                }
            }
            Some(Err(err)) => {
                let name = err
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root_name.clone());
                let message = match err.io_error() {
                    Some(io) => format!("cannot read directory: {io}"),
                    None => format!("cannot walk: {err}"),
                };
                return Some(Entry::Error(Failure {
                    name,
                    place: None,
                    message,
                }));
            }
            None => {
                done = true;
                if found == 0 {
                    return Some(Entry::Error(Failure {
                        name: root_name.clone(),
                        place: None,
                        message: format!("no {} found in this directory", filter.describe()),
                    }));
                }
                return None;
            }
        }
    })
}

fn is_hidden(name: &OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

/// Reads one input as text: at most `max_bytes` bytes, valid UTF-8 (a
/// leading byte-order mark is kept; the parser skips it and spans stay byte
/// offsets into the file as it is on disk).
pub fn read_text(source: &Source, max_bytes: usize) -> Result<String, Failure> {
    let name = source.display_name();
    let fail = |place, message: String| Failure {
        name: name.clone(),
        place,
        message,
    };
    let bytes = match source {
        Source::Stdin => read_limited(io::stdin().lock(), None, max_bytes),
        Source::File(path) => File::open(path).and_then(|file| {
            let meta = file.metadata().ok();
            if meta.as_ref().is_some_and(|m| m.is_dir()) {
                return Err(io::Error::other("is a directory"));
            }
            let len = meta.filter(|m| m.is_file()).map(|m| m.len());
            read_limited(file, len, max_bytes)
        }),
    }
    .map_err(|e| fail(None, format!("cannot read: {e}")))?;
    let bytes = match bytes {
        Limited::Within(b) => b,
        Limited::Over(size) => {
            let err = lgsco::ParseError::TooLarge {
                size,
                limit: max_bytes,
                line: 1,
                column: 1,
                offset: 0,
            };
            return Err(from_parse_error(name, &err));
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, column) = line_column(&e.as_bytes()[..offset]);
        fail(
            Some((line, column)),
            format!("invalid UTF-8 at byte offset {offset}: decisions must be UTF-8 text"),
        )
    })
}

enum Limited {
    Within(Vec<u8>),
    /// Larger than the limit: the size if known, else the limit plus one.
    Over(usize),
}

fn read_limited(reader: impl Read, len: Option<u64>, max_bytes: usize) -> io::Result<Limited> {
    if let Some(len) = len {
        if len > max_bytes as u64 {
            return Ok(Limited::Over(usize::try_from(len).unwrap_or(usize::MAX)));
        }
    }
    let cap = len.map_or(8 * 1024, |l| l as usize + 1);
    let mut buf = Vec::with_capacity(cap);
    reader.take(max_bytes as u64 + 1).read_to_end(&mut buf)?;
    if buf.len() > max_bytes {
        return Ok(Limited::Over(buf.len()));
    }
    Ok(Limited::Within(buf))
}

/// 1-based line and column (in characters) just after `valid` (valid UTF-8).
fn line_column(valid: &[u8]) -> (usize, usize) {
    let text = std::str::from_utf8(valid).unwrap_or("");
    let line = 1 + text.bytes().filter(|&b| b == b'\n').count();
    let last = text.rfind('\n').map_or(text, |i| &text[i + 1..]);
    (line, last.chars().count() + 1)
}

/// A parse error as a one-line failure, without repeating the place that the
/// error's own message ends with.
pub fn from_parse_error(name: String, err: &lgsco::ParseError) -> Failure {
    let (line, column) = (err.line(), err.column());
    let full = err.to_string();
    let suffix = format!(" (line {line}, column {column})");
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    Failure {
        name,
        place: Some((line, column)),
        message: format!("{message} [{}]", err.code()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_extensions() {
        let f = Filter::new(&["txt".into()]);
        assert!(f.accepts(Path::new("a/b.txt")));
        assert!(f.accepts(Path::new("a/b.TXT")));
        assert!(!f.accepts(Path::new("a/b.md")));
        assert!(!f.accepts(Path::new("a/txt")));
        let all = Filter::new(&["*".into()]);
        assert!(all.accepts(Path::new("README")));
        let two = Filter::new(&[".txt".into(), "text".into()]);
        assert!(two.accepts(Path::new("x.text")));
        assert_eq!(two.describe(), "*.txt/*.text files");
    }

    #[test]
    fn places_in_text() {
        assert_eq!(line_column(b""), (1, 1));
        assert_eq!(line_column(b"ab"), (1, 3));
        assert_eq!(line_column(b"ab\ncd"), (2, 3));
        assert_eq!(line_column("é\n\u{a3}x".as_bytes()), (2, 3));
    }

    #[test]
    fn parse_error_place_not_repeated() {
        let err = lgsco::ParseError::Empty {
            line: 1,
            column: 1,
            offset: 0,
        };
        let f = from_parse_error("x.txt".into(), &err);
        assert_eq!(
            f.to_string(),
            "x.txt:1:1: empty input: no decision text [empty]"
        );
    }
}
