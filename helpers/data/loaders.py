"""Load and check the sample town's data (the CSV files in data/).

Every loader returns a typed DataFrame: dates as ``datetime64``, yes/no columns as pandas
``boolean``, whole numbers as ``Int64`` (empty cells allowed where the schema says so), fixed lists
of values as ``category``, ids and text as ``string``. A file that does not match its schema raises
:class:`DataFileError`, whose message names the file, the column and the first few bad rows (line
numbers as in the CSV, the header is line 1); :mod:`helpers.data.validation` does the checking.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from pandera.errors import SchemaErrors

from helpers import DATA_DIR
from helpers.data.columns import FALSE_WORD, TRUE_WORD, Column
from helpers.data.schemas import SCHEMAS
from helpers.data.validation import (
    DataFileError,
    check_cells,
    dates,
    key_schema,
    message,
    numbers,
    problems,
)
from helpers.i18n import _

__all__ = [
    "check_keys",
    "load_complaints",
    "load_customers",
    "load_follow_ups",
    "load_referrals",
    "load_reviews",
    "load_shops",
    "load_staff",
    "load_surveys",
    "load_table",
    "load_ties",
    "load_town",
    "load_visits",
    "load_word_of_mouth",
    "parse_table",
]


def load_table(name: str, folder: Path = DATA_DIR) -> pd.DataFrame:
    """Load one table by name (a key of :data:`SCHEMAS`) and check it against its schema.

    Checks: the file exists, every column is present (and no unknown ones), every cell parses to
    its type, numbers are in range, categories are in their allowed list, ids are unique.
    Ids that point into other tables are checked by :func:`load_town`.
    """
    table = SCHEMAS[name]
    path = Path(folder) / table.file
    if not path.is_file():
        raise DataFileError(
            _(
                "{file}: file not found in {folder}. "
                "Rebuild the sample data with `python -m helpers.town`."
            ).format(file=table.file, folder=Path(folder))
        )
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataFileError(
            _("{file}: cannot be read as a CSV file ({reason}).").format(
                file=table.file, reason=reason
            )
        ) from None
    return parse_table(name, raw)


def parse_table(name: str, raw: pd.DataFrame) -> pd.DataFrame:
    """Check a table whose cells are all text (as read from its CSV file) and type its columns.

    Raises :class:`DataFileError` listing every problem (see :mod:`helpers.data.validation`).
    """
    table = SCHEMAS[name]
    cells = raw.reset_index(drop=True)
    cells = cells.mask(cells == "")  # an empty cell is a missing value
    check_cells(table, cells)
    return pd.DataFrame({c.name: _typed(cells[c.name], c) for c in table.columns})


def _typed(cells: pd.Series, column: Column) -> pd.Series:
    """One column of checked text cells in its type (every cell has passed its checks)."""
    if column.kind in ("id", "text"):
        return cells.astype("string")
    if column.kind == "category":
        return pd.Series(pd.Categorical(cells, categories=list(column.allowed)), index=cells.index)
    if column.kind == "bool":
        return cells.map({TRUE_WORD: True, FALSE_WORD: False}).astype("boolean")
    if column.kind == "date":
        return dates(cells).astype("datetime64[ns]")
    number = numbers(cells)
    return number.astype("Int64") if column.kind == "int" else number.astype("float64")


def load_shops(folder: Path = DATA_DIR) -> pd.DataFrame:
    """The two shops and their service policies (shops.csv)."""
    return load_table("shops", folder)


def load_staff(folder: Path = DATA_DIR) -> pd.DataFrame:
    """Staff on the shop floor with their engagement, training and service scores (staff.csv)."""
    return load_table("staff", folder)


def load_customers(folder: Path = DATA_DIR) -> pd.DataFrame:
    """Everyone who became a customer, how and when (customers.csv)."""
    return load_table("customers", folder)


def load_ties(folder: Path = DATA_DIR) -> pd.DataFrame:
    """Friends-and-family links between customers (ties.csv)."""
    return load_table("ties", folder)


def load_visits(folder: Path = DATA_DIR) -> pd.DataFrame:
    """Every visit with what happened and its true satisfaction (visits.csv)."""
    return load_table("visits", folder)


def load_complaints(folder: Path = DATA_DIR) -> pd.DataFrame:
    """Complaints and how they were resolved (complaints.csv)."""
    return load_table("complaints", folder)


def load_follow_ups(folder: Path = DATA_DIR) -> pd.DataFrame:
    """The follow-up call list for big purchases (follow_ups.csv)."""
    return load_table("follow_ups", folder)


def load_surveys(folder: Path = DATA_DIR) -> pd.DataFrame:
    """Surveys sent after visits, with the answers when there were any (surveys.csv)."""
    return load_table("surveys", folder)


def load_reviews(folder: Path = DATA_DIR) -> pd.DataFrame:
    """Public online reviews and the shops' replies (reviews.csv)."""
    return load_table("reviews", folder)


def load_word_of_mouth(folder: Path = DATA_DIR) -> pd.DataFrame:
    """Praise and warnings passed along friends-and-family ties (word_of_mouth.csv)."""
    return load_table("word_of_mouth", folder)


def load_referrals(folder: Path = DATA_DIR) -> pd.DataFrame:
    """New customers brought by praise, and who brought them (referrals.csv)."""
    return load_table("referrals", folder)


def check_keys(tables: dict[str, pd.DataFrame]) -> None:
    """Check every id that points into another table, and that staff serve in their own shop.

    Raises :class:`DataFileError` naming each file, column and the first bad rows.
    """
    sentences = []
    for table in SCHEMAS.values():
        schema = key_schema(table, tables)
        if schema is None:
            continue
        try:
            schema.validate(tables[table.name], lazy=True)
        except SchemaErrors as errors:
            sentences += problems(table, errors.failure_cases)
    if sentences:
        raise DataFileError(message(sentences))


def load_town(folder: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Load every table (keyed by table name) and check the keys between them."""
    tables = {name: load_table(name, folder) for name in SCHEMAS}
    check_keys(tables)
    return tables
