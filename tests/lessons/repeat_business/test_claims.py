"""Every sentence notebook 02 (text, trainer notes, exercises and manifest) says about a
simulator, asserted on the model, so the projector can never contradict the page. Each test
quotes what it protects."""

import numpy as np
import pytest

from helpers.lessons.repeat_business import follow_up, tenure, two_shops, value
from helpers.lessons.repeat_business.simulators import market_share_shown
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
    """'after a 5 a customer is six times as likely to come back as after a 4; after a 2, about a
    quarter as likely as after a 4.'"""
    delight, push = two_shops.impressions()
    assert round(np.exp(delight), 6) == 6
    assert 0.22 < np.exp(-push) < 0.3


def test_riverside_grows_from_49_to_61_percent():
    """'Riverside starts with 49 % of the customers and ends the two years with 61 %. Its monthly
    customers grow from 1,197 to 2,121; Market Street's only from 1,269 to 1,352. Yet the two
    shops differ by only 5 in 100 visits on each of two counts.' 'In month 1 Riverside has 49 %
    of the two shops' customers.'"""
    outcome = two_shops.simulate()
    assert round(100 * outcome.first_share) == 49 and round(100 * outcome.final_share) == 61
    assert np.round(outcome.customers[[0, -1]]).tolist() == [[1197, 1269], [2121, 1352]]


def test_a_five_percent_edge_is_not_five_percent_more_customers():
    """Trainer note: '"A 5 % better service gives 5 % more customers." In this model the small
    edge adds up month after month.'"""
    outcome = two_shops.simulate()
    assert outcome.final_share - outcome.first_share > 0.10
    assert outcome.customers[-1, 0] / outcome.customers[0, 0] > 1.5


def test_the_share_grows_fast_at_first_then_more_slowly():
    """Manifest: 'Riverside's share grows from 49 % to about 61 % in 24 months, fast at first,
    then more slowly.' Text: 'The growth slows as it goes: Riverside's share gains 4 points from
    month 1 to month 6, and under 2 from month 19 to month 24.' Takeaway: 'adds up month after
    month to a large share of the town, then levels off.'"""
    share = 100 * shares()
    assert share[-1] > share[-4] > share[-12]
    assert round(share[5] - share[0]) == 4 and share[23] - share[18] < 2
    gains = np.diff(share)
    assert gains[18:].mean() < gains[:5].mean() / 2


def test_with_the_same_service_the_share_stays_put():
    """'With the same service as Market Street, Riverside stays at 48 % (nearness keeps Market
    Street slightly ahead; with both shops at Riverside's service instead, 49 %).' Manifest:
    'With the same service in both shops it stays at 48-49 %.'"""
    for service in ({}, {"market_delighted": 40, "market_bad": 10}):
        same = dict(riverside_delighted=35, riverside_bad=15) if not service else service
        share = shares(**same)
        assert ((share > 0.475) & (share < 0.50)).all()
    assert round(100 * shares(market_delighted=40, market_bad=10)[-1]) == 49


def test_each_edge_alone_and_both():
    """'Five points more delighted visits alone bring it to 54 %; five points fewer bad moments
    alone to 56 %; both together to 61 %.'"""
    final = {k: two_shops.simulate(riverside_delighted=d, riverside_bad=b).final_share
             for k, (d, b) in EDGES.items()}  # fmt: skip
    assert round(100 * final["no edge"]) == 48
    assert round(100 * final["delighted edge only"]) == 54
    assert round(100 * final["bad-moment edge only"]) == 56
    assert round(100 * final["both edges"]) == 61


def test_each_edge_adds_up():
    """'Neither edge is large, but kept up every month each one adds up.'"""
    for delighted, bad in (EDGES["delighted edge only"], EDGES["bad-moment edge only"]):
        share = shares(riverside_delighted=delighted, riverside_bad=bad)
        assert share[23] > share[11] > share[5] > share[0]


def test_short_memories_barely_let_the_edge_grow():
    """'If customers forget within a month, the edge hardly grows (52 %): Riverside still leads,
    but each month is nearly a fresh start. Within two years, from about half a year of memory
    the edge goes about as far (61 % at 6 months, 60 % at 12 and at 24).' Trainer note: 'the
    longer customers remember, the further the edge goes, up to about half a year within two
    years'."""
    final = {m: two_shops.simulate(memory_months=m).final_share for m in range(1, 25)}
    assert round(100 * final[1]) == 52 and final[1] - two_shops.simulate().first_share < 0.05
    assert final[1] > 0.5  # Riverside still leads
    assert all(final[m] < final[m + 1] for m in range(1, 6))
    assert all(0.59 <= final[m] <= 0.62 for m in range(6, 25))
    assert [round(100 * final[m]) for m in (6, 12, 24)] == [61, 60, 60]


def test_longer_memories_act_more_slowly(monkeypatch):
    """'Longer memories are not weaker: they act more slowly, ... and two years is too short for
    them to show more.' Over ten years a 12-month memory takes Riverside further than a 6-month
    one."""
    months = 120
    rng = np.random.default_rng(two_shops.SEED)
    base = two_shops.households()
    people = two_shops.Households(
        size=base.size,
        near_pull=base.near_pull,
        u_choice=rng.random((months, base.size)),
        u_visit=rng.random((months, base.size)),
    )
    monkeypatch.setattr(two_shops, "MONTHS", months)
    final = {m: two_shops.simulate(memory_months=m, people=people).final_share for m in (6, 12)}
    assert final[12] > final[6] + 0.03


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
    down to 7 % or fewer, or delighted visits up to 46 % or more; delighted at 45 % is just
    short, 49.9 %). Matching Riverside on both sliders is just enough, because nearness then
    tips the town Market Street's way.' Hint: 'Delighted visits at 45 % is just short: 49.9 %.'"""

    def market(**changes):
        return market_share_shown(two_shops.simulate(**changes))

    assert market(market_bad=10) < 0.5 and market(market_delighted=40) < 0.5
    assert market(market_bad=8) < 0.5 <= market(market_bad=7) <= market(market_bad=5)
    assert market(market_delighted=45) == 0.499 < 0.5 <= market(market_delighted=46)
    assert 0.5 <= market(market_delighted=40, market_bad=10) < 0.52


# --- What a returning customer is worth ----------------------------------------------------------


def test_the_published_rise_from_80_to_85():
    """'At 80 % coming back and a 10 % discount rate it is 0.8 ÷ 0.3 = 2.667 years ... With this
    year's margin, 3.667 years.' 'From 80 % to 85 % coming back, the years of future margin rise
    from 2.667 to 3.4: 27.5 % more. ... with this year's margin included, the rise is 20 % (from
    3.667 to 4.4 years).' Manifest: 'At 80 % coming back a customer's future margin, from next
    year on, is worth 2.67 years of margin in today's money; at 85 %, 27.5 % more (this year's
    margin comes on top).'"""
    at_80, at_85 = value.customer_value(), value.customer_value(retention=85)
    assert round(at_80.multiplier, 3) == 2.667 and round(at_85.multiplier, 3) == 3.4
    assert round(1 + at_80.multiplier, 3) == 3.667 and round(1 + at_85.multiplier, 3) == 4.4
    multiplier_rise, value_rise = value.rise_in_value(80, 85)
    assert round(100 * multiplier_rise, 1) == 27.5 and round(100 * value_rise, 1) == 20.0


def test_five_years_on_average_four_of_them_later():
    """'(Such a customer stays 5 years on average, this one included; the 4 later years are worth
    2.667 years of margin today.)'"""
    r = 0.80
    assert round(1 / (1 - r)) == 5 and round(r / (1 - r)) == 4


def test_a_cost_of_winning_changes_the_rise():
    """'A cost of winning the customer changes the rise again (exercise 6 asks by how much).'"""
    plain = value.rise_in_value(80, 85)[1]
    for cost in value.PARAMETERS["acquisition_cost"].positions()[1:]:
        if value.customer_value(acquisition_cost=cost).clv > 0:
            assert value.rise_in_value(80, 85, acquisition_cost=cost)[1] > plain


def test_one_more_point_is_worth_more_at_90_than_at_80():
    """'At 80 % coming back a customer is worth 367 units (100 this year, 267 in future margin),
    and one more point adds 12.6; at 90 % the customer is worth 550 units and one more point
    adds 28.9, more than twice as much.' 'going from 80 to 81 % adds about 12.6 units to what a
    customer is worth (the caption says so)'."""
    at_80, at_90 = value.customer_value(), value.customer_value(retention=90)
    assert round(at_80.clv) == 367 and round(at_80.future) == 267
    assert round(at_80.one_more_point, 1) == 12.6
    assert round(at_90.clv) == 550 and round(at_90.one_more_point, 1) == 28.9
    assert at_90.one_more_point > 2 * at_80.one_more_point


def test_the_curve_bends_upward():
    """'The curve bends upward: with the margin held fixed, the last points of retention are
    worth the most.' Manifest: 'each point is worth more than the one before.'"""
    for margin in value.PARAMETERS["margin"].test_points():
        steps = np.diff(value.customer_value(margin=margin).curve)
        assert (np.diff(steps) > 0).all()


def test_a_regular_is_worth_several_years_of_margin():
    """Trainer note: 'At 80 % coming back the future is worth 2.7 years of margin on top of this
    year's; at 44 % (our town) it is under 1.' Takeaway: '2.7 at 80 % coming back, under 1 in our
    town, where fewer than half come back'. Manifest: the same."""
    assert round(value.customer_value().multiplier, 1) == 2.7
    assert value.customer_value(retention=44).multiplier < 1


def test_the_diamond_stays_on_the_chart():
    """Trainer note: 'If the diamond sits at the top edge of the chart with "(above the chart)"
    beside it, the settings give a value beyond 1,000 units (a high margin and a high share
    coming back): lower the margin.'"""
    from helpers.lessons.repeat_business.simulators import VALUE_TOP, customer_value_simulator

    sim = customer_value_simulator()
    assert value.customer_value(retention=95).clv < VALUE_TOP  # default margin and discount
    sim.set_values(margin=300, retention=90)
    assert value.customer_value(margin=300, retention=90).clv > VALUE_TOP
    assert sim.chart_data(1) == [VALUE_TOP] and "(above the chart)" in sim.figure.data[1].text[0]
    sim.set_values(margin=150)
    assert value.customer_value(margin=150, retention=90).clv < VALUE_TOP
    assert "above" not in sim.figure.data[1].text[0]


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
    every year.' (The caption then says "Retention stays at 63 % every year".) Trainer note: 'If
    the two lines lie on top of each other, How different customers are is at 0.' Manifest: 'At
    0 the lines meet.'"""
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
    """'For the regular subscribers retention climbs from 63 % in year 1 to 92 % in year 7; the
    fit finds the published 0.35 again.' 'Of 1,000 subscribers who started in the same year'.
    The simulator's starting values are their fit: 'The starting values are the ones Fader and
    Hardie found for the "regular" customers'."""
    data = tenure.FADER_HARDIE_2007["regular"]
    s = data["survivors"]
    assert s[0] == 1000
    assert round(100 * s[1] / s[0]) == 63 and round(100 * s[7] / s[6]) == 92
    found = tenure.fit([s])
    assert (round(found.alpha, 3), round(found.beta, 3)) == (0.704, 1.182)
    published = tenure.SBGFit(data["alpha"], data["beta"], 0.0, 1000)
    assert round(published.difference, 2) == round(found.difference, 2) == 0.35
    defaults = tenure.PARAMETERS
    assert defaults["difference"].default == 0.35
    assert defaults["leaving"].default == round(100 * published.leaving)


def test_a_formula_that_treats_everyone_alike_undervalues_them():
    """'The future is worth 2.70 years of margin when customers differ as Fader and Hardie found,
    against 1.35 if everyone came back 63 % of the time: the simple formula gives half.'"""
    from helpers.metrics import clv_multiplier

    data = tenure.FADER_HARDIE_2007["regular"]
    fitted = tenure.SBGFit(data["alpha"], data["beta"], 0.0, 1000)
    differ = tenure.future_years(fitted.leaving, fitted.difference, 0.10)
    alike = clv_multiplier(data["survivors"][1] / 1000, 0.10)
    assert (round(differ, 2), round(alike, 2)) == (2.70, 1.35)
    assert round(differ / alike) == 2
    # with everyone alike the sBG sum is the CLV formula's multiplier
    assert tenure.future_years(0.369, 0, 0.10) == pytest.approx(alike)


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
    """'Comparing called with not-called customers flatters the call when the shop calls those
    who were likelier to come back anyway.' 'the gap is only the call's own effect when the two
    groups were alike to begin with.' Exercise 9: 'Set Staff pick whom to call to 100 in the
    simulator: the gap grows although the call does no more.'"""
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
