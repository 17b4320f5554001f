"""The staff end of the chain: training, staffing and turnover → the moments of a visit."""

import numpy as np
import pytest

from helpers.data import load_visits
from helpers.lessons.putting_it_together import staff
from helpers.lessons.putting_it_together.shops import (
    MARKET_TODAY,
    MARKET_TOWN,
    RIVERSIDE,
    RIVERSIDE_TOWN,
    USUAL_WAIT,
)


def test_the_engagement_curve_passes_through_the_towns_two_shops():
    for shop in (MARKET_TOWN, RIVERSIDE_TOWN):
        assert staff.engagement_curve(shop.training_mean) == pytest.approx(shop.engagement_mean)


def test_training_earns_its_share_of_the_change_with_diminishing_returns():
    start = MARKET_TOWN.training_mean
    assert staff.engagement_target(start, start) == pytest.approx(MARKET_TOWN.engagement_mean)
    gains = np.diff([staff.engagement_target(h, start) for h in range(0, 61, 10)])
    assert (gains > 0).all() and (np.diff(gains) < 0).all()
    assert staff.engagement_target(1e6, start) < staff.ENGAGEMENT_CEILING


def test_newcomers_settle_where_leaving_and_learning_balance():
    assert staff.newcomer_share(0) == 0
    shares = [staff.newcomer_share(t) for t in range(0, 101, 10)]
    assert (np.diff(shares) > 0).all() and shares[-1] < 0.5


def _wait(people: float, customers: float = 1.0) -> float:
    """The wait with ``people`` on the floor where 8 gave 7 minutes, at ``customers`` times the
    usual customers."""
    return float(staff.wait_minutes(staff.busy_share(customers, 1.0, people, 8), 7))


def test_the_wait_is_the_usual_one_at_the_usual_staffing_and_grows_ever_faster():
    assert _wait(8) == pytest.approx(7)
    waits = [_wait(n) for n in range(12, 4, -1)]
    assert (np.diff(waits) > 0).all()
    assert (np.diff(np.diff(waits)[:-1]) > 0).all()  # convex until the cap
    assert _wait(5) == staff.LONGEST_WAIT
    assert _wait(4) == staff.LONGEST_WAIT  # busier than full: capped


def test_staff_are_as_busy_as_customers_per_person_on_the_floor():
    """Twice the customers with twice the staff: as busy as usual, the usual wait."""
    assert staff.busy_share(2.0, 1.0, 16, 8) == pytest.approx(staff.USUAL_BUSY)
    assert _wait(8, customers=1.2) > 7 > _wait(8, customers=0.8)


def test_the_staff_path_starts_one_month_in_and_heads_for_the_target():
    path = staff.staff_path(600, 40, 10, 10, 40)
    assert path.engagement[0] > staff.engagement_curve(10)
    assert path.engagement[-1] == pytest.approx(staff.engagement_target(40, 10))
    assert path.learnt[-1] == pytest.approx(40)
    assert path.newcomers[-1] == pytest.approx(staff.newcomer_share(10))
    half = staff.staff_path(int(staff.HALF_LIFE), 40, 40, 10, 40)
    gap = staff.engagement_target(40, 10) - staff.engagement_curve(10)
    assert half.engagement[-1] - staff.engagement_curve(10) == pytest.approx(gap / 2)


def test_nothing_moves_when_nothing_changes():
    path = staff.staff_path(24, 10, 40, 10, 40)
    assert np.ptp(path.engagement) == 0 and np.ptp(path.learnt) == 0
    assert np.ptp(path.newcomers) < 1e-12


@pytest.mark.parametrize(
    ("settings", "shop_id", "shop"),
    [(MARKET_TODAY, "SH2", "market"), (RIVERSIDE, "SH1", "riverside")],
)
def test_each_shop_starts_with_moments_close_to_the_towns(settings, shop_id, shop):
    """The simulator's shops begin where the town's are: each moment within 7 points (the
    simulator has newcomers, who know less; the town has no turnover)."""
    path = staff.staff_path(
        1, settings["training_hours"], settings["turnover"], settings["training_hours"],
        settings["turnover"],
    )  # fmt: skip
    levels = staff.service_levels(path)
    visits = load_visits()
    mine = visits[visits["shop_id"] == shop_id]
    town = {
        "courtesy": mine["courteous"].mean(),
        "warmth": mine["warm"].mean(),
        "listening": mine["listened"].mean(),
        "questions_answered": mine["question_answered"].dropna().astype(bool).mean(),
        "problems_fixed": mine["problem_fixed"].dropna().astype(bool).mean(),
    }
    for moment, share in town.items():
        assert levels[moment][0] == pytest.approx(100 * share, abs=7), moment
    assert USUAL_WAIT[shop] == pytest.approx(mine["wait_minutes"].mean(), abs=0.5)
