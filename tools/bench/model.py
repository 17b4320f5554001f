"""(a) Model time per update: each simulator built without a browser, moved at random."""

from __future__ import annotations

import random
import time
from typing import Any

from helpers.lessons import Simulation
from tools.bench.records import ModelRow
from tools.bench.stats import summary


def random_value(control: Any, rng: random.Random) -> float:
    """A random position a learner could put this slider at (a whole number of steps)."""
    steps = round((control.max - control.min) / control.step)
    value = control.min + control.step * rng.randint(0, steps)
    return int(value) if isinstance(control.value, int) else min(float(value), control.max)


def bench_model(notebook: str, item: Simulation, samples: int, seed: int = 0) -> ModelRow:
    """Time ``set_values`` (sliders, model, figure update) at ``samples`` random positions."""
    simulator = item.factory()
    rng = random.Random(seed)
    total_ms, update_ms = [], []
    for _ in range(samples):
        values = {name: random_value(c, rng) for name, c in simulator.controls.items()}
        started = time.perf_counter()
        simulator.set_values(**values)
        total_ms.append((time.perf_counter() - started) * 1000)
        update_ms.append(simulator.last_update_seconds * 1000)
    return ModelRow(notebook, simulator.name, summary(total_ms), summary(update_ms), samples)


def bench_models(stems: list[str], samples: int, seed: int = 0) -> list[ModelRow]:
    """Every simulator of the notebooks in ``stems``, in course order."""
    from helpers.course import simulations

    return [
        bench_model(item.notebook, sim, samples, seed)
        for item, sim in simulations()
        if item.notebook in stems
    ]
