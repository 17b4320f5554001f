"""Shared by the lessons' exercises: the town's tables, loaded once for all checks."""

from functools import cache

import pandas as pd


@cache
def town_tables() -> dict[str, pd.DataFrame]:
    """The town's visits and surveys, loaded once for all exercise checks (read, never changed)."""
    from helpers.data import load_surveys, load_visits

    return {"visits": load_visits(), "surveys": load_surveys()}
