"""One small question of each kind, a fake simulator and helpers shared by the exercise tests."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from helpers.exercises import (
    ChoiceQuestion,
    PredictQuestion,
    TargetQuestion,
    ValueQuestion,
    ____,
)


class FakeSimulator:
    """Duck-typed stand-in for the course's Simulator: values() and set_values(**kw)."""

    def __init__(self, wait: float = 15.0, courtesy: float = 3.0) -> None:
        self._values = {"wait": wait, "courtesy": courtesy}

    def values(self) -> dict[str, float]:
        return dict(self._values)

    def set_values(self, **kw: float) -> None:
        self._values.update(kw)

    def share_returned(self) -> float:
        v = self._values
        return min(1.0, max(0.0, 0.3 + 0.12 * v["courtesy"] - 0.01 * v["wait"]))


class FakeShell:
    def __init__(self, **user_ns: Any) -> None:
        self.user_ns = dict(user_ns)


TABLE = pd.DataFrame(
    {"visits": [120, 80, 45], "share_returned": [0.41, 0.33, 0.27]},
    index=pd.Index(["Ana", "Ben", "Cleo"], name="rep"),
)


def make_value() -> ValueQuestion:
    return ValueQuestion(
        "What share of the town's customers came back within a month?",
        answer=lambda: 0.3846,
        variable="share_returned",
        is_share=True,
        tolerance=0.005,
        hints=["Count the customers who came back.", "Divide by **all** customers."],
        solution="share_returned = returned / customers",
        why="One in three coming back is the baseline we improve on.",
    )


def make_table() -> ValueQuestion:
    return ValueQuestion(
        "Per representative: visits and the share that came back.",
        answer=TABLE.copy,
        variable="per_rep",
        tolerance=0.005,
        hints=["Group by `rep`."],
        solution="per_rep = visits.groupby('rep').agg(...)",
    )


def make_choice() -> ChoiceQuestion:
    return ChoiceQuestion(
        "A customer scores you 4 out of 5. How likely is she to come back?",
        options=["Very likely: 4 is good", "Less likely than you think", "It cannot be said"],
        correct="b",
        explanations={"a": "Satisfied is not the same as loyal: 4s defect far more than 5s."},
        hints=["Think about the Xerox study."],
        why="Only the delighted come back reliably.",
    )


def make_predict(truth: float = 0.62) -> PredictQuestion:
    return PredictQuestion(
        "If the wait halves, what share of customers will come back?",
        truth=lambda: truth,
        tolerance=0.05,
        is_share=True,
        why="Waiting matters more than most people guess.",
    )


def make_target(factory: Any = None) -> TargetQuestion:
    return TargetQuestion(
        "Set the sliders so that at least 70 % of customers come back.",
        measure=lambda sim: (sim.share_returned(), "Courtesy does most of the work."),
        at_least=0.70,
        is_share=True,
        label="come back",
        constraints=[(lambda v: v["wait"] >= 10, "Keep the wait at 10 minutes or more.")],
        simulator="sim",
        factory=factory,
        right_settings={"wait": 10, "courtesy": 5},
        wrong_settings=[{"wait": 10, "courtesy": 2}, {"wait": 2, "courtesy": 5}],
        hints=["Courtesy is the strongest slider."],
        why="Good service brings them back.",
    )


def html_text(item: Any) -> str:
    """The visible text of an object's HTML (tags removed)."""
    return re.sub(r"<[^>]+>", "", item._repr_html_())


def output_html(output: Any) -> str:
    """The HTML shown in an ipywidgets Output."""
    return "".join(item["data"].get("text/html", "") for item in output.outputs)


def odd_answers() -> list[Any]:
    """Things a learner might hand to check() that are not a sensible answer."""
    import ipywidgets as widgets

    return [
        None,
        ____,
        "",
        "text",
        "38 %",
        [1, 2],
        (1,),
        (1, 200),
        {"a": 1},
        {1, 2},
        float("nan"),
        float("inf"),
        -float("inf"),
        True,
        False,
        np.nan,
        pd.NA,
        pd.NaT,
        1 + 2j,
        pd.DataFrame(),
        pd.DataFrame({"a": [1, 2], "b": [3, 4]}),
        pd.Series([], dtype=float),
        pd.Series(["a", "b"]),
        np.array([[1, 2], [3, 4]]),
        widgets.IntSlider(value=3),
        len,
        object(),
        pd.Timestamp("2024-01-01"),
        b"bytes",
        10**400,
        -1e308,
        TABLE.iloc[:0],
        TABLE.T,
        TABLE.set_axis([1, 1], axis=1),
    ]
