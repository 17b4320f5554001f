"""One random stream per named step: adding a step (and a table) changes no existing table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.data import SCHEMAS
from helpers.town import DEFAULT_SEED, town_csv_text
from helpers.town.csv_text import csv_texts
from helpers.town.simulation import MONTHLY_STEPS, Step, simulate
from helpers.town.state import Month, TownState
from helpers.town.streams import Streams, stream_key
from helpers.town.surveys import survey
from helpers.town.tables import raw_tables


def _texts_with(
    steps: tuple[Step, ...], seed: int = DEFAULT_SEED
) -> tuple[dict[str, str], TownState]:
    state = simulate(seed, steps=steps)
    return csv_texts(raw_tables(state)), state


def _loyalty_card(state: TownState, month: Month, rng: np.random.Generator) -> None:
    """A made-up new step: a loyalty card offered at some visits, in a table of its own."""
    offered = rng.random(len(month)) < 0.3
    stamps = rng.integers(1, 10, len(month))
    state.record("loyalty_cards", vid=month.visit[offered], stamps=stamps[offered])


def test_a_new_step_with_a_new_table_changes_no_existing_table() -> None:
    before = town_csv_text(DEFAULT_SEED)
    # In the middle of the month, so it draws between steps that feed each other.
    at = [s.name for s in MONTHLY_STEPS].index("service") + 1
    steps = (*MONTHLY_STEPS[:at], Step("loyalty card", _loyalty_card), *MONTHLY_STEPS[at:])
    after, state = _texts_with(steps)
    assert after.keys() == before.keys() == SCHEMAS.keys()
    for name in SCHEMAS:
        assert after[name] == before[name], f"adding a step changed {name}"
    cards = state.raw("loyalty_cards")
    assert len(cards["vid"]) > 1000 and cards["stamps"].min() >= 1


def test_a_step_that_draws_more_changes_only_its_own_table() -> None:
    def hungrier_surveys(state: TownState, month: Month, rng: np.random.Generator) -> None:
        rng.random(7)  # draws a few more numbers than before, every month
        survey(state, month, rng)

    steps = tuple(
        Step(s.name, hungrier_surveys) if s.name == "surveys" else s for s in MONTHLY_STEPS
    )
    before = town_csv_text(DEFAULT_SEED)
    after, _ = _texts_with(steps)
    changed = {name for name in SCHEMAS if after[name] != before[name]}
    assert changed == {"surveys"}


def test_streams_are_keyed_by_name_and_seed() -> None:
    first, again = Streams(7), Streams(7)
    draws = first["arrivals"].random(5)
    np.testing.assert_array_equal(again["arrivals"].random(5), draws)
    assert not np.array_equal(Streams(7)["service"].random(5), draws)
    assert not np.array_equal(Streams(8)["arrivals"].random(5), draws)
    # Asking for other streams first, or in another order, does not move a stream.
    other = Streams(7)
    other["word of mouth"].random(100)
    np.testing.assert_array_equal(other["arrivals"].random(5), draws)
    # A fixed hash of the name, not Python's salted hash(): the same in every process.
    assert stream_key("arrivals") == 3786172146216372507


def test_the_same_step_draws_month_after_month_from_one_stream() -> None:
    a, _ = _texts_with(MONTHLY_STEPS, seed=5)
    b, _ = _texts_with(MONTHLY_STEPS, seed=5)
    assert a == b
    visits = pd.Series(a["visits"].splitlines()[1:])
    assert visits.str.slice(8, 15).nunique() == 24  # every month of the history has visits
