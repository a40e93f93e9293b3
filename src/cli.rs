//! The command line, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::Format;

/// Parse UK Local Government and Social Care Ombudsman decision statements
/// into a typed syntax tree.
#[derive(Debug, Parser)]
#[command(name = "lgsco", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse decision statements and print their syntax trees.
    ///
    /// One file (or `-`) prints that decision as pretty JSON. Several paths,
    /// or a directory, print a JSON array of decisions, each with a `"path"`
    /// key first; `--jsonl` prints one compact line per file instead, which
    /// streams over whole archives in bounded memory on every core.
    ///
    /// `--format akn|md|html` prints Akoma Ntoso 3.0 XML, Markdown or an
    /// HTML page instead; several files then make one document (an XML root
    /// holding each file's Akoma Ntoso document, one page of articles, or
    /// Markdown documents separated by rules).
    ///
    /// A file that cannot be read or parsed gets one line on standard error
    /// (`lgsco: PATH:LINE:COLUMN: message`); the others still go through, and
    /// the exit code is 1.
    Parse(ParseArgs),
    /// Print the JSON Schema (draft 2020-12) of the JSON that `parse` prints.
    Schema,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files or directories to parse; `-` reads standard input. Directories
    /// are walked recursively in sorted order, taking files whose extension
    /// is one of `--ext` and skipping hidden files and directories.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Json)]
    pub format: Format,

    /// Shorthand for `--format jsonl`: one compact JSON object per line.
    #[arg(long, conflicts_with = "format")]
    pub jsonl: bool,

    /// The tree only: skip entities and findings (faster).
    #[arg(long)]
    pub no_entities: bool,

    /// Refuse inputs larger than this many bytes (suffixes K, M, G allowed).
    #[arg(
        long,
        value_name = "BYTES",
        value_parser = parse_size,
        default_value_t = lgsco::DEFAULT_MAX_INPUT_BYTES
    )]
    pub max_bytes: usize,

    /// File extension taken when walking a directory (repeatable; `*` takes
    /// every file). Files named on the command line are always parsed.
    #[arg(long = "ext", value_name = "EXT", default_value = "txt")]
    pub extensions: Vec<String>,

    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Never show the progress bar (it is shown only when standard error is
    /// a terminal and more than one file is parsed).
    #[arg(long)]
    pub no_progress: bool,
}

impl ParseArgs {
    /// The format asked for, with `--jsonl` folded in.
    pub fn effective_format(&self) -> Format {
        if self.jsonl {
            Format::Jsonl
        } else {
            self.format
        }
    }

    pub fn options(&self) -> lgsco::Options {
        let mut options = if self.no_entities {
            lgsco::Options::tree_only()
        } else {
            lgsco::Options::default()
        };
        options.max_input_bytes = self.max_bytes;
        options
    }
}

/// `1000`, `64K`, `64M`, `1G` (binary multiples; a trailing `B`/`iB` is fine).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let body = upper
        .strip_suffix("IB")
        .or_else(|| upper.strip_suffix('B'))
        .unwrap_or(&upper);
    let (digits, shift) = match body.chars().last() {
        Some('K') => (&body[..body.len() - 1], 10),
        Some('M') => (&body[..body.len() - 1], 20),
        Some('G') => (&body[..body.len() - 1], 30),
        _ => (body, 0),
    };
    let n: usize = digits
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a size in bytes (e.g. 1000, 64K, 64M)"))?;
    n.checked_mul(1usize << shift)
        .ok_or_else(|| format!("`{s}` is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("64m"), Ok(64 << 20));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("2MB"), Ok(2 << 20));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("").is_err());
    }
}
