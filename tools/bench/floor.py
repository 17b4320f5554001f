"""The floor: the most trivial demo of the same stack (one IntSlider, one FigureWidget).

Every simulator is compared with it, measured in the same run and front end: what the floor costs
is messaging, widgets and Plotly, which the course does not control; what a simulator costs above
it is the course's own doing. It is written into the benchmark's temporary folder only.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

FLOOR_STEM = "bench_floor"  #: file stem of the floor notebook / page

#: One slider, a bar chart of five numbers changed in place, nothing from the course. It carries
#: the course's CSS classes only so that the same driver code finds its knob and its chart.
FLOOR_CODE = """\
import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go

weights = np.array([1.0, 2.0, 3.0, 2.0, 1.0])
knob = widgets.IntSlider(value=50, min=0, max=100, step=1, description="Level",
                         layout=widgets.Layout(width="640px"))
figure = go.FigureWidget(data=[go.Bar(x=list("ABCDE"), y=weights * knob.value)],
                         layout=go.Layout(title="Floor", yaxis=dict(range=[0, 320])))


def redraw(change):
    with figure.batch_update():
        figure.data[0].y = weights * change["new"]


knob.observe(redraw, names="value")
box = widgets.VBox([knob, figure])
box.add_class("loyalty-simulator")
box.add_class("simulator-floor")
box
"""


def floor_notebook() -> nbformat.NotebookNode:
    """The floor as a one-cell notebook (JupyterLab) or page (Voilà)."""
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_CODE)])
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return book


def write_floor(folder: Path) -> Path:
    """Write the floor notebook into ``folder`` (a temporary folder of the benchmark)."""
    path = Path(folder) / f"{FLOOR_STEM}.ipynb"
    nbformat.write(floor_notebook(), path)
    return path
