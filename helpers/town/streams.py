"""Random numbers for the steps of the model: one stream per named step.

Each step draws only from its own generator, derived from the seed and the step's *name*::

    SeedSequence(seed, spawn_key=(stream_key(name),))

so what one step draws never depends on which other steps exist, in which order they run or how
many numbers they draw. Adding a step (or a table) leaves every other step's draws, and so every
table that does not depend on the new step, exactly as it was. The key is a fixed hash of the name
(SHA-256, not Python's salted ``hash``), the same on every machine and every Python version.
Renaming a step gives it a new stream.
"""

from __future__ import annotations

import hashlib

import numpy as np

#: The seed that produced the files shipped in data/.
DEFAULT_SEED = 20240101


def stream_key(name: str) -> int:
    """A stable 64-bit number for a step's name: its stream's spawn key."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "little")


class Streams:
    """The random generators of one run of the model, one per step name, made on first use.

    A step uses the same generator month after month, so a run is deterministic for a seed.
    """

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._made: dict[str, np.random.Generator] = {}

    def __getitem__(self, name: str) -> np.random.Generator:
        """The generator of the step called ``name``."""
        if name not in self._made:
            sequence = np.random.SeedSequence(self.seed, spawn_key=(stream_key(name),))
            self._made[name] = np.random.default_rng(sequence)
        return self._made[name]
