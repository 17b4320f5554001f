"""Fixtures for the exercise engine's tests: a pretend IPython shell and a set of questions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_questions import (
    FakeShell,
    make_choice,
    make_predict,
    make_table,
    make_target,
    make_value,
)

from helpers import i18n
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


DUMMY_CATALOG = r"""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: xx\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Correct"
msgstr "Xorrect"

msgid "Not yet"
msgstr "Xot yet"

msgid "Not tried yet"
msgstr "Xot tried yet"

msgid "Correct (earlier)"
msgstr "Xorrect (earlier)"

msgid "Check my answer"
msgstr "Xheck my answer"

msgid "{n} row"
msgid_plural "{n} rows"
msgstr[0] "{n} xrow"
msgstr[1] "{n} xrows"

msgid "There is {count} hint: try `{call}.hint(1)` up to `{call}.hint({count})`."
msgid_plural "There are {count} hints: try `{call}.hint(1)` up to `{call}.hint({count})`."
msgstr[0] "Xhere is {count} xhint: `{call}.hint(1)`…`{call}.hint({count})`."
msgstr[1] "Xhere are {count} xhints: `{call}.hint(1)`…`{call}.hint({count})`."
"""


@pytest.fixture
def dummy_language(tmp_path: Path) -> Iterator[str]:
    """Show the course in a made-up language "xx" (a few strings only); English again after."""
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "course.po").write_text(DUMMY_CATALOG, encoding="utf-8")
    i18n.set_language("xx", folder=tmp_path)
    try:
        yield "xx"
    finally:
        i18n.set_language(None)
