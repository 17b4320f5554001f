"""The two front ends, each with its floor: servers, pages, and the order of the measurements.

JupyterLab serves a copy of the course's notebooks with the floor notebook next to them. Voilà
serves the present view as ``make present`` does (started, then left to settle, as a trainer
would before class) and, from a second server that never pre-starts kernels, the floor page.
In each front end the openings come first (round-robin, floor first), then the latencies with
every page open at once (interleaved blocks, floor first).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from tools import browser as driver
from tools.bench.floor import FLOOR_STEM, write_floor
from tools.bench.kernels import wait_quiet
from tools.bench.latency import Mover, run_interleaved
from tools.bench.pages import PAGE_ERRORS, Target, measure_load, new_page, open_target
from tools.bench.records import FLOOR, LAB, VOILA, LoadRow, Series

Measured = tuple[list[LoadRow], list[Series]]  #: one front end's openings and latencies


def measure_loads(
    browser: Any, targets: list[Target], rounds: int, timeout: float
) -> list[LoadRow]:
    """Open every target ``rounds`` times, round-robin; a failed opening becomes a note."""
    rows = {t.label: LoadRow(t.front, t.label) for t in targets}
    for number in range(1, rounds + 1):
        for target in targets:
            row = rows[target.label]
            try:
                sample = measure_load(browser, target, timeout)
            except PAGE_ERRORS as exc:
                row.note = str(exc).splitlines()[0]
                print(f"    {target.front} {target.label}: {row.note}", flush=True)
                continue
            row.samples.append(sample)
            print(
                f"    open {number}/{rounds} {target.front} {target.label}: first chart "
                f"{sample.first_chart_ms:.0f} ms, websocket {sample.ws_received / 1e6:.1f} MB, "
                f"kernel {sample.rss_mb:.0f} MB",
                flush=True,
            )
    return list(rows.values())


def open_movers(browser: Any, target: Target, timeout: float, opened: list[Any]) -> list[Mover]:
    """Open ``target`` for the latency part (kept open); one mover per simulator on it."""
    context, page = new_page(browser)
    opened.append(context)
    scope = open_target(page, target, timeout)
    sims = driver.wait_simulators(scope, target.simulators, target.stem, timeout)
    movers, seen = [], set()
    for sim in sims:
        name = driver.simulator_name(sim)
        if name in seen:
            continue  # a fresh copy of the same simulator further down: measured once
        seen.add(name)
        notebook = FLOOR if target.label == FLOOR else target.notebook
        movers.append(Mover(page, sim, Series(target.front, notebook, name)))
    return movers


def measure_latency(browser: Any, targets: list[Target], args: argparse.Namespace) -> list[Series]:
    """Every target open at once, then interleaved blocks of moves (see ``latency``)."""
    opened: list[Any] = []
    movers: list[Mover] = []
    failed: list[Series] = []
    try:
        for target in targets:
            try:
                movers += open_movers(browser, target, args.page_timeout, opened)
            except PAGE_ERRORS as exc:
                note = str(exc).splitlines()[0]
                print(f"    {target.front} {target.label}: {note}", flush=True)
                failed.append(Series(target.front, target.notebook, target.label, note=note))
        wait_quiet(list({t.server.process.pid for t in targets}))
        run_interleaved(movers, args.moves, args.block, args.warm_up, args.pause)
    finally:
        for context in opened:
            context.close()  # the kernels stop with their server, right after this
    return [m.series for m in movers] + failed


def run_front(browser: Any, targets: list[Target], args: argparse.Namespace) -> Measured:
    """Openings, then latencies, in one front end."""
    loads = measure_loads(browser, targets, args.loads, args.page_timeout) if args.loads else []
    once = [target for target in targets if not target.warm]  # each page's keypresses once
    series = measure_latency(browser, once, args) if args.moves else []
    return loads, series


def lab_front(browser: Any, stems: list[str], args: argparse.Namespace) -> Measured:
    """JupyterLab: the floor notebook and every course notebook in ``stems``."""
    from helpers.course import lesson

    with tempfile.TemporaryDirectory(prefix="bench-lab-") as tmp:
        root = driver.copy_course(Path(tmp))
        write_floor(root)
        server = driver.start_lab(root, Path(tmp))
        try:
            targets = [Target(LAB, FLOOR_STEM, FLOOR, FLOOR, 1, server)]
            targets += [
                Target(LAB, stem, stem, stem, len(lesson(stem).simulations), server)
                for stem in stems
                if (root / f"{stem}.ipynb").exists()
            ]
            return run_front(browser, targets, args)
        finally:
            server.stop()


def voila_front(browser: Any, stems: list[str], args: argparse.Namespace) -> Measured:
    """Voilà: the cold floor page and every present page of the notebooks in ``stems``."""
    from helpers.present import build, pages

    with tempfile.TemporaryDirectory(prefix="bench-voila-") as tmp:
        work = Path(tmp)
        build(work / "present")
        (work / "floor").mkdir()
        write_floor(work / "floor")
        present = driver.start_voila(work / "present", work / "present-server")
        try:
            floor = driver.start_voila_cold(work / "floor", work / "floor-server")
        except BaseException:
            present.stop()
            raise
        try:
            quiet = (present.process.pid, floor.process.pid)
            wait_quiet(list(quiet), timeout=120)  # "started before class"
            targets = [Target(VOILA, FLOOR_STEM, FLOOR, FLOOR, 1, floor, quiet)]
            chosen = [(stem, item) for stem, item in pages().items() if item.notebook in stems]
            # Each page cold (a browser's first visit), then in a browser that opened it before.
            for warm, label in ((False, "{}"), (True, "{} (opened before)")):
                targets += [
                    Target(
                        VOILA,
                        stem,
                        label.format(stem),
                        item.notebook,
                        len(item.simulations),
                        present,
                        quiet,
                        warm,
                    )
                    for stem, item in chosen
                ]
            return run_front(browser, targets, args)
        finally:
            floor.stop()
            present.stop()
