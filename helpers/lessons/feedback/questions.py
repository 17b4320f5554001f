"""Exercises of notebook 04 (feedback): on the simulators and on the town's data."""

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
from helpers.lessons.feedback.simulators import complaint_iceberg_simulator
from helpers.metrics import nps_margin


def _market_street_margin() -> float:
    from helpers.lessons.feedback.in_town import scores_by_shop

    table = scores_by_shop(cached_table("surveys"))
    return float(table.loc["Market Street Goods", "NPS ±"])


def _never_heard_about() -> float:
    from helpers.lessons.feedback.in_town import complaints_against_unhappy

    table = complaints_against_unhappy(cached_table("visits"), cached_table("complaints"))
    return float(table.iloc[-1]["never heard about"])


def _kept(sim) -> tuple[float, str]:
    return iceberg.iceberg(sim.values()).kept, ""


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
        hints=[
            "Look at the table of NPS and CSAT per shop in *In our town*.",
            "Row *Market Street Goods*, column *NPS ±*.",
        ],
        solution='market_street_margin = by_shop.loc["Market Street Goods", "NPS ±"]',
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
        hints=[
            "Look at the table of complaints against unhappy visits in *In our town*.",
            "Row *both shops*, column *never heard about*.",
        ],
        solution='never_heard = iceberg_town.loc["both shops", "never heard about"]',
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
        hints=[
            "Read the big number in the caption under the chart.",
            "It sits between the margins at 30 and at 200 answers.",
        ],
        solution="margin_at_100 = 15  (the caption says ±15 at 100 answers)",
        why="Even 100 answers leave an NPS uncertain by about 15 points either way.",
    ),
    q5=TargetQuestion(
        "Of 100 unhappy customers, keep at least 30 as customers.",
        measure=_kept,
        at_least=30,
        label="customers kept",
        simulator="iceberg_sim",
        factory=complaint_iceberg_simulator,
        right_settings={"complaint_rate": 50, "put_right": 100},
        wrong_settings=[
            _ICEBERG,
            {"complaint_rate": 50, "put_right": 0},
            {"complaint_rate": 20, "put_right": 100},
        ],
        hints=[
            "Putting every complaint right is not enough on its own: try it.",
            "The customers you can save are those who tell you. How could more of them tell you?",
        ],
        solution="Raise both sliders: at least a third complain, and nearly all are put right.",
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
                "On 3 surveys, 100 % happens to about half of the people as good as the team "
                "(0.8³)."
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
        "turns the complaint into a customer kept?",
        options={
            "a": "Explain the returns policy, and that kettles are only covered with a receipt.",
            "b": "Thank her for telling you, say sorry, and replace it now without an argument.",
            "c": "Ask whether she descaled it as the manual says.",
        },
        correct="b",
        explanations={
            "a": "Policy first sounds defensive: she hears that the shop is protecting itself.",
            "c": "A question that sounds like blame turns a complaint into an argument.",
        },
        hints=["What did the iceberg simulator say a complaint put right is worth?"],
        solution="**b**: thank, apologise, put it right generously and quickly.",
        why=(
            "Resolving dissatisfaction without getting defensive is what keeps the customer; "
            "in the simulator a complaint put right is worth about a hundred in lifetime value."
        ),
    ),
)
