//! The tape: how `parse` hands a decision to JavaScript.
//!
//! Building the object across the boundary one value at a time
//! (serde-wasm-bindgen) or as JSON text for `JSON.parse` both cost several
//! times the parse itself. Instead, a serde [`Serializer`] here writes the
//! value as a flat list of `u32` words plus one pool of UTF-16 text, and
//! `js/wrap.js` reads that back into plain objects with one constructor per
//! object *shape* (the list of its keys, as in V8's hidden classes). The
//! result is the same value the JSON path gives (the tests check it): same
//! keys in the same order, `null` for absent values, the same numbers.
//!
//! Nothing here knows lgsco's types: like serde_json, it follows serde's data
//! model (spans are converted on the way in by [`crate::WithUtf16Spans`]).
//!
//! Word layout (`tag = word & 7`, `payload = word >> 3`):
//!
//! | tag | value | payload | words after |
//! | --- | --- | --- | --- |
//! | 0 | unsigned integer below 2^29 | the integer | - |
//! | 1 | object | shape id (its keys, in order) | one value per key |
//! | 2 | array | length | the elements |
//! | 3 | string, a slice of the input | - | UTF-16 start, end in the input |
//! | 4 | string from the pool | - | UTF-16 start, end in the pool |
//! | 5 | any other number (an `f64`) | - | low, high 32 bits |
//! | 6 | `null`, `false`, `true` | 0, 1, 2 | - |
//!
//! A tape starts with two header words: the id of the shape registry (a
//! random number per module instance) and how many shapes it holds, so the
//! JavaScript side knows when to fetch new shapes ([`shapes_json`]) and when
//! its own table belongs to an instance that is gone (after a trap).
//!
//! Strings that point into the input (borrowed text) are sent as offsets
//! into the string JavaScript passed in, so they are neither copied nor
//! decoded; the others are copied into the pool, decoded once per call.

use std::cell::RefCell;
use std::fmt;

use serde::ser::{self, Serialize, Serializer};

use crate::Utf16Offsets;

pub const TAG_UINT: u32 = 0;
pub const TAG_OBJECT: u32 = 1;
pub const TAG_ARRAY: u32 = 2;
pub const TAG_INPUT_STR: u32 = 3;
pub const TAG_POOL_STR: u32 = 4;
pub const TAG_F64: u32 = 5;
pub const TAG_CONST: u32 = 6;

const NULL: u32 = TAG_CONST;
const FALSE: u32 = TAG_CONST | (1 << 3);
const TRUE: u32 = TAG_CONST | (2 << 3);
/// Payloads (integers, lengths, shape ids) must fit in 29 bits.
const PAYLOAD_MAX: u64 = (1 << 29) - 1;

/// A value the tape cannot hold (a map key that is no string or number, a
/// custom error, an array longer than 2^29): the caller falls back to JSON.
#[derive(Debug)]
pub struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(format!("the tape cannot hold {what}")))
}

// ---------------------------------------------------------------------------
// Shapes: a trie of keys. An object's shape is the trie node its keys lead to
// from the root; each node that ends an object gets a shape id. The registry
// lives as long as the module instance, so a shape is sent to JavaScript
// once.

const NO_SHAPE: u32 = u32::MAX;

struct Node {
    key: Box<str>,
    /// The last step taken from this node (key address, length, child):
    /// objects of a type repeat their keys, so this is nearly always it.
    last: (usize, usize, u32),
    parent: u32,
    children: Vec<u32>,
    shape: u32,
}

pub struct Shapes {
    id: u32,
    nodes: Vec<Node>,
    /// The trie node of each shape id.
    shapes: Vec<u32>,
    /// (node, key address, key length) -> child, hashed: most steps are one
    /// lookup here.
    cache: Vec<CacheEntry>,
}

#[derive(Clone, Copy, Default)]
struct CacheEntry {
    node: u32,
    ptr: usize,
    len: usize,
    child: u32,
}

const CACHE_BITS: u32 = 10;

impl Shapes {
    fn new(id: u32) -> Self {
        Shapes {
            id,
            nodes: vec![Node {
                key: "".into(),
                last: (0, 0, 0),
                parent: 0,
                children: Vec::new(),
                shape: NO_SHAPE,
            }],
            shapes: Vec::new(),
            cache: vec![CacheEntry::default(); 1 << CACHE_BITS],
        }
    }

    /// The node after `node` for `key`; `is_static` when `key` is a
    /// `&'static str` (its address then identifies it).
    #[inline]
    fn child(&mut self, node: u32, key: &str, is_static: bool) -> u32 {
        let ptr = key.as_ptr() as usize;
        let (last_ptr, last_len, last) = self.nodes[node as usize].last;
        if last_ptr == ptr
            && last_len == key.len()
            && last != 0
            // Other keys may sit where a freed one was: compare the text.
            && (is_static || *self.nodes[last as usize].key == *key)
        {
            return last;
        }
        let child = self.child_hashed(node, key, is_static);
        self.nodes[node as usize].last = (ptr, key.len(), child);
        child
    }

    fn child_hashed(&mut self, node: u32, key: &str, is_static: bool) -> u32 {
        let ptr = key.as_ptr() as usize;
        let h = ((node ^ (ptr as u32).rotate_left(11)).wrapping_mul(0x9E37_79B9)
            >> (32 - CACHE_BITS)) as usize;
        let e = self.cache[h];
        if e.node == node
            && e.ptr == ptr
            && e.len == key.len()
            && e.child != 0
            && (is_static || *self.nodes[e.child as usize].key == *key)
        {
            return e.child;
        }
        let child = self.child_slow(node, key);
        self.cache[h] = CacheEntry {
            node,
            ptr,
            len: key.len(),
            child,
        };
        child
    }

    fn child_slow(&mut self, node: u32, key: &str) -> u32 {
        let children = &self.nodes[node as usize].children;
        for &c in children {
            if *self.nodes[c as usize].key == *key {
                return c;
            }
        }
        let c = self.nodes.len() as u32;
        self.nodes.push(Node {
            key: key.into(),
            last: (0, 0, 0),
            parent: node,
            children: Vec::new(),
            shape: NO_SHAPE,
        });
        self.nodes[node as usize].children.push(c);
        c
    }

    fn shape(&mut self, node: u32) -> u32 {
        let n = &mut self.nodes[node as usize];
        if n.shape == NO_SHAPE {
            n.shape = self.shapes.len() as u32;
            self.shapes.push(node);
        }
        n.shape
    }

    fn keys(&self, shape: usize) -> Vec<&str> {
        let mut keys = Vec::new();
        let mut node = self.shapes[shape];
        while node != 0 {
            let n = &self.nodes[node as usize];
            keys.push(&*n.key);
            node = n.parent;
        }
        keys.reverse();
        keys
    }
}

thread_local! {
    static SHAPES: RefCell<Option<Shapes>> = const { RefCell::new(None) };
}

fn with_shapes<R>(f: impl FnOnce(&mut Shapes) -> R) -> R {
    SHAPES.with(|s| {
        let mut s = s.borrow_mut();
        let shapes = s.get_or_insert_with(|| Shapes::new(registry_id()));
        f(shapes)
    })
}

#[cfg(target_arch = "wasm32")]
fn registry_id() -> u32 {
    // Distinguishes this instance's registry from one before a reset.
    (js_sys::Math::random() * 4_294_967_295.0) as u32
}

#[cfg(not(target_arch = "wasm32"))]
fn registry_id() -> u32 {
    1
}

/// The keys of shapes `from..` as JSON (`[["key", ...], ...]`).
pub fn shapes_json(from: usize) -> String {
    with_shapes(|s| {
        let all: Vec<Vec<&str>> = (from.min(s.shapes.len())..s.shapes.len())
            .map(|i| s.keys(i))
            .collect();
        serde_json::to_string(&all).unwrap_or_else(|_| "[]".into())
    })
}

// ---------------------------------------------------------------------------
// The writer

/// The output of one call: words and pool, kept between calls so their
/// memory is reused.
#[derive(Default)]
pub struct Tape {
    pub words: Vec<u32>,
    pub pool: Vec<u16>,
}

impl Tape {
    /// Writes `value` (spans already converted by the caller's wrapper);
    /// `input` is the text strings may borrow from, `offsets` its UTF-16
    /// offsets.
    pub fn write<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
        input: &str,
        offsets: &Utf16Offsets,
    ) -> Result<(), Unsupported> {
        // Do not keep the memory of one huge document for ever.
        const KEEP: usize = 1 << 20;
        if self.words.capacity() > KEEP {
            self.words = Vec::new();
        }
        if self.pool.capacity() > KEEP {
            self.pool = Vec::new();
        }
        self.words.clear();
        self.pool.clear();
        self.words.reserve(input.len() / 2 + 16);
        self.pool.reserve(input.len());
        with_shapes(|shapes| {
            self.words.push(shapes.id);
            self.words.push(0); // the shape count, set at the end
            let mut w = Writer {
                words: &mut self.words,
                pool: &mut self.pool,
                shapes,
                input_start: input.as_ptr() as usize,
                input_len: input.len(),
                offsets,
                to_utf16: false,
                key_buf: String::new(),
            };
            value.serialize(&mut w)?;
            let count = w.shapes.shapes.len() as u32;
            self.words[1] = count;
            Ok(())
        })
    }
}

pub struct Writer<'a> {
    words: &'a mut Vec<u32>,
    pool: &'a mut Vec<u16>,
    shapes: &'a mut Shapes,
    input_start: usize,
    input_len: usize,
    offsets: &'a Utf16Offsets,
    /// Set while writing the `start` or `end` of a `Span`: the integer is a
    /// byte offset of the input, written as its UTF-16 offset.
    to_utf16: bool,
    /// Map keys that are numbers are written here.
    key_buf: String,
}

impl Writer<'_> {
    #[inline]
    fn push(&mut self, w: u32) {
        self.words.push(w);
    }

    fn f64(&mut self, v: f64) {
        let bits = v.to_bits();
        self.words
            .extend_from_slice(&[TAG_F64, bits as u32, (bits >> 32) as u32]);
    }

    fn u64(&mut self, v: u64) {
        let v = if self.to_utf16 {
            self.offsets.get(v)
        } else {
            v
        };
        if v <= PAYLOAD_MAX {
            self.push(((v as u32) << 3) | TAG_UINT);
        } else {
            // As JSON.parse reads the decimal digits: the nearest double.
            self.f64(v as f64);
        }
    }

    fn i64(&mut self, v: i64) {
        if v >= 0 {
            self.u64(v as u64);
        } else {
            self.f64(v as f64);
        }
    }

    fn str(&mut self, s: &str) {
        let p = s.as_ptr() as usize;
        if !s.is_empty()
            && p >= self.input_start
            && p + s.len() <= self.input_start + self.input_len
        {
            // Borrowed from the input: JavaScript slices its own string.
            let start = p - self.input_start;
            let a = self.offsets.get(start as u64) as u32;
            let b = self.offsets.get((start + s.len()) as u64) as u32;
            self.words.extend_from_slice(&[TAG_INPUT_STR, a, b]);
            return;
        }
        let a = self.pool.len() as u32;
        let mut rest = s;
        // ASCII runs widen byte by byte (vectorised); other characters
        // encode one by one.
        while !rest.is_empty() {
            let run = rest.bytes().position(|b| b >= 0x80).unwrap_or(rest.len());
            self.pool
                .extend(rest.as_bytes()[..run].iter().map(|&b| u16::from(b)));
            rest = &rest[run..];
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                let mut units = [0u16; 2];
                self.pool.extend_from_slice(c.encode_utf16(&mut units));
                rest = chars.as_str();
            }
        }
        let b = self.pool.len() as u32;
        self.words.extend_from_slice(&[TAG_POOL_STR, a, b]);
    }

    /// Reserves the header word of an array or object.
    fn open(&mut self) -> usize {
        self.words.push(0);
        self.words.len() - 1
    }

    fn close(&mut self, at: usize, tag: u32, payload: u64) -> Result<(), Unsupported> {
        if payload > PAYLOAD_MAX {
            return unsupported("more than 2^29 elements or shapes");
        }
        self.words[at] = ((payload as u32) << 3) | tag;
        Ok(())
    }
}

/// What a compound is writing.
#[derive(Clone, Copy)]
enum Open {
    Array { at: usize, len: u64 },
    Object { at: usize, node: u32, is_span: bool },
}

/// An array or object being written; `outer` is the one-key object around
/// it for enum variants (`{"Variant": [...]}`, `{"Variant": {...}}`).
pub struct Compound<'w, 'a> {
    w: &'w mut Writer<'a>,
    open: Open,
    outer: Option<Open>,
}

impl<'w, 'a> Compound<'w, 'a> {
    fn array(w: &'w mut Writer<'a>) -> Self {
        let at = w.open();
        Compound {
            w,
            open: Open::Array { at, len: 0 },
            outer: None,
        }
    }

    fn object(w: &'w mut Writer<'a>, is_span: bool) -> Self {
        let at = w.open();
        Compound {
            w,
            open: Open::Object {
                at,
                node: 0,
                is_span,
            },
            outer: None,
        }
    }

    /// `{variant: <compound>}`: the outer object, then the inner one.
    fn variant(w: &'w mut Writer<'a>, variant: &'static str, inner_is_array: bool) -> Self {
        let at = w.open();
        let node = w.shapes.child(0, variant, true);
        let outer = Some(Open::Object {
            at,
            node,
            is_span: false,
        });
        let mut c = if inner_is_array {
            Compound::array(w)
        } else {
            Compound::object(w, false)
        };
        c.outer = outer;
        c
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        if let Open::Array { len, .. } = &mut self.open {
            *len += 1;
        }
        value.serialize(&mut *self.w)
    }

    fn key(&mut self, key: &str, is_static: bool) {
        if let Open::Object { node, .. } = &mut self.open {
            *node = self.w.shapes.child(*node, key, is_static);
        }
    }

    fn close_one(w: &mut Writer<'_>, open: Open) -> Result<(), Unsupported> {
        match open {
            Open::Array { at, len } => w.close(at, TAG_ARRAY, len),
            Open::Object { at, node, .. } => {
                let shape = w.shapes.shape(node);
                w.close(at, TAG_OBJECT, u64::from(shape))
            }
        }
    }

    fn finish(self) -> Result<(), Unsupported> {
        Self::close_one(self.w, self.open)?;
        if let Some(outer) = self.outer {
            Self::close_one(self.w, outer)?;
        }
        Ok(())
    }
}

impl<'w, 'a> Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.i64(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.i64(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.i64(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        self.i64(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Unsupported> {
        if v >= 0 && v <= i128::from(PAYLOAD_MAX) {
            self.u64(v as u64);
        } else {
            self.f64(v as f64);
        }
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.u64(v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.u64(v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.u64(v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.u64(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Unsupported> {
        if v <= u128::from(PAYLOAD_MAX) {
            self.u64(v as u64);
        } else {
            self.f64(v as f64);
        }
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        if v.is_finite() {
            // serde_json writes the shortest digits of the f32, which
            // JSON.parse reads as the nearest double of those digits.
            let shortest: f64 = v.to_string().parse().unwrap_or(f64::from(v));
            self.f64(shortest);
        } else {
            self.push(NULL);
        }
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        if v.is_finite() {
            self.f64(v);
        } else {
            // As serde_json: NaN and infinities are null.
            self.push(NULL);
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unsupported> {
        // As serde_json: an array of numbers.
        let mut c = Compound::array(self);
        for b in v {
            c.element(b)?;
        }
        c.finish()
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unsupported> {
        self.push(NULL);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        let mut c = Compound::object(self, false);
        c.key(variant, true);
        c.element(value)?;
        c.finish()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w, 'a>, Unsupported> {
        Ok(Compound::array(self))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'w, 'a>, Unsupported> {
        Ok(Compound::array(self))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Unsupported> {
        Ok(Compound::array(self))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Unsupported> {
        Ok(Compound::variant(self, variant, true))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w, 'a>, Unsupported> {
        Ok(Compound::object(self, false))
    }
    fn serialize_struct(
        self,
        name: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Unsupported> {
        Ok(Compound::object(self, name == crate::SPAN_STRUCT))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Unsupported> {
        Ok(Compound::variant(self, variant, false))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.key(key, true);
        if let Open::Object { is_span: true, .. } = self.open {
            if key == "start" || key == "end" {
                // The same rule as `crate::WithUtf16Spans` (the JSON path).
                self.w.to_utf16 = true;
                let r = self.element(value);
                self.w.to_utf16 = false;
                return r;
            }
        }
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.key(key, true);
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        if let Open::Object { node, .. } = &mut self.open {
            let w = &mut *self.w;
            *node = key.serialize(KeyStep {
                shapes: &mut *w.shapes,
                node: *node,
                buf: &mut w.key_buf,
            })?;
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

// ---------------------------------------------------------------------------
// Map keys, as serde_json writes them: strings, and numbers, booleans,
// chars and unit variants as their text. Serialising a key steps the shape
// trie from `node` and returns the node reached.

struct KeyStep<'b> {
    shapes: &'b mut Shapes,
    node: u32,
    buf: &'b mut String,
}

impl KeyStep<'_> {
    fn text(self, v: impl fmt::Display) -> Result<u32, Unsupported> {
        use fmt::Write;
        self.buf.clear();
        let _ = write!(self.buf, "{v}");
        Ok(self.shapes.child(self.node, self.buf, false))
    }
}

macro_rules! key_as_text {
    ($($name:ident($ty:ty);)*) => {
        $(fn $name(self, v: $ty) -> Result<u32, Unsupported> {
            self.text(v)
        })*
    };
}

impl Serializer for KeyStep<'_> {
    type Ok = u32;
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<Self::Ok, Unsupported>;
    type SerializeTuple = ser::Impossible<Self::Ok, Unsupported>;
    type SerializeTupleStruct = ser::Impossible<Self::Ok, Unsupported>;
    type SerializeTupleVariant = ser::Impossible<Self::Ok, Unsupported>;
    type SerializeMap = ser::Impossible<Self::Ok, Unsupported>;
    type SerializeStruct = ser::Impossible<Self::Ok, Unsupported>;
    type SerializeStructVariant = ser::Impossible<Self::Ok, Unsupported>;

    key_as_text! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_char(char);
    }
    fn serialize_str(self, v: &str) -> Result<u32, Unsupported> {
        Ok(self.shapes.child(self.node, v, false))
    }
    fn serialize_f32(self, _v: f32) -> Result<Self::Ok, Unsupported> {
        unsupported("a float map key")
    }
    fn serialize_f64(self, _v: f64) -> Result<Self::Ok, Unsupported> {
        unsupported("a float map key")
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<Self::Ok, Unsupported> {
        unsupported("a bytes map key")
    }
    fn serialize_none(self) -> Result<Self::Ok, Unsupported> {
        unsupported("a null map key")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _v: &T) -> Result<Self::Ok, Unsupported> {
        unsupported("an optional map key")
    }
    fn serialize_unit(self) -> Result<Self::Ok, Unsupported> {
        unsupported("a unit map key")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Unsupported> {
        unsupported("a unit map key")
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Unsupported> {
        Ok(self.shapes.child(self.node, variant, true))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Self::Ok, Unsupported> {
        unsupported("an enum map key")
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        unsupported("a sequence map key")
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unsupported> {
        unsupported("a tuple map key")
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        unsupported("a tuple map key")
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        unsupported("an enum map key")
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        unsupported("a map map key")
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        unsupported("a struct map key")
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        unsupported("an enum map key")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use serde_json::{json, Value};

    use super::*;

    /// Reads a tape back as `js/wrap.js` does, into a JSON value.
    fn read(t: &Tape, input: &str) -> Value {
        let input16: Vec<u16> = input.encode_utf16().collect();
        let keys: Vec<Vec<String>> = serde_json::from_str(&shapes_json(0)).unwrap();
        assert_eq!(t.words[1] as usize, keys.len());
        let mut at = 2;
        let v = read_value(t, &input16, &keys, &mut at);
        assert_eq!(at, t.words.len(), "the whole tape is one value");
        v
    }

    fn read_value(t: &Tape, input16: &[u16], keys: &[Vec<String>], at: &mut usize) -> Value {
        let w = t.words[*at];
        *at += 1;
        let p = (w >> 3) as usize;
        let mut two = || {
            let r = (t.words[*at] as usize, t.words[*at + 1] as usize);
            *at += 2;
            r
        };
        match w & 7 {
            TAG_UINT => json!(p),
            TAG_OBJECT => {
                let mut m = serde_json::Map::new();
                for k in &keys[p] {
                    let v = read_value(t, input16, keys, at);
                    m.insert(k.clone(), v);
                }
                Value::Object(m)
            }
            TAG_ARRAY => Value::Array((0..p).map(|_| read_value(t, input16, keys, at)).collect()),
            TAG_INPUT_STR => {
                let (a, b) = two();
                Value::String(String::from_utf16(&input16[a..b]).unwrap())
            }
            TAG_POOL_STR => {
                let (a, b) = two();
                Value::String(String::from_utf16(&t.pool[a..b]).unwrap())
            }
            TAG_F64 => {
                let (lo, hi) = two();
                let f = f64::from_bits((hi as u64) << 32 | lo as u64);
                serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
            }
            TAG_CONST => match p {
                0 => Value::Null,
                1 => Value::Bool(false),
                _ => Value::Bool(true),
            },
            _ => panic!("bad word {w}"),
        }
    }

    fn tape_of<T: Serialize + ?Sized>(value: &T, input: &str) -> Value {
        let mut t = Tape::default();
        t.write(value, input, &Utf16Offsets::new(input)).unwrap();
        read(&t, input)
    }

    /// Through the tape, `value` reads back as its JSON text does (what
    /// `JSON.parse` gets; numbers compared as f64: JavaScript has no other).
    fn same_as_json<T: Serialize + ?Sized>(value: &T) {
        let want: Value = serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap();
        let got = tape_of(value, "");
        assert_eq!(as_f64(&got), as_f64(&want), "{want}");
    }

    fn as_f64(v: &Value) -> Value {
        match v {
            Value::Number(n) => json!(n.as_f64()),
            Value::Array(a) => Value::Array(a.iter().map(as_f64).collect()),
            Value::Object(o) => {
                Value::Object(o.iter().map(|(k, v)| (k.clone(), as_f64(v))).collect())
            }
            v => v.clone(),
        }
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(u8, String),
        Struct { a: Option<bool>, b: () },
    }

    #[derive(Serialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    enum Tagged {
        One { x: i32 },
        Two { y: Vec<u8> },
    }

    #[derive(Serialize)]
    struct Flat {
        #[serde(flatten)]
        tagged: Tagged,
        z: char,
    }

    #[derive(Serialize)]
    struct Newtype(u64);

    #[derive(Serialize)]
    struct Unit;

    #[test]
    fn reads_back_as_serde_json_gives() {
        same_as_json(&json!(null));
        same_as_json(&(true, false, (), Unit, Newtype(7)));
        same_as_json(&[
            0u64,
            1,
            (1 << 29) - 1,
            1 << 29,
            u64::MAX,
            9_007_199_254_740_993,
        ]);
        same_as_json(&[0i64, -1, i64::MIN, i64::MAX]);
        same_as_json(&(i128::MIN, u128::MAX, -7i8, 300i16, -70_000i32));
        same_as_json(&[0.0f64, -0.0, 1.5, -2.5e-8, f64::MAX, f64::MIN_POSITIVE]);
        // Every f64 exactly (JSON.parse rounds correctly; serde_json's
        // default reader, above, does not always).
        for f in [-2.25e-300f64, 0.1 + 0.2, 5e-324] {
            assert_eq!(tape_of(&f, ""), json!(f));
        }
        same_as_json(&[0.1f32, 3.4e38, -2.5, 1.1]);
        same_as_json(&("", "a", "£’😀\u{feff}", 'x', '😀'));
        same_as_json(&vec![
            E::Unit,
            E::New(1),
            E::Tuple(2, "t".into()),
            E::Struct { a: None, b: () },
        ]);
        same_as_json(&vec![
            Flat {
                tagged: Tagged::One { x: -3 },
                z: 'z',
            },
            Flat {
                tagged: Tagged::Two { y: vec![1, 2] },
                z: '£',
            },
            Flat {
                tagged: Tagged::One { x: 4 },
                z: 'q',
            },
        ]);
        let mut m = BTreeMap::new();
        m.insert(10u32, "ten");
        m.insert(2, "two");
        same_as_json(&(m, BTreeMap::from([("__proto__", 1), ("b", 2)])));
        same_as_json(serde_bytes_like(&[0, 255]));
        same_as_json(&vec![vec![vec![Option::<u8>::None]]]);
    }

    /// `serialize_bytes`, which serde_json writes as an array of numbers.
    fn serde_bytes_like(b: &'static [u8]) -> &'static impl Serialize {
        struct Bytes(&'static [u8]);
        impl Serialize for Bytes {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
        Box::leak(Box::new(Bytes(b)))
    }

    #[test]
    fn non_finite_floats_are_null_as_in_serde_json() {
        same_as_json(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
        same_as_json(&[f32::NAN]);
    }

    #[test]
    fn borrowed_strings_are_input_slices_in_utf16_and_spans_convert() {
        #[derive(Serialize)]
        struct Span {
            start: usize,
            end: usize,
            line: usize,
        }
        #[derive(Serialize)]
        struct Leaf<'a> {
            text: &'a str,
            owned: String,
            span: Span,
            // start/end outside a Span stay bytes.
            start: usize,
        }
        // bytes: £ 0-1, ’ 2-4, a 5, 😀 6-9, b 10; units: £ 0, ’ 1, a 2, 😀 3-4, b 5.
        let input = "£’a😀b";
        let leaf = Leaf {
            text: &input[6..11],
            owned: "😀b".into(),
            span: Span {
                start: 6,
                end: 11,
                line: 1,
            },
            start: 6,
        };
        let mut t = Tape::default();
        t.write(&leaf, input, &Utf16Offsets::new(input)).unwrap();
        assert_eq!(
            read(&t, input),
            json!({"text": "😀b", "owned": "😀b", "span": {"start": 3, "end": 6, "line": 1}, "start": 6})
        );
        // The borrowed text is a slice of the input, the owned one is in the pool.
        assert!(t.words.windows(3).any(|w| w == [TAG_INPUT_STR, 3, 6]));
        assert_eq!(t.pool, "😀b".encode_utf16().collect::<Vec<_>>());
    }

    #[test]
    fn shapes_are_shared_and_kept_between_tapes() {
        #[derive(Serialize)]
        struct P {
            x: u8,
            y: u8,
        }
        let before = with_shapes(|s| s.shapes.len());
        let v = tape_of(&vec![P { x: 1, y: 2 }, P { x: 3, y: 4 }], "");
        assert_eq!(v, json!([{"x": 1, "y": 2}, {"x": 3, "y": 4}]));
        let after = with_shapes(|s| s.shapes.len());
        assert!(after <= before + 1);
        tape_of(&P { x: 0, y: 0 }, "");
        assert_eq!(with_shapes(|s| s.shapes.len()), after);
    }
}
