"""One month index for the whole course: months since January 2024."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.data import load_visits, month_number, returned_next_month


def test_month_number_counts_from_january_2024() -> None:
    dates = ["2023-12-31", "2024-01-01", "2024-01-31", "2024-02-01", "2024-12-31", "2025-01-01"]
    months = month_number(pd.Series(pd.to_datetime(dates)))
    assert isinstance(months, np.ndarray)
    assert months.tolist() == [-1, 0, 0, 1, 11, 12]
    assert np.issubdtype(months.dtype, np.integer)


def test_month_number_takes_lists_and_arrays() -> None:
    days = np.array(["2024-03-05", "2025-12-31"], dtype="datetime64[D]")
    assert month_number(days).tolist() == [2, 23]
    assert month_number(["2024-03-05"]).tolist() == [2]


def test_month_number_refuses_empty_dates() -> None:
    with pytest.raises(ValueError, match="1 date is empty"):
        month_number(pd.Series(pd.to_datetime(["2024-03-05", None])))


def test_real_visits_span_the_two_years() -> None:
    months = month_number(load_visits()["date"])
    assert months.min() == 0
    assert months.max() == 23


def test_returned_next_month_crosses_the_new_year() -> None:
    visits = pd.DataFrame(
        {
            "customer_id": ["C0001", "C0001", "C0002", "C0003"],
            "date": pd.to_datetime(["2024-12-20", "2025-01-02", "2024-12-01", "2025-02-01"]),
        }
    )
    came = returned_next_month(visits)
    assert came.tolist()[:3] == [True, False, False]
    assert came.isna().tolist() == [False, False, False, True]


def test_returned_next_month_of_no_visits() -> None:
    empty = pd.DataFrame({"customer_id": pd.Series(dtype="string"), "date": pd.to_datetime([])})
    assert returned_next_month(empty).empty
