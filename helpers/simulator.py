"""The thin widget layer every simulator in the course shares.

A :class:`Simulator` is a few sliders in front of a pure model and one plotly ``FigureWidget``.
Moving a slider calls the model and changes the figure's data *in place* (no new figure, no
flicker). The same object works without a browser, so tests and exercise checks can set slider
values and read the chart exactly as a learner would see it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from copy import deepcopy
from typing import Any

import anywidget
import ipywidgets as widgets
import plotly.graph_objects as go

from helpers.i18n import _
from helpers.parameters import Parameter
from helpers.theme import CHART_HEIGHT, PLOT_CONFIG  # importing it registers the chart look

#: Runs the model for the sliders' values; its result feeds both the chart and the caption.
Compute = Callable[[dict[str, float]], Any]
#: Shows a result on the figure; must only change data, never rebuild the figure.
Draw = Callable[[go.FigureWidget, Any], None]
#: Turns a result into the one-line HTML summary under the chart.
Caption = Callable[[Any], str]

#: Sliders take the width they are given (the notebook's, or the present view's), up to a size
#: that still reads as one line; the label gets a share of it, so a long label is never cut off at
#: JupyterLab's size. The present view (``jupyter/present/``) puts the label above the track.
SLIDER_LAYOUT = widgets.Layout(width="100%", max_width="880px")
SLIDER_STYLE = {"description_width": "42%"}


def slider(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float,
    readout_format: str | None = None,
) -> widgets.FloatSlider | widgets.IntSlider:
    """A slider labelled in plain words (with its unit), redrawing while it is dragged.

    Whole-number bounds and step give an ``IntSlider``; anything else a ``FloatSlider``.
    """
    whole = all(float(x).is_integer() for x in (value, low, high, step))
    common = dict(
        description=description,
        tooltip=description,  # without it, the label's hover text reads "null"
        continuous_update=True,
        layout=SLIDER_LAYOUT,
        style=SLIDER_STYLE,
    )
    if whole:
        return widgets.IntSlider(
            value=int(value), min=int(low), max=int(high), step=int(step), **common
        )
    fmt = readout_format or (".2f" if step < 0.1 else ".1f")
    return widgets.FloatSlider(
        value=value, min=low, max=high, step=step, readout_format=fmt, **common
    )


def slider_for(parameter: Parameter, value: float | None = None):
    """The course slider for a model parameter (at ``value``, or at its default)."""
    start = parameter.default if value is None else parameter.check(value)
    return slider(_(parameter.label), start, parameter.low, parameter.high, parameter.step)


class FitCharts(anywidget.AnyWidget):
    """An invisible helper: every chart on the page takes the width its container gives it.

    A chart drawn before the page has laid it out (Voilà draws hidden, JupyterLab into a detached
    node) falls back to plotly's 700 px, and neither front end tells the charts when their space
    changes. The first of these on a page watches every chart's container and, whenever one's
    width changes, tells the page its size changed (a window "resize"): the charts (their plotly
    config is responsive, see ``helpers.theme.PLOT_CONFIG``) redraw at their container's width.
    """

    _esm = """
export default {
  render() {
    if (window.__loyaltyFitCharts) return;  // once per page, whatever the number of simulators
    window.__loyaltyFitCharts = true;
    let pending = false;
    const nudge = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; window.dispatchEvent(new Event("resize")); });
    };
    const widths = new WeakMap();
    const sizes = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const width = Math.round(entry.contentRect.width);
        if (width > 0 && widths.get(entry.target) !== width) {
          widths.set(entry.target, width);
          nudge();
        }
      }
    });
    const watch = (plot) => plot.parentElement && sizes.observe(plot.parentElement);
    document.querySelectorAll(".js-plotly-plot").forEach(watch);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          // A chart's own drawing (thousands of SVG nodes per redraw) holds no new chart.
          if (node.nodeType !== 1 || node instanceof SVGElement) continue;
          if (node.matches(".js-plotly-plot")) watch(node);
          node.querySelectorAll(".js-plotly-plot").forEach(watch);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  },
};
"""


def percent_text(share: float) -> str:
    """A share (0-1) as a whole percentage for captions, e.g. ``0.257`` → ``"26 %"``."""
    return f"{100 * share:.0f} %"


def big(text: str) -> str:
    """The headline number of a caption, large enough to read from the back of the room."""
    return f"<span style='font-size:1.9em;font-weight:bold'>{text}</span>"


class Simulator:
    """Sliders in front of a model, and a chart that follows them.

    Parameters
    ----------
    name:
        Short id (letters, digits, dashes), used as the CSS class ``simulator-<name>`` so
        browser tests and the present view can find it.
    controls:
        The sliders, by the model's parameter name, in the order they are shown.
    figure:
        The chart; ``draw`` changes its data.
    compute:
        The model: called once per move with the sliders' values. Its result goes to ``draw``
        and to ``caption``, so a move never runs the model twice.
    draw:
        Called with the figure and the result inside one batch update, so the browser receives
        a single message for the chart per move.
    caption:
        Optional callable turning the result into a one-line HTML summary under the chart.
    caption_above:
        Show the caption between the sliders and the chart instead (a long caption whose
        numbers should stay in view beside the sliders while they move).
    """

    def __init__(
        self,
        name: str,
        controls: Mapping[str, widgets.ValueWidget],
        figure: go.FigureWidget,
        compute: Compute,
        draw: Draw,
        caption: Caption | None = None,
        caption_above: bool = False,
    ) -> None:
        self.name = name
        self.controls: dict[str, widgets.ValueWidget] = dict(controls)
        self.figure = figure
        # No mode bar (its buttons are tab stops, its logo a link off the machine); the chart
        # follows its container's width.
        self.figure._config = {**self.figure._config, **PLOT_CONFIG}
        # The widget's front end ignores the template's height (it would draw 360 px).
        if self.figure.layout.height is None:
            self.figure.layout.height = CHART_HEIGHT
        self._compute = compute
        self._draw = draw
        self._caption_text = caption
        self.result: Any = None  #: the model's result for the sliders as they are now
        self.caption = widgets.HTML(layout=widgets.Layout(min_height="2.2em"))
        self.caption.add_class("simulator-caption")
        self.last_update_seconds = 0.0  # kernel time of the last redraw, for the benchmark
        self._holding = False
        self._initial = self.values()
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        shown = (self.caption, self.figure) if caption_above else (self.figure, self.caption)
        self.widget = widgets.VBox(
            [*self.controls.values(), *shown, FitCharts()],
            layout=widgets.Layout(padding="4px 0"),
        )
        self.widget.add_class("loyalty-simulator")
        self.widget.add_class(f"simulator-{name}")
        self.update()

    def values(self) -> dict[str, float]:
        """The sliders' current values, by parameter name."""
        return {key: control.value for key, control in self.controls.items()}

    def set_values(self, **values: float) -> None:
        """Move several sliders at once and redraw once (used by exercises, tests, resets)."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise KeyError(
                f"This simulator has no slider called {', '.join(sorted(unknown))}; "
                f"its sliders are {', '.join(self.controls)}."
            )
        self._holding = True
        try:
            for key, value in values.items():
                self.controls[key].value = value
        finally:
            self._holding = False
        self.update()

    def reset(self) -> None:
        """Put every slider back where it started."""
        self.set_values(**self._initial)

    def update(self) -> None:
        """Recompute the model for the current values and change the chart in place."""
        started = time.perf_counter()
        self.result = self._compute(self.values())
        with self.figure.batch_update():
            self._draw(self.figure, self.result)
        if self._caption_text is not None:
            self.caption.value = self._caption_text(self.result)
        self.last_update_seconds = time.perf_counter() - started

    def chart_data(self, trace: int = 0) -> list[float]:
        """The y values (or x for horizontal bars) the chart shows for one trace."""
        data = self.figure.data[trace]
        horizontal = getattr(data, "orientation", None) == "h"
        values = data.x if horizontal else data.y
        return [float(v) for v in values]

    def _on_change(self, change: dict[str, Any]) -> None:
        if not self._holding:
            self.update()

    def refresh_view_state(self) -> None:
        """Make the chart's synced state what it shows now, before the simulator is displayed.

        A FigureWidget refreshes the state that new views start from only when the figure itself
        is displayed; inside our box it is not, so Voila (or a reloaded page) would draw the chart
        as it was built, before the first redraw.
        """
        self.figure._widget_data = deepcopy(self.figure._data)
        self.figure._widget_layout = deepcopy(self.figure._layout_obj._props)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        self.refresh_view_state()
        display(self.widget)

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={value}" for key, value in self.values().items())
        return f"<Simulator {self.name}: {shown}>"
