"""Exercises of notebook 02 (repeat business): on the simulators and on the town's data."""

from __future__ import annotations

from helpers.data import cached_table
from helpers.exercises import (
    ChoiceQuestion,
    Exercises,
    PredictQuestion,
    TargetQuestion,
    ValueQuestion,
)
from helpers.lessons.repeat_business import tenure, two_shops, value
from helpers.lessons.repeat_business.simulators import market_share_shown, two_shops_simulator


def _riverside_kept() -> float:
    from helpers.lessons.repeat_business.in_town import shop_keeps

    return float(shop_keeps(cached_table("visits")).loc["Riverside Goods", "came back in 2025 (%)"])


def _calls():
    from helpers.lessons.repeat_business.town_calls import follow_up_table

    return follow_up_table(cached_table("visits"), cached_table("follow_ups"))


def _riverside_call_gap() -> float:
    return float(_calls().loc["Riverside Goods", "gap (points)"])


def _riverside_customers_2024() -> float:
    from helpers.lessons.repeat_business.in_town import shop_keeps

    return float(shop_keeps(cached_table("visits")).loc["Riverside Goods", "customers in 2024"])


def _worth(shop: str, column: str) -> float:
    from helpers.lessons.repeat_business.in_town import value_by_shop

    return float(value_by_shop(cached_table("visits")).loc[shop, column])


def _one_point_for_riverside() -> float:
    return _worth("Riverside Goods", "one more point, whole shop (units)")


#: Exercise 6's cost of winning a customer (units): not the text's, so its answer is not given.
COST = 200


def _rise_with_a_cost() -> float:
    return 100 * value.rise_in_value(80, 85, acquisition_cost=COST)[1]


def _market_share(sim) -> tuple[float, str]:
    # the share as the caption shows it (one decimal, rounded down), so check and caption agree
    return market_share_shown(two_shops.simulate(sim.values())), ""


_SHOPS = {name: spec.default for name, spec in two_shops.PARAMETERS.items()}
_RIVERSIDE = ("riverside_delighted", "riverside_bad", "memory_months")

exercises = Exercises(
    q1=PredictQuestion(
        "Riverside's visits are a little better than Market Street's: 40 % delighted against "
        "35 %, 10 % with a bad moment against 15 %. In month 1 Riverside has 49 % of the two "
        "shops' customers. What share will it have in month 24?",
        truth=lambda: two_shops.simulate().final_share,
        tolerance=0.05,
        is_share=True,
        after_predict="Now read Riverside's share in month 24 under the chart, then check.",
        hints=["A 5-point edge each month: does it add up, or stay a 5-point edge?"],
        solution="Read the share under the chart at the starting settings (month 24).",
        why=(
            "In our model a small edge, kept up month after month, adds up: every household "
            "that leaves Market Street after a bad moment, and every delighted one, moves the "
            "share a bit, until it levels off."
        ),
    ),
    q2=PredictQuestion(
        "37 of 100 new customers leave in their first year. If every customer had the same "
        "chance of leaving, 10 of the 100 would still be customers after 5 years. With customers "
        "who differ (the starting settings), how many of the 100 are still customers after 5 "
        "years?",
        # whole customers, as the caption and the text say them (30, not 29.8004)
        truth=lambda: round(100 * float(tenure.tenure().survivors[5])),
        tolerance=5,
        unit=("customer", "customers"),
        after_predict="Now read the blue line at year 5 (or the caption), then check.",
        hints=["Who leaves first: the likely leavers or the loyal ones? Who is left after that?"],
        solution="Read the caption under the chart: customers still here after 5 years.",
        why=(
            "A model in which everyone is alike badly underestimates how many customers stay: "
            "the loyal ones stay much longer than the average suggests."
        ),
    ),
    q3=ValueQuestion(
        "In our town, what share (%) of Riverside's 2024 customers came back to Riverside in 2025?",
        answer=_riverside_kept,
        variable="riverside_kept",
        tolerance=0.6,
        non_negative=True,
        source="data",
        hints=[
            "Look at the table `keeps` in the section *In our town*.",
            "Row *Riverside Goods*, column *came back in 2025 (%)*.",
        ],
        mistakes={
            lambda: 100 - _riverside_kept(): (
                "That is the share who did *not* come back to Riverside (100 minus the answer). "
                "Read the column *came back in 2025 (%)*."
            ),
            _riverside_customers_2024: (
                "That is how many customers Riverside had in 2024. The question asks for the "
                "share (%) of them who came back: column *came back in 2025 (%)*."
            ),
        },
        solution=(
            'riverside_kept = keeps.loc["Riverside Goods", "came back in 2025 (%)"]  # 43.7 (%)'
        ),
        why="This is the share coming back each year that goes into what a customer is worth.",
    ),
    q4=ValueQuestion(
        "At Riverside, by how many percentage points more often did buyers who got a follow-up "
        "call come back the month after than buyers who did not?",
        answer=_riverside_call_gap,
        variable="riverside_gap",
        tolerance=0.6,
        source="data",
        hints=[
            "Use the table `calls` in the section *In our town*.",
            "Row *Riverside Goods*: *came back, called (%)* minus *came back, not called (%)*.",
        ],
        mistakes={
            lambda: float(_calls().loc["both shops together", "gap (points)"]): (
                "That is the gap for both shops together. The question asks for Riverside alone: "
                "row *Riverside Goods*."
            ),
            lambda: float(_calls().loc["Riverside Goods", "gap built into the town (points)"]): (
                "That is the gap the town was built with. The question asks what the data show: "
                "column *gap (points)*."
            ),
        },
        solution='riverside_gap = calls.loc["Riverside Goods", "gap (points)"]  # 25.5 points',
        why=(
            "Comparing within one shop compares like with like. In the town the shop picked "
            "whom to call at random; a real shop seldom does, so even this gap may flatter it."
        ),
    ),
    q5=ValueQuestion(
        "In our town, what is one more point of customers coming back each year worth to "
        "Riverside, for all its 2025 customers (in units)? The table `worth` already uses the "
        "30 % margin: no need to work it in again.",
        answer=_one_point_for_riverside,
        variable="one_point",
        tolerance=15,
        rel_tolerance=0.005,
        non_negative=True,
        source="data",
        hints=[
            "Use the table `worth` in the section *In our town*.",
            "Row *Riverside Goods*, column *one more point, whole shop (units)*.",
        ],
        mistakes={
            lambda: _worth("Riverside Goods", "one more point, per customer (units)"): (
                "That is what one more point is worth for each customer. The question asks for "
                "the whole shop: column *one more point, whole shop (units)*."
            ),
            lambda: _worth("Market Street Goods", "one more point, whole shop (units)"): (
                "That is Market Street's figure. The question asks for Riverside: row *Riverside "
                "Goods*."
            ),
        },
        solution=(
            'one_point = worth.loc["Riverside Goods", "one more point, whole shop (units)"]  '
            "# about 2166 units"
        ),
        why=(
            "One point sounds small. Spread over every customer, and over the years they stay, "
            "it is real money: the figure a shop can weigh against the cost of better service."
        ),
    ),
    q6=ValueQuestion(
        "In the customer-value simulator, set the margin to 100 units, the discount rate to "
        "10 % and the cost of winning a customer to 200 units. By what percentage does what a "
        "customer is worth rise when the share coming back goes from 80 % to 85 %?",
        answer=_rise_with_a_cost,
        variable="rise",
        tolerance=1.0,
        non_negative=True,
        source="simulator",
        mistakes={
            lambda: 100 * value.rise_in_value(80, 85)[1]: (
                "That is the rise with no cost of winning the customer. Set *Cost of winning a "
                "customer* to 200 first."
            ),
            lambda: 100 * value.rise_in_value(80, 85)[0]: (
                "That is the rise in the years of future margin alone (or the rise with a cost "
                "of 100). Set the cost to 200 and read what a customer is worth."
            ),
        },
        hints=[
            "Read what a customer is worth at 80 %, then at 85 % (the big number in the caption).",
            "The rise in % is (value at 85 % − value at 80 %) ÷ value at 80 % × 100.",
        ],
        solution="rise = (240 - 166.67) / 166.67 * 100  # 44 (%): 167 units at 80 %, 240 at 85 %",
        why=(
            "Without a cost of winning the customer the value rises by 20 %. With a cost to "
            "subtract, the same 5 points lift the value by more: the cost stays, the margin "
            "grows."
        ),
    ),
    q7=TargetQuestion(
        "You run Market Street. Without touching Riverside's sliders or the memory, get Market "
        "Street at least 50 % of the two shops' customers in month 24.",
        measure=_market_share,
        at_least=0.5,
        is_share=True,
        label="Market Street's share",
        simulator="shops",
        factory=two_shops_simulator,
        constraints=[
            (
                lambda v: all(v[name] == _SHOPS[name] for name in _RIVERSIDE),
                "Keep Riverside's two sliders and the memory where they started.",
            ),
        ],
        right_settings={**_SHOPS, "market_bad": 5},
        wrong_settings=[
            _SHOPS,
            {**_SHOPS, "riverside_bad": 40},
            {**_SHOPS, "market_delighted": 45},
        ],
        hints=[
            "Market Street has two sliders: delighted visits, and visits with a bad moment. "
            "Market Street's share in month 24 is in brackets in the caption.",
            "Try each slider alone, one at a time: which one gets Market Street further for the "
            "same number of points? (Delighted visits at 45 % is just short: 49.9 %.)",
        ],
        solution=(
            "Cut Market Street's bad moments to 7 % or fewer (or lift its delighted visits to "
            "46 % or more), or match Riverside on both: `shops.set_values(market_bad=5)`."
        ),
        why=(
            "Nearness gives Market Street a head start, so matching Riverside on both counts is "
            "just enough. On one slider alone Market Street has to beat Riverside clearly: the "
            "edge that built Riverside's share works for whoever holds it."
        ),
    ),
    q8=ChoiceQuestion(
        "Fader and Hardie's regular subscribers: 63 % stayed in year 1, and 92 % of those left "
        "stayed in year 7. Why does retention rise like that?",
        options={
            "a": "Customers grow more loyal the longer they stay.",
            "b": "The least loyal customers leave first, so those left are the loyal ones.",
            "c": "The firm served its customers better every year.",
        },
        correct="b",
        explanations={
            "a": (
                "Possible, but not needed: the simulator gives each customer one fixed chance of "
                "leaving, and the group's retention still rises."
            ),
            "c": "Nothing in the data says the service changed; the group of customers did.",
        },
        hints=["In the simulator nobody's chance of leaving ever changes. What changes?"],
        solution="**b**: the likely leavers go first; the group left behind is more loyal.",
        why=(
            "A rising retention curve is no proof that loyalty grows with time. And a model in "
            "which everyone is alike underestimates how long the loyal ones stay."
        ),
    ),
    q9=ChoiceQuestion(
        "In our town, buyers who got a follow-up call came back 39 % of the time the month after, "
        "buyers who did not 11 %. What can you fairly say?",
        options={
            "a": "A call adds 28 points: call everyone.",
            "b": (
                "The gap mixes what the call did with who was called: compare like with like "
                "(within one shop), and only calls made at random show the call's own effect."
            ),
            "c": "Calls do nothing: the called buyers were the happy ones anyway.",
        },
        correct="b",
        explanations={
            "a": (
                "The two shops call very different shares of their buyers, and the better-run "
                "shop calls more. Set *Staff pick whom to call* to 100 in the simulator: the gap "
                "grows although the call does no more."
            ),
            "c": (
                "Within each shop the called buyers still came back far more often, and in our "
                "town the calls were made at random within a shop."
            ),
        },
        hints=["Who decides whom to call? Could the called buyers differ from the others?"],
        solution="**b**: compare within a shop, and know how the buyers to call were chosen.",
        why=(
            "A comparison is only as fair as the way the groups were formed. The town's data "
            "dictionary (data/README.md in the course folder, which lists what was built into "
            "the town on purpose) says what the call really does: it brings back 25 % of those "
            "who would not have come anyway, about 22 points."
        ),
    ),
)
