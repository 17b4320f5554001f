"""Exercises of notebook 04 (feedback): on the simulators and on the town's data.

The value questions name the wrong answers a learner is likely to give (another cell of the same
table, the slider left where it was, the CSAT instead of the NPS) with a sentence on each, and
their solutions say where to read the answer in plain words before giving the code.
"""

from __future__ import annotations

from helpers.data import cached_table
from helpers.exercises import (
    ChoiceQuestion,
    Exercises,
    PredictQuestion,
    TargetQuestion,
    ValueQuestion,
)
from helpers.lessons.feedback import iceberg
from helpers.lessons.feedback.scores import csat_margin
from helpers.lessons.feedback.simulators import complaint_iceberg_simulator
from helpers.metrics import nps_margin


def _by_shop(row: str, column: str) -> float:
    from helpers.lessons.feedback.in_town import scores_by_shop

    return float(scores_by_shop(cached_table("surveys")).loc[row, column])


def _iceberg_town(row: int, column: str) -> float:
    from helpers.lessons.feedback.in_town import complaints_against_unhappy

    table = complaints_against_unhappy(cached_table("visits"), cached_table("complaints"))
    return float(table.iloc[row][column])


def _market_street_margin() -> float:
    return _by_shop("Market Street Goods", "NPS ±")


def _never_heard_about() -> float:
    return _iceberg_town(-1, "never heard about")


def _kept(sim) -> tuple[float, str]:
    """Customers kept as the caption shows them (whole customers), so check and screen agree."""
    return iceberg.iceberg(sim.values()).kept_shown, ""


_ICEBERG = {name: spec.default for name, spec in iceberg.PARAMETERS.items()}

exercises = Exercises(
    q1=PredictQuestion(
        "The survey had 30 answers and its NPS is 20 ± 27 points. With 120 answers instead, "
        "how wide will the margin be (± how many points)?",
        truth=lambda: nps_margin(0.4, 0.2, 120),
        tolerance=3,
        unit="points",
        after_predict="Now move *Answers per survey* to 120 and read the caption, then check.",
        hints=["Use the rule in the text above: how many times 30 is 120?"],
        solution="Move *Answers per survey* to 120: the caption says about ±13 points.",
        why=(
            "The margin shrinks with the square root of the number of answers: four times as "
            "many answers make it half as wide, not a quarter."
        ),
    ),
    q2=ValueQuestion(
        "In our town, what is the 95 % margin (± points) of Market Street's NPS?",
        answer=_market_street_margin,
        variable="market_street_margin",
        accept_rounded_to=0,
        tolerance=0.1,
        non_negative=True,
        source="data",
        mistakes={
            lambda: _by_shop("Market Street Goods", "NPS"): (
                "That is Market Street's NPS itself; the margin is the next column, *NPS ±*."
            ),
            lambda: _by_shop("Market Street Goods", "answers"): (
                "That is how many answers Market Street had; the margin is in the column *NPS ±*."
            ),
            lambda: _by_shop("Riverside Goods", "NPS ±"): (
                "That is Riverside's margin: the question asks about Market Street (the second "
                "row)."
            ),
            lambda: _by_shop("both shops", "NPS ±"): (
                "That is the margin of both shops together (the last row): the question asks "
                "about Market Street alone."
            ),
        },
        hints=[
            "Look at the table of NPS and CSAT per shop in *In our town*.",
            "Row *Market Street Goods*, column *NPS ±*.",
        ],
        solution=(
            "**13.9** (about 14): in the table of *In our town*, row *Market Street Goods*, "
            'column *NPS ±*. In code: `market_street_margin = by_shop.loc["Market Street '
            'Goods", "NPS ±"]`.'
        ),
        why=(
            "Market Street had far fewer answers than Riverside, so its NPS is much less sure: "
            "compare the two shops' scores only with their margins beside them."
        ),
    ),
    q3=ValueQuestion(
        "In our town, how many unhappy visits (true satisfaction 1 or 2) did the shops never "
        "hear about, in both shops together?",
        answer=_never_heard_about,
        variable="never_heard",
        tolerance=0.5,
        non_negative=True,
        source="data",
        mistakes={
            lambda: _iceberg_town(0, "never heard about"): (
                "That is Riverside alone: the question asks for both shops together (the last row)."
            ),
            lambda: _iceberg_town(1, "never heard about"): (
                "That is Market Street alone: the question asks for both shops together (the "
                "last row)."
            ),
            lambda: _iceberg_town(-1, "complained"): (
                "That is how many unhappy visits the shops DID hear about (the complaints): the "
                "question asks for the rest."
            ),
            lambda: _iceberg_town(-1, "unhappy visits"): (
                "That is every unhappy visit, heard about or not: take away those that led to a "
                "complaint."
            ),
        },
        hints=[
            "Look at the table of complaints against unhappy visits in *In our town*.",
            "Row *both shops*, column *never heard about*.",
        ],
        solution=(
            "**559**: in the table of complaints against unhappy visits, row *both shops*, "
            "column *never heard about* (700 unhappy visits, of which 141 led to a complaint). "
            'In code: `never_heard = iceberg_town.loc["both shops", "never heard about"]`.'
        ),
        why="Four unhappy visits in five never reached the shop as a complaint: the iceberg.",
    ),
    q4=ValueQuestion(
        "Set *Answers per survey* to 100 (the other sliders at their starting values). What is "
        "the NPS margin, ± how many points?",
        answer=lambda: nps_margin(0.4, 0.2, 100),
        variable="margin_at_100",
        accept_rounded_to=0,
        tolerance=0.2,
        non_negative=True,
        source="simulator",
        mistakes={
            lambda: nps_margin(0.4, 0.2, 30): (
                "That is the margin at 30 answers, where the slider starts: move *Answers per "
                "survey* to 100 first."
            ),
            lambda: csat_margin(0.8, 100): (
                "That is the CSAT's margin (the end of the caption); the question asks for the "
                "NPS margin, the big number."
            ),
            20: "20 is the NPS itself (the truth); the margin is the ± number.",
        },
        hints=[
            "Read the big number in the caption under the chart.",
            "It sits between the margins at 30 and at 200 answers.",
        ],
        solution=(
            "**15**: with *Answers per survey* at 100 the caption says ±15 points. "
            "In code: `margin_at_100 = 15`."
        ),
        why="Even 100 answers leave an NPS uncertain by about 15 points either way.",
    ),
    q5=TargetQuestion(
        "Of 100 unhappy customers, keep at least 30 as customers.",
        measure=_kept,
        at_least=30,
        label="customers kept",
        simulator="iceberg_sim",
        factory=complaint_iceberg_simulator,
        right_settings={"complaint_rate": 40, "put_right": 100},
        wrong_settings=[
            _ICEBERG,
            {"complaint_rate": 50, "put_right": 0},
            {"complaint_rate": 20, "put_right": 100},
        ],
        hints=[
            "Putting every complaint right is not enough on its own: try it.",
            "The customers you can save are those who tell you. How could more of them tell you?",
        ],
        solution=(
            "Raise both sliders: for example 40 % of unhappy customers complain and every "
            "complaint is put right: 32 of 100 stay. With all complaints put right, about a "
            "third must complain to keep 30."
        ),
        why=(
            "A complaint is a gift: it is the one unhappy customer you can still keep. Make "
            "complaining easy, and put complaints right generously."
        ),
    ),
    q6=ChoiceQuestion(
        "On this month's survey ranking, Sam is top with 100 % from 3 surveys; Alex is bottom with "
        "70 % from 40. The team's CSAT is 80 %. What can you fairly say?",
        options={
            "a": "Sam serves best and should get the bonus.",
            "b": "Alex serves worst and needs a talk.",
            "c": "Nothing yet about Sam; Alex may deserve a closer look, not a verdict.",
        },
        correct="c",
        explanations={
            "a": (
                "Someone exactly as good as the team gets 3 happy customers in a row about half "
                "the time (0.8 × 0.8 × 0.8 ≈ 0.5): 100 % on 3 surveys says almost nothing."
            ),
            "b": (
                "40 surveys say more, but 70 % against 80 % could still be chance: look at where "
                "Alex sits against the funnel before you judge."
            ),
        },
        hints=["Where would Sam and Alex sit in the funnel plot?"],
        solution="**c**: Sam is well inside the funnel; Alex is nearer its edge.",
        why=(
            "Rank people only where the funnel says a difference is more than chance, and "
            "compare like with like (the same shop, the same kind of work)."
        ),
    ),
    q7=ChoiceQuestion(
        "A customer is angry: the kettle she bought last week has stopped working. Which answer "
        "gives the best chance of keeping her?",
        options={
            "a": "Say sorry, and offer to send it away for repair: it comes back within two weeks.",
            "b": "Thank her for telling you, say sorry, and replace it now without an argument.",
            "c": "Say sorry, then ask whether she descaled it, so the shop can note the cause.",
        },
        correct="b",
        explanations={
            "a": (
                "Sorry is right, but two weeks without a kettle keeps the problem going: put "
                "right means quickly and generously, not just politely."
            ),
            "c": (
                "Even after a sorry, a question about descaling sounds like blame: she hears "
                "that it may be her fault. Note the cause later, from the kettle."
            ),
        },
        hints=["What did the iceberg simulator say a complaint put right is worth?"],
        solution="**b**: thank, apologise, put it right generously and quickly.",
        why=(
            "Resolving dissatisfaction quickly and without getting defensive is what keeps the "
            "customer; in the simulator a complaint put right is worth about 107 in lifetime "
            "value before its cost, far more than a kettle."
        ),
    ),
)
