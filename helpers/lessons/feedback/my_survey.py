"""Bring your own survey, in the notebook: one line that reads a team's file and shows it.

:func:`my_survey` reads the file with :func:`.own_survey.read_survey` and shows how it was read,
the score with its margin and the staff funnel (by code, never by name); when the file cannot be
read yet it shows the reader's message in a box, so an empty or wrong cell never shows a
traceback. :func:`write_sample_export` writes the notebook's example file (the town's answers as a
spreadsheet exports them) into a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.exercises.look import Note
from helpers.i18n import _
from helpers.lessons.feedback.own_survey import (
    OwnSurvey,
    SurveyFileError,
    read_survey,
    survey_funnel,
    survey_scores,
)


class SurveyReport:
    """What :func:`my_survey` shows: how the file was read, its score, and its staff funnel."""

    def __init__(self, survey: OwnSurvey, title: str) -> None:
        self.survey, self.title = survey, title

    def _ipython_display_(self) -> None:
        from IPython.display import display

        from helpers.lessons.feedback.charts import funnel_chart

        display(
            Note("info", _("How the file was read"), "\n".join(f"- {n}" for n in self.survey.notes))
        )
        display(survey_scores(self.survey))
        if self.survey.has_staff:
            display(funnel_chart(survey_funnel(self.survey), self.title))


def my_survey(name: str = "", scale: str = "nps", **options: object) -> SurveyReport | Note:
    """A team's own file, for the notebook's empty cell: the notes, the score with its margin
    and the funnel (staff by code), or, when the file cannot be read yet, the reader's message
    in a box (never an error). ``options`` are those of :func:`read_survey`."""
    if not str(name).strip():
        return Note(
            "info",
            _("Your own survey"),
            _(
                "Write your file's name between the quotes, for example "
                '`my_survey("our_survey.csv", scale="csat")`, and run the cell again.'
            ),
        )
    try:
        survey = read_survey(name, scale, **options, _caller="my_survey")  # type: ignore[arg-type]
    except SurveyFileError as error:
        return Note("hint", _("Your survey cannot be read yet"), str(error))
    except TypeError as error:
        return Note("hint", _("Your survey cannot be read yet"), _unknown_option(error))
    title = _("Our survey: {measure} by member of staff").format(
        measure="NPS" if survey.scale == "nps" else "CSAT"
    )
    return SurveyReport(survey, title)


def _unknown_option(error: TypeError) -> str:
    """A misspelt option (``scales=``, ``date=`` given twice) in plain words."""
    return _(
        "One of the words in the brackets is not one the reader knows ({problem}). It knows "
        "scale, score, staff, date, date_format and trust_scale."
    ).format(problem=str(error).split("() ")[-1])


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
