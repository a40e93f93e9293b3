"""Type stubs for the native part of the ``lgsco`` package (``lgsco._lgsco``).

Use the ``lgsco`` package itself: it wraps these in typed views.
"""

from typing import Any, Iterable, List, Optional, Union

from typing import final

__all__ = ["parse", "parse_many", "NativeDecision", "__version__"]

__version__: str

_Text = Union[str, bytes, bytearray]

@final
class NativeDecision:
    """A parsed decision held natively; ``lgsco.Decision`` wraps it."""

    @property
    def source(self) -> _Text:
        """The object that was parsed."""
    @property
    def paragraph_count(self) -> int:
        """Number of paragraphs (flat, all sections)."""
    def get(self, name: str) -> Any:
        """One top-level field of the JSON as Python objects, spans in code points."""
    def to_dict(self, byte_offsets: bool = False) -> Any:
        """The whole tree as plain dicts and lists."""
    def to_json(self, indent: Optional[int] = None, byte_offsets: bool = False) -> str:
        """The tree as JSON text."""
    def to_akn(self) -> str:
        """The decision as Akoma Ntoso 3.0 XML."""
    def to_markdown(self) -> str:
        """The decision as Markdown."""
    def to_html(self) -> str:
        """The decision as a standalone HTML page."""
    def char_index(self, byte_offset: int) -> int:
        """The code-point index of a byte offset into the parsed text."""

def parse(text: _Text) -> NativeDecision:
    """Parses one decision statement (``str``, or UTF-8 ``bytes``)."""

def parse_many(
    texts: Iterable[_Text], threads: Optional[int] = None, errors: str = "raise"
) -> List[Any]:
    """Parses many texts in parallel without the GIL; results keep their order."""
