"""``bench/results.md`` from a run's :class:`~tools.bench.records.Results` (pure formatting)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from tools.bench.records import VOILA, LoadRow, ModelRow, Results, Series
from tools.bench.stats import (
    FIRST_CHART_RATIO_TARGET,
    MODEL_MS_TARGET,
    P95_RATIO_TARGET,
    WS_BYTES_TARGET,
    Ratio,
    bootstrap_ratio,
    median,
    p95,
    within,
)

MIN_MOVES = 20  #: fewer counted moves than this give no p95 worth a ratio


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def fmt_ratio(ratio: Ratio | None) -> str:
    """``1.07 [0.92–1.30]``: point estimate and 95 % interval."""
    if ratio is None:
        return "-"
    return f"{ratio.point:.2f} [{ratio.low:.2f}–{ratio.high:.2f}]"


def fmt_mb(value: float) -> str:
    """Bytes (or MB already) as MB with two decimals; ``-`` for a missing value."""
    return "-" if math.isnan(value) else f"{value / 1e6:.2f}"


def floor_of(series: Sequence[Series], front: str) -> Series | None:
    """The floor's series in ``front``, if it was measured."""
    return next((s for s in series if s.front == front and s.is_floor), None)


def ratios(
    sample: Series, floor: Series | None, settings: dict[str, Any]
) -> tuple[Ratio, Ratio] | None:
    """(p95 ratio, median ratio) to the floor with bootstrap intervals; None if too few moves."""
    if floor is None or min(len(sample.ms), len(floor.ms)) < MIN_MOVES:
        return None
    options = {"resamples": settings.get("resamples", 2000), "seed": settings.get("seed", 0)}
    return (
        bootstrap_ratio(sample.ms, floor.ms, p95, **options),
        bootstrap_ratio(sample.ms, floor.ms, median, **options),
    )


def latency_verdict(pair: tuple[Ratio, Ratio] | None, sample: Series) -> str:
    """The verdict on p95 ≤ 1.25 × floor, in words."""
    if sample.is_floor:
        return "reference"
    if pair is None:
        return "not measured (too few moves)"
    return pair[0].verdict(P95_RATIO_TARGET)


def verdict_section(results: Results) -> list[str]:
    """One line per simulator and front end: is its p95 within 1.25 × the floor's?"""
    rows = []
    for sample in results.latency:
        if sample.is_floor:
            continue
        pair = ratios(sample, floor_of(results.latency, sample.front), results.settings)
        rows.append(
            [
                sample.front,
                sample.name,
                fmt_ratio(pair[0] if pair else None),
                fmt_ratio(pair[1] if pair else None),
                "**" + latency_verdict(pair, sample) + "**",
            ]
        )
    lines = other_verdicts(results) + [""]
    if not rows:
        return [*lines, "Keypress-to-chart latency not measured in this run."]
    header = ["front end", "simulator", "p95 ÷ floor p95 [95 %]", "median ÷ floor median"]
    header.append("verdict")
    return [
        *lines,
        f"Keypress to chart: every simulator's p95 ≤ {P95_RATIO_TARGET:g} × the floor's p95, "
        "same front end, same run (ratios with 95 % bootstrap intervals):",
        "",
        table(header, rows),
    ]


def other_verdicts(results: Results) -> list[str]:
    """One line each for the model, first-chart and websocket targets."""
    lines = []
    if results.model:
        worst = max(results.model, key=lambda r: r.set_values[1])
        over = [r.name for r in results.model if model_flag(r) != "ok"]
        lines.append(
            f"- Model ≤ {MODEL_MS_TARGET:g} ms per update: "
            + (f"**above** for {', '.join(over)}" if over else "**within** for every simulator")
            + f" (slowest p95: {worst.name}, {worst.set_values[1]:.2f} ms)."
        )
    pages = [(row, load_medians(row)) for row in results.loads if row.samples and not row.is_floor]
    cold = next((r for r in results.loads if r.front == VOILA and r.is_floor and r.samples), None)
    present = [(row, v) for row, v in pages if row.front == VOILA]
    if cold and present:
        floor_ms = load_medians(cold)["first_chart_ms"]
        shares = [v["first_chart_ms"] / floor_ms for _row, v in present]
        good = sum(share <= FIRST_CHART_RATIO_TARGET for share in shares)
        lines.append(
            f"- First chart of a present page ≤ {FIRST_CHART_RATIO_TARGET:g} × the cold floor "
            f"page: **{good} of {len(shares)} within** "
            f"(ratios {min(shares):.2f}–{max(shares):.2f})."
        )
    if pages:
        sizes = [v["ws_received"] + v["ws_sent"] for _row, v in pages]
        good = sum(size <= WS_BYTES_TARGET for size in sizes)
        lines.append(
            f"- Kernel websocket ≤ {WS_BYTES_TARGET / 1e6:g} MB per notebook/page: **{good} of "
            f"{len(sizes)} within** (largest {max(sizes) / 1e6:.1f} MB)."
        )
    return lines


def model_flag(row: ModelRow) -> str:
    """``ok``, or a bold flag when a p95 is over the model target."""
    if max(row.set_values[1], row.update[1]) > MODEL_MS_TARGET:
        return f"**over {MODEL_MS_TARGET:g} ms**"
    return "ok"


def model_section(rows: Sequence[ModelRow], samples: int) -> list[str]:
    """(a) median and p95 of set_values and update per simulator, flagged over 10 ms."""
    lines = [
        f"## (a) Model time per update (headless, {samples} random slider positions)",
        "",
        "`set_values` = the whole move as the kernel does it (sliders, model, figure update);",
        f"`update` = model and figure update alone. Target: ≤ {MODEL_MS_TARGET:g} ms.",
        "",
    ]
    if not rows:
        return [*lines, "Not measured."]
    body = [
        [
            r.notebook,
            r.name,
            f"{r.set_values[0]:.2f}",
            f"{r.set_values[1]:.2f}",
            f"{r.update[0]:.2f}",
            f"{r.update[1]:.2f}",
            model_flag(r),
        ]
        for r in rows
    ]
    header = ["notebook", "simulator", "set_values median ms", "p95 ms", "update median ms"]
    return [*lines, table([*header, "p95 ms", "flag"], body)]


def latency_section(results: Results) -> list[str]:
    """(b) absolute latencies per series, with the ratios to the floor next to them."""
    settings = results.settings
    lines = [
        "## (b) Keypress to changed chart in Chromium",
        "",
        f"{settings.get('moves', '?')} counted moves per series, interleaved in blocks of "
        f"{settings.get('block', '?')} (floor first in every round), after "
        f"{settings.get('warm_up', '?')} uncounted warm-up moves per series and one per block; "
        f"{settings.get('pause', '?')} s between moves.",
        "",
    ]
    if not results.latency:
        return [*lines, "Not measured (`--no-browser`, `--moves 0`, or no browser here)."]
    body = []
    for sample in results.latency:
        pair = ratios(sample, floor_of(results.latency, sample.front), settings)
        shown = ["-", "-", "-"]
        if len(sample.ms) >= 2:
            shown = [f"{median(sample.ms):.0f}", f"{p95(sample.ms):.0f}", f"{max(sample.ms):.0f}"]
        body.append(
            [
                sample.front,
                sample.notebook,
                sample.name,
                str(len(sample.ms)),
                *shown,
                "1" if sample.is_floor else fmt_ratio(pair[0] if pair else None),
                "1" if sample.is_floor else fmt_ratio(pair[1] if pair else None),
                latency_verdict(pair, sample),
                sample.note or "ok",
            ]
        )
    header = ["front end", "notebook", "simulator", "moves", "median ms", "p95 ms", "max ms"]
    header += ["p95 ÷ floor [95 %]", "median ÷ floor [95 %]", "verdict", "note"]
    return [*lines, table(header, body)]


def load_medians(row: LoadRow) -> dict[str, float]:
    """Medians over a page's openings of everything (c) reports."""
    fields = ["first_chart_ms", "ws_received", "ws_sent", "http_bytes", "http_requests", "rss_mb"]
    if not row.samples:
        return {name: float("nan") for name in fields}
    return {name: float(np.median([getattr(s, name) for s in row.samples])) for name in fields}


def load_verdicts(row: LoadRow, values: dict[str, float], floor_ms: float) -> str:
    """First chart ≤ 0.3 × cold floor (present pages), websocket ≤ 2 MB (every page)."""
    if row.is_floor:
        return "reference"
    if not row.samples:
        return "not measured"
    verdicts = [f"websocket {within(values['ws_received'] + values['ws_sent'], WS_BYTES_TARGET)}"]
    if row.front == VOILA and not math.isnan(floor_ms):
        ratio = values["first_chart_ms"] / floor_ms
        verdicts.insert(0, f"first chart {within(ratio, FIRST_CHART_RATIO_TARGET)}")
    return ", ".join(verdicts)


def load_section(results: Results) -> list[str]:
    """(c) per notebook / present page / floor: first chart, bytes, kernel memory."""
    lines = [
        "## (c) Opening a page: first chart, bytes, kernel memory",
        "",
        f"Medians of {results.settings.get('loads', '?')} openings per page, each in a fresh "
        "browser context (empty cache, new kernel) on a server already running and quiet. "
        "JupyterLab: open the notebook, Run All. MB = 10^6 bytes.",
        "",
    ]
    if not results.loads:
        return [*lines, "Not measured (`--no-browser`, `--loads 0`, or no browser here)."]
    body = []
    for row in results.loads:
        values = load_medians(row)
        floor = next((r for r in results.loads if r.front == row.front and r.is_floor), None)
        floor_ms = load_medians(floor)["first_chart_ms"] if floor else float("nan")
        first = values["first_chart_ms"]
        body.append(
            [
                row.front,
                row.page,
                str(len(row.samples)),
                "-" if math.isnan(first) else f"{first:.0f}",
                "-" if math.isnan(first / floor_ms) else f"{first / floor_ms:.2f}",
                fmt_mb(values["ws_received"]),
                fmt_mb(values["ws_sent"]),
                fmt_mb(values["http_bytes"]),
                "-" if math.isnan(values["http_requests"]) else f"{values['http_requests']:.0f}",
                "-" if math.isnan(values["rss_mb"]) else f"{values['rss_mb']:.0f}",
                load_verdicts(row, values, floor_ms),
                row.note or "ok",
            ]
        )
    header = ["front end", "page", "openings", "first chart ms", "÷ floor", "websocket in MB"]
    header += ["websocket out MB", "HTTP MB", "HTTP requests", "kernel RSS MB", "verdict", "note"]
    return [*lines, table(header, body)]


def notebooks_section(results: Results) -> list[str]:
    """(d) nbconvert wall time per notebook."""
    lines = ["## (d) Executing each notebook headless (`jupyter nbconvert --execute`)", ""]
    if not results.notebooks:
        return [*lines, "Not measured (`--no-notebooks`)."]
    rows = [[r.notebook, f"{r.seconds:.1f}", r.status] for r in results.notebooks]
    return [*lines, table(["notebook", "seconds", "result"], rows)]


def render(results: Results, header: Sequence[str]) -> str:
    """The whole of ``results.md``: ``header`` lines (date, machine...), verdicts, (a)–(d)."""
    parts = ["# Benchmark results", "", *header, "", "## Verdicts", ""]
    parts += verdict_section(results)
    for section in (
        model_section(results.model, results.settings.get("samples", 0)),
        latency_section(results),
        load_section(results),
        notebooks_section(results),
    ):
        parts += ["", *section]
    return "\n".join(parts) + "\n"
