"""The blank ``____`` that a notebook leaves where the learner's answer goes."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
import pandas as pd


class _Blank:
    """The ``____`` a notebook leaves for the learner to replace.

    Arithmetic with it gives the blank back (``____ / 100`` is still a blank), so a half-filled
    cell runs without an error and ``check`` answers "not attempted". Printing it shows ``____``,
    so text built from it still contains the blank too.
    """

    _instance: ClassVar[_Blank | None] = None
    # Make numpy and pandas hand arithmetic over to this object instead of working element-wise.
    __array_ufunc__ = None
    __pandas_priority__ = 10_000

    def __new__(cls) -> _Blank:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    def __str__(self) -> str:
        return "____"

    def __format__(self, spec: str) -> str:
        return "____"

    def __copy__(self) -> _Blank:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _Blank:
        return self

    def __reduce__(self) -> str:
        return "____"

    def _same(self, *args: Any) -> _Blank:
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _same
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _same
    __mod__ = __rmod__ = __pow__ = __rpow__ = __matmul__ = __rmatmul__ = _same
    __neg__ = __pos__ = __abs__ = __round__ = _same


#: The blank to put where the learner's answer goes: ``share_returned = ____``.
____ = _Blank()

#: "No argument given" (``None`` is a possible, blank, answer).
MISSING: Any = object()


def is_blank(value: Any) -> bool:
    """True for an answer that is still the placeholder (or nothing at all)."""
    if value is None or value is ____ or value is Ellipsis:
        return True
    if isinstance(value, str):
        return "____" in value or not value.strip()
    if isinstance(value, list | tuple | set | frozenset):
        return any(item is ____ or item is Ellipsis for item in value)
    if isinstance(value, dict):
        return any(item is ____ for item in value.values())
    if isinstance(value, pd.Series | pd.DataFrame) and value.size <= 10_000:
        return _table_has_blank(value)
    return False


def _table_has_blank(value: pd.Series | pd.DataFrame) -> bool:
    """True when a small table holds the blank (only possible in a column of mixed values)."""
    dtypes = [value.dtype] if isinstance(value, pd.Series) else list(value.dtypes)
    if all(pd.api.types.is_numeric_dtype(dtype) for dtype in dtypes):
        return False
    return any(
        item is ____ or (isinstance(item, str) and "____" in item)
        for item in np.asarray(value, dtype=object).ravel()
    )
