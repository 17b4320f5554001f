"""The learner's progress across the course, kept in a small file beside the notebooks.

Each time a question of a course notebook is checked with an answer, its result is written to
``notebooks/.progress.json``: so it survives a kernel restart and a notebook reset, and the last
notebook can show the whole course's progress. Nothing is sent anywhere; the file is ignored by
git; it is written only when a check is made, never when a notebook merely runs. A check without
an answer ("not attempted") writes nothing, and neither do the course's own tests of the
questions (they check copies, which belong to no notebook).

The file holds, per notebook and question, the kind, the last status, and whether the question
was ever answered correctly and ever done (a checked prediction counts as done)::

    {"version": 1, "notebooks": {"01_satisfaction": {"q2": {"kind": "value",
     "status": "correct", "correct": true, "done": true}}}}

Its place can be changed with the environment variable ``LOYALTY_PROGRESS_FILE`` (the tests use
it, so a test run never touches a learner's file) or with :func:`use_file`. Writing never raises:
a read-only folder or a damaged file costs the record, never the learner's check.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from helpers import PROJECT_DIR
from helpers.exercises.look import CORRECT, NOT_ATTEMPTED

#: Where the progress file lives unless told otherwise.
DEFAULT_FILE = PROJECT_DIR / "notebooks" / ".progress.json"
#: The environment variable that moves it.
ENVIRONMENT = "LOYALTY_PROGRESS_FILE"
VERSION = 1

_override: Path | None = None


def progress_file() -> Path:
    """Where progress is kept now: :func:`use_file`'s, the environment's, or the default."""
    if _override is not None:
        return _override
    chosen = os.environ.get(ENVIRONMENT)
    return Path(chosen) if chosen else DEFAULT_FILE


@contextmanager
def use_file(path: Path | str) -> Iterator[Path]:
    """Keep progress in ``path`` inside the ``with`` block (for tests)."""
    global _override
    before, _override = _override, Path(path)
    try:
        yield _override
    finally:
        _override = before


def load(path: Path | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """Every saved result, by notebook and question; empty when there is no (readable) file."""
    where = path or progress_file()
    try:
        content = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    notebooks = content.get("notebooks") if isinstance(content, dict) else None
    if not isinstance(notebooks, dict):
        return {}
    return {
        str(book): {str(q): dict(r) for q, r in rows.items() if isinstance(r, dict)}
        for book, rows in notebooks.items()
        if isinstance(rows, dict)
    }


def _write(notebooks: dict[str, Any], where: Path) -> None:
    """Write the file in one step (a temporary file, then a rename), so it is never half-done."""
    where.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": VERSION, "notebooks": notebooks}, indent=1, sort_keys=True)
    handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=".progress-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, where)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_result(notebook: str, name: str, kind: str, status: str, done: bool) -> bool:
    """Record one check; True when the file was written. Earlier successes are kept."""
    if status == NOT_ATTEMPTED or not notebook:
        return False
    where = progress_file()
    notebooks = load(where)
    earlier = notebooks.setdefault(notebook, {}).get(name, {})
    notebooks[notebook][name] = {
        "kind": kind,
        "status": status,
        "correct": bool(earlier.get("correct")) or status == CORRECT,
        "done": bool(earlier.get("done")) or done or status == CORRECT,
    }
    try:
        _write(notebooks, where)
    except OSError:
        return False
    return True


def notebook_of(question: Any) -> str:
    """The notebook whose exercises hold this very question (by identity), or "".

    A lesson's questions live in ``helpers/lessons/<lesson>/questions.py`` (``exercises``) and
    its manifest in ``lesson.py`` (``LESSON``, which names the notebook): only the lesson whose
    questions are already loaded is looked at, so a check never loads the whole course.
    """
    for name, module in list(sys.modules.items()):
        if not (name.startswith("helpers.lessons.") and name.endswith(".questions")):
            continue
        collection = getattr(module, "exercises", None)
        if collection is None or not any(q is question for q in collection):
            continue
        manifest = importlib.import_module(name.removesuffix("questions") + "lesson")
        lesson = getattr(manifest, "LESSON", None)
        if lesson is not None and lesson.exercises is collection:
            return str(lesson.notebook)
    return ""


def remember(question: Any, status: str, done: bool) -> bool:
    """The hook every check calls: record the result of a course question. Never raises."""
    if status == NOT_ATTEMPTED:
        return False
    try:
        notebook = notebook_of(question)
        return save_result(notebook, question.name, str(question.kind), status, done)
    except Exception:  # noqa: BLE001 - saving progress must never break a learner's check
        return False
