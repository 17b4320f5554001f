"""Drive JupyterLab and Voilà in a real Chromium: servers, notebooks, sliders, charts.

One module for the browser tests (``tests/browser``) and the benchmark (``tools/bench.py``).
Every wait here is bounded and fails with a message saying what did not happen.
Selectors and waits were tried on this stack (JupyterLab 4.6, ipywidgets 8.1, plotly 7.1,
Voilà 0.5).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers import PROJECT_DIR

NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
COURSE_CONFIG_DIR = PROJECT_DIR / "jupyter"
FAILURE_DIR = PROJECT_DIR / "build" / "browser-failures"

#: Offline machine: without these Chromium floods the log with refused connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Settings layered in front of the course's own (jupyter/labconfig): a clean, stable test page.
TEST_SETTING_OVERRIDES: dict[str, dict[str, Any]] = {
    # Cells off screen are not rendered otherwise, and their outputs could not be checked.
    "@jupyterlab/notebook-extension:tracker": {
        "windowingMode": "none",
        "autoStartDefaultKernel": True,
    },
    # The test must never write the notebook back.
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

LAB_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
SIMULATOR = ".loyalty-simulator"
PLOT = ".js-plotly-plot"
STDERR_MIME = "application/vnd.jupyter.stderr"
ERROR_MIME = "application/vnd.jupyter.error"

# The values a plot shows for trace 0, as the browser holds them: y, or x for horizontal bars.
# Plotly may keep a binary spec ({dtype, bdata}) in `data`; the decoded numbers are in _fullData.
_CHART_JS = """
(el) => {
  const trace = el.data[0];
  const key = trace.orientation === 'h' ? 'x' : 'y';
  let values = trace[key];
  if (!values || !(Array.isArray(values) || ArrayBuffer.isView(values))) {
    values = el._fullData.find((t) => t.index === 0)[key];
  }
  return Array.from(values, Number);
}
"""


class DriverError(AssertionError):
    """Something in the page or a server did not happen in time (message says what)."""


# --------------------------------------------------------------------------- environment


def chromium_executable() -> str | None:
    """Debian's Chromium (Playwright's own download cannot work offline)."""
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def missing_browser_reason() -> str | None:
    """Why the browser tests cannot run here, or None if they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements.txt)"
    if chromium_executable() is None:
        return "chromium is not installed (apt-get install -y chromium)"
    return None


def launch_chromium(playwright: Any) -> Any:
    """Start headless Chromium with the offline-safe flags."""
    return playwright.chromium.launch(
        executable_path=chromium_executable(), headless=True, args=CHROMIUM_ARGS
    )


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_course(workdir: Path) -> Path:
    """Copy notebooks/ into ``workdir`` (the server never sees the repository's files).

    ``data`` and ``helpers`` are linked next to the copy so that relative paths a notebook may
    use (``../data``) resolve as in the repository.
    """
    course = workdir / "course"
    shutil.copytree(
        NOTEBOOKS_DIR, course / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    for name in ("data", "helpers"):
        if (PROJECT_DIR / name).exists():
            (course / name).symlink_to(PROJECT_DIR / name)
    return course / "notebooks"


def write_test_config(workdir: Path) -> Path:
    """A Jupyter config dir holding the test's setting overrides."""
    config = workdir / "jupyter-config"
    (config / "labconfig").mkdir(parents=True, exist_ok=True)
    (config / "labconfig" / "default_setting_overrides.json").write_text(
        json.dumps(TEST_SETTING_OVERRIDES, indent=2), encoding="utf-8"
    )
    return config


def server_environment(workdir: Path, config_dirs: Iterable[Path]) -> dict[str, str]:
    """Environment for a server: given config dirs first, runtime/user files in ``workdir``."""
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(str(p) for p in config_dirs)
    env["JUPYTER_RUNTIME_DIR"] = str(workdir / "runtime")
    env["JUPYTERLAB_SETTINGS_DIR"] = str(workdir / "user-settings")
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(workdir / "workspaces")
    env["IPYTHONDIR"] = str(workdir / "ipython")
    # The kernel is started through the same venv as the server.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("JUPYTER_TOKEN", None)
    return env


# --------------------------------------------------------------------------- servers


@dataclass
class Server:
    """A JupyterLab or Voilà process on 127.0.0.1 that this module started."""

    process: subprocess.Popen[bytes]
    base_url: str
    log: Path
    token: str = ""
    children: set[int] = field(default_factory=set)

    def url(self, path: str, **query: str) -> str:
        """Absolute URL of ``path`` (with the token, if any)."""
        params = dict(query)
        if self.token:
            params["token"] = self.token
        tail = "&".join(f"{k}={v}" if v else k for k, v in params.items())
        return f"{self.base_url}/{path.lstrip('/')}" + (f"?{tail}" if tail else "")

    def fetch(self, method: str, path: str, timeout: float = 10) -> bytes:
        """One HTTP request to the server (token in the header); the body."""
        request = urllib.request.Request(f"{self.base_url}{path}", method=method)
        if self.token:
            request.add_header("Authorization", f"token {self.token}")
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())

    def api(self, method: str, path: str, timeout: float = 10) -> Any:
        """Call the REST API; returns decoded JSON (or None for an empty answer)."""
        body = self.fetch(method, path, timeout)
        return json.loads(body) if body else None

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the server wrote (for error messages)."""
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def wait_until_answers(self, path: str, timeout: float) -> None:
        """Poll ``path`` until it answers 200; fail with the log if the process dies or stalls."""
        deadline = time.monotonic() + timeout
        last = "no answer yet"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise DriverError(
                    f"Server exited with code {self.process.returncode} before answering.\n"
                    f"{self.log_tail()}"
                )
            try:
                self.fetch("GET", path, timeout=5)
                return
            except (urllib.error.URLError, OSError) as exc:
                last = str(exc)
            time.sleep(0.25)
        raise DriverError(
            f"Server at {self.base_url} did not answer {path} within {timeout:.0f} s "
            f"({last}).\n{self.log_tail()}"
        )

    def remember_children(self) -> None:
        """Note the kernel processes: they run in their own session and survive a killpg."""
        try:
            import psutil

            for child in psutil.Process(self.process.pid).children(recursive=True):
                self.children.add(child.pid)
        except Exception:  # noqa: BLE001 - best effort; psutil comes with ipykernel
            pass

    def delete_sessions(self) -> None:
        """Shut down every session and kernel (kernels outlive the browser page)."""
        self.remember_children()
        try:
            for session in self.api("GET", "/api/sessions") or []:
                self.api("DELETE", f"/api/sessions/{session['id']}")
            for kernel in self.api("GET", "/api/kernels") or []:
                self.api("DELETE", f"/api/kernels/{kernel['id']}")
        except (urllib.error.URLError, OSError, ValueError):
            pass  # the server may not offer the API (Voilà) or already be gone

    def stop(self, timeout: float = 15) -> None:
        """Stop the server and every kernel it started; never leaves a process behind."""
        self.remember_children()
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        for pid in self.children:
            _kill_if_alive(pid)


def _kill_if_alive(pid: int) -> None:
    try:
        import psutil

        proc = psutil.Process(pid)
        proc.terminate()
        proc.wait(timeout=5)
    except Exception:  # noqa: BLE001 - already gone is the normal case
        pass


def _spawn(
    command: list[str], env: dict[str, str], log: Path, cwd: Path
) -> subprocess.Popen[bytes]:
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        # Own process group, so stop() can end the server and what it spawned, and nothing else.
        return subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True
        )


def start_lab(root: Path, workdir: Path, timeout: float = 90) -> Server:
    """JupyterLab serving ``root`` on 127.0.0.1, with test settings in front of the course's."""
    port = free_port()
    token = secrets.token_hex(16)
    config = write_test_config(workdir)
    env = server_environment(workdir, [config, COURSE_CONFIG_DIR])
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.workspaces_dir={workdir / 'workspaces'}",
        f"--LabApp.user_settings_dir={workdir / 'user-settings'}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    process = _spawn(command, env, workdir / "logs" / "lab.log", cwd=root)
    server = Server(process, f"http://127.0.0.1:{port}", workdir / "logs" / "lab.log", token)
    try:
        server.wait_until_answers("/api/status", timeout)
    except BaseException:
        server.stop()
        raise
    return server


def start_voila(folder: Path, workdir: Path, timeout: float = 90) -> Server:
    """Voilà serving the present-view ``folder`` exactly as ``make present`` does."""
    from helpers.present import voila_command, voila_environment

    port = free_port()
    env = voila_environment()
    env.update(
        {
            "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
            "IPYTHONDIR": str(workdir / "ipython"),
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        }
    )
    command = voila_command(folder, port, browser=False)
    command.append(f"--Voila.connection_dir_root={workdir / 'connections'}")
    (workdir / "connections").mkdir(parents=True, exist_ok=True)
    process = _spawn(command, env, workdir / "logs" / "voila.log", cwd=workdir)
    server = Server(process, f"http://127.0.0.1:{port}", workdir / "logs" / "voila.log")
    try:
        server.wait_until_answers("/", timeout)
    except BaseException:
        server.stop()
        raise
    return server


def start_voila_cold(folder: Path, workdir: Path, timeout: float = 90) -> Server:
    """Voilà serving ``folder`` like :func:`start_voila`, but never with pre-started kernels.

    Every page then starts its kernel when it is opened, whatever the present view's settings:
    the benchmark's reference for opening a page cold.
    """
    from helpers.present import voila_command, voila_environment

    port = free_port()
    env = voila_environment()
    env.update(
        {
            "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
            "IPYTHONDIR": str(workdir / "ipython"),
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        }
    )
    # Options on the command line win over config files; each may be given only once.
    command = [c for c in voila_command(folder, port, browser=False) if "preheat_kernel" not in c]
    command += [
        "--preheat_kernel=False",
        f"--Voila.connection_dir_root={workdir / 'connections'}",
    ]
    (workdir / "connections").mkdir(parents=True, exist_ok=True)
    process = _spawn(command, env, workdir / "logs" / "voila-cold.log", cwd=workdir)
    server = Server(process, f"http://127.0.0.1:{port}", workdir / "logs" / "voila-cold.log")
    try:
        server.wait_until_answers("/", timeout)
    except BaseException:
        server.stop()
        raise
    return server


# --------------------------------------------------------------------------- JupyterLab page


def open_notebook(page: Any, server: Server, name: str, timeout: float = 60) -> Any:
    """Open ``name`` in a fresh workspace; return the visible panel once its kernel is idle."""
    page.goto(server.url(f"lab/tree/{name}", reset=""), timeout=timeout * 1000)
    panel = page.locator(LAB_PANEL)
    try:
        panel.locator(".jp-Notebook").first.wait_for(timeout=timeout * 1000)
        panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first.wait_for(
            timeout=timeout * 1000
        )
    except Exception as exc:
        raise DriverError(
            f"{name}: the notebook or its kernel was not ready in {timeout} s"
        ) from exc
    return panel


def wait_kernel_ready(page: Any, name: str, timeout: float = 60) -> None:
    """Wait until the visible notebook has a kernel, connected and idle.

    The execution indicator already reads "idle" while the toolbar still says "No Kernel", so
    :func:`open_notebook` can return before the kernel exists; for a small notebook that loads
    fast, a Run All sent then is lost. Call this after it before running cells.
    """
    script = f"""
    () => {{
      const panel = document.querySelector('{LAB_PANEL}');
      const kernel = panel && panel.querySelector('.jp-Toolbar-kernelName');
      const status = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
      return Boolean(kernel && status) && kernel.getAttribute('aria-label') !== 'No Kernel'
        && status.dataset.status === 'idle';
    }}
    """
    try:
        page.wait_for_function(script, timeout=timeout * 1000, polling=100)
    except Exception as exc:
        raise DriverError(f"{name}: no idle kernel within {timeout} s") from exc


def _menu(page: Any, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{item}$")).click()


def run_all_cells(page: Any) -> None:
    """Edit → Clear Outputs of All Cells, then Run → Run All Cells, as a learner would.

    Clearing first makes "every cell has an execution count" mean "ran now", even if a
    notebook was saved with outputs.
    """
    _menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        f"""() => [...document.querySelectorAll('{LAB_PANEL} .jp-CodeCell .jp-InputArea-prompt')]
            .every((p) => !/\\[\\d+\\]/.test(p.textContent))""",
        timeout=10_000,
    )
    _menu(page, "Run", "Run All Cells")


def wait_all_executed(page: Any, name: str, timeout: float = 120) -> None:
    """Wait until every code cell shows an execution count and the kernel is idle again.

    Run All stops at an error, so an error or stderr output also ends the wait (the caller
    reports it). JupyterLab renders tracebacks with the stderr MIME type too.
    """
    script = f"""
    () => {{
      const panel = document.querySelector('{LAB_PANEL}');
      if (!panel) return false;
      const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
      if (!status || status.dataset.status !== 'idle') return false;
      if (panel.querySelector('.jp-OutputArea-output[data-mime-type="{STDERR_MIME}"]')) return true;
      const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
      return prompts.every((p) => /\\[\\d+\\]/.test(p.textContent));
    }}
    """
    try:
        page.wait_for_function(script, timeout=timeout * 1000, polling=200)
    except Exception as exc:
        pending = page.evaluate(
            f"""() => [...document.querySelectorAll('{LAB_PANEL} .jp-CodeCell')]
                .map((c, i) => [i, c.querySelector('.jp-InputArea-prompt')?.textContent])
                .filter(([, p]) => !/\\[\\d+\\]/.test(p || ''))"""
        )
        raise DriverError(
            f"{name}: cells not executed within {timeout} s (cell index, prompt): {pending}"
        ) from exc


def problem_outputs(scope: Any) -> list[str]:
    """Text of every error or stderr output under ``scope`` (a locator or a page)."""
    found = scope.locator(
        f'.jp-OutputArea-output[data-mime-type="{STDERR_MIME}"], '
        f'.jp-OutputArea-output[data-mime-type="{ERROR_MIME}"]'
    )
    return [text.strip() for text in found.all_inner_texts()]


# --------------------------------------------------------------------------- simulators


def simulator_name(sim: Any) -> str:
    """The ``<name>`` of a simulator's ``simulator-<name>`` CSS class."""
    classes = (sim.get_attribute("class") or "").split()
    names = [c.removeprefix("simulator-") for c in classes if c.startswith("simulator-")]
    if not names:
        raise DriverError(f"A .loyalty-simulator without a simulator-<name> class: {classes}")
    return names[0]


#: Installed before any page script: counts FigureWidget views that finished their first draw
#: and wired their update handlers (plotly fires this event then). A slider moved earlier can
#: have its redraw lost in plotly's view, so the tests wait for it as a person would.
RENDER_COUNTER_JS = """
window.__plotlyRendered = 0;
document.addEventListener("plotlywidget-after-render", () => { window.__plotlyRendered += 1; });
"""


def _rendered_views(scope: Any) -> float:
    """FigureWidget views fully rendered so far (infinite where the counter is not installed)."""
    page = getattr(scope, "page", scope)
    count = page.evaluate("() => window.__plotlyRendered")
    return float("inf") if count is None else float(count)


def wait_simulators(scope: Any, expected: int, what: str, timeout: float = 60) -> list[Any]:
    """Wait for ``expected`` simulators with a drawn, ready plot; return all simulators found."""
    plots = scope.locator(f"{SIMULATOR} {PLOT} .main-svg")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (
            scope.locator(f"{SIMULATOR} {PLOT}").count() >= expected
            and all(_has_data(p) for p in scope.locator(f"{SIMULATOR} {PLOT}").element_handles())
            and plots.count() >= expected
            and _rendered_views(scope) >= expected
        ):
            break
        time.sleep(0.2)
    else:
        raise DriverError(
            f"{what}: expected at least {expected} simulator(s) with a drawn chart within "
            f"{timeout} s, found {scope.locator(SIMULATOR).count()} simulator(s) and "
            f"{plots.count()} drawn chart(s)"
        )
    sims = scope.locator(SIMULATOR)
    return [sims.nth(i) for i in range(sims.count())]


def _has_data(handle: Any) -> bool:
    return bool(handle.evaluate("(el) => Array.isArray(el.data) && el.data.length > 0"))


def read_chart(sim: Any) -> list[float]:
    """The values trace 0 of the simulator's chart shows in the browser."""
    return [float(v) for v in sim.locator(PLOT).first.evaluate(_CHART_JS)]


def read_readouts(sim: Any) -> list[str]:
    """Every slider's readout text, in the order shown."""
    return [t.strip() for t in sim.locator(".widget-slider .widget-readout").all_inner_texts()]


def parse_readout(text: str, readout_format: str | None = None) -> float:
    """A slider readout as a number ("1,200" → 1200, "35%" with a % format → 0.35)."""
    cleaned = text.replace(",", "").replace("\u2212", "-").strip()
    if cleaned.endswith("%"):
        value = float(cleaned[:-1])
        return value / 100 if readout_format and "%" in readout_format else value
    return float(cleaned)


def handle_state(sim: Any) -> tuple[float, float, float]:
    """(value, min, max) of the first slider, from its knob's ARIA attributes."""
    knob = sim.locator(".widget-slider .noUi-handle").first
    return tuple(  # type: ignore[return-value]
        float(knob.get_attribute(a) or "nan")
        for a in ("aria-valuenow", "aria-valuemin", "aria-valuemax")
    )


def move_first_slider(
    page: Any, sim: Any, timeout: float = 15, direction: str | None = None
) -> tuple[list[float], list[float]]:
    """Press an arrow key on the first slider's knob; wait for the chart to change.

    ArrowRight, or ArrowLeft when the knob is at its maximum. Returns (before, after).
    """
    before = read_chart(sim)
    if direction is None:
        value, _, high = handle_state(sim)
        direction = "ArrowLeft" if value >= high else "ArrowRight"
    knob = sim.locator(".widget-slider .noUi-handle").first
    knob.focus()
    knob.press(direction)
    plot = sim.locator(PLOT).first.element_handle()
    try:
        page.wait_for_function(
            f"([el, before]) => JSON.stringify(({_CHART_JS})(el)) !== JSON.stringify(before)",
            arg=[plot, before],
            timeout=timeout * 1000,
            polling="raf",
        )
    except Exception as exc:
        raise DriverError(
            f"The chart did not change within {timeout} s after {direction} on the first slider "
            f"(readouts {read_readouts(sim)}, chart {before})"
        ) from exc
    return before, read_chart(sim)


def expected_chart(presented: Any, readouts: list[str]) -> list[float]:
    """Rebuild the simulator headless, set the browser's slider values, return its chart data."""
    simulator = presented.factory()
    names = list(simulator.controls)
    if len(readouts) != len(names):
        raise DriverError(
            f"{simulator.name}: the page shows {len(readouts)} slider readout(s), "
            f"the model has {len(names)} slider(s) ({', '.join(names)})"
        )
    values = {}
    for name, text in zip(names, readouts, strict=True):
        control = simulator.controls[name]
        number = parse_readout(text, getattr(control, "readout_format", None))
        values[name] = int(round(number)) if isinstance(control.value, int) else number
    simulator.set_values(**values)
    return simulator.chart_data()


def charts_match(browser: list[float], model: list[float], rel: float = 1e-6) -> bool:
    """Same length and every value equal within ``rel`` (relative; absolute near zero)."""
    if len(browser) != len(model):
        return False
    return all(
        abs(a - b) <= rel * max(abs(a), abs(b), 1e-12) or abs(a - b) <= 1e-12
        for a, b in zip(browser, model, strict=True)
    )


# --------------------------------------------------------------------------- latency (benchmark)

# Installed before each keypress: keydown time, then the first moment the chart's data differs,
# seen by a MutationObserver on the plot (Plotly redraws synchronously after changing `data`)
# with requestAnimationFrame polling as a fallback.
_PROBE_JS = f"""
(el) => {{
  const values = {_CHART_JS};
  const probe = {{before: JSON.stringify(values(el)), t0: null, t1: null}};
  window.__latencyProbe = probe;
  document.addEventListener('keydown', () => {{
    if (probe.t0 === null) probe.t0 = performance.now();
  }}, {{capture: true, once: true}});
  const check = () => {{
    if (probe.t1 === null && probe.t0 !== null && JSON.stringify(values(el)) !== probe.before) {{
      probe.t1 = performance.now();
      observer.disconnect();
    }}
  }};
  const observer = new MutationObserver(check);
  observer.observe(el, {{subtree: true, childList: true, attributes: true, characterData: true}});
  const poll = () => {{ check(); if (probe.t1 === null) requestAnimationFrame(poll); }};
  requestAnimationFrame(poll);
}}
"""


def timed_move(page: Any, sim: Any, direction: str, timeout: float = 15) -> float:
    """Milliseconds from an arrow keypress on the first slider to the chart's changed data."""
    plot = sim.locator(PLOT).first
    plot.evaluate(_PROBE_JS)
    knob = sim.locator(".widget-slider .noUi-handle").first
    knob.focus()
    knob.press(direction)
    try:
        page.wait_for_function(
            "() => window.__latencyProbe && window.__latencyProbe.t1 !== null",
            timeout=timeout * 1000,
            polling=50,
        )
    except Exception as exc:
        raise DriverError(f"The chart did not change within {timeout} s after {direction}") from exc
    probe = page.evaluate("() => window.__latencyProbe")
    return float(probe["t1"] - probe["t0"])


def bounce_direction(sim: Any, current: str) -> str:
    """Keep moving the same way until the knob hits an end, then turn around."""
    value, low, high = handle_state(sim)
    if current == "ArrowRight" and value >= high:
        return "ArrowLeft"
    if current == "ArrowLeft" and value <= low:
        return "ArrowRight"
    return current


# --------------------------------------------------------------------------- the course's catalogue


def simulations_by_name() -> dict[str, Any]:
    """Every simulator of the course (its manifest entry), by its name."""
    from helpers.course import simulations

    return {sim.name: sim for _lesson, sim in simulations()}


def model_mismatch(sim: Any, what: str) -> str | None:
    """None if the chart in the page is what the model gives for the sliders shown, else why."""
    name = simulator_name(sim)
    presented = simulations_by_name().get(name)
    if presented is None:
        return (
            f"{what}: simulator '{name}' is in no lesson manifest, so it cannot be checked; "
            "add it to its lesson's lesson.py"
        )
    readouts = read_readouts(sim)
    shown = read_chart(sim)
    model = expected_chart(presented, readouts)
    if charts_match(shown, model):
        return None
    return (
        f"{what}: simulator '{name}' with sliders at {readouts} shows {shown}, "
        f"the model gives {model}"
    )


def check_move(page: Any, sim: Any, what: str) -> None:
    """Move the first slider one step; the chart must change and agree with the model."""
    before, after = move_first_slider(page, sim)
    if after == before:
        raise DriverError(f"{what}: the chart did not change: {before}")
    problem = model_mismatch(sim, f"{what} (after moving the first slider)")
    if problem:
        raise DriverError(problem)


# --------------------------------------------------------------------------- traffic, whole pages


@dataclass
class Traffic:
    """What a page moved since :func:`meter_traffic`: websocket payloads and HTTP responses."""

    origin: str
    websocket_received: int = 0
    websocket_sent: int = 0
    requests: list[Any] = field(default_factory=list)  #: finished Playwright requests
    failed: list[str] = field(default_factory=list)  #: URLs of requests that got no answer

    @property
    def websocket_bytes(self) -> int:
        """Payload bytes over every websocket of the page, both ways."""
        return self.websocket_received + self.websocket_sent

    def http_bytes(self, url_part: str = "") -> int:
        """Response body bytes as transferred, for URLs containing ``url_part``."""
        return sum(
            int(request.sizes()["responseBodySize"])
            for request in self.requests
            if url_part in request.url
        )

    def foreign_urls(self) -> list[str]:
        """Requests that left the server's origin (a CDN, say): none may, offline."""
        local = (self.origin, "blob:", "data:", "about:")
        urls = [request.url for request in self.requests] + self.failed
        return [url for url in urls if not url.startswith(local)]

    def summary(self) -> str:
        """One line for reports and failure messages."""
        return (
            f"websocket {self.websocket_received / 1e6:.2f} MB received, "
            f"{self.websocket_sent / 1e6:.2f} MB sent; HTTP {self.http_bytes() / 1e6:.2f} MB"
        )


def _payload_bytes(payload: str | bytes) -> int:
    return len(payload.encode("utf-8")) if isinstance(payload, str) else len(payload)


def meter_traffic(page: Any, server: Server) -> Traffic:
    """Count, from now on, every websocket frame and finished HTTP request of ``page``."""
    traffic = Traffic(origin=server.base_url)

    def on_websocket(socket: Any) -> None:
        def received(payload: str | bytes) -> None:
            traffic.websocket_received += _payload_bytes(payload)

        def sent(payload: str | bytes) -> None:
            traffic.websocket_sent += _payload_bytes(payload)

        socket.on("framereceived", received)
        socket.on("framesent", sent)

    def finished(request: Any) -> None:
        traffic.requests.append(request)

    def failed(request: Any) -> None:
        traffic.failed.append(request.url)

    page.on("websocket", on_websocket)
    page.on("requestfinished", finished)
    page.on("requestfailed", failed)
    return traffic


def open_voila_notebook(
    page: Any, server: Server, name: str, expected: int, timeout: float = 120
) -> list[Any]:
    """Render a whole notebook in Voilà; wait for ``expected`` simulators with drawn charts."""
    page.goto(server.url(f"voila/render/{name}"), timeout=timeout * 1000)
    return wait_simulators(page, expected, f"Voilà {name}", timeout=timeout)


def close_voila_page(page: Any) -> None:
    """Leave the page so Voilà shuts its kernel down now rather than at the idle cull."""
    try:
        page.goto("about:blank", timeout=10_000)
    except Exception:  # noqa: BLE001 - the kernel is culled later anyway
        pass


def follow_moves(page: Any, sims: list[Any], moves: int, what: str) -> list[str]:
    """Move the first slider of every simulator ``moves`` times; each chart must change.

    Returns one line per move whose chart did not change (an empty list when all did), so a
    caller sees every lost update of a page, not only the first.
    """
    lost = []
    for index, sim in enumerate(sims):
        for move in range(1, moves + 1):
            try:
                before, after = move_first_slider(page, sim, timeout=10)
            except DriverError as exc:
                lost.append(f"{what}, simulator #{index + 1}, move {move}: {exc}")
                continue
            if after == before:
                lost.append(f"{what}, simulator #{index + 1}, move {move}: chart unchanged")
    return lost


def run_all_until_started(page: Any, attempts: int = 2, timeout: float = 15) -> None:
    """:func:`run_all_cells`, again if no cell got queued (a lost Run All click, seen under load).

    A queued or running cell shows ``[*]`` at once, so a click that did anything shows quickly.
    """
    prompts = f"{LAB_PANEL} .jp-CodeCell .jp-InputArea-prompt"
    started = f"""() => [...document.querySelectorAll('{prompts}')]
        .some((p) => /\\[(\\*|\\d+)\\]/.test(p.textContent))"""
    for attempt in range(1, attempts + 1):
        run_all_cells(page)
        try:
            page.wait_for_function(started, timeout=timeout * 1000, polling=200)
            return
        except Exception as exc:
            if attempt == attempts:
                raise DriverError(f"Run All started no cell in {attempts} tries") from exc


# --------------------------------------------------------------------------- projector checks
# Used by the present-view, chart and accessibility tests: what a room sees must be big enough,
# never cut off or overlapping, operable by keyboard, and fetched from this machine only.

#: Text elements of a plotly chart that must neither overlap nor leave the chart, by kind.
CHART_TEXT_SELECTORS = {
    "title": "text.gtitle",
    "axis title": ".infolayer g[class*='xtitle'] text, .infolayer g[class*='ytitle'] text",
    "legend entry": ".legend .traces .legendtext",
    "legend title": ".legend .legendtitletext",
    "annotation": ".annotation .annotation-text",
    "value label": ".textpoint text, text.bartext, text.slicetext",
    "tick label": "g[class$='tick'] > text, g[class$='tick2'] > text",
}

# Every text element of a chart: its kind, words and box (page coordinates), and the chart's box.
_CHART_TEXT_JS = """
(el, selectors) => {
  const svg = el.querySelector('.main-svg');
  const frame = svg.getBoundingClientRect();
  const seen = new Set();
  const items = [];
  for (const [kind, selector] of Object.entries(selectors)) {
    for (const node of el.querySelectorAll(selector)) {
      if (seen.has(node)) continue;
      seen.add(node);
      const text = (node.textContent || '').trim();
      const box = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      let hidden = style.display === 'none' || style.visibility === 'hidden';
      for (let up = node; up && up !== el && !hidden; up = up.parentElement) {
        const s = getComputedStyle(up);
        hidden = s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0;
      }
      if (!text || hidden || box.width < 1 || box.height < 1) continue;
      items.push({kind, text, x0: box.left, y0: box.top, x1: box.right, y1: box.bottom,
                  size: parseFloat(style.fontSize)});
    }
  }
  const holder = el.parentElement.getBoundingClientRect();
  return {items, frame: {x0: frame.left, y0: frame.top, x1: frame.right, y1: frame.bottom},
          width: frame.width, room: holder.width};
}
"""


def chart_text(plot: Any) -> dict[str, Any]:
    """The text elements of one ``.js-plotly-plot`` (kind, text, box) and the chart's frame."""
    return plot.evaluate(_CHART_TEXT_JS, CHART_TEXT_SELECTORS)


def _overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """How far two boxes overlap, in px, along their narrower shared side (0 if apart)."""
    across = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    down = min(a["y1"], b["y1"]) - max(a["y0"], b["y0"])
    return max(0.0, min(across, down))


def chart_collisions(plot: Any, what: str, tolerance: float = 1.5) -> list[str]:
    """Every pair of a chart's texts that overlap, and every text that leaves the chart.

    Titles, axis titles, legend entries, annotations, value labels and tick labels: two of them
    overlapping by more than ``tolerance`` px (each way) is reported, as is a text sticking out
    of the chart's SVG (cut off on screen).
    """
    found = chart_text(plot)
    items, frame = found["items"], found["frame"]
    problems = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if _overlap(a, b) > tolerance:
                problems.append(
                    f"{what}: {a['kind']} {a['text']!r} overlaps {b['kind']} {b['text']!r}"
                )
        outside = max(
            frame["x0"] - a["x0"],
            a["x1"] - frame["x1"],
            frame["y0"] - a["y0"],
            a["y1"] - frame["y1"],
        )
        if outside > tolerance:
            problems.append(f"{what}: {a['kind']} {a['text']!r} is cut off by {outside:.0f} px")
    return problems


def chart_width_problem(plot: Any, what: str, share: float = 0.9) -> str | None:
    """None if the chart uses at least ``share`` of the width its container gives it, else why."""
    found = chart_text(plot)
    if found["width"] >= share * found["room"] - 1 and found["width"] <= found["room"] + 1:
        return None
    return f"{what}: chart {found['width']:.0f} px wide in a container of {found['room']:.0f} px"


# Visible text nodes under a root: their words, font size and whether their box cuts them off.
_TEXT_JS = """
(root) => {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest('svg, script, style, .jp-InputArea')) continue;
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || !el.checkVisibility()) continue;
    const style = getComputedStyle(el);
    const clipped = (el.scrollWidth > el.clientWidth + 1 &&
                     ['hidden', 'clip'].includes(style.overflowX)) ||
                    style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1;
    out.push({text: text.slice(0, 60), size: parseFloat(style.fontSize), clipped,
              where: el.className && el.className.toString ? el.className.toString() : el.tagName});
  }
  return out;
}
"""


def page_text(page: Any, root: str = "body") -> list[dict[str, Any]]:
    """Every visible text under ``root`` (outside charts): words, font size, cut off or not."""
    return page.locator(root).first.evaluate(
        _TEXT_JS, [page.locator(root).first.element_handle(), 0]
    )


def small_or_cut_text(page: Any, what: str, root: str = "body", minimum: float = 18) -> list[str]:
    """Visible texts (outside charts) under ``minimum`` px, or cut off by their box."""
    problems = []
    for item in page_text(page, root):
        if item["size"] < minimum - 0.01:
            problems.append(f"{what}: {item['text']!r} is {item['size']:g} px ({item['where']})")
        if item["clipped"]:
            problems.append(f"{what}: {item['text']!r} is cut off ({item['where']})")
    return problems


def bad_tooltips(page: Any, what: str) -> list[str]:
    """Hover texts (``title``) that say nothing: "null", "undefined" or only spaces."""
    titles = page.evaluate(
        """() => [...document.querySelectorAll('[title]')]
            .filter((e) => e.checkVisibility())
            .map((e) => [e.className.toString(), e.getAttribute('title')])"""
    )
    return [
        f"{what}: hover text {title!r} on {where}"
        for where, title in titles
        if title.strip().lower() in {"", "null", "undefined", "none"}
    ]


# The focused element: what it is, and whether a focus ring (outline or box shadow) shows it.
_FOCUS_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0;
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, cls: el.className.toString(), text: (el.textContent || '').trim()
          .slice(0, 60), label: el.getAttribute('aria-label') || el.getAttribute('title') || '',
          outline, shadow: style.boxShadow !== 'none', colour: style.outlineColor,
          visible: box.width > 0 && box.height > 0};
}
"""


def focused(page: Any) -> dict[str, Any] | None:
    """The element that has the keyboard focus, with its focus ring (None: nothing focused)."""
    return page.evaluate(_FOCUS_JS)


def tab_stops(page: Any, presses: int) -> list[dict[str, Any]]:
    """Press Tab ``presses`` times; what had the focus after each press (None: nothing)."""
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    return stops


def wait_quiet_chart(page: Any, sim: Any, quiet_ms: int = 400, timeout: float = 15) -> None:
    """Wait until a simulator's chart has not changed for ``quiet_ms`` (a move has landed)."""
    plot = sim.locator(PLOT).first.element_handle()
    script = f"""
    (el) => {{
      const now = JSON.stringify(({_CHART_JS})(el));
      if (el.__lastSeen !== now) {{ el.__lastSeen = now; el.__seenAt = performance.now(); }}
      return performance.now() - el.__seenAt >= {quiet_ms};
    }}
    """
    try:
        page.wait_for_function(script, arg=plot, timeout=timeout * 1000, polling=100)
    except Exception as exc:
        raise DriverError(f"The chart kept changing for {timeout} s") from exc


def press_on_slider(page: Any, sim: Any, index: int, key: str) -> None:
    """Press ``key`` (Home, End, an arrow) on the knob of the simulator's slider ``index``."""
    knob = sim.locator(".widget-slider .noUi-handle").nth(index)
    knob.focus()
    knob.press(key)
    wait_quiet_chart(page, sim)


def axe_violations(page: Any, context: Any = None) -> list[dict[str, Any]]:
    """axe-core's violations on the page (axe runs inside the page, offline, bundled)."""
    from axe_playwright_python.sync_playwright import Axe

    return list(Axe().run(page, context=context).response["violations"])


# Each text of a chart with its colour and the colour it sits on: a bar's value label inside its
# bar sits on the bar; an annotation with a background on that background; the rest on the
# chart's paper. Colours as the browser computed them (rgb/rgba strings), with opacities.
_CHART_COLOURS_JS = """
(el, selectors) => {
  const svg = el.querySelector('.main-svg');
  let paper = getComputedStyle(svg).backgroundColor;
  if (paper === 'rgba(0, 0, 0, 0)') paper = 'rgb(255, 255, 255)';
  const out = [];
  const seen = new Set();
  const inside = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1 &&
                           a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  for (const [kind, selector] of Object.entries(selectors)) {
    for (const node of el.querySelectorAll(selector)) {
      if (seen.has(node)) continue;
      seen.add(node);
      const text = (node.textContent || '').trim();
      const box = node.getBoundingClientRect();
      if (!text || box.width < 1 || !node.checkVisibility()) continue;
      const style = getComputedStyle(node);
      let under = null;
      const point = node.closest('.point');
      const bar = point && point.querySelector('path');
      if (bar && inside(box, bar.getBoundingClientRect())) {
        const s = getComputedStyle(bar);
        under = [s.fill, Number(s.fillOpacity) * Number(s.opacity)];
      }
      const label = node.closest('.textpoint');
      const trace = label && label.closest('.trace');
      if (!under && trace) {  // a scatter's text drawn on its own marker
        const index = [...trace.querySelectorAll('.textpoint')].indexOf(label);
        const marker = trace.querySelectorAll('.points .point')[index];
        if (marker && inside(box, marker.getBoundingClientRect())) {
          const s = getComputedStyle(marker);
          under = [s.fill, Number(s.fillOpacity) * Number(s.opacity)];
        }
      }
      const note = node.closest('.annotation');
      const bg = note && note.querySelector('rect.bg');
      if (!under && bg) {
        const s = getComputedStyle(bg);
        under = [s.fill, Number(s.fillOpacity) * Number(s.opacity)];
      }
      out.push({kind, text: text.slice(0, 50), fill: style.fill,
                opacity: Number(style.fillOpacity) * Number(style.opacity),
                under, paper});
    }
  }
  return out;
}
"""


def chart_contrast_problems(plot: Any, what: str, minimum: float = 4.5) -> list[str]:
    """Chart texts whose colour has less than ``minimum`` : 1 contrast with what they sit on."""
    from helpers.theme import contrast_ratio, over

    problems = []
    for item in plot.evaluate(_CHART_COLOURS_JS, CHART_TEXT_SELECTORS):
        paper = "rgb({}, {}, {})".format(*over(item["paper"]))
        ground = paper
        if item["under"] and item["under"][1] > 0 and "rgba(0, 0, 0, 0)" not in item["under"][0]:
            ground = "rgb({}, {}, {})".format(*over(item["under"][0], paper, item["under"][1]))
        text = "rgb({}, {}, {})".format(*over(item["fill"], ground, item["opacity"]))
        ratio = contrast_ratio(text, ground)
        if ratio < minimum:
            problems.append(
                f"{what}: {item['kind']} {item['text']!r} has contrast {ratio:.1f}:1 "
                f"({item['fill']} on {ground})"
            )
    return problems
