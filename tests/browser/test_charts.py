"""Every chart of the course fills its width and no text on it collides or fades.

From the rendered elements' boxes (plotly's SVG): titles, axis titles, legend entries,
annotations, value labels and tick labels never overlap one another and never stick out of the
chart; the chart is as wide as the space it is given; every text has 4.5:1 contrast with what it
sits on. Checked for every simulator of every present page (as drawn, and with each slider at
its minimum and its maximum) and for every chart of every notebook in JupyterLab after Run All.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers.present import pages
from tools import browser as driver

pytestmark = pytest.mark.browser

PAGES = pages()
NOTEBOOKS = sorted(driver.NOTEBOOKS_DIR.glob("*.ipynb"))


def chart_problems(plot: Any, what: str) -> list[str]:
    """Collisions, cut-off texts, a chart narrower than its space, faint texts."""
    problems = driver.chart_collisions(plot, what)
    width = driver.chart_width_problem(plot, what)
    problems += [width] if width else []
    return problems + driver.chart_contrast_problems(plot, what)


def report(stem: str, problems: list[str]) -> None:
    """Fail with every problem, each listed once."""
    if problems:
        raise AssertionError(f"{stem}:\n" + "\n".join(dict.fromkeys(problems)))


@pytest.mark.parametrize("stem", list(PAGES))
def test_present_charts(stem: str, present: driver.Server, projector: Any) -> None:
    """Each simulator's chart as drawn, and with every slider at its minimum and maximum."""
    page = projector
    page.goto(present.url(f"voila/render/{stem}.ipynb"), timeout=120_000)
    expected = len(PAGES[stem].simulations)
    sims = driver.wait_simulators(page, expected, f"present view {stem}", timeout=120)
    problems: list[str] = []
    for sim, simulation in zip(sims, PAGES[stem].simulations, strict=True):
        plot = sim.locator(driver.PLOT).first
        driver.wait_quiet_chart(page, sim)
        problems += chart_problems(plot, f"{stem} {simulation.name} as drawn")
        knobs = sim.locator(".widget-slider .noUi-handle").count()
        labels = sim.locator(".widget-slider .widget-label").all_inner_texts()
        for index in range(knobs):
            for key in ("Home", "End"):
                driver.press_on_slider(page, sim, index, key)
                where = f"{stem} {simulation.name}, {labels[index]!r} at {key}"
                problems += chart_problems(plot, where)
            driver.press_on_slider(page, sim, index, "Home")  # the others at an end too
        page.locator(f".room-{simulation.name} .room-reset").click()
        driver.wait_quiet_chart(page, sim)
    driver.close_voila_page(page)
    report(stem, problems)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_charts_in_jupyterlab(notebook: Path, lab: driver.Server, page: Any) -> None:
    """Every chart of the notebook after Run All: simulators and the town's charts alike."""
    from helpers.course import lesson

    panel = driver.open_notebook(page, lab, notebook.name)
    driver.wait_kernel_ready(page, notebook.name)
    driver.run_all_until_started(page)
    driver.wait_all_executed(page, notebook.name)
    driver.wait_simulators(panel, len(lesson(notebook.stem).simulations), notebook.name)
    plots = panel.locator(f"{driver.PLOT} .main-svg").first
    plots.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)  # the last static charts draw right after their cell
    found = panel.locator(driver.PLOT)
    problems: list[str] = []
    for index in range(found.count()):
        plot = found.nth(index)
        title = plot.locator("text.gtitle").all_text_contents()
        what = f"{notebook.stem} chart #{index + 1} {title[0] if title else ''!r}"
        problems += chart_problems(plot, what)
    print(f"\n{notebook.stem}: {found.count()} charts checked")
    report(notebook.stem, problems)
