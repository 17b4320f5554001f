"""Questions asked of the word-of-mouth model (notebook 03): how far each slider moves the net,
how much the result depends on the random draw, and how fast one update is.

The simulators always use one fixed draw of everyone's random numbers
(:data:`.word_of_mouth.SEED`), so the room sees the same picture. Another draw is another, equally
likely, year of the same town: :func:`net_across_draws` says how much the net moves with it, so the
notebook can say which of its statements hold for any draw and which for ours only.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from helpers.i18n import _
from helpers.lessons.reputation.word_of_mouth import MOST_EXTRA, PARAMETERS, SEED, spread
from helpers.validation import require_count

#: How many other draws :func:`net_across_draws` tries (seeds SEED + 1 ... SEED + 20).
OTHER_DRAWS = 20


def slider_swings() -> pd.DataFrame:
    """Each slider moved from its lowest to its highest position, the others at their start:
    the net at both ends, and how far apart they are (largest first)."""
    rows = {}
    for name, spec in PARAMETERS.items():
        low, high = spread(**{name: spec.low}).net, spread(**{name: spec.high}).net
        rows[_(spec.label)] = (low, high, abs(high - low))
    columns = [_("net, slider at its lowest"), _("net, at its highest"), _("difference")]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    return table.sort_values(_("difference"), ascending=False)


def net_across_draws(
    extras: tuple[int, ...] = (0, 2, 3), draws: int = OTHER_DRAWS, praise_too: bool = False
) -> pd.DataFrame:
    """The net of a year when unhappy customers reach ``extras`` people beyond close ties (and,
    with ``praise_too``, delighted ones as many), on our draw and on ``draws`` other draws: the
    lowest, the average and the highest of those, and how many of them are above 0."""
    draws = require_count(_("Draws"), draws, minimum=1)
    seeds = [SEED + k for k in range(1, draws + 1)]
    rows = {}
    for extra in extras:
        settings = {"extra_told": extra, "extra_praise": extra if praise_too else 0}
        others = np.array([spread(seed=seed, **settings).net for seed in seeds])
        rows[extra] = (
            spread(**settings).net,
            int(others.min()),
            int(round(others.mean())),
            int(others.max()),
            int((others > 0).sum()),
        )
    columns = [
        _("our draw"),
        _("lowest"),
        _("average"),
        _("highest"),
        _("draws above 0 (of {n})").format(n=draws),
    ]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns).rename_axis(
        _("extra people who hear a warning")
    )


def time_update(repeats: int = 30) -> float:
    """Median seconds for one :func:`.word_of_mouth.spread` (for the timing test and the
    benchmark)."""
    repeats = require_count("Repeats", repeats, minimum=1)
    spread()  # read the network and draw the numbers outside the timing
    positions = PARAMETERS["delighted"].positions()
    times = []
    for i in range(repeats):
        started = time.perf_counter()
        spread(
            delighted=positions[i % len(positions)],
            extra_told=i % (MOST_EXTRA + 1),
            extra_praise=(3 * i) % (MOST_EXTRA + 1),
        )
        times.append(time.perf_counter() - started)
    return float(np.median(times))


__all__ = ["net_across_draws", "slider_swings", "time_update"]
