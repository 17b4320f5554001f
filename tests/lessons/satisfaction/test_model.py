"""The satisfaction model (notebook 01): ranges, directions, the Xerox ratio, and the simulators."""

import time

import numpy as np
import pandas as pd
import pytest

from helpers.course import lesson
from helpers.lessons.satisfaction import model as sat
from helpers.lessons.satisfaction.model import (
    BAD_VISITS,
    PARAMETERS,
    POPULATION,
    ServiceParams,
    bad_moment_outcome,
    interest_outcome,
    return_curve,
    return_probability,
    simulate,
)
from helpers.lessons.satisfaction.simulators import (
    SERVICE_SLIDERS,
    bad_moments_simulator,
    interest_simulator,
    loyalty_curve_simulator,
    satisfaction_simulator,
)
from helpers.simulator import Simulator
from helpers.theme import MEANING
from helpers.validation import ParameterError

SIMULATORS = {sim.name: sim.factory for sim in lesson("01_satisfaction").simulations}


def _grid(spec):
    """Both ends of a slider, its default, and a point in between."""
    middle = spec.low + spec.step * round((spec.high - spec.low) / 2 / spec.step)
    return sorted({spec.low, spec.default, middle, spec.high})


def _steps(spec):
    """Every position of a slider."""
    return np.arange(spec.low, spec.high + spec.step / 2, spec.step).tolist()


ALL_POINTS = [(name, value) for name, spec in PARAMETERS.items() for value in _grid(spec)]


def _check_outcome(outcome):
    assert outcome.size == POPULATION
    assert outcome.counts.sum() == POPULATION
    assert outcome.counts.shape == (5,)
    assert set(np.unique(outcome.scores)) <= {1, 2, 3, 4, 5}
    assert np.isfinite(outcome.experience).all()
    assert np.isfinite(outcome.return_probability).all()
    assert ((outcome.return_probability >= 0) & (outcome.return_probability <= 1)).all()
    assert 0 <= outcome.share_coming_back <= 1
    assert sum(outcome.zone_shares.values()) == pytest.approx(1)
    assert all(0 <= v <= 1 for v in outcome.zone_shares.values())
    assert all(0 <= v <= 1 for v in outcome.zone_coming_back.values())
    assert outcome.shares.sum() == pytest.approx(1)
    assert 1 <= outcome.average_score <= 5
    table = outcome.by_score()
    assert not table.isna().any().any()
    assert table["customers"].sum() == POPULATION
    zones = outcome.by_zone()
    assert zones["customers"].sum() == POPULATION
    assert not zones.isna().any().any()


# --- every parameter over its whole slider ---------------------------------------------------


@pytest.mark.parametrize(("name", "value"), ALL_POINTS)
def test_every_slider_position_gives_a_sound_outcome(name, value):
    _check_outcome(simulate(**{name: value}))


@pytest.mark.parametrize("corner", ["low", "high"])
def test_all_sliders_at_one_end_together(corner):
    _check_outcome(simulate({name: getattr(spec, corner) for name, spec in PARAMETERS.items()}))


@pytest.mark.parametrize("weight", _grid(PARAMETERS["bad_weight"]))
@pytest.mark.parametrize("percent", _grid(BAD_VISITS))
def test_bad_moment_scenario_over_its_sliders(percent, weight):
    _check_outcome(bad_moment_outcome(percent, weight))


def test_slider_specs_are_consistent():
    for name, spec in {**PARAMETERS, BAD_VISITS.name: BAD_VISITS}.items():
        assert spec.name == name
        assert spec.low <= spec.default <= spec.high
        assert spec.step > 0
        steps = (spec.high - spec.low) / spec.step
        assert steps == pytest.approx(round(steps)), f"{name}: range is not whole steps"
        assert spec.unit in spec.label or spec.unit == "%" and "%" in spec.label
        assert spec.plain and spec.help
        assert len(spec.label) <= 36, f"{name}: label too long for the slider"
    assert PARAMETERS["wait_minutes"].low == 0
    assert PARAMETERS["wait_minutes"].high == 30
    assert PARAMETERS["bad_weight"].illustrative
    assert (PARAMETERS["bad_weight"].low, PARAMETERS["bad_weight"].high) == (1, 4)


# --- directions -------------------------------------------------------------------------------


def _back(**changes):
    return simulate(**changes).share_coming_back


@pytest.mark.parametrize(
    "name", ["courtesy", "questions_answered", "problems_fixed", "listening", "warmth", "interest"]
)
def test_more_of_a_good_thing_brings_more_customers_back(name):
    spec = PARAMETERS[name]
    shares = [_back(**{name: v}) for v in _steps(spec)]
    assert np.all(np.diff(shares) >= 0), f"{name}: coming back must never fall as it rises"
    assert shares[-1] > shares[0] + 0.02


def test_longer_wait_means_fewer_come_back():
    shares = [_back(wait_minutes=w) for w in range(0, 31)]
    assert np.all(np.diff(shares) <= 0)
    assert shares[-1] < shares[0] / 2


def test_more_courtesy_means_more_satisfied_customers():
    assert simulate(courtesy=100).average_score > simulate(courtesy=50).average_score


def test_heavier_bad_moments_lower_satisfaction():
    averages = [simulate(bad_weight=w).average_score for w in (1, 1.5, 2, 3, 4)]
    assert all(a > b for a, b in zip(averages, averages[1:], strict=False))
    assert _back(bad_weight=4) < _back(bad_weight=1)


def test_a_bad_moment_counts_its_weight():
    # everything perfect and no wait, except that nobody is greeted politely
    rude = dict(
        courtesy=0,
        questions_answered=100,
        problems_fixed=100,
        listening=100,
        warmth=100,
        wait_minutes=0,
    )
    light, heavy = simulate(rude, bad_weight=1), simulate(rude, bad_weight=3)
    _, bad = sat.MOMENTS["courtesy"]
    np.testing.assert_allclose(heavy.experience - light.experience, -(3 - 1) * bad)
    waiting = dict(rude, courtesy=100, wait_minutes=20)  # a long wait is a bad moment too
    assert simulate(waiting, bad_weight=3).average_score < simulate(waiting).average_score
    no_wait = [simulate(wait_minutes=0, bad_weight=w).average_score for w in (1, 2, 4)]
    assert no_wait[0] > no_wait[1] > no_wait[2]


def test_asymmetry_does_nothing_without_bad_moments():
    # perfect service, no wait: no bad moment happens, so their weight cannot matter
    perfect = dict(
        courtesy=100,
        questions_answered=100,
        problems_fixed=100,
        listening=100,
        warmth=100,
        wait_minutes=0,
    )
    light, heavy = simulate(perfect, bad_weight=1), simulate(perfect, bad_weight=4)
    np.testing.assert_array_equal(light.scores, heavy.scores)


def test_must_be_qualities_hurt_more_when_missing_than_they_help():
    """Kano: courtesy and fixing problems are must-be, warmth and listening attractive."""
    for name in ("courtesy", "problems_fixed"):
        good, bad = sat.MOMENTS[name]
        assert bad > 3 * good, name  # even before the asymmetry weight
    for name in ("warmth", "listening"):
        good, bad = sat.MOMENTS[name]
        assert good > bad, name
    # a missing attractive quality is no bad moment at all: its weight cannot matter
    cold_light = simulate(warmth=0, bad_weight=1).experience
    cold_heavy = simulate(warmth=0, bad_weight=4).experience
    warm_light = simulate(warmth=100, bad_weight=1).experience
    warm_heavy = simulate(warmth=100, bad_weight=4).experience
    np.testing.assert_allclose(cold_light - cold_heavy, warm_light - warm_heavy)
    # everyone rude costs far more than everyone polite gains, against the default shop
    default = simulate().average_score
    assert default - simulate(courtesy=0).average_score > 5 * (
        simulate(courtesy=100).average_score - default
    )


def test_one_bad_moment_outweighs_a_good_one():
    # with equal weights a bad visit undoes a good one; at 2× it does more than that
    even = bad_moment_outcome(50, 1)
    heavy = bad_moment_outcome(50, 2)
    none = bad_moment_outcome(0, 2)
    assert heavy.average_score < even.average_score < none.average_score
    assert heavy.zone_shares["defection"] > even.zone_shares["defection"]
    assert bad_moment_outcome(40, 2).share_coming_back < bad_moment_outcome(10, 2).share_coming_back


def test_no_interest_means_few_come_back_however_satisfied():
    best = dict(courtesy=100, questions_answered=100, problems_fixed=100, listening=100, warmth=100)
    assert _back(**best, interest=0) < 0.5 * _back(**best, interest=100)
    groups = interest_outcome()
    with_reason, without, everyone = vars(groups).values()
    assert without == pytest.approx(sat.NO_REASON * with_reason, rel=0.15)
    assert without < everyone < with_reason


# --- the link from satisfaction to coming back ----------------------------------------------


def test_jones_sasser_ratio_at_the_defaults():
    p = return_probability([4, 5])
    assert p[1] / p[0] == pytest.approx(6, abs=0.3)
    curve = return_curve()
    for column in ("with_reason", "without_reason", "all_customers"):
        assert curve.loc[5, column] / curve.loc[4, column] == pytest.approx(6, abs=0.3)


@pytest.mark.parametrize("ratio", _steps(PARAMETERS["top_ratio"]))
def test_the_ratio_slider_sets_the_ratio(ratio):
    p = return_probability(np.arange(1, 6), top_ratio=ratio)
    assert p[4] / p[3] == pytest.approx(ratio, rel=1e-9)
    assert np.all(np.diff(p) >= 0), "a happier customer never comes back less"
    assert ((p > 0) & (p < 1)).all()


def test_link_is_steepest_at_the_top():
    p = return_probability(np.arange(1, 6))
    steps = np.diff(p)
    assert steps.argmax() == 3  # the step from 4 to 5
    assert steps[3] > 5 * steps[:3].max()


def test_zones():
    assert sat.ZONE_OF_SCORE == {
        1: "defection",
        2: "defection",
        3: "indifference",
        4: "indifference",
        5: "affection",
    }
    curve = return_curve()
    assert list(curve["zone"]) == [sat.ZONE_OF_SCORE[s] for s in range(1, 6)]
    outcome = simulate()
    rates = outcome.zone_coming_back
    assert rates["defection"] < rates["indifference"] < rates["affection"]
    by_score = outcome.by_score()
    zone_counts = by_score.groupby("zone")["customers"].sum()
    for zone, count in zip(sat.ZONES, outcome.zone_counts, strict=True):
        assert zone_counts[zone] == count


def test_interest_moves_the_curve_but_not_the_ratio():
    low, high = return_curve(interest=0), return_curve(interest=100)
    assert (low["all_customers"] < high["all_customers"]).all()
    ratio = low["all_customers"]
    assert ratio[5] / ratio[4] == pytest.approx(6, rel=1e-9)
    assert return_probability(5, reason=0) == pytest.approx(sat.NO_REASON * return_probability(5))


def test_return_probability_keeps_the_shape_of_its_input():
    assert np.ndim(return_probability(4)) == 0
    assert return_probability(np.full((2, 3), 5)).shape == (2, 3)
    assert isinstance(return_curve(), pd.DataFrame)


@pytest.mark.parametrize("bad", [0, 6, [1, 2, 7], float("nan")])
def test_scores_off_the_scale_are_refused(bad):
    with pytest.raises(ParameterError, match="between 1 and 5"):
        return_probability(bad)


def test_reason_off_the_scale_is_refused():
    with pytest.raises(ParameterError, match="reason to come"):
        return_probability(5, reason=1.5)


def test_simulated_per_score_return_matches_the_link():
    outcome = simulate(interest=100)
    table = outcome.by_score()
    expected = return_probability(np.arange(1, 6))
    seen = table["customers"] > 0
    np.testing.assert_allclose(table["return_rate"][seen], expected[seen.to_numpy()])


# --- parameters in plain words -----------------------------------------------------------------


@pytest.mark.parametrize("name", list(PARAMETERS))
@pytest.mark.parametrize("side", ["below", "above"])
def test_out_of_range_is_refused_in_plain_words(name, side):
    spec = PARAMETERS[name]
    value = spec.low - 1 if side == "below" else spec.high + 1
    with pytest.raises(ParameterError) as caught:
        simulate(**{name: value})
    message = str(caught.value)
    assert spec.plain in message
    assert f"between {spec.low:g} and {spec.high:g}" in message


def test_the_message_reads_as_a_sentence():
    with pytest.raises(ParameterError) as caught:
        simulate(problems_fixed=120)
    assert str(caught.value) == "Problems fixed must be between 0 and 100 %, but it is 120 %."


@pytest.mark.parametrize("bad", ["lots", None, float("nan"), True])
def test_non_numbers_are_refused(bad):
    with pytest.raises(ParameterError, match="Courtesy"):
        simulate(courtesy=bad)


def test_unknown_parameter_is_named():
    with pytest.raises(ParameterError, match="smiles"):
        simulate(smiles=10)


def test_bad_moment_share_is_checked():
    with pytest.raises(ParameterError, match="Visits with one bad moment"):
        bad_moment_outcome(90, 2)
    with pytest.raises(ParameterError, match="Weight of a bad moment"):
        bad_moment_outcome(20, 5)


# --- determinism and speed ---------------------------------------------------------------------


def test_same_parameters_same_outcome():
    first = simulate(courtesy=70, wait_minutes=12)
    sat.customers.cache_clear()
    second = simulate(ServiceParams(courtesy=70, wait_minutes=12))
    np.testing.assert_array_equal(first.scores, second.scores)
    np.testing.assert_array_equal(first.return_probability, second.return_probability)
    assert first.share_coming_back == second.share_coming_back


def test_population_is_drawn_once_and_cannot_be_changed():
    people = sat.customers()
    assert people is sat.customers()
    with pytest.raises(ValueError):
        people.mood[0] = 99.0


def test_moving_a_slider_changes_only_customers_at_the_margin():
    before, after = simulate(courtesy=80), simulate(courtesy=85)
    changed = (before.scores != after.scores).mean()
    assert 0 < changed <= 0.05 + 1e-9  # at most the 5 % who are now greeted politely
    assert (after.scores >= before.scores).all()


def test_defaults_are_plausible():
    outcome = simulate()
    assert 0.15 < outcome.share_coming_back < 0.4
    assert outcome.counts.argmax() in (3, 4)  # most customers are satisfied or delighted
    assert outcome.zone_shares["defection"] < 0.25


def test_time_update_is_fast():
    assert sat.time_update(repeats=20) < 0.005


# --- simulators --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SIMULATORS))
def test_simulators_build_without_arguments(name):
    sim = SIMULATORS[name]()
    assert isinstance(sim, Simulator)
    assert sim.name == name
    for control in sim.controls.values():
        assert control.description  # a plain-words label
    assert sim.caption.value
    assert all(np.isfinite(sim.chart_data()))


@pytest.mark.parametrize("name", list(SIMULATORS))
def test_every_slider_moves_the_chart_in_place(name):
    sim = SIMULATORS[name]()
    figure, traces = sim.figure, sim.figure.data
    for key, control in sim.controls.items():
        sim.reset()
        before = sim.chart_data() + sim.chart_data(1 if len(traces) > 1 else 0)
        caption = sim.caption.value
        sim.set_values(**{key: control.max if control.value != control.max else control.min})
        after = sim.chart_data() + sim.chart_data(1 if len(traces) > 1 else 0)
        assert after != before, f"{name}: moving {key} does not change the chart"
        assert sim.caption.value != caption
        assert sim.figure is figure and sim.figure.data == traces
        assert all(np.isfinite(after))


def test_first_slider_of_the_main_simulator_moves_the_chart_in_one_step():
    sim = satisfaction_simulator()
    assert list(sim.controls) == list(SERVICE_SLIDERS)
    first = next(iter(sim.controls))
    control = sim.controls[first]
    before = np.array(sim.chart_data())
    sim.set_values(**{first: control.value - control.step})
    moved = np.abs(np.array(sim.chart_data()) - before).max()
    assert moved >= 1.0, f"one step of {first} moves a bar by only {moved:.2f} points"


def test_main_simulator_matches_the_model():
    sim = satisfaction_simulator()
    values = dict(courtesy=75, questions_answered=40, problems_fixed=90, wait_minutes=12)
    sim.set_values(**values)
    outcome = simulate(values)
    np.testing.assert_allclose(sim.chart_data(0), 100 * outcome.shares)
    np.testing.assert_allclose(sim.chart_data(1), 100 * outcome.back_by_score / POPULATION)
    assert f"{100 * outcome.share_coming_back:.0f} %" in sim.caption.value
    assert "come back next time" in sim.caption.value
    assert sim.figure.layout.yaxis.range == (0, 100)
    colours = list(sim.figure.data[0].marker.color)
    assert colours[0] == MEANING["bad"]
    assert colours[3] == MEANING["neutral"]
    assert colours[4] == MEANING["good"]


def test_loyalty_curve_simulator_matches_the_model():
    sim = loyalty_curve_simulator()
    assert "6.0×" in sim.caption.value
    sim.set_values(top_ratio=3, interest=40)
    curve = return_curve(3, 40)
    np.testing.assert_allclose(sim.chart_data(0), 100 * curve["all_customers"])
    np.testing.assert_allclose(sim.chart_data(1), 100 * curve["with_reason"])
    np.testing.assert_allclose(sim.chart_data(2), 100 * curve["without_reason"])
    assert "3.0×" in sim.caption.value
    assert sim.figure.layout.yaxis.range == (0, 100)


def test_bad_moments_simulator_matches_the_model():
    sim = bad_moments_simulator()
    sim.set_values(bad_weight=3, percent_bad_visits=40)
    outcome = bad_moment_outcome(40, 3)
    np.testing.assert_allclose(sim.chart_data(0), 100 * outcome.shares)
    reference = sim.chart_data(2)
    np.testing.assert_allclose(reference, 100 * bad_moment_outcome(0, 2).shares)
    assert f"{100 * outcome.zone_shares['defection']:.0f} %" in sim.caption.value


def test_interest_simulator_matches_the_model():
    sim = interest_simulator()
    sim.set_values(interest=30, warmth=90)
    expected = [100 * v for v in vars(interest_outcome(interest=30, warmth=90)).values()]
    np.testing.assert_allclose(sim.chart_data(), expected)


def test_reset_returns_to_the_start():
    sim = satisfaction_simulator()
    start = sim.chart_data()
    sim.set_values(courtesy=0, wait_minutes=30)
    assert sim.chart_data() != start
    sim.reset()
    assert sim.chart_data() == start


@pytest.mark.parametrize("name", list(SIMULATORS))
def test_an_update_is_quick(name):
    sim = SIMULATORS[name]()
    key, control = next(iter(sim.controls.items()))
    times = []
    for i in range(10):
        started = time.perf_counter()
        sim.set_values(**{key: control.min if i % 2 else control.max})
        times.append(time.perf_counter() - started)
    assert np.median(times) < 0.020
