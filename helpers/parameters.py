"""A model's parameter as a learner meets it: plain name, unit, range and step.

Every lesson's model declares its parameters with :class:`Parameter`; the same record checks a
value (a plain-words :class:`~helpers.validation.ParameterError` when it is out of range), labels
the slider (:func:`helpers.simulator.slider_for`) and gives the tests both ends of every slider.
The words are marked for translation here and translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from helpers.i18n import _
from helpers.validation import require_between


@dataclass(frozen=True)
class Parameter:
    """One model parameter: what it is called, its unit, its range and step."""

    name: str  #: the parameter's name in code (and the simulator's slider key)
    plain: str  #: plain words for error messages ("Problems fixed"); mark with N_()
    label: str  #: the slider's label with its unit ("Problems fixed (%)"); mark with N_()
    unit: str  #: "%", "minutes", "×", "" ...
    default: float
    low: float
    high: float
    step: float
    help: str = ""  #: one sentence: what the number means; mark with N_()
    illustrative: bool = False  #: True when the default is a teaching choice, not a measurement

    def check(self, value: object) -> float:
        """The value as a float, or a plain-words :class:`ParameterError` naming the parameter."""
        return require_between(_(self.plain), value, self.low, self.high, self.unit)

    def positions(self) -> list[float]:
        """Every position the slider can take, from ``low`` to ``high``."""
        count = int(round((self.high - self.low) / self.step)) + 1
        return [float(v) for v in np.round(self.low + self.step * np.arange(count), 10)]

    def test_points(self) -> list[float]:
        """Both ends, the default and the middle: where a test should try the model."""
        middle = self.low + self.step * round((self.high - self.low) / 2 / self.step)
        return sorted({float(self.low), float(self.default), float(middle), float(self.high)})


def percent(
    name: str, plain: str, label: str, default: float, help: str = "", **extra
) -> Parameter:
    """A share of visits or customers, 0-100 % in steps of 5."""
    return Parameter(name, plain, label, "%", default, 0, 100, 5, help, **extra)
