"""What a table and a column of the sample data are: name, meaning, type, unit, allowed values.

The declarations themselves, one per column, are in :mod:`helpers.data.schemas`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["FALSE_WORD", "TRUE_WORD", "Column", "Kind", "Table", "format_number"]

Kind = Literal["id", "text", "category", "int", "float", "date", "bool"]

#: Boolean cells are written as these two words (lower case); an empty cell means "not applicable".
TRUE_WORD, FALSE_WORD = "true", "false"


@dataclass(frozen=True)
class Column:
    """One column of a table: what it means and what values it may hold."""

    name: str
    kind: Kind
    meaning: str
    unit: str = ""
    #: False when an empty cell is allowed (for example "not asked", "no reply").
    required: bool = True
    low: float | None = None
    high: float | None = None
    #: The only values a category column may hold.
    allowed: tuple[str, ...] = ()
    #: Regular expression an id must match, e.g. ``C\\d{4}``.
    pattern: str = ""
    #: "table.column" this column points to (a foreign key).
    references: str = ""

    @property
    def example_id(self) -> str:
        """The first id of the column's pattern, e.g. ``C0001`` for ``C\\d{4}`` (empty if none)."""
        return re.sub(r"\\d\{(\d)\}", lambda m: "0" * (int(m.group(1)) - 1) + "1", self.pattern)

    def describe_values(self) -> str:
        """Allowed values in plain words, for the data dictionary."""
        if self.allowed:
            return ", ".join(f"`{v}`" for v in self.allowed)
        if self.kind == "bool":
            return f"`{TRUE_WORD}` / `{FALSE_WORD}`"
        if self.kind == "date":
            return "YYYY-MM-DD"
        if self.pattern:
            return f"like `{self.example_id}`"
        if self.low is not None or self.high is not None:
            low = "" if self.low is None else format_number(self.low)
            high = "" if self.high is None else format_number(self.high)
            if low and high:
                return f"{low} to {high}"
            return f"at least {low}" if low else f"at most {high}"
        return "free text"


@dataclass(frozen=True)
class Table:
    """One CSV file: its name, what one row is, its key and its columns."""

    name: str
    row: str
    key: str
    columns: tuple[Column, ...]

    @property
    def file(self) -> str:
        """File name inside data/."""
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        """Column names in file order."""
        return [c.name for c in self.columns]


def format_number(x: float) -> str:
    """A bound as a trainer would write it: 5, not 5.0."""
    return str(int(x)) if float(x).is_integer() else str(x)
