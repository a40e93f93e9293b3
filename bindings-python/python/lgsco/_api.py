"""Parsing functions and the :class:`Decision` they return."""

from __future__ import annotations

import os
from pathlib import Path
from typing import (
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Optional,
    Union,
    overload,
)

from . import _lgsco
from ._errors import ParseError
from ._nodes import (
    Boilerplate,
    Contents,
    Diagnostic,
    Entity,
    Findings,
    Header,
    Paragraph,
    Section,
    Span,
    Summary,
    Text,
    _paragraph_dicts,
)

from typing import Literal

__all__ = ["Decision", "parse", "parse_many", "parse_file", "parse_dir"]

StrPath = Union[str, "os.PathLike[str]"]
TextInput = Union[str, bytes, bytearray]


class Decision:
    """One parsed decision statement.

    Attributes mirror the JSON the ``lgsco`` command prints (see
    :meth:`to_dict`), as typed views: :attr:`header`, :attr:`summary`,
    :attr:`sections`, :attr:`paragraphs` (flat, in document order),
    :attr:`entities`, :attr:`findings`, :attr:`diagnostics`, ...

    Every ``span`` holds Python string indices (code points) into
    :attr:`text`, so ``decision.text[node.span.start:node.span.end]`` is the
    node's text.
    """

    __slots__ = ("_native", "_cache", "path")

    _native: _lgsco.NativeDecision
    _cache: Dict[str, Any]
    path: Optional[str]
    """The file it was read from (:func:`parse_file`, :func:`parse_dir`), else ``None``."""

    def __init__(self, native: _lgsco.NativeDecision, path: Optional[str] = None) -> None:
        """Wraps a native tree; use :func:`lgsco.parse` to make one."""
        self._native = native
        self._cache = {}
        self.path = path

    def _get(self, name: str) -> Any:
        try:
            return self._cache[name]
        except KeyError:
            value = self._cache[name] = self._native.get(name)
            return value

    # -- the tree -----------------------------------------------------------

    @property
    def layout(self) -> str:
        """The body's layout: ``numbered``, ``dash``, ``dash_nested``, ``report`` or ``legacy``."""
        return self._get("layout")  # type: ignore[no-any-return]

    @property
    def header(self) -> Header:
        """Title, metadata (authority, reference, category, outcome, date) and marker."""
        return Header(self._get("header"))

    @property
    def summary(self) -> Optional[Summary]:
        """The summary, or ``None``."""
        s = self._get("summary")
        return None if s is None else Summary(s)

    @property
    def contents(self) -> Optional[Contents]:
        """The table of contents some scrapes carry, or ``None``."""
        c = self._get("contents")
        return None if c is None else Contents(c)

    @property
    def sections(self) -> List[Section]:
        """Top-level sections in order, each with its blocks and subsections."""
        return [Section(s) for s in self._get("sections")]

    @property
    def paragraphs(self) -> List[Paragraph]:
        """All paragraphs, flat, in document (ordinal) order: each section's
        own paragraphs, then its subsections'."""
        try:
            flat = self._cache["_paragraphs"]
        except KeyError:
            flat = []
            for s in self._get("sections"):
                _paragraph_dicts(s, flat)
            self._cache["_paragraphs"] = flat
        return [Paragraph(p) for p in flat]

    def paragraph(self, ordinal: int) -> Optional[Paragraph]:
        """The paragraph with this document-wide ordinal, or ``None``."""
        for p in self.paragraphs:
            if p.ordinal == ordinal:
                return p
        return None

    @property
    def closing(self) -> Optional[Text]:
        """The closing line ("Investigator's decision on behalf of the Ombudsman"), or ``None``."""
        c = self._get("closing")
        return None if c is None else Text(c)

    @property
    def boilerplate(self) -> List[Boilerplate]:
        """Web page furniture (cookie banner, "Back to top", ...)."""
        return [Boilerplate(b) for b in self._get("boilerplate")]

    @property
    def entities(self) -> List[Entity]:
        """Typed facts found in the prose (money, dates, legislation, ...)."""
        return [Entity(e) for e in self._get("entities")]

    @property
    def findings(self) -> Findings:
        """What the decision found (fault, injustice, remedy payments, ...)."""
        return Findings(self._get("findings"))

    @property
    def diagnostics(self) -> List[Diagnostic]:
        """What was missing, guessed or odd, with where."""
        return [Diagnostic(d) for d in self._get("diagnostics")]

    @property
    def span(self) -> Span:
        """The whole input."""
        return Span(self._get("span"))

    # -- the text -----------------------------------------------------------

    @property
    def text(self) -> str:
        """The parsed text as a ``str`` (bytes input decoded as UTF-8, a BOM
        kept): the string every span indexes."""
        try:
            return self._cache["_text"]  # type: ignore[no-any-return]
        except KeyError:
            src = self._native.source
            text = src if isinstance(src, str) else bytes(src).decode("utf-8")
            self._cache["_text"] = text
            return text

    @property
    def source(self) -> Union[str, bytes, bytearray]:
        """The object that was parsed, as given."""
        return self._native.source

    def char_index(self, byte_offset: int) -> int:
        """The string index (code points) of a byte offset into the UTF-8 text."""
        return self._native.char_index(byte_offset)

    # -- export -------------------------------------------------------------

    def to_dict(self, byte_offsets: bool = False) -> Dict[str, Any]:
        """The whole tree as plain dicts and lists: the same structure and
        names as the JSON the ``lgsco`` command prints.

        Spans are code-point indices into :attr:`text`; with
        ``byte_offsets=True`` they are UTF-8 byte offsets, as the command
        prints them. Each call returns a new, independent structure.
        """
        return self._native.to_dict(byte_offsets)  # type: ignore[no-any-return]

    def to_json(self, indent: Optional[int] = None, byte_offsets: bool = False) -> str:
        """:meth:`to_dict` as JSON text (``indent`` spaces per level, or compact)."""
        return self._native.to_json(indent, byte_offsets)

    def to_akn(self) -> str:
        """The decision as an Akoma Ntoso 3.0 XML document (a ``judgment``):
        FRBR metadata (the reference as the work number, the decision date,
        the Ombudsman as author, the title naming the authority), ``header``,
        ``judgmentBody`` with the sections in ``introduction``,
        ``background``, ``motivation``, ``remedies`` and ``decision``,
        ``paragraph`` elements with ``eId="para_N"`` and ``num``,
        ``blockList``/``item`` for lists, and ``ref href="#para_N"`` for
        resolved paragraph references. The same text as
        ``lgsco parse --format akn``; valid against the OASIS AKN 3.0 schema.
        """
        return self._native.to_akn()

    def to_markdown(self) -> str:
        """The decision as Markdown: headings, numbered paragraphs carrying
        their ordinal (``**38.**``), lists (``lgsco parse --format md``)."""
        return self._native.to_markdown()

    def to_html(self) -> str:
        """The decision as a standalone HTML page; paragraphs have
        ``id="para_N"``, entities are marked
        ``<span class="entity entity-money" data-kind="money">``
        (``lgsco parse --format html``)."""
        return self._native.to_html()

    # -- Python protocol ----------------------------------------------------

    def __repr__(self) -> str:
        h = self._get("header")
        parts = []
        ref = h.get("reference_id") or h.get("reference")
        if ref:
            parts.append(ref)
        if h.get("authority"):
            parts.append(repr(h["authority"]))
        if h.get("outcome"):
            parts.append(h["outcome"])
        if h.get("decision_date"):
            parts.append(h["decision_date"])
        n_sections = len(self._get("sections"))
        n_paragraphs = self._native.paragraph_count
        parts.append(f"{n_sections} sections, {n_paragraphs} paragraphs")
        if self.path is not None:
            parts.append(f"path={self.path!r}")
        return f"<Decision {' · '.join(parts)}>"

    def __reduce__(self) -> Any:
        # Pickled as its text and parsed again on loading (multiprocessing).
        return (_unpickle, (self._native.source, self.path))


def _unpickle(source: TextInput, path: Optional[str]) -> Decision:
    return Decision(_lgsco.parse(source), path)


def parse(text: TextInput) -> Decision:
    """Parses one decision statement.

    Args:
        text: The statement as ``str``, or as ``bytes`` in UTF-8 (a byte-order
            mark is fine, and spans then count it as a character, as
            ``bytes.decode("utf-8")`` does).

    Returns:
        The :class:`Decision`.

    Raises:
        ParseError: The bytes are not UTF-8 (``code="invalid_utf8"``, with the
            byte ``offset``), the ``str`` holds lone surrogates, or the text
            holds no decision (``empty``, ``not_a_decision``; with ``line`` and
            ``column``).
        TypeError: ``text`` is neither ``str`` nor ``bytes``.
    """
    return Decision(_lgsco.parse(text))


@overload
def parse_many(
    texts: Iterable[TextInput],
    threads: Optional[int] = None,
    errors: Literal["raise"] = "raise",
) -> List[Decision]: ...


@overload
def parse_many(
    texts: Iterable[TextInput],
    threads: Optional[int] = None,
    *,
    errors: Literal["return"],
) -> List[Union[Decision, ParseError]]: ...


@overload
def parse_many(
    texts: Iterable[TextInput],
    threads: Optional[int] = None,
    errors: str = "raise",
) -> List[Union[Decision, ParseError]]: ...


def parse_many(
    texts: Iterable[TextInput],
    threads: Optional[int] = None,
    errors: str = "raise",
) -> Any:
    """Parses many statements in parallel, without holding the GIL.

    Args:
        texts: ``str`` or UTF-8 ``bytes`` items (any iterable; it is read
            whole first).
        threads: Number of threads; ``None`` uses one per CPU core.
        errors: ``"raise"`` raises the :class:`ParseError` of the first text
            (in input order) that fails, its ``index`` set; ``"return"`` puts
            the :class:`ParseError` in the result list in that text's place.

    Returns:
        One result per text, in input order.

    Raises:
        ParseError: With ``errors="raise"``, for the first text that fails.
        TypeError: An item is neither ``str`` nor ``bytes``.
        ValueError: ``threads`` below 1 or an unknown ``errors`` value.
    """
    out = _lgsco.parse_many(texts, threads, errors)
    return [x if isinstance(x, ParseError) else Decision(x) for x in out]


def parse_file(path: StrPath) -> Decision:
    """Reads a file (UTF-8) and parses it; the decision's ``path`` is set.

    Raises:
        ParseError: As :func:`parse`, with ``path`` set.
        OSError: The file cannot be read.
    """
    p = os.fspath(path)
    with open(p, "rb") as f:
        data = f.read()
    try:
        return Decision(_lgsco.parse(data), p)
    except ParseError as e:
        e.path = p
        raise


@overload
def parse_dir(
    path: StrPath,
    pattern: str = "*.txt",
    *,
    recursive: bool = False,
    threads: Optional[int] = None,
    errors: Literal["raise"] = "raise",
    batch_size: int = 256,
) -> Iterator[Decision]: ...


@overload
def parse_dir(
    path: StrPath,
    pattern: str = "*.txt",
    *,
    recursive: bool = False,
    threads: Optional[int] = None,
    errors: Literal["return"],
    batch_size: int = 256,
) -> Iterator[Union[Decision, ParseError]]: ...


def parse_dir(
    path: StrPath,
    pattern: str = "*.txt",
    *,
    recursive: bool = False,
    threads: Optional[int] = None,
    errors: str = "raise",
    batch_size: int = 256,
) -> Iterator[Any]:
    """Parses the files in a directory matching ``pattern``, sorted by name.

    A generator: files are read and parsed in batches of ``batch_size`` with
    :func:`parse_many` (in parallel), and decisions are yielded one by one,
    each with its ``path`` set.

    Args:
        path: The directory.
        pattern: A glob pattern for file names (``pathlib`` syntax).
        recursive: Also look in subdirectories.
        threads: As for :func:`parse_many`.
        errors: ``"raise"`` (stop at the first failing file) or ``"return"``
            (yield its :class:`ParseError`, ``path`` set, in its place).
        batch_size: Files read and parsed together.

    Raises:
        NotADirectoryError: ``path`` is not a directory.
        ParseError: With ``errors="raise"``, for the first failing file.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f'errors must be "raise" or "return", not {errors!r}')
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    root = Path(path)
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {os.fspath(path)!r}")
    found = root.rglob(pattern) if recursive else root.glob(pattern)
    files = sorted(str(p) for p in found if p.is_file())
    return _parse_files(files, threads, errors, batch_size)


def _parse_files(
    files: List[str], threads: Optional[int], errors: str, batch_size: int
) -> Iterator[Any]:
    for i in range(0, len(files), batch_size):
        names = files[i : i + batch_size]
        texts = []
        for name in names:
            with open(name, "rb") as f:
                texts.append(f.read())
        results = _lgsco.parse_many(texts, threads, "return")
        for name, r in zip(names, results):
            if isinstance(r, ParseError):
                r.path = name
                r.index = None
                if errors == "raise":
                    raise r
                yield r
            else:
                yield Decision(r, name)
