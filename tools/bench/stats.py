"""Statistics of the benchmark: percentiles, ratios to the floor with bootstrap intervals, verdicts.

Pure functions of lists of numbers (no browser, no files), tested in ``tests/test_bench.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

#: The project's targets (bench/README.md explains each).
P95_RATIO_TARGET = 1.25  # a simulator's p95 keypress-to-chart ≤ 1.25 × the floor's
MODEL_MS_TARGET = 10.0  # one model update (set_values) ≤ 10 ms
FIRST_CHART_RATIO_TARGET = 0.3  # a present page's first chart ≤ 0.3 × the cold floor page's
WS_BYTES_TARGET = 2_000_000  # kernel websocket bytes to open and run a notebook/page ≤ 2 MB

Statistic = Callable[[np.ndarray], np.ndarray]


def p95(samples: Sequence[float] | np.ndarray, axis: int | None = None) -> np.ndarray:
    """95th percentile (linear interpolation, numpy's default), along ``axis`` if given."""
    return np.percentile(np.asarray(samples, dtype=float), 95, axis=axis)


def median(samples: Sequence[float] | np.ndarray, axis: int | None = None) -> np.ndarray:
    """Median, along ``axis`` if given."""
    return np.median(np.asarray(samples, dtype=float), axis=axis)


def summary(samples_ms: Sequence[float]) -> tuple[float, float]:
    """(median, p95) of samples in milliseconds."""
    return float(median(samples_ms)), float(p95(samples_ms))


@dataclass(frozen=True)
class Ratio:
    """A ratio of one statistic (sample over floor) with its bootstrap interval."""

    point: float
    low: float
    high: float

    def verdict(self, target: float) -> str:
        """``within target`` or ``above target`` by the point estimate, and whether the
        interval straddles the target (then another run could land on the other side)."""
        word = "within target" if self.point <= target else "above target"
        if self.low <= target < self.high:
            return f"{word} (interval crosses {target:g})"
        return word


def bootstrap_ratio(
    sample: Sequence[float],
    floor: Sequence[float],
    statistic: Statistic = p95,
    resamples: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> Ratio:
    """statistic(sample) / statistic(floor), with a percentile bootstrap interval.

    Both samples are resampled independently (they come from different pages), ``resamples``
    times, with a seeded generator so that a report can be reproduced from its numbers.
    """
    a = np.asarray(sample, dtype=float)
    b = np.asarray(floor, dtype=float)
    if a.size == 0 or b.size == 0:
        raise ValueError("Both samples need at least one value.")
    rng = np.random.default_rng(seed)
    a_star = a[rng.integers(0, a.size, size=(resamples, a.size))]
    b_star = b[rng.integers(0, b.size, size=(resamples, b.size))]
    ratios = statistic(a_star, axis=1) / statistic(b_star, axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(ratios, [tail, 100 - tail])
    return Ratio(float(statistic(a) / statistic(b)), float(low), float(high))


def within(value: float, target: float) -> str:
    """A verdict for a plain number against an upper target."""
    return "within" if value <= target else "above"
