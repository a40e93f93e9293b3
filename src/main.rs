//! `lgsco`: parse LGSCO decision statements to JSON. See `lgsco --help`.

use clap::Parser;

fn main() {
    let cli = lgsco_cli::cli::Cli::parse();
    std::process::exit(lgsco_cli::run::run(cli));
}
