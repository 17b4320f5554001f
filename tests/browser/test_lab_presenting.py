"""Presenting a notebook itself in JupyterLab: View → Presentation Mode gives the present view's
sizes (the course's ``jupyter/custom/custom.css``, loaded through the course's Jupyter settings),
and outside presentation mode JupyterLab looks as usual."""

from __future__ import annotations

import re
from typing import Any

import pytest

from helpers.course import lesson
from tools import browser as driver

pytestmark = pytest.mark.browser

NOTEBOOK = "01_satisfaction"
PANEL = driver.LAB_PANEL


def sizes(page: Any, selector: str) -> list[float]:
    """Font sizes (px) of the elements ``selector`` finds in the visible notebook."""
    return page.locator(f"{PANEL} {selector}").evaluate_all(
        "(els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize))"
    )


def toggle_presentation_mode(page: Any) -> None:
    """View → Appearance → Presentation Mode, as a trainer would click it."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^View$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Appearance$")).hover()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Presentation Mode$")).click()


def test_presentation_mode_shows_projector_sizes(lab: driver.Server, page: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    driver.open_notebook(page, lab, f"{NOTEBOOK}.ipynb")
    driver.wait_kernel_ready(page, NOTEBOOK)
    driver.run_all_until_started(page)
    driver.wait_all_executed(page, NOTEBOOK)
    sims = driver.wait_simulators(page, len(lesson(NOTEBOOK).simulations), NOTEBOOK)
    assert min(sizes(page, ".loyalty-simulator .widget-label")) < 18  # JupyterLab as usual

    toggle_presentation_mode(page)
    page.wait_for_selector(".jp-LabShell.jp-mod-presentationMode")
    page.wait_for_timeout(500)
    problems = []
    for selector in (
        ".loyalty-simulator .widget-label",
        ".loyalty-simulator .widget-readout",
        ".simulator-caption .widget-html-content",
        ".jp-RenderedMarkdown p",
    ):
        small = [size for size in sizes(page, selector) if size < 18]
        problems += [f"{selector}: {len(small)} at {min(small)} px"] if small else []
    for index, sim in enumerate(sims):
        cut = sim.locator(".widget-label").evaluate_all(
            "(els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1)"
            ".map((e) => e.textContent)"
        )
        problems += [f"simulator #{index + 1}: cut-off label {text!r}" for text in cut]
    toggle_presentation_mode(page)  # back as it was
    assert not problems, "\n".join(problems)
