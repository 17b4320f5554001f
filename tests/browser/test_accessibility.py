"""An axe-core audit of what the course shows in Voilà: the present view and every notebook.

axe runs inside the page (axe-playwright-python bundles it: offline). Target: no serious or
critical violation caused by the course's content. What the stack itself does (ipywidgets,
Voilà, plotly) and the course cannot change from its side is listed in :data:`KNOWN_STACK`,
each with its reason and where it comes from; the audit fails on anything else, and on a known
entry that no longer matches anything (so the list stays true).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from helpers.present import pages
from tools import browser as driver

pytestmark = pytest.mark.browser

PAGES = pages()
NOTEBOOKS = sorted(driver.NOTEBOOKS_DIR.glob("*.ipynb"))
SERIOUS = {"serious", "critical"}


@dataclass(frozen=True)
class Known:
    """A violation the stack causes: axe's rule, the elements (regex on their HTML), why."""

    rule: str
    html: str  #: a regular expression the offending element's HTML matches
    reason: str
    upstream: str  #: the project to report it to


#: The stack's own violations, allowed with their reasons (see jupyter/present/README.md).
KNOWN_STACK: tuple[Known, ...] = (
    Known(
        "aria-input-field-name",
        r'class="noUi-handle',
        "ipywidgets' sliders (noUiSlider) give the knob role=slider but no accessible name: the "
        "label is a separate <label> the knob does not reference (no aria-labelledby). The "
        "course's labels are visible next to every slider.",
        "jupyter-widgets/ipywidgets",
    ),
)


def violations(page: Any, what: str) -> tuple[list[str], list[str], set[Known]]:
    """(unexpected serious/critical violations, allowed ones, known entries that matched)."""
    unexpected, allowed, used = [], [], set()
    for violation in driver.axe_violations(page):
        if violation.get("impact") not in SERIOUS:
            continue
        for node in violation["nodes"]:
            line = f"{what}: {violation['id']} ({violation['impact']}) on {node['html'][:160]}"
            known = [
                k
                for k in KNOWN_STACK
                if k.rule == violation["id"] and re.search(k.html, node["html"])
            ]
            if known:
                allowed.append(line)
                used.update(known)
            else:
                unexpected.append(f"{line}\n    {violation['help']}: {node['failureSummary']}")
    return unexpected, allowed, used


def audit(page: Any, what: str) -> None:
    """Fail on every serious or critical violation the course causes (see the module's text)."""
    unexpected, allowed, _used = violations(page, what)
    print(f"\n{what}: {len(allowed)} known violation(s) of the stack allowed")
    assert not unexpected, "\n".join(unexpected)


@pytest.fixture(scope="session")
def voila_notebooks(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Voilà (as ``make present`` runs it) serving a copy of notebooks/, whole notebooks."""
    workdir = tmp_path_factory.mktemp("voila-notebooks")
    root = driver.copy_course(workdir)
    server = driver.start_voila(root, workdir)
    try:
        yield server
    finally:
        server.stop()


def test_index_page(present: driver.Server, projector: Any) -> None:
    projector.goto(present.url(""), timeout=60_000)
    audit(projector, "present index")


@pytest.mark.parametrize("stem", list(PAGES))
def test_present_page(stem: str, present: driver.Server, projector: Any) -> None:
    projector.goto(present.url(f"voila/render/{stem}.ipynb"), timeout=120_000)
    driver.wait_simulators(projector, len(PAGES[stem].simulations), stem, timeout=120)
    audit(projector, f"present view {stem}")
    driver.close_voila_page(projector)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_in_voila(notebook: Path, voila_notebooks: Any, projector: Any) -> None:
    from helpers.course import lesson

    expected = len(lesson(notebook.stem).simulations)
    driver.open_voila_notebook(projector, voila_notebooks, notebook.name, expected, timeout=240)
    projector.wait_for_timeout(1000)  # the town's static charts draw right after
    audit(projector, f"Voilà {notebook.name}")
    driver.close_voila_page(projector)


def test_every_known_violation_is_still_seen(present: driver.Server, projector: Any) -> None:
    """An allow-list entry nothing matches any more is removed (fixed upstream, say)."""
    stem = next(iter(PAGES))
    projector.goto(present.url(f"voila/render/{stem}.ipynb"), timeout=120_000)
    driver.wait_simulators(projector, len(PAGES[stem].simulations), stem, timeout=120)
    _unexpected, _allowed, used = violations(projector, stem)
    driver.close_voila_page(projector)
    stale = [k.rule for k in KNOWN_STACK if k not in used]
    assert not stale, f"allow-listed but not seen on {stem}: {stale}"
