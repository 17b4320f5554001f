"""`make lab` for real: it serves the repository's top folder and lands on notebook 00.

The test runs the Makefile's own target (not a copy of its command) on a free port, with a stand-in
for the web browser that only notes what Jupyter asks it to open. It then opens, in Chromium, both
that page and the URL printed in the terminal. Runtime, settings and workspace files go to a
temporary folder, and the test proves that notebooks/ is left exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import PROJECT_DIR
from tools import browser as driver

pytestmark = pytest.mark.browser

START = "notebooks/00_start_here.ipynb"
CHECKPOINTS = ".ipynb_checkpoints"
#: What Jupyter prints for the learner to click (the local form, with the token).
PRINTED_URL = re.compile(r"(http://127\.0\.0\.1:(\d+)(/\S*?)\?token=([0-9a-f]+))")


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file's hash, checkpoints apart (JupyterLab makes one when it opens a notebook)."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and CHECKPOINTS not in path.parts
    }


def _remove_new_checkpoints(folder: Path, before: set[Path]) -> None:
    """Remove the checkpoints this test made (a learner's own, from before, stay)."""
    checkpoints = folder / CHECKPOINTS
    for path in set(checkpoints.glob("*")) - before:
        path.unlink()
    if checkpoints.is_dir() and not any(checkpoints.iterdir()):
        checkpoints.rmdir()


def _wait_for(what: str, check: Any, timeout: float, server_log: Path) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.25)
    tail = server_log.read_text(errors="replace")[-3000:] if server_log.exists() else "(no log)"
    raise driver.DriverError(f"{what} within {timeout:.0f} s. make lab said:\n{tail}")


@pytest.fixture(scope="module")
def make_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[driver.Server, Path]]:
    """`make lab` running on a free port; yields the server and the file the 'browser' got."""
    reason = driver.missing_browser_reason()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI=true, so the browser tests must run", pytrace=False)
        pytest.skip(reason)
    if shutil.which("make") is None:
        pytest.fail("make is not installed (apt-get install make)", pytrace=False)
    workdir = tmp_path_factory.mktemp("make-lab")
    opened = workdir / "opened.txt"
    fake_browser = workdir / "browser.sh"
    fake_browser.write_text(f'#!/bin/sh\necho "$1" >> "{opened}"\n', encoding="utf-8")
    fake_browser.chmod(0o755)
    env = dict(os.environ)
    env.pop("JUPYTER_TOKEN", None)
    env.update(
        BROWSER=str(fake_browser),
        JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(workdir / "user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(workdir / "workspaces"),
        IPYTHONDIR=str(workdir / "ipython"),
    )
    port = driver.free_port()
    log = workdir / "make-lab.log"
    notebooks = PROJECT_DIR / "notebooks"
    before = _fingerprint(notebooks)
    checkpoints_before = set((notebooks / CHECKPOINTS).glob("*"))
    with open(log, "wb") as out:
        process = subprocess.Popen(
            ["make", "-C", str(PROJECT_DIR), "lab", f"PORT={port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    server = driver.Server(process, f"http://127.0.0.1:{port}", log)
    try:
        match = _wait_for(
            "make lab printed no URL",
            lambda: PRINTED_URL.search(log.read_text(errors="replace")),
            180,
            log,
        )
        # Jupyter moves to another port if that one was taken meanwhile: follow what it says.
        server.base_url, server.token = f"http://127.0.0.1:{match.group(2)}", match.group(4)
        server.wait_until_answers("/api/status", 60)
        yield server, opened
    finally:
        server.delete_sessions()
        server.stop()
        _remove_new_checkpoints(notebooks, checkpoints_before)
    assert _fingerprint(notebooks) == before, "make lab changed notebooks/"


def _printed_url(server: driver.Server) -> str:
    match = PRINTED_URL.search(server.log.read_text(errors="replace"))
    assert match, "no URL in make lab's output"
    return match.group(1)


def _shows_notebook_00(page: Any) -> None:
    """The notebook 00 tab is open and active, its kernel started without a dialog."""
    panel = page.locator(driver.LAB_PANEL)
    panel.locator(".jp-Notebook").first.wait_for(timeout=60_000)
    active = page.locator(".jp-mod-current .lm-TabBar-tabLabel").first
    assert active.inner_text().strip() == "00_start_here.ipynb"
    assert panel.locator("h1").first.inner_text().startswith("00 · Start here")
    driver.wait_kernel_ready(page, "00_start_here.ipynb")
    assert page.locator(".jp-Dialog").count() == 0, "a dialog asks the learner something"


def test_the_printed_url_opens_notebook_00(make_lab: tuple[driver.Server, Path]) -> None:
    server, _ = make_lab
    url = _printed_url(server)
    assert url.split("?")[0].endswith(f"/lab/tree/{START}"), url
    log = server.log.read_text(errors="replace")
    assert f"Serving notebooks from local directory: {PROJECT_DIR}" in log


def test_the_landing_page_shows_notebook_00_and_the_whole_course(
    make_lab: tuple[driver.Server, Path], page: Any
) -> None:
    server, _ = make_lab
    page.goto(_printed_url(server), timeout=60_000)
    _shows_notebook_00(page)
    # The file browser is beside the notebook, in its folder; its root is the repository.
    listing = page.locator(".jp-FileBrowser .jp-DirListing-content")
    page.locator(".jp-FileBrowser .jp-BreadCrumbs-home").first.click()
    listing.locator('.jp-DirListing-item[title^="Name: data"]').first.wait_for(timeout=15_000)
    names = listing.locator(".jp-DirListing-itemName").all_inner_texts()
    for expected in ("data", "docs", "notebooks", "helpers", "README.md"):
        assert expected in [name.strip() for name in names], f"{expected} not in {names}"
    server.delete_sessions()


def test_the_page_jupyter_opens_in_the_browser_is_notebook_00(
    make_lab: tuple[driver.Server, Path], page: Any
) -> None:
    server, opened = make_lab
    target = _wait_for(
        "Jupyter asked the browser to open nothing",
        lambda: opened.exists() and opened.read_text().strip(),
        30,
        server.log,
    )
    redirect = Path(target.splitlines()[0].removeprefix("file://"))
    assert f"/lab/tree/{START}" in redirect.read_text(encoding="utf-8")
    page.goto(target.splitlines()[0], timeout=60_000)
    page.wait_for_url(re.compile(rf".*/lab/tree/{re.escape(START)}.*"), timeout=30_000)
    _shows_notebook_00(page)
    server.delete_sessions()
