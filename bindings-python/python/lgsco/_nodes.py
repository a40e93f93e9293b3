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
    "Finding",
    "Investigated",
    "PaymentsTotal",
    "EntityValue",
    "Money",
    "DatePoint",
    "DateValue",
    "Legislation",
    "Deadline",
    "RemedyAction",
    "ParagraphRef",
    "Party",
    "Mention",
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
        out: Dict[str, Any] = _copy(self._d)
        return out

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
        return max(0, int(self._d["end"]) - int(self._d["start"]))

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


def _span(value: Optional[Dict[str, Any]]) -> Optional[Span]:
    return None if value is None else Span(value)


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
        return None if h is None else str(h["text"])

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
    def value(self) -> EntityValue:
        """The typed value; its class depends on :attr:`kind` (:class:`Money`,
        :class:`DateValue`, :class:`Legislation`, :class:`RemedyAction`,
        :class:`ParagraphRef`, :class:`Party`)."""
        v = self._d.get("value")
        cls = _VALUES.get(self._d["kind"])
        if cls is None or not isinstance(v, dict):
            return _wrap(v)  # type: ignore[no-any-return]
        return cls(v)  # type: ignore[no-any-return]

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


class Finding(Node):
    """A yes/no/unknown answer and where it was read."""

    __slots__ = ()

    @property
    def value(self) -> str:
        """``yes``, ``no`` or ``unknown``."""
        return self._d["value"]  # type: ignore[no-any-return]

    @property
    def source(self) -> Optional[str]:
        """Where it was read: ``final_decision``, ``summary``, ``outcome`` or ``body``."""
        return self._d["source"]  # type: ignore[no-any-return]

    @property
    def text(self) -> Optional[str]:
        """The sentence or value it was read from."""
        return self._d["text"]  # type: ignore[no-any-return]

    @property
    def span(self) -> Optional[Span]:
        """Where that sentence is."""
        return _span(self._d["span"])

    def __bool__(self) -> bool:
        return bool(self._d["value"] == "yes")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.value!r}, source={self.source!r})"


class Investigated(Finding):
    """Whether the Ombudsman investigated, and if not, why."""

    __slots__ = ()

    @property
    def reason(self) -> Optional[str]:
        """Why there was no (complete) investigation, when the text says
        (``closed_after_initial_enquiries``, ``discontinued``, ``withdrawn``,
        ``premature``, ``outside_jurisdiction``, ...)."""
        return self._d.get("reason")


class PaymentsTotal(Node):
    """Total of the payments among the remedy actions."""

    __slots__ = ()

    @property
    def pence(self) -> Optional[int]:
        """In pence; ``0`` when remedies were agreed without a payment;
        ``None`` when no remedy actions were found or an amount could not be read."""
        return self._d["pence"]  # type: ignore[no-any-return]

    @property
    def currency(self) -> Optional[str]:
        """ISO 4217 code, e.g. ``GBP``."""
        return self._d["currency"]  # type: ignore[no-any-return]

    @property
    def sources(self) -> List[Span]:
        """The amounts added up."""
        return [Span(x) for x in self._d["sources"]]

    def __repr__(self) -> str:
        return f"PaymentsTotal(pence={self.pence!r}, currency={self.currency!r})"


class Findings(Node):
    """What the decision found, derived from the outcome and the prose;
    ``unknown`` rather than a guess."""

    __slots__ = ()

    @property
    def fault(self) -> Finding:
        """Was there fault."""
        return Finding(self._d["fault"])

    @property
    def injustice(self) -> Finding:
        """Did the fault cause injustice."""
        return Finding(self._d["injustice"])

    @property
    def investigated(self) -> Investigated:
        """Was the complaint investigated."""
        return Investigated(self._d["investigated"])

    @property
    def payments_total(self) -> PaymentsTotal:
        """Total of the remedy payments."""
        return PaymentsTotal(self._d["payments_total"])

    def __repr__(self) -> str:
        return (
            f"Findings(fault={self._d['fault']['value']!r}, "
            f"injustice={self._d['injustice']['value']!r}, "
            f"investigated={self._d['investigated']['value']!r}, "
            f"payments_total_pence={self._d['payments_total']['pence']!r})"
        )


# -- entity values ------------------------------------------------------------


class Money(Node):
    """Value of a ``money`` entity: ``£300``, ``£250 a month``."""

    __slots__ = ()

    @property
    def pence(self) -> Optional[int]:
        """The amount in pence; ``None`` if it does not fit."""
        return self._d["pence"]  # type: ignore[no-any-return]

    @property
    def currency(self) -> str:
        """ISO 4217 code: ``GBP`` for ``£``."""
        return self._d["currency"]  # type: ignore[no-any-return]

    @property
    def period(self) -> Optional[str]:
        """The period of a recurring amount (``month``, ``week``, ...), when stated."""
        return self._d["period"]  # type: ignore[no-any-return]


class DatePoint(Node):
    """A date as far as the text gives it (the end of a range)."""

    __slots__ = ()

    @property
    def date(self) -> Optional[str]:
        """ISO 8601 as far as the precision goes (``2020-07-29``, ``2018-10``,
        ``2020``); ``None`` when the text gives no year."""
        return self._d["date"]  # type: ignore[no-any-return]

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``season`` or ``year``."""
        return self._d["precision"]  # type: ignore[no-any-return]

    @property
    def year(self) -> Optional[int]:
        """The year, when given."""
        return self._d["year"]  # type: ignore[no-any-return]

    @property
    def month(self) -> Optional[int]:
        """The month (1-12), when given."""
        return self._d["month"]  # type: ignore[no-any-return]

    @property
    def day(self) -> Optional[int]:
        """The day of the month, when given."""
        return self._d["day"]  # type: ignore[no-any-return]

    @property
    def season(self) -> Optional[str]:
        """``spring``, ``summer``, ``autumn`` or ``winter``, for ``summer of 2020``."""
        return self._d["season"]  # type: ignore[no-any-return]

    @property
    def qualifier(self) -> Optional[str]:
        """``early``, ``mid``, ``late``, ``start`` or ``end`` before the date."""
        return self._d["qualifier"]  # type: ignore[no-any-return]


class DateValue(DatePoint):
    """Value of a ``date`` entity."""

    __slots__ = ()

    @property
    def until(self) -> Optional[DatePoint]:
        """The end of a range (``December 2018/January 2019``, ``from 2020 to 2021``,
        ``between 1 and 5 March 2021``)."""
        u = self._d.get("until")
        return None if u is None else DatePoint(u)


class Legislation(Node):
    """Value of a ``legislation`` entity."""

    __slots__ = ()

    @property
    def instrument(self) -> Optional[str]:
        """The instrument's name without its year (``Local Government Act``)."""
        return self._d["instrument"]  # type: ignore[no-any-return]

    @property
    def year(self) -> Optional[int]:
        """The instrument's year."""
        return self._d["year"]  # type: ignore[no-any-return]

    @property
    def provisions(self) -> List[List[str]]:
        """Each provision as a path: ``26(1)`` -> ``["26", "1"]``."""
        return self._d["provisions"]  # type: ignore[no-any-return]

    @property
    def as_amended(self) -> bool:
        """``as amended`` follows the citation."""
        return self._d["as_amended"]  # type: ignore[no-any-return]

    @property
    def refers_to(self) -> Optional[Span]:
        """The earlier citation that supplied the instrument or its year."""
        return _span(self._d["refers_to"])


class Deadline(_Spanned):
    """When a remedy action is due."""

    __slots__ = ()

    @property
    def count(self) -> int:
        """How many units."""
        return self._d["count"]  # type: ignore[no-any-return]

    @property
    def unit(self) -> str:
        """``day``, ``working_day``, ``week``, ``month`` or ``year``."""
        return self._d["unit"]  # type: ignore[no-any-return]

    @property
    def counted_from(self) -> Optional[str]:
        """``final_decision`` or ``report``; ``None`` when the text does not say."""
        return self._d["counted_from"]  # type: ignore[no-any-return]

    @property
    def text(self) -> str:
        """The deadline phrase as written."""
        return self._d["text"]  # type: ignore[no-any-return]


class RemedyAction(Node):
    """Value of a ``remedy_action`` entity."""

    __slots__ = ()

    @property
    def action(self) -> str:
        """``apology``, ``payment``, ``review``, ``training``, ``evidence`` or ``other``."""
        return self._d["action"]  # type: ignore[no-any-return]

    @property
    def deadline(self) -> Optional[Deadline]:
        """When it is due, if the text says."""
        d = self._d["deadline"]
        return None if d is None else Deadline(d)

    @property
    def amount_pence(self) -> Optional[int]:
        """For payments: the amount in pence."""
        return self._d["amount_pence"]  # type: ignore[no-any-return]


class ParagraphRef(Node):
    """Value of a ``paragraph_ref`` entity: ``paragraph 38``."""

    __slots__ = ()

    @property
    def targets(self) -> List[int]:
        """The ordinals cited, ranges expanded, in the order written."""
        return self._d["targets"]  # type: ignore[no-any-return]

    @property
    def resolved(self) -> List[Span]:
        """The spans of the cited paragraphs found in the tree."""
        return [Span(x) for x in self._d["resolved"]]

    @property
    def unresolved(self) -> List[int]:
        """Cited ordinals with no paragraph in the tree."""
        return self._d["unresolved"]  # type: ignore[no-any-return]

    @property
    def direction(self) -> Optional[str]:
        """``above`` or ``below`` as written, when present."""
        return self._d["direction"]  # type: ignore[no-any-return]


class Mention(_Spanned):
    """One mention of a party: where it is and the paragraph holding it
    (its text is ``decision.text[span.start:span.end]``)."""

    __slots__ = ()

    @property
    def paragraph(self) -> Optional[int]:
        """Ordinal of the paragraph holding it, or ``None``."""
        return self._d["paragraph"]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"Mention({Span(self._d['span'])!r}, paragraph={self.paragraph!r})"


class Party(Node):
    """Value of a ``party`` entity: a lettered person (``Ms X``, ``Y``)."""

    __slots__ = ()

    @property
    def name(self) -> str:
        """The name as the decision uses it: ``Ms X``, ``Y``."""
        return self._d["name"]  # type: ignore[no-any-return]

    @property
    def title(self) -> Optional[str]:
        """``Mr``, ``Mrs``, ``Ms``, ``Miss``, ...; ``None`` for a bare letter."""
        return self._d["title"]  # type: ignore[no-any-return]

    @property
    def letter(self) -> str:
        """The pseudonym letter."""
        return self._d["letter"]  # type: ignore[no-any-return]

    @property
    def role(self) -> str:
        """``complainant`` or ``other``."""
        return self._d["role"]  # type: ignore[no-any-return]

    @property
    def mentions(self) -> List[Mention]:
        """Every mention, in document order."""
        return [Mention(m) for m in self._d["mentions"]]


EntityValue = Union[Money, DateValue, Legislation, RemedyAction, ParagraphRef, Party]
"""The value of an entity, by its kind."""

_VALUES: Dict[str, Any] = {
    "money": Money,
    "date": DateValue,
    "legislation": Legislation,
    "remedy_action": RemedyAction,
    "paragraph_ref": ParagraphRef,
    "party": Party,
}


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
