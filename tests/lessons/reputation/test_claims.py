"""Every sentence notebook 03 (text, trainer notes, exercises and manifest) says about a
simulator, asserted on the models, so the projector can never contradict the page. Each test
quotes what it protects."""

import numpy as np
import pytest

from helpers.lessons.reputation import bass, network_picture, recovery, reviews
from helpers.lessons.reputation import word_of_mouth as wom
from helpers.lessons.reputation.network import layout, town_network


@pytest.fixture(scope="module")
def start():
    return wom.spread()


# --- Try it first ------------------------------------------------------------------------------


def test_a_year_of_word_of_mouth(start):
    """'In a year word of mouth wins 417 customers and loses 188: a net gain of 229.'
    Manifest: 'wins about 420 customers in a year and loses about 190.'"""
    assert (start.total_won, start.total_lost, start.net) == (417, 188, 229)


def test_about_three_praise_messages_per_warning(start):
    """'There are about 3.1 praise messages for every warning, close to what East, Hammond and
    Wright (2007) found: positive word of mouth is about three times as common as negative.'"""
    assert round(start.praise_per_warning, 1) == 3.1


def test_doubling_unhappy_visits_halves_the_net_gain(start):
    """Trainer note and manifest: 'move Visits that leave them unhappy to 12: the net gain falls
    by more than half (from 229 to about 100).'"""
    doubled = wom.spread(unhappy=12).net
    assert doubled < start.net / 2
    assert 90 <= doubled <= 110


def test_each_warning_costs_about_what_a_praise_brings(start):
    """Trainer note and takeaway: 'Each warning costs about as much as a praise brings in.'"""
    per = start.per_talker()
    assert 0.5 <= per["won"] / per["lost"] <= 1.5


# --- How far one experience travels --------------------------------------------------------------


def test_one_new_customer_for_every_eight_who_praise(start):
    """'A delighted customer who praises us is heard by about 1.46 people and brings in 0.13 new
    customers: about one for every eight who praise.'"""
    per = start.per_talker()
    assert round(per["hear_praise"], 2) == 1.46
    assert round(per["won"], 2) == 0.13
    assert 7.5 <= 1 / per["won"] <= 8.5


def test_a_warning_finds_more_to_take_away(start):
    """'An unhappy customer who warns is heard by as many and costs us 0.18 of a customer: by then
    more than half of the town shops with us, so a warning finds more to take away than praise
    finds to bring in.'"""
    per = start.per_talker()
    assert per["hear_warning"] == pytest.approx(per["hear_praise"], rel=0.05)
    assert round(per["lost"], 2) == 0.18 > per["won"]
    assert (start.customers / town_network().size > 0.5).all()


def test_ten_more_people_cost_about_one_customer():
    """'At 10 she is heard by 11.44 people and costs us about 1 customer.'"""
    per = wom.spread(extra_told=10).per_talker()
    assert round(per["hear_warning"], 2) == 11.44
    assert 0.9 <= per["lost"] <= 1.1


def test_dots_sit_near_the_people_they_are_tied_to():
    """'Each dot is a person, placed near the people they are tied to.'"""
    pos, net = layout(), town_network()
    tie = np.hypot(*(pos[net.source] - pos[net.target]).T)
    anyone = np.hypot(*(pos - pos[np.random.default_rng(1).permutation(net.size)]).T)
    assert np.median(tie) < 0.3 * np.median(anyone)


def test_two_or_three_more_listeners_cancel_word_of_mouth(start):
    """'If every unhappy customer who talks told just 2 more people, it would about break even;
    at 3 it loses more than it wins; at the folklore's 10, the net is −541.' Takeaway: 'even 2 or
    3 listeners beyond close ties per unhappy customer would cancel what word of mouth brings in.'
    Exercise 1: the prediction is checked against this model."""
    assert abs(wom.spread(extra_told=2).net) < 0.1 * start.net
    assert wom.spread(extra_told=3).net < 0
    assert wom.spread(extra_told=10).net == -541


def test_a_warning_stops_praise_from_winning_that_month():
    """Trainer note: 'In this model, a warning also stops a friend from being won by praise that
    month.'"""
    net, draws = town_network(), wom.draws()
    values = wom.check_values(extra_told=5)
    ours = draws.start < wom.START_SHARE
    for month in range(3):
        won, lost, details = wom._month(net, ours, draws, month, values)
        assert not (won & details["warned"]).any()
        assert details["warned"][~ours].any()  # there were warned non-customers to test on
        ours = (ours & ~lost) | won


def test_close_ties_win_more_than_they_lose_the_folklore_turns_it():
    """Manifest: 'With close ties only, more people are won (green) than lost (red) in a year.
    With ten extra people per unhappy customer, red crosses spread across the whole town and the
    lost outnumber the won.' Trainer note: 'watch the red crosses spread across the whole
    town'."""
    close = network_picture.groups(wom.spread(), wom.MONTHS)
    assert close["won"].sum() > close["lost"].sum()
    folklore_outcome = wom.spread(extra_told=10, paths=True)
    folklore = network_picture.groups(folklore_outcome, wom.MONTHS)
    assert folklore["lost"].sum() > folklore["won"].sum()
    pos = layout()
    lost = pos[folklore["lost"]]
    quadrants = np.bincount((lost[:, 0] > 0) * 2 + (lost[:, 1] > 0), minlength=4)
    assert quadrants.min() > 0.15 * len(lost)  # across the whole town
    teller, listener = folklore_outcome.paths[:, 0], folklore_outcome.paths[:, 1]
    length = np.hypot(*(pos[teller] - pos[listener]).T)
    beyond = folklore_outcome.beyond
    assert np.median(length[beyond]) > 2 * np.median(length[~beyond])  # they travel far


# --- The Bass model ------------------------------------------------------------------------------


def test_bass_peak_and_word_of_mouth_share():
    """'With the average values the peak comes at period 6.19, and 79 % of everyone who comes by
    period 20 came by word of mouth. Twice the imitation brings the peak earlier (period 4.09)
    and higher, with 87 % by word of mouth.' Manifest: 'Doubling q brings the peak earlier
    (about period 4) and higher.'"""
    average, double = bass.bass_curve(0.03, 0.38), bass.bass_curve(0.03, 0.76)
    assert round(average.peak, 2) == 6.19 and round(double.peak, 2) == 4.09
    assert round(100 * average.word_of_mouth_share) == 79
    assert round(100 * double.word_of_mouth_share) == 87
    assert double.total.max() > average.total.max()


def test_advertising_starts_it_word_of_mouth_carries_it():
    """Trainer note: 'At the average values it brings the first ones; word of mouth brings about
    four in five.'"""
    curve = bass.bass_curve()
    assert curve.outside[0] > curve.imitation[0]
    assert curve.imitation[np.argmax(curve.total)] > curve.outside[np.argmax(curve.total)]
    assert 0.75 <= curve.word_of_mouth_share <= 0.85


def test_the_peak_is_at_the_start_when_q_is_at_most_p():
    """Trainer note: 'If the dashed line sits at 0, q is at or below p.'"""
    for p in bass.PARAMETERS["p"].positions():
        for q in bass.PARAMETERS["q"].positions():
            assert (bass.peak_time(p, q) == 0) == (q <= p)


# --- The J-shape ---------------------------------------------------------------------------------


def test_the_stars_are_loud_at_both_ends():
    """'1 or 5 stars make 69 % of the reviews, but only 35 % of customers. The average hardly
    moves (4.08 stars online, 4.05 for everyone).' Manifest: 'about two thirds of the reviews,
    against about a third of the customers, while the average hardly moves.'"""
    outcome = reviews.online_reviews()
    assert round(100 * outcome.extremes_online) == 69
    assert round(100 * outcome.extremes_true) == 35
    assert abs(outcome.online_mean - outcome.true_mean) < 0.1


def test_if_the_delighted_wrote_as_often_nine_in_ten_would_be_five_stars():
    """'If the delighted wrote as often as the very unhappy, 90 % of the reviews would be 5
    stars.' (Exercise 2.)"""
    assert round(100 * reviews.online_reviews(write_5=50).online_shares[4]) == 90


def test_replies_come_to_the_studys_figures():
    """'In the model a shop's replies make three reviews in ten one star kinder, which on these
    reviews comes to the study's +0.12.' 'From 4.08 to 4.21 stars, and from 4.6 to 5.1 reviews
    per 100 customers.'"""
    before = reviews.online_reviews()
    after = reviews.with_replies(before)
    assert reviews.REPLY_EXTRA_STAR == 0.3
    assert round(after.online_mean - before.online_mean, 2) == 0.12
    assert (round(after.online_mean, 2), round(after.reviews_per_100, 1)) == (4.21, 5.1)


# --- Refund or not? ------------------------------------------------------------------------------


def test_refund_or_refuse_at_the_start():
    """'Refunding costs 60 now and 33 in her custom: 93. Refusing costs nothing now, but 167 of
    her custom and 24 of the custom of those she tells: 191. Refunding pays up to a refund of
    157.' (Manifest: about 93, 191 and 157.)"""
    outcome = recovery.refund_or_not()
    assert [round(v) for v in (outcome.refund.her, outcome.refund.total)] == [33, 93]
    assert [round(v) for v in (outcome.refuse.her, outcome.refuse.friends)] == [167, 24]
    assert round(outcome.refuse.total) == 191 and round(outcome.break_even) == 157


@pytest.mark.parametrize("name", ["margin", "listeners"])
def test_the_line_rises_with_her_value_and_her_listeners(name):
    """'The line rises with her value and with the people who hear her story.' (Manifest: 'A
    more valuable customer, or more people told, raise that line.')"""
    evens = [
        recovery.refund_or_not(**{name: v}).break_even
        for v in recovery.PARAMETERS[name].positions()
    ]
    assert np.all(np.diff(evens) > 0)


def test_for_a_one_off_customer_refusing_costs_less():
    """'For a one-off customer who brings only 20 a year, refusing costs less: 67 to refund
    against 38 to refuse.'"""
    outcome = recovery.refund_or_not(margin=20)
    assert (round(outcome.refund.total), round(outcome.refuse.total)) == (67, 38)


# --- Scenario drill ------------------------------------------------------------------------------


def test_the_drill_at_mrs_lees_numbers():
    """'For Mrs Lee the free repair is cheapest (64): it keeps her as well as a refund, for a
    third of the money. The polite alternative comes next (79). A flat refusal (135) costs about
    as much as a full refund (144).'"""
    table = recovery.scenario_costs()
    totals = table["total"].round().astype(int).to_dict()
    assert totals == {"refund": 144, "repair": 64, "refuse": 135, "alternative": 79}
    assert table["total"].idxmin() == "repair"
    assert table.loc["repair", "her"] == table.loc["refund", "her"]
    assert table.loc["repair", "paid"] == pytest.approx(table.loc["refund", "paid"] / 3)
    assert sorted(totals, key=totals.get)[:2] == ["repair", "alternative"]


def test_refusal_becomes_the_dearest_when_she_tells_three():
    """'... and more as soon as she tells a few more people: set People who hear her story to 3.'
    Trainer note: 'It is the dearest answer once she tells a few people.'"""
    table = recovery.scenario_costs(listeners=3)
    assert table["total"].idxmax() == "refuse"


def test_for_a_small_customer_the_polite_alternative_is_cheapest():
    """'For a customer who brings only 20 a year, the polite alternative is cheapest.'"""
    assert recovery.scenario_costs(margin=20)["total"].idxmin() == "alternative"


# --- Exercises -----------------------------------------------------------------------------------


def test_delight_cannot_beat_the_folklore_but_fewer_unhappy_visits_can():
    """Exercise 6 and its notes: 'even 70 % delighted visits leave the net at about −280; cutting
    unhappy visits to 1-2 % does it.'"""
    assert -300 <= wom.spread(extra_told=10, delighted=70).net <= -260
    assert wom.spread(extra_told=10, unhappy=2).net >= 0
    assert wom.spread(extra_told=10, unhappy=1).net >= 0
    assert wom.spread(extra_told=10, unhappy=3).net < 0


# --- The model's own choices, as the text states them ---------------------------------------------


def test_the_model_as_the_text_describes_it():
    """'Half of whom shop with us. Every month each of our customers visits once.' 'One chance
    in five of coming or leaving after a message.' 'Each of her ties hears it with a chance of
    45 %.'"""
    assert wom.START_SHARE == 0.5 and wom.MONTHS == 12
    assert wom.JOIN == wom.LEAVE == 0.2 and wom.HEAR == 0.45
    share = (wom.draws().start < wom.START_SHARE).mean()
    assert 0.48 <= share <= 0.52


def test_the_calculator_as_the_text_describes_it():
    """'Here r = 80 % and i = 10 %, so a customer who brings us 100 a year is worth about 267.'
    'If we refund she stays with a chance of 70 % ... against 80 % had nothing gone wrong.'
    'Each person who hears her story is one of our customers with a chance of 50 % and leaves
    with a chance of 20 %.'"""
    assert (recovery.RETENTION, recovery.DISCOUNT_RATE) == (0.8, 0.1)
    assert round(recovery.lifetime_value(100)) == 267
    assert recovery.STAY["refund"] == 0.7
    assert recovery.LOSS_PER_LISTENER == pytest.approx(0.5 * 0.2)


def test_the_drill_tells_mrs_lees_story():
    """'Mrs Lee ... brings you about 150 a year in margin ... a 120 coffee machine ... A repair
    would cost you 40.' Each answer's feedback states its expected cost."""
    from helpers.lessons.reputation.questions import drill_outcome

    assert recovery.SCENARIO_DEFAULTS == {
        "item_price": 120,
        "repair_cost": 40,
        "margin": 150,
        "listeners": 1.5,
    }
    table = recovery.scenario_costs()
    for letter, choice in zip("abcd", recovery.CHOICES, strict=True):
        assert f"**{table.loc[choice, 'total']:.0f}**" in drill_outcome(letter)
