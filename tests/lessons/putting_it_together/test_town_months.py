"""The customer end of the chain: the earlier lessons' pieces, joined, behave as they did alone."""

import numpy as np
import pytest

from helpers.lessons.feedback.iceberg import KEPT_IF_NOT, KEPT_IF_PUT_RIGHT, KEPT_IF_SILENT
from helpers.lessons.putting_it_together import town_months as tm
from helpers.lessons.repeat_business import two_shops
from helpers.lessons.repeat_business.follow_up import follow_up
from helpers.lessons.reputation.recovery import CLOSE_LISTENERS
from helpers.lessons.reputation.reviews import online_reviews, true_opinion, with_replies

SHARES = np.array([[0.01, 0.03, 0.15, 0.40, 0.41], [0.02, 0.10, 0.28, 0.38, 0.22]])
POLICY = tm.Policy(np.array([0.75, 0.3]), np.array([0.6, 0.0]), np.array([0.7, 0.3]))


WAIT = np.array([4.0, 7.0])


def _service():
    return tm.constant(SHARES, WAIT)


def test_reviews_and_replies_are_notebook_03s():
    """The stars and the reply lift are notebook 03's functions' own numbers."""
    shares = true_opinion()[None].repeat(2, axis=0)
    per_visit, mean = tm.reviews_per_visit(shares, np.array([0.0, 1.0]))
    plain = online_reviews()
    replied = with_replies(plain)
    assert mean[0] == pytest.approx(plain.online_mean)
    assert mean[1] == pytest.approx(replied.online_mean)
    assert 100 * per_visit[0] == pytest.approx(plain.reviews_per_100)
    assert 100 * per_visit[1] == pytest.approx(replied.reviews_per_100)


def test_the_borrowed_sizes_are_the_earlier_lessons():
    delight, push = two_shops.impressions()
    assert delight == pytest.approx(np.log(6))  # Jones & Sasser's six times, via notebook 01
    assert tm.KEEP_GOOD ** two_shops.PARAMETERS["memory_months"].default == pytest.approx(0.5)
    assert tm.HEARD_PER_TALK == pytest.approx(CLOSE_LISTENERS)
    assert tm.KEPT_IF_SETTLED == pytest.approx(KEPT_IF_PUT_RIGHT - KEPT_IF_SILENT)
    assert tm.KEPT_IF_ARGUED == pytest.approx(KEPT_IF_NOT - KEPT_IF_SILENT)
    assert tm.BROUGHT_BACK == pytest.approx(follow_up(picked=0).called_by_call)
    assert tm.KEEP_MONTH**12 == pytest.approx(0.80)


def test_a_settled_town_stays_settled():
    start = tm.settled_memory(tuple(SHARES.ravel()), tuple(np.array(
        [POLICY.generous, POLICY.replies, POLICY.follow_up]).ravel()), tuple(WAIT))  # fmt: skip
    months = tm.run_months(_service(), 24, POLICY, start)
    assert np.ptp(months.visits, axis=0).max() < 1e-6
    np.testing.assert_allclose(start.visits, months.visits[0])


def test_each_month_is_served_after_the_households_choose():
    """The shops serve the customers who came: ``serve`` sees each month's visits, and what it
    gives is what the month's talk and memories are made of."""
    seen = []

    def serve(month, visits):
        seen.append(visits.copy())
        return SHARES, WAIT * (1 + month)

    months = tm.run_months(serve, 3, POLICY, tm.empty_memory())
    np.testing.assert_allclose(np.array(seen), months.visits)
    np.testing.assert_allclose(months.wait[:, 1], [7, 14, 21])


def test_new_shops_the_better_one_takes_the_lead():
    """As in notebook 02: from the same start, the shop with the better visits gains share."""
    months = tm.run_months(_service(), 120, POLICY, tm.empty_memory())
    share = months.visits[:, 0] / months.visits.sum(axis=1)
    assert share[0] < 0.5 < share[-1]
    assert (np.diff(share) > 0).all()


def test_talk_and_complaints_follow_the_visits():
    start = tm.empty_memory()
    months = tm.run_months(_service(), 3, POLICY, start)
    unhappy = SHARES[:, :2].sum(axis=1)
    np.testing.assert_allclose(
        months.settled, months.visits * unhappy * tm.COMPLAIN * POLICY.generous
    )
    np.testing.assert_allclose(
        months.praise, months.visits * SHARES[:, 4] * tm.PRAISE_TALK * CLOSE_LISTENERS
    )
    settled_no_warning = months.visits * (unhappy - unhappy * tm.COMPLAIN * POLICY.generous)
    np.testing.assert_allclose(months.warnings, settled_no_warning * tm.WARN_TALK * CLOSE_LISTENERS)


def test_praise_outnumbers_warnings_about_as_notebook_03_says():
    """At Riverside's service, praise heard is several times the warnings (East et al.: ~3×)."""
    months = tm.run_months(_service(), 1, POLICY, tm.empty_memory())
    assert months.praise[0, 0] / months.warnings[0, 0] > 2.5


def test_a_follow_up_call_comes_months_after_the_purchase():
    start = tm.empty_memory(start_visits=0.0)
    months = tm.run_months(_service(), tm.CALL_DELAY + 1, POLICY, start)
    assert (months.calls[: tm.CALL_DELAY] == 0).all()
    np.testing.assert_allclose(
        months.calls[tm.CALL_DELAY], tm.BIG_SHARE * months.visits[0] * POLICY.follow_up
    )
