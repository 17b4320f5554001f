"""The code-free present view in Voilà: simulators draw, follow their model, no code shown."""

from __future__ import annotations

from typing import Any

import pytest

from helpers.present import pages
from tools import browser as driver

pytestmark = pytest.mark.browser

PAGES = pages()
STEMS = list(PAGES)
# Whatever marks a code cell's source in a Voilà page (markdown also sits in .jp-InputArea).
SOURCE_SELECTORS = ".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .cm-editor, .highlight"


def open_present(page: Any, server: driver.Server, stem: str) -> list[Any]:
    """Open one present-view page; wait for its simulator to draw."""
    page.goto(server.url(f"voila/render/{stem}.ipynb"), timeout=90_000)
    return driver.wait_simulators(page, 1, f"present view {stem}", timeout=90)


@pytest.mark.parametrize("stem", STEMS)
def test_present_view(stem: str, present: driver.Server, page: Any) -> None:
    """Simulators render and follow their model; no source code and no stderr is visible."""
    sims = open_present(page, present, stem)
    problems = driver.problem_outputs(page)
    assert not problems, f"present view {stem} shows error/stderr output:\n" + "\n---\n".join(
        problems
    )
    source = page.locator(SOURCE_SELECTORS)
    visible = [
        source.nth(i).inner_text() for i in range(source.count()) if source.nth(i).is_visible()
    ]
    assert not visible, f"present view {stem} shows code: {visible}"
    text = page.locator("body").inner_text()
    assert "import" not in text, f"present view {stem} shows its code"
    assert PAGES[stem][1].title in text, f"present view {stem} lacks its title"

    for index, sim in enumerate(sims):
        driver.check_move(page, sim, f"present view {stem}, simulator #{index + 1}")


@pytest.mark.parametrize("stem", STEMS)
def test_present_view_first_draw(stem: str, present: driver.Server, page: Any) -> None:
    """Before anyone touches a slider, the chart already shows the model's values."""
    for index, sim in enumerate(open_present(page, present, stem)):
        problem = driver.model_mismatch(sim, f"present view {stem}, simulator #{index + 1}")
        assert problem is None, problem
