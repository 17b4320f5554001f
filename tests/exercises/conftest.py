"""Fixtures for the exercise engine's tests: a pretend IPython shell and a set of questions."""

from __future__ import annotations

import pytest
from sample_questions import (
    FakeShell,
    make_choice,
    make_predict,
    make_table,
    make_target,
    make_value,
)

from helpers.exercises import Exercises


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch) -> FakeShell:
    """Pretend to run inside IPython, with a user namespace the test controls."""
    import IPython

    fake = FakeShell()
    monkeypatch.setattr(IPython, "get_ipython", lambda: fake)
    return fake


@pytest.fixture
def no_ipython(monkeypatch: pytest.MonkeyPatch) -> None:
    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)


@pytest.fixture
def ex() -> Exercises:
    return Exercises(
        q1=make_value(), q2=make_choice(), q3=make_predict(), q4=make_target(), q5=make_table()
    )
