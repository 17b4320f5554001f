"""The lesson's four models: every slider at both ends, just off them, directions, and speed."""

import numpy as np
import pytest

from helpers.lessons.feedback import iceberg, ranking, response, scores
from helpers.metrics import nps_margin, nps_standard_error
from helpers.validation import ParameterError

MODELS = {
    "scores": (scores.PARAMETERS, scores.simulate_surveys),
    "ranking": (ranking.PARAMETERS, ranking.simulate_rankings),
    "response": (response.PARAMETERS, response.survey_response),
    "iceberg": (iceberg.PARAMETERS, iceberg.iceberg),
}
POINTS = [
    (model, name, value)
    for model, (params, _run) in MODELS.items()
    for name, spec in params.items()
    for value in spec.test_points()
]


def sound(model, result):
    if model == "scores":
        assert result.nps.shape == result.csat.shape == (scores.SURVEYS,)
        assert ((result.nps >= -100) & (result.nps <= 100)).all()
        assert ((result.csat >= 0) & (result.csat <= 100)).all()
        assert result.nps_margin >= 0 and result.csat_margin >= 0
    elif model == "ranking":
        assert result.observed.shape == (ranking.ROUNDS, ranking.STAFF)
        assert ((result.observed >= 0) & (result.observed <= 1)).all()
        assert 0 <= result.best_on_top <= 1 and 0 <= result.worst_at_bottom <= 1
        low, high = result.limits()
        assert (low <= high).all() and 0 <= result.outside() <= ranking.STAFF
    elif model == "response":
        assert result.mix.sum() == pytest.approx(1)
        assert np.isnan(result.answered).all() or result.answered.sum() == pytest.approx(1)
        assert 0 <= result.response_rate <= 1
    else:
        assert result.complaints + result.silent == pytest.approx(iceberg.UNHAPPY)
        assert 0 <= result.kept <= iceberg.UNHAPPY


@pytest.mark.parametrize(("model", "name", "value"), POINTS)
def test_every_slider_at_both_ends_gives_a_sound_result(model, name, value):
    params, run = MODELS[model]
    sound(model, run(**{name: value}))


@pytest.mark.parametrize("corner", ["low", "high"])
@pytest.mark.parametrize("model", list(MODELS))
def test_all_sliders_at_one_end_together(model, corner):
    params, run = MODELS[model]
    sound(model, run({name: getattr(spec, corner) for name, spec in params.items()}))


@pytest.mark.parametrize(
    ("model", "name"), [(m, n) for m, (params, _r) in MODELS.items() for n in params]
)
def test_just_off_each_end_is_explained(model, name):
    params, run = MODELS[model]
    spec = params[name]
    for value in (spec.low - spec.step, spec.high + spec.step):
        with pytest.raises(ParameterError, match="must be between"):
            run(**{name: value})


def test_unknown_parameters_are_explained():
    with pytest.raises(ParameterError, match="no parameter called speed"):
        scores.simulate_surveys(speed=3)


# --- directions ------------------------------------------------------------------------------


def test_more_answers_narrow_the_spread():
    spreads = [scores.simulate_surveys(answers=n).nps.std() for n in (10, 40, 160, 400)]
    assert np.all(np.diff(spreads) < 0)
    margins = [scores.simulate_surveys(answers=n).nps_margin for n in (10, 40, 160, 400)]
    assert np.all(np.diff(margins) < 0)


def test_the_simulated_surveys_centre_on_the_truth():
    spread = scores.simulate_surveys(answers=400)
    assert abs(spread.nps.mean() - spread.true_nps) < 1
    assert abs(spread.csat.mean() - 100 * spread.true_csat) < 1


def test_the_margin_is_the_shared_metric():
    spread = scores.simulate_surveys(answers=200)
    assert spread.nps_margin == pytest.approx(nps_margin(0.4, 0.2, 200))
    assert spread.nps_margin == pytest.approx(1.959964 * nps_standard_error(0.4, 0.2, 200))


@pytest.mark.parametrize("n", [30, 100, 200, 400])
def test_about_95_in_100_surveys_land_within_the_margin(n):
    spread = scores.simulate_surveys(answers=n)
    assert 0.92 <= spread.share_within("nps") <= 0.98
    assert 0.92 <= spread.share_within("csat") <= 0.98


def test_answers_needed_gives_the_margin_asked():
    for margin in (5, 10, 20):
        n = scores.answers_needed(margin)
        assert nps_margin(0.4, 0.2, n) <= margin < nps_margin(0.4, 0.2, n - 1)


def test_more_surveys_rank_the_best_on_top_more_often():
    shares = [ranking.simulate_rankings(surveys=n).best_on_top for n in (5, 20, 50, 100)]
    assert np.all(np.diff(shares) > 0)


def test_a_bigger_real_gap_is_easier_to_see():
    shares = [ranking.simulate_rankings(spread=g).best_on_top for g in (0, 10, 20, 40)]
    assert np.all(np.diff(shares) > 0)


def test_workload_is_not_linked_to_quality():
    assert abs(np.corrcoef(ranking.WORKLOAD, ranking.QUALITY_RANK)[0, 1]) < 0.3


@pytest.mark.parametrize("rate", [5, 20, 60, 100])
def test_equal_answer_rates_leave_no_bias(rate):
    result = response.survey_response(delighted=rate, content=rate, unhappy=rate)
    assert result.bias == pytest.approx(0, abs=1e-9)
    np.testing.assert_allclose(result.answered, result.mix)


def test_the_more_the_delighted_answer_the_better_the_survey_looks():
    biases = [response.survey_response(delighted=r).bias for r in (0, 20, 40, 100)]
    assert np.all(np.diff(biases) > 0)


def test_the_more_the_unhappy_answer_the_worse_the_survey_looks():
    biases = [response.survey_response(unhappy=r).bias for r in (0, 20, 45, 100)]
    assert np.all(np.diff(biases) < 0)


def test_nobody_answering_gives_no_score():
    result = response.survey_response(delighted=0, content=0, unhappy=0)
    assert result.response_rate == 0 and np.isnan(result.survey_csat)


def test_putting_more_right_always_keeps_more():
    kept = [iceberg.iceberg(put_right=g).kept for g in iceberg.PARAMETERS["put_right"].positions()]
    assert np.all(np.diff(kept) > 0)


def test_the_customer_value_is_notebook_02s_clv():
    assert iceberg.customer_value() == pytest.approx(100 * 0.8 / (1 + 0.1 - 0.8))


# --- speed -------------------------------------------------------------------------------------


def test_one_survey_update_is_fast():
    assert scores.time_update(repeats=30) < 0.01


def test_one_ranking_update_is_fast():
    assert ranking.time_update(repeats=30) < 0.01


@pytest.mark.parametrize("model", ["response", "iceberg"])
def test_the_closed_form_models_are_instant(model):
    import time

    _params, run = MODELS[model]
    run()
    started = time.perf_counter()
    for _ in range(20):
        run()
    assert (time.perf_counter() - started) / 20 < 0.01
