//! `lgsco._lgsco`: the native part of the `lgsco` Python package.
//!
//! It holds no parsing logic. It takes `str`/`bytes` from Python, calls
//! [`lgsco_core::parse`] (without the GIL, in parallel for `parse_many`),
//! converts the tree to Python objects (the CLI's JSON structure, built
//! directly by a serde serializer, [`pyser`]) with every span's byte offsets
//! turned into code-point indices, and turns errors into `lgsco.ParseError`.
//!
//! Conversion to Python objects is lazy and per top-level field
//! ([`NativeDecision::get`]): `parse` only parses and builds the offset table.

mod offsets;
mod pyser;

use std::sync::{Arc, Mutex};

use lgsco_core::{Decision, ParseError as CoreError};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyInt, PyList, PyString, PyType};
use serde_json::Value;

use offsets::{BadUtf8, Offsets};
use pyser::Ctx;

// ---------------------------------------------------------------------------
// Input

/// A text handed over from Python, readable without the GIL.
enum Input {
    Str(PyBackedStr),
    /// A `str`'s own UTF-8 buffer (CPython 3.10+, no copy).
    Utf8(Utf8Str),
    Bytes(PyBackedBytes),
    /// A `str` that cannot be UTF-8 (lone surrogates).
    Invalid(BadUtf8),
}

/// The UTF-8 form CPython keeps inside a `str` (`PyUnicode_AsUTF8AndSize`),
/// borrowed for as long as the `str` is held.
struct Utf8Str {
    ptr: *const u8,
    len: usize,
    /// One byte per character: byte offsets are string indices.
    ascii: bool,
    _owner: Py<PyString>,
}

// SAFETY: the buffer belongs to an immutable `str` that `_owner` keeps alive;
// CPython never changes it after creating it (under the GIL, before we read).
unsafe impl Send for Utf8Str {}
unsafe impl Sync for Utf8Str {}

impl std::ops::Deref for Utf8Str {
    type Target = str;
    fn deref(&self) -> &str {
        // SAFETY: CPython returned this buffer as the str's UTF-8 encoding.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr, self.len)) }
    }
}

extern "C" {
    // In the stable ABI from Python 3.10 (and exported by every CPython 3);
    // pyo3's abi3-py39 declarations leave it out, so it is called only on
    // 3.10 and later.
    fn PyUnicode_AsUTF8AndSize(
        unicode: *mut pyo3::ffi::PyObject,
        size: *mut pyo3::ffi::Py_ssize_t,
    ) -> *const std::os::raw::c_char;
}

static HAS_AS_UTF8: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// The `str`'s UTF-8 without copying it, where the interpreter offers that.
fn borrow_utf8(s: &Bound<'_, PyString>) -> Option<Utf8Str> {
    let py = s.py();
    if !*HAS_AS_UTF8.get_or_init(|| py.version_info() >= (3, 10)) {
        return None;
    }
    let mut size: pyo3::ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live str and we hold the GIL.
    let ptr = unsafe { PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size) };
    if ptr.is_null() {
        // Lone surrogates: clear the error; the caller finds where.
        let _ = PyErr::take(py);
        return None;
    }
    // SAFETY: as above.
    let chars = unsafe { pyo3::ffi::PyUnicode_GetLength(s.as_ptr()) };
    Some(Utf8Str {
        ptr: ptr as *const u8,
        len: size as usize,
        ascii: chars == size,
        _owner: s.clone().unbind(),
    })
}

/// Why one input gave no tree.
enum Failure {
    Core(CoreError),
    Utf8(BadUtf8),
}

/// One parsed input, ready to be wrapped (no Python objects made).
///
/// The tree's leaves borrow from the text (`Cow::Borrowed`), which is the
/// buffer of a Python object (or pyo3's copy of a `bytearray`) that `input`
/// owns: it never moves or changes while `input` lives, whatever moves
/// `input` itself. So the tree is kept with the input and its lifetime
/// erased; `decision` is declared first, so it is dropped first.
struct Parsed {
    decision: Decision<'static>,
    offsets: Offsets,
    input: Input,
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// Reads a `str`, `bytes` or `bytearray`; anything else is a `TypeError`.
fn extract_input(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Input> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        if let Some(utf8) = borrow_utf8(s) {
            return Ok(Input::Utf8(utf8));
        }
        return match s.extract::<PyBackedStr>() {
            Ok(backed) => Ok(Input::Str(backed)),
            Err(_) => {
                // Lone surrogates: find the first one through `surrogatepass`,
                // which writes them as (invalid) three-byte sequences.
                let raw = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
                let raw = raw.cast::<PyBytes>()?.as_bytes();
                match std::str::from_utf8(raw) {
                    Err(e) => Ok(Input::Invalid(BadUtf8::locate(raw, e))),
                    Ok(_) => Err(PyValueError::new_err("string cannot be encoded")),
                }
            }
        };
    }
    if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        return Ok(Input::Bytes(obj.extract::<PyBackedBytes>()?));
    }
    let _ = py;
    Err(PyTypeError::new_err(format!(
        "{what} expects str or bytes, not {}",
        type_name(obj)
    )))
}

/// The input's text, if it is UTF-8.
fn text_of(input: &Input) -> Result<&str, Failure> {
    match input {
        Input::Str(s) => Ok(s),
        Input::Utf8(s) => Ok(s),
        Input::Bytes(b) => std::str::from_utf8(b).map_err(|e| Failure::Utf8(BadUtf8::locate(b, e))),
        Input::Invalid(bad) => Err(Failure::Utf8(*bad)),
    }
}

/// Parses one input; runs without the GIL. A failure gives the input back.
fn run(input: Input) -> Result<Parsed, (Failure, Input)> {
    let (decision, offsets) = match text_of(&input) {
        Err(failure) => return Err((failure, input)),
        Ok(text) => match lgsco_core::parse(text) {
            Err(e) => return Err((Failure::Core(e), input)),
            Ok(decision) => {
                let offsets = match &input {
                    Input::Utf8(s) if s.ascii => Offsets::ascii(s.len),
                    _ => Offsets::new(text),
                };
                // SAFETY: `text` is not in `input` itself but in a buffer it
                // owns that never moves or changes (see `Parsed`), and the
                // tree goes into a `Parsed` with `input`, dropped before it.
                let decision =
                    unsafe { std::mem::transmute::<Decision<'_>, Decision<'static>>(decision) };
                (decision, offsets)
            }
        },
    };
    Ok(Parsed {
        decision,
        offsets,
        input,
    })
}

// ---------------------------------------------------------------------------
// Errors

static PARSE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn parse_error_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    PARSE_ERROR.import(py, "lgsco._errors", "ParseError")
}

/// A `lgsco.ParseError` instance (not raised).
fn make_error(
    py: Python<'_>,
    failure: &Failure,
    input: &Input,
    index: Option<usize>,
) -> PyResult<Py<PyAny>> {
    let kwargs = PyDict::new(py);
    let message = match failure {
        Failure::Core(e) => {
            kwargs.set_item("line", e.line())?;
            kwargs.set_item("column", e.column())?;
            kwargs.set_item("offset", e.offset())?;
            let char_offset = match input {
                Input::Str(s) => Offsets::new(s).char_index(e.offset()),
                Input::Utf8(s) => Offsets::new(s).char_index(e.offset()),
                Input::Bytes(b) => match std::str::from_utf8(b) {
                    Ok(t) => Offsets::new(t).char_index(e.offset()),
                    Err(_) => e.offset(),
                },
                Input::Invalid(_) => e.offset(),
            };
            kwargs.set_item("char_offset", char_offset)?;
            kwargs.set_item("code", e.code())?;
            e.to_string()
        }
        Failure::Utf8(bad) => {
            kwargs.set_item("line", bad.line)?;
            kwargs.set_item("column", bad.column)?;
            kwargs.set_item("offset", bad.offset)?;
            kwargs.set_item("char_offset", bad.char_offset)?;
            let (code, what) = match input {
                Input::Str(_) | Input::Utf8(_) | Input::Invalid(_) => (
                    "invalid_unicode",
                    format!(
                        "text holds a lone surrogate at index {}, which is not Unicode text",
                        bad.char_offset
                    ),
                ),
                _ => (
                    "invalid_utf8",
                    match bad.byte {
                        Some(b) if !bad.truncated => format!(
                            "input is not valid UTF-8: byte 0x{b:02x} at byte offset {}",
                            bad.offset
                        ),
                        _ => format!(
                            "input is not valid UTF-8: truncated character at byte offset {}",
                            bad.offset
                        ),
                    },
                ),
            };
            kwargs.set_item("code", code)?;
            format!("{what} (line {}, column {})", bad.line, bad.column)
        }
    };
    if let Some(i) = index {
        kwargs.set_item("index", i)?;
    }
    let err = parse_error_type(py)?.call((message,), Some(&kwargs))?;
    Ok(err.unbind())
}

fn raise(py: Python<'_>, failure: &Failure, input: &Input, index: Option<usize>) -> PyErr {
    match make_error(py, failure, input, index) {
        Ok(err) => PyErr::from_value(err.into_bound(py)),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------------------
// Value -> Python, converting spans

/// True for a serialised [`lgsco_core::Span`]: exactly `start`, `end`, `line`.
fn is_span(map: &serde_json::Map<String, Value>) -> bool {
    map.len() == 3
        && map.get("start").is_some_and(Value::is_u64)
        && map.get("end").is_some_and(Value::is_u64)
        && map.get("line").is_some_and(Value::is_u64)
}

/// Rewrites every span's `start`/`end` in place to code-point indices.
fn convert_spans(value: &mut Value, offsets: &Offsets) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| convert_spans(v, offsets)),
        Value::Object(map) => {
            if is_span(map) {
                for key in ["start", "end"] {
                    if let Some(v) = map.get_mut(key) {
                        let b = v.as_u64().unwrap_or(0) as usize;
                        *v = Value::from(offsets.char_index(b) as u64);
                    }
                }
            } else {
                map.values_mut().for_each(|v| convert_spans(v, offsets));
            }
        }
        _ => {}
    }
}

fn json_error(e: serde_json::Error) -> PyErr {
    PyValueError::new_err(format!("cannot serialise the tree: {e}"))
}

// ---------------------------------------------------------------------------
// The parsed decision

/// A parsed decision held natively; `lgsco.Decision` wraps it.
///
/// Python objects for its fields are built on demand by :meth:`get`, with span
/// offsets as code-point indices into :attr:`source`.
#[pyclass(frozen, module = "lgsco._lgsco")]
struct NativeDecision {
    /// Borrows from `_input`'s text (see [`Parsed`]): dropped first.
    decision: Decision<'static>,
    offsets: Offsets,
    _input: Input,
    /// The object parsed: a `str`, `bytes` or `bytearray`.
    source: Py<PyAny>,
}

#[pymethods]
impl NativeDecision {
    /// The Python value of one top-level field of the JSON (``"header"``,
    /// ``"sections"``, ...), spans in code points. Built anew on each call.
    fn get<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let ctx = Ctx::new(py, Some(&self.offsets));
        let d = &self.decision;
        match name {
            "layout" => ctx.convert(&d.layout),
            "header" => ctx.convert(&d.header),
            "summary" => ctx.convert(&d.summary),
            "contents" => ctx.convert(&d.contents),
            "sections" => ctx.convert(&d.sections),
            "closing" => ctx.convert(&d.closing),
            "boilerplate" => ctx.convert(&d.boilerplate),
            "entities" => ctx.convert(&d.entities),
            "findings" => ctx.convert(&d.findings),
            "diagnostics" => ctx.convert(&d.diagnostics),
            "span" => ctx.convert(&d.span),
            _ => Err(PyValueError::new_err(format!(
                "a decision has no field {name:?}"
            ))),
        }
    }

    /// The whole tree as plain dicts and lists (the CLI's JSON structure).
    #[pyo3(signature = (byte_offsets = false))]
    fn to_dict<'py>(&self, py: Python<'py>, byte_offsets: bool) -> PyResult<Bound<'py, PyAny>> {
        let offsets = if byte_offsets {
            None
        } else {
            Some(&self.offsets)
        };
        Ctx::new(py, offsets).convert(&self.decision)
    }

    /// The tree as JSON text. With ``byte_offsets=True`` spans are byte
    /// offsets, exactly as the ``lgsco`` command prints them.
    #[pyo3(signature = (indent = None, byte_offsets = false))]
    fn to_json(
        &self,
        py: Python<'_>,
        indent: Option<usize>,
        byte_offsets: bool,
    ) -> PyResult<String> {
        py.detach(|| {
            let mut value = serde_json::to_value(&self.decision)?;
            if !byte_offsets && !self.offsets.is_identity() {
                convert_spans(&mut value, &self.offsets);
            }
            match indent {
                None => serde_json::to_string(&value),
                Some(n) => {
                    let pad = " ".repeat(n);
                    let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
                    let mut out = Vec::new();
                    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
                    serde::Serialize::serialize(&value, &mut ser)?;
                    Ok(String::from_utf8(out).unwrap_or_default())
                }
            }
        })
        .map_err(json_error)
    }

    /// The decision as Akoma Ntoso 3.0 XML (a ``judgment``), as
    /// ``lgsco parse --format akn`` prints it.
    fn to_akn(&self, py: Python<'_>) -> String {
        py.detach(|| self.decision.to_akn())
    }

    /// The decision as Markdown, as ``lgsco parse --format md`` prints it.
    fn to_markdown(&self, py: Python<'_>) -> String {
        py.detach(|| self.decision.to_markdown())
    }

    /// The decision as a standalone HTML page, as ``lgsco parse --format
    /// html`` prints it.
    fn to_html(&self, py: Python<'_>) -> String {
        py.detach(|| self.decision.to_html())
    }

    /// The code-point index of a byte offset into the parsed text.
    fn char_index(&self, byte_offset: usize) -> usize {
        self.offsets.char_index(byte_offset)
    }

    /// The object that was parsed (``str``, ``bytes`` or ``bytearray``).
    #[getter]
    fn source(&self, py: Python<'_>) -> Py<PyAny> {
        self.source.clone_ref(py)
    }

    /// Number of paragraphs (flat, all sections).
    #[getter]
    fn paragraph_count(&self) -> usize {
        self.decision.paragraphs().len()
    }
}

fn wrap(py: Python<'_>, parsed: Parsed, source: Py<PyAny>) -> PyResult<Py<NativeDecision>> {
    Py::new(
        py,
        NativeDecision {
            decision: parsed.decision,
            offsets: parsed.offsets,
            _input: parsed.input,
            source,
        },
    )
}

// ---------------------------------------------------------------------------
// Functions

/// Parses one decision statement (``str``, or UTF-8 ``bytes``).
#[pyfunction]
fn parse(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<NativeDecision>> {
    let input = extract_input(text, "parse()")?;
    match py.detach(|| run(input)) {
        Ok(parsed) => wrap(py, parsed, text.clone().unbind()),
        Err((failure, input)) => Err(raise(py, &failure, &input, None)),
    }
}

/// Thread pools by size, built once.
static POOLS: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());

fn pool(threads: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, p)) = pools.iter().find(|(n, _)| *n == threads) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("lgsco-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {threads} threads: {e}")))?;
    let p = Arc::new(p);
    pools.push((threads, p.clone()));
    Ok(p)
}

/// `threads` as a count: `None`, or an int of at least 1. Below 1 is a
/// `ValueError` (as documented), however negative; an int too large for a
/// machine word stays an `OverflowError`.
fn thread_count(threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(obj) = threads.filter(|t| !t.is_none()) else {
        return Ok(None);
    };
    let below_one = || {
        PyValueError::new_err(format!(
            "threads must be at least 1 (or None for one per CPU core), not {obj}"
        ))
    };
    match obj.extract::<usize>() {
        Ok(0) => Err(below_one()),
        Ok(n) => Ok(Some(n)),
        Err(e) => {
            if obj.is_instance_of::<PyInt>() && obj.lt(0)? {
                Err(below_one())
            } else {
                Err(e)
            }
        }
    }
}

/// Parses many texts in parallel without the GIL; results keep their order.
///
/// ``errors="raise"`` raises the first failing text's ``ParseError`` (with its
/// ``index``); ``errors="return"`` puts it in the list in that text's place.
#[pyfunction]
#[pyo3(signature = (texts, threads = None, errors = "raise"))]
fn parse_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<&Bound<'_, PyAny>>,
    errors: &str,
) -> PyResult<Py<PyList>> {
    let threads = thread_count(threads)?;
    let return_errors = match errors {
        "raise" => false,
        "return" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"return\", not {other:?}"
            )))
        }
    };
    if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "parse_many() expects an iterable of texts, not a single text; use parse()",
        ));
    }
    let mut sources = Vec::new();
    let mut inputs = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        let input = extract_input(&item, "parse_many()")
            .map_err(|e| PyTypeError::new_err(format!("item {i}: {}", e.value(py))))?;
        inputs.push(input);
        sources.push(item.unbind());
    }

    let results: Vec<Result<Parsed, (Failure, Input)>> = {
        use rayon::prelude::*;
        match threads {
            Some(1) => py.detach(|| inputs.into_iter().map(run).collect()),
            Some(n) => {
                let p = pool(n)?;
                py.detach(|| p.install(|| inputs.into_par_iter().map(run).collect()))
            }
            None => py.detach(|| inputs.into_par_iter().map(run).collect()),
        }
    };

    let out = PyList::empty(py);
    for (i, (result, source)) in results.into_iter().zip(sources).enumerate() {
        match result {
            Ok(parsed) => out.append(wrap(py, parsed, source)?)?,
            Err((failure, input)) if return_errors => {
                out.append(make_error(py, &failure, &input, Some(i))?)?
            }
            Err((failure, input)) => return Err(raise(py, &failure, &input, Some(i))),
        }
    }
    Ok(out.unbind())
}

/// The version of the Rust crates this module was built from.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Native part of the ``lgsco`` package; use ``lgsco`` itself.
#[pymodule]
fn _lgsco(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_class::<NativeDecision>()?;
    m.add("__version__", VERSION)?;
    Ok(())
}
