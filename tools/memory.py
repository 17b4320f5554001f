"""Memory per learner, for an IT department sizing a JupyterHub: measured, written into the docs.

    python -m tools.memory            # measure and print the table
    python -m tools.memory --write    # measure and replace the table in docs/classroom.md

Each course notebook is run top to bottom (nbclient, as ``make notebooks`` and CI do) on a copy
in a temporary folder, and its kernel's memory is read from ``/proc/<pid>/status`` once the run
has settled: *VmRSS* (resident now) and *VmHWM* (the peak during the run, what a memory limit must
allow). The same is read for a kernel that ran nothing, and for a JupyterLab server with a
learner's page open in Chromium on notebook 00, run through (the server's own share; its kernel
is not counted in it). MB are 10^6 bytes. The browser itself runs on the learner's computer.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers import PROJECT_DIR
from tools import browser as driver

DOC = PROJECT_DIR / "docs" / "classroom.md"
START, END = "<!-- memory-table:start -->", "<!-- memory-table:end -->"
NOTEBOOKS = PROJECT_DIR / "notebooks"


@dataclass(frozen=True)
class Reading:
    """One process's memory: resident after settling, and its peak, in MB."""

    what: str
    rss_mb: float
    peak_mb: float


def status_mb(status: str) -> tuple[float, float]:
    """(VmRSS, VmHWM) in MB from the text of ``/proc/<pid>/status``."""
    found = {}
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) * 1024 / 1e6
    if set(found) != {"VmRSS", "VmHWM"}:
        raise ValueError("no VmRSS/VmHWM lines: not a Linux /proc status file?")
    return found["VmRSS"], found["VmHWM"]


def read_process(pid: int, what: str) -> Reading:
    return Reading(what, *status_mb(Path(f"/proc/{pid}/status").read_text()))


def measure_notebook(path: Path, folder: Path, settle: float = 2.0) -> Reading:
    """Run every cell of ``path`` in ``folder``; the kernel's memory before it is shut down."""
    book = nbformat.read(path, as_version=4)
    client = NotebookClient(
        book,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
        store_widget_state=False,
    )
    with client.setup_kernel():
        for index, cell in enumerate(book.cells):
            client.execute_cell(cell, index)
        time.sleep(settle)
        return read_process(client.km.provisioner.process.pid, path.stem)


def measure_server(root: Path, workdir: Path) -> Reading:
    """A JupyterLab server's own memory with a learner's page open on notebook 00, run through.

    Without Chromium the page is only fetched and a kernel started over the API (a lower
    figure: the label says so).
    """
    server = driver.start_lab(root, workdir)
    try:
        if driver.missing_browser_reason() is None:
            _open_and_run(server, "00_start_here.ipynb")
            what = "JupyterLab server (Lab open in a browser, notebook 00 run)"
        else:
            server.fetch("GET", "/lab")
            server.fetch("POST", "/api/kernels", timeout=60)
            what = "JupyterLab server (page fetched, one kernel; no browser)"
        time.sleep(3)
        return read_process(server.process.pid, what)
    finally:
        server.delete_sessions()
        server.stop()


def _open_and_run(server: driver.Server, name: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = driver.launch_chromium(playwright)
        try:
            page = chromium.new_page(viewport={"width": 1280, "height": 900})
            driver.open_notebook(page, server, name)
            driver.wait_kernel_ready(page, name)
            driver.run_all_cells(page)
            driver.wait_all_executed(page, name)
            time.sleep(3)
        finally:
            chromium.close()


def measure_all(notebooks: list[Path]) -> tuple[Reading, Reading, list[Reading]]:
    """The server, an empty kernel and every notebook's kernel, on copies in a temp folder."""
    with tempfile.TemporaryDirectory(prefix="memory-") as tmp:
        work = Path(tmp)
        copies = work / "course" / "notebooks"
        copies.mkdir(parents=True)
        for path in notebooks:
            shutil.copy2(path, copies)
        empty = copies / "empty.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), empty)
        server = measure_server(copies, work)
        bare = measure_notebook(empty, copies)
        readings = []
        for path in notebooks:
            readings.append(measure_notebook(copies / path.name, copies))
            print(f"  {readings[-1]}", file=sys.stderr, flush=True)
    return server, Reading("a kernel that ran nothing", bare.rss_mb, bare.peak_mb), readings


def table(server: Reading, bare: Reading, readings: list[Reading], when: str) -> str:
    """The Markdown table and the sizing lines under it."""
    lines = [
        f"Measured {when} with `python -m tools.memory --write` (MB = 10^6 bytes).",
        "",
        "| process | resident after Run All, MB | peak, MB |",
        "|---|---|---|",
    ]
    for reading in [*readings, bare, server]:
        lines.append(f"| {reading.what} | {reading.rss_mb:.0f} | {reading.peak_mb:.0f} |")
    largest = max(readings, key=lambda r: r.peak_mb)
    one = server.rss_mb + largest.peak_mb
    two = server.rss_mb + 2 * largest.peak_mb
    lines += [
        "",
        f"Per learner with one notebook open: server {server.rss_mb:.0f} + kernel "
        f"{largest.peak_mb:.0f} (peak of {largest.what}) = **{one:.0f} MB**; with two notebooks "
        f"open (two kernels) **{two:.0f} MB**.",
    ]
    return "\n".join(lines)


def replace_block(document: str, block: str) -> str:
    """``document`` with the text between the memory-table markers replaced by ``block``."""
    head, start, rest = document.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the document has no {START} ... {END} block")
    return f"{head}{START}\n{block}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"replace the table in {DOC.name}")
    args = parser.parse_args(argv)
    notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    server, bare, readings = measure_all(notebooks)
    when = f"{datetime.now(UTC):%Y-%m-%d} on {platform.machine()} Linux, Python "
    when += platform.python_version()
    block = table(server, bare, readings, when)
    print(block)
    if args.write:
        DOC.write_text(replace_block(DOC.read_text(encoding="utf-8"), block), encoding="utf-8")
        print(f"written into {DOC.relative_to(PROJECT_DIR)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
