"""Every sentence notebook 02 (text, trainer notes, exercises and manifest) says about a
simulator, asserted on the model, so the projector can never contradict the page. Each test
quotes what it protects."""

import numpy as np
import pytest

from helpers.lessons.repeat_business import follow_up, tenure, two_shops, value
from helpers.lessons.repeat_business.tables import EDGES


def shares(**changes):
    return two_shops.simulate(**changes).share


# --- Try it first / Two shops, one town ---------------------------------------------------------


def test_the_town_of_the_simulator():
    """'4,000 households live there.' 'Market Street is nearer for 55 households in 100.' 'At the
    start Riverside is a little better: 40 % delighted visits against 35 %, and 10 % visits with
    a bad moment against 15 %.'"""
    assert two_shops.HOUSEHOLDS == 4000 and two_shops.NEARER_MARKET == 0.55
    defaults = {name: spec.default for name, spec in two_shops.PARAMETERS.items()}
    assert (defaults["riverside_delighted"], defaults["market_delighted"]) == (40, 35)
    assert (defaults["riverside_bad"], defaults["market_bad"]) == (10, 15)


def test_every_learner_sees_the_same_chart():
    """Trainer note: 'The households are drawn once from a fixed seed, so every learner sees the
    same chart.'"""
    np.testing.assert_array_equal(two_shops.simulate().customers, two_shops.simulate().customers)
    assert two_shops.households() is two_shops.households()


def test_how_strong_each_memory_is():
    """'after a 5 a customer is six times as likely to come back as after a 4, after a 2 about a
    quarter as likely.'"""
    delight, push = two_shops.impressions()
    assert round(np.exp(delight), 6) == 6
    assert 0.22 < np.exp(-push) < 0.3


def test_riverside_grows_from_49_to_61_percent():
    """'Riverside starts with 49 % of the customers and ends the two years with 61 %. Its monthly
    customers grow from 1,197 to 2,121; Market Street's only from 1,269 to 1,352.'"""
    outcome = two_shops.simulate()
    assert round(100 * outcome.first_share) == 49 and round(100 * outcome.final_share) == 61
    assert np.round(outcome.customers[[0, -1]]).tolist() == [[1197, 1269], [2121, 1352]]


def test_a_five_percent_edge_is_not_five_percent_more_customers():
    """Trainer note: '"A 5 % better service gives 5 % more customers." Month after month the
    small edge adds up.'"""
    outcome = two_shops.simulate()
    assert outcome.final_share - outcome.first_share > 0.10
    assert outcome.customers[-1, 0] / outcome.customers[0, 0] > 1.5


def test_the_share_is_still_growing_in_month_24():
    """Manifest: 'Riverside's share grows from 49 % to about 61 % in 24 months, and is still
    growing.'"""
    share = shares()
    assert share[-1] > share[-4] > share[-12]


def test_with_the_same_service_the_share_stays_put():
    """'With the same service as Market Street, Riverside stays at 48 % (nearness keeps Market
    Street slightly ahead).' Manifest: 'With the same service in both shops it stays at
    48-49 %.'"""
    for service in ({}, {"market_delighted": 40, "market_bad": 10}):
        same = dict(riverside_delighted=35, riverside_bad=15) if not service else service
        share = shares(**same)
        assert ((share > 0.475) & (share < 0.50)).all()


def test_each_edge_alone_and_both():
    """'Five points more delighted visits alone bring it to 54 %; five points fewer bad moments
    alone to 56 %; both together to 61 %.'"""
    final = {k: two_shops.simulate(riverside_delighted=d, riverside_bad=b).final_share
             for k, (d, b) in EDGES.items()}  # fmt: skip
    assert round(100 * final["no edge"]) == 48
    assert round(100 * final["delighted edge only"]) == 54
    assert round(100 * final["bad-moment edge only"]) == 56
    assert round(100 * final["both edges"]) == 61


def test_each_edge_compounds():
    """'Neither edge is large; kept up every month, each compounds.'"""
    for delighted, bad in (EDGES["delighted edge only"], EDGES["bad-moment edge only"]):
        share = shares(riverside_delighted=delighted, riverside_bad=bad)
        assert share[23] > share[11] > share[5] > share[0]


def test_short_memories_barely_let_the_edge_grow():
    """'If customers forget within a month, the edge hardly grows (52 %): each month is a fresh
    start, and nearness decides. From about half a year of memory the edge compounds fully (61 %
    at 6 months, 60 % at 12 and at 24).' Trainer note: 'the longer customers remember, the more
    the edge grows, up to about half a year'."""
    final = {m: two_shops.simulate(memory_months=m).final_share for m in range(1, 25)}
    assert round(100 * final[1]) == 52 and final[1] - two_shops.simulate().first_share < 0.05
    assert all(final[m] < final[m + 1] for m in range(1, 6))
    assert all(0.59 <= final[m] <= 0.62 for m in range(6, 25))
    assert [round(100 * final[m]) for m in (6, 12, 24)] == [61, 60, 60]


def test_an_ordinary_visit_leaves_no_pull():
    """Trainer note: 'An ordinary, polite visit leaves no pull in this model.' Takeaway: 'A merely
    satisfied visit leaves no pull of its own.'"""
    plain = dict(riverside_delighted=0, riverside_bad=0, market_delighted=0, market_bad=0)
    customers = two_shops.simulate(**plain).customers
    np.testing.assert_allclose(customers, np.broadcast_to(customers[0], customers.shape))


def test_service_overtakes_nearness_within_months():
    """Trainer note: 'Nearness gives Market Street a head start that Riverside's service
    overtakes within months.'"""
    share = shares()
    assert share[0] < 0.5 and int(np.argmax(share > 0.5)) + 1 <= 4


def test_a_bad_visit_is_remembered_longer():
    """'A bad visit is remembered longer: it takes twice as long to fade by half.'"""
    assert two_shops.BAD_LASTS == 2


def test_market_street_needs_to_beat_riverside_on_one_slider():
    """Exercise 7 and its notes: 'with one slider Market Street has to beat Riverside (bad moments
    down to 5 %, or delighted visits up to 50 %). Matching Riverside on both sliders is just
    enough, because nearness then tips the town Market Street's way.'"""

    def market(**changes):
        return 1 - two_shops.simulate(**changes).final_share

    assert market(market_bad=10) < 0.5 and market(market_delighted=40) < 0.5
    assert market(market_bad=5) >= 0.5 and market(market_delighted=50) >= 0.5
    assert 0.5 <= market(market_delighted=40, market_bad=10) < 0.52
    assert market(market_delighted=45) < 0.5  # 10 points of delight are not enough


# --- What a returning customer is worth ----------------------------------------------------------


def test_the_published_rise_from_80_to_85():
    """'From 80 % to 85 % coming back, the years of margin rise from 2.667 to 3.4: 27.5 % more.'
    Manifest: 'At 80 % coming back a customer is worth 2.67 years of margin; at 85 %, 27.5 %
    more.'"""
    assert round(value.customer_value().multiplier, 3) == 2.667
    assert round(value.customer_value(retention=85).multiplier, 3) == 3.4
    assert round(100 * value.rise_in_value(80, 85)[0], 1) == 27.5


def test_a_cost_of_winning_makes_the_rise_larger():
    """'The value of a customer rises by that same share only when nothing has to be subtracted
    for winning them; with a cost of 100 units, the same 5 points raise it by 44 %.'"""
    assert round(100 * value.rise_in_value(80, 85)[1], 1) == 27.5
    assert round(100 * value.rise_in_value(80, 85, acquisition_cost=100)[1]) == 44


def test_one_more_point_is_worth_more_at_90_than_at_80():
    """'At 80 % coming back a customer is worth 267 units, and one more point adds 12.6; at 90 %
    the customer is worth 450 units and one more point adds 28.9, more than twice as much.'"""
    at_80, at_90 = value.customer_value(), value.customer_value(retention=90)
    assert round(at_80.clv) == 267 and round(at_80.one_more_point, 1) == 12.6
    assert round(at_90.clv) == 450 and round(at_90.one_more_point, 1) == 28.9
    assert at_90.one_more_point > 2 * at_80.one_more_point


def test_the_curve_bends_upward():
    """'The curve bends upward: the last points of retention are worth the most.' Manifest: 'each
    point is worth more than the one before.'"""
    steps = np.diff(value.customer_value().curve)
    assert (np.diff(steps) > 0).all()


def test_a_regular_is_worth_several_years_of_margin():
    """Trainer note: '"A customer is worth one sale." A regular is worth several years of
    margin.'"""
    assert value.customer_value().multiplier > 2


def test_the_diamond_leaves_the_chart_only_at_extreme_settings():
    """Trainer note: 'If the diamond disappears above the chart, the settings give a value beyond
    1,000 units (a high margin, a high share coming back, a discount rate near 0).'"""
    from helpers.lessons.repeat_business.simulators import VALUE_TOP

    top = VALUE_TOP
    assert top == 1000
    assert value.customer_value(retention=95).clv < top  # default margin and discount
    assert value.customer_value(margin=300, retention=95, discount_rate=0).clv > top
    assert value.customer_value(margin=300, retention=80).clv < top


# --- Why loyalty seems to grow with time ---------------------------------------------------------


def test_customers_who_differ_stay_far_longer():
    """'After 5 years 30 of 100 customers are still here, against 10 if everyone were alike;
    after 10 years 20 against 1.' Manifest: 'When customers differ, 30 of 100 are still there
    after 5 years, against 10 if everyone were alike.'"""
    o = tenure.tenure()
    assert [round(100 * o.survivors[y]) for y in (5, 10)] == [30, 20]
    assert [round(100 * o.survivors_alike[y]) for y in (5, 10)] == [10, 1]


def test_retention_rises_though_nobody_changes():
    """'Retention rises from 63 % in the first year to 88 % in the fifth and 94 % in the tenth,
    although no customer's chance of leaving ever changed.' Trainer note: 'the simulator shows
    the rise with no change in anyone'."""
    retention = tenure.tenure().retention
    assert [round(100 * retention[y - 1]) for y in (1, 5, 10)] == [63, 88, 94]
    for difference in tenure.PARAMETERS["difference"].positions()[1:]:
        assert (np.diff(tenure.tenure(difference=difference).retention) > 0).all()


def test_at_zero_the_lines_meet():
    """'Set How different customers are to 0: the two lines meet, and retention stays at 63 %
    every year.' Trainer note: 'If the two lines lie on top of each other, How different
    customers are is at 0.' Manifest: 'At 0 the lines meet.'"""
    o = tenure.tenure(difference=0)
    np.testing.assert_allclose(o.survivors, o.survivors_alike)
    assert np.allclose(o.retention, 0.63)
    for difference in tenure.PARAMETERS["difference"].positions()[1:]:
        o = tenure.tenure(difference=difference)
        assert np.max(o.survivors - o.survivors_alike) > 0.005


def test_the_loyal_ones_stay_longer_than_the_average_suggests():
    """Trainer note: 'The loyal ones stay far longer than the average suggests.'"""
    default = tenure.tenure()
    assert default.survivors[10] > 10 * default.survivors_alike[10]
    for leaving in tenure.PARAMETERS["leaving"].test_points():
        o = tenure.tenure(leaving=leaving)
        assert o.survivors[10] > 1.3 * o.survivors_alike[10]


def test_fader_and_hardies_regular_customers():
    """'For the regular customers retention climbs from 63 % in year 1 to 92 % in year 7; the fit
    finds exactly the published α = 0.704 and β = 1.182.'"""
    data = tenure.FADER_HARDIE_2007["regular"]
    s = data["survivors"]
    assert round(100 * s[1] / s[0]) == 63 and round(100 * s[7] / s[6]) == 92
    found = tenure.fit([s])
    assert (round(found.alpha, 3), round(found.beta, 3)) == (0.704, 1.182)


# --- Follow up after a big purchase -----------------------------------------------------------


def test_about_12_in_100_come_back_anyway():
    """'Some would come back the month after the call anyway (about 12 in 100 here).'"""
    everyone = follow_up.follow_up(call_effect=0)
    assert round(100 * everyone.not_called) == 12 and round(100 * everyone.called_back) == 12


@pytest.mark.parametrize("effect", follow_up.PARAMETERS["call_effect"].test_points())
@pytest.mark.parametrize("called", follow_up.PARAMETERS["called"].test_points())
def test_with_random_calls_the_gap_is_the_call(effect, called):
    """'With calls made at random ... the gap of 22 points is what the call did.' Trainer note:
    'With calls at random the whole gap is the call.'"""
    o = follow_up.follow_up(call_effect=effect, called=called, picked=0)
    assert o.gap == pytest.approx(o.call_effect) and o.who_was_called == pytest.approx(0)


def test_the_default_numbers():
    """'With calls made at random, called buyers come back 34 % of the time, the others 12 %: the
    gap of 22 points is what the call did. When staff pick the happy buyers, the gap grows to 32
    points, while the call's own effect stays about the same (21 points): 11 points of the gap
    come from whom the shop called.' Manifest: 'With calls made at random the gap is the call's
    own effect, 22 points. When staff pick the happy buyers the gap grows to 32 points, though
    the call does no more.'"""
    random, picked = follow_up.follow_up(), follow_up.follow_up(picked=100)
    assert [round(100 * x) for x in (random.called_back, random.not_called, random.gap)] == [
        34,
        12,
        22,
    ]
    assert [round(100 * x) for x in (picked.gap, picked.call_effect, picked.who_was_called)] == [
        32,
        21,
        11,
    ]
    assert picked.call_effect <= random.call_effect


def test_without_any_effect_the_gap_does_not_vanish():
    """'Set the call's effect to 0 at the same time: the gap does not vanish.'"""
    assert follow_up.follow_up(call_effect=0, picked=100).gap > 0.10


def test_picking_whom_to_call_flatters_the_call():
    """'Comparing called with not-called customers flatters the call unless the two groups were
    alike to begin with.' Exercise 9: 'Set Staff pick whom to call to 100 in the simulator: the
    gap grows although the call does no more.'"""
    gaps = [follow_up.follow_up(picked=p).gap for p in follow_up.PARAMETERS["picked"].positions()]
    assert (np.diff(gaps) > 0).all()
    for p in follow_up.PARAMETERS["picked"].positions()[1:]:
        o = follow_up.follow_up(picked=p)
        assert o.gap > o.call_effect


def test_no_hatched_part_means_no_effect():
    """Trainer note: 'If the hatched part is missing, A call brings back is at 0.'"""
    for called in follow_up.PARAMETERS["called"].positions():
        assert follow_up.follow_up(call_effect=0, called=called).called_by_call == 0
        assert follow_up.follow_up(call_effect=5, called=called).called_by_call > 0
