"""What the room sees around each simulator of a present page: predict first, then the answer.

A :class:`RoomSimulation` wraps one simulator of a lesson's manifest: the button that shows what
the room should see (``Simulation.expected``) and the takeaway stays disabled until someone has
moved a slider, so the room predicts before anything gives the answer away; "Reset" puts the
sliders back and hides the answer again. A :class:`LessonPage` holds every simulator of one
notebook's page and resets them all at once.

Everything here is an ipywidget driven from the kernel, so it works the same in Voilà, in
JupyterLab and without a browser (the unit tests press the buttons).
"""

from __future__ import annotations

import html
import re
from typing import Any

import ipywidgets as widgets

from helpers.course import lesson
from helpers.i18n import _
from helpers.lessons import Simulation
from helpers.simulator import Simulator

#: CSS class of a presented simulator (the browser tests and the present view's CSS use it).
ROOM_CLASS = "room-simulation"


def inline_markdown(text: str) -> str:
    """The manifests' bit of Markdown (``**bold**``, ``*italic*``) as safe HTML."""
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escaped)
    return re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", escaped)


def anchor(name: str) -> str:
    """The id of a simulator's section on its page (the index links to it)."""
    return f"sim-{name}"


def answer_html(sim: Simulation) -> str:
    """What the room should see, and the takeaway, as shown once revealed."""
    parts = []
    if sim.expected:
        parts.append(
            f"<p><strong>{_('What the room should see:')}</strong> "
            f"{inline_markdown(_(sim.expected))}</p>"
        )
    if sim.takeaway:
        parts.append(f"<p><strong>{_('Takeaway:')}</strong> {inline_markdown(_(sim.takeaway))}</p>")
    return "".join(parts)


def _button(description: str, tooltip: str, disabled: bool = False) -> widgets.Button:
    button = widgets.Button(
        description=description,
        tooltip=tooltip,
        disabled=disabled,
        layout=widgets.Layout(width="auto", height="auto"),
    )
    button.add_class("room-button")
    return button


class RoomSimulation:
    """One simulator in front of a room: its sliders and chart, the answer once a slider moved."""

    def __init__(self, simulation: Simulation, simulator: Simulator | None = None) -> None:
        self.simulation = simulation
        self.simulator = simulator or simulation.factory()
        self.moved = False  #: a slider has moved since the page opened or was reset
        self.revealed = False
        self._resetting = False
        answer = answer_html(simulation)
        self.answer = widgets.HTML(answer, layout=widgets.Layout(display="none"))
        self.answer.add_class("room-answer")
        self.reveal_button = _button(
            _("Show the answer: move a slider first"),
            _("The answer stays hidden until the room has predicted and a slider has moved."),
            disabled=True,
        )
        self.reveal_button.add_class("room-reveal")
        self.reset_button = _button(
            _("Reset this simulator"), _("Put every slider back where it started")
        )
        self.reset_button.add_class("room-reset")
        self.reveal_button.on_click(lambda _button: self.reveal())
        self.reset_button.on_click(lambda _button: self.reset())
        self._start = self.simulator.values()
        for control in self.simulator.controls.values():
            control.observe(self._on_move, names="value")
        buttons = [self.reveal_button] if answer else []
        bar = widgets.HBox([*buttons, self.reset_button])
        bar.add_class("room-buttons")
        self.widget = widgets.VBox([self.simulator.widget, bar, self.answer])
        self.widget.add_class(ROOM_CLASS)
        self.widget.add_class(f"room-{simulation.name}")

    @property
    def name(self) -> str:
        """The simulator's name (``Simulation.name``)."""
        return self.simulation.name

    def _on_move(self, change: dict[str, Any]) -> None:
        # A float slider's front end may echo its value back, rounded: only a real step counts.
        control = change["owner"]
        start = self._start[next(k for k, c in self.simulator.controls.items() if c is control)]
        if self._resetting or self.moved or abs(change["new"] - start) < control.step / 2:
            return
        self.moved = True
        self.reveal_button.disabled = False
        self.reveal_button.description = _("Show what we should see")

    def reveal(self) -> None:
        """Show what the room should see and the takeaway (only once a slider has moved)."""
        if not self.moved:
            return
        self.revealed = True
        self.answer.layout.display = None
        self.reveal_button.disabled = True
        self.reveal_button.description = _("Answer shown below")

    def reset(self) -> None:
        """Sliders back where they started; the answer hidden until a slider moves again."""
        self._resetting = True
        try:
            self.simulator.reset()
        finally:
            self._resetting = False
        self.moved = False
        self.revealed = False
        self.answer.layout.display = "none"
        self.reveal_button.disabled = True
        self.reveal_button.description = _("Show the answer: move a slider first")

    def _ipython_display_(self) -> None:
        from IPython.display import display

        self.simulator.refresh_view_state()
        display(self.widget)

    def __repr__(self) -> str:
        return f"<RoomSimulation {self.name}: moved={self.moved}, revealed={self.revealed}>"


class LessonPage:
    """The simulators of one notebook's present page, built as the page's cells ask for them."""

    def __init__(self, notebook: str) -> None:
        self.lesson = lesson(notebook)
        self.shown: dict[str, RoomSimulation] = {}
        self.reset_button = _button(
            _("Reset this page"), _("Every simulator on this page back to its start")
        )
        self.reset_button.add_class("room-reset-page")
        self.reset_button.on_click(lambda _button: self.reset())

    def simulation(self, name: str) -> RoomSimulation:
        """The presented simulator called ``name`` (built on first use)."""
        if name not in self.shown:
            for sim in self.lesson.simulations:
                if sim.name == name:
                    self.shown[name] = RoomSimulation(sim)
                    break
            else:
                known = ", ".join(sim.name for sim in self.lesson.simulations)
                raise KeyError(f"{self.lesson.notebook} has no simulator {name!r}; it has {known}.")
        return self.shown[name]

    def toolbar(self) -> widgets.Widget:
        """The page's own controls (shown under its heading)."""
        bar = widgets.HBox([self.reset_button])
        bar.add_class("room-toolbar")
        return bar

    def reset(self) -> None:
        """Every simulator on the page back to its start, every answer hidden."""
        for shown in self.shown.values():
            shown.reset()


def show(notebook: str, name: str) -> RoomSimulation:
    """One simulator of a lesson as the present view shows it (by notebook stem and name)."""
    return LessonPage(notebook).simulation(name)
