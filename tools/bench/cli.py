"""The command line: which parts to run, how big, and writing ``bench/results.md``."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.metadata
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from helpers import PROJECT_DIR
from tools import browser as driver
from tools.bench.records import Results

RESULTS = PROJECT_DIR / "bench" / "results.md"
PACKAGES = ["jupyterlab", "ipywidgets", "ipykernel", "plotly", "anywidget", "voila"]
PACKAGES += ["playwright", "nbconvert", "numpy", "pandas"]
T = TypeVar("T")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The flags; the defaults are the sizes a committed ``results.md`` is made with."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    add = parser.add_argument
    add("--only", action="append", metavar="NOTEBOOK", help="this notebook stem only (repeatable)")
    add("--samples", type=int, default=300, help="(a) model updates per simulator")
    add("--moves", type=int, default=200, help="(b) counted moves per simulator and floor")
    add("--block", type=int, default=20, help="(b) moves per block before the next series")
    add("--warm-up", type=int, default=5, help="(b) uncounted moves per series before the first")
    add("--pause", type=float, default=0.15, help="(b) seconds between moves")
    add("--loads", type=int, default=3, help="(c) openings per page")
    add("--resamples", type=int, default=2000, help="bootstrap resamples for the intervals")
    add("--seed", type=int, default=0, help="seed of the bootstrap and the model's positions")
    add("--no-browser", action="store_true", help="skip (b) and (c): no Chromium")
    add("--no-lab", action="store_true", help="skip JupyterLab in (b) and (c)")
    add("--no-voila", action="store_true", help="skip Voilà in (b) and (c)")
    add("--no-notebooks", action="store_true", help="skip (d)")
    add("--page-timeout", type=float, default=120, help="seconds a page may take to open and run")
    add("--timeout", type=float, default=300, help="(d) seconds per notebook")
    add("--out", type=Path, default=RESULTS, help="where to write the report")
    args = parser.parse_args(argv)
    args.argv = list(argv if argv is not None else sys.argv[1:])
    return args


def selected_notebooks(only: list[str] | None) -> list[str]:
    """Stems of the course notebooks to measure, in course order (``--only`` checked)."""
    from helpers.course import LESSONS, lesson

    for stem in only or []:
        lesson(stem)  # a clear error for a misspelt name, before minutes of measuring
    return [item.notebook for item in LESSONS if not only or item.notebook in only]


def timed(label: str, step: Callable[[], T]) -> T:
    """Run one part, printing how long it took."""
    print(f"{label} ...", flush=True)
    started = time.perf_counter()
    result = step()
    print(f"{label}: {time.perf_counter() - started:.0f} s", flush=True)
    return result


def run_browser(results: Results, stems: list[str], args: argparse.Namespace) -> None:
    """(b) and (c) in both front ends, one Chromium."""
    reason = driver.missing_browser_reason()
    if reason:
        print(f"Browser parts skipped: {reason}")
        return
    from playwright.sync_api import sync_playwright

    from tools.bench.frontends import lab_front, voila_front

    fronts = [] if args.no_lab else [("JupyterLab", lab_front)]
    fronts += [] if args.no_voila else [("Voilà", voila_front)]
    with sync_playwright() as playwright:
        browser = driver.launch_chromium(playwright)
        try:
            for name, front in fronts:
                step = functools.partial(front, browser, stems, args)
                try:
                    loads, latency = timed(f"(b, c) {name}", step)
                except driver.DriverError as exc:  # a server that does not start: report the rest
                    print(f"(b, c) {name} skipped: {exc}", flush=True)
                    continue
                results.loads += loads
                results.latency += latency
        finally:
            browser.close()


def measure(args: argparse.Namespace) -> Results:
    """Every part the flags ask for."""
    from tools.bench.model import bench_models
    from tools.bench.nbrun import run_notebooks

    stems = selected_notebooks(args.only)
    settings = {k: getattr(args, k) for k in ("samples", "moves", "block", "warm_up", "pause")}
    settings |= {k: getattr(args, k) for k in ("loads", "resamples", "seed")}
    results = Results(settings=settings)
    results.model = timed("(a) model", lambda: bench_models(stems, args.samples, args.seed))
    if not args.no_browser:
        run_browser(results, stems, args)
    if not args.no_notebooks:
        results.notebooks = timed("(d) notebooks", lambda: run_notebooks(stems, args.timeout))
    return results


def version(package: str) -> str:
    """Installed version of a package, or ``-``."""
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
    """``Chromium 1xx...`` as the browser reports it, or ``-``."""
    exe = driver.chromium_executable()
    if not exe:
        return "-"
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return "-"
    return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "-"


def header(args: argparse.Namespace, seconds: float) -> list[str]:
    """The lines at the top of the report: when, where, with what, how long."""
    versions = ", ".join(f"{p} {version(p)}" for p in PACKAGES)
    return [
        f"- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine()}",
        f"- Python {platform.python_version()}; {versions}; {chromium_version()}",
        f"- Command: `{' '.join(['python -m tools.bench', *args.argv])}`",
        f"- Run time: {seconds / 60:.1f} min",
    ]


def write(text: str, out: Path) -> None:
    """Write the report whole or not at all (never half a file)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f"{out.stem}-{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(out)


def main(argv: list[str] | None = None) -> int:
    """Measure, print and write the report. Always 0: the benchmark reports, it does not fail."""
    from tools.bench.report import render

    args = parse_args(argv)
    started = time.perf_counter()
    results = measure(args)
    text = render(results, header(args, time.perf_counter() - started))
    print("\n" + text)
    write(text, args.out)
    print(f"Written to {args.out}")
    return 0
