"""Tests for helpers.exercises: the package's public API, and the old module name."""

from __future__ import annotations

import helpers.exercises as package
from helpers import exercise


def test_module_exports() -> None:
    for name in exercise.__all__:
        assert hasattr(exercise, name)


def test_package_exports_what_notebooks_use() -> None:
    assert set(package.__all__) == set(exercise.__all__)
    for name in package.__all__:
        assert getattr(package, name) is getattr(exercise, name)
    assert repr(package.____) == "____"
