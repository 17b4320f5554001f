"""Exercises of notebook 01 (satisfaction): on the simulators and on the town's data."""

from __future__ import annotations

from helpers.data import cached_table
from helpers.exercises import (
    ChoiceQuestion,
    Exercises,
    PredictQuestion,
    TargetQuestion,
    ValueQuestion,
)
from helpers.lessons.satisfaction import model
from helpers.lessons.satisfaction.simulators import SERVICE_SLIDERS, satisfaction_simulator


def _moments_value(column: str) -> float:
    from helpers.lessons.satisfaction.in_town import moments_table

    table = moments_table(cached_table("visits"), cached_table("surveys"))
    return float(table.loc["questions_answered", column])


def _fives_question_not_answered() -> float:
    return _moments_value("top_not")


def _came_back(score: int) -> float:
    from helpers.lessons.satisfaction.in_town import return_by_score

    return float(return_by_score(cached_table("visits")).loc[score, "came back (%)"])


def _five_versus_three() -> float:
    return _came_back(5) / _came_back(3)


def _coming_back(sim) -> tuple[float, str]:
    return model.simulate(sim.values()).share_coming_back, ""


def _points_fewer_at_15_minutes() -> float:
    at_5 = model.simulate(wait_minutes=5).share_coming_back
    at_15 = model.simulate(wait_minutes=15).share_coming_back
    return 100 * (at_5 - at_15)


_DEFAULTS = {name: spec.default for name, spec in model.PARAMETERS.items()}
_SERVICE = {name: _DEFAULTS[name] for name in SERVICE_SLIDERS}

exercises = Exercises(
    q1=PredictQuestion(
        "A busy month: staff are polite on only 50 % of visits instead of 90 %. Everything else "
        "stays the same. What share of customers will come back?",
        truth=lambda: model.simulate(courtesy=50).share_coming_back,
        tolerance=0.05,
        is_share=True,
        after_predict="Now move *Treated politely* to 50 in the simulator, then check.",
        hints=["At the starting settings, about three in ten come back. Up or down, and how far?"],
        solution="Set *Treated politely* to 50 and read the share coming back under the chart.",
        why=(
            "Courtesy is a must-be: its absence costs far more than its presence earns. A "
            "drop in politeness shows in who comes back."
        ),
    ),
    q2=ValueQuestion(
        "In our town, what share of survey answers were 5s (%) when the customer's question was "
        "**not** answered?",
        answer=_fives_question_not_answered,
        variable="fives_question_not_answered",
        tolerance=0.6,
        mistakes={
            lambda: _moments_value("top_well"): "That is the share of 5s when the question *was* "
            "answered; you need the column *5s if not*.",
            lambda: _moments_value("csat_not"): "That is the CSAT (4s and 5s) when the question "
            "was not answered; you need the share of 5s only: column *5s if not*.",
        },
        non_negative=True,
        source="data",
        hints=[
            "Look at the first table in the section *In our town*: one row per moment.",
            "Row *question answered*, column *5s if not*.",
        ],
        solution="Row *question answered*, column *5s if not*: `fives_question_not_answered = 14`.",
        why=(
            "An unanswered question almost rules out a delighted customer: knowing the goods, or "
            "finding out, is part of the service."
        ),
    ),
    q3=ValueQuestion(
        "In our town, how many times as often did a visit scored 5 lead to a return the next "
        "month as a visit scored 3?",
        answer=_five_versus_three,
        variable="five_versus_three",
        accept_rounded_to=0,
        is_ratio=True,
        mistakes={
            lambda: _came_back(5) - _came_back(3): "You subtracted: 'times as often' means "
            "divide the figure for 5 by the figure for 3.",
        },
        tolerance=0.3,
        non_negative=True,
        source="data",
        hints=[
            "Use the table of *came back (%)* by score in the section *In our town*.",
            "Divide the figure for score 5 by the figure for score 3.",
        ],
        solution=(
            'five_versus_three = returns.loc[5, "came back (%)"] / returns.loc[3, "came back (%)"]'
        ),
        why="A 3 hardly ever comes back; a 5 usually does. Most of the loyalty sits at the top of "
        "the scale.",
    ),
    q4=ValueQuestion(
        "Set the average wait to 15 minutes, everything else at its starting value. How many "
        "percentage points fewer customers come back than with a 5-minute wait?",
        answer=_points_fewer_at_15_minutes,
        variable="fewer_points",
        tolerance=1.0,
        source="simulator",
        hints=[
            "Read the share coming back under the chart at 5 minutes, then at 15 minutes.",
            "Subtract the second from the first: 50 % and 42 % would make 8 points.",
        ],
        solution="fewer_points = (share at 5 minutes) - (share at 15 minutes), in points.",
        why="A long wait is a bad moment for every customer in the queue, however kind the staff.",
    ),
    q5=TargetQuestion(
        "Without touching *Treated politely* (keep it at 90) or the wait (keep it at 5 minutes), "
        "get at least 45 % of customers to come back.",
        measure=_coming_back,
        at_least=0.45,
        is_share=True,
        label="come back",
        simulator="simulator",
        factory=satisfaction_simulator,
        constraints=[
            (lambda v: v["courtesy"] == 90, "Keep *Treated politely* at 90 %."),
            (lambda v: v["wait_minutes"] == 5, "Keep the average wait at 5 minutes."),
        ],
        right_settings={
            **_SERVICE,
            "questions_answered": 100,
            "problems_fixed": 100,
            "listening": 100,
            "warmth": 100,
        },
        wrong_settings=[
            _SERVICE,
            {**_SERVICE, "courtesy": 100, "wait_minutes": 0, "listening": 100, "warmth": 100},
        ],
        hints=[
            "Four sliders are left: questions answered, problems fixed, listening and warmth.",
            "Listening and warmth turn satisfied customers into delighted ones.",
        ],
        solution="Push listening, warmth, questions answered and problems fixed to the right.",
        why=(
            "Beyond politeness and speed, what makes customers come back is being listened to "
            "and served warmly: that is where 4s become 5s."
        ),
    ),
    q6=ChoiceQuestion(
        "A customer gives you 4 out of 5: *satisfied*. In Jones and Sasser's zones, where is she?",
        options={
            "a": "In the zone of affection: she will be back.",
            "b": "In the zone of indifference: she may well shop elsewhere next time.",
            "c": "In the zone of defection: she is about to leave.",
        },
        correct="b",
        explanations={
            "a": (
                "Affection is the zone of the 5s, the delighted. A 4 is pleased, not attached: "
                "look at how far the curve falls from 5 to 4."
            ),
            "c": "Defection is the zone of the 1s and 2s: customers who are unhappy.",
        },
        hints=["The zones are: 1-2 defection, 3-4 indifference, 5 affection."],
        solution="**b**: a 4 sits in the zone of indifference.",
        why=(
            '"Satisfied" is not loyal. The big step in loyalty is from 4 to 5, so good service '
            "aims at delight, not at no complaints."
        ),
    ),
    q7=ChoiceQuestion(
        "A staff member has a CSAT of 50 % from 4 surveys. Another has 96 % from 48 surveys. "
        "What can you fairly say?",
        options={
            "a": "The first serves worst in the shop.",
            "b": (
                "The second is very likely good; about the first we cannot tell yet, four surveys "
                "are far too few."
            ),
            "c": "Both figures are equally trustworthy.",
        },
        correct="b",
        explanations={
            "a": (
                "Two unhappy answers out of four could be bad luck. In the staff chart, look at "
                "how long the lines are for people with only a few surveys: how sure can we be?"
            ),
            "c": "The lines in the chart show how far each figure could be from the truth.",
        },
        hints=["In the staff chart, a long line means: we are not sure yet."],
        solution="**b**: with few surveys the likely range is very wide.",
        why=(
            "Judge people on enough evidence. Notebook 04 comes back to this: ranking staff on a "
            "handful of surveys is mostly noise."
        ),
    ),
)
