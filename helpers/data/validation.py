"""Check the data files with pandera, and say what is wrong in plain words.

:func:`cell_schema` builds a pandera ``DataFrameSchema`` per table from its declaration in
:data:`~helpers.data.schemas.SCHEMAS`. It describes the file *as written*: every cell is text and
an empty cell is missing. Checking the text, not typed values, lets a message quote exactly what
the trainer typed (``line 3 ('abc')``) and tell "not a number" from "not a whole number" from "not
between 0 and 90". :func:`key_schema` checks the ids that point from one table into another.

Validation is lazy (every problem is collected) and :func:`problems` turns pandera's failure cases
(column, check, row, value) into one :class:`DataFileError`: which file, which column, what is
wrong, and the first few CSV line numbers (the header is line 1) with their values.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from helpers.data.columns import FALSE_WORD, TRUE_WORD, Column, Table, format_number
from helpers.i18n import _, ngettext

__all__ = [
    "DataFileError",
    "cell_schema",
    "check_cells",
    "dates",
    "key_schema",
    "message",
    "numbers",
    "problems",
]

#: How many bad lines one sentence quotes before saying "and N more".
SHOW_LINES = 5
#: How many problems one message lists before saying "and N more problems".
SHOW_PROBLEMS = 8

# pandera's own names for the checks it builds in (a column that is there, no empty cell, ...).
MISSING_COLUMN, UNKNOWN_COLUMN = "column_in_dataframe", "column_in_schema"
EMPTY, REPEATED = "not_nullable", "field_uniqueness"
#: Order in which a column's problems are told: the most basic first.
CHECK_ORDER = (
    EMPTY,
    "id_shape",
    "allowed",
    "true_false",
    "date",
    "number",
    "whole_number",
    "range",
    REPEATED,
    "reference",
    "staff_shop",
)


class DataFileError(ValueError):
    """A data file is missing or does not match its schema (the message says where and why)."""


def numbers(cells: pd.Series) -> pd.Series:
    """Text cells as numbers; ``NaN`` where a cell is not a number."""
    return pd.to_numeric(cells, errors="coerce")


def dates(cells: pd.Series) -> pd.Series:
    """Text cells as dates; ``NaT`` where a cell is not a real date written YYYY-MM-DD."""
    return pd.to_datetime(cells, format="%Y-%m-%d", errors="coerce")


def _whole(cells: pd.Series) -> pd.Series:
    """A check that numbers are whole (cells that are not numbers pass: "number" reports them)."""
    number = numbers(cells)
    return number.isna() | (number % 1 == 0)


def _in_range(column: Column) -> Callable[[pd.Series], pd.Series]:
    """A check that numbers lie within the column's bounds (cells that are not numbers pass)."""

    def check(cells: pd.Series) -> pd.Series:
        number = numbers(cells)
        inside = pd.Series(True, index=cells.index)
        if column.low is not None:
            inside &= ~(number < column.low)
        if column.high is not None:
            inside &= ~(number > column.high)
        return inside

    return check


def _checks(column: Column) -> list[pa.Check]:
    """The pandera checks of one column's text cells (pandera skips empty cells)."""
    if column.kind in ("id", "text"):
        pattern = column.pattern
        if not pattern:
            return []
        return [pa.Check(lambda s: s.str.fullmatch(pattern).astype(bool), name="id_shape")]
    if column.kind == "category":
        return [pa.Check(lambda s: s.isin(column.allowed), name="allowed")]
    if column.kind == "bool":
        return [pa.Check(lambda s: s.isin((TRUE_WORD, FALSE_WORD)), name="true_false")]
    if column.kind == "date":
        return [pa.Check(lambda s: dates(s).notna(), name="date")]
    checks = [pa.Check(lambda s: numbers(s).notna(), name="number")]
    if column.kind == "int":
        checks.append(pa.Check(_whole, name="whole_number"))
    if column.low is not None or column.high is not None:
        checks.append(pa.Check(_in_range(column), name="range"))
    return checks


def cell_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of a table's file as written: text cells, empty cells as missing."""
    return pa.DataFrameSchema(
        {
            column.name: pa.Column(
                checks=_checks(column),
                nullable=not column.required,
                unique=column.name == table.key,
                report_duplicates="exclude_first",  # the first use of an id is the right one
            )
            for column in table.columns
        },
        name=table.file,
        strict=True,  # a column the data dictionary does not list is an error too
    )


def check_cells(table: Table, cells: pd.DataFrame) -> None:
    """Raise :class:`DataFileError` unless every cell of ``cells`` fits ``table``'s declaration.

    ``cells`` holds text with missing values for empty cells, one row per CSV line after the
    header, in file order (a plain 0, 1, 2 ... index).
    """
    try:
        cell_schema(table).validate(cells, lazy=True)
    except SchemaErrors as errors:
        raise DataFileError(message(problems(table, errors.failure_cases))) from None


def key_schema(table: Table, tables: dict[str, pd.DataFrame]) -> pa.DataFrameSchema | None:
    """The pandera schema of the ids in ``table`` that point into other ``tables`` (or None)."""
    columns: dict[str, pa.Column] = {}
    for column in table.columns:
        if not column.references:
            continue
        target, target_column = column.references.split(".")
        known = tables[target][target_column]
        checks = [pa.Check(lambda s, known=known: s.isin(known), name="reference")]
        if (table.name, column.name) == ("visits", "staff_id"):
            checks.append(_works_in_shop(tables))
        # Empty cells are allowed here: the table's own schema says where they are not.
        columns[column.name] = pa.Column(checks=checks, nullable=True)
    return pa.DataFrameSchema(columns, name=table.file) if columns else None


def _works_in_shop(tables: dict[str, pd.DataFrame]) -> pa.Check:
    """A visit's member of staff works in the visit's shop."""
    staff_shop = tables["staff"].set_index("staff_id")["shop_id"]
    visit_shop = tables["visits"]["shop_id"]

    def check(staff: pd.Series) -> pd.Series:
        same = staff.map(staff_shop).astype("string") == visit_shop.loc[staff.index]
        return same.fillna(True).astype(bool)  # an unknown member of staff: "reference" tells

    return pa.Check(check, name="staff_shop")


# --------------------------------------------------------------------------------------------------
# From pandera's failure cases to plain words
# --------------------------------------------------------------------------------------------------


def problems(table: Table, failure_cases: pd.DataFrame) -> list[str]:
    """One sentence per problem in ``failure_cases`` (pandera's table of failures) of ``table``.

    Problems with the header come first, then each column's problems in file order.
    """
    sentences = _header_problems(table, failure_cases)
    cells = failure_cases[~failure_cases["check"].isin((MISSING_COLUMN, UNKNOWN_COLUMN))]
    order = {name: i for i, name in enumerate(table.column_names)}
    groups = sorted(
        cells.groupby(["column", "check"], sort=False),
        key=lambda item: (order.get(item[0][0], len(order)), _check_rank(item[0][1])),
    )
    for (column_name, check), cases in groups:
        column = next((c for c in table.columns if c.name == column_name), None)
        sentences.append(
            _("{file}, column '{column}': {problem}: {lines}.").format(
                file=table.file,
                column=column_name,
                problem=_what_is_wrong(check, column, len(cases)),
                lines=_lines(cases),
            )
        )
    return sentences


def message(sentences: list[str]) -> str:
    """All problems in one message, one per line (at most :data:`SHOW_PROBLEMS`)."""
    shown = sentences[:SHOW_PROBLEMS]
    hidden = len(sentences) - len(shown)
    if hidden:
        shown.append(
            ngettext(
                "... and {count} more problem.", "... and {count} more problems.", hidden
            ).format(count=hidden)
        )
    return "\n".join(shown)


def _check_rank(check: str) -> int:
    return CHECK_ORDER.index(check) if check in CHECK_ORDER else len(CHECK_ORDER)


def _header_problems(table: Table, failure_cases: pd.DataFrame) -> list[str]:
    """Sentences about columns that are missing from the file or that it should not have."""
    sentences = []
    header = failure_cases["check"].isin((MISSING_COLUMN, UNKNOWN_COLUMN))
    by_check = failure_cases[header].groupby("check")["failure_case"]
    found = {check: [str(name) for name in names] for check, names in by_check}
    if missing := found.get(MISSING_COLUMN):
        sentences.append(
            _(
                "{file}, column '{column}': the column is missing "
                "(missing: {missing}; expected: {expected})."
            ).format(
                file=table.file,
                column=missing[0],
                missing=", ".join(missing),
                expected=", ".join(table.column_names),
            )
        )
    if unknown := found.get(UNKNOWN_COLUMN):
        sentences.append(
            _(
                "{file}, column '{column}': unknown column "
                "(the data dictionary does not list {unknown})."
            ).format(file=table.file, column=unknown[0], unknown=", ".join(unknown))
        )
    return sentences


def _lines(cases: pd.DataFrame) -> str:
    """The first few bad cells as "line N ('value')"; the CSV header is line 1."""
    first = cases.sort_values("index").head(SHOW_LINES)
    shown = ", ".join(
        _("line {line} ({value})").format(line=int(row) + 2, value=repr(_text(value)))
        for row, value in zip(first["index"], first["failure_case"], strict=True)
    )
    hidden = len(cases) - SHOW_LINES
    if hidden > 0:
        shown += ngettext(" and {count} more", " and {count} more", hidden).format(count=hidden)
    return shown


def _text(value: object) -> str:
    """A cell as the trainer sees it in the file (an empty cell is '')."""
    return "" if value is None or value is pd.NA or value != value else str(value)


def _what_is_wrong(check: str, column: Column | None, count: int) -> str:
    """What is wrong with ``count`` cells of ``column`` that fail ``check``, in plain words."""
    if check == EMPTY:
        text = ngettext(
            "{count} cell is empty but a value is required",
            "{count} cells are empty but a value is required",
            count,
        )
    elif check == REPEATED:
        text = ngettext(
            "{count} cell repeats an id already used above",
            "{count} cells repeat ids already used above",
            count,
        )
    elif check == "id_shape":
        text = ngettext(
            "{count} cell is not an id like {example}",
            "{count} cells are not ids like {example}",
            count,
        )
    elif check == "allowed":
        text = ngettext(
            "{count} cell holds a value outside the allowed list ({allowed})",
            "{count} cells hold values outside the allowed list ({allowed})",
            count,
        )
    elif check == "true_false":
        text = ngettext(
            "{count} cell is not '{true}' or '{false}'",
            "{count} cells are not '{true}' or '{false}'",
            count,
        )
    elif check == "date":
        text = ngettext(
            "{count} cell is not a real date written YYYY-MM-DD",
            "{count} cells are not real dates written YYYY-MM-DD",
            count,
        )
    elif check == "number":
        text = ngettext("{count} cell is not a number", "{count} cells are not numbers", count)
    elif check == "whole_number":
        text = ngettext(
            "{count} cell is not a whole number", "{count} cells are not whole numbers", count
        )
    elif check == "range":
        text = ngettext("{count} cell is not {range}", "{count} cells are not {range}", count)
    elif check == "reference":
        text = ngettext(
            "{count} cell points to an id that is not in {target_file} ({target_column})",
            "{count} cells point to ids that are not in {target_file} ({target_column})",
            count,
        )
    elif check == "staff_shop":
        text = ngettext(
            "{count} cell names staff who work in the other shop",
            "{count} cells name staff who work in the other shop",
            count,
        )
    else:  # a check without words of its own: name it
        text = ngettext(
            "{count} cell fails the check '{check}'",
            "{count} cells fail the check '{check}'",
            count,
        )
    return text.format(count=count, check=check, true=TRUE_WORD, false=FALSE_WORD, **_facts(column))


def _facts(column: Column | None) -> dict[str, str]:
    """What a sentence may quote about the column: an example id, allowed values, bounds."""
    if column is None:
        return {"example": "", "allowed": "", "range": "", "target_file": "", "target_column": ""}
    target, _dot, target_column = column.references.partition(".")
    return {
        "example": column.example_id,
        "allowed": ", ".join(column.allowed),
        "range": _range_words(column),
        "target_file": f"{target}.csv" if target else "",
        "target_column": target_column,
    }


def _range_words(column: Column) -> str:
    """The column's bounds in words: "between 0 and 90", "at least 0", "at most 5"."""
    low = None if column.low is None else format_number(column.low)
    high = None if column.high is None else format_number(column.high)
    if low is not None and high is not None:
        return _("between {low} and {high}").format(low=low, high=high)
    if low is not None:
        return _("at least {low}").format(low=low)
    if high is not None:
        return _("at most {high}").format(high=high)
    return ""
