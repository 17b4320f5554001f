"""Comparing a learner's table (a pandas DataFrame or Series) with the expected one.

Each function returns what differs in plain words (in the course's language), and never the
expected values themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from helpers.exercises.answers import kind_of, not_yet
from helpers.i18n import _, ngettext


@dataclass(frozen=True)
class TableRules:
    """How strictly tables are compared: number tolerances, and whether row order matters."""

    tolerance: float = 1e-6
    rel_tolerance: float = 1e-6
    ignore_row_order: bool = False


def as_frames(expected: pd.Series | pd.DataFrame, answer: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The expected and the learner's table as DataFrames, or a verdict if the answer is no table.

    A one-column table counts as a column (and a column as a one-column table) when that is what
    is expected.
    """
    if isinstance(expected, pd.Series):
        if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
            answer = answer.iloc[:, 0]
        if not isinstance(answer, pd.Series):
            raise not_yet(
                _(
                    "I expected a column of values (a pandas Series, as pandas gives it); "
                    "this is {kind}."
                ).format(kind=kind_of(answer))
            )
        return expected.to_frame("values"), answer.to_frame("values")
    if isinstance(answer, pd.Series) and expected.shape[1] == 1:
        answer = answer.to_frame(expected.columns[0])
    if not isinstance(answer, pd.DataFrame):
        raise not_yet(
            _(
                "I expected a table (a DataFrame) with the columns {columns}; this is {kind}."
            ).format(columns=names(expected.columns), kind=kind_of(answer))
        )
    return expected, answer


def names(columns: Any) -> str:
    """Column names as code, separated by commas: "`visits`, `share`"."""
    return ", ".join(f"`{c}`" for c in columns)


def compare(exp: pd.DataFrame, ans: pd.DataFrame, is_series: bool, rules: TableRules) -> list[str]:
    """What differs between the learner's table ``ans`` and ``exp`` (empty when they match)."""
    if not is_series:
        problems = _column_problems(exp, ans)
        if problems:
            return problems
        ans = ans.loc[:, list(exp.columns)]
    if len(ans) != len(exp):
        return [_wrong_shape(len(ans), len(exp), is_series)]
    if not ans.index.equals(exp.index):
        problem = index_problem(exp.index, ans.index, is_series, rules.ignore_row_order)
        if problem:
            return [problem]
        ans = ans.loc[exp.index]
    bad = []
    for position, column in enumerate(exp.columns):
        problem = value_problem(exp.iloc[:, position], ans.iloc[:, position], rules)
        if problem and is_series:
            return [_("Wrong values: {problem}.").format(problem=problem)]
        if problem:
            bad.append(_("in column `{column}`: {problem}").format(column=column, problem=problem))
    if not bad:
        return []
    return [_("Wrong values {problems}.").format(problems="; ".join(bad))]


def _wrong_shape(rows: int, expected: int, is_series: bool) -> str:
    """The learner's table (or column) has the wrong number of rows."""
    if is_series:
        text = ngettext(
            "Wrong shape: your column has {rows} row; I expected {expected}.",
            "Wrong shape: your column has {rows} rows; I expected {expected}.",
            rows,
        )
    else:
        text = ngettext(
            "Wrong shape: your table has {rows} row; I expected {expected}.",
            "Wrong shape: your table has {rows} rows; I expected {expected}.",
            rows,
        )
    return text.format(rows=rows, expected=expected)


def _column_problems(exp: pd.DataFrame, ans: pd.DataFrame) -> list[str]:
    """Missing, unexpected or repeated columns (empty when the columns are right)."""
    wanted = list(exp.columns)
    missing = [c for c in wanted if c not in set(ans.columns)]
    extra = [c for c in ans.columns if c not in set(wanted)]
    moved = [c for c in extra if c in exp.index.names and c is not None]
    if moved:
        return [
            _(
                "`{column}` should label the rows, not be a column: was `reset_index()` or "
                "`as_index=False` used?"
            ).format(column=moved[0])
        ]
    problems = []
    if missing:
        problems.append(
            ngettext("Missing column: {names}.", "Missing columns: {names}.", len(missing)).format(
                names=names(missing)
            )
        )
    if extra:
        problems.append(
            ngettext(
                "Column I did not expect: {names}.",
                "Columns I did not expect: {names}.",
                len(extra),
            ).format(names=names(extra))
        )
    if not problems and ans.columns.duplicated().any():
        return [_("A column appears twice in your table.")]
    return problems


def index_problem(
    exp: pd.Index, ans: pd.Index, is_series: bool, ignore_row_order: bool
) -> str | None:
    """Why the row labels differ, or None when only the order differs and that is allowed."""
    try:
        same_rows = exp.sort_values().equals(ans.sort_values()) and exp.is_unique
    except TypeError:
        same_rows = False
    if same_rows:
        if ignore_row_order:
            return None
        if is_series:
            return _(
                "The rows of your column are right but in a different order: "
                "check how they are sorted."
            )
        return _(
            "The rows of your table are right but in a different order: check how they are sorted."
        )
    if [str(x) for x in exp] == [str(x) for x in ans]:
        return _("The row labels look right but are of a different type (text versus numbers).")
    return _numbered_or_labelled(exp, ans) or _unexpected_labels(exp, ans, is_series)


def _numbered_or_labelled(exp: pd.Index, ans: pd.Index) -> str | None:
    """Rows numbered 0, 1, 2, … where labels are expected, or the other way round."""
    if isinstance(ans, pd.RangeIndex) and not isinstance(exp, pd.RangeIndex):
        if exp.name:
            text = _(
                "Your rows are numbered 0, 1, 2, … but should be labelled by `{label}`: "
                "was `reset_index()` or `as_index=False` used?"
            )
        else:
            text = _(
                "Your rows are numbered 0, 1, 2, … but should be labelled by the groups: "
                "was `reset_index()` or `as_index=False` used?"
            )
        return text.format(label=exp.name)
    if isinstance(exp, pd.RangeIndex) and not isinstance(ans, pd.RangeIndex):
        return _(
            "Your rows carry labels; I expected them numbered 0, 1, 2, … "
            "(`.reset_index()` does that)."
        )
    return None


def _unexpected_labels(exp: pd.Index, ans: pd.Index, is_series: bool) -> str:
    """Row labels that differ from the expected ones, with an example when there is one."""
    surprise = next((x for x in ans if x not in set(exp)), None)
    if surprise is not None:
        if is_series:
            text = _(
                "The row labels of your column differ from what I expect (for example, I did "
                "not expect a row `{row}`)."
            )
        else:
            text = _(
                "The row labels of your table differ from what I expect (for example, I did "
                "not expect a row `{row}`)."
            )
        return text.format(row=surprise)
    if is_series:
        return _("The row labels of your column differ from what I expect.")
    return _("The row labels of your table differ from what I expect.")


def value_problem(exp: pd.Series, ans: pd.Series, rules: TableRules) -> str | None:
    """How many values of one column differ (numbers within the tolerances count as equal)."""
    exp_numeric = pd.api.types.is_numeric_dtype(exp) or pd.api.types.is_bool_dtype(exp)
    if exp_numeric:
        if not (pd.api.types.is_numeric_dtype(ans) or pd.api.types.is_bool_dtype(ans)):
            return _("it holds text or other values; I expected numbers")
        e = exp.to_numpy(dtype=float, na_value=np.nan)
        a = ans.to_numpy(dtype=float, na_value=np.nan)
        ok = np.isclose(a, e, rtol=rules.rel_tolerance, atol=rules.tolerance, equal_nan=True)
        wrong = int((~ok).sum())
    else:
        e_obj = exp.to_numpy(dtype=object)
        a_obj = ans.to_numpy(dtype=object)
        wrong = sum(1 for x, y in zip(e_obj, a_obj, strict=True) if not cell_equal(x, y))
    if not wrong:
        return None
    return ngettext(
        "{wrong} row of {total} differs", "{wrong} rows of {total} differ", wrong
    ).format(wrong=wrong, total=len(exp))


def cell_equal(x: Any, y: Any) -> bool:
    """Equality of two table cells, with two missing values counting as equal."""
    try:
        if pd.isna(x) and pd.isna(y):
            return True
    except (TypeError, ValueError):  # list-like cells: pd.isna gives an array
        pass
    try:
        return bool(x == y)
    except Exception:  # noqa: BLE001 - odd values simply do not match
        return False


def changed(column: pd.Series) -> pd.Series:
    """A column with every value changed: numbers scaled and shifted, other values marked."""
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        return column * 1.5 + 1
    return column.astype(str) + " (changed)"


def wrong_frames(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """Wrong versions of a table: changed numbers, a row short, an extra column."""
    wrongs = []
    if len(frame.columns):
        altered = frame.copy()
        altered[altered.columns[0]] = changed(altered.iloc[:, 0]).to_numpy()
        wrongs.append(altered)
    if len(frame) > 1:
        wrongs.append(frame.iloc[:-1].copy())
    extra = frame.copy()
    extra["extra column"] = 0
    wrongs.append(extra)
    return wrongs


def wrong_columns(column: pd.Series) -> list[Any]:
    """Wrong versions of a column: changed values, a row short, a table instead of a column."""
    wrongs: list[Any] = [changed(column)]
    if len(column) > 1:
        wrongs.append(column.iloc[:-1].copy())
    wrongs.append(pd.concat([column, column], axis=1))
    return wrongs
