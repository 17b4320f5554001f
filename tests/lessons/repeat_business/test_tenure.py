"""The shifted-beta-geometric model: formulas, the published fits, recovery, every slider."""

import numpy as np
import pytest
from scipy.special import betaln

from helpers.lessons.repeat_business import tenure
from helpers.lessons.repeat_business.tenure import (
    FADER_HARDIE_2007,
    PARAMETERS,
    alpha_beta,
    fit,
    log_likelihood,
    retention_by_period,
    simulate_cohorts,
)
from helpers.validation import ParameterError

POINTS = [(name, value) for name, spec in PARAMETERS.items() for value in spec.test_points()]


@pytest.mark.parametrize("group", list(FADER_HARDIE_2007))
def test_our_fit_finds_fader_and_hardies_published_parameters(group):
    """Fader & Hardie (2007) fit α = 0.704, β = 1.182 (regular) and α = 0.668, β = 3.806 (high
    end) to the first seven years of their Table 1."""
    data = FADER_HARDIE_2007[group]
    found = fit([data["survivors"]])
    assert round(found.alpha, 3) == data["alpha"]
    assert round(found.beta, 3) == data["beta"]


def test_the_defaults_are_fader_and_hardies_regular_customers():
    regular = fit([FADER_HARDIE_2007["regular"]["survivors"]])
    assert round(100 * regular.leaving) == PARAMETERS["leaving"].default
    assert round(regular.difference, 2) == pytest.approx(PARAMETERS["difference"].default)


@pytest.mark.parametrize(("leaving", "difference"), [(0.37, 0.35), (0.1, 0.8), (0.6, 0.05)])
def test_retention_matches_the_beta_function_formulas(leaving, difference):
    a, b = alpha_beta(leaving, difference)
    t = np.arange(0, 11)
    closed = np.exp(betaln(a, b + t) - betaln(a, b))  # S(t) = B(α, β + t) / B(α, β)
    np.testing.assert_allclose(
        tenure.survival(retention_by_period(leaving, difference, 10)), closed
    )
    assert a / (a + b) == pytest.approx(leaving) and 1 / (a + b + 1) == pytest.approx(difference)


def test_fitting_recovers_the_parameters_of_simulated_cohorts():
    """Data drawn from the model itself: the fit finds the α and β they were drawn with."""
    truth_alpha, truth_beta = 0.7, 1.2
    cohorts = simulate_cohorts(truth_alpha, truth_beta, [4000] * 6, [7, 6, 5, 4, 3, 2], seed=7)
    found = fit(cohorts)
    assert found.alpha == pytest.approx(truth_alpha, rel=0.12)
    assert found.beta == pytest.approx(truth_beta, rel=0.12)
    assert found.customers == 24_000


def test_the_fit_is_a_maximum():
    data = [FADER_HARDIE_2007["regular"]["survivors"]]
    best = fit(data)
    for da, db in [(0.05, 0), (-0.05, 0), (0, 0.05), (0, -0.05)]:
        assert log_likelihood(best.alpha + da, best.beta + db, data) < best.log_likelihood


def test_odd_cohorts_are_explained():
    with pytest.raises(ParameterError, match="never grow"):
        log_likelihood(1, 1, [[100, 60, 70]])
    with pytest.raises(ParameterError, match="period after its start"):
        fit([[100], [50]])
    assert log_likelihood(1, 1, [[100]]) == 0.0  # a cohort that just started says nothing


@pytest.mark.parametrize(("name", "value"), POINTS)
def test_every_slider_at_both_ends(name, value):
    outcome = tenure.tenure(**{name: value})
    for line in (outcome.survivors, outcome.survivors_alike):
        assert line[0] == 1 and (np.diff(line) <= 0).all() and (line > 0).all()
    assert ((outcome.retention > 0) & (outcome.retention < 1)).all()
    assert (np.diff(outcome.retention) >= 0).all()
    assert (outcome.survivors >= outcome.survivors_alike - 1e-12).all()


@pytest.mark.parametrize("name", list(PARAMETERS))
def test_just_off_each_end_is_explained(name):
    spec = PARAMETERS[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            tenure.tenure(**{name: value})


def test_one_update_is_fast():
    import time

    started = time.perf_counter()
    for value in PARAMETERS["leaving"].positions():
        tenure.tenure(leaving=value)
    assert (time.perf_counter() - started) / len(PARAMETERS["leaving"].positions()) < 0.01
