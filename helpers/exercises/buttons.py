"""The buttons under a question: Check my answer, Hint, Show solution (ipywidgets).

ipywidgets is imported inside the functions, so reading or checking answers works without it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from helpers.exercises.look import Feedback, Note
from helpers.i18n import _

if TYPE_CHECKING:
    from helpers.exercises.question import Question

BIG = {"font_size": "18px"}  # readable on a projector


def set_output(output: Any, *items: Any) -> None:
    """Replace an ipywidgets Output's content with displayable objects (works without kernel)."""
    rendered = []
    for item in items:
        data = {"text/plain": str(item)}
        if hasattr(item, "_repr_html_"):
            data["text/html"] = item._repr_html_()
        rendered.append({"output_type": "display_data", "data": data, "metadata": {}})
    output.outputs = tuple(rendered)


def _button(description: str, icon: str, **extra: Any) -> Any:
    import ipywidgets as widgets

    layout = widgets.Layout(width="auto", height="auto", padding="4px 14px", margin="4px 8px 4px 0")
    return widgets.Button(description=description, icon=icon, style=BIG, layout=layout, **extra)


def question_buttons(question: Question) -> Any:
    """Check, Hint and Show solution buttons for ``question``, above an output area."""
    import ipywidgets as widgets

    output = widgets.Output()
    check_button = _button(_("Check my answer"), "check", button_style="primary")
    hint_button = _button(_("Hint"), "lightbulb-o")
    solution_button = _button(_("Show solution"), "book")
    inputs, run_check = question._answer_widgets()

    def safely(action: Callable[[], Any]) -> None:
        try:
            set_output(output, action())
        except Exception as error:  # noqa: BLE001 - never a traceback for a click
            set_output(output, question._trouble(f"{type(error).__name__}: {error}"))

    def on_hint(click: Any) -> None:
        safely(question.hint)
        hint_button.description = _("Next hint") if question.hints_left else _("Hint")

    check_button.on_click(lambda click: safely(run_check))
    hint_button.on_click(on_hint)
    solution_button.on_click(_solution_clicks(question, solution_button, safely))
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


def _solution_clicks(
    question: Question, button: Any, safely: Callable[[Callable[[], Any]], None]
) -> Callable[[Any], None]:
    """The solution button's action: a first click asks "Sure?", a second shows the solution."""
    armed = {"solution": False}

    def sure() -> Note:
        return Note(
            "info",
            _("Sure?"),
            _(
                "Hints come first: they lead you there step by step. "
                "Click **Yes, show the solution** if you still want to see it."
            ),
            question.name,
        )

    def on_click(click: Any) -> None:
        if not armed["solution"]:
            armed["solution"] = True
            button.description = _("Yes, show the solution")
            safely(sure)
        else:
            armed["solution"] = False
            button.description = _("Show solution")
            safely(question.solution)

    return on_click


def choice_inputs(
    options: Mapping[str, str], multiple: bool, check: Callable[[Any], Feedback]
) -> tuple[list[Any], Callable[[], Feedback]]:
    """Radio buttons (one answer) or checkboxes (several), and the check they feed."""
    import ipywidgets as widgets

    if multiple:
        boxes = [
            widgets.Checkbox(
                value=False,
                description=f"{k}) {v}",
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for k, v in options.items()
        ]

        def run() -> Feedback:
            chosen = [k for k, box in zip(options, boxes, strict=True) if box.value]
            return check(chosen or None)

        return boxes, run
    radio = widgets.RadioButtons(
        options=[(f"{k}) {v}", k) for k, v in options.items()],
        value=None,
        layout=widgets.Layout(width="auto"),
    )
    return [radio], lambda: check(radio.value)


def prediction_panel(label: str, record: Callable[[float], Any]) -> Any:
    """A number box and a Record my prediction button; ``record(value)`` gives what to show."""
    import ipywidgets as widgets

    guess = widgets.FloatText(
        value=0.0,
        description=label,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto"),
    )
    button = widgets.Button(
        description=_("Record my prediction"),
        icon="thumb-tack",
        style=BIG,
        layout=widgets.Layout(width="auto", padding="4px 14px"),
    )
    note = widgets.Output()
    button.on_click(lambda click: set_output(note, record(guess.value)))
    button.layout.margin = "0 0 0 8px"
    box = widgets.VBox([widgets.HBox([guess, button]), note])
    box.guess = guess
    box.record_button = button
    box.output = note
    return box
