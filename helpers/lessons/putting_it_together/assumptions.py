"""What the chain simulator's answers owe to its shape, and what to the numbers we chose.

The simulator needs numbers no study gives for Market Street: how busy staff are at the usual
staffing (60 % of the time), the margin (30 % of sales), the wage (2,000 units a month), how
fast engagement moves (half-way in 6 months), what an hour of training costs (30 units). Here
each is changed on its own, and the questions of the notebook are asked again:

* **The model's shape** (true whatever these numbers): a cut's saving comes in month 1; service
  drops in month 1 too, while customers leave only as their memories fade; the links run in order
  (staff, then service in the same month, then customers, then profit); training costs first and
  earns later.
* **Our numbers** decide the rest: whether a cut of staff loses money over 24 months at all, and
  in which month training pays back.

:func:`changed_numbers` swaps the numbers for the length of a ``with`` block (and clears the
model's caches on the way in and out), so the model itself stays a plain function of its sliders.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from helpers.i18n import N_
from helpers.lessons.putting_it_together import experiments, model, money, staff, town_months

#: The numbers that may be changed: name -> (module, constant).
NUMBERS = {
    "busy": (staff, "USUAL_BUSY"),
    "wage": (money, "WAGE"),
    "margin": (money, "MARGIN_SHARE"),
    "half_life": (staff, "HALF_LIFE"),
    "training_hour": (money, "TRAINING_HOUR"),
}

#: The variants the notebook shows: a plain-words name and the number changed (ours first).
VARIANTS: tuple[tuple[str, dict[str, float]], ...] = (
    (N_("our numbers"), {}),
    (N_("staff busy 50 % of the time (not 60 %)"), {"busy": 0.5}),
    (N_("staff busy 80 % of the time"), {"busy": 0.8}),
    (N_("wage 1,500 a month (not 2,000)"), {"wage": 1_500}),
    (N_("wage 3,000 a month"), {"wage": 3_000}),
    (N_("margin 20 % of sales (not 30 %)"), {"margin": 0.2}),
    (N_("margin 40 % of sales"), {"margin": 0.4}),
    (N_("engagement half-way in 3 months (not 6)"), {"half_life": 3}),
    (N_("engagement half-way in 12 months"), {"half_life": 12}),
    (N_("training hour 15 (not 30)"), {"training_hour": 15}),
    (N_("training hour 60"), {"training_hour": 60}),
)


def _clear() -> None:
    model._chain.cache_clear()
    model._staff.cache_clear()
    town_months.settled_memory.cache_clear()


@contextmanager
def changed_numbers(**numbers: float) -> Iterator[None]:
    """Inside the block, the model runs with some of :data:`NUMBERS` changed."""
    unknown = set(numbers) - set(NUMBERS)
    if unknown:
        raise KeyError(f"No number called {', '.join(sorted(unknown))}; there are {list(NUMBERS)}")
    before = {name: getattr(*NUMBERS[name]) for name in numbers}
    for name, value in numbers.items():
        setattr(*NUMBERS[name], value)
    _clear()
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(*NUMBERS[name], value)
        _clear()


@dataclass(frozen=True)
class Variant:
    """The notebook's questions asked again with some numbers changed."""

    two_fewer: experiments.Cut  #: staff 8 → 6
    one_fewer: experiments.Cut  #: staff 8 → 7
    training: experiments.Delays  #: training 10 → 40 hours


def variant(**numbers: float) -> Variant:
    """Two fewer staff, one fewer, and 40 hours of training, with ``numbers`` changed."""
    with changed_numbers(**numbers):
        return Variant(
            two_fewer=experiments.cut(staff=6),
            one_fewer=experiments.cut(staff=7),
            training=experiments.delays(training_hours=40),
        )


def variants() -> dict[str, Variant]:
    """Every variant of :data:`VARIANTS`, by its name (not yet translated)."""
    return {name: variant(**numbers) for name, numbers in VARIANTS}
