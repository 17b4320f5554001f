"""The exercises of each notebook, one module per notebook (``from helpers.questions.X import ex``).

Every module defines ``exercises``: an :class:`helpers.exercises.Exercises` whose questions carry
their own right and wrong example answers, so one test checks them all.
"""

from functools import cache

import pandas as pd


@cache
def town_tables() -> dict[str, pd.DataFrame]:
    """The town's visits and surveys, loaded once for all exercise checks (read, never changed)."""
    from helpers.data import load_surveys, load_visits

    return {"visits": load_visits(), "surveys": load_surveys()}


#: Notebook stem → module holding its exercises.
BY_NOTEBOOK: dict[str, str] = {
    "00_start_here": "helpers.questions.start_here",
    "01_satisfaction": "helpers.questions.satisfaction",
}
