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

A funnel of the staff the answers name shows each person by a code, not by name (a room should
not rank named colleagues): :func:`code_key` says who is who, for the trainer's own screen.
The notebook's one-line way in, :func:`.my_survey.my_survey`, shows the reader's message in a
box instead of an error.

Nothing is written anywhere: the file is read into memory, and the answers stay in the notebook.
Lines are numbered as in the file (the header is line 1), as a spreadsheet shows them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.i18n import _, ngettext
from helpers.lessons.feedback.funnel import Funnel, csat_funnel, nps_funnel
from helpers.lessons.feedback.survey_cells import SCALES, SurveyFileError, dates, scores
from helpers.metrics import csat, nps, wilson_interval

#: Column names recognised without being told (lower case; a name containing one also counts).
SCORE_NAMES = {
    "nps": ("nps", "recommend", "score", "rating"),
    "csat": ("csat", "satisfaction", "satisfied", "score", "rating"),
}
STAFF_NAMES = ("staff", "served by", "employee", "colleague", "advisor", "agent")
DATE_NAMES = ("date", "answered", "submitted", "timestamp")


@dataclass(frozen=True)
class OwnSurvey:
    """A team's survey answers, cleaned: one row per answer with a score."""

    answers: pd.DataFrame  #: line (in the file), score, staff (or <NA>), date (or NaT)
    scale: str  #: "nps" (0-10) or "csat" (1-5)
    notes: tuple[str, ...]  #: how the file was read, in plain words

    @property
    def has_staff(self) -> bool:
        return bool(self.answers["staff"].notna().any())


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
            raise SurveyFileError(_missing_file(path))
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


def _missing_file(path: Path) -> str:
    """Where the reader looked, what is there, and how a file gets there in JupyterLab."""
    folder = (path.parent if str(path.parent) not in ("", ".") else Path.cwd()).resolve()
    message = _(
        "There is no file {name} in the folder {folder} (the notebook's own folder, unless you "
        "wrote another). Put your file there: in JupyterLab, drag it from your computer onto "
        "the file list on the left, or use the Upload button (the arrow pointing up) above "
        "that list. Then check that the name in quotes matches, with its ending (.csv)."
    ).format(name=repr(path.name), folder=folder)
    found = sorted(p.name for p in folder.glob("*.csv"))[:5] if folder.is_dir() else []
    if found:
        message += " " + _("CSV files in that folder: {files}.").format(files=", ".join(found))
    return message


def _example_call(function: str, name: str, scale: str, **extra: str) -> str:
    """The learner's own call, ready to type as shown: read_survey("ours.csv", scale="csat")."""
    given = "".join(f', {key}="{value}"' for key, value in extra.items())
    return f'{function}("{name}", scale="{scale}"{given})'


def _no_score_column(columns: list[str], scale: str) -> str:
    """Why no score column was found, with the change most likely to help."""
    listing = ", ".join(repr(c) for c in columns)
    other = "csat" if scale == "nps" else "nps"
    hinted = [c for c in columns if any(word in c.lower() for word in SCORE_NAMES[other])]
    if hinted:
        return _(
            "No {scale} score column found, but {column} looks like a {other} one: add "
            'scale="{other_scale}". The file has {listing}.'
        ).format(
            scale=_("0-10") if scale == "nps" else _("1-5"),
            column=repr(hinted[0]),
            other=_("1-5") if other == "csat" else _("0-10"),
            other_scale=other,
            listing=listing,
        )
    if scale == "nps":
        text = _(
            "No 0-10 score column found; the file has {listing}. If your scores are 1-5, add "
            'scale="csat"; otherwise say which column holds them, for example score={example}.'
        )
    else:
        text = _(
            "No 1-5 score column found; the file has {listing}. If your scores are 0-10, use "
            'scale="nps"; otherwise say which column holds them, for example score={example}.'
        )
    undated = [c for c in columns if not any(word in c.lower() for word in DATE_NAMES)]
    return text.format(listing=listing, example=repr((undated or columns)[0]))


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
    unused: list[str] | None = None,
) -> list[str]:
    """What the reader did with the file, in plain words, for the learner to see; ``unused``
    are the columns it did not use (one of them may name the staff under another name)."""
    unused = unused or []
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
    elif unused:
        notes.append(
            _(
                "No column for the member of staff found. If one names them, say which: "
                "staff={example}."
            ).format(example=repr(unused[0]))
        )
    if date_words:
        notes.append(
            _("Dates from column {column}, read as {format}.").format(
                column=repr(date_column), format=date_words
            )
        )
    return notes


def _answers(
    cells: pd.DataFrame, keep: pd.Series, numbers: pd.Series, staff: str | None, when: pd.Series
) -> pd.DataFrame:
    """One row per answer with a score: its line in the file, score, staff (or <NA>), date."""
    no_staff = pd.Series(pd.NA, index=cells.index, dtype="string")
    staff_cells = cells[staff].replace("", pd.NA) if staff else no_staff
    return pd.DataFrame(
        {
            "line": cells.index[keep],
            "score": numbers[keep].to_numpy(),
            "staff": staff_cells[keep].astype("string").to_numpy(),
            "date": when[keep].to_numpy(),
        }
    )


def read_survey(
    source: str | Path | bytes,
    scale: str = "nps",
    score: str | None = None,
    staff: str | None = None,
    date: str | None = None,
    date_format: str | None = None,
    trust_scale: bool = False,
    *,
    _caller: str = "read_survey",
) -> OwnSurvey:
    """Read a survey export (a CSV file, or its bytes) and check it.

    ``scale``: ``"nps"`` for 0-10 answers ("how likely are you to recommend us?"), ``"csat"`` for
    1-5 ("how satisfied were you?"). ``score``, ``staff``, ``date`` name the columns; left out,
    they are found by their names (the staff and date columns are optional; the notes say when
    no staff column was found). ``date_format``: ``"day/month/year"`` or ``"month/day/year"``
    when the dates alone cannot tell. A file name is looked for in the notebook's own folder.
    """
    if scale not in SCALES:
        raise SurveyFileError(_('scale must be "nps" (0-10) or "csat" (1-5).'))
    raw, name = _read_bytes(source)
    text, encoding = _decode(raw)
    cells, separator = _table(text, name)
    columns = list(cells.columns)
    score_column = _find(columns, score, SCORE_NAMES[scale], "score")
    if score_column is None:
        raise SurveyFileError(_no_score_column(columns, scale))
    staff_column = _find(columns, staff, STAFF_NAMES, "staff")
    date_column = _find(columns, date, DATE_NAMES, "date")
    blank = (cells == "").all(axis=1)
    numbers = scores(cells[score_column], score_column, scale, trust_scale)
    shown_name = name if isinstance(source, str | Path) else "our_survey.csv"
    call = _example_call(_caller, shown_name, scale, date_format="day/month/year")
    when, date_words = (
        dates(cells[date_column], date_column, date_format, call)
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
    answers = _answers(cells, keep, numbers, staff_column, when)
    unused = [c for c in columns if c not in (score_column, staff_column, date_column) and c]
    notes = _reading_notes(
        name, encoding, separator, score_column, len(answers), staff_column, date_column,
        date_words, skipped_blank=int(blank.sum()), skipped_score=int((~keep & ~blank).sum()),
        unused=[c for c in unused if not c.lower().startswith("unnamed")],
    )  # fmt: skip
    return OwnSurvey(answers=answers, scale=scale, notes=tuple(notes))


def survey_scores(survey: OwnSurvey) -> pd.DataFrame:
    """The survey's score with its 95 % margin, in plain words and rounded (one column)."""
    values = survey.answers["score"]
    days = survey.answers["date"].dropna()
    rows: dict[str, object] = {_("answers"): len(values)}
    if not days.empty:
        rows[_("from")] = days.min().date().isoformat()
        rows[_("to")] = days.max().date().isoformat()
    if survey.scale == "nps":
        result = nps(values)
        rows[_("promoters, 9-10 (%)")] = round(100 * result.promoters)
        rows[_("detractors, 0-6 (%)")] = round(100 * result.detractors)
        rows[_("NPS")] = round(result.score)
        rows[_("± (95 %)")] = round(result.margin, 1)
    else:
        happy = int((values >= 4).sum())
        low, high = wilson_interval(happy, len(values))
        rows[_("CSAT (%)")] = round(100 * csat(values))
        rows[_("lowest likely (%)")] = round(100 * low)
        rows[_("highest likely (%)")] = round(100 * high)
    return pd.DataFrame({_("our survey"): pd.Series(rows, dtype=object)})


def staff_codes(survey: OwnSurvey) -> dict[str, str]:
    """A code for each member of staff the answers name (P01, P02, … in the order the file
    first names them), so a funnel on a projector shows no colleague's name."""
    named = survey.answers["staff"].dropna().drop_duplicates()
    return {name: f"P{i:02d}" for i, name in enumerate(named, 1)}


def code_key(survey: OwnSurvey) -> pd.DataFrame:
    """Which code stands for whom: for the trainer's own screen, never the projector."""
    codes = staff_codes(survey)
    return pd.DataFrame(
        {_("name in the file"): list(codes)},
        index=pd.Index(list(codes.values()), name=_("code")),
    )


def survey_funnel(survey: OwnSurvey, codes: bool = True) -> Funnel:
    """The funnel plot's numbers for the staff the answers name (NPS or CSAT, as the scale).

    With ``codes=True`` (the default) each person is shown by a code (:func:`staff_codes`), not
    by the name in the file: a room should not rank named colleagues. ``codes=False`` shows the
    names, for a manager's own screen."""
    if not survey.has_staff:
        raise SurveyFileError(_("No answer names a member of staff, so there is no funnel plot."))
    answers = survey.answers
    person = answers["staff"].map(staff_codes(survey)) if codes else answers["staff"]
    if survey.scale == "nps":
        return nps_funnel(answers["score"], person)
    return csat_funnel(answers["score"] >= 4, person)


__all__ = [
    "OwnSurvey",
    "SurveyFileError",
    "code_key",
    "read_survey",
    "staff_codes",
    "survey_funnel",
    "survey_scores",
]
