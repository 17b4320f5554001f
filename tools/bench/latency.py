"""Keypress → changed chart, interleaved: the floor and every simulator take turns in blocks.

Round after round, each series (the floor first) gets a block of moves, so that whatever else the
machine is doing meanwhile falls on all of them alike. Within a block, moves are one at a time: an
arrow key on the simulator's first slider, timed inside the page from keydown to the first moment
the chart's data has changed (``tools.browser.timed_move``), then a short pause.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from tools import browser as driver
from tools.bench.records import Series

#: The first move after switching to another page or simulator can pay for the switch (focus,
#: a tab brought to the front); it is made but not counted.
BLOCK_WARM_UP = 1


@dataclass
class Mover:
    """One simulator (or the floor) on an open page, and the latencies measured on it."""

    page: Any
    sim: Any  #: the simulator's locator
    series: Series
    direction: str = "ArrowRight"
    stopped: bool = False

    def move(self, timeout: float = 10) -> float | None:
        """One arrow press, bouncing at the slider's ends; its latency in ms, or None.

        A chart that stops following ends this series (with a note), not the benchmark.
        """
        self.direction = driver.bounce_direction(self.sim, self.direction)
        try:
            return driver.timed_move(self.page, self.sim, self.direction, timeout=timeout)
        except driver.DriverError:
            self.stopped = True
            self.series.note = (
                f"chart did not change after {len(self.series.ms)} counted moves "
                f"(sliders {driver.read_readouts(self.sim)})"
            )
            print(f"    {self.series.name}: {self.series.note}", flush=True)
            return None

    def wanted(self, moves: int) -> int:
        """How many counted moves this series still needs."""
        return 0 if self.stopped else max(moves - len(self.series.ms), 0)


def run_block(mover: Mover, count: int, pause: float, warm_up: int = BLOCK_WARM_UP) -> None:
    """``warm_up`` uncounted moves, then ``count`` counted ones, ``pause`` seconds apart."""
    mover.page.bring_to_front()
    for index in range(warm_up + count):
        latency = mover.move()
        if latency is None:
            return
        if index >= warm_up:
            mover.series.ms.append(latency)
        time.sleep(pause)  # let the caption and the kernel settle: one move at a time


def run_interleaved(
    movers: list[Mover], moves: int, block: int, warm_up: int, pause: float
) -> None:
    """Warm every mover up, then rounds of one block each until all have ``moves`` moves."""
    for mover in movers:
        run_block(mover, 0, pause, warm_up=warm_up)
    rounds = 0
    while any(m.wanted(moves) for m in movers):
        rounds += 1
        for mover in movers:
            if mover.wanted(moves):
                run_block(mover, min(block, mover.wanted(moves)), pause)
        shown = ", ".join(f"{m.series.name} {len(m.series.ms)}" for m in movers)
        print(f"    round {rounds}: {shown}", flush=True)
