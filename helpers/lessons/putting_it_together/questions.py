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
from helpers.lessons.putting_it_together.experiments import cut, extra_cost
from helpers.lessons.putting_it_together.model import chain
from helpers.lessons.putting_it_together.shops import MARKET_TODAY
from helpers.lessons.putting_it_together.simulators import chain_simulator

#: The capstone: the owner's extra money a month, and the customers a month to reach by month 24.
BUDGET = 1_000
GOAL = 1_380


def _extra_customers_by_month_6() -> float:
    return float(chain(training_hours=40).market.visits[5] - chain().market.visits[5])


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


def _within(shop: str, which: int) -> float:
    from helpers.lessons.putting_it_together.in_town import link_strength

    table = link_strength(_staff_chain())
    row = [i for i in table.index if shop in i][0]
    return float(table.loc[row].iloc[which])


def _follow_up_gain() -> float:
    today = chain().market.profit_so_far[-1]
    return float(chain(follow_up=100).market.profit_so_far[-1] - today) / 1_000


def _customers_at_24(sim) -> tuple[float, str]:
    values = sim.values()
    now = chain(values)
    gain = (now.market.profit_so_far[-1] - chain().market.profit_so_far[-1]) / 1_000
    details = (
        f"Extra running costs: {extra_cost(values):,.0f} a month (the budget is "
        f"{BUDGET:,}); profit over 24 months: {gain:+,.0f} thousand against today."
    )
    return float(now.market.visits[-1]), details


def _within_budget(values: Mapping[str, float]) -> bool:
    return extra_cost(values) <= BUDGET


_TODAY = dict(MARKET_TODAY)
_RIGHT = {**_TODAY, "training_hours": 40, "follow_up": 100}

exercises = Exercises(
    q1=PredictQuestion(
        "Market Street raises training from 10 to 40 hours a year per person, from month 1. By "
        "month 6, how many more customers a month will it have than today?",
        truth=_extra_customers_by_month_6,
        tolerance=20,
        unit=("customer", "customers"),
        after_predict="Now set *Training* to 40 in the simulator, read *Customers a month* at "
        "month 6, then check.",
        hints=["Look at where engagement is by month 6, and how long customers take to notice."],
        solution="Set *Training* to 40; at month 6 the orange line of *Customers a month* is "
        "about 40 above the grey one.",
        why="Customers notice better service only as they come back and remember it: the gain in "
        "customers arrives well after the gain in engagement.",
    ),
    q2=PredictQuestion(
        "Market Street cuts two people from the floor (8 → 6): about 3,600 units a month saved "
        "at once. Over 24 months, how much profit does it make against today, in thousands of "
        "units (a loss is a negative number)?",
        truth=_cut_over_24_months,
        tolerance=15,
        after_predict="Now set *Staff on the floor* to 6, read the profit under the chart, then "
        "check.",
        hints=["The saving comes every month; so does the loss of customers, growing."],
        solution="Set *Staff on the floor* to 6 and read the caption: about −54 thousand.",
        why="A cut shows in this month's accounts; its cost shows in the customers who stop "
        "coming, months later.",
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
        },
        hints=[
            "Use the table of correlations in *In our town*.",
            "Row *within Market Street Goods*, column *likely from*.",
        ],
        solution="Row *within Market Street Goods*, column *likely from*: `lowest_likely = 0.21`.",
        why="On a dozen people a correlation of 0.7 could be anything from weak to very strong: "
        "enough to look further, not to set a budget on.",
    ),
    q5=ValueQuestion(
        "In the simulator, follow up every big purchase (100 %), everything else as today. How "
        "much profit does Market Street make over 24 months against today, in thousands?",
        answer=_follow_up_gain,
        variable="profit_from_calls",
        tolerance=0.6,
        source="simulator",
        hints=[
            "Run `simulator.reset()`, then move *Big purchases followed up* to 100.",
            "Read the number in the caption under the chart.",
        ],
        solution="Set *Big purchases followed up* to 100: the caption says about +11 thousand.",
        why="A call costs a few minutes; a customer kept is worth years of margin (notebook 02).",
    ),
    q6=TargetQuestion(
        f"You run Market Street for 24 months. The owner gives you {BUDGET:,} units a month more "
        "to spend (at today's customers). Reach at least "
        f"{GOAL:,} customers a month by month 24. Rules: spend at most {BUDGET:,} a month more "
        "than today; nobody loses their job (at least 8 on the floor); staff turnover stays at "
        "40 % (not in your gift this year); settle at least 30 % of complaints generously (the "
        "owner's promise to customers).",
        measure=_customers_at_24,
        at_least=GOAL,
        unit=("customer", "customers"),
        label="a month by month 24",
        simulator="simulator",
        factory=chain_simulator,
        constraints=[
            (_within_budget, f"Spend at most {BUDGET:,} a month more than today (see the check)."),
            (lambda v: v["staff"] >= 8, "Keep at least 8 staff on the floor."),
            (lambda v: v["turnover"] == 40, "Keep staff turnover at 40 %."),
            (lambda v: v["generous"] >= 30, "Settle at least 30 % of complaints generously."),
        ],
        right_settings=_RIGHT,
        wrong_settings=[
            _TODAY,
            {**_TODAY, "training_hours": 45},
            {**_TODAY, "training_hours": 60},
            {**_TODAY, "training_hours": 60, "generous": 0},
            {**_TODAY, "training_hours": 60, "staff": 7, "generous": 80, "follow_up": 100},
        ],
        hints=[
            "Training moves the most customers, but slowly, and every hour costs: 40 hours cost "
            "about 780 a month.",
            "Cheap levers: follow-up calls cost a few minutes each and keep customers for years.",
            "Try training at 40 and every big purchase followed up.",
        ],
        solution="Training 40 hours and every big purchase followed up: about 970 a month more, "
        "about 1,390 customers a month by month 24.",
        why="With a budget, put money where the chain starts (staff who know the goods and want "
        "to serve) and where it is cheapest to keep a customer (a call): both take months.",
    ),
    q7=ChoiceQuestion(
        "In the town, engagement and delighted visits correlate 0.86 across the 24 staff. What "
        "can you fairly say?",
        options={
            "a": "Raising a shop's engagement will raise its delighted visits by that much.",
            "b": (
                "In this town engaged staff delight more customers; but the town was built on "
                "this chain, and the two shops differ in more than engagement, so it does not "
                "show how much engagement would do in your shop."
            ),
            "c": "Nothing at all: correlations never mean anything.",
        },
        correct="b",
        explanations={
            "a": "A correlation across two shops run differently mixes people with shops, and it "
            "says nothing about what a change would do. Look at the within-shop rows.",
            "c": "They mean something: they point to where to look, and to what to test.",
        },
        hints=["Compare the *all 24 staff* row with the rows within each shop."],
        solution="**b**: the town shows the chain because it was built on it.",
        why="Finding a planted effect again shows the analysis works, not that the effect is "
        "true, or as big, in a real shop.",
    ),
    q8=ChoiceQuestion(
        "The service-profit chain (Heskett and colleagues, 1994) is best treated as:",
        options={
            "a": "a law proven in every service business;",
            "b": (
                "a model to test in your own shop: later studies found its links real but "
                "modest, and in one grocery chain the most profitable stores had the least "
                "satisfied staff;"
            ),
            "c": "a myth with no evidence behind it.",
        },
        correct="b",
        explanations={
            "a": "The original evidence for some links was thin; later studies found modest "
            "links, and exceptions.",
            "c": "A meta-analysis of thousands of business units found engagement going with "
            "customer satisfaction and profit (Harter and colleagues, 2002), modestly.",
        },
        hints=["Read the box on the evidence in *The chain, link by link*."],
        solution="**b**: a model to explore, not a law.",
        why="Treat staff well and measure what follows in your own shop: the chain is a good "
        "question, not a guaranteed answer.",
    ),
)
