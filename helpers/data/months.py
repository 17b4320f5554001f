"""Calendar months of the sample data, counted from its first month (January 2024).

One month index for every table and for the generator, so "the next month" means the same thing
everywhere: :func:`month_number` gives 0 for January 2024, 11 for December 2024, 12 for January
2025.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.i18n import ngettext

__all__ = ["FIRST_MONTH", "month_number", "returned_next_month"]

#: Month number 0: the sample data's records start in January 2024.
FIRST_MONTH = pd.Period("2024-01", freq="M")


def month_number(dates: pd.Series | np.ndarray | list) -> np.ndarray:
    """Whole calendar months between January 2024 and each date: 0-based, as integers.

    ``2024-01-31`` → 0, ``2024-02-01`` → 1, ``2025-01-15`` → 12; dates before 2024 (customers who
    joined earlier) give negative numbers. ``dates`` is a column or list of dates (anything
    ``pd.to_datetime`` reads). An empty date has no month: it raises :class:`ValueError`.
    """
    days = pd.DatetimeIndex(pd.to_datetime(dates))
    if days.hasnans:
        empty = int(days.isna().sum())
        raise ValueError(
            ngettext(
                "{count} date is empty, so it has no month number.",
                "{count} dates are empty, so they have no month number.",
                empty,
            ).format(count=empty)
        )
    months = (days.year - FIRST_MONTH.year) * 12 + (days.month - FIRST_MONTH.month)
    return np.asarray(months, dtype=np.int64)


def returned_next_month(visits: pd.DataFrame) -> pd.Series:
    """For each visit: did the same customer visit (either shop) in the next calendar month?

    Empty (``<NA>``) for visits in the last month of the data, where nobody can know yet.
    This is the "return" the course's satisfaction → return link talks about (lesson 01).
    """
    if visits.empty:
        return pd.Series(dtype="boolean", index=visits.index)
    month = month_number(visits["date"])
    seen = pd.MultiIndex.from_arrays([visits["customer_id"], month])
    following = pd.MultiIndex.from_arrays([visits["customer_id"], month + 1])
    came = pd.Series(following.isin(seen), index=visits.index, dtype="boolean")
    came[month == month.max()] = pd.NA
    return came
