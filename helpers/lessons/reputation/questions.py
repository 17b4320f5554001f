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
    return float(outcome.net), _("Won {won}, lost {lost}.").format(
        won=outcome.total_won, lost=outcome.total_lost
    )


def _praise_per_warning() -> float:
    from helpers.lessons.reputation.in_town import praise_per_warning

    return praise_per_warning(cached_table("word_of_mouth"))


def _one_star_ratio() -> float:
    from helpers.lessons.reputation.in_town import reviews_against_surveys

    table = reviews_against_surveys(
        cached_table("visits"), cached_table("surveys"), cached_table("reviews")
    )
    return float(table.loc[1, "online reviews"] / table.loc[1, "all visits (true)"])


def drill_outcome(letter: str) -> str:
    """What the drill's choice ``letter`` leads to, from the recovery model (Markdown)."""
    table = recovery.scenario_costs()
    choice = CHOICES["abcd".index(letter)]
    row = table.loc[choice]
    text = _(
        "Expected cost to the shop over two years: **{total}**. Paid now: {paid}. Her own custom "
        "lost: {her} (she stays with a chance of {stay} %, against 80 % for a customer who never "
        "had a problem). Custom lost among the people she tells: {friends} (she warns them with "
        "a chance of {warn} %)."
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
    return f"{text}\n\n{compare}"


_START = {name: spec.default for name, spec in word_of_mouth.PARAMETERS.items()}
_FOLKLORE = {**_START, "extra_told": 10}

exercises = Exercises(
    q1=PredictQuestion(
        "Suppose every unhappy customer who talks also tells **3 people** beyond friends and "
        "family. Over a year, how many customers does word of mouth win **minus** lose? (A loss "
        "is a negative number.)",
        truth=lambda: word_of_mouth.spread(extra_told=3).net,
        tolerance=60,
        unit=("customer", "customers"),
        after_predict="Now set the folklore slider to 3 in the simulator, then check.",
        hints=["With close ties only, word of mouth nets +229 customers a year."],
        solution="Set *Folklore: extra people told* to 3 and read the net.",
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
        hints=["Today 59 % of reviews are 5 stars, while 34 % of customers are delighted."],
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
        hints=[
            "Look at the table of word of mouth in *In our town*.",
            "Divide the number of praise messages by the number of warnings.",
        ],
        solution=(
            'kind = word_of_mouth["kind"].astype(str)\n'
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
        accept_rounded_to=1,
        tolerance=0.02,
        non_negative=True,
        source="simulator",
        hints=[
            "The caption under the chart gives the peak.",
            "Or use the formula t* = ln(q/p) / (p + q).",
        ],
        solution="import math\npeak = math.log(0.76 / 0.03) / (0.03 + 0.76)",
        why="Stronger word of mouth brings the peak earlier and higher: customers bring customers.",
    ),
    q6=TargetQuestion(
        "Suppose the folklore were true: each unhappy customer who talks tells **10** more "
        "people. Keep the folklore slider at 10 and the shares who talk at their starting values "
        "(33 % and 60 %). Move the other sliders until word of mouth wins at least as many "
        "customers as it loses (net 0 or more).",
        measure=_net,
        at_least=0,
        label="net customers",
        simulator="simulator",
        factory=word_of_mouth_simulator,
        constraints=[
            (lambda v: v["extra_told"] == 10, "Keep the folklore slider at 10."),
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
                "Part of the rise came from better service in 2025; the part due to replying is "
                "smaller, and with about 180 reviews it is uncertain."
            ),
            "c": "Replying did nothing: the rise is all chance.",
        },
        correct="b",
        explanations={
            "a": (
                "The customers who wrote in 2025 were also happier with their visits: the true "
                "satisfaction behind the reviews rose too."
            ),
            "c": (
                "Stars above the true satisfaction still rose by about 0.16, and the likely range "
                "stays above zero, though only just."
            ),
        },
        hints=["Compare the mean stars with the true satisfaction behind the reviews."],
        solution="**b**: take out the better service and a smaller, uncertain lift is left.",
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
        "machine that stopped working two weeks after its one-year warranty ended. A repair "
        "would cost you 40. What do you do?",
        options={
            "a": "Refund her in full (120).",
            "b": "Repair it free of charge (it costs us 40).",
            "c": "Refuse: it is past the warranty.",
            "d": "Explain politely and offer a repair at cost price (she pays the 40).",
        },
        outcome=drill_outcome,
        hints=["Count three things: what you pay now, her custom, and the people she tells."],
        solution=(
            "There is no wrong choice: each has a price. Here a free repair is cheapest, and a "
            "flat refusal costs about as much as a full refund once her custom and her friends "
            "are counted."
        ),
        why=(
            "The refund you think unjustified costs one item; losing the customer costs her "
            "custom and some of the people she tells. The cheapest generous answer often is not "
            "the most expensive one."
        ),
    ),
)
