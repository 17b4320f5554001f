"""Run the model: set up the town, then every month run the steps in order.

A step is a named function ``step(state, month, rng)`` that reads the :class:`TownState` and the
:class:`Month` so far, fills in its part and records its events. :data:`MONTHLY_STEPS` lists them
in causal order; each draws from the generator :class:`Streams` gives its name (the set-up steps
too: "staff", "ties", "residents", "existing customers"), so a step added later never changes what
the others draw (see the package's docstring for the rules).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from helpers.town import (
    arrivals,
    complaints,
    follow_ups,
    reviews,
    satisfaction,
    service,
    surveys,
    word_of_mouth,
)
from helpers.town.effects import SHOPS, TRUE_EFFECTS, TrueEffects
from helpers.town.history import N_MONTHS
from helpers.town.network import make_ties
from helpers.town.people import (
    N_EXISTING,
    N_RESIDENTS,
    Customers,
    add_existing_customers,
    make_residents,
    make_staff,
)
from helpers.town.state import Month, TownState
from helpers.town.streams import DEFAULT_SEED, Streams


@dataclass(frozen=True)
class Step:
    """One step of a month: its name (which also names its random stream) and what it does."""

    name: str
    run: Callable[[TownState, Month, np.random.Generator], None]


#: The month's steps in causal order: each reads what the ones before it filled in.
MONTHLY_STEPS: tuple[Step, ...] = (
    Step("arrivals", arrivals.arrive),
    Step("service", service.serve),
    Step("satisfaction", satisfaction.feel),
    Step("purchases", service.buy),
    Step("complaints", complaints.complain),
    Step("retention", satisfaction.remember),
    Step("follow-ups", follow_ups.follow_up),
    Step("surveys", surveys.survey),
    Step("reviews", reviews.review),
    Step("word of mouth", word_of_mouth.talk),
)


def start_town(
    streams: Streams,
    fx: TrueEffects = TRUE_EFFECTS,
    n_residents: int = N_RESIDENTS,
    n_existing: int = N_EXISTING,
) -> TownState:
    """The town on 2024-01-01: staff, residents, their ties, and the existing customers."""
    staff = make_staff(streams["staff"], fx)
    ties = make_ties(streams["ties"], n_residents)
    residents = make_residents(streams["residents"], n_residents)
    customers = Customers.nobody(n_residents, len(SHOPS), N_MONTHS)
    add_existing_customers(customers, residents, n_existing, streams["existing customers"], fx)
    return TownState(fx=fx, staff=staff, residents=residents, ties=ties, customers=customers)


def simulate(
    seed: int = DEFAULT_SEED,
    fx: TrueEffects = TRUE_EFFECTS,
    steps: Sequence[Step] = MONTHLY_STEPS,
    n_residents: int = N_RESIDENTS,
    n_existing: int = N_EXISTING,
    n_months: int = N_MONTHS,
) -> TownState:
    """Run the first ``n_months`` months of the history (all 24 unless told) for a seed.

    Smaller towns and shorter runs are for tests; the shipped data uses the defaults.
    """
    names = [step.name for step in steps]
    if len(set(names)) != len(names):
        raise ValueError(f"Two steps share a name (and so a random stream): {names}")
    streams = Streams(seed)
    state = start_town(streams, fx, n_residents, n_existing)
    for m in range(n_months):
        month = Month.begin(m)
        for step in steps:
            step.run(state, month, streams[step.name])
        state.record("visits", **month.visit_columns())
    return state
