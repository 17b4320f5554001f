"""The town's friends-and-family network, the road word of mouth travels (notebook 03).

:func:`town_network` reads ``data/ties.csv`` through :mod:`helpers.data` (each tie is one row; the
network holds both directions) and gives a :class:`TownNetwork`: the people, a scipy sparse
adjacency matrix, and every tie in both directions as two index arrays, which the word-of-mouth
model walks without a Python loop per person. :func:`tie_summary` measures how many close ties
people have (median 3 in the town), and :func:`layout` places everyone for the network picture.

The ties are fiction-only data (``data/README.md``): a real shop never sees who is friends with
whom. They are *close* ties (household and friends); acquaintances and strangers online are not in
them, which is why the word-of-mouth model has a separate slider for them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sparse
from scipy.sparse.csgraph import connected_components

from helpers.data import cached_table

#: The seed of the picture's layout (the same picture every time).
LAYOUT_SEED = 20_030_301
LAYOUT_STEPS = 150


@dataclass(frozen=True)
class TownNetwork:
    """Everyone in the town's ties file and who is tied to whom (arrays are read-only)."""

    ids: np.ndarray  #: customer ids, in the order of the customers table
    adjacency: sparse.csr_matrix  #: n × n, 1 where two people are tied (symmetric)
    source: np.ndarray  #: both directions of every tie: who speaks ...
    target: np.ndarray  #: ... and who listens (sorted by source)
    family: np.ndarray  #: bool per directed tie: same household

    @property
    def size(self) -> int:
        return int(self.ids.size)

    @property
    def degree(self) -> np.ndarray:
        """How many close ties each person has."""
        return np.diff(self.adjacency.indptr)


def network_from_tables(customers: pd.DataFrame, ties: pd.DataFrame) -> TownNetwork:
    """The network of ``customers`` (one row each) and ``ties`` (one row per tie)."""
    index = pd.Index(customers["customer_id"].astype(str))
    a = index.get_indexer(ties["customer_a"].astype(str))
    b = index.get_indexer(ties["customer_b"].astype(str))
    if (a < 0).any() or (b < 0).any():
        raise ValueError("ties name people who are not in the customers table")
    family = (ties["kind"].astype(str) == "family").to_numpy()
    source = np.concatenate([a, b])
    target = np.concatenate([b, a])
    both = np.concatenate([family, family])
    order = np.lexsort((target, source))
    n = len(index)
    adjacency = sparse.csr_matrix(
        (np.ones(source.size), (source[order], target[order])), shape=(n, n)
    )
    arrays = {
        "ids": index.to_numpy(dtype=str),
        "source": source[order].astype(np.int64),
        "target": target[order].astype(np.int64),
        "family": both[order],
    }
    for array in arrays.values():
        array.flags.writeable = False
    return TownNetwork(adjacency=adjacency, **arrays)


@functools.cache
def town_network() -> TownNetwork:
    """The sample town's network (read once per session)."""
    return network_from_tables(cached_table("customers"), cached_table("ties"))


def tie_summary(network: TownNetwork | None = None) -> dict[str, float]:
    """How many close ties people have: median, mean, share with none, the largest group.

    ``largest_group`` is the share of people in the biggest connected group (everyone reachable
    from everyone else through ties).
    """
    net = network or town_network()
    degree = net.degree
    _count, labels = connected_components(net.adjacency, directed=False)
    largest = np.bincount(labels).max()
    return {
        "people": float(net.size),
        "ties": float(net.source.size // 2),
        "median_ties": float(np.median(degree)),
        "mean_ties": float(degree.mean()),
        "share_without_ties": float((degree == 0).mean()),
        "most_ties": float(degree.max()),
        "largest_group": float(largest / net.size),
    }


@functools.cache
def layout(steps: int = LAYOUT_STEPS) -> np.ndarray:
    """Where each person sits in the network picture: an (n, 2) array in a disc of radius 1.

    A small force-directed layout (people pulled towards those they are tied to, pushed away
    from random others, as in "negative sampling" layouts), then spread evenly over a disc so
    that a few thousand dots stay readable. Seeded, so the picture never changes. About half a
    second, once per session.
    """
    net = town_network()
    n = net.size
    rng = np.random.default_rng(LAYOUT_SEED)
    pos = rng.normal(size=(n, 2))
    src, dst = net.source, net.target
    for step in range(steps):
        reach = 0.3 * (1 - step / steps) + 0.01
        pull = np.column_stack(
            [np.bincount(src, pos[dst, k] - pos[src, k], minlength=n) for k in (0, 1)]
        )
        others = rng.integers(0, n, size=(n, 4))
        apart = pos[:, None, :] - pos[others]
        push = (apart / ((apart**2).sum(axis=2, keepdims=True) + 0.01)).sum(axis=1)
        move = 0.5 * pull + 0.02 * push - 0.01 * pos
        length = np.maximum(np.linalg.norm(move, axis=1, keepdims=True), 1e-12)
        pos += move / length * np.minimum(length, reach)
    return _even_disc(pos)


def _even_disc(pos: np.ndarray) -> np.ndarray:
    """Keep each point's direction from the centre; spread the distances evenly over a disc."""
    centred = pos - np.median(pos, axis=0)
    angle = np.arctan2(centred[:, 1], centred[:, 0])
    rank = np.argsort(np.argsort(np.hypot(centred[:, 0], centred[:, 1])))
    radius = np.sqrt((rank + 0.5) / len(rank))
    placed = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    placed.flags.writeable = False
    return placed
