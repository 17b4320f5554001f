"""The sample town's files: the generator rebuilds data/ exactly, and the files hang together.

The planted effects are tested in test_town_effects.py, each step of the model in
test_town_steps.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import DATA_DIR
from helpers.data import SCHEMAS, load_town
from helpers.town import (
    DEFAULT_SEED,
    FIRST_DAY,
    LAST_DAY,
    build_town,
    main,
    town_csv_text,
    write_town,
)


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return load_town(DATA_DIR)


def test_generator_reproduces_data_byte_for_byte(tmp_path: Path) -> None:
    written = write_town(tmp_path)
    assert {p.name for p in written} == {t.file for t in SCHEMAS.values()} | {"README.md"}
    for path in written:
        shipped = DATA_DIR / path.name
        assert shipped.is_file(), f"{path.name} missing from data/: run python -m helpers.town"
        assert path.read_bytes() == shipped.read_bytes(), (
            f"data/{path.name} differs from what the generator produces: run python -m helpers.town"
        )


def test_same_seed_same_data_different_seed_different() -> None:
    first = town_csv_text(DEFAULT_SEED + 1)
    assert town_csv_text(DEFAULT_SEED + 1) == first
    other = town_csv_text(DEFAULT_SEED + 2)
    assert other["visits"] != first["visits"]
    assert other["customers"] != first["customers"]


def test_build_town_matches_loaders(tables: dict[str, pd.DataFrame]) -> None:
    built = build_town()
    assert built.keys() == tables.keys()
    for name in tables:
        pd.testing.assert_frame_equal(built[name], tables[name], obj=name)


def test_sizes(tables: dict[str, pd.DataFrame]) -> None:
    total = sum(p.stat().st_size for p in DATA_DIR.iterdir() if p.is_file())
    assert total < 8e6
    assert 3500 <= len(tables["customers"]) <= 6000
    assert len(tables["visits"]) > 10_000
    dates = tables["visits"]["date"]
    assert dates.min() >= pd.Timestamp("2024-01-01")
    assert dates.max() <= pd.Timestamp("2025-12-31")


def test_readme_lists_every_column_of_every_file() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", readme, flags=re.MULTILINE)
    for table in SCHEMAS.values():
        matching = [s for s in sections if s.startswith(table.file)]
        assert matching, f"data/README.md has no section for {table.file}"
        header = (DATA_DIR / table.file).read_text(encoding="utf-8").splitlines()[0].split(",")
        for column in header:
            assert f"| `{column}` |" in matching[0], f"{table.file}: {column} not documented"


def test_command_line_writes_the_town(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path / "town"), "--seed", str(DEFAULT_SEED + 3)]) == 0
    assert "Wrote 12 files" in capsys.readouterr().out
    written = load_town(tmp_path / "town")
    built = build_town(DEFAULT_SEED + 3)
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(written[name], built[name], obj=name)
    assert (tmp_path / "town" / "README.md").is_file()


#: Date columns that may point before the history (documented in data/README.md, "Conventions").
BEFORE_THE_HISTORY = {("shops", "opened"), ("customers", "joined")}


@pytest.mark.parametrize("seed", [None, DEFAULT_SEED + 1], ids=["shipped data", "another seed"])
def test_every_date_lies_inside_the_history(
    tables: dict[str, pd.DataFrame], seed: int | None
) -> None:
    town = tables if seed is None else build_town(seed)
    first, last = pd.Timestamp(FIRST_DAY), pd.Timestamp(LAST_DAY)
    checked = 0
    for name, table in SCHEMAS.items():
        for col in (c for c in table.columns if c.kind == "date"):
            dates = town[name][col.name].dropna()
            assert (dates <= last).all(), (
                f"{name}.{col.name}: {dates.max().date()} after {LAST_DAY}"
            )
            early = dates < first
            if (name, col.name) == ("customers", "joined"):
                # Only people already customers when the records start joined before them.
                existing = town[name].loc[dates.index, "acquired_via"] == "existing"
                assert (early == existing).all()
            elif (name, col.name) not in BEFORE_THE_HISTORY:
                assert not early.any(), (
                    f"{name}.{col.name}: {dates.min().date()} before {FIRST_DAY}"
                )
            checked += 1
    assert checked == 13  # every date column of every table


def test_the_last_day_is_an_ordinary_day(tables: dict[str, pd.DataFrame]) -> None:
    # Events that would fall after the history are left out, not piled onto its last day.
    for name, column in [("word_of_mouth", "date"), ("reviews", "date"), ("surveys", "sent")]:
        dates = tables[name][column]
        december = dates[dates >= pd.Timestamp("2025-12-01")]
        per_day = december.value_counts()
        assert per_day.get(pd.Timestamp(LAST_DAY), 0) <= max(3 * per_day.median(), 3), name


def test_open_complaints_and_late_answers_are_not_in_the_files(
    tables: dict[str, pd.DataFrame],
) -> None:
    complaints, surveys = tables["complaints"], tables["surveys"]
    days = (complaints["resolved"] - complaints["date"]).dt.days
    assert (days == complaints["days_to_resolve"]).all()  # resolved dates are not clipped
    answered = surveys["responded"].astype(bool)
    assert surveys["answered"].notna().eq(answered).all()
    unanswered = ["answered", "csat", "nps", "staff_named", "comment"]
    assert surveys.loc[~answered, unanswered].isna().all().all()
