#!/usr/bin/env bash
# Rust tests: core (unit, golden, property) and the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets
cargo test -p lgsco --features schema --test schema_current
