"""Random numbers for the steps of the model.

Every step asks :class:`Streams` for its generator by the step's name. For now all names share one
generator seeded with the seed, so the draws happen in the order the steps run.
"""

from __future__ import annotations

import numpy as np

#: The seed that produced the files shipped in data/.
DEFAULT_SEED = 20240101


class Streams:
    """The random generators of one run of the model, one per step name."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._shared = np.random.default_rng(seed)

    def __getitem__(self, name: str) -> np.random.Generator:
        """The generator of the step called ``name``."""
        return self._shared
