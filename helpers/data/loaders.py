"""Load and check the sample town's data (the CSV files in data/).

Every loader returns a typed DataFrame: dates as ``datetime64``, yes/no columns as pandas
``boolean``, whole numbers as ``Int64`` (empty cells allowed where the schema says so), fixed lists
of values as ``category``, ids and text as ``string``. A file that does not match its schema raises
:class:`DataFileError`, whose message names the file, the column and the first few bad rows (line
numbers as in the CSV, the header is line 1).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from helpers import DATA_DIR
from helpers.data.columns import FALSE_WORD, TRUE_WORD, Column
from helpers.data.schemas import SCHEMAS

#: How many bad rows an error message quotes before saying "and N more".
_SHOW_ROWS = 5


class DataFileError(ValueError):
    """A data file is missing or does not match its schema (the message says where and why)."""


# --------------------------------------------------------------------------------------------------
# Loading and checking
# --------------------------------------------------------------------------------------------------


def _lines(mask: pd.Series, values: pd.Series) -> str:
    """Quote the first few bad rows as 'line N ('value')'; the CSV header is line 1."""
    idx = np.flatnonzero(mask.to_numpy())
    shown = ", ".join(f"line {i + 2} ({values.iloc[i]!r})" for i in idx[:_SHOW_ROWS])
    more = f" and {len(idx) - _SHOW_ROWS} more" if len(idx) > _SHOW_ROWS else ""
    return shown + more


def _fail(file: str, column: str, problem: str, mask: pd.Series, values: pd.Series) -> None:
    """Raise DataFileError when any row in ``mask`` is bad."""
    if mask.any():
        raise DataFileError(
            f"{file}, column '{column}': {int(mask.sum())} row(s) {problem}: "
            f"{_lines(mask, values)}."
        )


def _parse_column(raw: pd.Series, col: Column, file: str) -> pd.Series:
    """Turn one column of text cells into its typed form, or raise DataFileError."""
    empty = raw == ""
    if col.required:
        _fail(file, col.name, "are empty but a value is required", empty, raw)
    present = raw.where(~empty)

    if col.kind in ("id", "text"):
        if col.pattern:
            ok = raw.str.fullmatch(col.pattern)
            _fail(file, col.name, f"are not ids like `{col.example_id}`", ~empty & ~ok, raw)
        return present.astype("string")

    if col.kind == "category":
        ok = raw.isin(col.allowed)
        allowed = ", ".join(col.allowed)
        _fail(
            file, col.name, f"hold a value outside the allowed list ({allowed})", ~empty & ~ok, raw
        )
        return pd.Series(pd.Categorical(present, categories=list(col.allowed)), index=raw.index)

    if col.kind == "bool":
        ok = raw.isin((TRUE_WORD, FALSE_WORD))
        _fail(file, col.name, f"are not '{TRUE_WORD}' or '{FALSE_WORD}'", ~empty & ~ok, raw)
        return present.map({TRUE_WORD: True, FALSE_WORD: False}).astype("boolean")

    if col.kind == "date":
        parsed = pd.to_datetime(present, format="%Y-%m-%d", errors="coerce")
        _fail(file, col.name, "are not dates written YYYY-MM-DD", ~empty & parsed.isna(), raw)
        return parsed.astype("datetime64[ns]")

    # int or float
    number = pd.to_numeric(present, errors="coerce")
    _fail(file, col.name, "are not numbers", ~empty & number.isna(), raw)
    if col.kind == "int":
        _fail(file, col.name, "are not whole numbers", number.notna() & (number % 1 != 0), raw)
    outside = pd.Series(False, index=raw.index)
    if col.low is not None:
        outside |= number < col.low
    if col.high is not None:
        outside |= number > col.high
    _fail(file, col.name, f"are outside the allowed range {col.describe_values()}", outside, raw)
    return number.astype("Int64") if col.kind == "int" else number.astype("float64")


def load_table(name: str, folder: Path = DATA_DIR) -> pd.DataFrame:
    """Load one table by name (a key of :data:`SCHEMAS`) and check it against its schema.

    Checks: the file exists, every column is present (and no unknown ones), every cell parses to
    its type, numbers are in range, categories are in their allowed list, ids are unique.
    Foreign keys between tables are checked by :func:`load_town`.
    """
    table = SCHEMAS[name]
    path = Path(folder) / table.file
    if not path.is_file():
        raise DataFileError(
            f"{table.file}: file not found in {Path(folder)}. "
            "Rebuild the sample data with `python -m helpers.town`."
        )
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataFileError(f"{table.file}: cannot be read as a CSV file ({reason}).") from None

    missing = [c for c in table.column_names if c not in raw.columns]
    if missing:
        raise DataFileError(
            f"{table.file}, column '{missing[0]}': column is missing "
            f"(missing: {', '.join(missing)}; expected: {', '.join(table.column_names)})."
        )
    extra = [c for c in raw.columns if c not in table.column_names]
    if extra:
        raise DataFileError(
            f"{table.file}, column '{extra[0]}': unknown column (the data dictionary does not "
            f"list {', '.join(extra)})."
        )

    return parse_table(name, raw)


def parse_table(name: str, raw: pd.DataFrame) -> pd.DataFrame:
    """Type and check a table whose cells are all text (as read from its CSV file)."""
    table = SCHEMAS[name]
    frame = pd.DataFrame({c.name: _parse_column(raw[c.name], c, table.file) for c in table.columns})
    dup = frame[table.key].duplicated(keep="first")
    _fail(table.file, table.key, "repeat an id already used above", dup, raw[table.key])
    return frame


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
    """Check every foreign key (an id pointing into another table) and a few cross-table facts.

    Raises DataFileError naming the file, the column and the first bad rows.
    """
    for table in SCHEMAS.values():
        frame = tables[table.name]
        for col in table.columns:
            if not col.references:
                continue
            target_table, target_col = col.references.split(".")
            known = tables[target_table][target_col]
            values = frame[col.name]
            bad = values.notna() & ~values.isin(known)
            _fail(
                table.file,
                col.name,
                f"point to an id that is not in {target_table}.csv ({target_col})",
                bad.fillna(False),
                values.astype("string").fillna(""),
            )
    # A visit's staff member works in the visit's shop.
    visits = tables["visits"]
    staff_shop = tables["staff"].set_index("staff_id")["shop_id"]
    wrong = visits["staff_id"].map(staff_shop).astype("string") != visits["shop_id"]
    _fail(
        "visits.csv",
        "staff_id",
        "name staff from the other shop",
        wrong.fillna(True),
        visits["staff_id"],
    )


def load_town(folder: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Load every table (keyed by table name) and check the keys between them."""
    tables = {name: load_table(name, folder) for name in SCHEMAS}
    check_keys(tables)
    return tables


def returned_next_month(visits: pd.DataFrame) -> pd.Series:
    """For each visit: did the same customer visit (either shop) in the next calendar month?

    Empty (``<NA>``) for visits in the last month of the data, where nobody can know yet.
    This is the "return" the course's satisfaction → return link talks about (COURSE.md).
    """
    month = visits["date"].dt.year * 12 + visits["date"].dt.month
    seen = pd.MultiIndex.from_arrays([visits["customer_id"], month])
    nxt = pd.MultiIndex.from_arrays([visits["customer_id"], month + 1])
    came = pd.Series(nxt.isin(seen), index=visits.index, dtype="boolean")
    came[month == month.max()] = pd.NA
    return came
