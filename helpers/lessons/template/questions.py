"""Template exercises: one of each kind, each with its right and wrong example answers."""

from __future__ import annotations

from helpers.data import cached_table
from helpers.exercises import (
    ChoiceQuestion,
    Exercises,
    PredictQuestion,
    TargetQuestion,
    ValueQuestion,
)
from helpers.lessons.template.model import greeting_outcome
from helpers.lessons.template.simulators import greeting_simulator


def _coming_back(sim) -> tuple[float, str]:
    return round(greeting_outcome(sim.values()["greeted"]).coming_back), ""


exercises = Exercises(
    q1=PredictQuestion(
        "If every customer is greeted, how many of 100 come back?",
        truth=lambda: round(greeting_outcome(100).coming_back),
        tolerance=3,
        unit=("customer", "customers"),
        after_predict="Now move the slider to 100 %, then check.",
        hints=["Read the green bar at 0 % and at 50 %: how much does it rise?"],
        solution="Set the slider to 100 % and read the green bar: 30.",
        why="A greeting costs nothing and changes how the visit starts.",
    ),
    q2=ValueQuestion(
        "How many visits does the town have?",
        answer=lambda: len(cached_table("visits")),
        variable="visit_count",
        tolerance=0.5,
        non_negative=True,
        source="data",
        hints=["Each row of `visits` is one visit.", "`len(visits)` counts the rows."],
        solution="visit_count = len(visits)",
        why="Counting is where every analysis starts.",
    ),
    q3=ChoiceQuestion(
        "Why does the green bar stay well below 100 even when everyone is greeted?",
        options={
            "a": "The simulator has a bug.",
            "b": "A greeting helps, but customers also need a reason to come back.",
        },
        correct="b",
        explanations={"a": "The model adds a small lift to a base: it is by design."},
        hints=["Good service is necessary; is it sufficient?"],
        solution="**b**: service raises the odds, it does not guarantee a return.",
        why="Good service is necessary, not sufficient.",
    ),
    q4=TargetQuestion(
        "Move the slider so that at least 28 of 100 customers come back.",
        measure=_coming_back,
        at_least=28,
        unit=("customer", "customers"),
        label="come back",
        simulator="simulator",
        factory=greeting_simulator,
        right_settings={"greeted": 100},
        wrong_settings=[{"greeted": 0}, {"greeted": 50}],
        hints=["Which way does the green bar move as you greet more customers?"],
        solution="Greet 80 % or more.",
        why="Every greeting adds a little: the target needs most customers greeted.",
    ),
)
