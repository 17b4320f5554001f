"""Every simulator as a projector needs it, without a browser: no mode bar, a chart as wide as its
space, sliders that say what they are (no "null" hover text) and take the width they get."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from helpers.course import simulations
from helpers.simulator import FitCharts
from helpers.theme import CHART_HEIGHT, PLOT_CONFIG


@pytest.mark.parametrize("sim", [s for _l, s in simulations()], ids=lambda s: s.name)
def test_simulator_look(sim):
    simulator = sim.factory()
    assert simulator.figure._config["displayModeBar"] is False
    assert simulator.figure._config["responsive"] is True
    assert simulator.figure.layout.width is None, "a fixed width: the chart cannot fill its space"
    assert (simulator.figure.layout.height or 0) >= CHART_HEIGHT - 200
    assert any(isinstance(child, FitCharts) for child in simulator.widget.children)
    for name, control in simulator.controls.items():
        assert control.tooltip and control.tooltip == control.description, name
        assert control.layout.width == "100%", name


def test_plain_figures_get_the_same_config():
    """A go.Figure shown as a cell's output (the town's charts) is told the same."""
    assert pio.renderers["plotly_mimetype"].config == PLOT_CONFIG
    figure = go.Figure(go.Bar(y=[1])).to_dict()
    bundle = pio.renderers._build_mime_bundle(figure, renderers_string="plotly_mimetype")
    assert bundle["application/vnd.plotly.v1+json"]["config"] == PLOT_CONFIG
