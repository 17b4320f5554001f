"""Friends-and-family ties between residents: households (family) plus mostly-local friendships.

Word of mouth travels along these ties. Residents are numbered along the town's streets, so
nearby numbers are neighbours and most friendships are local.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Ties:
    """Each tie once (``a < b``), plus an index to find everyone tied to a resident quickly."""

    #: The two residents of each tie (``a < b``) and whether they are family (same household).
    a: np.ndarray
    b: np.ndarray
    family: np.ndarray
    #: Both directions of every tie, sorted by the first resident (compressed sparse rows):
    #: the ties of resident ``r`` are rows ``start[r]`` to ``start[r + 1]`` of ``other`` and
    #: ``other_family``; ``degree[r]`` is how many there are.
    other: np.ndarray
    other_family: np.ndarray
    start: np.ndarray
    degree: np.ndarray

    def listeners(self, speakers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every tie of each speaker, in speaker order: (row in ``other``, position in
        ``speakers``). Listeners of many speakers come out at once, without a loop."""
        counts = self.degree[speakers]
        first = np.repeat(self.start[speakers] - np.cumsum(counts) + counts, counts)
        edge = first + np.arange(counts.sum())
        return edge, np.repeat(np.arange(len(speakers)), counts)


def make_ties(rng: np.random.Generator, n: int) -> Ties:
    """Draw the friends-and-family network of ``n`` residents."""
    a, b, family = _draw_pairs(rng, n)
    src = np.concatenate([a, b])
    other = np.concatenate([b, a])
    other_family = np.concatenate([family, family])
    order = np.argsort(src, kind="stable")
    degree = np.bincount(src, minlength=n)
    return Ties(
        a=a,
        b=b,
        family=family,
        other=other[order],
        other_family=other_family[order],
        start=np.concatenate([[0], np.cumsum(degree)]),
        degree=degree,
    )


def _draw_pairs(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Households and friendships. Returns edges (a, b, is_family) with a < b, each pair once."""
    sizes = rng.choice([1, 2, 3, 4, 5], size=n, p=[0.25, 0.3, 0.2, 0.17, 0.08])
    household = np.repeat(np.arange(n), sizes)[:n]
    a_parts, b_parts, fam_parts = [], [], []
    for off in range(1, 5):
        same = np.flatnonzero(household[:-off] == household[off:])
        a_parts.append(same)
        b_parts.append(same + off)
        fam_parts.append(np.ones(len(same), bool))
    for _ in range(2):  # two friendships started per person
        local = rng.random(n) < 0.85
        step = np.where(local, rng.integers(1, 80, n), rng.integers(1, n, n))
        a_parts.append(np.arange(n))
        b_parts.append((np.arange(n) + step) % n)
        fam_parts.append(np.zeros(n, bool))
    a = np.concatenate(a_parts)
    b = np.concatenate(b_parts)
    fam = np.concatenate(fam_parts)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    lo, hi, fam = lo[keep], hi[keep], fam[keep]
    # Family first so a pair that is both keeps the family label.
    order = np.lexsort((~fam, hi, lo))
    lo, hi, fam = lo[order], hi[order], fam[order]
    first = np.ones(len(lo), bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    return lo[first], hi[first], fam[first]
