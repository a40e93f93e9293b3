//! A serde serializer that builds Python objects directly from the tree's
//! types (the same structure `serde_json::to_value` gives, without the
//! intermediate `Value`), turning every span's byte offsets into code points.
//!
//! Spans are recognised by their serde struct name, `Span` (the
//! [`lgsco_core::Span`] type): its `start` and `end` go through [`Offsets`].

use std::cell::Cell;
use std::fmt;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString};
use serde::ser::{self, Impossible, Serialize};

use crate::offsets::Offsets;

/// A conversion failure (a Python error, or a value Python cannot hold).
pub struct Error(pub PyErr);

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
impl std::error::Error for Error {}
impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(pyo3::exceptions::PyValueError::new_err(msg.to_string()))
    }
}
impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

/// Slots in a conversion's direct-mapped key cache (a power of two; the
/// tree has somewhat over a hundred field and variant names).
const KEY_SLOTS: usize = 256;

/// State shared by one conversion: the offset table and a key cache.
pub struct Ctx<'py, 'a> {
    py: Python<'py>,
    /// `None`: keep byte offsets.
    offsets: Option<&'a Offsets>,
    /// `(address, length, str)` of recently used `&'static str` names, by a
    /// hash of the address; the strs are kept alive by [`keys`].
    recent: Box<[Slot]>,
    /// The same for map keys, by a hash of the content; the address is that
    /// of the text [`keys`] keeps.
    recent_map: Box<[Slot]>,
}

type Slot = Cell<(usize, usize, *mut ffi::PyObject)>;

fn slots() -> Box<[Slot]> {
    (0..KEY_SLOTS)
        .map(|_| Cell::new((0, 0, std::ptr::null_mut())))
        .collect()
}

/// The slot for a hash (multiplicative hashing: the top bits).
fn slot_of(slots: &[Slot], hash: u64) -> &Slot {
    let h = hash.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    &slots[(h >> (u64::BITS - KEY_SLOTS.trailing_zeros())) as usize]
}

impl<'py, 'a> Ctx<'py, 'a> {
    pub fn new(py: Python<'py>, offsets: Option<&'a Offsets>) -> Self {
        Ctx {
            py,
            offsets: offsets.filter(|o| !o.is_identity()),
            recent: slots(),
            recent_map: slots(),
        }
    }

    /// The interned Python string for a field or variant name (the tree's
    /// serde names, all `&'static str`), looked up by address.
    fn key(&self, k: &'static str) -> Bound<'py, PyAny> {
        // SAFETY: `keys` holds a strong reference to this str forever.
        unsafe { Bound::from_borrowed_ptr(self.py, self.key_ptr(k)) }
    }

    /// [`Ctx::key`] as a borrowed pointer (no reference count change).
    fn key_ptr(&self, k: &'static str) -> *mut ffi::PyObject {
        let addr = k.as_ptr() as usize;
        let slot = slot_of(&self.recent, addr as u64);
        let (a, len, ptr) = slot.get();
        if a == addr && len == k.len() {
            return ptr;
        }
        let ptr = keys::by_address(self.py, k);
        slot.set((addr, k.len(), ptr));
        ptr
    }

    /// The interned Python string for a map key, looked up by content.
    fn map_key(&self, k: &str) -> Bound<'py, PyAny> {
        let slot = slot_of(&self.recent_map, keys::fx(k.as_bytes()));
        let (text, len, ptr) = slot.get();
        // SAFETY: `text` and `len` name a string `keys` keeps forever.
        if len == k.len()
            && unsafe { std::slice::from_raw_parts(text as *const u8, len) } == k.as_bytes()
        {
            // SAFETY: `keys` holds a strong reference to this str forever.
            return unsafe { Bound::from_borrowed_ptr(self.py, ptr) };
        }
        let (text, ptr) = keys::by_content(self.py, k);
        slot.set((text as usize, k.len(), ptr));
        // SAFETY: as above.
        unsafe { Bound::from_borrowed_ptr(self.py, ptr) }
    }

    /// Converts any serialisable value.
    pub fn convert<T: Serialize + ?Sized>(&self, value: &T) -> PyResult<Bound<'py, PyAny>> {
        value.serialize(Ser { ctx: self }).map_err(|e| e.0)
    }
}

/// Interned key strings, made once per name and kept for the life of the
/// process (interned strings are never freed by CPython anyway), so a
/// conversion does no hashing of key text and creates no key objects.
///
/// Every pointer handed out stays valid for good: the cache's references
/// are never released, and the texts of map keys are leaked with them (the
/// tree has a bounded set of names).
mod keys {
    use std::collections::HashMap;
    use std::hash::{BuildHasherDefault, Hasher};
    use std::sync::Mutex;

    use pyo3::prelude::*;
    use pyo3::types::PyString;

    /// FxHash's multiply-rotate: keys are a few machine words or short names.
    #[derive(Default)]
    pub struct Fx(u64);

    impl Hasher for Fx {
        fn write(&mut self, bytes: &[u8]) {
            for chunk in bytes.chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                self.write_u64(u64::from_le_bytes(word));
            }
        }
        fn write_u64(&mut self, n: u64) {
            self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        fn write_usize(&mut self, n: usize) {
            self.write_u64(n as u64);
        }
        fn finish(&self) -> u64 {
            self.0
        }
    }

    /// FxHash of a short text.
    pub fn fx(bytes: &[u8]) -> u64 {
        let mut h = Fx::default();
        h.write(bytes);
        h.finish()
    }

    type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

    /// Values are `PyObject` addresses (strong references, never released).
    #[derive(Default)]
    struct Maps {
        by_address: FxMap<(usize, usize), usize>,
        by_content: FxMap<&'static str, usize>,
    }

    /// Locked only around a map look-up or insertion, never while Python
    /// code runs.
    static MAPS: Mutex<Option<Maps>> = Mutex::new(None);

    fn with_maps<T>(f: impl FnOnce(&mut Maps) -> T) -> T {
        let mut maps = MAPS.lock().unwrap_or_else(|e| e.into_inner());
        f(maps.get_or_insert_with(Maps::default))
    }

    /// A new strong reference to the interned str, which the cache keeps.
    fn make(py: Python<'_>, k: &str) -> *mut pyo3::ffi::PyObject {
        PyString::intern(py, k).into_any().unbind().into_ptr()
    }

    /// A `&'static str` is immutable for the life of the process, so its
    /// address and length name its content. Returns a borrowed pointer to a
    /// str that is never freed.
    pub fn by_address(py: Python<'_>, k: &'static str) -> *mut pyo3::ffi::PyObject {
        let id = (k.as_ptr() as usize, k.len());
        if let Some(ptr) = with_maps(|m| m.by_address.get(&id).copied()) {
            return ptr as *mut pyo3::ffi::PyObject;
        }
        let ptr = make(py, k);
        // Another thread may have made it meanwhile: both stay valid.
        with_maps(|m| m.by_address.insert(id, ptr as usize));
        ptr
    }

    /// By content: the address of the cache's copy of the text (never freed)
    /// and a borrowed pointer to a str that is never freed.
    pub fn by_content(py: Python<'_>, k: &str) -> (*const u8, *mut pyo3::ffi::PyObject) {
        let found = with_maps(|m| {
            m.by_content
                .get_key_value(k)
                .map(|(text, ptr)| (text.as_ptr(), *ptr))
        });
        if let Some((text, ptr)) = found {
            return (text, ptr as *mut pyo3::ffi::PyObject);
        }
        let ptr = make(py, k);
        let text: &'static str = Box::leak(k.into());
        with_maps(|m| m.by_content.insert(text, ptr as usize));
        (text.as_ptr(), ptr)
    }
}

/// `dict[key] = value` with a borrowed key pointer (no reference count
/// traffic for the key).
fn set_field(
    dict: &Bound<'_, PyDict>,
    key: *mut ffi::PyObject,
    value: Bound<'_, PyAny>,
) -> Result<(), Error> {
    // SAFETY: `dict` is a dict, `key` a live str, `value` a live object; the
    // dict takes its own references.
    if unsafe { ffi::PyDict_SetItem(dict.as_ptr(), key, value.as_ptr()) } < 0 {
        return Err(Error(PyErr::fetch(dict.py())));
    }
    Ok(())
}

#[derive(Clone, Copy)]
struct Ser<'c, 'py, 'a> {
    ctx: &'c Ctx<'py, 'a>,
}

type R<'py> = Result<Bound<'py, PyAny>, Error>;

impl<'c, 'py, 'a> Ser<'c, 'py, 'a> {
    fn int<T>(self, v: T) -> R<'py>
    where
        T: IntoPyObject<'py>,
        PyErr: From<T::Error>,
    {
        Ok(pyo3::IntoPyObjectExt::into_bound_py_any(v, self.ctx.py)?)
    }
}

impl<'c, 'py, 'a> ser::Serializer for Ser<'c, 'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = SeqSer<'c, 'py, 'a>;
    type SerializeTuple = SeqSer<'c, 'py, 'a>;
    type SerializeTupleStruct = SeqSer<'c, 'py, 'a>;
    type SerializeTupleVariant = VariantSer<SeqSer<'c, 'py, 'a>>;
    type SerializeMap = MapSer<'c, 'py, 'a>;
    type SerializeStruct = StructSer<'c, 'py, 'a>;
    type SerializeStructVariant = VariantSer<StructSer<'c, 'py, 'a>>;

    fn serialize_bool(self, v: bool) -> R<'py> {
        Ok(PyBool::new(self.ctx.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> R<'py> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> R<'py> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> R<'py> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> R<'py> {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> R<'py> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> R<'py> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> R<'py> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> R<'py> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> R<'py> {
        self.int(v)
    }
    fn serialize_u128(self, v: u128) -> R<'py> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> R<'py> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f64(self, v: f64) -> R<'py> {
        // As serde_json: non-finite numbers are null.
        if v.is_finite() {
            self.int(v)
        } else {
            self.serialize_none()
        }
    }
    fn serialize_char(self, v: char) -> R<'py> {
        let mut buf = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }
    fn serialize_str(self, v: &str) -> R<'py> {
        Ok(PyString::new(self.ctx.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> R<'py> {
        // As serde_json: a list of numbers.
        let list = PyList::new(self.ctx.py, v)?;
        Ok(list.into_any())
    }
    fn serialize_none(self) -> R<'py> {
        Ok(self.ctx.py.None().into_bound(self.ctx.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> R<'py> {
        Ok(self.ctx.key(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> R<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> R<'py> {
        let dict = PyDict::new(self.ctx.py);
        set_field(&dict, self.ctx.key_ptr(variant), value.serialize(self)?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqSer<'c, 'py, 'a>, Error> {
        SeqSer::new(self, len.unwrap_or(0))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqSer<'c, 'py, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<SeqSer<'c, 'py, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Ok(VariantSer {
            variant,
            inner: self.serialize_seq(Some(len))?,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<MapSer<'c, 'py, 'a>, Error> {
        Ok(MapSer {
            ser: self,
            dict: PyDict::new(self.ctx.py),
            key: None,
        })
    }
    fn serialize_struct(
        self,
        name: &'static str,
        _len: usize,
    ) -> Result<StructSer<'c, 'py, 'a>, Error> {
        if name == "Span" {
            return Ok(StructSer::Span {
                ser: self,
                dict: PyDict::new(self.ctx.py),
            });
        }
        Ok(StructSer::Dict {
            ser: self,
            dict: PyDict::new(self.ctx.py),
        })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Ok(VariantSer {
            variant,
            inner: self.serialize_struct(name, len)?,
        })
    }
}

/// A list made at its announced length and filled in place.
struct SeqSer<'c, 'py, 'a> {
    ser: Ser<'c, 'py, 'a>,
    list: Bound<'py, PyList>,
    /// Slots the list was made with; the first `filled` hold items, the rest
    /// are still NULL (the list is not seen by Python code until `done`).
    len: usize,
    filled: usize,
}

impl<'c, 'py, 'a> SeqSer<'c, 'py, 'a> {
    fn new(ser: Ser<'c, 'py, 'a>, len: usize) -> Result<Self, Error> {
        let py = ser.ctx.py;
        // SAFETY: PyList_New returns a new reference or NULL with an error set.
        let list = unsafe {
            Bound::from_owned_ptr_or_err(py, ffi::PyList_New(len as ffi::Py_ssize_t))?
                .cast_into_unchecked::<PyList>()
        };
        Ok(SeqSer {
            ser,
            list,
            len,
            filled: 0,
        })
    }
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(self.ser)?;
        if self.filled < self.len {
            // SAFETY: an index within the list; PyList_SetItem steals `item`.
            unsafe {
                ffi::PyList_SetItem(
                    self.list.as_ptr(),
                    self.filled as ffi::Py_ssize_t,
                    item.into_ptr(),
                );
            }
            self.filled += 1;
        } else {
            // More items than announced: every slot is filled, so append.
            self.list.append(item)?;
        }
        Ok(())
    }
    fn done(self) -> R<'py> {
        if self.filled < self.len {
            // Fewer items than announced: drop the empty slots.
            // SAFETY: a live list, a slice within it, NULL meaning delete.
            let rc = unsafe {
                ffi::PyList_SetSlice(
                    self.list.as_ptr(),
                    self.filled as ffi::Py_ssize_t,
                    self.len as ffi::Py_ssize_t,
                    std::ptr::null_mut(),
                )
            };
            if rc < 0 {
                return Err(Error(PyErr::fetch(self.ser.ctx.py)));
            }
        }
        Ok(self.list.into_any())
    }
}

impl<'c, 'py, 'a> ser::SerializeSeq for SeqSer<'c, 'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}
impl<'c, 'py, 'a> ser::SerializeTuple for SeqSer<'c, 'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}
impl<'c, 'py, 'a> ser::SerializeTupleStruct for SeqSer<'c, 'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}

/// `{variant: inner}` for tuple and struct variants (externally tagged).
struct VariantSer<I> {
    variant: &'static str,
    inner: I,
}

impl<'c, 'py, 'a> ser::SerializeTupleVariant for VariantSer<SeqSer<'c, 'py, 'a>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.inner.push(value)
    }
    fn end(self) -> R<'py> {
        let ctx = self.inner.ser.ctx;
        let dict = PyDict::new(ctx.py);
        set_field(&dict, ctx.key_ptr(self.variant), self.inner.done()?)?;
        Ok(dict.into_any())
    }
}

impl<'c, 'py, 'a> ser::SerializeStructVariant for VariantSer<StructSer<'c, 'py, 'a>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(&mut self.inner, key, value)
    }
    fn end(self) -> R<'py> {
        let ctx = match &self.inner {
            StructSer::Dict { ser, .. } | StructSer::Span { ser, .. } => ser.ctx,
        };
        let dict = PyDict::new(ctx.py);
        set_field(
            &dict,
            ctx.key_ptr(self.variant),
            ser::SerializeStruct::end(self.inner)?,
        )?;
        Ok(dict.into_any())
    }
}

struct MapSer<'c, 'py, 'a> {
    ser: Ser<'c, 'py, 'a>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'c, 'py, 'a> ser::SerializeMap for MapSer<'c, 'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeySer { ctx: self.ser.ctx })?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("map value without a key"))?;
        self.dict.set_item(key, value.serialize(self.ser)?)?;
        Ok(())
    }
    fn end(self) -> R<'py> {
        Ok(self.dict.into_any())
    }
}

enum StructSer<'c, 'py, 'a> {
    Dict {
        ser: Ser<'c, 'py, 'a>,
        dict: Bound<'py, PyDict>,
    },
    /// A [`lgsco_core::Span`]: `start` and `end` are converted.
    Span {
        ser: Ser<'c, 'py, 'a>,
        dict: Bound<'py, PyDict>,
    },
}

impl<'c, 'py, 'a> ser::SerializeStruct for StructSer<'c, 'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        match self {
            StructSer::Dict { ser, dict } => {
                set_field(dict, ser.ctx.key_ptr(key), value.serialize(*ser)?)?;
            }
            StructSer::Span { ser, dict } => {
                let v = match (ser.ctx.offsets, key) {
                    (Some(offsets), "start" | "end") => match value.serialize(U64Ser) {
                        Ok(b) => ser.int(offsets.char_index(b as usize) as u64)?,
                        Err(_) => value.serialize(*ser)?,
                    },
                    _ => value.serialize(*ser)?,
                };
                set_field(dict, ser.ctx.key_ptr(key), v)?;
            }
        }
        Ok(())
    }
    fn end(self) -> R<'py> {
        match self {
            StructSer::Dict { dict, .. } | StructSer::Span { dict, .. } => Ok(dict.into_any()),
        }
    }
}

/// Map keys: strings (interned), as JSON object keys are.
struct KeySer<'c, 'py, 'a> {
    ctx: &'c Ctx<'py, 'a>,
}

macro_rules! reject {
    ($($name:ident($($arg:ty),*) -> $ret:ty;)*) => {
        $(fn $name(self, $(_: $arg),*) -> Result<$ret, Error> {
            Err(<Error as ser::Error>::custom("unsupported value"))
        })*
    };
}

macro_rules! reject_all_but_str {
    ($ok:ty) => {
        reject! {
            serialize_bool(bool) -> $ok;
            serialize_i8(i8) -> $ok;
            serialize_i16(i16) -> $ok;
            serialize_i32(i32) -> $ok;
            serialize_i64(i64) -> $ok;
            serialize_u8(u8) -> $ok;
            serialize_u16(u16) -> $ok;
            serialize_u32(u32) -> $ok;
            serialize_f32(f32) -> $ok;
            serialize_f64(f64) -> $ok;
            serialize_char(char) -> $ok;
            serialize_bytes(&[u8]) -> $ok;
            serialize_none() -> $ok;
            serialize_unit() -> $ok;
            serialize_unit_struct(&'static str) -> $ok;
            serialize_seq(Option<usize>) -> Impossible<$ok, Error>;
            serialize_tuple(usize) -> Impossible<$ok, Error>;
            serialize_tuple_struct(&'static str, usize) -> Impossible<$ok, Error>;
            serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Impossible<$ok, Error>;
            serialize_map(Option<usize>) -> Impossible<$ok, Error>;
            serialize_struct(&'static str, usize) -> Impossible<$ok, Error>;
            serialize_struct_variant(&'static str, u32, &'static str, usize) -> Impossible<$ok, Error>;
        }
        fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<$ok, Error> {
            Err(<Error as ser::Error>::custom("unsupported value"))
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<$ok, Error> {
            Err(<Error as ser::Error>::custom("unsupported value"))
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<$ok, Error> {
            Err(<Error as ser::Error>::custom("unsupported value"))
        }
    };
}

impl<'c, 'py, 'a> ser::Serializer for KeySer<'c, 'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Impossible<Self::Ok, Error>;
    type SerializeTuple = Impossible<Self::Ok, Error>;
    type SerializeTupleStruct = Impossible<Self::Ok, Error>;
    type SerializeTupleVariant = Impossible<Self::Ok, Error>;
    type SerializeMap = Impossible<Self::Ok, Error>;
    type SerializeStruct = Impossible<Self::Ok, Error>;
    type SerializeStructVariant = Impossible<Self::Ok, Error>;

    fn serialize_str(self, v: &str) -> R<'py> {
        Ok(self.ctx.map_key(v).into_any())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R<'py> {
        Ok(self.ctx.key(variant).into_any())
    }
    fn serialize_u64(self, v: u64) -> R<'py> {
        // JSON object keys are strings.
        Ok(PyString::new(self.ctx.py, &v.to_string()).into_any())
    }
    reject_all_but_str!(Bound<'py, PyAny>);
}

/// Reads an unsigned integer (a span offset).
struct U64Ser;

impl ser::Serializer for U64Ser {
    type Ok = u64;
    type Error = Error;
    type SerializeSeq = Impossible<u64, Error>;
    type SerializeTuple = Impossible<u64, Error>;
    type SerializeTupleStruct = Impossible<u64, Error>;
    type SerializeTupleVariant = Impossible<u64, Error>;
    type SerializeMap = Impossible<u64, Error>;
    type SerializeStruct = Impossible<u64, Error>;
    type SerializeStructVariant = Impossible<u64, Error>;

    fn serialize_u64(self, v: u64) -> Result<u64, Error> {
        Ok(v)
    }
    fn serialize_str(self, _: &str) -> Result<u64, Error> {
        Err(<Error as ser::Error>::custom("unsupported value"))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<u64, Error> {
        Err(<Error as ser::Error>::custom("unsupported value"))
    }
    reject_all_but_str!(u64);
}
