"""Bring your own survey: messy files as spreadsheets export them, made here, never in data/."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

from helpers.data import cached_table
from helpers.exercises import Note
from helpers.lessons.feedback.in_town import scores_by_shop
from helpers.lessons.feedback.my_survey import SurveyReport, my_survey, write_sample_export
from helpers.lessons.feedback.own_survey import (
    SurveyFileError,
    code_key,
    read_survey,
    staff_codes,
    survey_funnel,
    survey_scores,
)


def test_the_sample_export_reads_back_to_the_towns_figures(tmp_path):
    surveys = cached_table("surveys")
    path = write_sample_export(tmp_path, surveys)
    assert path.parent == tmp_path and path.read_bytes().startswith(b"\xef\xbb\xbf")
    survey = read_survey(path, scale="nps")
    figures = survey_scores(survey).iloc[:, 0]
    town = scores_by_shop(surveys).loc["Riverside Goods"]
    assert figures["answers"] == town["answers"]
    assert figures["NPS"] == round(town["NPS"]) and figures["± (95 %)"] == round(town["NPS ±"], 1)
    assert any("semicolons" in note for note in survey.notes)
    assert any("day/month/year" in note for note in survey.notes)
    assert any("blank line" in note for note in survey.notes)
    funnel = survey_funnel(survey)
    assert (
        funnel.measure == "nps"
        and funnel.people["surveys"].sum() == survey.answers["staff"].notna().sum()
    )


def test_semicolons_a_bom_excel_dates_blank_rows_and_text_scores():
    text = (
        "Date;Score;Served by\r\n31/01/2025; 9 ;Ana\r\n;;\r\n01/02/2025;'10';\r\n".replace("'", "")
        + "\r\n"
        "13/02/2025 14:05;7,0;Ben\r\n"
        "14/02/2025;;Ben\r\n"
    )
    survey = read_survey(b"\xef\xbb\xbf" + text.encode("utf-8"), scale="nps")
    answers = survey.answers
    assert answers["score"].tolist() == [9, 10, 7]
    assert answers["line"].tolist() == [2, 4, 6]  # as the spreadsheet numbers them
    assert answers["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-01-31", "2025-02-01", "2025-02-13",
    ]  # fmt: skip
    assert answers["staff"].isna().tolist() == [False, True, False]
    assert "Skipped 2 blank lines." in survey.notes
    assert "Skipped 1 line without a score." in survey.notes


def test_windows_1252_and_iso_dates_and_commas():
    text = "Datum,Zufriedenheit,Mitarbeiter\n2025-03-01,5,Jörg\n2025-03-02,2,Zoë\n"
    survey = read_survey(text.encode("cp1252"), scale="csat", score="Zufriedenheit",
                         staff="Mitarbeiter", date="Datum")  # fmt: skip
    assert survey.answers["staff"].tolist() == ["Jörg", "Zoë"]
    assert "Windows-1252" in survey.notes[0] and "commas" in survey.notes[0]
    assert survey_scores(survey).iloc[:, 0]["CSAT (%)"] == 50


def test_na_words_count_as_no_answer():
    survey = read_survey(b"score\n9\nN/A\n-\n3\n", scale="nps")
    assert survey.answers["score"].tolist() == [9, 3]


def test_an_ambiguous_date_is_reported_with_the_format_to_use():
    data = b"Date;Score\n03/04/2025;9\n05/06/2025;8\n"
    with pytest.raises(SurveyFileError) as error:
        read_survey(data, scale="nps")
    message = str(error.value)
    assert "'Date'" in message and "line 2" in message
    assert 'date_format="day/month/year"' in message and "YYYY-MM-DD" in message
    told = read_survey(data, scale="nps", date_format="day/month/year")
    assert told.answers["date"].dt.month.tolist() == [4, 6]


def test_month_first_dates_are_read_only_when_the_file_proves_it():
    survey = read_survey(b"date,score\n04/13/2025,9\n04/01/2025,7\n", scale="nps")
    assert survey.answers["date"].dt.day.tolist() == [13, 1]


def test_excel_day_numbers_are_explained():
    with pytest.raises(SurveyFileError, match="Excel's day numbers"):
        read_survey(b"date,score\n45658,9\n45659,7\n", scale="nps")


def test_a_0_to_10_column_read_as_1_to_5_is_reported_never_rescaled():
    with pytest.raises(SurveyFileError) as error:
        read_survey(b"csat\n4\n5\n9\n10\n", scale="csat")
    message = str(error.value)
    assert "'csat'" in message and "line 4 ('9')" in message and 'scale="nps"' in message
    assert "never rescaled" in message


def test_a_1_to_5_column_read_as_0_to_10_is_reported():
    data = ("rating\n" + "\n".join(["4", "5", "3", "5", "4", "2", "5", "4", "5", "1"])).encode()
    with pytest.raises(SurveyFileError, match="looks like a 1-5 satisfaction column"):
        read_survey(data, scale="nps")
    trusted = read_survey(data, scale="nps", trust_scale=True)
    assert len(trusted.answers) == 10


def test_mixed_up_scores_outside_the_scale_name_the_lines():
    with pytest.raises(SurveyFileError) as error:
        read_survey(b"score\n4\n0\n5\n", scale="csat")
    assert "not between 1 and 5" in str(error.value) and "line 3 ('0')" in str(error.value)


def test_scores_that_are_not_numbers_name_the_lines():
    with pytest.raises(SurveyFileError) as error:
        read_survey(b"score\nten\n9\n8.5\n", scale="nps")
    assert "line 2 ('ten')" in str(error.value) and "1 score is not a number" in str(error.value)
    with pytest.raises(SurveyFileError, match="1 score is not a whole number"):
        read_survey(b"score\n9\n8.5\n", scale="nps")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "nothing in"),
        (b"\n\n", "nothing in"),
        (b"score\n", "no scores"),
        (b"score;staff\n;\n;Ana\n", "no scores"),
        (b"score;staff;\n;;\n;Ana;\n", "no scores"),
        (b"name;email\nAna;a@b.c\n", "No 0-10 score column found"),
        (b"PK\x03\x04 rest of a workbook", "Save as"),
    ],
)
def test_a_file_with_nothing_usable_is_explained(data, words):
    with pytest.raises(SurveyFileError, match=words):
        read_survey(data, scale="nps")


def test_a_workbook_by_name_and_a_missing_file(tmp_path):
    book = tmp_path / "survey.xlsx"
    book.write_bytes(b"not really a workbook")
    with pytest.raises(SurveyFileError, match="Save as"):
        read_survey(book)
    with pytest.raises(SurveyFileError, match="There is no file 'missing.csv' in the folder"):
        read_survey(tmp_path / "missing.csv")


def test_two_possible_score_columns_must_be_named():
    with pytest.raises(SurveyFileError, match="Several columns"):
        read_survey(b"NPS score,NPS last year\n9,8\n", scale="nps")
    with pytest.raises(SurveyFileError, match="no column called 'mood'"):
        read_survey(b"score\n9\n", scale="nps", score="mood")


def test_no_staff_no_funnel():
    with pytest.raises(SurveyFileError, match="no funnel plot"):
        survey_funnel(read_survey(b"score\n9\n7\n", scale="nps"))


def test_a_csat_file_gets_a_csat_funnel():
    rows = "\n".join(f"{4 if i % 3 else 2},{'AB'[i % 2]}" for i in range(20))
    survey = read_survey(f"satisfaction,staff\n{rows}\n".encode(), scale="csat")
    funnel = survey_funnel(survey)
    assert funnel.measure == "csat" and funnel.people["surveys"].tolist() == [10, 10]


def test_nothing_is_written(tmp_path, monkeypatch):
    """'Nothing the team loads is written anywhere': reading touches no file but the one read."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ours.csv"
    path.write_bytes(b"score\n9\n")
    before = sorted(p.name for p in Path(tmp_path).iterdir())
    read_survey(path)
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == before


def test_messages_go_through_the_translation_function(pretend_language):
    pretend_language({"There is nothing in {name}.": "Rien dans {name}."})
    with pytest.raises(SurveyFileError, match="Rien dans"):
        read_survey(b"", scale="nps")


def test_scores_table_shape():
    figures = survey_scores(read_survey(b"score\n9\n10\n3\n7\n", scale="nps"))
    assert isinstance(figures, pd.DataFrame) and figures.shape[1] == 1
    assert figures.iloc[:, 0]["NPS"] == 25 and figures.iloc[:, 0]["answers"] == 4


# -- the learner review: a real file, step by step --------------------------------------------

LEARNERS_FILE = (
    'Date;Satisfaction (1-5);Cashier\r\n03/04/2025;4;Ana\r\n05/06/2025;"4,0";Ben\r\n;;\r\n'
    "07/06/2025;5;Ana\r\n"
)


@pytest.fixture
def learners_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a name alone is looked for in the notebook's own folder
    (tmp_path / "B_csat.csv").write_text(LEARNERS_FILE, encoding="utf-8")
    return tmp_path


def test_a_missing_file_says_where_it_looked_and_how_to_upload(learners_file):
    with pytest.raises(SurveyFileError) as error:
        read_survey("A_csat.csv")
    message = str(error.value)
    assert f"in the folder {learners_file.resolve()}" in message
    assert "Upload button" in message and "drag it" in message
    assert "CSV files in that folder: B_csat.csv." in message


def test_a_1_to_5_file_read_as_nps_is_told_to_say_csat(learners_file):
    with pytest.raises(SurveyFileError) as error:
        read_survey("B_csat.csv")
    message = str(error.value)
    assert message.startswith("No 0-10 score column found, but 'Satisfaction (1-5)'")
    assert 'add scale="csat"' in message and "score='Date'" not in message
    with pytest.raises(SurveyFileError, match=r"If your scores are 1-5, add scale=\"csat\""):
        read_survey(b"Date;Mood\n2025-01-01;4\n")
    with pytest.raises(SurveyFileError, match="for example score='Mood'"):
        read_survey(b"Date;Mood\n2025-01-01;4\n")


def test_the_date_message_gives_a_call_to_type_as_shown(learners_file):
    with pytest.raises(SurveyFileError) as error:
        read_survey("B_csat.csv", scale="csat")
    message = str(error.value)
    call = 'read_survey("B_csat.csv", scale="csat", date_format="day/month/year")'
    assert call in message and "..." not in message and "…" not in message
    survey = eval(call)  # typed exactly as the message shows it, it works
    assert survey.answers["date"].dt.month.tolist() == [4, 6, 6]
    assert survey.answers["score"].tolist() == [4, 4, 5]


def test_an_unnamed_staff_column_is_reported(learners_file):
    survey = read_survey("B_csat.csv", scale="csat", date_format="day/month/year")
    assert (
        "No column for the member of staff found. If one names them, say which: "
        "staff='Cashier'." in survey.notes
    )
    named = read_survey("B_csat.csv", scale="csat", date_format="day/month/year", staff="Cashier")
    assert "Staff from column 'Cashier'." in named.notes and named.has_staff


@pytest.mark.parametrize(
    "dates",
    [
        "03/04/2025\n05/06/2025\n13/06/2025",
        "2025-03-04\n2025-06-05 10:30\n2025-06-13",
        "1/2/25\n13/2/25",
    ],
)
def test_dates_never_make_pandas_warn(dates):
    rows = "\n".join(f"{d},9" for d in dates.split("\n"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        survey = read_survey(f"date,score\n{rows}\n".encode(), scale="nps", trust_scale=True)
    assert survey.answers["date"].notna().all()
    assert survey.answers["date"].dt.year.min() == 2025


def test_the_funnel_shows_codes_unless_told(learners_file):
    survey = read_survey("B_csat.csv", scale="csat", date_format="day/month/year", staff="Cashier")
    assert staff_codes(survey) == {"Ana": "P01", "Ben": "P02"}
    assert survey_funnel(survey).people.index.tolist() == ["P01", "P02"]
    assert survey_funnel(survey, codes=False).people.index.tolist() == ["Ana", "Ben"]
    assert code_key(survey).iloc[:, 0].tolist() == ["Ana", "Ben"]


def test_my_survey_never_raises(learners_file):
    assert isinstance(my_survey(""), Note) and "between the quotes" in my_survey("").text
    for call in (
        lambda: my_survey("A_csat.csv"),
        lambda: my_survey("B_csat.csv"),
        lambda: my_survey("B_csat.csv", scale="csat"),
        lambda: my_survey("B_csat.csv", scale="csat", dateformat="day/month/year"),
        lambda: my_survey("B_csat.csv", scale="percent"),
    ):
        shown = call()
        assert isinstance(shown, Note) and shown.kind == "hint", shown
    told = my_survey("B_csat.csv", scale="csat")
    assert 'my_survey("B_csat.csv", scale="csat", date_format="day/month/year")' in told.text
    assert "knows scale, score, staff" in my_survey("B_csat.csv", scales="csat").text
    report = my_survey("B_csat.csv", scale="csat", date_format="day/month/year", staff="Cashier")
    assert isinstance(report, SurveyReport) and report.survey.has_staff


def test_the_report_shows_notes_scores_and_funnel(learners_file, capsys):
    report = my_survey("B_csat.csv", scale="csat", date_format="day/month/year", staff="Cashier")
    report._ipython_display_()
    shown = capsys.readouterr().out
    assert "How the file was read" in shown and "CSAT (%)" in shown and "Figure" in shown
