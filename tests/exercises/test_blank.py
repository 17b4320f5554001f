"""Tests for helpers.exercises.blank: the blank ``____``."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sample_questions import (
    make_value,
)

from helpers.exercises import (
    NOT_ATTEMPTED,
    ____,
)


def test_blank_survives_arithmetic_and_is_not_attempted() -> None:
    assert repr(____) == "____" and f"{____}" == "____"
    for blank in (____ / 100, 3 * ____, round(____, 2), -____, np.float64(2) * ____):
        assert blank is ____
    assert (pd.Series([1, 2]) + ____) is ____
    q = make_value()
    for blank in (____, None, "____", f"{____} %", "", [____, 1], ...):
        assert q.check(blank).status == NOT_ATTEMPTED
