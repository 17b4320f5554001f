"""Opening the benchmark's pages in Chromium: what a user waits for and what they download.

A :class:`Target` is one page to open: the floor, a course notebook (JupyterLab, then Run All)
or a present page (Voilà). :func:`measure_load` opens one in a fresh browser context (empty
cache, new kernel) on a server that is already running and quiet, and records the time to the
first chart, the bytes over the kernel websocket and over HTTP, and the kernel's memory.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Error as PlaywrightError

from tools import browser as driver
from tools.bench.kernels import kernel_rss_mb, shutdown_voila_kernel, wait_quiet
from tools.bench.records import FLOOR as FLOOR_LABEL
from tools.bench.records import LAB, LoadSample

VIEWPORT = {"width": 1280, "height": 900}
#: What a page that fails to open or run raises: reported as a note, the benchmark goes on.
PAGE_ERRORS = (driver.DriverError, PlaywrightError)
KERNEL_WEBSOCKET = re.compile(r"/api/kernels/([0-9a-f-]{36})/channels")

#: Wall-clock time (ms since the epoch) of the first FigureWidget drawn. Epoch time, not
#: performance.now(), so that a reload or redirect cannot move its origin.
FIRST_CHART_JS = """
window.__firstChartAt = null;
document.addEventListener("plotlywidget-after-render", () => {
  if (window.__firstChartAt === null) {
    window.__firstChartAt = performance.timeOrigin + performance.now();
  }
});
"""


@dataclass(frozen=True)
class Target:
    """A page the benchmark opens, on a server it started."""

    front: str  #: ``LAB`` or ``VOILA``
    stem: str  #: the notebook's file stem on the server
    label: str  #: its name in the tables (``FLOOR``, a notebook stem or a present-page stem)
    notebook: str  #: the course notebook it comes from, or ``FLOOR``
    simulators: int  #: how many simulators it shows
    server: driver.Server
    quiet: tuple[int, ...] = ()  #: server processes that must be quiet before opening it
    #: Measured in a browser that has opened this page before (its cache warm, as a trainer's
    #: browser is in class); the kernel is still a new one.
    warm: bool = False


class Traffic:
    """Counts a page's kernel-websocket frames and HTTP responses as they happen."""

    def __init__(self, page: Any) -> None:
        self.ws_received = 0
        self.ws_sent = 0
        self.kernel_ids: list[str] = []
        self.requests: list[Any] = []
        self.last_frame = time.monotonic()
        page.on("websocket", self._on_websocket)
        page.on("requestfinished", lambda request: self.requests.append(request))

    def _on_websocket(self, websocket: Any) -> None:
        match = KERNEL_WEBSOCKET.search(websocket.url)
        if not match:  # JupyterLab's event stream and the like: not the kernel's traffic
            return
        self.kernel_ids.append(match.group(1))
        websocket.on("framereceived", lambda payload: self._count("ws_received", payload))
        websocket.on("framesent", lambda payload: self._count("ws_sent", payload))

    def _count(self, attribute: str, payload: str | bytes) -> None:
        size = len(payload.encode()) if isinstance(payload, str) else len(payload)
        setattr(self, attribute, getattr(self, attribute) + size)
        self.last_frame = time.monotonic()

    def wait_quiet(self, page: Any, quiet: float = 1.0, timeout: float = 20) -> None:
        """Wait until no kernel frame came for ``quiet`` seconds (the page has settled).

        ``page.wait_for_timeout`` rather than ``time.sleep``: Playwright delivers the frame
        events only while it is waiting on the page.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and time.monotonic() - self.last_frame < quiet:
            page.wait_for_timeout(200)

    def http(self) -> tuple[int, int]:
        """(bytes, requests) of the finished HTTP responses: headers and body as transferred."""
        total = 0
        for request in self.requests:
            try:
                sizes = request.sizes()
            except Exception:  # noqa: BLE001 - a request without sizes (e.g. served from memory)
                continue
            total += max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0)
        return total, len(self.requests)


def new_page(browser: Any) -> tuple[Any, Any]:
    """A fresh context (empty cache, own cookies) and page, with the render probes installed."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(driver.RENDER_COUNTER_JS + FIRST_CHART_JS)
    return context, context.new_page()


def open_target(page: Any, target: Target, timeout: float) -> Any:
    """Open the target as a user would; return the element holding its simulators, all drawn.

    JupyterLab: open the notebook, wait for its kernel, Run All. Voilà: open the page (it runs).
    """
    if target.front == LAB:
        scope = driver.open_notebook(page, target.server, f"{target.stem}.ipynb", timeout)
        driver.wait_kernel_ready(page, target.stem, timeout)
        driver.run_all_cells(page)
        driver.wait_all_executed(page, target.stem, timeout)
    else:
        page.goto(target.server.url(f"voila/render/{target.stem}.ipynb"), timeout=timeout * 1000)
        scope = page
    driver.wait_simulators(scope, target.simulators, target.stem, timeout)
    return scope


def warm_up(page: Any, target: Target, timeout: float) -> None:
    """Open ``target`` once in ``page``'s browser context and leave it (not measured).

    Then wait until the server has started the page's next kernel and is quiet again.
    """
    from helpers.present.server import REFILL_DELAY

    kernels: list[str] = []

    def note(websocket: Any) -> None:
        match = KERNEL_WEBSOCKET.search(websocket.url)
        if match:
            kernels.append(match.group(1))

    page.on("websocket", note)
    open_target(page, target, timeout)
    page.goto("about:blank")
    page.remove_listener("websocket", note)
    release(target, kernels)
    time.sleep(REFILL_DELAY + 1)
    wait_quiet(list(target.quiet) or [target.server.process.pid])


def release(target: Target, kernel_ids: list[str]) -> None:
    """Shut down the kernels a closed page leaves behind (a closed tab does not)."""
    if target.front == LAB:
        target.server.delete_sessions()
        return
    for kernel_id in dict.fromkeys(kernel_ids):
        shutdown_voila_kernel(target.server, kernel_id)


def measure_load(browser: Any, target: Target, timeout: float) -> LoadSample:
    """Open ``target`` once, cold in the browser, on a running, quiet server; see the module."""
    wait_quiet(list(target.quiet) or [target.server.process.pid])
    context, page = new_page(browser)
    if target.warm:
        warm_up(page, target, timeout)
    traffic = Traffic(page)
    try:
        opened_at = time.time() * 1000
        open_target(page, target, timeout)
        first_chart = page.evaluate("() => window.__firstChartAt")
        traffic.wait_quiet(page)
        rss = sum(kernel_rss_mb(k) for k in dict.fromkeys(traffic.kernel_ids))
        http_bytes, requests = traffic.http()
    finally:
        context.close()
        release(target, traffic.kernel_ids)
        if target.front != LAB and target.label != FLOOR_LABEL:
            # A present page's server starts its next kernel a moment after it was taken.
            from helpers.present.server import REFILL_DELAY

            time.sleep(REFILL_DELAY + 1)
    return LoadSample(
        first_chart_ms=float(first_chart) - opened_at if first_chart else float("nan"),
        ws_received=traffic.ws_received,
        ws_sent=traffic.ws_sent,
        http_bytes=http_bytes,
        http_requests=requests,
        rss_mb=rss if traffic.kernel_ids else float("nan"),
    )
