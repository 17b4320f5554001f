"""Every sentence notebook 04 (text, trainer notes, manifest, exercises) says about a simulator,
asserted on the model, so the projector can never contradict the page. Each test quotes what it
protects."""

import numpy as np
import pytest

from helpers.lessons.feedback import iceberg, ranking, response, scores
from helpers.lessons.feedback.funnel import share_limits
from helpers.metrics import nps_margin

# --- Try it first / How sure is a score? -------------------------------------------------------


def test_thirty_answers_scatter_widely():
    """'With 30 answers, one survey's NPS can land anywhere from about −7 to 47 although the truth
    is 20: a margin of about ±27 points.'"""
    spread = scores.simulate_surveys(answers=30)
    low, high = spread.middle_95("nps")
    assert spread.true_nps == pytest.approx(20)
    assert round(low) == -7 and round(high) == 47
    assert round(spread.nps_margin) == 27


def test_two_hundred_answers_give_about_ten():
    """'With 200 answers the margin is about ±10.' (manifest: 'with 200 answers about ±10')"""
    assert round(scores.simulate_surveys(answers=200).nps_margin) == 10


def test_the_published_margins():
    """'±10.4 points at 200 answers, ±26.8 at 30' (P = 0.4, D = 0.2; helpers.metrics)."""
    assert round(nps_margin(0.4, 0.2, 200), 1) == 10.4
    assert round(nps_margin(0.4, 0.2, 30), 1) == 26.8


def test_csat_is_uncertain_too():
    """'The CSAT of the same surveys is uncertain too: ±14 points at 30 answers, ±5.5 at 200.'"""
    assert round(scores.simulate_surveys(answers=30).csat_margin) == 14
    assert round(scores.simulate_surveys(answers=200).csat_margin, 1) == 5.5


def test_a_bigger_survey_is_surer_not_higher():
    """Trainer note: 'It gives a surer score: the cloud narrows around the same line.'"""
    small, large = scores.simulate_surveys(answers=30), scores.simulate_surveys(answers=400)
    assert large.nps.std() < small.nps.std() / 3
    assert abs(small.nps.mean() - large.nps.mean()) < 2


def test_twenty_to_thirty_five_is_inside_the_cloud():
    """Trainer note: 'Our NPS went from 20 to 35 on 30 answers ... 35 is well inside it.'"""
    spread = scores.simulate_surveys(answers=30)
    assert 35 - spread.true_nps < spread.nps_margin
    assert np.mean(spread.nps >= 35) > 0.1


def test_four_times_the_answers_halve_the_margin():
    """'To halve it you need four times as many answers.' (manifest: 'Quadrupling the answers
    halves the margin.')"""
    for n in (10, 50, 100):
        half = scores.simulate_surveys(answers=4 * n).nps_margin
        assert half == pytest.approx(scores.simulate_surveys(answers=n).nps_margin / 2)


def test_answers_needed_for_ten_and_five_points():
    """'For ±10 points, about 216 answers; for ±5 points, about 861.'"""
    assert scores.answers_needed(10) == 216
    assert scores.answers_needed(5) == 861


def test_thirty_answers_cannot_see_ten_points():
    """'A small shop that collects 30 answers a month cannot see a change of 10 points.'"""
    assert scores.simulate_surveys(answers=30).nps_margin > 2 * 10


def test_seven_times_the_answers_narrow_it_by_the_square_root():
    """Exercise 1: 'about 7 times as many answers make it about 2.6 times narrower'."""
    assert nps_margin(0.4, 0.2, 30) / nps_margin(0.4, 0.2, 200) == pytest.approx(2.6, abs=0.05)


# --- Ranking staff fairly -------------------------------------------------------------------------


def test_few_surveys_rarely_put_the_best_on_top():
    """'With about 10 surveys each, the truly best person comes top in only 16 % of months, and
    the truly worst comes bottom in 19 %.' (manifest: 'about one month in six')"""
    result = ranking.simulate_rankings(surveys=10)
    assert round(100 * result.best_on_top) == 16
    assert round(100 * result.worst_at_bottom) == 19


def test_even_a_hundred_surveys_put_the_best_on_top_only_half_the_time():
    """'Even with 100 surveys each, the best comes top only about half the time (52 %).'"""
    assert round(100 * ranking.simulate_rankings(surveys=100).best_on_top) == 52


def test_neighbours_differ_by_less_than_two_points():
    """'The true gap between best and worst is 20 points, and neighbours differ by less than
    two.'"""
    truth = np.sort(ranking.true_csat(20))
    assert 100 * (truth[-1] - truth[0]) == pytest.approx(20)
    assert (100 * np.diff(truth) < 2).all()


def test_few_surveys_put_hardly_anyone_outside_the_funnel():
    """Manifest: 'With 10 surveys each, hardly anyone lies outside the funnel.'"""
    assert ranking.simulate_rankings(surveys=10).share_outside() < 0.05


def test_an_equal_team_still_has_a_top_and_a_bottom():
    """'When everyone is equally good, only 1 % of points fall outside the funnel, yet someone
    always comes top, and in 69 % of months that someone had fewer surveys than average.'"""
    result = ranking.simulate_rankings(surveys=10, spread=0)
    assert round(100 * result.share_outside()) == 1
    tops = result.counts[result.top]
    assert round(100 * np.mean(tops < result.counts.mean())) == 69
    # fewer than half the team has fewer surveys than average, so luck favours the few
    assert np.mean(result.counts < result.counts.mean()) < 0.69


# --- Who answers? ---------------------------------------------------------------------------------


def test_equal_rates_leave_the_survey_right():
    """'When every group answers at the same rate (here 20 %), the survey is right, however few
    answer.' (manifest: 'whatever the response rate')"""
    for rate in (5, 20, 80):
        result = response.survey_response(delighted=rate, content=rate, unhappy=rate)
        assert result.bias == pytest.approx(0, abs=1e-9)


def test_delighted_answering_twice_as_often_flatters_the_survey():
    """'When the delighted answer twice as often as the content (40 % against 20 %), the survey's
    CSAT reads 83 % against a true 78 %, and the survey counts 50 % delighted customers where
    there are only 34 %.'"""
    result = response.survey_response(delighted=40, content=20, unhappy=20)
    assert round(100 * result.survey_csat) == 83 and round(100 * result.true_csat) == 78
    assert round(100 * result.answered[4]) == 50 and round(100 * result.mix[4]) == 34


def test_at_the_start_the_middle_goes_missing():
    """'At the starting settings the unhappy answer more too, which pulls the CSAT back (79 %),
    but the survey still shows more delighted customers (48 %) and more unhappy ones (9 % against
    6 %) than there are: the lukewarm middle goes missing.'"""
    result = response.survey_response()
    assert round(100 * result.survey_csat) == 79
    assert round(100 * result.answered[4]) == 48
    assert round(100 * result.survey_unhappy) == 9 and round(100 * result.true_unhappy) == 6
    assert result.answered[2:4].sum() < result.mix[2:4].sum()


# --- The complaint iceberg ------------------------------------------------------------------------


def test_silent_customers_per_complaint():
    """'At 20 %, four unhappy customers say nothing for every one who complains; at the folklore
    4 %, 24.'"""
    assert iceberg.iceberg(complaint_rate=20).silent_per_complaint == pytest.approx(4)
    assert iceberg.iceberg(complaint_rate=iceberg.ONE_IN_25).silent_per_complaint == 24


def test_what_a_complaint_put_right_is_worth():
    """'A customer is worth about 267 over their lifetime ... each complaint put right keeps 0.4
    customers more than one argued with: about 107.'"""
    assert round(iceberg.customer_value()) == 267
    assert iceberg.KEPT_IF_PUT_RIGHT - iceberg.KEPT_IF_NOT == pytest.approx(0.4)
    assert round(iceberg.value_of_putting_right()) == 107
    # the caption's figures, from the simulator's own result
    berg = iceberg.iceberg()
    assert berg.recovered_value == pytest.approx(berg.put_right * 0.4 * iceberg.customer_value())


def test_more_complaints_help_only_if_enough_are_put_right():
    """'Hearing more complaints keeps more customers only if the shop puts at least 25 % of them
    right; below that, every complaint is one more customer lost.'"""
    assert iceberg.break_even_share() == pytest.approx(0.25)
    for put_right, direction in ((0, -1), (20, -1), (30, 1), (100, 1)):
        kept = [
            iceberg.iceberg(complaint_rate=c, put_right=put_right).kept
            for c in iceberg.PARAMETERS["complaint_rate"].positions()
        ]
        assert (direction * np.diff(kept) > 0).all()


def test_putting_everything_right_is_not_enough_for_thirty():
    """Exercise 5 notes: 'with only one in five complaining, 26 of 100 stay; more customers must
    be able to complain.'"""
    assert iceberg.iceberg(put_right=100).kept == pytest.approx(26)
    assert iceberg.iceberg(complaint_rate=50, put_right=100).kept >= 30


# --- Think about it -------------------------------------------------------------------------------


def test_sam_is_inside_the_funnel_and_alex_near_its_edge():
    """Exercise 6: '100 % happens to about half of the people as good as the team (0.8³)';
    'Sam is well inside the funnel; Alex is nearer its edge.'"""
    assert 0.8**3 == pytest.approx(0.512)
    low3, high3 = share_limits(0.8, np.array([3]))
    low40, high40 = share_limits(0.8, np.array([40]))
    assert low3[0] <= 1.0 <= high3[0]
    assert low40[0] <= 0.70 < low40[0] + 0.05
