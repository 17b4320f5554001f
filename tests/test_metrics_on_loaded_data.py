"""Metrics on what learners actually pass them: the loaders' own columns, and a few mistakes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.data import load_reviews, load_surveys, load_visits, returned_next_month
from helpers.metrics import (
    clv,
    csat,
    nps,
    nps_margin,
    nps_standard_error,
    retention_rate,
    wilson_interval,
)
from helpers.validation import ParameterError


@pytest.fixture(scope="module")
def surveys() -> pd.DataFrame:
    return load_surveys()


def _answers(column: pd.Series) -> list[int]:
    """The answers as a plain list of Python ints, blanks dropped (what csat/nps always took)."""
    return [int(x) for x in column.dropna()]


def test_csat_on_the_loaders_nullable_column(surveys: pd.DataFrame) -> None:
    column = surveys["csat"]
    assert column.dtype == "Int64" and column.isna().any()  # what used to be refused
    assert csat(column) == pytest.approx(csat(_answers(column)))


def test_nps_on_the_loaders_nullable_column(surveys: pd.DataFrame) -> None:
    column = surveys["nps"]
    assert column.dtype == "Int64" and column.isna().any()
    result = nps(column)
    assert result.score == pytest.approx(nps(_answers(column)).score)
    assert result.n == column.notna().sum()


def test_every_score_column_of_the_data_can_be_scored() -> None:
    assert 0 < csat(load_reviews()["stars"]) < 1
    assert 0 < csat(load_visits()["satisfaction"]) < 1


def test_share_and_money_metrics_take_the_loaders_numbers(surveys: pd.DataFrame) -> None:
    visits = load_visits()
    # Counts and means from pandas are numpy numbers (np.int64, np.float64), not Python ones.
    answered = surveys["responded"].sum()
    low, high = wilson_interval(answered, len(surveys))
    assert low < answered / len(surveys) < high
    came = returned_next_month(visits)
    customers = visits.loc[came.notna(), "customer_id"]
    back = visits.loc[came.fillna(False).astype(bool), "customer_id"]
    assert 0 < retention_rate(customers.nunique(), back.nunique()) < 1
    margin = visits["amount"].mean() * 0.3
    assert clv(margin, 0.8, 0.1) == pytest.approx(margin * 0.8 / 0.3)
    result = nps(surveys["nps"])
    assert nps_standard_error(
        np.float64(result.promoters), np.float64(result.detractors), result.n
    ) == pytest.approx(result.standard_error)
    assert nps_margin(result.promoters, result.detractors, np.int64(result.n)) > 0


@pytest.mark.parametrize(
    "scores",
    [
        pd.array([4, None, 5, 2], dtype="Int64"),
        pd.Series([4.0, None, 5.0, 2.0], dtype="Float64"),
        np.array([4, np.nan, 5, 2]),
        [4, None, 5, 2],
        [4, float("nan"), 5, 2],
        [4, pd.NA, 5, "", 2],
        (x for x in (4, 5, 2)),
    ],
    ids=["Int64", "Float64", "numpy", "None", "NaN", "pd.NA", "generator"],
)
def test_blanks_are_ignored_whatever_holds_them(scores) -> None:
    assert csat(scores) == pytest.approx(2 / 3)


@pytest.mark.parametrize(("metric", "text"), [(nps, "10"), (csat, "45"), (csat, b"45")])
def test_a_single_text_is_refused(metric, text) -> None:
    # Read character by character, "10" used to be the answers 1 and 0 (NPS -100).
    shown = text.decode() if isinstance(text, bytes) else text
    with pytest.raises(ParameterError, match=f"not the single text '{shown}'"):
        metric(text)


@pytest.mark.parametrize("value", [5, 4.5, np.int64(9)])
def test_a_single_number_is_refused(value) -> None:
    with pytest.raises(ParameterError, match="Give a list or column of NPS scores"):
        nps(value)


@pytest.mark.parametrize(
    ("scores", "words"),
    [
        ([True, False], "found True"),
        (pd.Series([True, False]), "found True"),
        (["4", "good"], "found 'good'"),
        (pd.DataFrame({"csat": [4, 5]}), "one list or column"),
        (np.array([[4, 5], [5, 4]]), "one list or column"),
    ],
)
def test_what_is_not_a_score_is_named(scores, words) -> None:
    with pytest.raises(ParameterError, match=words):
        csat(scores)


def test_metric_messages_go_through_the_translation_function(pretend_language) -> None:
    pretend_language(
        {
            "Give a list or column of {name} scores, not the single text '{text}'.": (
                "{name}: '{text}' ist nur ein Text."
            ),
            "acquisition cost": "Akquisekosten",
            "{name} must be a number, but it is {value}.": "{name}: {value} ist keine Zahl.",
        }
    )
    with pytest.raises(ParameterError, match=r"^CSAT: '45' ist nur ein Text\.$"):
        csat("45")
    with pytest.raises(ParameterError, match=r"^Akquisekosten: 'x' ist keine Zahl\.$"):
        clv(100, 0.8, 0.1, acquisition_cost="x")
