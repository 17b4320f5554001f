"""Tests for helpers.exercises: the package's public API, as notebooks use it."""

from __future__ import annotations

import helpers.exercises as package

NOTEBOOK_API = {
    "____",
    "ChoiceQuestion",
    "Exercises",
    "PredictQuestion",
    "TargetQuestion",
    "ValueQuestion",
    "CORRECT",
    "INCORRECT",
    "NOT_ATTEMPTED",
}


def test_package_exports_what_notebooks_and_lessons_use() -> None:
    assert NOTEBOOK_API <= set(package.__all__)
    for name in package.__all__:
        assert hasattr(package, name)
    assert repr(package.____) == "____"
