//! A serde serializer that builds Python objects directly from the tree's
//! types (the same structure `serde_json::to_value` gives, without the
//! intermediate `Value`), turning every span's byte offsets into code points.
//!
//! Spans are recognised by their serde struct name, `Span` (the
//! [`lgsco_core::Span`] type): its `start` and `end` go through [`Offsets`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

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

/// State shared by one conversion: the offset table and interned keys.
pub struct Ctx<'py, 'a> {
    py: Python<'py>,
    /// `None`: keep byte offsets.
    offsets: Option<&'a Offsets>,
    keys: RefCell<HashMap<Box<str>, Bound<'py, PyString>>>,
}

impl<'py, 'a> Ctx<'py, 'a> {
    pub fn new(py: Python<'py>, offsets: Option<&'a Offsets>) -> Self {
        Ctx {
            py,
            offsets: offsets.filter(|o| !o.is_identity()),
            keys: RefCell::new(HashMap::new()),
        }
    }

    fn key(&self, k: &str) -> Bound<'py, PyString> {
        let mut keys = self.keys.borrow_mut();
        if let Some(s) = keys.get(k) {
            return s.clone();
        }
        let s = PyString::intern(self.py, k);
        keys.insert(k.into(), s.clone());
        s
    }

    /// Converts any serialisable value.
    pub fn convert<T: Serialize + ?Sized>(&self, value: &T) -> PyResult<Bound<'py, PyAny>> {
        value.serialize(Ser { ctx: self }).map_err(|e| e.0)
    }
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
        dict.set_item(self.ctx.key(variant), value.serialize(self)?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqSer<'c, 'py, 'a>, Error> {
        Ok(SeqSer {
            ser: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
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

struct SeqSer<'c, 'py, 'a> {
    ser: Ser<'c, 'py, 'a>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'c, 'py, 'a> SeqSer<'c, 'py, 'a> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.items.push(value.serialize(self.ser)?);
        Ok(())
    }
    fn done(self) -> R<'py> {
        Ok(PyList::new(self.ser.ctx.py, self.items)?.into_any())
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
        dict.set_item(ctx.key(self.variant), self.inner.done()?)?;
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
        dict.set_item(
            ctx.key(self.variant),
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
                dict.set_item(ser.ctx.key(key), value.serialize(*ser)?)?;
            }
            StructSer::Span { ser, dict } => {
                let v = match (ser.ctx.offsets, key) {
                    (Some(offsets), "start" | "end") => match value.serialize(U64Ser) {
                        Ok(b) => ser.int(offsets.char_index(b as usize) as u64)?,
                        Err(_) => value.serialize(*ser)?,
                    },
                    _ => value.serialize(*ser)?,
                };
                dict.set_item(ser.ctx.key(key), v)?;
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
        Ok(self.ctx.key(v).into_any())
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
