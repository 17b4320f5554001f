"""The pandera checks behind the loaders, and the plain words they end in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest

from helpers import DATA_DIR
from helpers.data import SCHEMAS, DataFileError, load_table, load_town, parse_table
from helpers.data.validation import SHOW_PROBLEMS, cell_schema


def _broken(tmp_path: Path, name: str, cells: dict[tuple[int, str], str]) -> Path:
    """A copy of data/ in which ``name``'s cells at (row, column) hold new text."""
    for table in SCHEMAS.values():
        shutil.copy(DATA_DIR / table.file, tmp_path / table.file)
    raw = pd.read_csv(tmp_path / f"{name}.csv", dtype=str, keep_default_na=False)
    for (row, column), text in cells.items():
        raw.loc[row, column] = text
    raw.to_csv(tmp_path / f"{name}.csv", index=False, lineterminator="\n")
    return tmp_path


def _message(tmp_path: Path, name: str, cells: dict[tuple[int, str], str]) -> str:
    with pytest.raises(DataFileError) as err:
        load_table(name, _broken(tmp_path, name, cells))
    return str(err.value)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_every_table_has_a_pandera_schema(name: str) -> None:
    schema = cell_schema(SCHEMAS[name])
    assert isinstance(schema, pa.DataFrameSchema)
    assert list(schema.columns) == SCHEMAS[name].column_names


def test_every_problem_in_a_file_is_listed_in_file_order(tmp_path: Path) -> None:
    message = _message(
        tmp_path,
        "visits",
        {
            (9, "courteous"): "yes",
            (1, "wait_minutes"): "abc",
            (7, "wait_minutes"): "12.5",
            (3, "amount"): "-4",
        },
    )
    assert message.splitlines() == [
        "visits.csv, column 'amount': 1 cell is not between 0 and 5000: line 5 ('-4').",
        "visits.csv, column 'wait_minutes': 1 cell is not a number: line 3 ('abc').",
        "visits.csv, column 'wait_minutes': 1 cell is not a whole number: line 9 ('12.5').",
        "visits.csv, column 'courteous': 1 cell is not 'true' or 'false': line 11 ('yes').",
    ]


def test_counts_agree_with_their_words_and_long_lists_are_cut(tmp_path: Path) -> None:
    message = _message(tmp_path, "surveys", {(row, "sent"): "soon" for row in range(7)})
    assert message == (
        "surveys.csv, column 'sent': 7 cells are not real dates written YYYY-MM-DD: "
        "line 2 ('soon'), line 3 ('soon'), line 4 ('soon'), line 5 ('soon'), line 6 ('soon') "
        "and 2 more."
    )


def test_empty_required_cell_and_repeated_id(tmp_path: Path) -> None:
    raw = pd.read_csv(DATA_DIR / "staff.csv", dtype=str, keep_default_na=False)
    message = _message(
        tmp_path, "staff", {(2, "name"): "", (3, "staff_id"): raw.loc[0, "staff_id"]}
    )
    assert message.splitlines() == [
        f"staff.csv, column 'staff_id': 1 cell repeats an id already used above: "
        f"line 5 ('{raw.loc[0, 'staff_id']}').",
        "staff.csv, column 'name': 1 cell is empty but a value is required: line 4 ('').",
    ]


def test_ids_categories_and_optional_cells(tmp_path: Path) -> None:
    message = _message(
        tmp_path,
        "surveys",
        {(0, "customer_id"): "c12", (1, "staff_named"): "Anna", (2, "comment"): ""},
    )
    assert message.splitlines() == [
        "surveys.csv, column 'customer_id': 1 cell is not an id like C0001: line 2 ('c12').",
        "surveys.csv, column 'staff_named': 1 cell is not an id like S01: line 3 ('Anna').",
    ]
    message = _message(tmp_path, "ties", {(0, "kind"): "cousin"})
    assert "1 cell holds a value outside the allowed list (family, friend): line 2" in message


def test_missing_and_unknown_columns_together(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "shops", {})
    raw = pd.read_csv(folder / "shops.csv", dtype=str, keep_default_na=False)
    raw.drop(columns=["street", "opened"]).assign(manager="Ann").to_csv(
        folder / "shops.csv", index=False
    )
    with pytest.raises(DataFileError) as err:
        load_table("shops", folder)
    missing, unknown = str(err.value).splitlines()
    assert missing.startswith("shops.csv, column 'street': the column is missing")
    assert "(missing: street, opened; expected: shop_id, name, street, opened," in missing
    assert unknown == (
        "shops.csv, column 'manager': unknown column (the data dictionary does not list manager)."
    )


def test_many_problems_are_cut_too(tmp_path: Path) -> None:
    bad = {(0, c.name): "?" for c in SCHEMAS["visits"].columns if c.name != "visit_id"}
    lines = _message(tmp_path, "visits", bad).splitlines()
    assert len(lines) == SHOW_PROBLEMS + 1
    assert lines[-1] == f"... and {len(bad) - SHOW_PROBLEMS} more problems."


def test_staff_from_the_other_shop(tmp_path: Path) -> None:
    staff = pd.read_csv(DATA_DIR / "staff.csv", dtype=str)
    visits = pd.read_csv(DATA_DIR / "visits.csv", dtype=str)
    other = staff.loc[staff["shop_id"] != visits.loc[0, "shop_id"], "staff_id"].iloc[0]
    folder = _broken(tmp_path, "visits", {(0, "staff_id"): other})
    with pytest.raises(DataFileError) as err:
        load_town(folder)
    assert str(err.value) == (
        f"visits.csv, column 'staff_id': 1 cell names staff who work in the other shop: "
        f"line 2 ('{other}')."
    )


def test_parse_table_checks_text_read_elsewhere() -> None:
    raw = pd.DataFrame(
        {
            "shop_id": ["SH1", "SH2"],
            "name": ["A", "B"],
            "street": ["x", "y"],
            "opened": ["2020-01-01", "2020-02-30"],
            "survey_share": ["0.5", "1.5"],
            "follow_up_share": ["0.1", "0.2"],
            "generous_share": ["0.1", "0.2"],
            "replies_to_reviews_from": ["2024-01-01", "2024-01-01"],
        }
    )
    with pytest.raises(DataFileError) as err:
        parse_table("shops", raw)
    assert str(err.value).splitlines() == [
        "shops.csv, column 'opened': 1 cell is not a real date written YYYY-MM-DD: "
        "line 3 ('2020-02-30').",
        "shops.csv, column 'survey_share': 1 cell is not between 0 and 1: line 3 ('1.5').",
    ]


def test_messages_go_through_the_translation_function(pretend_language) -> None:
    pretend_language(
        {
            "{file}, column '{column}': {problem}: {lines}.": "[{file}/{column}] {problem}:{lines}",
            ("{count} cell is not a number", "{count} cells are not numbers"): (
                "{count} NaN-cell",
                "{count} NaN-cells",
            ),
        }
    )
    raw = pd.read_csv(DATA_DIR / "staff.csv", dtype=str, keep_default_na=False)
    raw.loc[0, "hours_per_week"] = "many"
    with pytest.raises(DataFileError) as err:
        parse_table("staff", raw)
    assert str(err.value) == "[staff.csv/hours_per_week] 1 NaN-cell:line 2 ('many')"
