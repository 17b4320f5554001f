"""Loaders: the real files load with the right types; broken copies are rejected clearly."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import DATA_DIR
from helpers import data as d
from helpers.data import SCHEMAS, Column, DataFileError, load_table, load_town

LOADERS = {
    "shops": d.load_shops,
    "staff": d.load_staff,
    "customers": d.load_customers,
    "ties": d.load_ties,
    "visits": d.load_visits,
    "complaints": d.load_complaints,
    "follow_ups": d.load_follow_ups,
    "surveys": d.load_surveys,
    "reviews": d.load_reviews,
    "word_of_mouth": d.load_word_of_mouth,
    "referrals": d.load_referrals,
}


def _dtype_ok(series: pd.Series, col: Column) -> bool:
    checks = {
        "id": pd.api.types.is_string_dtype,
        "text": pd.api.types.is_string_dtype,
        "category": lambda s: isinstance(s.dtype, pd.CategoricalDtype),
        "int": lambda s: s.dtype == "Int64",
        "float": lambda s: s.dtype == "float64",
        "date": pd.api.types.is_datetime64_dtype,
        "bool": lambda s: s.dtype == "boolean",
    }
    return bool(checks[col.kind](series))


def test_every_table_has_a_loader() -> None:
    assert set(LOADERS) == set(SCHEMAS)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_loader_reads_real_file_with_right_types(name: str) -> None:
    frame = LOADERS[name]()
    table = SCHEMAS[name]
    assert list(frame.columns) == table.column_names
    assert len(frame) > 0
    for col in table.columns:
        assert _dtype_ok(frame[col.name], col), (
            f"{name}.{col.name} has dtype {frame[col.name].dtype}"
        )
        if col.required:
            assert frame[col.name].notna().all(), f"{name}.{col.name} has empty cells"


def test_load_town_checks_all_keys() -> None:
    tables = load_town()
    assert set(tables) == set(SCHEMAS)
    visits = tables["visits"]
    assert visits["customer_id"].isin(tables["customers"]["customer_id"]).all()
    # Optional answers really are missing where no question was asked.
    assert visits.loc[~visits["question_asked"], "question_answered"].isna().all()


# --- Broken copies -------------------------------------------------------------------------------


def _copy_data(tmp_path: Path) -> Path:
    for table in SCHEMAS.values():
        shutil.copy(DATA_DIR / table.file, tmp_path / table.file)
    return tmp_path


def _raw(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / SCHEMAS[name].file, dtype=str, keep_default_na=False)


def _write(folder: Path, name: str, raw: pd.DataFrame) -> None:
    raw.to_csv(folder / SCHEMAS[name].file, index=False, lineterminator="\n")


def _unknown_id(pattern: str) -> str:
    """An id with the right shape that no table uses (all nines)."""
    return re.sub(r"\\d\{(\d)\}", lambda m: "9" * int(m.group(1)), pattern)


def _assert_names(err: pytest.ExceptionInfo[DataFileError], file: str, column: str) -> None:
    message = str(err.value)
    assert file in message, message
    assert f"'{column}'" in message, message
    assert "Traceback" not in message


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_missing_column_is_rejected(tmp_path: Path, name: str) -> None:
    folder = _copy_data(tmp_path)
    column = SCHEMAS[name].column_names[1]
    _write(folder, name, _raw(folder, name).drop(columns=column))
    with pytest.raises(DataFileError) as err:
        load_table(name, folder)
    _assert_names(err, SCHEMAS[name].file, column)
    assert "missing" in str(err.value)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_wrong_type_is_rejected(tmp_path: Path, name: str) -> None:
    folder = _copy_data(tmp_path)
    table = SCHEMAS[name]
    typed = [c for c in table.columns if c.kind in ("int", "float", "date", "bool")]
    col = typed[0] if typed else next(c for c in table.columns if c.pattern)
    raw = _raw(folder, name)
    raw.loc[1, col.name] = "abc"
    _write(folder, name, raw)
    with pytest.raises(DataFileError) as err:
        load_table(name, folder)
    _assert_names(err, table.file, col.name)
    assert "line 3 ('abc')" in str(err.value)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_out_of_range_value_is_rejected(tmp_path: Path, name: str) -> None:
    folder = _copy_data(tmp_path)
    table = SCHEMAS[name]
    ranged = [c for c in table.columns if c.allowed or c.high is not None]
    col = ranged[0] if ranged else next(c for c in table.columns if c.kind == "date")
    if col.allowed:
        bad = "something else"
    elif col.high is not None:
        bad = str(int(col.high) + 1000)
    else:
        bad = "2025-02-30"  # no such day
    raw = _raw(folder, name)
    raw.loc[0, col.name] = bad
    _write(folder, name, raw)
    with pytest.raises(DataFileError) as err:
        load_table(name, folder)
    _assert_names(err, table.file, col.name)
    assert "line 2" in str(err.value)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_broken_key_is_rejected(tmp_path: Path, name: str) -> None:
    folder = _copy_data(tmp_path)
    table = SCHEMAS[name]
    raw = _raw(folder, name)
    refs = [c for c in table.columns if c.references]
    if refs:  # an id pointing nowhere
        col = refs[0]
        raw.loc[len(raw) - 1, col.name] = _unknown_id(col.pattern)
    else:  # no foreign key: break the table's own key instead (a repeated id)
        col = next(c for c in table.columns if c.name == table.key)
        raw.loc[1, col.name] = raw.loc[0, col.name]
    _write(folder, name, raw)
    with pytest.raises(DataFileError) as err:
        load_town(folder)
    _assert_names(err, table.file, col.name)


def test_visit_pointing_to_unknown_customer(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    raw = _raw(folder, "visits")
    raw.loc[4, "customer_id"] = "C9999"
    _write(folder, "visits", raw)
    with pytest.raises(
        DataFileError, match=r"visits\.csv, column 'customer_id'.*line 6 \('C9999'\)"
    ):
        load_town(folder)


def test_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"visits\.csv: file not found.*helpers\.town"):
        d.load_visits(tmp_path)


def test_unreadable_file_is_explained(tmp_path: Path) -> None:
    (tmp_path / "shops.csv").write_bytes(b"\xff\xfe\x00garbage\x00\n\x01")
    with pytest.raises(DataFileError, match=r"shops\.csv"):
        d.load_shops(tmp_path)


def test_data_file_error_is_a_value_error() -> None:
    assert issubclass(DataFileError, ValueError)


def test_returned_next_month() -> None:
    visits = pd.DataFrame(
        {
            "customer_id": ["C0001", "C0001", "C0002", "C0001"],
            "date": pd.to_datetime(["2024-01-05", "2024-02-01", "2024-01-09", "2024-04-02"]),
        }
    )
    came = d.returned_next_month(visits)
    assert came.tolist()[:3] == [True, False, False]
    assert came.isna().tolist() == [False, False, False, True]
