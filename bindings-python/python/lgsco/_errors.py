"""The exception raised when a text gives no decision."""

from __future__ import annotations

from typing import Any, Optional

__all__ = ["ParseError"]


class ParseError(ValueError):
    """A text that gives no decision tree.

    Raised for input that is not text (bytes that are not UTF-8, a ``str``
    holding lone surrogates) and for text that holds no decision (empty,
    whitespace only, nothing that reads as a decision, too large).

    Attributes:
        message: The sentence for people (also ``str(error)``).
        code: Stable machine-readable code: ``empty``, ``not_a_decision``,
            ``too_large`` (from the parser), ``invalid_utf8`` (bytes) or
            ``invalid_unicode`` (``str`` with lone surrogates).
        line: 1-based line of the place the error points at.
        column: 1-based column (in characters) of that place.
        offset: Byte offset of that place in the UTF-8 text; for invalid
            UTF-8, the offset of the first bad byte.
        char_offset: The same place as a string index (code points).
        index: Position of the text in the ``parse_many`` input, else ``None``.
        path: The file, for ``parse_file``/``parse_dir``, else ``None``.
    """

    message: str
    code: str
    line: Optional[int]
    column: Optional[int]
    offset: Optional[int]
    char_offset: Optional[int]
    index: Optional[int]
    path: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        code: str = "error",
        line: Optional[int] = None,
        column: Optional[int] = None,
        offset: Optional[int] = None,
        char_offset: Optional[int] = None,
        index: Optional[int] = None,
        path: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.line = line
        self.column = column
        self.offset = offset
        self.char_offset = char_offset
        self.index = index
        self.path = path

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(str(self.path))
        if self.index is not None:
            where.append(f"text {self.index}")
        prefix = f"{', '.join(where)}: " if where else ""
        return prefix + self.message

    def __repr__(self) -> str:
        return (
            f"ParseError({self.message!r}, code={self.code!r}, line={self.line!r}, "
            f"column={self.column!r}, offset={self.offset!r})"
        )

    def _fields(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "line": self.line,
            "column": self.column,
            "offset": self.offset,
            "char_offset": self.char_offset,
            "index": self.index,
            "path": self.path,
        }

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.message, self._fields()))


def _rebuild(cls: type[ParseError], message: str, fields: dict[str, Any]) -> ParseError:
    return cls(message, **fields)
