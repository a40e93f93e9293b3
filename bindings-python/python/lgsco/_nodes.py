"""Attribute-access views over the tree's plain dicts.

Every node class wraps one dict of :meth:`lgsco.Decision.to_dict`'s structure
(the JSON the ``lgsco`` command prints, spans in code points). Views are made
on access; :meth:`Node.to_dict` gives an independent copy of the dict.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Iterator, List, Optional, Union

__all__ = [
    "Node",
    "Span",
    "Text",
    "Category",
    "Field",
    "Header",
    "Summary",
    "Contents",
    "Item",
    "Paragraph",
    "ListBlock",
    "Block",
    "Subsection",
    "Section",
    "Boilerplate",
    "Entity",
    "Findings",
    "Diagnostic",
]


def _copy(value: Any) -> Any:
    """Deep copy of a JSON-shaped value (dicts, lists, scalars)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _wrap(value: Any) -> Any:
    """A generic view of a JSON value: dicts become :class:`Node`."""
    if isinstance(value, dict):
        if value.keys() == {"start", "end", "line"}:
            return Span(value)
        if value.keys() == {"text", "span"}:
            return Text(value)
        return Node(value)
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


def _date(value: Optional[str]) -> Optional[_dt.date]:
    return None if value is None else _dt.date.fromisoformat(value)


class Node:
    """A view of one node of the tree (a dict of the JSON structure).

    Known fields are typed properties on the subclasses; any other key of the
    dict is reachable as an attribute too (dicts inside come back as
    :class:`Node`). Two views are equal when their dicts are equal.
    """

    __slots__ = ("_d",)

    def __init__(self, data: Dict[str, Any]) -> None:
        self._d = data

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            value = self._d[name]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}"
            ) from None
        return _wrap(value)

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self._d))

    def keys(self) -> List[str]:
        """The names of this node's fields, as in the JSON."""
        return list(self._d)

    def to_dict(self) -> Dict[str, Any]:
        """This node as plain dicts and lists (an independent copy)."""
        return _copy(self._d)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Node):
            return type(self) is type(other) and self._d == other._d
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{k}={v!r}" for k, v in self._d.items() if not isinstance(v, (dict, list))
        )
        return f"{type(self).__name__}({fields})"

    def __getstate__(self) -> Dict[str, Any]:
        return self._d

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._d = state


class Span(Node):
    """Where a node is in the text: ``text[span.start:span.end]``.

    ``start`` and ``end`` are Python string indices (code points) into the
    parsed text (:attr:`lgsco.Decision.text`); ``line`` is the 1-based line
    of ``start``.
    """

    __slots__ = ()

    @property
    def start(self) -> int:
        """Index of the first character (code points)."""
        return self._d["start"]  # type: ignore[no-any-return]

    @property
    def end(self) -> int:
        """Index one past the last character (code points)."""
        return self._d["end"]  # type: ignore[no-any-return]

    @property
    def line(self) -> int:
        """1-based line number of ``start``."""
        return self._d["line"]  # type: ignore[no-any-return]

    def slice(self, text: str) -> str:
        """The part of ``text`` this span covers."""
        return text[self._d["start"] : self._d["end"]]

    def __len__(self) -> int:
        return max(0, self._d["end"] - self._d["start"])

    def __iter__(self) -> Iterator[int]:
        """``start, end = span``."""
        yield self._d["start"]
        yield self._d["end"]

    def __repr__(self) -> str:
        return f"Span({self._d['start']}..{self._d['end']}, line {self._d['line']})"


class _Spanned(Node):
    __slots__ = ()

    @property
    def span(self) -> Span:
        """Where this node is in the text."""
        return Span(self._d["span"])


class Text(_Spanned):
    """A leaf: a piece of the input kept exactly as written.

    ``text == decision.text[span.start:span.end]``.
    """

    __slots__ = ()

    @property
    def text(self) -> str:
        """The text as written."""
        return self._d["text"]  # type: ignore[no-any-return]

    def __str__(self) -> str:
        return self._d["text"]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"Text({self._d['text']!r}, {Span(self._d['span'])!r})"


def _text(value: Optional[Dict[str, Any]]) -> Optional[Text]:
    return None if value is None else Text(value)


class Category(Node):
    """``Category : Area > Subcategory``."""

    __slots__ = ()

    @property
    def area(self) -> Optional[str]:
        """The area, e.g. ``Children's care services``."""
        return self._d["area"]  # type: ignore[no-any-return]

    @property
    def subcategory(self) -> Optional[str]:
        """The subcategory, e.g. ``Looked after children``."""
        return self._d["subcategory"]  # type: ignore[no-any-return]

    def __str__(self) -> str:
        return " > ".join(p for p in (self.area, self.subcategory) if p)

    def __repr__(self) -> str:
        return f"Category(area={self.area!r}, subcategory={self.subcategory!r})"


class Field(_Spanned):
    """A ``Label : value`` line of the metadata block."""

    __slots__ = ()

    @property
    def name(self) -> str:
        """``category``, ``decision``, ``decision_date`` or ``satisfied_with_response``."""
        return self._d["name"]  # type: ignore[no-any-return]

    @property
    def label(self) -> Text:
        """The label with its colon, e.g. ``Decision date :``."""
        return Text(self._d["label"])

    @property
    def value(self) -> Optional[Text]:
        """The value as written."""
        return _text(self._d["value"])

    @property
    def date(self) -> Optional[_dt.date]:
        """A date read from the value, where the field holds one."""
        return _date(self._d["date"])


class Header(Node):
    """Title, metadata block and final-decision marker."""

    __slots__ = ()

    @property
    def authority(self) -> Optional[str]:
        """The council or care provider, from the title line."""
        return self._d["authority"]  # type: ignore[no-any-return]

    @property
    def reference(self) -> Optional[str]:
        """The reference as written, e.g. ``19 011 114``."""
        return self._d["reference"]  # type: ignore[no-any-return]

    @property
    def reference_id(self) -> Optional[str]:
        """The reference as the website writes it, e.g. ``19-011-114``."""
        return self._d["reference_id"]  # type: ignore[no-any-return]

    @property
    def category(self) -> Category:
        """``Category : Area > Subcategory`` (fields ``None`` when absent)."""
        return Category(self._d["category"])

    @property
    def outcome(self) -> Optional[str]:
        """The ``Decision :`` line as written, e.g. ``Upheld``."""
        return self._d["outcome"]  # type: ignore[no-any-return]

    @property
    def outcome_kind(self) -> Optional[str]:
        """The outcome classified: ``upheld``, ``not_upheld``,
        ``closed_after_initial_enquiries``, ... or ``other``."""
        return self._d["outcome_kind"]  # type: ignore[no-any-return]

    @property
    def decision_date(self) -> Optional[_dt.date]:
        """The ``Decision date :`` line as a date."""
        return _date(self._d["decision_date"])

    @property
    def title(self) -> Optional[Text]:
        """The title line as written."""
        return _text(self._d["title"])

    @property
    def fields(self) -> List[Field]:
        """Every ``Label : value`` metadata line, in order."""
        return [Field(f) for f in self._d["fields"]]

    @property
    def marker(self) -> Optional[Text]:
        """``The Ombudsman's final decision:``."""
        return _text(self._d["marker"])

    @property
    def span(self) -> Optional[Span]:
        """From the title line to the marker (or the last header line)."""
        s = self._d["span"]
        return None if s is None else Span(s)

    def __repr__(self) -> str:
        return (
            f"Header(authority={self.authority!r}, reference={self.reference!r}, "
            f"category={str(self.category)!r}, outcome={self.outcome!r}, "
            f"decision_date={self._d['decision_date']!r})"
        )


class Summary(_Spanned):
    """The summary: inline ``Summary: text`` or a ``Summary`` heading and its prose."""

    __slots__ = ()

    @property
    def label(self) -> Optional[Text]:
        """``Summary:`` or ``Summary``."""
        return _text(self._d["label"])

    @property
    def text(self) -> str:
        """The summary's prose (its pieces joined by newlines)."""
        return self._d["text"]  # type: ignore[no-any-return]

    @property
    def content(self) -> List[Text]:
        """The pieces of prose, with their spans."""
        return [Text(t) for t in self._d["content"]]

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Summary({_short(self.text)!r})"


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class Item(_Spanned):
    """A list item: bullet, lettered sub-item, or inferred dash sub-item."""

    __slots__ = ()

    @property
    def kind(self) -> str:
        """``bullet``, ``lettered`` or ``dash``."""
        return self._d["kind"]  # type: ignore[no-any-return]

    @property
    def marker(self) -> Text:
        """The marker as written: ``•``, ``-``, ``1.``."""
        return Text(self._d["marker"])

    @property
    def label(self) -> Optional[str]:
        """The letter the website shows for lettered items (``a``, ``b``, ...)."""
        return self._d["label"]  # type: ignore[no-any-return]

    @property
    def text(self) -> str:
        """The item's own text (pieces joined by newlines)."""
        return self._d["text"]  # type: ignore[no-any-return]

    @property
    def content(self) -> List[Text]:
        """The pieces of the item's own text, with their spans."""
        return [Text(t) for t in self._d["content"]]

    @property
    def items(self) -> List[Item]:
        """Sub-items."""
        return [Item(i) for i in self._d["items"]]

    def __repr__(self) -> str:
        return f"Item({self.kind}, {_short(self.text)!r})"


class Contents(_Spanned):
    """A table of contents: dash lines naming the headings, before the marker."""

    __slots__ = ()

    @property
    def entries(self) -> List[Item]:
        """The entries, in order."""
        return [Item(i) for i in self._d["entries"]]


class Paragraph(_Spanned):
    """A paragraph: numbered (``  1. ``), dash (``- ``) or prose."""

    __slots__ = ()

    type = "paragraph"

    @property
    def ordinal(self) -> Optional[int]:
        """Document-wide paragraph number as the website prints it (1..N);
        ``None`` for unnumbered lines in a numbered layout."""
        return self._d["ordinal"]  # type: ignore[no-any-return]

    @property
    def number(self) -> Optional[int]:
        """The number as printed in this text (restarts per section in scrapes)."""
        return self._d["number"]  # type: ignore[no-any-return]

    @property
    def marker(self) -> Optional[Text]:
        """The list marker (``1.``, ``-``), if any."""
        return _text(self._d["marker"])

    @property
    def text(self) -> str:
        """The paragraph's own text, without its items (pieces joined by newlines)."""
        return self._d["text"]  # type: ignore[no-any-return]

    @property
    def content(self) -> List[Text]:
        """The pieces of own text: the lead text and lines continuing it after its items."""
        return [Text(t) for t in self._d["content"]]

    @property
    def items(self) -> List[Item]:
        """Bullets and sub-items."""
        return [Item(i) for i in self._d["items"]]

    def __repr__(self) -> str:
        return f"Paragraph({self.ordinal!r}, {_short(self.text)!r})"


class ListBlock(_Spanned):
    """List items with no paragraph to hang from (rare; damaged text)."""

    __slots__ = ()

    type = "list"

    @property
    def items(self) -> List[Item]:
        """The items."""
        return [Item(i) for i in self._d["items"]]

    def __repr__(self) -> str:
        return f"ListBlock({len(self._d['items'])} items)"


Block = Union[Paragraph, ListBlock]
"""A block of a section's body."""


def _block(d: Dict[str, Any]) -> Block:
    return ListBlock(d) if d.get("type") == "list" else Paragraph(d)


def _paragraph_dicts(d: Dict[str, Any], out: List[Dict[str, Any]]) -> None:
    """A section's paragraph dicts in document order (blocks, then subsections)."""
    for b in d["blocks"]:
        if b.get("type") == "paragraph":
            out.append(b)
    for s in d["subsections"]:
        _paragraph_dicts(s, out)


class _SectionBase(_Spanned):
    __slots__ = ()

    @property
    def kind(self) -> str:
        """What the heading is, from its words (``complaint``, ``what_found``,
        ``law_and_guidance``, ..., ``other``)."""
        return self._d["kind"]  # type: ignore[no-any-return]

    @property
    def blocks(self) -> List[Block]:
        """The body before any sub-heading."""
        return [_block(b) for b in self._d["blocks"]]

    @property
    def subsections(self) -> List[Subsection]:
        """Sub-headings and their bodies."""
        return [Subsection(s) for s in self._d["subsections"]]

    @property
    def paragraphs(self) -> List[Paragraph]:
        """Every paragraph inside, subsections included, in document order."""
        out: List[Dict[str, Any]] = []
        _paragraph_dicts(self._d, out)
        return [Paragraph(p) for p in out]

    @property
    def title(self) -> Optional[str]:
        """The heading's text, or ``None``."""
        h = self._d["heading"]
        return None if h is None else h["text"]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.title!r}, kind={self.kind!r})"


class Subsection(_SectionBase):
    """A sub-heading inside a section ("Law and guidance", "My findings", a topic)."""

    __slots__ = ()

    @property
    def heading(self) -> Text:
        """The heading line."""
        return Text(self._d["heading"])


class Section(_SectionBase):
    """A top-level section ("The complaint", "What I found", ...)."""

    __slots__ = ()

    @property
    def heading(self) -> Optional[Text]:
        """The heading line; ``None`` for the body of a page without headings."""
        return _text(self._d["heading"])


class Boilerplate(_Spanned):
    """A line of web page furniture."""

    __slots__ = ()

    @property
    def kind(self) -> str:
        """``cookies``, ``navigation``, ``preamble`` or ``trailer``."""
        return self._d["kind"]  # type: ignore[no-any-return]

    @property
    def text(self) -> str:
        """The line as written."""
        return self._d["text"]  # type: ignore[no-any-return]


class Entity(_Spanned):
    """A typed fact found in the prose (money, a date, legislation, ...)."""

    __slots__ = ()

    @property
    def kind(self) -> str:
        """``money``, ``date``, ``legislation``, ``remedy_action``,
        ``paragraph_ref``, ``party``, ..."""
        return self._d["kind"]  # type: ignore[no-any-return]

    @property
    def value(self) -> Any:
        """The typed value; its shape depends on :attr:`kind` (a :class:`Node`
        for objects, e.g. money has ``pence``, ``currency``, ``period``)."""
        return _wrap(self._d.get("value"))

    @property
    def text(self) -> str:
        """Exactly the text the entity was read from."""
        return self._d["text"]  # type: ignore[no-any-return]

    @property
    def paragraph(self) -> Optional[int]:
        """Ordinal of the paragraph holding it, or ``None``."""
        return self._d["paragraph"]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"Entity({self.kind}, {self.text!r}, paragraph={self.paragraph!r})"


class Findings(Node):
    """What the decision found, derived from the outcome and the prose.

    Its fields (fault, injustice, whether investigated, remedy payments
    total, ...) are attributes; see the JSON schema for the full list.
    """

    __slots__ = ()


class Diagnostic(_Spanned):
    """Something missing, guessed or odd in a decision that still parsed."""

    __slots__ = ()

    @property
    def code(self) -> str:
        """Stable machine-readable code, e.g. ``missing_metadata``."""
        return self._d["code"]  # type: ignore[no-any-return]

    @property
    def severity(self) -> str:
        """``warning`` or ``info``."""
        return self._d["severity"]  # type: ignore[no-any-return]

    @property
    def message(self) -> str:
        """A sentence for people."""
        return self._d["message"]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"Diagnostic({self.severity}, {self.code!r}, {self.message!r})"
