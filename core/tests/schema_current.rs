//! The committed JSON Schema must match the Rust types. Run with
//! `LGSCO_BLESS_SCHEMA=1 cargo test -p lgsco --features schema` to rewrite it.
#![cfg(feature = "schema")]

#[test]
fn committed_schema_matches_types() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schema/decision.schema.json"
    );
    let generated = serde_json::to_string_pretty(&lgsco::schema::json_schema()).unwrap() + "\n";
    if std::env::var_os("LGSCO_BLESS_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/decision.schema.json is stale: rerun with LGSCO_BLESS_SCHEMA=1"
    );
}
