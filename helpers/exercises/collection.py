"""A notebook's questions (:class:`Exercises`) and the learner's progress through them."""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import pandas as pd

from helpers.exercises.look import (
    BACKGROUND,
    CORRECT,
    FONT,
    LOOK,
    MUTED,
    NOT_ATTEMPTED,
    TEXT,
    text_colour,
)
from helpers.exercises.question import Question
from helpers.i18n import N_, _, ngettext

#: The progress table's words for a question never checked, and for one checked without an
#: answer (a blank, an empty variable): (icon, word, colour name). Words are marked with N_.
NOT_TRIED = ("·", N_("Not tried yet"), "muted")
NO_ANSWER = ("✎", N_("Not answered yet"), "not_attempted")
#: A question done in an earlier session without being correct (a checked prediction), as the
#: progress file remembers it.
DONE_EARLIER = N_("Done (earlier)")
#: A question answered correctly before, though its last check was not correct.
CORRECT_EARLIER = ("✔", N_("Correct (earlier)"), "correct")
#: The colour of a question done without being "correct" (a prediction, once checked).
DONE_COLOUR = "not_attempted"


class ProgressRow(NamedTuple):
    """One question in :class:`Progress`: its name, kind, last status, whether it was ever
    answered correctly, and the words for a question done without being correct."""

    name: str
    kind: str
    status: str | None  # the last check's status, None before the first check
    earned: bool = False  # True once a check was correct, whatever came after
    done: str = ""  # "Predicted (6 points off)": a checked prediction counts as done

    @property
    def counts(self) -> bool:
        """True when the question counts as done: correct (now or earlier), or a prediction
        checked, whatever its value."""
        return self.earned or self.status == CORRECT or bool(self.done)


@dataclass(frozen=True)
class Progress:
    """Every question of a notebook with its best result (shows itself as a small table).

    A question answered correctly once stays correct here, even when later checks were not
    ("Correct (earlier)"); a prediction counts as done once checked, whatever its value
    ("Predicted (6 points off)"): predicting is the exercise, not getting it right.
    :meth:`Exercises.reset` or a question's ``reset()`` starts afresh.
    """

    rows: tuple[ProgressRow, ...]

    @property
    def correct(self) -> int:
        """How many questions were answered correctly (now or earlier)."""
        return sum(row.earned or row.status == CORRECT for row in self.rows)

    @property
    def done(self) -> int:
        """How many questions are done: correct, or a prediction checked."""
        return sum(row.counts for row in self.rows)

    def to_frame(self) -> pd.DataFrame:
        """The same as a DataFrame: the last status ("not tried yet" before the first check),
        ``correct`` (True for a question answered correctly now or earlier) and ``done`` (also
        True for a checked prediction)."""
        return pd.DataFrame(
            [
                (r.name, r.kind, r.status or "not tried yet", r.earned or r.status == CORRECT,
                 r.counts)
                for r in self.rows
            ],
            columns=["question", "kind", "status", "correct", "done"],
        )  # fmt: skip

    def _summary(self) -> str:
        """ "2 of 5 done: keep going!" and the like."""
        total = len(self.rows)
        if total and self.done == total:
            text = ngettext(
                "{done} of {total} done: well done!",
                "{done} of {total} done: well done!",
                total,
            )
        elif self.done:
            text = ngettext(
                "{done} of {total} done: keep going!", "{done} of {total} done: keep going!", total
            )
        else:
            text = ngettext("{done} of {total} done.", "{done} of {total} done.", total)
        return text.format(done=self.done, total=total)

    @staticmethod
    def _look(row: ProgressRow) -> tuple[str, str, str]:
        """Icon, word (in the current language) and text colour of a question's result."""
        if row.done and not row.earned:
            return "✔", row.done, text_colour(DONE_COLOUR)
        if row.status is None and not row.earned:
            icon, word, name = NOT_TRIED
        elif row.earned and row.status != CORRECT:
            icon, word, name = CORRECT_EARLIER
        elif row.status == NOT_ATTEMPTED:
            icon, word, name = NO_ANSWER
        else:
            icon, word, name = LOOK[row.status]
        colour = MUTED if name == "muted" else text_colour(name)
        return icon, _(word), colour

    def _repr_html_(self) -> str:
        cells = []
        for row in self.rows:
            icon, word, colour = self._look(row)
            cells.append(
                f'<tr><td style="padding:4px 12px;font-weight:700">{html.escape(row.name)}</td>'
                f'<td style="padding:4px 12px">{html.escape(_(row.kind))}</td>'
                f'<td style="padding:4px 12px;color:{colour};font-weight:700">'
                f'<span aria-hidden="true">{icon}</span> {html.escape(word)}</td></tr>'
            )
        return (
            f'<div style="font-size:18px;line-height:1.5;color:{TEXT};background:{BACKGROUND};'
            f'{FONT};padding:6px 0">'
            f'<div style="font-weight:700;font-size:20px">{html.escape(self._summary())}</div>'
            '<table style="border-collapse:collapse;font-size:18px">'
            f"{self._header()}{''.join(cells)}</table></div>"
        )

    @staticmethod
    def _header() -> str:
        cells = (_("Question"), _("Kind"), _("Result"))
        return (
            "<tr>"
            + "".join(
                f'<th style="text-align:left;padding:4px 12px">{html.escape(c)}</th>' for c in cells
            )
            + "</tr>"
        )

    def __str__(self) -> str:
        lines = [self._summary()]
        for row in self.rows:
            icon, word, _colour = self._look(row)
            lines.append(f"  {icon} {row.name:<8} {_(row.kind):<18} {word}")
        return "\n".join(lines)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


class Exercises:
    """The questions of one notebook: ``ex = Exercises(q1=..., q2=...)``.

    Gives ``ex.q1``, ``ex["q1"]``, iteration over the questions in order, ``ex.names()``,
    ``len(ex)``, ``ex.progress()`` and ``ex.verify(...)`` for tests. The optional first
    (positional) argument is the variable name the notebook uses, for the messages ("ex").
    """

    def __init__(self, prefix: str = "ex", /, **questions: Question) -> None:
        for key, question in questions.items():
            if not isinstance(question, Question):
                raise TypeError(f"{key} is not a question: {question!r}")
            question.name = question.name or key
            question._prefix = prefix
        self._questions: dict[str, Question] = dict(questions)
        self.prefix = prefix

    def __getattr__(self, name: str) -> Question:
        questions = self.__dict__.get("_questions", {})
        if name in questions:
            return questions[name]
        raise AttributeError(
            _("There is no question {name} here; the questions are: {names}.").format(
                name=repr(name), names=", ".join(questions)
            )
        )

    def __getitem__(self, name: str) -> Question:
        return self._questions[name]

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *self._questions]

    def __iter__(self) -> Iterator[Question]:
        return iter(self._questions.values())

    def __len__(self) -> int:
        return len(self._questions)

    def __repr__(self) -> str:
        return f"Exercises({', '.join(self._questions)})"

    def names(self) -> list[str]:
        """The names of the questions, in order."""
        return list(self._questions)

    def progress(self) -> Progress:
        """Each question with its last result, and whether it was ever answered correctly.

        A course notebook's questions also remember earlier sessions: a question not checked
        since the kernel started shows what the progress file kept (:mod:`.saved`), and one
        answered correctly in any session stays correct. :meth:`reset` starts this session
        afresh; the file keeps what was done before."""
        earlier = _saved_results(self)
        rows = []
        for key, q in self._questions.items():
            kept = earlier.get(key, {})
            status = q.last_status or (kept.get("status") if kept.get("status") in LOOK else None)
            earned = q.ever_correct or bool(kept.get("correct"))
            done = _done_words(q)
            if not (done or earned) and kept.get("done"):
                done = _(DONE_EARLIER)
            rows.append(ProgressRow(key, q.kind, status, earned, done))
        return Progress(tuple(rows))

    def _repr_html_(self) -> str:
        return self.progress()._repr_html_()

    def reset(self) -> None:
        """Start every question afresh (hints, predictions, progress)."""
        for question in self:
            question.reset()

    def verify(self, simulators: Any = None) -> list[str]:
        """Check every question's :meth:`Question.examples`; return the problems found.

        ``simulators`` is the simulator for target questions, or a dict name -> simulator when
        different questions use different ones.
        """
        problems = []
        for key, question in self._questions.items():
            if isinstance(simulators, Mapping):
                simulator = simulators.get(key, simulators.get(getattr(question, "simulator", "")))
            else:
                simulator = simulators
            problems.extend(question.verify(simulator))
        return problems


def _saved_results(collection: Exercises) -> dict[str, dict[str, Any]]:
    """What the progress file remembers of this collection's notebook ({} for questions that
    belong to no course notebook, such as the tests' own)."""
    from helpers.exercises import saved

    first = next(iter(collection), None)
    notebook = saved.notebook_of(first) if first is not None else ""
    return saved.load().get(notebook, {}) if notebook else {}


def _done_words(question: Question) -> str:
    """The words for a question done without being correct (a checked prediction), or ""."""
    note = getattr(question, "progress_note", None)
    return note() if callable(note) else ""
