//! The JSON Schema of the JSON output, generated from the Rust types
//! (feature `schema`). The committed copy lives at `schema/decision.schema.json`;
//! a test keeps it current.

use crate::tree::Decision;

/// The JSON Schema (draft 2020-12) of a serialised [`Decision`].
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Decision);
    serde_json::to_value(&schema).unwrap_or(serde_json::Value::Null)
}
