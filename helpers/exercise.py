"""Instant feedback for the course's exercises: check, hints and solution, typed or clicked.

The idea comes from Kaggle's *learntools* (one small object per question with ``check``, ``hint``
and ``solution``), kept much simpler and aimed at people who do not write code for a living.

In a notebook, a learner works like this::

    from helpers.exercise import ____          # the blank to fill in
    from exercises_02 import ex                 # the notebook's questions (an Exercises object)

    share_returned = ____                       # the learner replaces ____ with an answer
    ex.q1.check()                               # ✔ Correct / ➜ Not yet / ✎ Not attempted yet
    ex.q1.hint()                                # the next hint; ex.q1.hint(2) for the second one
    ex.q1.solution()                            # a worked answer
    ex.q1.buttons()                             # the same, as buttons to click
    ex.progress()                               # every question and its last result

There are four kinds of question, each a small class sharing :class:`Question`:

* :class:`ValueQuestion`: a number (or a small pandas Series/DataFrame) computed from the data;
* :class:`ChoiceQuestion`: multiple choice, with an explanation for each wrong pick;
* :class:`PredictQuestion`: record a guess first, then compare it with what the simulator says;
* :class:`TargetQuestion`: move the simulator's sliders until a goal is reached.

``check`` never raises for anything a learner can type: it always returns a :class:`Feedback`
whose ``status`` is exactly ``"correct"``, ``"incorrect"`` or ``"not attempted"``, and which shows
itself as a coloured box (icon + word + colour, so it also reads in greyscale and for colour-blind
people). The object is shown by Jupyter because it is the cell's last value: put ``check()`` last in
its cell. Hints and solutions return a :class:`Note` that shows itself the same way.

For course-wide tests every question can produce its own right answer and wrong answers
(:meth:`Question.examples`), and :meth:`Question.verify` / :meth:`Exercises.verify` check that
the right one passes and the wrong ones do not.
"""

from __future__ import annotations

import copy
import html
import math
import numbers
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from string import ascii_lowercase
from typing import Any, ClassVar

import numpy as np
import pandas as pd

__all__ = [
    "CORRECT",
    "INCORRECT",
    "NOT_ATTEMPTED",
    "ChoiceQuestion",
    "Exercises",
    "Feedback",
    "Note",
    "PredictQuestion",
    "Progress",
    "Question",
    "TargetQuestion",
    "ValueQuestion",
    "____",
]

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not attempted"

# ---------------------------------------------------------------------------------------------
# The blank
# ---------------------------------------------------------------------------------------------


class _Blank:
    """The ``____`` a notebook leaves for the learner to replace.

    Arithmetic with it gives the blank back (``____ / 100`` is still a blank), so a half-filled
    cell runs without an error and ``check`` answers "not attempted". Printing it shows ``____``,
    so text built from it still contains the blank too.
    """

    _instance: ClassVar[_Blank | None] = None
    # Make numpy and pandas hand arithmetic over to this object instead of working element-wise.
    __array_ufunc__ = None
    __pandas_priority__ = 10_000

    def __new__(cls) -> _Blank:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    def __str__(self) -> str:
        return "____"

    def __format__(self, spec: str) -> str:
        return "____"

    def __copy__(self) -> _Blank:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _Blank:
        return self

    def __reduce__(self) -> str:
        return "____"

    def _same(self, *args: Any) -> _Blank:
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _same
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _same
    __mod__ = __rmod__ = __pow__ = __rpow__ = __matmul__ = __rmatmul__ = _same
    __neg__ = __pos__ = __abs__ = __round__ = _same


#: The blank to put where the learner's answer goes: ``share_returned = ____``.
____ = _Blank()

_MISSING: Any = object()  # "no argument given" (None is a possible, blank, answer)


def _is_blank(value: Any) -> bool:
    """True for an answer that is still the placeholder (or nothing at all)."""
    if value is None or value is ____ or value is Ellipsis:
        return True
    if isinstance(value, str):
        return "____" in value or not value.strip()
    if isinstance(value, list | tuple | set | frozenset):
        return any(item is ____ or item is Ellipsis for item in value)
    if isinstance(value, dict):
        return any(item is ____ for item in value.values())
    if isinstance(value, pd.Series | pd.DataFrame) and value.size <= 10_000:
        if isinstance(value, pd.Series):
            frame_dtypes = [value.dtype]
        else:
            frame_dtypes = list(value.dtypes)
        if not all(pd.api.types.is_numeric_dtype(dtype) for dtype in frame_dtypes):
            return any(
                item is ____ or (isinstance(item, str) and "____" in item)
                for item in np.asarray(value, dtype=object).ravel()
            )
    return False


# ---------------------------------------------------------------------------------------------
# What the learner sees
# ---------------------------------------------------------------------------------------------

_FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif"

# status -> (icon, word, colour). Colours from the Okabe-Ito palette; icon and word carry the
# meaning on their own, so the three outcomes stay apart in greyscale and for colour-blind people.
_LOOK: dict[str, tuple[str, str, str]] = {
    CORRECT: ("✔", "Correct", "#009E73"),
    INCORRECT: ("➜", "Not yet", "#D55E00"),
    NOT_ATTEMPTED: ("✎", "Not attempted yet", "#0072B2"),
}
_TROUBLE_LOOK = ("⚠", "Something went wrong on our side", "#000000")

# Note kind -> (icon, colour of the frame). The heading text stays near-black for contrast.
_NOTE_LOOK: dict[str, tuple[str, str]] = {
    "hint": ("💡", "#E69F00"),
    "solution": ("📖", "#CC79A7"),
    "prediction": ("📌", "#56B4E9"),
    "info": ("ℹ", "#555555"),
}


def _inline_md(text: str) -> str:
    """Inline Markdown (code, bold, italics, links) to HTML; everything else is escaped."""
    pieces = re.split(r"`([^`]+)`", text)
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(
                '<code style="font-size:0.95em;background:#eeeeee;color:#111111;'
                f'padding:0 3px;border-radius:3px">{html.escape(piece)}</code>'
            )
            continue
        piece = html.escape(piece, quote=False)
        piece = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", piece)
        piece = re.sub(r"(?<![\*\w])\*(?!\s)(.+?)(?<!\s)\*(?![\*\w])", r"<em>\1</em>", piece)
        piece = re.sub(
            r"\[([^\]]+)\]\((https?://[^)\s]+)\)",
            r'<a href="\2" target="_blank" rel="noopener">\1</a>',
            piece,
        )
        out.append(piece)
    return "".join(out)


def _markdown_to_html(text: str) -> str:
    """A small Markdown subset to HTML: paragraphs, ``-`` lists, fenced code, inline marks."""
    parts = re.split(r"```[\w+-]*[ \t]*\n?(.*?)```", text, flags=re.DOTALL)
    blocks: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:
            blocks.append(
                '<pre style="font-size:16px;background:#f4f4f4;color:#111111;padding:8px 10px;'
                f'border-radius:4px;overflow-x:auto;margin:6px 0">{html.escape(part.strip())}</pre>'
            )
            continue
        for para in re.split(r"\n\s*\n", part.strip()):
            if not para.strip():
                continue
            lines = para.strip().splitlines()
            if all(re.match(r"\s*[-*] ", line) for line in lines):
                items = "".join(
                    "<li>" + _inline_md(re.sub(r"^\s*[-*] ", "", line)) + "</li>" for line in lines
                )
                blocks.append(f'<ul style="margin:4px 0 4px 1.2em;padding:0">{items}</ul>')
            else:
                body = "<br>".join(_inline_md(line) for line in lines)
                blocks.append(f'<p style="margin:4px 0">{body}</p>')
    return "".join(blocks)


def _markdown_to_text(text: str) -> str:
    """Plain-text version of the small Markdown subset (drops bold marks and code fences)."""
    text = re.sub(r"```[\w+-]*[ \t]*\n?", "", text)
    return text.replace("**", "").strip()


def _box(
    icon: str, word: str, colour: str, heading_colour: str, label: str, body: str, small: str = ""
) -> str:
    small_html = (
        f'<div style="font-size:14px;color:#444444;margin-top:8px">{html.escape(small)}</div>'
        if small
        else ""
    )
    label_html = (
        f'<span style="font-size:16px;font-weight:400;color:#444444"> · {html.escape(label)}</span>'
        if label
        else ""
    )
    return (
        f'<div role="status" style="border:2px solid {colour};border-left:12px solid {colour};'
        "border-radius:6px;padding:10px 16px;margin:8px 0;background:#ffffff;color:#111111;"
        f'font-size:18px;line-height:1.5;max-width:60em;{_FONT}">'
        f'<div style="font-size:22px;font-weight:700;color:{heading_colour};margin-bottom:4px">'
        f'<span aria-hidden="true">{icon}</span> {html.escape(word)}{label_html}</div>'
        f"{_markdown_to_html(body)}{small_html}</div>"
    )


@dataclass(frozen=True)
class Feedback:
    """The result of one check: what happened and what to say about it.

    ``status`` is exactly ``"correct"``, ``"incorrect"`` or ``"not attempted"``. ``message`` is
    short Markdown for the learner; ``detail`` is small print (technical details for the
    trainer); ``trouble`` marks a problem in the exercise itself rather than in the answer.
    """

    question: str
    status: str
    message: str
    detail: str = ""
    trouble: bool = False

    @property
    def correct(self) -> bool:
        """True when the answer was right."""
        return self.status == CORRECT

    def _look(self) -> tuple[str, str, str]:
        return _TROUBLE_LOOK if self.trouble else _LOOK[self.status]

    def _repr_html_(self) -> str:
        icon, word, colour = self._look()
        return _box(icon, word, colour, colour, self.question, self.message, self.detail)

    def __str__(self) -> str:
        icon, word, _ = self._look()
        head = f"{icon} {word.upper()}" + (f" ({self.question})" if self.question else "")
        text = f"{head}\n{_markdown_to_text(self.message)}"
        return text + (f"\n[{self.detail}]" if self.detail else "")

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


@dataclass(frozen=True)
class Note:
    """A hint, a solution or a short notice (for example "your prediction is recorded")."""

    kind: str
    title: str
    text: str
    question: str = ""

    def _repr_html_(self) -> str:
        icon, colour = _NOTE_LOOK.get(self.kind, _NOTE_LOOK["info"])
        return _box(icon, self.title, colour, "#111111", self.question, self.text)

    def __str__(self) -> str:
        icon, _ = _NOTE_LOOK.get(self.kind, _NOTE_LOOK["info"])
        return f"{icon} {self.title}\n{_markdown_to_text(self.text)}"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


# ---------------------------------------------------------------------------------------------
# Reading answers
# ---------------------------------------------------------------------------------------------


class _Verdict(Exception):
    """Raised inside a check to stop with a given status and message."""

    def __init__(self, status: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail


class _AuthorError(Exception):
    """The exercise's own code (answer, simulator, rule) failed: not the learner's fault."""


def _not_yet(message: str) -> _Verdict:
    return _Verdict(INCORRECT, message)


def _fmt(x: float) -> str:
    """A number the way a person writes it: 38, 0.38, 1234.57 (no scientific notation)."""
    if not math.isfinite(x):
        return str(x)
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    text = f"{x:.6g}"
    if "e" in text:
        text = f"{x:.6f}".rstrip("0").rstrip(".")
    return text


def _show(x: float, *, is_share: bool = False, unit: str = "") -> str:
    """A value for display: shares as percentages (0.62 -> '62 %'), others with their unit."""
    if is_share:
        return f"{_fmt(round(x * 100, 1))} %"
    return f"{_fmt(x)}{(' ' + unit) if unit else ''}"


def _is_widget(value: Any) -> bool:
    return type(value).__module__.split(".")[0] in {"ipywidgets", "anywidget"}


def _values(count: int) -> str:
    return f"{count} value" if count == 1 else f"{count} values"


def _kind_of(value: Any) -> str:
    """A plain-words name for the type of a value."""
    if isinstance(value, bool | np.bool_):
        return "a yes/no value (True or False)"
    if isinstance(value, str):
        return "text"
    if isinstance(value, pd.DataFrame):
        return f"a table with {value.shape[0]} rows and {value.shape[1]} columns"
    if isinstance(value, pd.Series):
        return f"a column of {_values(len(value))}"
    if isinstance(value, list):
        return f"a list of {_values(len(value))}"
    if isinstance(value, tuple):
        return f"a group of {_values(len(value))} in round brackets"
    if isinstance(value, set | frozenset):
        return f"a set of {_values(len(value))}"
    if isinstance(value, dict):
        return "a dictionary"
    if isinstance(value, np.ndarray):
        return f"an array of {_values(value.size)}"
    if _is_widget(value):
        return "a widget (a control on the screen)"
    if isinstance(value, numbers.Number):
        return "a number"
    if callable(value):
        return "a function"
    return f"a value of type {type(value).__name__}"


def _as_number(value: Any) -> float:
    """The answer as a float, or a "not yet" verdict that says what kind of thing it is."""
    if isinstance(value, bool | np.bool_):
        raise _not_yet(f"You need a number; this is `{value}`, a yes/no value.")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        cleaned = value.strip().replace(" ", "")
        try:
            float(cleaned.rstrip("%"))
        except ValueError:
            raise _not_yet(f"You need a number; this is text: “{shown}”.") from None
        raise _not_yet(
            f"You need a number; this is text: “{shown}” (in quotation marks). "
            "Remove the quotation marks so that Python sees a number."
        )
    if isinstance(value, np.ndarray) and value.size == 1:
        return _as_number(value.reshape(-1)[0])
    if isinstance(value, pd.DataFrame):
        if value.shape == (1, 1):
            return _as_number(value.iloc[0, 0])
        if value.empty:
            raise _not_yet("You need one number; this is an empty table (no rows are left).")
        raise _not_yet(f"You need one number; this is {_kind_of(value)}.")
    if isinstance(value, pd.Series):
        if len(value) == 1:
            return _as_number(value.iloc[0])
        if value.empty:
            raise _not_yet("You need one number; this is an empty column (no rows are left).")
        raise _not_yet(
            f"You need one number; this is {_kind_of(value)}. Do you still need to count them, "
            "add them up or take their average?"
        )
    if isinstance(value, list | tuple | set | frozenset | dict | np.ndarray):
        raise _not_yet(f"You need one number, without brackets; this is {_kind_of(value)}.")
    if _is_widget(value):
        raise _not_yet(
            "You need a number; this is a widget (a control on the screen). "
            "Its current setting is in its `.value`."
        )
    if value is pd.NA or value is pd.NaT:
        raise _not_yet("You need a number; this is an empty value (missing data).")
    if isinstance(value, complex | np.complexfloating):
        raise _not_yet("You need an ordinary number; this is a complex number.")
    if isinstance(value, numbers.Number | np.number):
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            raise _not_yet(f"You need an ordinary number; this is {_kind_of(value)}.") from None
        if math.isnan(number):
            raise _not_yet(
                "This is NaN (“not a number”): often a sign of an empty selection or of a "
                "division by zero."
            )
        if math.isinf(number):
            raise _not_yet("This number is infinite: is there a division by zero somewhere?")
        return number
    if callable(value):
        raise _not_yet(
            "This is a function, not its result: did you forget the round brackets `()` at the end?"
        )
    raise _not_yet(f"You need a number; this is {_kind_of(value)}.")


def _user_namespace() -> Mapping[str, Any] | None:
    """The notebook's variables (IPython's ``user_ns``), or None outside IPython."""
    try:
        import IPython

        shell = IPython.get_ipython()
    except Exception:  # noqa: BLE001 - no IPython at all is a normal situation
        return None
    namespace = getattr(shell, "user_ns", None) if shell is not None else None
    return namespace if isinstance(namespace, Mapping) else None


def _set_output(output: Any, *items: Any) -> None:
    """Replace an ipywidgets Output's content with displayable objects (works without kernel)."""
    rendered = []
    for item in items:
        data = {"text/plain": str(item)}
        if hasattr(item, "_repr_html_"):
            data["text/html"] = item._repr_html_()
        rendered.append({"output_type": "display_data", "data": data, "metadata": {}})
    output.outputs = tuple(rendered)


def _looks_like_code(text: str) -> bool:
    """True for a solution written as bare Python (shown as a code block)."""
    if "```" in text or not re.search(r"[=(]", text):
        return False
    try:
        compile(text, "<solution>", "exec")
    except (SyntaxError, ValueError):
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------------------------


class Question:
    """What every kind of question shares: the prompt, hints, solution, check and buttons.

    Parameters (keyword-only after ``prompt``, shared by every kind):

    prompt
        The question in plain words (Markdown allowed).
    hints
        Hints in the order they are given (Markdown allowed); the first is the gentlest.
    solution
        A worked answer (Markdown, or bare Python code which is then shown as code).
    why
        One or two sentences on why it matters, shown with a correct answer.
    name
        Short name such as ``"q1"``; :class:`Exercises` fills it in from its keyword.
    """

    kind: ClassVar[str] = "question"

    def __init__(
        self,
        prompt: str,
        *,
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        if isinstance(hints, str):
            hints = [hints]
        self.prompt = str(prompt)
        self.hints: list[str] = [str(h) for h in hints]
        self.solution_text = str(solution)
        self.why = str(why)
        self.name = name
        #: Status of the last check ("correct", "incorrect", "not attempted"), None before.
        self.last_status: str | None = None
        self._hints_shown = 0
        self._prefix = "ex"

    # -- naming ----------------------------------------------------------------------------

    @property
    def call(self) -> str:
        """How the learner reaches this question in code, for example ``ex.q1``."""
        return f"{self._prefix}.{self.name}" if self.name else "question"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name or '(unnamed)'}: {self.prompt[:60]!r}>"

    def _repr_html_(self) -> str:
        return Note(
            "info", f"Question {self.name}".strip(), self.prompt + self._how_to_answer(), self.kind
        )._repr_html_()

    def _how_to_answer(self) -> str:
        return f"\n\nWhen you are ready: `{self.call}.check(...)`."

    # -- checking --------------------------------------------------------------------------

    def check(self, answer: Any = _MISSING) -> Feedback:
        """Check an answer and return the feedback (which shows itself in a notebook).

        Never raises: odd answers give "incorrect" or "not attempted" with an explanation, and a
        failure in the exercise's own code gives a short "something went wrong on our side".
        """
        try:
            feedback = self._check(answer)
        except _Verdict as verdict:
            feedback = self._feedback(verdict.status, verdict.message, verdict.detail)
        except _AuthorError as error:
            feedback = self._trouble(str(error))
        except Exception as error:  # noqa: BLE001 - a learner must never see a traceback
            feedback = self._feedback(
                INCORRECT,
                "I could not make sense of this answer. Compare it with what the question asks "
                "for, or ask your trainer.",
                f"{type(error).__name__}: {error}",
            )
        self.last_status = feedback.status
        return feedback

    def _check(self, answer: Any) -> Feedback:  # pragma: no cover - every kind overrides it
        raise NotImplementedError

    def _feedback(self, status: str, message: str, detail: str = "") -> Feedback:
        if status == INCORRECT and self.hints and self._hints_shown < len(self.hints):
            message += f"\n\nStuck? `{self.call}.hint()` gives a hint."
        return Feedback(self.name, status, message, detail)

    def _correct(self, message: str) -> Feedback:
        if self.why:
            message = f"{message}\n\n**Why it matters:** {self.why}" if message else self.why
        return Feedback(self.name, CORRECT, message or "Well done.")

    def _trouble(self, detail: str) -> Feedback:
        return Feedback(
            self.name,
            NOT_ATTEMPTED,
            "This is not about your answer: the exercise itself could not run its check. "
            "Please tell your trainer (the small print below helps them).",
            detail,
            trouble=True,
        )

    def _author(self, function: Callable[..., Any], *args: Any) -> Any:
        """Call the question author's code; turn its failure into an "our side" message."""
        try:
            return function(*args)
        except Exception as error:  # noqa: BLE001
            where = getattr(function, "__name__", "the exercise code")
            raise _AuthorError(
                f"{self.name or 'question'}: {where} raised {type(error).__name__}: {error}"
            ) from error

    # -- hints and solution ----------------------------------------------------------------

    def hint(self, number: int | None = None) -> Note:
        """Show a hint: the next one, or hint ``number`` (counting from 1)."""
        if not self.hints:
            return Note(
                "hint",
                "No hints for this question",
                f"There are no hints here; `{self.call}.solution()` shows a worked answer.",
                self.name,
            )
        if number is None:
            index = self._hints_shown
        else:
            try:
                index = int(number) - 1
            except (TypeError, ValueError):
                index = -1
            if not 0 <= index < len(self.hints):
                return Note(
                    "hint",
                    "No such hint",
                    f"There are {len(self.hints)} hints: try `{self.call}.hint(1)` up to "
                    f"`{self.call}.hint({len(self.hints)})`.",
                    self.name,
                )
        if index >= len(self.hints):
            return Note(
                "hint",
                "No more hints",
                f"That was the last hint. `{self.call}.solution()` (or the **Show "
                "solution** button) shows a worked answer.",
                self.name,
            )
        self._hints_shown = max(self._hints_shown, index + 1)
        return Note("hint", f"Hint {index + 1} of {len(self.hints)}", self.hints[index], self.name)

    @property
    def hints_left(self) -> int:
        """How many hints have not been shown yet."""
        return max(0, len(self.hints) - self._hints_shown)

    def solution(self) -> Note:
        """Show the worked answer."""
        text = self.solution_text or self._default_solution()
        if _looks_like_code(text):
            text = f"```python\n{text.strip()}\n```"
        return Note("solution", "Solution", text, self.name)

    def _default_solution(self) -> str:
        return "There is no written solution for this one: ask your trainer."

    def reset(self) -> None:
        """Forget hints shown, the last status and anything recorded (a fresh start)."""
        self.last_status = None
        self._hints_shown = 0

    # -- testing ---------------------------------------------------------------------------

    def examples(self) -> tuple[Any, list[Any]]:
        """A right answer and at least two wrong ones, for automatic tests of the course."""
        raise NotImplementedError  # pragma: no cover - every kind overrides it

    def verify(self, simulator: Any = None) -> list[str]:
        """Run :meth:`examples` through :meth:`check`; return a list of problems (empty = fine).

        Works on a copy, so a learner's hints, prediction and progress are left alone.
        """
        probe = copy.copy(self)
        label = self.name or self.prompt[:40]
        problems: list[str] = []
        try:
            right, wrongs = probe.examples()
        except Exception as error:  # noqa: BLE001
            return [f"{label}: examples() failed: {type(error).__name__}: {error}"]
        if len(wrongs) < 2:
            problems.append(f"{label}: examples() gives fewer than two wrong answers")
        result = probe._check_example(right, simulator)
        if result.status != CORRECT:
            problems.append(f"{label}: the right answer gives {result.status!r}: {result}")
        for wrong in wrongs:
            result = probe._check_example(wrong, simulator)
            if result.status == CORRECT or result.trouble:
                problems.append(f"{label}: the wrong answer {wrong!r} gives {result.status!r}")
        return problems

    def _check_example(self, example: Any, simulator: Any) -> Feedback:
        return self.check(example)

    # -- buttons ---------------------------------------------------------------------------

    def _answer_widgets(self) -> tuple[list[Any], Callable[[], Feedback]]:
        """Widgets shown above the buttons, and what the Check button does."""
        return [], self.check

    def buttons(self) -> Any:
        """An ipywidgets box: Check my answer, Hint (next each click), Show solution.

        "Show solution" asks for a second, confirming click, since hints come first. The box
        has attributes ``check_button``, ``hint_button``, ``solution_button`` and ``output``.
        """
        import ipywidgets as widgets

        output = widgets.Output()
        big = {"font_size": "18px"}

        def layout() -> Any:
            return widgets.Layout(
                width="auto", height="auto", padding="4px 14px", margin="4px 8px 4px 0"
            )

        check_button = widgets.Button(
            description="Check my answer",
            icon="check",
            button_style="primary",
            style=big,
            layout=layout(),
        )
        hint_button = widgets.Button(
            description="Hint", icon="lightbulb-o", style=big, layout=layout()
        )
        solution_button = widgets.Button(
            description="Show solution", icon="book", style=big, layout=layout()
        )
        inputs, run_check = self._answer_widgets()
        armed = {"solution": False}

        def safely(action: Callable[[], Any]) -> None:
            try:
                _set_output(output, action())
            except Exception as error:  # noqa: BLE001 - never a traceback for a click
                _set_output(output, self._trouble(f"{type(error).__name__}: {error}"))

        def on_check(_: Any) -> None:
            safely(run_check)

        def on_hint(_: Any) -> None:
            safely(self.hint)
            hint_button.description = "Next hint" if self.hints_left else "Hint"

        def on_solution(_: Any) -> None:
            if not armed["solution"]:
                armed["solution"] = True
                solution_button.description = "Yes, show the solution"
                safely(
                    lambda: Note(
                        "info",
                        "Sure?",
                        "Hints come first: they lead you there step by step. "
                        "Click **Yes, show the solution** if you still want to see it.",
                        self.name,
                    )
                )
            else:
                armed["solution"] = False
                solution_button.description = "Show solution"
                safely(self.solution)

        check_button.on_click(on_check)
        hint_button.on_click(on_hint)
        solution_button.on_click(on_solution)
        row = widgets.HBox(
            [check_button, hint_button, solution_button],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        box = widgets.VBox([*inputs, row, output])
        box.check_button = check_button
        box.hint_button = hint_button
        box.solution_button = solution_button
        box.output = output
        box.inputs = inputs
        return box


class ValueQuestion(Question):
    """A number (or a small pandas Series/DataFrame, or a short text) computed from the data.

    ``answer`` is a zero-argument callable giving the expected answer (evaluated on the first
    check and cached) or the value itself. ``variable`` names the notebook variable holding the
    learner's answer, so ``check()`` needs no argument. ``tolerance`` is absolute and
    ``rel_tolerance`` relative: an answer counts when it is within either. ``is_share`` marks a
    share between 0 and 1 (mix-ups with percentages get a tailored message); ``non_negative``
    says the answer cannot be below zero. For tables, ``ignore_row_order`` accepts the right
    rows in any order.

    Example::

        q1 = ValueQuestion(
            "What share of the town's customers came back within a month?",
            answer=lambda: (visits.groupby("customer").size() > 1).mean(),
            variable="share_returned", is_share=True, tolerance=0.005,
            hints=["Count the customers who came back ...", "..."],
            solution="share_returned = ...",
            why="One in three coming back means ...")
    """

    kind = "value"

    def __init__(
        self,
        prompt: str,
        *,
        answer: Any,
        variable: str | None = None,
        tolerance: float = 1e-6,
        rel_tolerance: float = 1e-6,
        is_share: bool = False,
        non_negative: bool = False,
        ignore_row_order: bool = False,
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        super().__init__(prompt, hints=hints, solution=solution, why=why, name=name)
        self._answer = answer
        self.variable = variable
        self.tolerance = float(tolerance)
        self.rel_tolerance = float(rel_tolerance)
        self.is_share = is_share
        self.non_negative = non_negative or is_share
        self.ignore_row_order = ignore_row_order
        self._cache: Any = _MISSING

    def _how_to_answer(self) -> str:
        if self.variable:
            return (
                f"\n\nPut your answer in `{self.variable}`, run that cell, then "
                f"`{self.call}.check()`."
            )
        return super()._how_to_answer()

    def expected(self) -> Any:
        """The right answer (computed once, then cached). Raises if the author's code fails."""
        if self._cache is _MISSING:
            value = self._answer() if callable(self._answer) else self._answer
            if isinstance(value, np.generic):
                value = value.item()
            self._cache = value
        return self._cache

    def _expected(self) -> Any:
        try:
            return self.expected()
        except Exception as error:  # noqa: BLE001
            raise _AuthorError(
                f"{self.name or 'question'}: the answer function raised "
                f"{type(error).__name__}: {error}"
            ) from error

    def _lookup(self) -> Any:
        """The learner's answer from the notebook variable (or a "not attempted" verdict)."""
        if not self.variable:
            raise _Verdict(
                NOT_ATTEMPTED, f"Give me your answer in the brackets: `{self.call}.check(...)`."
            )
        namespace = _user_namespace()
        if namespace is None or self.variable not in namespace:
            raise _Verdict(
                NOT_ATTEMPTED,
                f"I cannot find `{self.variable}` yet. Fill in `{self.variable} = ...` in the "
                "cell above, run that cell (Shift+Enter), then check again.",
            )
        return namespace[self.variable]

    def _check(self, answer: Any) -> Feedback:
        if answer is _MISSING:
            answer = self._lookup()
        if answer is None:
            where = f"`{self.variable}`" if self.variable else "Your answer"
            raise _Verdict(
                NOT_ATTEMPTED,
                f"{where} holds nothing yet (`None`): put your answer in it, run the cell, then "
                "check again.",
            )
        if _is_blank(answer):
            where = f"`{self.variable} = ____`" if self.variable else "the brackets"
            raise _Verdict(
                NOT_ATTEMPTED,
                f"The blank `____` in {where} is still there: replace it with your answer, run "
                "the cell, then check again.",
            )
        expected = self._expected()
        if isinstance(expected, pd.Series | pd.DataFrame):
            return self._check_table(expected, answer)
        if isinstance(expected, str):
            return self._check_text(expected, answer)
        if isinstance(expected, bool):
            return self._check_yes_no(expected, answer)
        return self._check_number(float(expected), answer)

    # -- numbers ---------------------------------------------------------------------------

    def _close(self, value: float, expected: float) -> bool:
        return abs(value - expected) <= max(self.tolerance, self.rel_tolerance * abs(expected))

    def _check_number(self, expected: float, answer: Any) -> Feedback:
        value = _as_number(answer)
        if self._close(value, expected):
            return self._correct(f"Yes: {_fmt(value)}.")
        raise _not_yet(self._diagnose(value, expected))

    def _diagnose(self, value: float, expected: float) -> str:
        """What looks wrong about a number, without giving the expected value away."""
        shown = _fmt(value)
        if self.is_share and value < 0:
            return f"A share cannot be negative; your answer is {shown}."
        if self.is_share and value > 1:
            if self._close(value / 100, expected):
                return (
                    f"This is a share between 0 and 1, your answer is {shown}: did you mean "
                    f"{_fmt(value / 100)}?"
                )
            text = (
                f"A share is a number between 0 and 1 (0.25 means a quarter); your answer is "
                f"{shown}, which is more than 1."
            )
            if value <= 100:
                text += " If it is a percentage, divide it by 100."
            return text
        if self.non_negative and value < 0:
            return f"This number cannot be negative; your answer is {shown}."
        if expected != 0 and self._close(-value, expected):
            return (
                f"Your answer is {shown}: the size looks right, but the sign is the wrong "
                "way round."
            )
        if expected != 0 and self._close(value / 100, expected):
            return (
                f"Your answer is {shown}: that is 100 times too big. A percentage where a "
                "share (between 0 and 1) is asked for?"
            )
        if expected != 0 and self._close(value * 100, expected):
            return (
                f"Your answer is {shown}: that is 100 times too small. A share where a "
                "percentage is asked for?"
            )
        near = max(10 * self.tolerance, 0.02 * abs(expected))
        if abs(value - expected) <= near:
            return (
                f"Your answer is {shown}: close, but not quite. Did you round too early, or "
                "leave out a few rows?"
            )
        return f"Your answer is {shown}; that is not what I get. Check your steps and try again."

    # -- yes/no ----------------------------------------------------------------------------

    def _check_yes_no(self, expected: bool, answer: Any) -> Feedback:
        if isinstance(answer, str) and answer.strip().casefold() in {"true", "false", "yes", "no"}:
            raise _not_yet(
                "Write `True` or `False` without quotation marks (a yes/no value, not text)."
            )
        if not isinstance(answer, bool | np.bool_):
            raise _not_yet(f"You need `True` or `False`; this is {_kind_of(answer)}.")
        if bool(answer) == expected:
            return self._correct(f"Yes: `{bool(answer)}`.")
        raise _not_yet(f"`{bool(answer)}` is not the right answer here.")

    # -- text ------------------------------------------------------------------------------

    def _check_text(self, expected: str, answer: Any) -> Feedback:
        if not isinstance(answer, str):
            raise _not_yet(f"You need text (in quotation marks); this is {_kind_of(answer)}.")

        def norm(text: str) -> str:
            return " ".join(text.split()).casefold()

        if norm(answer) == norm(expected):
            return self._correct(f"Yes: “{answer.strip()}”.")
        raise _not_yet(f"“{answer.strip()[:60]}” is not the answer I expect.")

    # -- tables ----------------------------------------------------------------------------

    def _check_table(self, expected: pd.Series | pd.DataFrame, answer: Any) -> Feedback:
        is_series = isinstance(expected, pd.Series)
        if is_series:
            if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
                answer = answer.iloc[:, 0]
            if not isinstance(answer, pd.Series):
                raise _not_yet(
                    f"I expected a column of values (a pandas Series, as pandas gives it); this "
                    f"is {_kind_of(answer)}."
                )
            exp_frame, ans_frame = expected.to_frame("values"), answer.to_frame("values")
        else:
            if isinstance(answer, pd.Series) and expected.shape[1] == 1:
                answer = answer.to_frame(expected.columns[0])
            if not isinstance(answer, pd.DataFrame):
                columns = ", ".join(f"`{c}`" for c in expected.columns)
                raise _not_yet(
                    f"I expected a table (a DataFrame) with the columns {columns}; this is "
                    f"{_kind_of(answer)}."
                )
            exp_frame, ans_frame = expected, answer
        problems = self._compare(exp_frame, ans_frame, is_series)
        if not problems:
            return self._correct("Yes: every value matches.")
        raise _not_yet(" ".join(problems))

    def _compare(self, exp: pd.DataFrame, ans: pd.DataFrame, is_series: bool) -> list[str]:
        thing = "column" if is_series else "table"
        if not is_series:
            wanted = list(exp.columns)
            missing = [c for c in wanted if c not in set(ans.columns)]
            extra = [c for c in ans.columns if c not in set(wanted)]
            problems = []
            if missing:
                problems.append(
                    "Missing column"
                    + ("s" if len(missing) > 1 else "")
                    + ": "
                    + ", ".join(f"`{c}`" for c in missing)
                    + "."
                )
            moved = [c for c in extra if c in exp.index.names and c is not None]
            if moved:
                return [
                    f"`{moved[0]}` should label the rows, not be a column: was "
                    "`reset_index()` or `as_index=False` used?"
                ]
            if extra:
                problems.append(
                    "Column"
                    + ("s" if len(extra) > 1 else "")
                    + " I did not expect: "
                    + ", ".join(f"`{c}`" for c in extra)
                    + "."
                )
            if problems:
                return problems
            if ans.columns.duplicated().any():
                return ["A column appears twice in your table."]
            ans = ans.loc[:, wanted]
        if len(ans) != len(exp):
            return [f"Wrong shape: your {thing} has {len(ans)} rows; I expected {len(exp)}."]
        if not ans.index.equals(exp.index):
            problem = self._index_problem(exp.index, ans.index, thing)
            if problem:
                return [problem]
            ans = ans.loc[exp.index]
        bad = []
        for position, column in enumerate(exp.columns):
            problem = self._column_problem(exp.iloc[:, position], ans.iloc[:, position])
            if problem:
                bad.append(problem if is_series else f"in column `{column}`: {problem}")
        if bad:
            return (
                ["Wrong values " + "; ".join(bad) + "."]
                if not is_series
                else [f"Wrong values: {bad[0]}."]
            )
        return []

    def _index_problem(self, exp: pd.Index, ans: pd.Index, thing: str) -> str | None:
        """Why the row labels differ, or None when only the order differs and that is allowed."""
        try:
            same_rows = exp.sort_values().equals(ans.sort_values()) and exp.is_unique
        except TypeError:
            same_rows = False
        if same_rows:
            if self.ignore_row_order:
                return None
            return (
                f"The rows of your {thing} are right but in a different order: "
                "check how they are sorted."
            )
        if [str(x) for x in exp] == [str(x) for x in ans]:
            return "The row labels look right but are of a different type (text versus numbers)."
        if isinstance(ans, pd.RangeIndex) and not isinstance(exp, pd.RangeIndex):
            label = f"`{exp.name}`" if exp.name else "the groups"
            return (
                f"Your rows are numbered 0, 1, 2, … but should be labelled by {label}: "
                "was `reset_index()` or `as_index=False` used?"
            )
        if isinstance(exp, pd.RangeIndex) and not isinstance(ans, pd.RangeIndex):
            return (
                "Your rows carry labels; I expected them numbered 0, 1, 2, … "
                "(`.reset_index()` does that)."
            )
        surprise = next((x for x in ans if x not in set(exp)), None)
        if surprise is not None:
            return (
                f"The row labels of your {thing} differ from what I expect (for example, I "
                f"did not expect a row `{surprise}`)."
            )
        return f"The row labels of your {thing} differ from what I expect."

    def _column_problem(self, exp: pd.Series, ans: pd.Series) -> str | None:
        exp_numeric = pd.api.types.is_numeric_dtype(exp) or pd.api.types.is_bool_dtype(exp)
        if exp_numeric:
            if not (pd.api.types.is_numeric_dtype(ans) or pd.api.types.is_bool_dtype(ans)):
                return "it holds text or other values; I expected numbers"
            e = exp.to_numpy(dtype=float, na_value=np.nan)
            a = ans.to_numpy(dtype=float, na_value=np.nan)
            ok = np.isclose(a, e, rtol=self.rel_tolerance, atol=self.tolerance, equal_nan=True)
            wrong = int((~ok).sum())
        else:
            e_obj = exp.to_numpy(dtype=object)
            a_obj = ans.to_numpy(dtype=object)
            wrong = sum(1 for x, y in zip(e_obj, a_obj, strict=True) if not _cell_equal(x, y))
        if wrong:
            return f"{wrong} of {len(exp)} rows differ"
        return None

    # -- testing ---------------------------------------------------------------------------

    def examples(self) -> tuple[Any, list[Any]]:
        """The true answer, and wrong ones: scaled, sign-flipped or reshaped versions of it."""
        right = self.expected()
        if isinstance(right, pd.DataFrame):
            return right.copy(), _wrong_frames(right)
        if isinstance(right, pd.Series):
            wrongs = [_changed(right)]
            if len(right) > 1:
                wrongs.append(right.iloc[:-1].copy())
            wrongs.append(pd.concat([right, right], axis=1))  # a table, not a column
            return right.copy(), wrongs
        if isinstance(right, str):
            return right, [right + " not", "something else entirely"]
        if isinstance(right, bool):
            return right, [not right, str(right)]
        value = float(right)
        candidates = [value * 1.5 + 1, -value - 1, value + 10 * self.tolerance + 1, value * 2 + 3]
        if self.is_share:
            candidates.insert(0, value * 100)
        wrongs = [c for c in candidates if not self._close(c, value)]
        return right, wrongs[:3]


def _cell_equal(x: Any, y: Any) -> bool:
    """Equality of two table cells, with two missing values counting as equal."""
    try:
        if pd.isna(x) and pd.isna(y):
            return True
    except (TypeError, ValueError):  # list-like cells: pd.isna gives an array
        pass
    try:
        return bool(x == y)
    except Exception:  # noqa: BLE001 - odd values simply do not match
        return False


def _changed(column: pd.Series) -> pd.Series:
    """A column with every value changed: numbers scaled and shifted, other values marked."""
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        return column * 1.5 + 1
    return column.astype(str) + " (changed)"


def _wrong_frames(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """Wrong versions of a table: changed numbers, a row short, an extra column."""
    wrongs = []
    if len(frame.columns):
        changed = frame.copy()
        changed[changed.columns[0]] = _changed(changed.iloc[:, 0]).to_numpy()
        wrongs.append(changed)
    if len(frame) > 1:
        wrongs.append(frame.iloc[:-1].copy())
    extra = frame.copy()
    extra["extra column"] = 0
    wrongs.append(extra)
    return wrongs


class ChoiceQuestion(Question):
    """Multiple choice: options a, b, c, …, one or more correct letters.

    ``options`` is a list of texts (lettered a, b, c, … in order) or a dict letter -> text.
    ``correct`` is a letter, or a list of letters when several options fit. ``explanations``
    maps a wrong letter to a sentence about the misconception behind it (not the answer).
    The learner answers with a letter (any case, spaces allowed), with the option's text, or
    with several letters ("a, c") when several fit.

    Example::

        q2 = ChoiceQuestion(
            "A customer scores you 4 out of 5. How likely is she to come back?",
            options=["Very likely: 4 is good", "Less likely than you think", "It cannot be said"],
            correct="b",
            explanations={"a": "Satisfied is not the same as loyal: ..."},
            why="Only the delighted come back reliably (Jones & Sasser 1995).")
    """

    kind = "multiple choice"

    def __init__(
        self,
        prompt: str,
        *,
        options: Sequence[str] | Mapping[str, str],
        correct: str | Sequence[str],
        explanations: Mapping[str, str] | None = None,
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        super().__init__(prompt, hints=hints, solution=solution, why=why, name=name)
        if isinstance(options, Mapping):
            self.options = {str(k).strip().lower(): str(v) for k, v in options.items()}
        else:
            if len(options) > len(ascii_lowercase):
                raise ValueError("too many options")
            self.options = {ascii_lowercase[i]: str(text) for i, text in enumerate(options)}
        if len(self.options) < 2:
            raise ValueError("a multiple-choice question needs at least two options")
        try:
            self.correct = self._parse(correct)
        except _Verdict as verdict:
            raise ValueError(f"correct={correct!r} does not name an option: {verdict}") from None
        self.multiple = len(self.correct) > 1
        self.explanations = {
            str(k).strip().lower(): str(v) for k, v in (explanations or {}).items()
        }
        unknown = set(self.explanations) - set(self.options)
        if unknown:
            raise ValueError(f"explanations for options that do not exist: {sorted(unknown)}")

    def _repr_html_(self) -> str:
        listing = "\n".join(f"- **{k})** {v}" for k, v in self.options.items())
        body = f"{self.prompt}\n\n{listing}{self._how_to_answer()}"
        return Note("info", f"Question {self.name}".strip(), body, self.kind)._repr_html_()

    def _how_to_answer(self) -> str:
        example = '"a, c"' if self.multiple else '"a"'
        return f"\n\nAnswer with the letter: `{self.call}.check({example})`."

    def _letters(self) -> str:
        return ", ".join(self.options)

    def _parse(self, answer: Any) -> frozenset[str]:
        """The letters an answer picks; a verdict for anything that cannot be matched."""
        if isinstance(answer, list | tuple | set | frozenset):
            picked: set[str] = set()
            for item in answer:
                picked |= self._parse(item)
            if not picked:
                raise _Verdict(NOT_ATTEMPTED, f"Pick an option: {self._letters()}.")
            return frozenset(picked)
        if not isinstance(answer, str):
            raise _not_yet(
                f"Answer with the letter of an option ({self._letters()}) in quotation marks, "
                f'for example `{self.call}.check("a")`; this is {_kind_of(answer)}.'
            )
        text = " ".join(answer.split()).casefold()
        bare = text.strip("()[]. ")
        if bare in self.options:
            return frozenset({bare})
        for letter, option in self.options.items():
            option_text = " ".join(option.split()).casefold()
            if text.rstrip(".") == option_text.rstrip("."):
                return frozenset({letter})
            match = re.fullmatch(r"\(?([a-z])[).:]\s*(.*)", text)
            if match and match.group(1) == letter and match.group(2) == option_text:
                return frozenset({letter})
        tokens = [t for t in re.split(r"[\s,;/&+]+|\band\b", bare) if t]
        tokens = [t.strip("()[].") for t in tokens]
        if tokens and all(t in self.options for t in tokens):
            return frozenset(tokens)
        if (
            bare.isalpha()
            and len(bare) <= len(self.options)
            and all(c in self.options for c in bare)
        ):
            return frozenset(bare)
        shown = answer if len(answer) <= 40 else answer[:37] + "..."
        raise _not_yet(
            f"I cannot match “{shown}” to an option. Use one of the letters {self._letters()}, "
            f'for example `{self.call}.check("a")`.'
        )

    def _check(self, answer: Any) -> Feedback:
        if answer is _MISSING or _is_blank(answer):
            raise _Verdict(
                NOT_ATTEMPTED,
                f'Pick an option first: `{self.call}.check("a")` with the letter of '
                "your choice, or use the buttons.",
            )
        picked = self._parse(answer)
        if picked == self.correct:
            chosen = ", ".join(f"**{k})**" for k in sorted(picked))
            return self._correct(f"Yes: {chosen}.")
        if not self.multiple and len(picked) > 1:
            raise _not_yet("Pick just one option: only one fits best.")
        wrong = sorted(picked - self.correct)
        explained = [f"**{k})** {self.explanations[k]}" for k in wrong if k in self.explanations]
        if self.multiple:
            parts = []
            if not wrong:
                parts.append("Everything you picked fits, but another option fits too.")
            else:
                parts.append(
                    "Not all of your picks fit."
                    if picked & self.correct
                    else "None of your picks fit."
                )
            parts.extend(explained)
            raise _not_yet("\n\n".join(parts))
        letter = wrong[0]
        if explained:
            raise _not_yet(f"Not **{letter})**. {self.explanations[letter]}")
        raise _not_yet(
            f"Not **{letter})**. Read the options again and think about which one "
            "the course material supports."
        )

    def _default_solution(self) -> str:
        chosen = "\n".join(f"- **{k})** {self.options[k]}" for k in sorted(self.correct))
        text = f"The answer:\n\n{chosen}"
        return f"{text}\n\n{self.why}" if self.why else text

    def examples(self) -> tuple[Any, list[Any]]:
        """The correct letter(s); wrong: every other option (and other wrong combinations)."""
        right: Any = sorted(self.correct) if self.multiple else next(iter(self.correct))
        others = [k for k in self.options if k not in self.correct]
        wrongs: list[Any] = list(others)
        if self.multiple:
            wrongs.append(sorted(self.correct)[:-1])
            wrongs.append(list(self.options))
        if len(wrongs) < 2:
            wrongs.append(self.options[others[0]].upper())
        return right, wrongs

    def _answer_widgets(self) -> tuple[list[Any], Callable[[], Feedback]]:
        import ipywidgets as widgets

        if self.multiple:
            boxes = [
                widgets.Checkbox(
                    value=False,
                    description=f"{k}) {v}",
                    indent=False,
                    layout=widgets.Layout(width="auto"),
                )
                for k, v in self.options.items()
            ]

            def run() -> Feedback:
                chosen = [k for k, box in zip(self.options, boxes, strict=True) if box.value]
                return self.check(chosen or None)

            return boxes, run
        radio = widgets.RadioButtons(
            options=[(f"{k}) {v}", k) for k, v in self.options.items()],
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        return [radio], lambda: self.check(radio.value)


class PredictQuestion(Question):
    """Predict, then run: the learner records a guess, then sees what the model says.

    ``truth`` is a zero-argument callable (the simulator or model) giving a number. A guess
    within ``tolerance`` (absolute, in the same units) counts as correct; otherwise the feedback
    is "not yet", and here it does show the true value, since the guess is already locked in.
    With ``is_share=True`` the value is a share shown as a percentage, and a guess may be given
    either way (0.4 or 40 both mean 40 %). ``unit`` labels other numbers ("minutes").

    Example::

        q3 = PredictQuestion(
            "If the wait doubles, what share of customers will come back?",
            truth=lambda: town.simulate(wait=20).share_returned,
            tolerance=0.10, is_share=True,
            why="Waiting hurts more than you expect: ...")

        ex.q3.predict(40)   # "Your prediction is recorded: 40 %. Now run the simulator cell."
        ex.q3.check()       # "You predicted 40 %; the simulator says 62 %: 22 points off."
    """

    kind = "predict then run"

    def __init__(
        self,
        prompt: str,
        *,
        truth: Callable[[], Any],
        tolerance: float,
        is_share: bool = False,
        unit: str = "",
        after_predict: str = "Now run the simulator cell, then check your guess.",
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        super().__init__(prompt, hints=hints, solution=solution, why=why, name=name)
        self._truth = truth
        self.tolerance = float(tolerance)
        self.is_share = is_share
        self.unit = unit
        self.after_predict = after_predict
        #: The recorded guess (shares as a share, 0 to 1), or None.
        self.prediction: float | None = None

    def _how_to_answer(self) -> str:
        example = "40" if self.is_share else "..."
        return (
            f"\n\nFirst record your guess: `{self.call}.predict({example})`. "
            f"Then run the simulator and `{self.call}.check()`."
        )

    def _show(self, value: float) -> str:
        return _show(value, is_share=self.is_share, unit=self.unit)

    def _read_guess(self, value: Any) -> float:
        number = _as_number(value)
        if self.is_share and 1 < number <= 100:
            number /= 100
        if self.is_share and not 0 <= number <= 1:
            raise _not_yet(
                f"A share goes from 0 % to 100 %; {_fmt(number)} is outside. Give your guess "
                "as a percentage (40) or a share (0.4)."
            )
        return number

    def predict(self, value: Any = _MISSING) -> Note | Feedback:
        """Record the learner's guess (a later call replaces it) and show it back."""
        if value is _MISSING or _is_blank(value):
            return Feedback(
                self.name,
                NOT_ATTEMPTED,
                f"Put your guess in the brackets: `{self.call}.predict(...)`.",
            )
        try:
            guess = self._read_guess(value)
        except _Verdict as verdict:
            return Feedback(self.name, verdict.status, verdict.message)
        return self._record(guess)

    def _record(self, guess: float) -> Note:
        self.prediction = guess
        return Note(
            "prediction",
            "Prediction recorded",
            f"Your prediction is recorded: {self._show(guess)}. {self.after_predict}",
            self.name,
        )

    def _check(self, answer: Any) -> Feedback:
        if answer is not _MISSING:
            if _is_blank(answer):
                raise _Verdict(
                    NOT_ATTEMPTED, "Make your prediction first: put your guess in the brackets."
                )
            self.prediction = self._read_guess(answer)
        if self.prediction is None:
            raise _Verdict(
                NOT_ATTEMPTED,
                f"Make your prediction first: `{self.call}.predict(...)`, "
                "then run the simulator and check.",
            )
        truth = _as_author_number(self, self._author(self._truth), "the simulator")
        guess = self.prediction
        off = abs(guess - truth)
        off_text = (
            f"{_fmt(round(off * 100, 1))} percentage points" if self.is_share else self._show(off)
        )
        tolerance = (
            f"{_fmt(round(self.tolerance * 100, 1))} points"
            if self.is_share
            else self._show(self.tolerance)
        )
        said = f"You predicted {self._show(guess)}; the simulator says {self._show(truth)}."
        if off <= self.tolerance:
            return self._correct(f"{said} Only {off_text} off: a good guess (within {tolerance}).")
        direction = "high" if guess > truth else "low"
        message = (
            f"{said} That is {off_text} too {direction} (a good guess is within "
            f"{tolerance}). Surprised? That is the point of predicting first."
        )
        if self.why:
            message += f"\n\n**Why it matters:** {self.why}"
        raise _not_yet(message)

    def reset(self) -> None:
        super().reset()
        self.prediction = None

    def examples(self) -> tuple[Any, list[Any]]:
        """The true value as the right guess; two guesses well outside the tolerance."""
        truth = _as_author_number(self, self._truth(), "the simulator")
        step = max(3 * self.tolerance, 0.3 if self.is_share else abs(truth) * 0.5 + 1)
        if self.is_share:
            lower, upper = truth - step, truth + step
            far = [
                v
                for v in (lower, upper, 0.0, 1.0)
                if 0 <= v <= 1 and abs(v - truth) > self.tolerance
            ]
            return truth, far[:2]
        return truth, [truth + step, truth - step]

    def _answer_widgets(self) -> tuple[list[Any], Callable[[], Feedback]]:
        import ipywidgets as widgets

        label = (
            "My guess (%)"
            if self.is_share
            else (f"My guess ({self.unit})" if self.unit else "My guess")
        )
        guess = widgets.FloatText(
            value=0.0,
            description=label,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        record = widgets.Button(
            description="Record my prediction",
            icon="thumb-tack",
            style={"font_size": "18px"},
            layout=widgets.Layout(width="auto", padding="4px 14px"),
        )
        note = widgets.Output()

        def on_record(_: Any) -> None:
            try:
                value = guess.value / 100 if self.is_share else guess.value
                _set_output(note, self._record(self._read_guess(value)))
            except _Verdict as verdict:
                _set_output(note, Feedback(self.name, verdict.status, verdict.message))
            except Exception as error:  # noqa: BLE001
                _set_output(note, self._trouble(f"{type(error).__name__}: {error}"))

        record.on_click(on_record)
        record.layout.margin = "0 0 0 8px"
        row = widgets.HBox([guess, record])
        box = widgets.VBox([row, note])
        box.guess = guess
        box.record_button = record
        box.output = note
        return [box], self.check


def _as_author_number(question: Question, value: Any, source: str) -> float:
    """A number coming from the exercise's own code; anything else is an "our side" problem."""
    try:
        return _as_number(value)
    except _Verdict as verdict:
        raise _AuthorError(
            f"{question.name or 'question'}: {source} gave {value!r}: {verdict.message}"
        ) from None


class TargetQuestion(Question):
    """Target practice: set the simulator's sliders so that a goal is reached, then check.

    ``measure(sim)`` gives the achieved value, or ``(value, details)`` with a sentence of
    details. The goal is ``at_least=…``, ``at_most=…`` or both (a range). ``constraints`` is a
    list of ``(rule, message)`` pairs: ``rule(values)`` gets the sliders as a dict and returns
    True when the rule is kept; otherwise the message is shown. ``simulator`` is the name of
    the notebook variable holding the simulator, used when ``check()`` gets none. The simulator
    is anything with ``values() -> dict[str, float]`` (and ``set_values(**kw)`` for tests).

    ``right_settings`` and ``wrong_settings`` (at least two) are slider values, as dicts, that
    do and do not reach the target: the course's tests apply them with ``set_values``.

    Example::

        q6 = TargetQuestion(
            "Set the sliders so that at least 70 % of customers come back.",
            measure=lambda sim: sim.result().share_returned,
            at_least=0.70, is_share=True, label="come back",
            constraints=[(lambda v: v["wait"] >= 10, "Keep the wait at 10 minutes or more.")],
            simulator="sim",
            right_settings={"wait": 10, "courtesy": 5},
            wrong_settings=[{"wait": 10, "courtesy": 1}, {"wait": 2, "courtesy": 5}])
    """

    kind = "target"

    def __init__(
        self,
        prompt: str,
        *,
        measure: Callable[[Any], Any],
        right_settings: Mapping[str, float],
        wrong_settings: Sequence[Mapping[str, float]],
        at_least: float | None = None,
        at_most: float | None = None,
        constraints: Sequence[tuple[Callable[[dict[str, float]], bool], str]] = (),
        simulator: str = "sim",
        is_share: bool = False,
        unit: str = "",
        label: str = "",
        hints: Sequence[str] = (),
        solution: str = "",
        why: str = "",
        name: str = "",
    ) -> None:
        super().__init__(prompt, hints=hints, solution=solution, why=why, name=name)
        if at_least is None and at_most is None:
            raise ValueError("give a goal: at_least=..., at_most=... or both")
        if len(wrong_settings) < 2:
            raise ValueError("give at least two wrong_settings (for the course's tests)")
        self._measure = measure
        self.at_least = at_least
        self.at_most = at_most
        self.constraints = list(constraints)
        self.simulator = simulator
        self.is_share = is_share
        self.unit = unit
        self.label = label
        self.right_settings = dict(right_settings)
        self.wrong_settings = [dict(s) for s in wrong_settings]

    def _how_to_answer(self) -> str:
        return (
            f"\n\nMove the sliders, then `{self.call}.check()` (it reads the simulator "
            f"`{self.simulator}`)."
        )

    def _show(self, value: float) -> str:
        return _show(value, is_share=self.is_share, unit=self.unit)

    def goal_text(self) -> str:
        """The goal in words: "at least 70 %", "between 60 % and 80 %"…"""
        if self.at_least is not None and self.at_most is not None:
            return f"between {self._show(self.at_least)} and {self._show(self.at_most)}"
        if self.at_least is not None:
            return f"at least {self._show(self.at_least)}"
        return f"at most {self._show(self.at_most)}"  # type: ignore[arg-type]

    def check(self, sim: Any = _MISSING) -> Feedback:
        """Check the simulator's current state (``sim``, or the notebook's simulator variable)."""
        return super().check(sim)

    def _find_simulator(self, sim: Any) -> Any:
        if sim is _MISSING or sim is None:
            namespace = _user_namespace()
            if namespace is None or self.simulator not in namespace:
                raise _Verdict(
                    NOT_ATTEMPTED,
                    f"I cannot find the simulator `{self.simulator}` yet: run the cell that "
                    f"creates it, move the sliders, then check again.",
                )
            sim = namespace[self.simulator]
        if _is_blank(sim):
            raise _Verdict(
                NOT_ATTEMPTED,
                f"Put the simulator in the brackets: `{self.call}.check({self.simulator})`.",
            )
        if isinstance(sim, Mapping) or not callable(getattr(sim, "values", None)):
            raise _not_yet(
                f"I need the simulator (like `{self.simulator}`), the one with the sliders; "
                f"this is {_kind_of(sim)}."
            )
        return sim

    def _check(self, answer: Any) -> Feedback:
        sim = self._find_simulator(answer)
        values = self._author(sim.values)
        if not isinstance(values, Mapping):
            raise _not_yet(
                f"I need the simulator (like `{self.simulator}`), the one with the sliders; "
                f"this is {_kind_of(sim)}."
            )
        values = dict(values)
        broken = [message for rule, message in self.constraints if not self._author(rule, values)]
        result = self._author(self._measure, sim)
        details = ""
        if isinstance(result, tuple) and len(result) == 2:
            result, details = result
        achieved = _as_author_number(self, result, "the measure")
        if self.label:
            said = f"{self._show(achieved)} {self.label}; the target is {self.goal_text()}."
        else:
            said = f"The result is {self._show(achieved)}; the target is {self.goal_text()}."
        details = f"\n\n{details}" if details else ""
        reached = (self.at_least is None or achieved >= self.at_least) and (
            self.at_most is None or achieved <= self.at_most
        )
        if broken:
            rules = "\n".join(f"- {m}" for m in broken)
            lead = "The target is reached, but" if reached else "Also,"
            raise _not_yet(
                f"{said}{details}\n\n{lead} a rule of the exercise is not kept:\n\n{rules}"
            )
        if reached:
            return self._correct(f"{said} Target reached!{details}")
        raise _not_yet(f"{said} Move the sliders and check again.{details}")

    def examples(self) -> tuple[Any, list[Any]]:
        """Slider settings (dicts) that reach the target, and ones that do not."""
        return dict(self.right_settings), [dict(s) for s in self.wrong_settings]

    def _check_example(self, example: Any, simulator: Any) -> Feedback:
        if simulator is None:
            return self._trouble("verify() needs a simulator for a target question")
        simulator.set_values(**example)
        return self.check(simulator)

    def verify(self, simulator: Any = None) -> list[str]:
        if simulator is None:
            return [f"{self.name or self.prompt[:40]}: verify() needs a simulator"]
        before = simulator.values()
        try:
            return super().verify(simulator)
        finally:
            simulator.set_values(**before)

    def buttons(self, simulator: Any = None) -> Any:  # type: ignore[override]
        """The buttons; Check reads ``simulator`` (or the notebook variable) at each click."""
        self._button_simulator = simulator
        return super().buttons()

    def _answer_widgets(self) -> tuple[list[Any], Callable[[], Feedback]]:
        simulator = getattr(self, "_button_simulator", None)
        return [], (lambda: self.check(simulator) if simulator is not None else self.check())


# ---------------------------------------------------------------------------------------------
# A notebook's questions
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """Every question of a notebook with its last result (shows itself as a small table)."""

    rows: tuple[tuple[str, str, str | None], ...]  # (name, kind, last status or None)

    @property
    def correct(self) -> int:
        """How many questions were answered correctly."""
        return sum(status == CORRECT for _, _, status in self.rows)

    def to_frame(self) -> pd.DataFrame:
        """The same as a DataFrame (status "not checked yet" before the first check)."""
        return pd.DataFrame(
            [(n, k, s or "not checked yet") for n, k, s in self.rows],
            columns=["question", "kind", "status"],
        )

    def _summary(self) -> str:
        total = len(self.rows)
        text = f"{self.correct} of {total} correct"
        if total and self.correct == total:
            return text + ": all done, well done!"
        if self.correct:
            return text + ": keep going!"
        return text + "."

    def _repr_html_(self) -> str:
        cells = []
        for name, kind, status in self.rows:
            if status is None:
                icon, word, colour = "·", "not checked yet", "#444444"
            else:
                icon, word, colour = _LOOK[status]
            cells.append(
                f'<tr><td style="padding:4px 12px;font-weight:700">{html.escape(name)}</td>'
                f'<td style="padding:4px 12px">{html.escape(kind)}</td>'
                f'<td style="padding:4px 12px;color:{colour};font-weight:700">'
                f'<span aria-hidden="true">{icon}</span> {html.escape(word)}</td></tr>'
            )
        return (
            f'<div style="font-size:18px;line-height:1.5;color:#111111;background:#ffffff;'
            f'{_FONT};padding:6px 0">'
            f'<div style="font-weight:700;font-size:20px">{html.escape(self._summary())}</div>'
            '<table style="border-collapse:collapse;font-size:18px">'
            '<tr><th style="text-align:left;padding:4px 12px">Question</th>'
            '<th style="text-align:left;padding:4px 12px">Kind</th>'
            '<th style="text-align:left;padding:4px 12px">Last check</th></tr>'
            f"{''.join(cells)}</table></div>"
        )

    def __str__(self) -> str:
        lines = [self._summary()]
        for name, kind, status in self.rows:
            icon, word = _LOOK[status][:2] if status else ("·", "not checked yet")
            lines.append(f"  {icon} {name:<8} {kind:<18} {word}")
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
            f"There is no question {name!r} here; the questions are: {', '.join(questions)}."
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
        """Each question and the result of its last check."""
        return Progress(tuple((key, q.kind, q.last_status) for key, q in self._questions.items()))

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
