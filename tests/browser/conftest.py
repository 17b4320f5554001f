"""Fixtures for the browser tests: one Chromium, one JupyterLab, one Voilà per session.

Skipped (one line) where Chromium or Playwright is missing, unless ``CI=true``: there they must
run, so a missing browser fails instead. Servers serve copies in a temporary folder, so nothing
in the repository is ever written; they and their kernels are always stopped at the end.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tools import browser as driver


def require_browser() -> None:
    """Skip (locally) or fail (in CI) when the browser stack is missing."""
    reason = driver.missing_browser_reason()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI=true, so the browser tests must run", pytrace=False)
    pytest.skip(reason)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Keep each phase's report on the test item, so the page fixture knows about failures."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session (contexts isolate the tests)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = driver.launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh page; on failure its screenshot goes to build/browser-failures/."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    context.add_init_script(driver.RENDER_COUNTER_JS)
    new_page = context.new_page()
    try:
        yield new_page
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            driver.FAILURE_DIR.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
            shot = driver.FAILURE_DIR / f"{name}.png"
            try:
                new_page.screenshot(path=str(shot), full_page=True)
                print(f"\nScreenshot of the failure: {shot}")
            except Exception as exc:  # noqa: BLE001 - a failed screenshot must not hide the failure
                print(f"\nNo screenshot ({exc})")
        context.close()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[driver.Server]:
    """JupyterLab on 127.0.0.1 serving a copy of notebooks/."""
    require_browser()
    workdir = tmp_path_factory.mktemp("lab")
    root = driver.copy_course(workdir)
    server = driver.start_lab(root, workdir)
    try:
        yield server
    finally:
        server.delete_sessions()
        server.stop()


@pytest.fixture
def lab(lab_server: driver.Server) -> Iterator[driver.Server]:
    """The session's JupyterLab; the test's kernels are shut down after it."""
    yield lab_server
    lab_server.delete_sessions()


@pytest.fixture(scope="session")
def present(tmp_path_factory: pytest.TempPathFactory) -> Iterator[driver.Server]:
    """Voilà serving the present view, built by helpers.present into a temporary folder."""
    require_browser()
    from helpers.present import build

    workdir = tmp_path_factory.mktemp("voila")
    folder: Path = workdir / "present"
    build(folder)
    server = driver.start_voila(folder, workdir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def projector(browser: Any) -> Iterator[Any]:
    """A page the size of a projector's picture (1280 × 720), counting plotly's renders."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(30_000)
    context.add_init_script(driver.RENDER_COUNTER_JS)
    try:
        yield context.new_page()
    finally:
        context.close()
