"""Exercises of notebook 00 (start here): one of each kind, to learn how checking works."""

from __future__ import annotations

from helpers.data import cached_table
from helpers.exercises import (
    ChoiceQuestion,
    Exercises,
    PredictQuestion,
    TargetQuestion,
    ValueQuestion,
)
from helpers.lessons.start_here.in_town import town_return_rates
from helpers.lessons.start_here.model import customers_coming_back
from helpers.lessons.start_here.simulators import start_here_simulator


def _coming_back(sim) -> tuple[float, str]:
    values = sim.values()
    back, _ = customers_coming_back(
        values["customers"], values["percent_fixed"], town_return_rates()
    )
    return round(back), f"with {values['percent_fixed']:.0f} % of problems fixed"


exercises = Exercises(
    q1=PredictQuestion(
        "If the shop fixed **70 %** of the problems, how many of 100 customers with a problem "
        "would come back next month?",
        truth=lambda: round(customers_coming_back(100, 70, town_return_rates())[0]),
        tolerance=5,
        unit=("customer", "customers"),
        after_predict="Now run the next cell: it moves the slider to 70 %. Then check your guess.",
        hints=[
            "Read the green bar at 0 % fixed and at 100 % fixed: where does 70 % fall between them?"
        ],
        solution="Set *Problems fixed* to 70 % and *Customers with a problem* to 100; read the "
        "green bar.",
        why=(
            "Every problem fixed moves a customer's odds of coming back. The simulator just "
            "applies the town's two return rates to the share you fix."
        ),
    ),
    q2=ChoiceQuestion(
        "Even with every problem fixed, the green bar stays well below 100. Why?",
        options={
            "a": "The simulator has a bug.",
            "b": "Some customers need nothing next month, whatever the service.",
            "c": "Fixed problems make customers angry.",
        },
        correct="b",
        explanations={
            "a": (
                "The simulator only repeats what the town's data show: many customers simply "
                "do not shop every month, whatever happens."
            ),
            "c": (
                "Look at the bars again: more problems fixed means *more* customers come back, "
                "not fewer."
            ),
        },
        hints=["Think of your own shopping: do you go back to the same shop every month?"],
        solution="**b**: coming back also depends on need and habit, not only on service.",
        why="Good service is necessary, not sufficient: the course comes back to this often.",
    ),
    q3=ValueQuestion(
        "How many visits in the town had a problem?",
        answer=lambda: int(cached_table("visits")["problem"].sum()),
        variable="visits_with_a_problem",
        tolerance=0.5,
        non_negative=True,
        source="data",
        hints=[
            'Type `visits["problem"].sum()` in place of `____`, then run the cell.',
            "Why it works: `.sum()` adds up the column, and each True counts as 1, so the total "
            "is the number of visits with a problem.",
        ],
        solution='visits_with_a_problem = visits["problem"].sum()',
        why="Counting is where every analysis starts: now you know how many problems there were.",
    ),
    q4=TargetQuestion(
        "Move the sliders so that at least 22 of 100 customers with a problem come back.",
        measure=_coming_back,
        at_least=22,
        unit=("customer", "customers"),
        label="come back",
        simulator="simulator",
        factory=start_here_simulator,
        constraints=[
            (lambda v: v["customers"] == 100, "Keep *Customers with a problem* at 100."),
        ],
        right_settings={"percent_fixed": 100, "customers": 100},
        wrong_settings=[
            {"percent_fixed": 0, "customers": 100},
            {"percent_fixed": 100, "customers": 200},
        ],
        hints=["Which slider changes how many come back? Move it to the right."],
        solution="Set *Problems fixed* to 80 % or more: fixing more problems keeps more customers.",
        why="Every problem fixed is a customer more likely to come back.",
    ),
)
