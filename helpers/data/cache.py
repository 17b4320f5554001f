"""The town's tables loaded once per session, for exercise checks and lesson helpers.

Checks run every time a learner presses *Check*; reading a CSV each time would be slow. The cached
tables must be read, never changed (callers that change a table take a ``.copy()`` first).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from helpers.data.loaders import load_table


@cache
def cached_table(name: str) -> pd.DataFrame:
    """The town's table ``name`` (e.g. ``"visits"``), loaded and checked once, then reused."""
    return load_table(name)


def shop_names() -> dict[str, str]:
    """Each shop's name by its id, e.g. ``{"SH1": "Riverside Goods", ...}``."""
    shops = cached_table("shops")
    return dict(zip(shops["shop_id"], shops["name"], strict=True))
