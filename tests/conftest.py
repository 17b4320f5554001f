"""Shared test set-up: the whole run, notebooks included, must leave data/ exactly as it was."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest

from helpers import DATA_DIR


def _fingerprint() -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(DATA_DIR.glob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session", autouse=True)
def data_folder_is_left_untouched() -> Iterator[None]:
    """Notebooks and tests read data/ and never write into it."""
    before = _fingerprint()
    yield
    after = _fingerprint()
    changed = sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )
    assert not changed, f"The test run changed data/: {', '.join(changed)}"
