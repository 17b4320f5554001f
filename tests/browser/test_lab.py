"""Every course notebook in JupyterLab: runs clean, and its simulators follow their model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers.course import LESSONS, lesson
from tools import browser as driver

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(driver.NOTEBOOKS_DIR.glob("*.ipynb"))


def test_every_lesson_has_a_notebook() -> None:
    """The present view must not show simulators of a notebook that does not exist."""
    stems = {path.stem for path in NOTEBOOKS}
    missing = sorted({item.notebook for item in LESSONS} - stems)
    assert not missing, f"lessons without a notebook in notebooks/: {missing}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_in_jupyterlab(notebook: Path, lab: driver.Server, page: Any) -> None:
    """Run All: no error or stderr output; every simulator draws and follows its model."""
    panel = driver.open_notebook(page, lab, notebook.name)
    driver.run_all_cells(page)
    driver.wait_all_executed(page, notebook.name)
    problems = driver.problem_outputs(panel)
    assert not problems, f"{notebook.name} shows error/stderr output:\n" + "\n---\n".join(problems)

    expected = len(lesson(notebook.stem).simulations)
    sims = driver.wait_simulators(panel, expected, notebook.name)
    assert len(sims) >= expected, (
        f"{notebook.name}: {len(sims)} simulator(s), its manifest has {expected}"
    )
    for index, sim in enumerate(sims):
        what = f"{notebook.name}, simulator #{index + 1}"
        first_draw = driver.model_mismatch(sim, f"{what} (as drawn after Run All)")
        assert first_draw is None, first_draw
        driver.check_move(page, sim, what)

    # A slider callback that warns would print into the page now.
    problems = driver.problem_outputs(panel)
    assert not problems, f"{notebook.name} after moving sliders:\n" + "\n---\n".join(problems)
