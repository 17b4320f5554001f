"""Tests for helpers.exercises.tables: table answers (DataFrame and Series)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from sample_questions import (
    TABLE,
    make_table,
)

from helpers.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    ValueQuestion,
    ____,
)


def test_table_right_answer_and_row_or_column_order() -> None:
    q = make_table()
    assert q.check(TABLE.copy()).status == CORRECT
    assert q.check(TABLE[["share_returned", "visits"]]).status == CORRECT  # column order free
    assert q.check(TABLE.astype({"visits": float})).status == CORRECT
    fb = q.check(TABLE.iloc[::-1])
    assert fb.status == INCORRECT and "different order" in fb.message
    relaxed = ValueQuestion("t", answer=TABLE, ignore_row_order=True)
    assert relaxed.check(TABLE.iloc[::-1]).status == CORRECT


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (TABLE.drop(columns="visits"), "Missing column: `visits`"),
        (TABLE.assign(extra=1), "did not expect: `extra`"),
        (TABLE.iloc[:2], "Wrong shape"),
        (TABLE.reset_index(), "`rep` should label the rows"),
        (TABLE.reset_index(drop=True), "labelled by `rep`"),
        (TABLE.assign(visits=[120, 80, 46]), "column `visits`: 1 row of 3 differs"),
        (TABLE.assign(visits=["a", "b", "c"]), "holds text"),
        (TABLE["visits"], "I expected a table"),
        (42, "I expected a table"),
    ],
)
def test_table_says_which_part_differs(answer: Any, words: str) -> None:
    fb = make_table().check(answer)
    assert fb.status == INCORRECT, fb
    assert words in fb.message, fb.message
    assert "0.41" not in fb.message  # never the expected values


def test_series_answers() -> None:
    expected = pd.Series([3, 5], index=pd.Index(["a", "b"], name="shop"), name="n")
    q = ValueQuestion("Visits per shop", answer=expected)
    assert q.check(expected.rename("other name")).status == CORRECT
    assert q.check(expected.to_frame()).status == CORRECT
    fb = q.check(pd.Series([3, 6], index=expected.index))
    assert fb.status == INCORRECT and "1 row of 2 differs" in fb.message
    assert q.check([3, 5]).status == INCORRECT
    assert q.check(pd.Series([3, ____], index=expected.index)).status == NOT_ATTEMPTED
    assert q.check(pd.Series(["3", "____"], index=expected.index)).status == NOT_ATTEMPTED


def test_table_counts_in_the_singular_and_plural() -> None:
    q = make_table()
    assert "your table has 1 row; I expected 3" in q.check(TABLE.iloc[:1]).message
    assert "your table has 2 rows; I expected 3" in q.check(TABLE.iloc[:2]).message
    fb = q.check(TABLE.drop(columns=["visits", "share_returned"]).assign(x=1, y=2))
    assert "Missing columns: `visits`, `share_returned`." in fb.message
    assert "Columns I did not expect: `x`, `y`." in fb.message
    both = TABLE.assign(visits=[1, 2, 3], share_returned=[0.41, 0.33, 0.2])
    fb = q.check(both)
    assert "in column `visits`: 3 rows of 3 differ" in fb.message
    assert "in column `share_returned`: 1 row of 3 differs" in fb.message
    column = ValueQuestion("?", answer=pd.Series([1, 2], name="n"))
    assert "your column has 1 row; I expected 2" in column.check(pd.Series([1])).message
