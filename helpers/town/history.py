"""The history's calendar: 24 calendar months, January 2024 to December 2025.

The model's time step is the calendar month; "month 0" is January 2024. Every step and the answer
key count months with :func:`month_index`, so there is one definition of it.

The records end on :data:`LAST_DAY`: what the model lets happen after it (a complaint resolved,
a survey answered, a review posted in January 2026) is not in the files; :func:`inside_history`
is the one test for it.
"""

from __future__ import annotations

import numpy as np

#: The history covers 24 calendar months.
N_MONTHS = 24
FIRST_DAY = np.datetime64("2024-01-01", "D")
LAST_DAY = np.datetime64("2025-12-31", "D")
FIRST_MONTH = np.datetime64("2024-01", "M")


def month_index(dates: np.ndarray) -> np.ndarray:
    """Months since January 2024 (0 = January 2024, 23 = December 2025) of each date."""
    months = np.asarray(dates).astype("datetime64[M]")
    return (months - FIRST_MONTH).astype(int)


def inside_history(dates: np.ndarray) -> np.ndarray:
    """Which dates lie inside the history, :data:`FIRST_DAY` to :data:`LAST_DAY` (both in)."""
    dates = np.asarray(dates, dtype="datetime64[D]")
    return (dates >= FIRST_DAY) & (dates <= LAST_DAY)


def month_days(m: int) -> tuple[np.datetime64, int]:
    """First day and number of days of month ``m`` (0 = January 2024)."""
    start = (FIRST_MONTH + m).astype("datetime64[D]")
    end = (FIRST_MONTH + m + 1).astype("datetime64[D]")
    return start, int((end - start).astype(int))
