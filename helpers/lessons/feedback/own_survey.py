"""Bring your own survey: read a team's survey export, check it, and score it with its margins.

:func:`read_survey` reads a CSV file as spreadsheets and survey tools export it: comma, semicolon
or tab separators; UTF-8 with or without a byte-order mark, UTF-16 or Windows-1252; dates written
YYYY-MM-DD or day/month/year; blank rows; scores stored as text. What it cannot read safely it
refuses with a :class:`SurveyFileError` that says which column, which lines and what is wrong:

* a score that is not a whole number on the expected scale (the lines and values are quoted);
* a 0-10 column where 1-5 was expected (or the other way round): reported, never rescaled;
* dates that could be day/month/year or month/day/year: reported with the format to use, never
  guessed (pass ``date_format=`` or write the dates YYYY-MM-DD);
* an Excel workbook (.xlsx): not read. Reading it would need another dependency (openpyxl) for
  something every spreadsheet does in one step (*File → Save as → CSV*), and the CSV is the file
  a team can open and check itself.

Nothing is written anywhere: the file is read into memory, and the answers stay in the notebook.
Lines are numbered as in the file (the header is line 1), as a spreadsheet shows them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.data import DataFileError
from helpers.i18n import _, ngettext
from helpers.lessons.feedback.funnel import Funnel, csat_funnel, nps_funnel
from helpers.metrics import csat, nps, wilson_interval

#: The two scales a survey score can be on: (lowest, highest).
SCALES = {"nps": (0, 10), "csat": (1, 5)}
#: Column names recognised without being told (lower case; a name containing one also counts).
SCORE_NAMES = {
    "nps": ("nps", "recommend", "score", "rating"),
    "csat": ("csat", "satisfaction", "satisfied", "score", "rating"),
}
STAFF_NAMES = ("staff", "served by", "employee", "colleague", "advisor", "agent")
DATE_NAMES = ("date", "answered", "submitted", "timestamp")
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


@dataclass(frozen=True)
class OwnSurvey:
    """A team's survey answers, cleaned: one row per answer with a score."""

    answers: pd.DataFrame  #: line (in the file), score, staff (or <NA>), date (or NaT)
    scale: str  #: "nps" (0-10) or "csat" (1-5)
    notes: tuple[str, ...]  #: how the file was read, in plain words

    @property
    def has_staff(self) -> bool:
        return bool(self.answers["staff"].notna().any())


def _lines(rows: pd.Series, values: pd.Series) -> str:
    """'line 3 ('abc'), line 7 ('x') and 2 more' for the first few bad cells."""
    shown = ", ".join(
        _("line {line} ({value})").format(line=int(line), value=repr(str(value)))
        for line, value in zip(rows[:SHOW_LINES], values[:SHOW_LINES], strict=True)
    )
    hidden = len(rows) - SHOW_LINES
    if hidden > 0:
        shown += ngettext(" and {count} more", " and {count} more", hidden).format(count=hidden)
    return shown


def _decode(raw: bytes) -> tuple[str, str]:
    """The file's text and the words for its encoding."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), _("UTF-8 with a byte-order mark")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), _("UTF-16")
    try:
        return raw.decode("utf-8"), _("UTF-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), _("Windows-1252")


def _read_bytes(source: str | Path | bytes) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        raw, name = bytes(source), _("the file")
    else:
        path = Path(source)
        if not path.is_file():
            raise SurveyFileError(
                _("There is no file {path}. Check the name and the folder.").format(path=path)
            )
        raw, name = path.read_bytes(), path.name
        if path.suffix.lower() in (".xlsx", ".xls", ".ods"):
            raw = b"PK\x03\x04"  # refused below, with the same words
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise SurveyFileError(
            _(
                "{name} is a spreadsheet workbook, not a CSV file. Open it in your spreadsheet "
                "and use File → Save as → CSV, then load the CSV."
            ).format(name=name)
        )
    return raw, name


def _table(text: str, name: str) -> tuple[pd.DataFrame, str]:
    """Every cell as stripped text ("" when empty), one row per line after the header."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        raise SurveyFileError(_("There is nothing in {name}.").format(name=name))
    sep = max((";", ",", "\t"), key=first.count)
    cells = pd.read_csv(
        io.StringIO(text),
        sep=sep,
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
        index_col=False,  # a trailing separator must not turn the first column into an index
    )
    cells.columns = [str(c).strip() for c in cells.columns]
    cells = cells.fillna("").apply(lambda column: column.str.strip())
    cells.index = pd.RangeIndex(2, len(cells) + 2, name="line")  # the header is line 1
    words = {";": _("semicolons"), ",": _("commas"), "\t": _("tabs")}
    return cells, words[sep]


def _find(columns: list[str], given: str | None, known: tuple[str, ...], what: str) -> str | None:
    """The column to use for ``what``: the one named, or the only one whose name fits."""
    listing = ", ".join(repr(c) for c in columns)
    if given is not None:
        match = [c for c in columns if c.lower() == given.strip().lower()]
        if not match:
            raise SurveyFileError(
                _("There is no column called {given}; the file has {listing}.").format(
                    given=repr(given), listing=listing
                )
            )
        return match[0]
    for name in known:  # the most telling names first
        match = [c for c in columns if name in c.lower()]
        if len(match) == 1:
            return match[0]
        if len(match) > 1:
            raise SurveyFileError(
                _(
                    "Several columns could hold the {what}: {found}. Say which one, for example "
                    "{what}={example}."
                ).format(what=what, found=", ".join(repr(c) for c in match), example=repr(match[0]))
            )
    return None


def _scores(cells: pd.Series, column: str, scale: str, trust_scale: bool) -> pd.Series:
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
                    column=repr(column), count=count, lines=_lines(cells.index[bad], cells[bad])
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
            ).format(column=repr(column), lines=_lines(cells.index[big], cells[big]))
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
                lines=_lines(cells.index[outside], cells[outside]),
            )
        )  # fmt: skip
    return numbers


def _dates(cells: pd.Series, column: str, date_format: str | None) -> tuple[pd.Series, str]:
    """The date column as dates (NaT where empty) and how it was read."""
    filled = cells[cells != ""]
    if filled.empty:
        return pd.Series(pd.NaT, index=cells.index), ""
    if filled.str.fullmatch(_ISO).all():
        return pd.to_datetime(cells.where(cells != ""), errors="coerce"), _("YYYY-MM-DD")
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
                lines=_lines(filled.index[unread], filled[unread]),
            )
        )  # fmt: skip
    first, second = parts[0].astype(int), parts[1].astype(int)
    if date_format is None:
        if (first > 12).any() and (second <= 12).all():
            date_format = "day/month/year"
        elif (second > 12).any() and (first <= 12).all():
            date_format = "month/day/year"
        else:
            example = filled.iloc[0]
            raise SurveyFileError(
                _(
                    "Column {column}: dates like {example} (line {line}) could be day/month/year "
                    'or month/day/year. Say which: read_survey(..., date_format="day/month/year")'
                    ", or write the dates as YYYY-MM-DD."
                ).format(column=repr(column), example=repr(example), line=int(filled.index[0]))
            )
    if date_format not in DATE_FORMATS:
        raise SurveyFileError(
            _("date_format must be one of {formats}.").format(formats=", ".join(DATE_FORMATS))
        )
    day_first = DATE_FORMATS[date_format]
    read = pd.to_datetime(filled.str.split(" ").str[0], dayfirst=day_first, errors="coerce")
    if read.isna().any():
        bad = read.isna()
        raise SurveyFileError(
            _("Column {column}: {count} dates are not real {format} dates: {lines}.").format(
                column=repr(column), count=int(bad.sum()), format=date_format,
                lines=_lines(filled.index[bad], filled[bad]),
            )
        )  # fmt: skip
    return read.reindex(cells.index), date_format


def _reading_notes(
    name: str,
    encoding: str,
    separator: str,
    score_column: str,
    count: int,
    staff_column: str | None,
    date_column: str | None,
    date_words: str,
    skipped_blank: int,
    skipped_score: int,
) -> list[str]:
    """What the reader did with the file, in plain words, for the learner to see."""
    notes = [
        _("Read {name}: {encoding}, separated by {separator}.").format(
            name=name, encoding=encoding, separator=separator
        ),
        _("Scores from column {column} ({count} answers).").format(
            column=repr(score_column), count=count
        ),
    ]
    if skipped_blank:
        notes.append(
            ngettext(
                "Skipped {count} blank line.", "Skipped {count} blank lines.", skipped_blank
            ).format(count=skipped_blank)
        )
    if skipped_score:
        notes.append(
            ngettext(
                "Skipped {count} line without a score.",
                "Skipped {count} lines without a score.",
                skipped_score,
            ).format(count=skipped_score)
        )
    if staff_column:
        notes.append(_("Staff from column {column}.").format(column=repr(staff_column)))
    if date_words:
        notes.append(
            _("Dates from column {column}, read as {format}.").format(
                column=repr(date_column), format=date_words
            )
        )
    return notes


def read_survey(
    source: str | Path | bytes,
    scale: str = "nps",
    score: str | None = None,
    staff: str | None = None,
    date: str | None = None,
    date_format: str | None = None,
    trust_scale: bool = False,
) -> OwnSurvey:
    """Read a survey export (a CSV file, or its bytes) and check it.

    ``scale``: ``"nps"`` for 0-10 answers ("how likely are you to recommend us?"), ``"csat"`` for
    1-5 ("how satisfied were you?"). ``score``, ``staff``, ``date`` name the columns; left out,
    they are found by their names (the staff and date columns are optional). ``date_format``:
    ``"day/month/year"`` or ``"month/day/year"`` when the dates alone cannot tell.
    """
    if scale not in SCALES:
        raise SurveyFileError(_('scale must be "nps" (0-10) or "csat" (1-5).'))
    raw, name = _read_bytes(source)
    text, encoding = _decode(raw)
    cells, separator = _table(text, name)
    columns = list(cells.columns)
    score_column = _find(columns, score, SCORE_NAMES[scale], "score")
    if score_column is None:
        raise SurveyFileError(
            _(
                "No column looks like the score; the file has {listing}. Say which one, for "
                "example score={example}."
            ).format(listing=", ".join(repr(c) for c in columns), example=repr(columns[0]))
        )
    staff_column = _find(columns, staff, STAFF_NAMES, "staff")
    date_column = _find(columns, date, DATE_NAMES, "date")
    blank = (cells == "").all(axis=1)
    numbers = _scores(cells[score_column], score_column, scale, trust_scale)
    dates, date_words = (
        _dates(cells[date_column], date_column, date_format)
        if date_column
        else (pd.Series(pd.NaT, index=cells.index), "")
    )
    keep = numbers.notna()
    if not keep.any():
        raise SurveyFileError(
            _("Column {column} holds no scores: there is nothing to count.").format(
                column=repr(score_column)
            )
        )
    no_staff = pd.Series(pd.NA, index=cells.index, dtype="string")
    staff_cells = cells[staff_column].replace("", pd.NA) if staff_column else no_staff
    answers = pd.DataFrame(
        {
            "line": cells.index[keep],
            "score": numbers[keep].to_numpy(),
            "staff": staff_cells[keep].astype("string").to_numpy(),
            "date": dates[keep].to_numpy(),
        }
    )
    notes = _reading_notes(
        name, encoding, separator, score_column, len(answers), staff_column, date_column,
        date_words, skipped_blank=int(blank.sum()), skipped_score=int((~keep & ~blank).sum()),
    )  # fmt: skip
    return OwnSurvey(answers=answers, scale=scale, notes=tuple(notes))


def survey_scores(survey: OwnSurvey) -> pd.Series:
    """The survey's score with its 95 % margin, in plain words and rounded."""
    scores = survey.answers["score"]
    dates = survey.answers["date"].dropna()
    rows: dict[str, object] = {_("answers"): len(scores)}
    if not dates.empty:
        rows[_("from")] = dates.min().date().isoformat()
        rows[_("to")] = dates.max().date().isoformat()
    if survey.scale == "nps":
        result = nps(scores)
        rows[_("promoters, 9-10 (%)")] = round(100 * result.promoters)
        rows[_("detractors, 0-6 (%)")] = round(100 * result.detractors)
        rows[_("NPS")] = round(result.score)
        rows[_("± (95 %)")] = round(result.margin, 1)
    else:
        happy = int((scores >= 4).sum())
        low, high = wilson_interval(happy, len(scores))
        rows[_("CSAT (%)")] = round(100 * csat(scores))
        rows[_("lowest likely (%)")] = round(100 * low)
        rows[_("highest likely (%)")] = round(100 * high)
    return pd.Series(rows, dtype=object)


def survey_funnel(survey: OwnSurvey) -> Funnel:
    """The funnel plot's numbers for the staff the answers name (NPS or CSAT, as the scale)."""
    if not survey.has_staff:
        raise SurveyFileError(_("No answer names a member of staff, so there is no funnel plot."))
    answers = survey.answers
    if survey.scale == "nps":
        return nps_funnel(answers["score"], answers["staff"])
    return csat_funnel(answers["score"] >= 4, answers["staff"])


def write_sample_export(folder: str | Path, surveys: pd.DataFrame, shop: str = "SH1") -> Path:
    """Write the town's answered surveys of ``shop`` into ``folder`` as a spreadsheet would
    export them (semicolons, a byte-order mark, day/month/year dates, a blank line), for the
    notebook's example. ``folder`` should be a temporary folder, never ``data/``."""
    answered = surveys.loc[surveys["responded"].astype(bool) & (surveys["shop_id"] == shop)]
    export = pd.DataFrame(
        {
            "Date answered": answered["answered"].dt.strftime("%d/%m/%Y"),
            "How likely to recommend us (0-10)": answered["nps"].astype("Int64").astype(str),
            "Served by": answered["staff_named"].fillna(""),
        }
    )
    lines = [";".join(export.columns)] + [";".join(row) for row in export.to_numpy(dtype=str)]
    lines.insert(len(lines) // 2, ";;")  # a blank row, as spreadsheets leave them
    path = Path(folder) / "our_survey_export.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


__all__ = [
    "OwnSurvey",
    "SurveyFileError",
    "read_survey",
    "survey_funnel",
    "survey_scores",
    "write_sample_export",
]
