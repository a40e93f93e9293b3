//! JavaScript bindings for lgsco, built with wasm-bindgen.
//!
//! No parsing happens here: this crate calls [`lgsco::parse`] and converts
//! what comes back for JavaScript:
//!
//! - the tree is serialised with serde exactly as the CLI's JSON (same names,
//!   same structure, `null` for absent values), then every span's `start` and
//!   `end` are turned from UTF-8 byte offsets into UTF-16 code unit offsets, so
//!   that `text.slice(span.start, span.end)` is the node's text in JavaScript;
//! - a [`lgsco::ParseError`] becomes a thrown JavaScript `Error` with `code`,
//!   `line`, `column`, `offset` (UTF-16) and `byteOffset` properties;
//! - input that is not a string, or a string with lone surrogates (which no
//!   UTF-8 text can hold), throws an `Error` too; nothing traps the module.
//!
//! Two output paths are exported: `parseToObject` builds the JavaScript
//! object with serde-wasm-bindgen (json-compatible serializer: plain objects,
//! `null`), `parseToJson` returns the JSON text for `JSON.parse`. The
//! package's JS wrapper (`bindings-wasm/js/`) exposes them as `parse` and
//! `parseMany`, using the faster path (see `bindings-wasm/README.md`).

use std::cell::RefCell;

use js_sys::{Array, JsString, Reflect};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// ---------------------------------------------------------------------------
// Byte offsets -> UTF-16 offsets

/// Maps UTF-8 byte offsets of one input to UTF-16 code unit offsets.
/// `None` when the input is ASCII (both offsets are the same).
pub struct Utf16Offsets {
    table: Option<Vec<u32>>,
}

impl Utf16Offsets {
    pub fn new(input: &str) -> Self {
        if input.is_ascii() {
            return Utf16Offsets { table: None };
        }
        let bytes = input.as_bytes();
        let mut table = Vec::with_capacity(bytes.len() + 1);
        let mut units: u32 = 0;
        for ch in input.chars() {
            // Every byte of a character maps to where the character starts.
            for _ in 0..ch.len_utf8() {
                table.push(units);
            }
            units += ch.len_utf16() as u32;
        }
        table.push(units);
        Utf16Offsets { table: Some(table) }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the input's end).
    pub fn get(&self, byte: u64) -> u64 {
        match &self.table {
            None => byte,
            Some(t) => {
                let i = (byte as usize).min(t.len() - 1);
                u64::from(t[i])
            }
        }
    }

    pub fn is_identity(&self) -> bool {
        self.table.is_none()
    }
}

/// Whether `map` is a span: exactly the keys `start`, `end`, `line`, all
/// unsigned integers (the shape of `lgsco::Span`, wherever it appears).
fn is_span(map: &serde_json::Map<String, Value>) -> bool {
    map.len() == 3
        && map.get("start").is_some_and(Value::is_u64)
        && map.get("end").is_some_and(Value::is_u64)
        && map.get("line").is_some_and(Value::is_u64)
}

/// Rewrites the `start`/`end` of every span in `value` to UTF-16 offsets.
pub fn convert_spans(value: &mut Value, offsets: &Utf16Offsets) {
    if offsets.is_identity() {
        return;
    }
    match value {
        Value::Object(map) => {
            if is_span(map) {
                for key in ["start", "end"] {
                    if let Some(v) = map.get_mut(key) {
                        let b = v.as_u64().unwrap_or(0);
                        *v = Value::from(offsets.get(b));
                    }
                }
            } else {
                for v in map.values_mut() {
                    convert_spans(v, offsets);
                }
            }
        }
        Value::Array(items) => {
            for v in items {
                convert_spans(v, offsets);
            }
        }
        _ => {}
    }
}

/// The JSON value of a parsed decision with spans in UTF-16 offsets.
pub fn decision_value(decision: &lgsco::Decision, input: &str) -> Value {
    let mut value = serde_json::to_value(decision).unwrap_or(Value::Null);
    convert_spans(&mut value, &Utf16Offsets::new(input));
    value
}

/// Which keys matter to [`SpanFormatter`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Span,
    Start,
    End,
    Other,
}

/// A compact JSON formatter that rewrites span offsets as it writes them:
/// an integer under `start` or `end` inside an object that is the value of a
/// `span` key becomes a UTF-16 offset. (Every `Span` of the tree is under a
/// `span` key; the Node tests check that against the JSON Schema.) This
/// writes the CLI's JSON, field order included, in one pass.
struct SpanFormatter<'a> {
    offsets: &'a Utf16Offsets,
    /// One frame per open object or array: (is this object a span, last key).
    stack: Vec<(bool, Key)>,
    in_key: bool,
    key: String,
}

impl SpanFormatter<'_> {
    fn top_key(&self) -> Key {
        self.stack.last().map_or(Key::Other, |f| f.1)
    }
}

impl serde_json::ser::Formatter for SpanFormatter<'_> {
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        let is_span = self.top_key() == Key::Span;
        self.stack.push((is_span, Key::Other));
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.stack.pop();
        w.write_all(b"}")
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.stack.push((false, Key::Other));
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.stack.pop();
        w.write_all(b"]")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.in_key = true;
        self.key.clear();
        if first {
            Ok(())
        } else {
            w.write_all(b",")
        }
    }

    fn end_object_key<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.in_key = false;
        let key = match self.key.as_str() {
            "span" => Key::Span,
            "start" => Key::Start,
            "end" => Key::End,
            _ => Key::Other,
        };
        if let Some(top) = self.stack.last_mut() {
            top.1 = key;
        }
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if self.in_key && self.key.len() < 8 {
            self.key.push_str(fragment);
        }
        w.write_all(fragment.as_bytes())
    }

    fn write_u64<W: ?Sized + std::io::Write>(&mut self, w: &mut W, value: u64) -> std::io::Result<()> {
        let value = match self.stack.last() {
            Some(&(true, Key::Start | Key::End)) => self.offsets.get(value),
            _ => value,
        };
        w.write_all(itoa::Buffer::new().format(value).as_bytes())
    }
}

/// The CLI's JSON of a parsed decision, spans in UTF-16 offsets.
pub fn decision_json<T: Serialize + ?Sized>(decision: &T, input: &str) -> String {
    let offsets = Utf16Offsets::new(input);
    let mut out = Vec::with_capacity(input.len() * 4 + 1024);
    write_json(&mut out, decision, &offsets);
    // serde_json writes valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn write_json<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, offsets: &Utf16Offsets) {
    let fmt = SpanFormatter {
        offsets,
        stack: Vec::with_capacity(16),
        in_key: false,
        key: String::with_capacity(8),
    };
    let mut ser = serde_json::Serializer::with_formatter(out, fmt);
    let _ = value.serialize(&mut ser);
}

// ---------------------------------------------------------------------------
// Errors

fn set(obj: &JsValue, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

fn error_object(name: &str, message: &str, code: &str) -> js_sys::Error {
    let err = js_sys::Error::new(message);
    err.set_name(name);
    set(&err, "code", JsValue::from_str(code));
    err
}

/// A thrown `Error` for a [`lgsco::ParseError`], positions included.
fn parse_error(e: &lgsco::ParseError, input: &str) -> JsValue {
    let err = error_object("ParseError", &e.to_string(), e.code());
    set(&err, "line", JsValue::from_f64(e.line() as f64));
    set(&err, "column", JsValue::from_f64(e.column() as f64));
    let offsets = Utf16Offsets::new(input);
    set(&err, "offset", JsValue::from_f64(offsets.get(e.offset() as u64) as f64));
    set(&err, "byteOffset", JsValue::from_f64(e.offset() as f64));
    err.into()
}

fn type_error(what: &JsValue) -> JsValue {
    let got = what.js_typeof().as_string().unwrap_or_default();
    let got = if what.is_null() { "null".to_string() } else { got };
    let err = js_sys::TypeError::new(&format!("lgsco.parse expects a string, got {got}"));
    set(&err, "code", JsValue::from_str("invalid_input"));
    err.into()
}

/// The error for a string holding a lone surrogate at UTF-16 offset `at`.
fn surrogate_error(s: &JsString, at: u32) -> JsValue {
    // Line and column (1-based, in UTF-16 units) of the offending unit.
    let mut line = 1u32;
    let mut column = 1u32;
    let mut prev_cr = false;
    for u in s.iter().take(at as usize) {
        match u {
            0x0A if prev_cr => {}
            0x0A | 0x0D => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
        prev_cr = u == 0x0D;
    }
    let err = error_object(
        "ParseError",
        &format!(
            "invalid text: lone surrogate (not Unicode text) (line {line}, column {column})"
        ),
        "invalid_utf16",
    );
    set(&err, "line", JsValue::from_f64(line as f64));
    set(&err, "column", JsValue::from_f64(column as f64));
    set(&err, "offset", JsValue::from_f64(at as f64));
    err.into()
}

/// The Rust string of a JavaScript value, or the error to throw.
fn input_string(text: &JsValue) -> Result<String, JsValue> {
    let Some(js) = text.dyn_ref::<JsString>() else {
        return Err(type_error(text));
    };
    let s = String::from(js);
    // Converting a string with lone surrogates replaces each by U+FFFD; only
    // then is the (slow, unit by unit) check needed.
    if s.contains('\u{FFFD}') {
        let mut at = 0u32;
        for r in core::char::decode_utf16(js.iter()) {
            match r {
                Ok(c) => at += c.len_utf16() as u32,
                Err(_) => return Err(surrogate_error(js, at)),
            }
        }
    }
    Ok(s)
}

// ---------------------------------------------------------------------------
// Panics: remember the message, so the JS wrapper can report it after a trap.

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let msg = info.to_string();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
        }));
    });
}

/// The message of the last panic (then forgotten), for the JS wrapper.
#[wasm_bindgen(js_name = takePanicMessage)]
pub fn take_panic_message() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow_mut().take())
}

/// Panics on purpose: lets the tests check the module survives a trap.
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    install_panic_hook();
    panic!("panic requested by __panicForTest");
}

// ---------------------------------------------------------------------------
// Exports. The package's JS wrapper (bindings-wasm/js/) gives them their
// public names (`parse`, `parseMany`) and types.

fn parse_input(text: &JsValue) -> Result<(lgsco::Decision, String), JsValue> {
    install_panic_hook();
    let input = input_string(text)?;
    match lgsco::parse(&input) {
        Ok(d) => Ok((d, input)),
        Err(e) => Err(parse_error(&e, &input)),
    }
}

fn to_js(value: &Value) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error_object("Error", &format!("lgsco: {e}"), "internal").into())
}

/// Parses one decision to its JSON text (the CLI's JSON, spans in UTF-16
/// offsets). Throws an `Error` (with `code`, `line`, `column`, `offset`) for
/// text that holds no decision.
#[wasm_bindgen(js_name = parseToJson, skip_typescript)]
pub fn parse_to_json(text: JsValue) -> Result<String, JsValue> {
    let (d, input) = parse_input(&text)?;
    Ok(decision_json(&d, &input))
}

/// Parses one decision to a plain object built by serde-wasm-bindgen
/// (json-compatible: `null`, plain objects), spans in UTF-16 offsets.
#[wasm_bindgen(js_name = parseToObject, skip_typescript)]
pub fn parse_to_object(text: JsValue) -> Result<JsValue, JsValue> {
    let (d, input) = parse_input(&text)?;
    to_js(&decision_value(&d, &input))
}

fn each_text(texts: &JsValue) -> Result<Vec<JsValue>, JsValue> {
    if !Array::is_array(texts) {
        let err = js_sys::TypeError::new("lgsco.parseMany expects an array of strings");
        set(&err, "code", JsValue::from_str("invalid_input"));
        return Err(err.into());
    }
    Ok(texts.unchecked_ref::<Array>().iter().collect())
}

fn with_index(err: JsValue, index: usize) -> JsValue {
    set(&err, "index", JsValue::from_f64(index as f64));
    err
}

/// Parses each text of an array to one JSON text (an array of decisions);
/// throws the first error, with its `index`.
#[wasm_bindgen(js_name = parseManyToJson, skip_typescript)]
pub fn parse_many_to_json(texts: JsValue) -> Result<String, JsValue> {
    let texts = each_text(&texts)?;
    let mut out = Vec::with_capacity(1024);
    out.push(b'[');
    for (i, t) in texts.iter().enumerate() {
        let (d, input) = parse_input(t).map_err(|e| with_index(e, i))?;
        if i > 0 {
            out.push(b',');
        }
        write_json(&mut out, &d, &Utf16Offsets::new(&input));
    }
    out.push(b']');
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// Parses each text of an array to plain objects (serde-wasm-bindgen).
#[wasm_bindgen(js_name = parseManyToObject, skip_typescript)]
pub fn parse_many_to_object(texts: JsValue) -> Result<JsValue, JsValue> {
    let out = Array::new();
    for (i, t) in each_text(&texts)?.iter().enumerate() {
        let (d, input) = parse_input(t).map_err(|e| with_index(e, i))?;
        out.push(&to_js(&decision_value(&d, &input))?);
    }
    Ok(out.into())
}

/// The version of lgsco this package was built from.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_ascii_identity() {
        let o = Utf16Offsets::new("abc");
        assert!(o.is_identity());
        assert_eq!(o.get(2), 2);
    }

    #[test]
    fn offsets_multibyte() {
        // '£' is 2 bytes/1 unit, '’' 3 bytes/1 unit, '😀' 4 bytes/2 units.
        let s = "a£’😀b";
        let o = Utf16Offsets::new(s);
        assert_eq!(o.get(0), 0);
        assert_eq!(o.get(1), 1); // £
        assert_eq!(o.get(3), 2); // ’
        assert_eq!(o.get(6), 3); // 😀
        assert_eq!(o.get(10), 5); // b
        assert_eq!(o.get(11), 6); // end
        assert_eq!(o.get(99), 6); // clamped
    }

    #[test]
    fn converts_every_span_shape() {
        let s = "£1 x";
        let mut v: Value = serde_json::json!({
            "span": {"start": 0, "end": 3, "line": 1},
            "header": {"span": null},
            "entities": [{"kind": "money", "span": {"start": 0, "end": 3, "line": 1},
                          "value": {"start": 5, "end": 9}}],
        });
        convert_spans(&mut v, &Utf16Offsets::new(s));
        assert_eq!(v["span"]["end"], 2);
        assert_eq!(v["entities"][0]["span"]["end"], 2);
        // Not a span (no `line`): untouched.
        assert_eq!(v["entities"][0]["value"]["end"], 9);
        assert!(v["header"]["span"].is_null());
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[derive(Serialize)]
    struct Span {
        start: usize,
        end: usize,
        line: usize,
    }
    #[derive(Serialize)]
    struct Node {
        text: String,
        start: usize,
        span: Span,
        children: Vec<Node>,
        other: Option<Span>,
    }

    #[test]
    fn formatter_converts_only_spans_and_keeps_order() {
        let input = "£€ab😀c";
        let n = Node {
            text: "x".into(),
            start: 7,
            span: Span { start: 2, end: 14, line: 1 },
            children: vec![Node {
                text: "\"q\"".into(),
                start: 9,
                span: Span { start: 5, end: 11, line: 1 },
                children: vec![],
                other: None,
            }],
            other: Some(Span { start: 2, end: 5, line: 1 }),
        };
        let json = decision_json(&n, input);
        assert_eq!(
            json,
            r#"{"text":"x","start":7,"span":{"start":1,"end":7,"line":1},"children":[{"text":"\"q\"","start":9,"span":{"start":2,"end":6,"line":1},"children":[],"other":null}],"other":{"start":2,"end":5,"line":1}}"#
        );
    }
}
