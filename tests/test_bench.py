"""The benchmark's pure helpers: statistics, ratios to the floor, verdicts, report formatting."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tools.bench import report
from tools.bench.kernels import kernel_pid, rss_mb
from tools.bench.records import FLOOR, LAB, VOILA, LoadRow, LoadSample, ModelRow, Results, Series
from tools.bench.stats import Ratio, bootstrap_ratio, median, p95, summary, within


def test_summary_is_median_and_p95() -> None:
    assert summary(list(range(1, 101))) == pytest.approx((50.5, 95.05))


def test_bootstrap_ratio_of_identical_samples_is_one_with_an_interval_around_it() -> None:
    sample = list(np.random.default_rng(1).gamma(5, 6, 200))
    ratio = bootstrap_ratio(sample, sample, p95, resamples=500)
    assert ratio.point == pytest.approx(1.0)
    assert ratio.low < 1.0 < ratio.high


def test_bootstrap_ratio_finds_a_slower_sample_and_is_reproducible() -> None:
    rng = np.random.default_rng(2)
    floor, slow = rng.gamma(5, 6, 300), rng.gamma(5, 6, 300) * 2
    first = bootstrap_ratio(slow, floor, median, resamples=500, seed=7)
    assert first == bootstrap_ratio(slow, floor, median, resamples=500, seed=7)
    assert 1.6 < first.low < first.point < first.high < 2.4


def test_bootstrap_ratio_needs_samples() -> None:
    with pytest.raises(ValueError):
        bootstrap_ratio([], [1.0])


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (Ratio(1.0, 0.9, 1.1), "within target"),
        (Ratio(1.5, 1.3, 1.7), "above target"),
        (Ratio(1.2, 1.0, 1.4), "within target (interval crosses 1.25)"),
        (Ratio(1.3, 1.1, 1.5), "above target (interval crosses 1.25)"),
    ],
)
def test_verdict_by_point_and_says_when_the_interval_crosses(ratio: Ratio, expected: str) -> None:
    assert ratio.verdict(1.25) == expected


def test_within_is_inclusive() -> None:
    assert within(2.0, 2.0) == "within" and within(2.1, 2.0) == "above"


def test_table_is_markdown() -> None:
    assert report.table(["a", "b"], [["1", "2"]]) == "| a | b |\n|---|---|\n| 1 | 2 |"


def test_formats() -> None:
    assert report.fmt_ratio(Ratio(1.0, 0.912, 1.3)) == "1.00 [0.91–1.30]"
    assert report.fmt_ratio(None) == "-"
    assert report.fmt_mb(5_100_000) == "5.10" and report.fmt_mb(math.nan) == "-"


def sample_results() -> Results:
    rng = np.random.default_rng(0)
    results = Results(settings={"moves": 200, "block": 20, "resamples": 300, "seed": 0})
    results.model = [
        ModelRow("00_x", "fast", (0.3, 0.4), (0.3, 0.4), 300),
        ModelRow("01_y", "slow", (4.0, 12.0), (3.0, 11.0), 300),
    ]
    results.latency = [
        Series(LAB, FLOOR, FLOOR, list(rng.gamma(5, 6, 200))),
        Series(LAB, "00_x", "fast", list(rng.gamma(5, 6, 200))),
        Series(LAB, "01_y", "slow", list(rng.gamma(5, 12, 200))),
        Series(VOILA, "00_x", "fast", [30.0] * 5, note="chart did not change"),
    ]
    cold = LoadSample(5000, 5_100_000, 10_000, 10_400_000, 105, 140.0)
    page = LoadSample(1000, 900_000, 10_000, 10_400_000, 105, 190.0)
    results.loads = [
        LoadRow(VOILA, FLOOR, [cold]),
        LoadRow(VOILA, "00_x-1-page", [page]),
        LoadRow(LAB, "01_y", note="cells not executed"),
    ]
    return results


def test_report_gives_a_verdict_per_simulator_and_front_end() -> None:
    text = report.render(sample_results(), ["- Date: today"])
    assert text.startswith("# Benchmark results\n\n- Date: today\n")
    verdicts = text.split("## Verdicts", 1)[1].split("## (a)", 1)[0]
    assert "| JupyterLab | fast |" in verdicts and "**within target" in verdicts
    assert "| JupyterLab | slow |" in verdicts and "**above target**" in verdicts
    assert "| Voilà | fast |" in verdicts and "too few moves" in verdicts
    assert "| JupyterLab | floor |" not in verdicts
    assert "**above** for slow" in verdicts
    assert "**1 of 1 within** (ratios 0.20–0.20)" in verdicts
    assert "Kernel websocket ≤ 2 MB per notebook/page: **1 of 1 within**" in verdicts


def test_report_flags_slow_models_and_notes_failures() -> None:
    text = report.render(sample_results(), [])
    assert "| 01_y | slow | 4.00 | 12.00 | 3.00 | 11.00 | **over 10 ms** |" in text
    assert "| 00_x | fast | 0.30 | 0.40 | 0.30 | 0.40 | ok |" in text
    assert "| Voilà | 00_x-1-page | 1 | 1000 | 0.20 | 0.90 | 0.01 | 10.40 | 105 | 190 |" in text
    assert "first chart within, websocket within" in text
    assert "| JupyterLab | 01_y | 0 | - |" in text and "cells not executed" in text
    assert "Not measured (`--no-notebooks`)." in text


def test_report_without_browser_parts() -> None:
    text = report.render(Results(model=sample_results().model), [])
    assert "Keypress-to-chart latency not measured in this run." in text
    assert "Not measured (`--no-browser`" in text


def test_kernel_process_and_memory_from_proc(tmp_path) -> None:
    kernel = tmp_path / "4242"
    kernel.mkdir()
    (kernel / "cmdline").write_bytes(b"python\0-m\0ipykernel_launcher\0-f\0/r/kernel-abc.json\0")
    (kernel / "status").write_text("Name:\tpython\nVmRSS:\t  150000 kB\n")
    (tmp_path / "self").mkdir()
    assert kernel_pid("abc", proc=tmp_path) == 4242
    assert kernel_pid("other", proc=tmp_path) is None
    assert rss_mb(4242, proc=tmp_path) == pytest.approx(153.6)
