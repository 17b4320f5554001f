"""The town's network as the word-of-mouth model reads it, and the picture's layout."""

import numpy as np
import pandas as pd
import pytest

from helpers.data import load_customers, load_ties
from helpers.lessons.reputation.network import (
    layout,
    network_from_tables,
    tie_summary,
    town_network,
)


def test_the_network_is_the_ties_file_both_ways():
    net = town_network()
    ties = load_ties()
    assert net.source.size == 2 * len(ties)
    assert (net.adjacency != net.adjacency.T).nnz == 0  # symmetric
    assert net.adjacency.sum() == 2 * len(ties)
    assert np.all(np.diff(net.source) >= 0)  # sorted by who speaks
    assert int(net.family.sum()) == 2 * int((ties["kind"] == "family").sum())


def test_tie_summary_measures_the_data():
    summary = tie_summary()
    degree = pd.concat([load_ties()["customer_a"], load_ties()["customer_b"]]).value_counts()
    everyone = degree.reindex(load_customers()["customer_id"], fill_value=0)
    assert summary["median_ties"] == float(everyone.median()) == 3
    assert summary["mean_ties"] == pytest.approx(float(everyone.mean()))
    assert summary["share_without_ties"] == pytest.approx(float((everyone == 0).mean()))
    assert 0.9 < summary["largest_group"] <= 1


def test_ties_to_strangers_are_refused():
    customers = pd.DataFrame({"customer_id": ["C1", "C2"]})
    ties = pd.DataFrame({"customer_a": ["C1"], "customer_b": ["C9"], "kind": ["friend"]})
    with pytest.raises(ValueError, match="not in the customers table"):
        network_from_tables(customers, ties)


def test_layout_fills_a_disc_and_keeps_ties_short():
    pos = layout()
    net = town_network()
    assert pos.shape == (net.size, 2)
    assert np.hypot(pos[:, 0], pos[:, 1]).max() <= 1 + 1e-9
    tie = np.hypot(*(pos[net.source] - pos[net.target]).T)
    random = np.hypot(*(pos - pos[np.random.default_rng(0).permutation(net.size)]).T)
    assert np.median(tie) < 0.3 * np.median(random)  # friends sit near each other


def test_layout_is_the_same_every_time():
    layout.cache_clear()
    first = layout().copy()
    layout.cache_clear()
    np.testing.assert_array_equal(first, layout())
