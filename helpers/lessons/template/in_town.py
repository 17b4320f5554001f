"""Template analysis of the sample town: one question asked of the data, as a small table."""

from __future__ import annotations

import pandas as pd

from helpers.i18n import _


def visits_by_shop(visits: pd.DataFrame) -> pd.DataFrame:
    """Visits per shop, and the share of them that were courteous (%), as the notebook shows it."""
    grouped = visits.groupby("shop_id")
    return pd.DataFrame(
        {
            _("visits"): grouped.size(),
            _("treated politely (%)"): (100 * grouped["courteous"].mean()).round(0).astype(int),
        }
    )
