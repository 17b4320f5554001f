"""Benchmark every simulator of the course: model time, keypress-to-chart time, notebook run time.

    .venv/bin/python tools/bench.py            # everything (a few minutes on 2 cores)
    .venv/bin/python tools/bench.py --no-browser

Not a test: it measures and reports, it does not judge. Writes ``bench/results.md`` (see
``bench/README.md`` for how to read it). Never writes into notebooks/ or data/: the servers and
nbconvert work on a copy in a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from helpers.course import LESSONS, lesson, simulations  # noqa: E402
from helpers.lessons import Simulation  # noqa: E402
from tools import browser as driver  # noqa: E402  (one way to drive the page, shared with tests)

RESULTS = PROJECT_DIR / "bench" / "results.md"
#: The stack's own floor, measured on this kind of machine (STACK.md): (median, p95) in ms.
FLOOR_MS = {"JupyterLab": (80.0, 100.0), "Voilà": (71.0, 97.0)}
WARM_UP_MOVES = 3  # the first moves after load pay for lazy imports and JIT; not counted


def stats(samples_ms: Sequence[float]) -> tuple[float, float]:
    """(median, p95) of samples in milliseconds."""
    data = np.asarray(samples_ms, dtype=float)
    return float(np.median(data)), float(np.percentile(data, 95))


def unique_simulators() -> list[tuple[str, Simulation]]:
    """Every simulator of the course once, with its notebook, in course order."""
    return [(lesson.notebook, sim) for lesson, sim in simulations()]


# --------------------------------------------------------------------------- (a) model time


def random_value(control: Any, rng: random.Random) -> float:
    """A random position a learner could put this slider at (a whole number of steps)."""
    steps = round((control.max - control.min) / control.step)
    value = control.min + control.step * rng.randint(0, steps)
    return int(value) if isinstance(control.value, int) else min(float(value), control.max)


def bench_model(entry: tuple[str, Simulation], samples: int, seed: int = 0) -> dict[str, Any]:
    """Time set_values (model + figure update, no browser) over random slider positions."""
    notebook, item = entry
    simulator = item.factory()
    rng = random.Random(seed)
    total_ms, update_ms = [], []
    for _ in range(samples):
        values = {name: random_value(c, rng) for name, c in simulator.controls.items()}
        started = time.perf_counter()
        simulator.set_values(**values)
        total_ms.append((time.perf_counter() - started) * 1000)
        update_ms.append(simulator.last_update_seconds * 1000)
    return {
        "name": simulator.name,
        "notebook": notebook,
        "set_values": stats(total_ms),
        "update": stats(update_ms),
        "samples": samples,
    }


# --------------------------------------------------------------------------- (b) browser latency


def measure_moves(page: Any, sim: Any, moves: int, pause: float) -> tuple[list[float], str]:
    """Latencies (ms) of arrow presses on the first slider, bouncing at the ends.

    A chart that stops following (no change within 10 s) ends the series with a note instead
    of the whole benchmark: the report then says so.
    """
    direction = "ArrowRight"
    latencies: list[float] = []
    for index in range(moves + WARM_UP_MOVES):
        direction = driver.bounce_direction(sim, direction)
        try:
            latency = driver.timed_move(page, sim, direction, timeout=10)
        except driver.DriverError:
            note = (
                f"chart did not change after move {index + 1} (sliders {driver.read_readouts(sim)})"
            )
            print(f"    {note}", flush=True)
            return latencies, note
        if index >= WARM_UP_MOVES:
            latencies.append(latency)
        time.sleep(pause)  # let the caption and the kernel settle: one move at a time
    return latencies, ""


def bench_lab(workdir: Path, browser: Any, moves: int, pause: float) -> list[dict[str, Any]]:
    """Keypress → changed chart in JupyterLab, for every simulator of every course notebook."""
    root = driver.copy_course(workdir)
    server = driver.start_lab(root, workdir)
    rows = []
    try:
        for stem in [lesson.notebook for lesson in LESSONS if lesson.simulations]:
            if not (root / f"{stem}.ipynb").exists():
                print(f"  JupyterLab: {stem}.ipynb missing, skipped", flush=True)
                continue
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(driver.RENDER_COUNTER_JS)
            page = context.new_page()
            try:
                panel = driver.open_notebook(page, server, f"{stem}.ipynb")
                driver.run_all_cells(page)
                driver.wait_all_executed(page, stem)
                expected = len(lesson(stem).simulations)
                sims = driver.wait_simulators(panel, expected, stem)
                for sim in sims:
                    name = driver.simulator_name(sim)
                    print(f"  JupyterLab: {stem} / {name}", flush=True)
                    ms, note = measure_moves(page, sim, moves, pause)
                    rows.append(
                        {
                            "where": "JupyterLab",
                            "notebook": stem,
                            "name": name,
                            "ms": ms,
                            "note": note,
                        }
                    )
            finally:
                context.close()
                server.delete_sessions()
    finally:
        server.stop()
    return rows


def bench_voila(workdir: Path, browser: Any, moves: int, pause: float) -> list[dict[str, Any]]:
    """Keypress → changed chart in the Voilà present view, for every simulator."""
    from helpers.present import build, pages

    folder = workdir / "present"
    build(folder)
    server = driver.start_voila(folder, workdir)
    rows = []
    try:
        for stem, (lesson, _sim) in pages().items():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(driver.RENDER_COUNTER_JS)
            page = context.new_page()
            try:
                page.goto(server.url(f"voila/render/{stem}.ipynb"), timeout=90_000)
                for sim in driver.wait_simulators(page, 1, stem, timeout=90):
                    name = driver.simulator_name(sim)
                    print(f"  Voilà: {stem} / {name}", flush=True)
                    ms, note = measure_moves(page, sim, moves, pause)
                    rows.append(
                        {
                            "where": "Voilà",
                            "notebook": lesson.notebook,
                            "name": name,
                            "ms": ms,
                            "note": note,
                        }
                    )
            finally:
                context.close()
    finally:
        server.stop()
    return rows


def bench_browser(moves: int, pause: float) -> list[dict[str, Any]]:
    """Both front ends, one Chromium."""
    reason = driver.missing_browser_reason()
    if reason:
        print(f"Browser part skipped: {reason}")
        return []
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, Any]] = []
    with sync_playwright() as playwright:
        browser = driver.launch_chromium(playwright)
        try:
            with tempfile.TemporaryDirectory(prefix="bench-lab-") as tmp:
                rows += bench_lab(Path(tmp), browser, moves, pause)
            with tempfile.TemporaryDirectory(prefix="bench-voila-") as tmp:
                rows += bench_voila(Path(tmp), browser, moves, pause)
        finally:
            browser.close()
    return rows


# --------------------------------------------------------------------------- (c) notebook run time


def bench_notebooks(timeout: float) -> list[tuple[str, float, str]]:
    """Wall time of `jupyter nbconvert --execute` per notebook, on a copy, output discarded."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-nb-") as tmp:
        root = driver.copy_course(Path(tmp))
        env = driver.server_environment(Path(tmp), [driver.COURSE_CONFIG_DIR])
        for path in sorted(root.glob("*.ipynb")):
            command = [
                sys.executable,
                "-m",
                "jupyter",
                "nbconvert",
                "--execute",
                "--to",
                "notebook",
                "--stdout",
                "--ExecutePreprocessor.store_widget_state=False",
                f"--ExecutePreprocessor.timeout={int(timeout)}",
                str(path),
            ]
            started = time.perf_counter()
            done = subprocess.run(
                command,
                env=env,
                cwd=root,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=timeout + 60,
                check=False,
            )
            seconds = time.perf_counter() - started
            status = "ok" if done.returncode == 0 else f"failed ({done.returncode})"
            if done.returncode:
                print(done.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
            print(f"  nbconvert: {path.name} {seconds:.1f} s {status}", flush=True)
            rows.append((path.name, seconds, status))
    return rows


# --------------------------------------------------------------------------- report


def version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def machine() -> str:
    """Cores, CPU model, memory: what the numbers depend on."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        memory = ""
    return f"{os.cpu_count()} cores, {cpu}{memory}, {platform.system()} {platform.release()}"


def chromium_version() -> str:
    exe = driver.chromium_executable()
    if not exe:
        return "-"
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=20)
        return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "-"
    except (OSError, subprocess.TimeoutExpired):
        return "-"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def report(
    model: list[dict[str, Any]],
    browser: list[dict[str, Any]],
    notebooks: list[tuple[str, float, str]],
    args: argparse.Namespace,
) -> str:
    packages = [
        "jupyterlab",
        "ipywidgets",
        "ipykernel",
        "plotly",
        "anywidget",
        "voila",
        "playwright",
        "nbconvert",
        "numpy",
        "pandas",
    ]
    versions = ", ".join(f"{p} {version(p)}" for p in packages)
    parts = [
        "# Benchmark results",
        "",
        f"- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine()}",
        f"- Python {platform.python_version()}; {versions}; {chromium_version()}",
        f"- Command: `{' '.join(['tools/bench.py', *args.argv])}`",
        "",
        f"## (a) Model time per update (headless, {args.samples} random slider positions)",
        "",
        "`set_values` = the whole move as the kernel does it (sliders, model, figure update);",
        "`update` = the redraw alone (`Simulator.last_update_seconds`).",
        "",
    ]
    rows = [
        [
            r["notebook"],
            r["name"],
            f"{r['set_values'][0]:.2f}",
            f"{r['set_values'][1]:.2f}",
            f"{r['update'][0]:.2f}",
            f"{r['update'][1]:.2f}",
        ]
        for r in model
    ]
    parts.append(
        table(
            [
                "notebook",
                "simulator",
                "set_values median ms",
                "p95 ms",
                "update median ms",
                "p95 ms",
            ],
            rows,
        )
    )
    parts += ["", f"## (b) Keypress to changed chart in Chromium ({args.moves} moves each)", ""]
    if browser:
        rows = []
        for r in browser:
            floor = FLOOR_MS[r["where"]]
            if len(r["ms"]) >= 2:
                median, p95 = stats(r["ms"])
                shown = [f"{median:.0f}", f"{p95:.0f}", f"{max(r['ms']):.0f}"]
            else:
                shown = ["-", "-", "-"]
            rows.append(
                [
                    r["where"],
                    r["notebook"],
                    r["name"],
                    *shown,
                    str(len(r["ms"])),
                    f"{floor[0]:.0f} / {floor[1]:.0f}",
                    r["note"] or "ok",
                ]
            )
        parts.append(
            table(
                [
                    "front end",
                    "notebook",
                    "simulator",
                    "median ms",
                    "p95 ms",
                    "max ms",
                    "moves",
                    "stack floor median / p95",
                    "note",
                ],
                rows,
            )
        )
    else:
        parts.append("Not measured (no browser, or `--no-browser`).")
    parts += ["", "## (c) Executing each notebook headless (`jupyter nbconvert --execute`)", ""]
    if notebooks:
        parts.append(
            table(
                ["notebook", "seconds", "result"],
                [[name, f"{seconds:.1f}", status] for name, seconds, status in notebooks],
            )
        )
    else:
        parts.append("Not measured (`--no-notebooks`).")
    return "\n".join(parts) + "\n"


def timed(label: str, step: Callable[[], Any]) -> Any:
    print(f"{label} ...", flush=True)
    started = time.perf_counter()
    result = step()
    print(f"{label}: {time.perf_counter() - started:.0f} s", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=300, help="model updates per simulator")
    parser.add_argument("--moves", type=int, default=60, help="browser moves per simulator")
    parser.add_argument("--pause", type=float, default=0.15, help="seconds between moves")
    parser.add_argument("--no-browser", action="store_true", help="skip (b)")
    parser.add_argument("--no-notebooks", action="store_true", help="skip (c)")
    parser.add_argument("--timeout", type=float, default=300, help="per-notebook limit, s")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the table")
    args = parser.parse_args(argv)
    args.argv = list(argv if argv is not None else sys.argv[1:])

    model = timed("(a) model", lambda: [bench_model(i, args.samples) for i in unique_simulators()])
    browser = (
        []
        if args.no_browser
        else timed("(b) browser", lambda: bench_browser(args.moves, args.pause))
    )
    notebooks = (
        [] if args.no_notebooks else timed("(c) notebooks", lambda: bench_notebooks(args.timeout))
    )
    text = report(model, browser, notebooks, args)
    print("\n" + text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    partial = args.out.with_name(f"results-{os.getpid()}.tmp")  # never leave half a file
    partial.write_text(text, encoding="utf-8")
    partial.replace(args.out)
    print(f"Written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
