"""The BG/NBD model: the published CDNOW fit, and what it predicts.

The CDNOW sample (2,357 customers, 39 weeks; Fader, Hardie & Lee 2005) is read from the data
file bundled with the ``lifetimes`` package, pinned in requirements.txt as test-only data. The
package itself is never imported (it may not import under pandas 3): only its file is read.
"""

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.lessons.repeat_business.counting import BGNBDFit, Histories, fit
from helpers.validation import ParameterError


@pytest.fixture(scope="module")
def cdnow() -> Histories:
    spec = importlib.util.find_spec("lifetimes")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("lifetimes (test-only data, pinned in requirements.txt) is not installed")
    path = Path(spec.submodule_search_locations[0]) / "datasets" / "cdnow_customers_summary.csv"
    table = pd.read_csv(path)
    assert len(table) == 2357
    return Histories(table["frequency"], table["recency"], table["T"])


def test_our_fit_reproduces_the_published_cdnow_fit(cdnow):
    """Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4."""
    found = fit(cdnow)
    assert found.r == pytest.approx(0.243, abs=6e-4)
    assert found.alpha == pytest.approx(4.414, abs=6e-4)
    assert found.a == pytest.approx(0.793, abs=6e-4)
    assert found.b == pytest.approx(2.426, abs=6e-4)
    assert round(found.log_likelihood, 1) == -9582.4


def test_predictions_are_sound(cdnow):
    model = BGNBDFit(0.243, 4.414, 0.793, 2.426, -9582.4, len(cdnow))
    alive = model.alive(cdnow)
    assert ((alive > 0) & (alive <= 1)).all()
    assert (alive[cdnow.repeats == 0] == 1).all()  # nobody is seen to drop before a repeat
    ahead = model.expected_visits(cdnow, 39.0)
    assert (ahead >= 0).all() and np.isfinite(ahead).all()
    assert (model.expected_visits(cdnow, 78.0) > ahead).all()


def test_a_long_silence_lowers_the_chance_of_still_being_a_customer():
    model = BGNBDFit(0.243, 4.414, 0.793, 2.426, 0.0, 2)
    recent = Histories([5, 5], [38.0, 10.0], [39.0, 39.0])
    alive = model.alive(recent)
    assert alive[0] > alive[1]


def test_odd_histories_are_explained():
    with pytest.raises(ParameterError, match="whole numbers"):
        Histories([1.5], [3.0], [10.0])
    with pytest.raises(ParameterError, match="between the first visit"):
        Histories([2], [12.0], [10.0])
    with pytest.raises(ParameterError, match="one entry each"):
        Histories([1, 2], [3.0], [10.0])
    with pytest.raises(ParameterError, match="no customers"):
        fit(Histories([], [], []))
