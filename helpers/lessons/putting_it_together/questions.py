"""Exercises of notebook 05 (putting it together): on the chain simulator and the town's staff."""

from __future__ import annotations

from collections.abc import Mapping

from helpers.exercises import (
    ChoiceQuestion,
    Exercises,
    PredictQuestion,
    TargetQuestion,
    ValueQuestion,
)
from helpers.lessons.putting_it_together.experiments import customers_gained, cut, extra_cost
from helpers.lessons.putting_it_together.model import chain
from helpers.lessons.putting_it_together.shops import MARKET_TODAY
from helpers.lessons.putting_it_together.simulators import chain_simulator, thousands_text

#: The capstone: the owner's extra money a month, and the customers a month to reach by month 24.
BUDGET = 2_000
GOAL = 1_270


def _extra_customers_by_month_6() -> float:
    return float(customers_gained(chain(training_hours=40).market, chain().market, month=6))


def _cut_over_24_months() -> float:
    return cut(staff=6).over_24_months / 1_000


def _staff_chain():
    from helpers.data import cached_table
    from helpers.lessons.putting_it_together.in_town import staff_chain

    names = ("staff", "visits", "word_of_mouth", "referrals")
    return staff_chain({name: cached_table(name) for name in names})


def _referrals(shop: str) -> float:
    from helpers.lessons.putting_it_together.in_town import shop_chain

    table = shop_chain(_staff_chain())
    column = [c for c in table.columns if c.startswith(shop)][0]
    return float(table[column].iloc[-1])


def _within(shop: str, which: int, x: str = "engagement") -> float:
    from helpers.lessons.putting_it_together.in_town import link_strength

    table = link_strength(_staff_chain(), x)
    row = [i for i in table.index if shop in i][0]
    return float(table.loc[row].iloc[which])


def _follow_up_gain() -> float:
    today = chain().market.profit_so_far[-1]
    return float(chain(follow_up=100).market.profit_so_far[-1] - today) / 1_000


def _follow_up_customers() -> float:
    """Customers a month in month 24 with every big purchase followed up (the caption's)."""
    return float(round(chain(follow_up=100).market.visits[-1]))


def _follow_up_customers_gained() -> float:
    return float(customers_gained(chain(follow_up=100).market, chain().market))


def _customers_at_24(sim) -> tuple[float, str]:
    """Customers a month in month 24, as the caption rounds them, and what the plan costs."""
    values = sim.values()
    now = chain(values)
    gain = now.market.profit_so_far[-1] - chain().market.profit_so_far[-1]
    details = (
        f"Extra running costs: {extra_cost(values):,.0f} a month (the budget is {BUDGET:,}); "
        f"profit over 24 months: {thousands_text(gain)} thousand, compared with today."
    )
    return float(round(now.market.visits[-1])), details


def _within_budget(values: Mapping[str, float]) -> bool:
    return extra_cost(values) <= BUDGET


_TODAY = dict(MARKET_TODAY)
_RIGHT = {**_TODAY, "training_hours": 60, "follow_up": 100, "generous": 50}

exercises = Exercises(
    q1=PredictQuestion(
        "Market Street raises training from 10 to 40 hours a year per person, from month 1. By "
        "month 6, how many more customers a month will it have than today?",
        truth=_extra_customers_by_month_6,
        tolerance=20,
        unit=("customer", "customers"),
        after_predict="Now set *Training* to 40 in the simulator, read the customers in month 6 "
        "in the caption above the chart, then check.",
        hints=["Look at where engagement is by month 6, and how long customers take to notice."],
        solution="Set *Training* to 40; the caption says about 32 more customers a month in "
        "month 6, against 123 more by month 24.",
        why="Customers notice better service only as they come back and remember it: the gain in "
        "customers arrives well after the gain in engagement.",
    ),
    q2=PredictQuestion(
        "Market Street cuts two people from the floor (8 → 6): about 3,600 units a month saved "
        "at once. Over 24 months, how much profit does it make compared with today, in "
        "thousands of units (a loss is a negative number)?",
        truth=_cut_over_24_months,
        tolerance=15,
        after_predict="Now set *Staff on the floor* to 6, read the profit in the caption above "
        "the chart, then check.",
        hints=["The saving comes every month; so does the loss of customers, growing."],
        solution="Set *Staff on the floor* to 6 and read the caption: about +26 thousand, with "
        "151 fewer customers a month. With our numbers the saving stays ahead; with busier staff "
        "it would not (see *Which of this is our numbers?*).",
        why="A cut shows in this month's accounts at once; its cost shows only as customers stop "
        "coming, months later. Whether the cost overtakes the saving depends on numbers you must "
        "measure in your own shop.",
    ),
    q3=ValueQuestion(
        "In our town, how many new customers by referral did Riverside's staff bring in, per 100 "
        "visits they served?",
        answer=lambda: _referrals("Riverside"),
        variable="riverside_referrals",
        tolerance=0.05,
        non_negative=True,
        source="data",
        mistakes={
            lambda: _referrals("Market"): "That is Market Street's figure; you need Riverside's.",
        },
        hints=[
            "Use the table by shop in *In our town*.",
            "Column *Riverside Goods*, row *new customers by referral, per 100 visits*.",
        ],
        solution="Column *Riverside Goods*, last row: `riverside_referrals = 4.5`.",
        why="Delighted customers bring their friends: the chain's last link, word of mouth, "
        "shows in the town's referrals.",
    ),
    q4=ValueQuestion(
        "Within Market Street alone (12 people), engagement and delighted visits go together. "
        "What is the **lowest** correlation the 95 % interval allows?",
        answer=lambda: _within("Market", 2),
        variable="lowest_likely",
        tolerance=0.005,
        source="data",
        mistakes={
            lambda: _within("Market", 1): "That is the correlation itself; you need the lower end "
            "of its interval (*likely from*).",
            lambda: _within("Riverside", 2): "That is Riverside's row; you need Market Street's.",
            lambda: _within("Market", 2, "training_hours"): "That is from the training table "
            "(the second one); you need the first: engagement with delighted visits.",
            lambda: round(_within("Market", 2), 1): "Close: the table shows two decimals; copy "
            "the number as it is there.",
        },
        hints=[
            "Use the first table of correlations in *In our town*: engagement with delighted "
            "visits.",
            "Row *within Market Street Goods*, column *likely from*.",
        ],
        solution="Row *within Market Street Goods*, column *likely from*: `lowest_likely = 0.21`.",
        why="On a dozen people a correlation of 0.7 could be anything from weak to very strong: "
        "enough to look further, not to set a budget on.",
    ),
    q5=ValueQuestion(
        "In the simulator, follow up every big purchase (100 %), everything else as today. How "
        "much profit does Market Street make over 24 months compared with today, in thousands?",
        answer=_follow_up_gain,
        variable="profit_from_calls",
        tolerance=0.2,
        source="simulator",
        mistakes={
            _follow_up_customers: "That is the number of customers in month 24. The question "
            "asks for the profit, in thousands of units: the big number at the start of the "
            "caption.",
            _follow_up_customers_gained: "That is how many more customers a month there are by "
            "month 24. The question asks for the profit, in thousands of units: the big number "
            "at the start of the caption.",
            lambda: 1_000 * _follow_up_gain(): "That is in units. The question asks for "
            "thousands of units, as the caption shows them.",
        },
        hints=[
            "Run `simulator.reset()`, then move *Big purchases followed up* to 100.",
            "Read the big number at the start of the caption, above the chart.",
        ],
        solution="Set *Big purchases followed up* to 100: the caption says about +6.0 thousand.",
        why="A call costs a few minutes; a customer kept shops with you for years (in this "
        "simulator: our assumption of about 18 visits).",
    ),
    q6=TargetQuestion(
        f"You run Market Street for 24 months. The owner gives you {BUDGET:,} units a month more "
        "to spend (at today's customers). Reach at least "
        f"{GOAL:,} customers a month by month 24. Rules: spend at most {BUDGET:,} a month more "
        "than today; nobody loses their job (at least 8 on the floor); staff turnover stays at "
        "40 % (you cannot change it this year); settle at least 30 % of complaints generously "
        "(the owner's promise to customers).",
        measure=_customers_at_24,
        at_least=GOAL,
        unit=("customer", "customers"),
        label="a month by month 24",
        simulator="simulator",
        factory=chain_simulator,
        constraints=[
            (_within_budget, f"Spend at most {BUDGET:,} a month more than today."),
            (lambda v: v["staff"] >= 8, "Keep at least 8 staff on the floor."),
            (lambda v: v["turnover"] == 40, "Keep staff turnover at 40 %."),
            (lambda v: v["generous"] >= 30, "Settle at least 30 % of complaints generously."),
        ],
        right_settings=_RIGHT,
        wrong_settings=[
            _TODAY,
            {**_TODAY, "training_hours": 60},
            {**_TODAY, "training_hours": 50, "follow_up": 100},
            {**_TODAY, "training_hours": 60, "follow_up": 100, "generous": 0},
            {**_TODAY, "training_hours": 60, "follow_up": 100, "generous": 100},
            {**_TODAY, "training_hours": 60, "staff": 7, "generous": 80, "follow_up": 100},
        ],
        hints=[
            "The caption above the chart shows the extra running costs of your settings, and "
            "the customers in month 24.",
            "Prices a month, at today's customers: 10 more hours of training about 200; every "
            "big purchase followed up about 190; every complaint settled generously about "
            "1,200; every review answered about 300.",
            "Training moves the most customers, but alone it falls short: add follow-up calls.",
        ],
        solution="Training 60 hours, every big purchase followed up and half of the complaints "
        "settled generously: about 1,510 a month more, 1,278 customers a month by month 24. "
        "Many other mixes work too: at least 55 hours of training with follow-up calls, and "
        "some generous settlements or replies.",
        why="With a budget, put money where the chain starts (staff who know the goods and want "
        "to serve) and where it is cheapest to keep a customer (a call): both take months.",
    ),
    q7=ChoiceQuestion(
        "In the town, engagement and delighted visits correlate 0.86 across the 24 staff. What "
        "can you fairly say?",
        options={
            "a": "Engaged staff delight more customers, so raising a shop's engagement will raise "
            "its delighted visits by about the same amount as in the town.",
            "b": "The link is far too strong to be chance and it holds within each shop, so it "
            "proves that engagement causes delighted visits in any shop.",
            "c": "The town was built with this link, and its shops differ in more than "
            "engagement: the 0.86 shows the analysis finds what was put in, not what engagement "
            "would do in your shop.",
        },
        correct="c",
        explanations={
            "a": "A correlation across two shops run differently mixes people with shops, and it "
            "says nothing about what a change would do. Look at the within-shop rows.",
            "b": "Not chance, yes: but the town was built on this link, so finding it proves "
            "only that the analysis works. And a correlation is not what a change would do.",
        },
        hints=["Compare the *all 24 staff* row with the rows within each shop."],
        solution="**c**: the town shows the chain because it was built on it.",
        why="Finding a planted effect again shows the analysis works, not that the effect is "
        "true, or as big, in a real shop.",
    ),
    q8=ChoiceQuestion(
        "The service-profit chain (Heskett and colleagues, 1994) is best treated as:",
        options={
            "a": "a model to test in your own shop: later studies found its links real but "
            "modest, and in one grocery chain the most profitable stores had the least "
            "satisfied staff;",
            "b": "a law: a meta-analysis of thousands of business units found engagement going "
            "with satisfied customers and profit, so every link is proven;",
            "c": "a myth: in one grocery chain the most profitable stores had the least "
            "satisfied staff, so the chain does not hold;",
        },
        correct="a",
        explanations={
            "b": "The meta-analysis found modest correlations, from Gallup's own survey data: "
            "links that go together across units, not proof that one causes the other.",
            "c": "One chain of stores is an exception, not a disproof: across thousands of units "
            "the links were real, if modest.",
        },
        hints=["Read the paragraph *What the evidence says* in *The chain, link by link*."],
        solution="**a**: a model to explore, not a law.",
        why="Treat staff well and measure what follows in your own shop: the chain is a good "
        "question, not a guaranteed answer.",
    ),
)
