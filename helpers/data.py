"""Load and check the sample town's data (the CSV files in data/).

One declarative schema per table (:data:`SCHEMAS`) drives three things, so they cannot drift apart:
the loaders below, the column order the generator (:mod:`helpers.town`) writes, and the column
tables of the data dictionary (data/README.md). See COURSE.md, "The sample data".

Every loader returns a typed DataFrame: dates as ``datetime64``, yes/no columns as pandas
``boolean``, whole numbers as ``Int64`` (empty cells allowed where the schema says so), fixed lists
of values as ``category``, ids and text as ``string``. A file that does not match its schema raises
:class:`DataFileError`, whose message names the file, the column and the first few bad rows (line
numbers as in the CSV, the header is line 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from helpers import DATA_DIR

__all__ = [
    "SCHEMAS",
    "Column",
    "DataFileError",
    "Table",
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
    "returned_next_month",
]

Kind = Literal["id", "text", "category", "int", "float", "date", "bool"]

#: Boolean cells are written as these two words (lower case); an empty cell means "not applicable".
TRUE_WORD, FALSE_WORD = "true", "false"

#: How many bad rows an error message quotes before saying "and N more".
_SHOW_ROWS = 5


class DataFileError(ValueError):
    """A data file is missing or does not match its schema (the message says where and why)."""


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

    def describe_values(self) -> str:
        """Allowed values in plain words, for the data dictionary."""
        if self.allowed:
            return ", ".join(f"`{v}`" for v in self.allowed)
        if self.kind == "bool":
            return f"`{TRUE_WORD}` / `{FALSE_WORD}`"
        if self.kind == "date":
            return "YYYY-MM-DD"
        if self.pattern:
            example = re.sub(
                r"\\d\{(\d)\}", lambda m: "0" * (int(m.group(1)) - 1) + "1", self.pattern
            )
            return f"like `{example}`"
        if self.low is not None or self.high is not None:
            low = "" if self.low is None else _fmt_num(self.low)
            high = "" if self.high is None else _fmt_num(self.high)
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


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _ref(table: str, pattern: str, meaning: str, required: bool = True) -> Column:
    """A foreign key: an id that must exist in another table."""
    col = f"{table.rstrip('s')}_id" if table != "staff" else "staff_id"
    return Column(
        col,
        "id",
        meaning,
        required=required,
        pattern=pattern,
        references=f"{table}.{col}",
    )


SHOP_ID = r"SH\d{1}"
STAFF_ID = r"S\d{2}"
CUSTOMER_ID = r"C\d{4}"
VISIT_ID = r"V\d{6}"
SATISFACTION = Column(
    "satisfaction",
    "int",
    "The visit's TRUE satisfaction, 1 (very unhappy) to 5 (delighted). Real shops never see this "
    "column: it exists only because the town is invented, so the notebooks can check their "
    "answers.",
    "score",
    low=1,
    high=5,
)

SCHEMAS: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "shops",
            "one shop in the town",
            "shop_id",
            (
                Column("shop_id", "id", "Shop id.", pattern=SHOP_ID),
                Column("name", "text", "The shop's name (invented)."),
                Column("street", "text", "Where it is (invented)."),
                Column("opened", "date", "Day the shop opened."),
                Column(
                    "survey_share",
                    "float",
                    "Share of visits after which the shop sends a survey.",
                    "share 0-1",
                    low=0,
                    high=1,
                ),
                Column(
                    "follow_up_share",
                    "float",
                    "Share of big purchases the shop phones about a few months later.",
                    "share 0-1",
                    low=0,
                    high=1,
                ),
                Column(
                    "generous_share",
                    "float",
                    "Share of complaints the shop settles generously (refund, replacement).",
                    "share 0-1",
                    low=0,
                    high=1,
                ),
                Column(
                    "replies_to_reviews_from",
                    "date",
                    "Day the shop started replying to online reviews.",
                ),
            ),
        ),
        Table(
            "staff",
            "one member of staff on the shop floor",
            "staff_id",
            (
                Column("staff_id", "id", "Staff id.", pattern=STAFF_ID),
                Column("name", "text", "First name and initial (invented)."),
                _ref("shops", SHOP_ID, "Shop the person works in."),
                Column("hours_per_week", "int", "Contracted hours.", "hours", low=8, high=40),
                Column(
                    "engagement",
                    "int",
                    "How engaged the person is at work (staff survey index).",
                    "score 0-100",
                    low=0,
                    high=100,
                ),
                Column(
                    "training_hours",
                    "int",
                    "Product and service training in the last year.",
                    "hours",
                    low=0,
                    high=80,
                ),
                Column(
                    "courtesy",
                    "int",
                    "How courteous the person is (mystery-shopper score).",
                    "score 0-100",
                    low=0,
                    high=100,
                ),
                Column(
                    "product_knowledge",
                    "int",
                    "How well the person knows the goods, alternatives and repairs.",
                    "score 0-100",
                    low=0,
                    high=100,
                ),
                Column(
                    "warmth",
                    "int",
                    "How warm and personal the person's service is.",
                    "score 0-100",
                    low=0,
                    high=100,
                ),
                Column(
                    "listening",
                    "int",
                    "How well the person listens to the individual customer.",
                    "score 0-100",
                    low=0,
                    high=100,
                ),
            ),
        ),
        Table(
            "customers",
            "one person who became a customer of either shop",
            "customer_id",
            (
                Column("customer_id", "id", "Customer id.", pattern=CUSTOMER_ID),
                Column(
                    "joined",
                    "date",
                    "Day of the first visit (before 2024 for people already customers).",
                ),
                Column(
                    "acquired_via",
                    "category",
                    "How the person became a customer: already one when records start, walked in "
                    "(saw the shop or its reviews), or brought by a friend or family member's "
                    "praise.",
                    allowed=("existing", "walk_in", "referral"),
                ),
                Column(
                    "referred_by",
                    "id",
                    "The customer whose praise brought this person (empty unless a referral).",
                    required=False,
                    pattern=CUSTOMER_ID,
                    references="customers.customer_id",
                ),
                Column(
                    "interest",
                    "float",
                    "The person's own interest in the goods (0 = none, 1 = keen).",
                    "score 0-1",
                    low=0,
                    high=1,
                ),
                Column(
                    "nearer_shop",
                    "id",
                    "The shop nearer to the person's home.",
                    pattern=SHOP_ID,
                    references="shops.shop_id",
                ),
            ),
        ),
        Table(
            "ties",
            "one friends-and-family link between two customers (both directions)",
            "tie_id",
            (
                Column("tie_id", "id", "Tie id.", pattern=r"T\d{5}"),
                Column(
                    "customer_a",
                    "id",
                    "One person (the smaller id).",
                    pattern=CUSTOMER_ID,
                    references="customers.customer_id",
                ),
                Column(
                    "customer_b",
                    "id",
                    "The other person.",
                    pattern=CUSTOMER_ID,
                    references="customers.customer_id",
                ),
                Column(
                    "kind",
                    "category",
                    "Family (same household) or friend.",
                    allowed=("family", "friend"),
                ),
            ),
        ),
        Table(
            "visits",
            "one shopping visit (at most one per customer per month)",
            "visit_id",
            (
                Column("visit_id", "id", "Visit id, in date order.", pattern=VISIT_ID),
                Column("date", "date", "Day of the visit."),
                _ref("customers", CUSTOMER_ID, "Who visited."),
                _ref("shops", SHOP_ID, "Which shop."),
                _ref("staff", STAFF_ID, "Who served the customer."),
                Column(
                    "category",
                    "category",
                    "What kind of goods were bought.",
                    allowed=(
                        "household",
                        "kitchen",
                        "clothing",
                        "small electronics",
                        "computer",
                        "television",
                        "bedroom set",
                        "washing machine",
                    ),
                ),
                Column("amount", "float", "Money spent.", "currency units", low=0, high=5000),
                Column(
                    "big_purchase",
                    "bool",
                    "A big purchase (computer, television, bedroom set, washing machine).",
                ),
                Column(
                    "wait_minutes",
                    "int",
                    "Minutes waited to be served.",
                    "minutes",
                    low=0,
                    high=90,
                ),
                Column("courteous", "bool", "Was the staff member courteous?"),
                Column("warm", "bool", "Was the service warm and personal?"),
                Column("question_asked", "bool", "Did the customer ask a product question?"),
                Column(
                    "question_answered",
                    "bool",
                    "Was the question answered (or the answer found)? Empty if no question.",
                    required=False,
                ),
                Column("problem", "bool", "Did the customer bring a problem (fault, wrong item)?"),
                Column(
                    "problem_fixed",
                    "bool",
                    "Was the problem fixed on the visit? Empty if no problem.",
                    required=False,
                ),
                SATISFACTION,
            ),
        ),
        Table(
            "complaints",
            "one complaint a customer made about a visit",
            "complaint_id",
            (
                Column("complaint_id", "id", "Complaint id.", pattern=r"K\d{5}"),
                _ref("visits", VISIT_ID, "The visit complained about."),
                _ref("customers", CUSTOMER_ID, "Who complained."),
                _ref("shops", SHOP_ID, "Shop complained to."),
                Column("date", "date", "Day the complaint was made."),
                Column(
                    "channel",
                    "category",
                    "How it was made.",
                    allowed=("in person", "phone", "email"),
                ),
                Column(
                    "topic",
                    "category",
                    "The main thing that went wrong.",
                    allowed=(
                        "problem not fixed",
                        "rude staff",
                        "question unanswered",
                        "long wait",
                        "other",
                    ),
                ),
                Column(
                    "resolution",
                    "category",
                    "Generous (refund or replacement, no argument) or stingy (argued, partial).",
                    allowed=("generous", "stingy"),
                ),
                Column(
                    "days_to_resolve",
                    "int",
                    "Days from complaint to resolution.",
                    "days",
                    low=0,
                    high=60,
                ),
                Column("resolved", "date", "Day the complaint was resolved."),
            ),
        ),
        Table(
            "follow_ups",
            "one big purchase on the shop's follow-up call list (called or not)",
            "follow_up_id",
            (
                Column("follow_up_id", "id", "Follow-up id.", pattern=r"F\d{5}"),
                _ref("visits", VISIT_ID, "The visit with the big purchase."),
                _ref("customers", CUSTOMER_ID, "Who bought."),
                _ref("shops", SHOP_ID, "Where."),
                Column("due", "date", "Day the call was due (a few months after the purchase)."),
                Column("called", "bool", "Did the shop make the call?"),
                Column(
                    "staff_id",
                    "id",
                    "Who called (empty if no call).",
                    required=False,
                    pattern=STAFF_ID,
                    references="staff.staff_id",
                ),
            ),
        ),
        Table(
            "surveys",
            "one survey sent after a visit (answer columns empty when nobody answered)",
            "survey_id",
            (
                Column("survey_id", "id", "Survey id.", pattern=r"Q\d{6}"),
                _ref("visits", VISIT_ID, "The visit asked about."),
                _ref("customers", CUSTOMER_ID, "Who was asked."),
                _ref("shops", SHOP_ID, "Which shop sent it."),
                Column("sent", "date", "Day the survey was sent."),
                Column("responded", "bool", "Did the customer answer?"),
                Column("answered", "date", "Day of the answer.", required=False),
                Column(
                    "csat",
                    "int",
                    "Answer to 'How satisfied were you?' 1-5 (CSAT counts the 4s and 5s).",
                    "score",
                    required=False,
                    low=1,
                    high=5,
                ),
                Column(
                    "nps",
                    "int",
                    "Answer to 'How likely are you to recommend us?' 0-10 (NPS: 9-10 promoters, "
                    "0-6 detractors).",
                    "score",
                    required=False,
                    low=0,
                    high=10,
                ),
                Column(
                    "staff_named",
                    "id",
                    "Staff member the customer chose to name (optional).",
                    required=False,
                    pattern=STAFF_ID,
                    references="staff.staff_id",
                ),
                Column("comment", "text", "Short comment (optional).", required=False),
            ),
        ),
        Table(
            "reviews",
            "one public online review of a shop",
            "review_id",
            (
                Column("review_id", "id", "Review id.", pattern=r"R\d{5}"),
                _ref("shops", SHOP_ID, "Shop reviewed."),
                Column("date", "date", "Day posted."),
                Column("stars", "int", "Stars given.", "stars", low=1, high=5),
                Column("text", "text", "What the reviewer wrote."),
                Column("reply", "text", "The shop's public reply (empty if none).", required=False),
                Column("replied", "date", "Day of the reply.", required=False),
                Column(
                    "customer_id",
                    "id",
                    "Who wrote it. Review sites show only a nickname: kept here for teaching.",
                    pattern=CUSTOMER_ID,
                    references="customers.customer_id",
                ),
                Column(
                    "visit_id",
                    "id",
                    "The visit reviewed. Real shops cannot link reviews to visits: teaching only.",
                    pattern=VISIT_ID,
                    references="visits.visit_id",
                ),
            ),
        ),
        Table(
            "word_of_mouth",
            "one person telling one friend or relative about a visit",
            "message_id",
            (
                Column("message_id", "id", "Message id.", pattern=r"M\d{6}"),
                Column("date", "date", "Day told (month of the visit)."),
                Column(
                    "speaker_id",
                    "id",
                    "Customer who told.",
                    pattern=CUSTOMER_ID,
                    references="customers.customer_id",
                ),
                Column(
                    "listener_id",
                    "id",
                    "Who heard it; empty if that person never became a customer of either shop.",
                    required=False,
                    pattern=CUSTOMER_ID,
                    references="customers.customer_id",
                ),
                Column(
                    "tie", "category", "How they know each other.", allowed=("family", "friend")
                ),
                _ref("shops", SHOP_ID, "Shop talked about."),
                Column(
                    "kind",
                    "category",
                    "Praise (after a delighted visit) or a warning (after a bad one).",
                    allowed=("praise", "warning"),
                ),
                _ref("visits", VISIT_ID, "The visit talked about."),
            ),
        ),
        Table(
            "referrals",
            "one new customer brought by a friend's or relative's praise",
            "referral_id",
            (
                Column("referral_id", "id", "Referral id.", pattern=r"RF\d{4}"),
                Column(
                    "referrer_id",
                    "id",
                    "Customer whose praise did it.",
                    pattern=CUSTOMER_ID,
                    references="customers.customer_id",
                ),
                Column(
                    "new_customer_id",
                    "id",
                    "The person who became a customer.",
                    pattern=CUSTOMER_ID,
                    references="customers.customer_id",
                ),
                _ref("shops", SHOP_ID, "Shop praised (where the new customer went first)."),
                Column("date", "date", "Day of the new customer's first visit."),
                Column(
                    "message_id",
                    "id",
                    "The praise that did it.",
                    pattern=r"M\d{6}",
                    references="word_of_mouth.message_id",
                ),
            ),
        ),
    )
}


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
            _fail(
                file, col.name, f"are not ids like {col.describe_values()[5:]}", ~empty & ~ok, raw
            )
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
