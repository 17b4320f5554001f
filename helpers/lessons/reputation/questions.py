"""Exercises of notebook 03 (reputation): on the simulators, on the town's data, and the drill."""

from __future__ import annotations

from helpers.data import cached_table
from helpers.exercises import (
    ChoiceQuestion,
    Exercises,
    PredictQuestion,
    ScenarioQuestion,
    TargetQuestion,
    ValueQuestion,
)
from helpers.i18n import _
from helpers.lessons.reputation import bass, recovery, reviews, word_of_mouth
from helpers.lessons.reputation.recovery import CHOICES, STAY, WARN
from helpers.lessons.reputation.simulators import word_of_mouth_simulator


def _net(sim) -> tuple[float, str]:
    outcome = word_of_mouth.spread(sim.values())
    return float(outcome.net), _("Won {won}, lost {lost}: the net is won minus lost.").format(
        won=outcome.total_won, lost=outcome.total_lost
    )


def _praise_per_warning() -> float:
    from helpers.lessons.reputation.in_town import praise_per_warning

    return praise_per_warning(cached_table("word_of_mouth"))


def _stars_table():
    from helpers.lessons.reputation.in_town import reviews_against_surveys

    return reviews_against_surveys(
        cached_table("visits"), cached_table("surveys"), cached_table("reviews")
    )


def _one_star_ratio() -> float:
    table = _stars_table()
    return float(table.loc[1, "online reviews"] / table.loc[1, "all visits (true)"])


def _one_star_reviews() -> float:
    """The share of reviews at 1 star (%): what a learner who forgot to divide gives."""
    return float(_stars_table().loc[1, "online reviews"])


def _simulator_one_star_ratio() -> float:
    """The J-shape simulator's 1-star reviews per 1-star customer (the model, not the town)."""
    start = reviews.online_reviews()
    return float(start.online_shares[0] / start.true_shares[0])


_SIMULATOR_NOT_TOWN = (
    "That is the simulator's figure (10 % of reviews against 1 % of customers); the question "
    "asks about the town's data: use the table `stars` in *In our town*."
)


def drill_outcome(letter: str) -> str:
    """What the drill's choice ``letter`` leads to, from the recovery model (Markdown)."""
    table = recovery.scenario_costs()
    choice = CHOICES["abcd".index(letter)]
    row = table.loc[choice]
    text = _(
        "Expected cost to the shop, counting lifetimes: **{total}**. Paid now: {paid}. Her "
        "future purchases lost: {her} (she stays with a chance of {stay} %, against 80 % for a "
        "customer who never had a problem). Purchases lost among the people she tells: "
        "{friends} (she warns them with a chance of {warn} %; each is valued as an average "
        "customer)."
    ).format(
        total=f"{row.total:.0f}",
        paid=f"{row.paid:.0f}",
        her=f"{row.her:.0f}",
        stay=f"{100 * STAY[choice]:.0f}",
        friends=f"{row.friends:.0f}",
        warn=f"{100 * WARN[choice]:.0f}",
    )
    totals = ", ".join(
        f"**{letter})** {table.loc[c, 'total']:.0f}"
        for letter, c in zip("abcd", CHOICES, strict=True)
    )
    cheapest = "abcd"[CHOICES.index(table["total"].idxmin())]
    compare = _(
        "All four answers: {totals}. The cheapest here is **{cheapest})**. The simulator below "
        "shows when that changes."
    ).format(totals=totals, cheapest=cheapest)
    if choice == "refuse":
        compare += " " + _(
            "And check your local consumer law first: where it gives her a repair or a refund, "
            "a refusal is not only costly, it may be unlawful."
        )
    return f"{text}\n\n{compare}"


_START = {name: spec.default for name, spec in word_of_mouth.PARAMETERS.items()}
_FOLKLORE = {**_START, "extra_told": 10}
_PEAK_AT_AVERAGE_Q = (
    "That is the peak at the average q = 0.38. Did you move *q* to 0.76 (keeping *p* at 0.03)?"
)

exercises = Exercises(
    q1=PredictQuestion(
        "Suppose each warning is also heard by **3 people** beyond friends and family. Over a "
        "year, how many customers does word of mouth win **minus** lose? (A loss is negative.)",
        truth=lambda: word_of_mouth.spread(extra_told=3).net,
        tolerance=60,
        unit=("customer", "customers"),
        after_predict="Now set *Extra people who hear a warning* to 3 in the simulator, then "
        "check.",
        hints=["With close ties only, word of mouth nets +229 customers a year."],
        solution="Set *Extra people who hear a warning* to 3 and read the net.",
        why=(
            "Warnings reach further than praise once they leave the circle of close ties: a few "
            "extra listeners per unhappy customer can turn word of mouth against the shop."
        ),
    ),
    q2=PredictQuestion(
        "If delighted customers wrote reviews as often as very unhappy ones (50 % each), what "
        "share of the reviews would be 5 stars?",
        truth=lambda: float(reviews.online_reviews(write_5=50).online_shares[4]),
        tolerance=0.08,
        is_share=True,
        after_predict="Now set *Delighted (5) who write (%)* to 50, then check.",
        hints=[
            "Today 59 % of reviews are 5 stars, while 34 % of customers are delighted.",
            "After moving the slider, the first number under the chart is the 5-star share.",
        ],
        solution="Set *Delighted (5) who write (%)* to 50 and read the orange 5 ★ bar.",
        why=(
            "The stars online say who bothers to write as much as what customers think: asking "
            "happy customers for a review changes the picture more than any reply."
        ),
    ),
    q3=ValueQuestion(
        "In our town, how many praise messages were there for every warning?",
        answer=_praise_per_warning,
        variable="praise_per_warning",
        tolerance=0.05,
        non_negative=True,
        source="data",
        mistakes={
            3.1: "3.1 is the simulator's figure (in *Try it first*); the question asks about the "
            "town's data, in *In our town*.",
            3: "About three is East, Hammond and Wright's figure, across many kinds of business; "
            "the town's own figure is a little lower.",
        },
        hints=[
            "It is in the small table under *Who talks, by how the visit felt* in *In our town*: "
            "the row *praise per warning*.",
            "Or divide the row *praise messages* by the row *warnings* of the same table.",
        ],
        solution=(
            'kind = town["word_of_mouth"]["kind"].astype(str)\n'
            'praise_per_warning = (kind == "praise").sum() / (kind == "warning").sum()'
        ),
        why=(
            "Praise travels more often than warnings (East, Hammond and Wright found about three "
            "times as often), because there are many more delighted customers than angry ones."
        ),
    ),
    q4=ValueQuestion(
        "In our town, how many times as common are 1-star reviews as visits that really scored 1?",
        answer=_one_star_ratio,
        variable="one_star_ratio",
        accept_rounded_to=0,
        tolerance=0.1,
        non_negative=True,
        source="data",
        is_ratio=True,
        mistakes={
            _one_star_reviews: "That is the share of reviews at 1 star (%). Divide it by the "
            "share of all visits that scored 1.",
            10: _SIMULATOR_NOT_TOWN,
            _simulator_one_star_ratio: _SIMULATOR_NOT_TOWN,
        },
        hints=[
            "Use the table `stars` in *In our town*, row 1.",
            "Divide the share of online reviews by the share of all visits.",
        ],
        solution=(
            'one_star_ratio = stars.loc[1, "online reviews"] / stars.loc[1, "all visits (true)"]'
        ),
        why="The angriest customers are the most likely to write: one bad review is not one in a "
        "hundred customers, but the loudest one.",
    ),
    q5=ValueQuestion(
        "In the Bass simulator, keep p at 0.03 and set q to 0.76 (twice the average). At what "
        "period do new customers peak?",
        answer=lambda: bass.peak_time(0.03, 0.76),
        variable="peak",
        accept_rounded_to=0,
        tolerance=0.02,
        non_negative=True,
        source="simulator",
        mistakes={lambda: bass.peak_time(0.03, 0.38): _PEAK_AT_AVERAGE_Q},
        hints=[
            "Set *q* to 0.76; the caption under the chart gives the peak.",
            "Or read where the dashed line stands on the bottom axis.",
        ],
        solution="Set *q* to 0.76 with *p* at 0.03: the caption says the peak comes at period "
        "4.09, about 4.",
        why="Stronger word of mouth brings the peak earlier and higher: customers bring customers.",
    ),
    q6=TargetQuestion(
        "Suppose each warning is heard by **10** more people, as the folklore says. Keep that "
        "slider at 10, praise beyond close ties at 0 and the shares who talk as they are; move "
        "the other sliders until word of mouth wins at least as many customers as it loses.",
        measure=_net,
        at_least=0,
        unit=("customer", "customers"),
        simulator="target",
        factory=word_of_mouth_simulator,
        constraints=[
            (lambda v: v["extra_told"] == 10, "Keep *Extra people who hear a warning* at 10."),
            (lambda v: v["extra_praise"] == 0, "Keep *Extra people who hear praise* at 0."),
            (lambda v: v["praise"] == 33, "Keep *Delighted customers who praise us* at 33 %."),
            (lambda v: v["warn"] == 60, "Keep *Unhappy customers who warn others* at 60 %."),
        ],
        right_settings={**_FOLKLORE, "unhappy": 1},
        wrong_settings=[_FOLKLORE, {**_FOLKLORE, "delighted": 70}],
        hints=[
            "Two sliders are left: visits that delight, and visits that leave customers unhappy.",
            "Try delighting everyone you can first: is it enough?",
        ],
        solution="Bring *Visits that leave them unhappy* down to 1 or 2 %.",
        why=(
            "When warnings travel far, preventing unhappy visits does what delighting more "
            "customers cannot: even 70 % delighted visits do not make up for 6 % unhappy ones."
        ),
    ),
    q7=ChoiceQuestion(
        "Market Street's average stars rose by half a star after it began replying to reviews. "
        "What can you fairly say?",
        options={
            "a": "Replying to reviews added half a star.",
            "b": (
                "Part of the rise came from better visits behind the 2025 reviews (service "
                "improved a little, and the reviewed visits happened to be better); the part due "
                "to replying is smaller, and with about 180 reviews it is uncertain."
            ),
            "c": "Replying did nothing: the rise is all chance.",
        },
        correct="b",
        explanations={
            "a": (
                "The customers who wrote in 2025 were also happier with their visits: the true "
                "score behind the reviews rose too, far more than that of all the shop's visits."
            ),
            "c": (
                "Stars above the true satisfaction still rose by about 0.16, and the likely range "
                "stays above zero, though only just."
            ),
        },
        hints=["Compare the average stars with the true score of the reviewed visits."],
        solution="**b**: take out the better visits and a smaller, uncertain lift is left.",
        why=(
            "A before-and-after comparison holds everything else that changed. One study found "
            "+0.12 stars for hotels; a shop's own data, on a few hundred reviews, can neither "
            "confirm nor rule that out precisely."
        ),
    ),
    q8=ChoiceQuestion(
        "After a generous resolution 18 % of complaining customers came back the next month, "
        "after a stingy one 1 %. Riverside settles most complaints generously, Market Street "
        "most stingily. What can you fairly say?",
        options={
            "a": "Generosity brings 17 more complainers in 100 back, in every shop.",
            "b": (
                "The comparison mixes the two shops; within each shop generous still does "
                "better, but on so few complaints how much better is uncertain."
            ),
            "c": "It says nothing at all: complaints are too rare to count.",
        },
        correct="b",
        explanations={
            "a": "Look at the two shops separately, and at the width of the lines.",
            "c": "Few is not none: the likely ranges are wide, but they still point one way.",
        },
        hints=["Look at the chart of complaints by shop, and at the numbers in brackets."],
        solution="**b**: compare like with like, and look at how many complaints each rests on.",
        why=(
            "Who gets a generous answer is not chosen at random in a real shop either: compare "
            "within a shop, and count how many cases a figure rests on."
        ),
    ),
    q9=ChoiceQuestion(
        "A customer's complaint was resolved generously and quickly. Compared with a customer "
        "who never had a problem, what does the research say about her?",
        options={
            "a": "She is now more loyal: the recovery paradox.",
            "b": (
                "She may be more satisfied, but she is not more likely to come back or to "
                "recommend the shop."
            ),
            "c": "She will leave anyway: a problem is never forgotten.",
        },
        correct="b",
        explanations={
            "a": (
                "The paradox held for satisfaction in de Matos, Henrique and Rossi's "
                "meta-analysis, but not for coming back or for word of mouth."
            ),
            "c": "A good recovery keeps most customers: it limits the damage.",
        },
        hints=["The meta-analysis looked at satisfaction, coming back and word of mouth."],
        solution="**b**: generous recovery limits the damage; it is not a way to win fans.",
        why=(
            "Err on the customer's side to keep her, not to make her a bigger fan: preventing "
            "the problem is still better."
        ),
    ),
    q10=ScenarioQuestion(
        "Mrs Lee, a regular who brings you about 150 a year in margin, brings back a 120 coffee "
        "machine that stopped two weeks after its one-year warranty ended. A repair would cost "
        "you 40. If the law leaves the choice to you, what do you do?",
        options={
            "a": "Refund her in full (120).",
            "b": "Repair it free of charge (it costs us 40).",
            "c": "Refuse: it is past the warranty.",
            "d": "Explain politely and offer a repair at cost price (she pays the 40).",
        },
        outcome=drill_outcome,
        hints=[
            "Count three things: what you pay now, her future purchases, and the people she tells."
        ],
        solution=(
            "There is no wrong choice: each has a price. Here a free repair is cheapest, and a "
            "flat refusal is dearest once her future purchases and her friends are counted."
        ),
        why=(
            "The refund you think unjustified costs one item; losing the customer costs her "
            "future purchases and some of the people she tells. Often the cheapest answer that "
            "keeps her is not the most generous one."
        ),
    ),
)
