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


def _csat_problem_not_fixed() -> float:
    from helpers.lessons.satisfaction.in_town import moments_table

    table = moments_table(cached_table("visits"), cached_table("surveys"))
    return float(table.loc["problems_fixed", "csat_not"])


def _five_versus_four() -> float:
    from helpers.lessons.satisfaction.in_town import five_versus_four

    return five_versus_four(cached_table("visits"))


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
        "In our town, what CSAT (%) did surveyed visits get when the customer's problem was "
        "**not** fixed?",
        answer=_csat_problem_not_fixed,
        variable="csat_problem_not_fixed",
        tolerance=0.6,
        non_negative=True,
        source="data",
        hints=[
            "Look at the first table in the section *In our town*.",
            "Row *problem fixed*, column *CSAT if not*.",
        ],
        solution=(
            "Read row *problem fixed*, column *CSAT if not*; in code: "
            '`csat_problem_not_fixed = table.loc["problems_fixed", "csat_not"]`'
        ),
        why=(
            "An unfixed problem is the heaviest bad moment in the town's data: almost nobody "
            "is happy after one."
        ),
    ),
    q3=ValueQuestion(
        "In our town, how many times as often did a visit scored 5 lead to a return the next "
        "month as a visit scored 4?",
        answer=_five_versus_four,
        variable="five_versus_four",
        accept_rounded_to=0,
        tolerance=0.15,
        non_negative=True,
        source="data",
        hints=[
            "Use the table of *came back (%)* by score in the section *In our town*.",
            "Divide the figure for score 5 by the figure for score 4.",
        ],
        solution=(
            'five_versus_four = returns.loc[5, "came back (%)"] / returns.loc[4, "came back (%)"]'
        ),
        why="The town was built on the Xerox ratio, so it shows the jump again (a little blurred "
        "by customers who come back for other reasons): the step from 4 to 5 is where loyalty "
        "is won.",
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
            "Subtract the second from the first: 30 % and 20 % would make 10 points.",
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
                "Two unhappy answers out of four could be bad luck. Look at the width of the "
                "first person's line in the chart: how sure can we be?"
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
