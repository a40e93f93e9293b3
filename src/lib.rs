//! The `lgsco` command-line tool, as a library so its pieces can be tested.
//!
//! - [`cli`]: the command line (clap).
//! - [`input`]: files, standard input, directory walks, reading UTF-8 text.
//! - [`output`]: output formats and how several documents are framed.
//! - [`run`]: the commands, and the ordered parallel pipeline behind `parse`.
//!
//! The parser itself is the [`lgsco`] crate in `core/`.

pub mod cli;
pub mod input;
pub mod output;
pub mod run;

/// The repository's README: its Rust example is compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
