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
//! Two output paths are exported: `parseToTape` writes the value as a tape
//! of `u32` words and a pool of UTF-16 text (see [`tape`]), which the
//! package's JS wrapper (`bindings-wasm/js/wrap.js`) reads back into plain
//! objects (`parse`, `parseMany`); `parseToJson` returns the JSON text for
//! `JSON.parse` (`parseObject`, and the fallback for what a tape cannot hold).

use std::cell::RefCell;

use js_sys::{Array, JsString, Reflect, Uint16Array, Uint32Array};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub mod tape;

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
        let mut table = vec![0u32; bytes.len() + 1];
        // Every byte of a character maps to where the character starts: a
        // leading byte starts a character of one UTF-16 unit, or two from
        // 0xF0 (four UTF-8 bytes); continuation bytes (0x80-0xBF) repeat it.
        let mut units: u32 = 0;
        let mut start: u32 = 0;
        macro_rules! byte {
            ($b:expr) => {{
                let b: u8 = $b;
                if (b as i8) >= -0x40 {
                    start = units;
                    units += 1 + u32::from(b >= 0xF0);
                }
                start
            }};
        }
        // Mostly ASCII: eight ASCII bytes are a count (no character
        // straddles into them: they cannot start with a continuation byte).
        let mut out = table.chunks_exact_mut(8);
        let mut words = bytes.chunks_exact(8);
        for (o, c) in (&mut out).zip(&mut words) {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            if u64::from_le_bytes(w) & 0x8080_8080_8080_8080 == 0 {
                for (k, slot) in (0u32..).zip(o.iter_mut()) {
                    *slot = units + k;
                }
                units += 8;
                start = units - 1;
            } else {
                for (slot, &b) in o.iter_mut().zip(c) {
                    *slot = byte!(b);
                }
            }
        }
        let done = bytes.len() - words.remainder().len();
        for (slot, &b) in table[done..].iter_mut().zip(&bytes[done..]) {
            *slot = byte!(b);
        }
        table[bytes.len()] = units;
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

// ---------------------------------------------------------------------------
// Serialising with UTF-16 spans
//
// `SpanConv` wraps any serde `Serializer` (serde_json's, serde-wasm-bindgen's)
// and passes everything through unchanged, except the `start` and `end`
// fields of every struct named `Span` (that is `lgsco::Span`, wherever it
// sits: `span` keys, entity values such as `refers_to`, lists such as
// `resolved`), which it converts to UTF-16 offsets. Type-driven, one pass, no
// intermediate tree; field order stays the struct order, as in the CLI.

use serde::ser::{
    SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

/// The name serde gives `lgsco::Span` (its struct name).
const SPAN_STRUCT: &str = "Span";

/// A value to serialise with its spans converted.
pub struct WithUtf16Spans<'a, T: ?Sized> {
    pub value: &'a T,
    pub offsets: &'a Utf16Offsets,
}

impl<T: Serialize + ?Sized> Serialize for WithUtf16Spans<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(SpanConv {
            inner: serializer,
            offsets: self.offsets,
        })
    }
}

struct SpanConv<'a, S> {
    inner: S,
    offsets: &'a Utf16Offsets,
}

/// A compound (seq, map, struct, ...) of the inner serializer.
pub struct Compound<'a, C> {
    inner: C,
    offsets: &'a Utf16Offsets,
    is_span: bool,
}

impl<'a, C> Compound<'a, C> {
    /// A child value, converted the same way.
    fn wrap<'v, T: ?Sized>(&self, value: &'v T) -> WithUtf16Spans<'v, T>
    where
        'a: 'v,
    {
        WithUtf16Spans {
            value,
            offsets: self.offsets,
        }
    }
}

macro_rules! forward {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $name(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
            self.inner.$name($($arg),*)
        })*
    };
}

impl<'a, S: Serializer> Serializer for SpanConv<'a, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<'a, S::SerializeSeq>;
    type SerializeTuple = Compound<'a, S::SerializeTuple>;
    type SerializeTupleStruct = Compound<'a, S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<'a, S::SerializeTupleVariant>;
    type SerializeMap = Compound<'a, S::SerializeMap>;
    type SerializeStruct = Compound<'a, S::SerializeStruct>;
    type SerializeStructVariant = Compound<'a, S::SerializeStructVariant>;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        let offsets = self.offsets;
        self.inner
            .serialize_some(&WithUtf16Spans { value, offsets })
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        let offsets = self.offsets;
        self.inner
            .serialize_newtype_struct(name, &WithUtf16Spans { value, offsets })
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        let offsets = self.offsets;
        self.inner.serialize_newtype_variant(
            name,
            index,
            variant,
            &WithUtf16Spans { value, offsets },
        )
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Ok(Compound {
            inner: self.inner.serialize_seq(len)?,
            offsets: self.offsets,
            is_span: false,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Ok(Compound {
            inner: self.inner.serialize_tuple(len)?,
            offsets: self.offsets,
            is_span: false,
        })
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Ok(Compound {
            inner: self.inner.serialize_tuple_struct(name, len)?,
            offsets: self.offsets,
            is_span: false,
        })
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        Ok(Compound {
            inner: self
                .inner
                .serialize_tuple_variant(name, index, variant, len)?,
            offsets: self.offsets,
            is_span: false,
        })
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Ok(Compound {
            inner: self.inner.serialize_map(len)?,
            offsets: self.offsets,
            is_span: false,
        })
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(Compound {
            inner: self.inner.serialize_struct(name, len)?,
            offsets: self.offsets,
            is_span: name == SPAN_STRUCT,
        })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Ok(Compound {
            inner: self
                .inner
                .serialize_struct_variant(name, index, variant, len)?,
            offsets: self.offsets,
            is_span: false,
        })
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

impl<C: SerializeSeq> SerializeSeq for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        let w = self.wrap(value);
        self.inner.serialize_element(&w)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeTuple> SerializeTuple for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        let w = self.wrap(value);
        self.inner.serialize_element(&w)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeTupleStruct> SerializeTupleStruct for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        let w = self.wrap(value);
        self.inner.serialize_field(&w)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeTupleVariant> SerializeTupleVariant for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        let w = self.wrap(value);
        self.inner.serialize_field(&w)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeMap> SerializeMap for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), C::Error> {
        let w = self.wrap(key);
        self.inner.serialize_key(&w)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        let w = self.wrap(value);
        self.inner.serialize_value(&w)
    }
    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), C::Error> {
        let k = WithUtf16Spans {
            value: key,
            offsets: self.offsets,
        };
        let v = WithUtf16Spans {
            value,
            offsets: self.offsets,
        };
        self.inner.serialize_entry(&k, &v)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

/// The integer a field serialises to, if it is one (`usize` offsets are).
fn as_u64<T: Serialize + ?Sized>(value: &T) -> Option<u64> {
    match value.serialize(serde_json::value::Serializer) {
        Ok(Value::Number(n)) => n.as_u64(),
        _ => None,
    }
}

impl<C: SerializeStruct> SerializeStruct for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), C::Error> {
        if self.is_span && (key == "start" || key == "end") {
            if let Some(byte) = as_u64(value) {
                return self.inner.serialize_field(key, &self.offsets.get(byte));
            }
        }
        let w = self.wrap(value);
        self.inner.serialize_field(key, &w)
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.inner.skip_field(key)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeStructVariant> SerializeStructVariant for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), C::Error> {
        let w = self.wrap(value);
        self.inner.serialize_field(key, &w)
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.inner.skip_field(key)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

/// The CLI's JSON of `value` (a parsed decision), spans in UTF-16 offsets,
/// non-ASCII characters escaped (see [`AsciiFormatter`]).
pub fn decision_json<T: Serialize + ?Sized>(value: &T, input: &str) -> String {
    json_with(value, input, &Utf16Offsets::new(input))
}

fn json_with<T: Serialize + ?Sized>(value: &T, input: &str, offsets: &Utf16Offsets) -> String {
    let mut out = Vec::with_capacity(input.len() * 4 + 1024);
    write_json(&mut out, value, offsets);
    // serde_json writes valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn write_json<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, offsets: &Utf16Offsets) {
    let mut ser = serde_json::Serializer::with_formatter(out, AsciiFormatter);
    let _ = WithUtf16Spans { value, offsets }.serialize(&mut ser);
}

/// Compact JSON with every non-ASCII character written as `\uXXXX` (UTF-16,
/// surrogate pairs beyond the BMP): the same value, but the text crosses to
/// JavaScript as ASCII, which the glue's `TextDecoder` turns into a string
/// ~30x faster than UTF-8 with curly quotes in it (0.005 vs 0.17 ms for seed
/// 001's 86 KB), and `JSON.parse` reads no slower.
struct AsciiFormatter;

impl serde_json::ser::Formatter for AsciiFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if fragment.is_ascii() {
            return w.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some(i) = rest.bytes().position(|b| b >= 0x80) {
            w.write_all(&rest.as_bytes()[..i])?;
            let c = rest[i..].chars().next().unwrap_or('\u{FFFD}');
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let u = *u as usize;
                w.write_all(&[
                    b'\\',
                    b'u',
                    HEX[u >> 12],
                    HEX[(u >> 8) & 0xf],
                    HEX[(u >> 4) & 0xf],
                    HEX[u & 0xf],
                ])?;
            }
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
}

/// The JSON value of `value` with spans in UTF-16 offsets (tests, tools).
pub fn decision_value<T: Serialize + ?Sized>(value: &T, input: &str) -> Value {
    let offsets = Utf16Offsets::new(input);
    serde_json::to_value(WithUtf16Spans {
        value,
        offsets: &offsets,
    })
    .unwrap_or(Value::Null)
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
    set(
        &err,
        "offset",
        JsValue::from_f64(offsets.get(e.offset() as u64) as f64),
    );
    set(&err, "byteOffset", JsValue::from_f64(e.offset() as f64));
    err.into()
}

fn type_error(what: &JsValue) -> JsValue {
    let got = what.js_typeof().as_string().unwrap_or_default();
    let got = if what.is_null() {
        "null".to_string()
    } else {
        got
    };
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
        &format!("invalid text: lone surrogate (not Unicode text) (line {line}, column {column})"),
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

/// Parses `text` and hands the decision (which borrows the input) and the
/// input to `f`.
fn with_parsed<T>(
    text: &JsValue,
    f: impl FnOnce(&lgsco::Decision<'_>, &str) -> Result<T, JsValue>,
) -> Result<T, JsValue> {
    install_panic_hook();
    let input = input_string(text)?;
    match lgsco::parse(&input) {
        Ok(d) => f(&d, &input),
        Err(e) => Err(parse_error(&e, &input)),
    }
}

/// Parses one decision to its JSON text (the CLI's JSON, spans in UTF-16
/// offsets). Throws an `Error` (with `code`, `line`, `column`, `offset`) for
/// text that holds no decision.
#[wasm_bindgen(js_name = parseToJson, skip_typescript)]
pub fn parse_to_json(text: JsValue) -> Result<String, JsValue> {
    with_parsed(&text, |d, input| Ok(decision_json(d, input)))
}

thread_local! {
    static TAPE: RefCell<tape::Tape> = RefCell::new(tape::Tape::default());
}

/// Parses one decision to a tape (see [`tape`]) for the JS wrapper to read:
/// `[words, pool]`, a `Uint32Array` and a `Uint16Array` viewing this
/// module's memory, valid until the next call into the module. For a value
/// the tape cannot hold (none in lgsco's types), returns the JSON text
/// instead. Throws as `parseToJson`.
#[wasm_bindgen(js_name = parseToTape, skip_typescript)]
pub fn parse_to_tape(text: JsValue) -> Result<JsValue, JsValue> {
    with_parsed(&text, |d, input| {
        let offsets = Utf16Offsets::new(input);
        TAPE.with(|t| {
            let mut t = t.borrow_mut();
            // The tape converts spans itself (see `tape`).
            if t.write(d, input, &offsets).is_err() {
                return Ok(JsValue::from_str(&json_with(d, input, &offsets)));
            }
            // SAFETY: the views are made last; after them this call only frees
            // memory (the tree, the input), which never moves or grows it, and
            // the wrapper reads them before it calls into the module again.
            let words = unsafe { Uint32Array::view(&t.words) };
            let pool = unsafe { Uint16Array::view(&t.pool) };
            Ok(Array::of2(&words, &pool).into())
        })
    })
}

/// The keys of the tape's object shapes from id `from` on, as JSON
/// (`[["key", ...], ...]`): the wrapper asks when a tape names shapes it has
/// not seen.
#[wasm_bindgen(js_name = tapeShapes, skip_typescript)]
pub fn tape_shapes(from: u32) -> String {
    tape::shapes_json(from as usize)
}

/// The version of lgsco this package was built from.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

// Exports (issue 8): the renderings of lgsco's core, for one text each.

/// Parses one decision and returns it as Akoma Ntoso 3.0 XML (a
/// `judgment`), as `lgsco parse --format akn` prints it. Throws as `parse`.
#[wasm_bindgen(js_name = toAkn, skip_typescript)]
pub fn to_akn(text: JsValue) -> Result<String, JsValue> {
    with_parsed(&text, |d, _| Ok(d.to_akn()))
}

/// Parses one decision and returns it as Markdown (`--format md`).
#[wasm_bindgen(js_name = toMarkdown, skip_typescript)]
pub fn to_markdown(text: JsValue) -> Result<String, JsValue> {
    with_parsed(&text, |d, _| Ok(d.to_markdown()))
}

/// Parses one decision and returns it as a standalone HTML page
/// (`--format html`), entities marked with `entity entity-<kind>` classes.
#[wasm_bindgen(js_name = toHtml, skip_typescript)]
pub fn to_html(text: JsValue) -> Result<String, JsValue> {
    with_parsed(&text, |d, _| Ok(d.to_html()))
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
}

#[cfg(test)]
mod json_tests {
    use super::*;

    // Same name as lgsco::Span: the conversion goes by the struct's name.
    #[derive(Serialize)]
    struct Span {
        start: usize,
        end: usize,
        line: usize,
    }
    // Not a span, though it has start and end: left alone.
    #[derive(Serialize)]
    struct Range {
        start: usize,
        end: usize,
    }
    #[derive(Serialize)]
    #[serde(tag = "kind", content = "value", rename_all = "snake_case")]
    enum Value_ {
        Ref {
            refers_to: Option<Span>,
            resolved: Vec<Span>,
        },
        Other(Range),
    }
    #[derive(Serialize)]
    struct Entity {
        #[serde(flatten)]
        value: Value_,
        span: Span,
    }
    #[derive(Serialize)]
    struct Node {
        text: String,
        start: usize,
        span: Span,
        children: Vec<Node>,
        other: Option<Span>,
        entities: Vec<Entity>,
    }

    fn sp(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            line: 1,
        }
    }

    #[test]
    fn converts_every_span_and_keeps_order() {
        // bytes: £ 0-1, € 2-4, a 5, b 6, 😀 7-10, c 11, end 12
        // units: £ 0,   € 1,   a 2, b 3, 😀 4-5,  c 6, end 7
        let input = "£€ab😀c";
        let n = Node {
            text: "x".into(),
            start: 7,
            span: sp(2, 12),
            children: vec![Node {
                text: "\"q\"".into(),
                start: 9,
                span: sp(5, 11),
                children: vec![],
                other: None,
                entities: vec![],
            }],
            other: Some(sp(2, 5)),
            entities: vec![
                Entity {
                    value: Value_::Ref {
                        refers_to: Some(sp(7, 11)),
                        resolved: vec![sp(0, 2), sp(11, 12)],
                    },
                    span: sp(5, 6),
                },
                Entity {
                    value: Value_::Other(Range { start: 7, end: 11 }),
                    span: sp(99, 99),
                },
            ],
        };
        let json = decision_json(&n, input);
        assert_eq!(
            json,
            concat!(
                r#"{"text":"x","start":7,"span":{"start":1,"end":7,"line":1},"#,
                r#""children":[{"text":"\"q\"","start":9,"span":{"start":2,"end":6,"line":1},"children":[],"other":null,"entities":[]}],"#,
                r#""other":{"start":1,"end":2,"line":1},"#,
                r#""entities":[{"kind":"ref","value":{"refers_to":{"start":4,"end":6,"line":1},"resolved":[{"start":0,"end":1,"line":1},{"start":6,"end":7,"line":1}]},"span":{"start":2,"end":3,"line":1}},"#,
                r#"{"kind":"other","value":{"start":7,"end":11},"span":{"start":7,"end":7,"line":1}}]}"#
            )
        );
        // The Value form agrees.
        assert_eq!(
            decision_value(&n, input),
            serde_json::from_str::<Value>(&json).unwrap()
        );
        // ASCII input: nothing moves.
        let ascii = decision_json(&n, "abcdefghijklmnopqrstuvwxyz");
        assert!(ascii.contains(r#""span":{"start":2,"end":12,"line":1}"#));
    }

    #[test]
    fn json_is_ascii_with_utf16_escapes() {
        #[derive(Serialize)]
        struct T {
            text: String,
        }
        let t = T {
            text: "a£’😀\"\n\u{7f}b".into(),
        };
        let json = decision_json(&t, "x");
        assert_eq!(
            json,
            r#"{"text":"a\u00a3\u2019\ud83d\ude00\"\n\u007fb"}"#.replace("\\u007f", "\u{7f}")
        );
        assert!(json.is_ascii());
        let back: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["text"], "a£’😀\"\n\u{7f}b");
    }
}

/// For benchmarks only: parses and drops the tree, converting nothing;
/// returns the number of paragraphs (0 on error). Measures what the parse
/// itself costs in wasm, apart from the conversion.
#[wasm_bindgen(js_name = __parseOnlyForBench, skip_typescript)]
pub fn parse_only_for_bench(text: &str) -> u32 {
    lgsco::parse(text).map_or(0, |d| d.paragraphs().len() as u32)
}
