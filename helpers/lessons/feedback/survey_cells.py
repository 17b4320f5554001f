"""Reading the cells of a survey export: scores on a scale, and dates, refused in plain words.

Used by :mod:`.own_survey`. What cannot be read safely raises :class:`SurveyFileError` naming the
column, the lines (as a spreadsheet numbers them: the header is line 1) and what to change.
Scores are never rescaled and date formats never guessed; dates are built from their parts, so
pandas never has to infer a format (and never prints a warning about it).
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.data import DataFileError
from helpers.i18n import _, ngettext

#: The two scales a survey score can be on: (lowest, highest).
SCALES = {"nps": (0, 10), "csat": (1, 5)}
DATE_FORMATS = {"day/month/year": True, "month/day/year": False}  # value: day first?
SHOW_LINES = 5
#: What survey tools write for "no answer": counted as a blank, like an empty cell.
NO_ANSWER = ("n/a", "na", "-", "null", "none", "no answer")
#: Fewer answers than this are too few to tell a 1-5 column from a 0-10 one.
SCALE_EVIDENCE = 10

_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})( \d{1,2}:\d{2}(:\d{2})?)?$")


class SurveyFileError(DataFileError):
    """A survey export cannot be read safely; the message says where and why."""


def lines(rows: pd.Series, values: pd.Series) -> str:
    """'line 3 ('abc'), line 7 ('x') and 2 more' for the first few bad cells."""
    shown = ", ".join(
        _("line {line} ({value})").format(line=int(line), value=repr(str(value)))
        for line, value in zip(rows[:SHOW_LINES], values[:SHOW_LINES], strict=True)
    )
    hidden = len(rows) - SHOW_LINES
    if hidden > 0:
        shown += ngettext(" and {count} more", " and {count} more", hidden).format(count=hidden)
    return shown


def scores(cells: pd.Series, column: str, scale: str, trust_scale: bool) -> pd.Series:
    """The score column as numbers (NaN where empty), or a :class:`SurveyFileError`."""
    cells = cells.mask(cells.str.lower().isin(NO_ANSWER), "")
    numbers = pd.to_numeric(cells.str.replace(",", ".", regex=False), errors="coerce")
    filled = cells != ""
    checks = (
        (
            filled & numbers.isna(),
            ("Column {column}: {count} score is not a number: {lines}.",
             "Column {column}: {count} scores are not numbers: {lines}."),
        ),
        (
            numbers.notna() & (numbers % 1 != 0),
            ("Column {column}: {count} score is not a whole number: {lines}.",
             "Column {column}: {count} scores are not whole numbers: {lines}."),
        ),
    )  # fmt: skip
    for bad, (one, many) in checks:
        if bad.any():
            count = int(bad.sum())
            raise SurveyFileError(
                ngettext(one, many, count).format(
                    column=repr(column), count=count, lines=lines(cells.index[bad], cells[bad])
                )
            )
    low, high = SCALES[scale]
    found = numbers.dropna()
    if scale == "csat" and (found > high).any() and found.between(0, 10).all():
        big = numbers > high
        raise SurveyFileError(
            _(
                "Column {column} holds scores above 5 ({lines}): it looks like a 0-10 "
                '(recommend) column, not a 1-5 satisfaction one. Load it with scale="nps"; '
                "scores are never rescaled."
            ).format(column=repr(column), lines=lines(cells.index[big], cells[big]))
        )
    if scale == "nps" and not trust_scale and len(found) >= SCALE_EVIDENCE:
        if found.between(1, 5).all():
            raise SurveyFileError(
                _(
                    "Column {column} holds only scores from 1 to 5 in {count} answers: it looks "
                    'like a 1-5 satisfaction column, not a 0-10 one. Load it with scale="csat"; '
                    "if it really is 0-10, add trust_scale=True. Scores are never rescaled."
                ).format(column=repr(column), count=len(found))
            )
    outside = numbers.notna() & ~numbers.between(low, high)
    if outside.any():
        count = int(outside.sum())
        raise SurveyFileError(
            ngettext(
                "Column {column}: {count} score is not between {low} and {high}: {lines}.",
                "Column {column}: {count} scores are not between {low} and {high}: {lines}.",
                count,
            ).format(
                column=repr(column), count=count, low=low, high=high,
                lines=lines(cells.index[outside], cells[outside]),
            )
        )  # fmt: skip
    return numbers


def _ambiguous(column: str, filled: pd.Series, call: str) -> SurveyFileError:
    """Dates that could be either way round: which column, an example, and the call to type."""
    return SurveyFileError(
        _(
            "Column {column}: dates like {example} (line {line}) could be day/month/year or "
            "month/day/year. Say which, for example: {call} (or month/day/year), or write the "
            "dates as YYYY-MM-DD."
        ).format(
            column=repr(column),
            example=repr(filled.iloc[0]),
            line=int(filled.index[0]),
            call=call or 'read_survey("our_survey.csv", date_format="day/month/year")',
        )
    )


def dates(
    cells: pd.Series, column: str, date_format: str | None, call: str = ""
) -> tuple[pd.Series, str]:
    """The date column as dates (NaT where empty) and how it was read. ``call`` is the
    learner's own ``read_survey`` call with ``date_format=`` added, for the message when the
    format must be said (typed as shown, it works: no "..." to fill in)."""
    filled = cells[cells != ""]
    if filled.empty:
        return pd.Series(pd.NaT, index=cells.index), ""
    if filled.str.fullmatch(_ISO).all():
        read = pd.to_datetime(cells.where(cells != ""), errors="coerce", format="ISO8601")
        return read, _("YYYY-MM-DD")
    parts = filled.str.extract(_DMY)
    unread = parts[0].isna()
    if unread.any():
        serial = filled[unread].str.fullmatch(r"\d{5}(\.\d+)?")
        hint = (
            _("they look like Excel's day numbers: format the column as dates before saving")
            if serial.all()
            else _("write them as YYYY-MM-DD (2025-03-31) or day/month/year (31/03/2025)")
        )
        raise SurveyFileError(
            _("Column {column}: {count} dates cannot be read ({lines}); {hint}.").format(
                column=repr(column), count=int(unread.sum()), hint=hint,
                lines=lines(filled.index[unread], filled[unread]),
            )
        )  # fmt: skip
    first, second = parts[0].astype(int), parts[1].astype(int)
    if date_format is None:
        if (first > 12).any() and (second <= 12).all():
            date_format = "day/month/year"
        elif (second > 12).any() and (first <= 12).all():
            date_format = "month/day/year"
        else:
            raise _ambiguous(column, filled, call)
    if date_format not in DATE_FORMATS:
        raise SurveyFileError(
            _("date_format must be one of {formats}.").format(formats=", ".join(DATE_FORMATS))
        )
    # Built from the parts already read, so pandas never guesses a format (nor warns).
    year = parts[2].astype(int)
    year = year.where(year >= 100, year + 2000)
    day, month = (first, second) if DATE_FORMATS[date_format] else (second, first)
    read = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce")
    if read.isna().any():
        bad = read.isna()
        raise SurveyFileError(
            _("Column {column}: {count} dates are not real {format} dates: {lines}.").format(
                column=repr(column), count=int(bad.sum()), format=date_format,
                lines=lines(filled.index[bad], filled[bad]),
            )
        )  # fmt: skip
    return read.reindex(cells.index), date_format
