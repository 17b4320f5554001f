"""Each step of the town's model on a small town: the shapes and rules of what it fills in.

The town runs two months; then one more month runs step by step, keeping a copy of the state
before it, so each test can check one step's output against its input. A small town (1,200
residents) runs the whole history through the tables and the loaders' checks.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest

from helpers.data import SCHEMAS
from helpers.town import TRUE_EFFECTS, people, return_chance
from helpers.town.csv_text import csv_texts, parse_texts
from helpers.town.effects import SHOPS
from helpers.town.history import FIRST_DAY, LAST_DAY, N_MONTHS, month_days, month_index
from helpers.town.network import make_ties
from helpers.town.people import EARLIEST_JOINED, EXISTING, REFERRAL, WALK_IN, make_staff
from helpers.town.service import BIG_GOODS, SMALL_GOODS
from helpers.town.simulation import MONTHLY_STEPS, Step, simulate
from helpers.town.state import Month, TownState
from helpers.town.streams import Streams
from helpers.town.tables import raw_tables

N_RESIDENTS, N_EXISTING, MONTHS_BEFORE = 1200, 400, 2


@dataclass
class OneMonth:
    """The state before month 2, the month as the steps filled it in, and the state after."""

    before: TownState
    month: Month
    after: TownState

    def rows(self, table: str) -> dict[str, np.ndarray]:
        """This month's rows of a raw table (those about this month's visits)."""
        raw = self.after.raw(table)
        mine = np.isin(raw["vid"], self.month.visit)
        return {key: value[mine] for key, value in raw.items()}


@pytest.fixture(scope="module")
def one() -> OneMonth:
    state = simulate(11, n_months=MONTHS_BEFORE)
    before = copy.deepcopy(state)
    month = Month.begin(MONTHS_BEFORE)
    streams = Streams(5)
    for step in MONTHLY_STEPS:
        step.run(state, month, streams[step.name])
    return OneMonth(before, month, state)


@pytest.fixture(scope="module")
def small_town() -> TownState:
    return simulate(3, n_residents=N_RESIDENTS, n_existing=N_EXISTING, n_months=N_MONTHS)


# --- the calendar, the people, the ties ---------------------------------------------------------


def test_month_index_counts_months_since_january_2024() -> None:
    days = np.array(["2024-01-01", "2024-01-31", "2024-02-01", "2025-12-31", "2026-01-01"],
                    dtype="datetime64[D]")  # fmt: skip
    assert month_index(days).tolist() == [0, 0, 1, 23, 24]
    assert month_days(1) == (np.datetime64("2024-02-01"), 29)  # a leap year
    assert month_days(N_MONTHS - 1) == (np.datetime64("2025-12-01"), 31)
    assert month_index(np.array([LAST_DAY])).tolist() == [N_MONTHS - 1]


def test_staff_of_each_shop() -> None:
    staff = make_staff(np.random.default_rng(1), TRUE_EFFECTS)
    assert staff.table.columns.tolist() == SCHEMAS["staff"].column_names
    for s, shop in enumerate(SHOPS):
        mine = staff.of_shop(s)
        assert len(mine) == shop.n_staff
        assert (staff.table["shop_id"].iloc[mine] == shop.shop_id).all()
    for share in (staff.courtesy, staff.warmth, staff.knowledge, staff.listening):
        assert ((share >= 0) & (share <= 1)).all()
    assert staff.table["staff_id"].is_unique and staff.table["name"].is_unique


def test_ties_are_pairs_once_and_listeners_are_the_ties() -> None:
    ties = make_ties(np.random.default_rng(2), 500)
    assert (ties.a < ties.b).all()
    pairs = set(zip(ties.a.tolist(), ties.b.tolist(), strict=True))
    assert len(pairs) == len(ties.a)
    assert (ties.b[ties.family] - ties.a[ties.family] <= 4).all()  # households are neighbours
    speakers = np.array([0, 17, 17, 499])
    edge, position = ties.listeners(speakers)
    for i, speaker in enumerate(speakers):
        heard = set(ties.other[edge[position == i]].tolist())
        expected = {b for a, b in pairs if a == speaker} | {a for a, b in pairs if b == speaker}
        assert heard == expected


def test_existing_customers_joined_before_the_records(one: OneMonth) -> None:
    c = one.before.customers
    existing = c.via == EXISTING
    assert existing.sum() == people.N_EXISTING
    assert (c.joined[existing] < FIRST_DAY).all() and (c.joined[existing] >= EARLIEST_JOINED).all()


# --- one month, step by step ---------------------------------------------------------------------


def test_arrivals(one: OneMonth) -> None:
    m, before, after = one.month, one.before.customers, one.after.customers
    assert len(np.unique(m.who)) == len(m)  # at most one visit per customer a month
    assert after.is_customer[m.who].all()
    start, n_days = month_days(m.index)
    assert ((m.date >= start) & (m.date < start + n_days)).all()
    new = ~before.is_customer[m.who]
    assert (after.joined[m.who[new]] == m.date[new]).all()
    assert set(after.via[m.who[new]].tolist()) <= {WALK_IN, REFERRAL}
    referred = m.who[before.join_next_shop[m.who] >= 0]
    assert (m.shop[np.isin(m.who, referred)] == before.join_next_shop[referred]).all()
    assert (after.join_next_shop[referred] == -1).all()
    assert m.visit.tolist() == list(range(one.before.n_visits, one.after.n_visits))


def test_service_and_purchases(one: OneMonth) -> None:
    m, staff = one.month, one.after.staff
    assert (staff.shop[m.staff] == m.shop).all()  # served by someone of that shop
    assert not (m.answered & ~m.asked).any() and not (m.fixed & ~m.problem).any()
    assert (m.wait >= 0).all() and (m.wait <= 90).all()
    assert (m.big == (m.category >= len(SMALL_GOODS))).all()
    assert (m.category < len(SMALL_GOODS) + len(BIG_GOODS)).all()
    assert (m.amount > 0).all() and (m.amount <= 4999).all()


def test_satisfaction(one: OneMonth) -> None:
    sat = one.month.satisfaction
    assert sat.shape == one.month.who.shape and set(sat.tolist()) <= {1, 2, 3, 4, 5}
    unfixed = one.month.problem & ~one.month.fixed
    assert sat[unfixed].mean() < sat[~one.month.problem].mean() - 1


def test_complaints_and_retention(one: OneMonth) -> None:
    m, c = one.month, one.after.customers
    rows = one.rows("complaints")
    assert (m.satisfaction[m.complained] <= 3).all()
    assert len(rows["vid"]) == len(m.complained) == len(m.days_to_resolve)
    assert (rows["date"] >= m.date[m.complained]).all() and (m.days_to_resolve >= 1).all()
    # The return link after a complaint follows the resolution, not the visit's own score.
    fx = TRUE_EFFECTS
    effective = m.satisfaction.astype(float)
    recovered = np.where(m.generous, fx.generous_recovered_satisfaction,
                         m.satisfaction[m.complained] - fx.stingy_penalty)  # fmt: skip
    effective[m.complained] = recovered - fx.resolution_day_loss * m.days_to_resolve
    interest = one.after.residents.interest[m.who]
    expected = return_chance(effective, interest, fx)
    np.testing.assert_allclose(c.return_chance[m.who], expected)
    assert len(m.complained) > 0


def test_follow_ups(one: OneMonth) -> None:
    m, rows = one.month, one.rows("follow_ups")
    assert sorted(rows["vid"].tolist()) == m.visit[m.big].tolist()
    assert (one.after.staff.shop[rows["caller"]] == rows["shop"]).all()
    due_after = (rows["due"] - m.date[np.searchsorted(m.visit, rows["vid"])]).astype(int)
    assert ((due_after >= 75) & (due_after <= 105)).all()
    pulled = one.after.customers.pull[month_index(rows["due"][rows["called"]]) + 1]
    assert (pulled[:, rows["who"][rows["called"]]].diagonal() == TRUE_EFFECTS.follow_up_pull).all()


def test_surveys(one: OneMonth) -> None:
    rows = one.rows("surveys")
    r = rows["responded"]
    assert len(r) > 0 and 0 < r.mean() < 1
    assert ((rows["csat"] >= 1) & (rows["csat"] <= 5)).all()
    assert not (rows["named"] & ~r).any() and (rows["comment"][~r] == -1).all()
    assert (rows["answered"] >= rows["sent"]).all()


def test_reviews(one: OneMonth) -> None:
    rows = one.rows("reviews")
    assert ((rows["stars"] >= 1) & (rows["stars"] <= 5)).all()
    replies_from = np.array([np.datetime64(s.replies_to_reviews_from) for s in SHOPS])
    assert not (rows["reply"] & (rows["date"] < replies_from[rows["shop"]])).any()
    assert (rows["replied"][rows["reply"]] > rows["date"][rows["reply"]]).all()
    assert 1 <= one.after.reputation.min() and one.after.reputation.max() <= 5


def test_word_of_mouth(one: OneMonth) -> None:
    m, rows, ties = one.month, one.rows("messages"), one.after.ties
    sat = m.satisfaction[np.searchsorted(m.visit, rows["vid"])]
    assert (sat[rows["praise"]] == 5).all() and (sat[~rows["praise"]] <= 2).all()
    pairs = set(zip(ties.a.tolist(), ties.b.tolist(), strict=True))
    for s, listener in zip(rows["speaker"], rows["listener"], strict=True):
        assert (min(s, listener), max(s, listener)) in pairs
    planted = (one.before.customers.join_next_shop < 0) & (one.after.customers.join_next_shop >= 0)
    assert not one.after.customers.is_customer[planted].any()  # referrals are new people


# --- the whole run ------------------------------------------------------------------------------


def test_small_town_tables_pass_every_check_of_the_loaders(small_town: TownState) -> None:
    tables = parse_texts(csv_texts(raw_tables(small_town)))  # raises on a broken key or value
    assert len(tables["customers"]) > N_EXISTING
    visits = tables["visits"].assign(month=lambda v: month_index(v["date"].to_numpy()))
    assert not visits.duplicated(["customer_id", "month"]).any()
    assert (visits["date"] >= pd.Timestamp(FIRST_DAY)).all()


def test_steps_need_distinct_names() -> None:
    twice = (*MONTHLY_STEPS, Step("arrivals", MONTHLY_STEPS[0].run))
    with pytest.raises(ValueError, match="share a name"):
        simulate(1, steps=twice, n_residents=200, n_existing=50, n_months=1)
