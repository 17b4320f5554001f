"""Word of mouth on the town's network: praise wins customers, warnings lose them (notebook 03).

The model in plain words
------------------------
The people are the 4,526 people of the town's customer file: everyone who was a customer of
either shop at some time in the two years. They are tied to friends and family as in
``data/ties.csv`` (:mod:`.network`); the people they told who never became customers are not in
the file, so the model walks close ties among customers only. At the start half of them shop
with *us*; the others shop elsewhere. Every month each of our customers visits once. A visit
*delights* (a 5) or leaves the customer *unhappy* (a 1 or 2) with the shares the sliders set; the
rest are in between and say nothing. A delighted customer praises us with one chance, an unhappy
one warns with another. Each friend or relative of a talking customer hears it with a chance of
45 %. A talking customer may also reach people *beyond* her close ties (acquaintances, a post
online): two sliders, one for warnings (the folklore) and one for praise, both 0 at the start.
Those extra people all hear it (the slider counts listeners, not people told).

What people hear moves them at the end of the month:

* someone who shops elsewhere and heard praise (and no warning) comes to us with a chance of 20 %
  for each praise they heard: **won**, and from next month they visit, and talk, too;
* one of our customers who heard a warning leaves with a chance of 20 % for each warning: **lost**.

So praise can travel further than one step: a friend won this month may praise us to her own
friends later. This is a cascade model in the spirit of the *independent cascade* of Goldenberg,
Libai & Muller (2001, Marketing Letters 12(3): each telling reaches each tie independently); in
theirs each newly won person gets one chance to tell, here customers may talk every month. In this
model a warning stops where it lands (a lost customer does not pass it on).

Common random numbers: every person's random numbers (experience, talking, hearing, reacting,
and the people beyond close ties they would tell) are drawn once from a fixed seed, so the same
slider positions always draw the same picture, and moving one slider changes only the people at
the margin. Another seed is another equally likely town-year: :mod:`.experiments` measures how
much the results move with it.

What rests on the literature, and what is ours
----------------------------------------------
* **Praise is about three times as frequent as warnings.** East, Hammond & Wright (2007,
  International Journal of Research in Marketing 24(2), "The relative incidence of positive and
  negative word of mouth") found positive word of mouth about three times as common as negative
  across many categories. The chances to talk (33 % after a 5, 60 % after a 1 or 2) and to hear
  (45 %) are the town's (``helpers.town.TRUE_EFFECTS``); at the starting sliders they give about
  three praise messages per warning (a test checks it).
* **Per message, praise usually weighs more.** East, Hammond & Lomax (2008, International Journal
  of Research in Marketing 25(3), "Measuring the impact of positive and negative word of mouth on
  brand purchase probability") found positive word of mouth generally had more impact per
  instance than negative. The model does *not* build that in: it assumes one warning moves a
  listener as much as one praise (20 % each), our simplification.
* **The folklore.** "An unhappy customer tells 9 to 15 people" traces to studies by TARP
  (Technical Assistance Research Programs) for the US Office of Consumer Affairs (1979, 1986),
  which are hard to obtain and widely misquoted: it is a slider (0 by default), not a fact.
* **Ours:** half the town shopping with us at the start, one visit a month, the 20 % chances of
  joining after praise (the town's referral chance) and of leaving after a warning, and that a
  listener beyond close ties counts like a friend.

Everything here is a pure function of the sliders; one update (twelve months, all 4,526 people)
takes a few milliseconds.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from helpers.i18n import N_, _
from helpers.lessons.reputation.network import TownNetwork, town_network
from helpers.parameters import Parameter, percent
from helpers.validation import ParameterError, require_count

SEED = 20_030_101
MONTHS = 12
#: Share of the town's people who shop with us at the start (illustrative).
START_SHARE = 0.5
#: Chance each friend or relative of a talking customer hears it (the town's 45 %).
HEAR = 0.45
#: Chance that one praise brings in someone who shops elsewhere (the town's referral chance).
JOIN = 0.20
#: Chance that one warning makes one of our customers leave (illustrative).
LEAVE = 0.20
#: The most people beyond close ties the folklore slider can add.
MOST_EXTRA = 15
#: The two sliders of people beyond close ties: for warnings (the folklore) and for praise.
EXTRA_SLIDERS = ("extra_told", "extra_praise")
#: Chance of joining (leaving) after hearing k praise messages (warnings): 1 − (1 − chance)^k,
#: each telling acting on its own; looked up, counted up to MOST_HEARD messages.
MOST_HEARD = 64
JOIN_CHANCE = 1 - (1 - JOIN) ** np.arange(MOST_HEARD + 1)
LEAVE_CHANCE = 1 - (1 - LEAVE) ** np.arange(MOST_HEARD + 1)

PARAMETERS: dict[str, Parameter] = {
    spec.name: spec
    for spec in (
        Parameter(
            "delighted",
            plain=N_("Visits that delight"),
            label=N_("Visits that delight, a 5 (%)"),
            unit="%",
            default=35,
            low=0,
            high=70,
            step=5,
            help=N_("Share of visits that leave the customer delighted (notebook 01: about 34 %)."),
        ),
        Parameter(
            "unhappy",
            plain=N_("Visits that leave the customer unhappy"),
            label=N_("Visits that leave them unhappy, 1-2 (%)"),
            unit="%",
            default=6,
            low=0,
            high=30,
            step=1,
            help=N_("Share of visits that leave the customer unhappy (notebook 01: about 6 %)."),
        ),
        Parameter(
            "praise",
            plain=N_("Delighted customers who praise us"),
            label=N_("Delighted customers who praise us (%)"),
            unit="%",
            default=33,
            low=0,
            high=100,
            step=1,
            help=N_("Share of delighted customers who tell their friends and family."),
        ),
        percent(
            "warn",
            plain=N_("Unhappy customers who warn others"),
            label=N_("Unhappy customers who warn (%)"),
            default=60,
            help=N_("Share of unhappy customers who warn their friends and family."),
        ),
        Parameter(
            "extra_told",
            plain=N_("People beyond close ties who hear each warning"),
            label=N_("Extra people who hear a warning"),
            unit="",
            default=0,
            low=0,
            high=MOST_EXTRA,
            step=1,
            help=N_(
                "People beyond friends and family (acquaintances, social media) who hear each "
                "unhappy customer's warning. The '9-15 people' figure is folklore."
            ),
            illustrative=True,
        ),
        Parameter(
            "extra_praise",
            plain=N_("People beyond close ties who hear each praise"),
            label=N_("Extra people who hear praise"),
            unit="",
            default=0,
            low=0,
            high=MOST_EXTRA,
            step=1,
            help=N_("People beyond friends and family who hear each delighted customer's praise."),
            illustrative=True,
        ),
    )
}


@dataclass(frozen=True)
class Draws:
    """Everyone's random numbers, drawn once (read-only)."""

    start: np.ndarray  #: (n,) uniform: shops with us at the start if below START_SHARE
    experience: np.ndarray  #: (MONTHS, n) uniform: delighted if low, unhappy if high
    talk: np.ndarray  #: (MONTHS, n) uniform: talks if below the talking share
    heard: tuple[tuple[np.ndarray, np.ndarray], ...]  #: per month: (teller, listener) of the
    #: directed ties along which a telling is heard (each with chance HEAR)
    react: np.ndarray  #: (MONTHS, n) uniform: joins or leaves if below the chance
    strangers: np.ndarray  #: (MONTHS, n, MOST_EXTRA) people beyond close ties one would tell


@functools.lru_cache(maxsize=4)
def draws(seed: int = SEED) -> Draws:
    """The fixed random numbers of the town's people for ``seed`` (cached)."""
    seed = require_count(_("Seed"), seed, minimum=0)
    net = town_network()
    n, ties = net.size, net.source.size
    rng = np.random.default_rng(seed)
    # Someone else than oneself: shift by 1 .. n-1 places.
    shift = rng.integers(1, n, size=(MONTHS, n, MOST_EXTRA), dtype=np.int32)
    strangers = ((np.arange(n, dtype=np.int32)[None, :, None] + shift) % n).astype(np.int32)
    start, experience, talk = rng.random(n), rng.random((MONTHS, n)), rng.random((MONTHS, n))
    hear, react = rng.random((MONTHS, ties)) < HEAR, rng.random((MONTHS, n))
    heard = tuple((net.source[h], net.target[h]) for h in hear)
    arrays = [start, experience, talk, react, strangers, *(a for pair in heard for a in pair)]
    for array in arrays:
        array.flags.writeable = False
    return Draws(start, experience, talk, heard, react, strangers)


def check_values(values: Mapping[str, float] | None = None, **changes: float) -> dict[str, float]:
    """The sliders' values (defaults for the rest), each checked; shares stay shares in %."""
    merged = {**(values or {}), **changes}
    unknown = sorted(set(merged) - set(PARAMETERS))
    if unknown:
        raise ParameterError(
            _(
                "The word-of-mouth model has no parameter called {unknown}; "
                "its parameters are {known}."
            ).format(unknown=", ".join(unknown), known=", ".join(PARAMETERS))
        )
    checked = {
        name: spec.check(merged.get(name, spec.default)) for name, spec in PARAMETERS.items()
    }
    for name in EXTRA_SLIDERS:
        if checked[name] != int(checked[name]):
            raise ParameterError(_("The number of people who hear must be a whole number."))
    return checked


@dataclass(frozen=True)
class WordOfMouthOutcome:
    """Twelve months of word of mouth for one setting of the sliders."""

    values: dict[str, float]
    won: np.ndarray  #: (MONTHS,) customers won through praise, each month
    lost: np.ndarray  #: (MONTHS,) customers lost after a warning, each month
    praise_heard: np.ndarray  #: (MONTHS,) praise messages heard from close ties
    praise_beyond: np.ndarray  #: (MONTHS,) praise messages heard from people beyond close ties
    warnings_heard: np.ndarray  #: (MONTHS,) warnings heard from close ties
    warnings_beyond: np.ndarray  #: (MONTHS,) warnings heard from people beyond close ties
    praisers: np.ndarray  #: (MONTHS,) customers who praised us
    warners: np.ndarray  #: (MONTHS,) customers who warned others
    ours: np.ndarray  #: (MONTHS + 1, n) bool: who shops with us at the start and after each month
    paths: np.ndarray  #: (k, 4): teller, listener, month, 1 = praise that won / 0 = warning lost
    beyond: np.ndarray  #: (k,) bool: the telling came from beyond close ties

    @property
    def customers(self) -> np.ndarray:
        """(MONTHS + 1,) how many shop with us at the start and after each month."""
        return self.ours.sum(axis=1)

    @property
    def total_won(self) -> int:
        return int(self.won.sum())

    @property
    def total_lost(self) -> int:
        return int(self.lost.sum())

    @property
    def net(self) -> int:
        """Customers won minus customers lost over the twelve months."""
        return self.total_won - self.total_lost

    @property
    def warnings_total(self) -> int:
        return int(self.warnings_heard.sum() + self.warnings_beyond.sum())

    @property
    def praise_total(self) -> int:
        return int(self.praise_heard.sum() + self.praise_beyond.sum())

    @property
    def praise_per_warning(self) -> float:
        """Praise messages heard per warning heard (inf when nobody warned)."""
        warnings = self.warnings_total
        return float(self.praise_total / warnings) if warnings else float("inf")

    def per_talker(self) -> dict[str, float]:
        """What one talking customer does on average: people who hear, customers won or lost."""
        praisers, warners = self.praisers.sum(), self.warners.sum()
        return {
            "hear_praise": float(self.praise_total / praisers) if praisers else 0.0,
            "won": float(self.won.sum() / praisers) if praisers else 0.0,
            "hear_warning": float(self.warnings_total / warners) if warners else 0.0,
            "lost": float(self.lost.sum() / warners) if warners else 0.0,
        }


def _month(
    net: TownNetwork,
    ours: np.ndarray,
    d: Draws,
    t: int,
    v: dict[str, float],
) -> tuple[np.ndarray, np.ndarray, dict[str, object]]:
    """One month: who talks, who hears, who is won and lost. Returns (won, lost, details)."""
    n = net.size
    experience = d.experience[t]
    praising = ours & (experience < v["delighted"] / 100) & (d.talk[t] < v["praise"] / 100)
    warning = ours & (experience >= 1 - v["unhappy"] / 100) & (d.talk[t] < v["warn"] / 100)
    teller, listener = d.heard[t]
    praise_edge = praising[teller]
    warn_edge = warning[teller]
    # Beyond close ties everyone told hears it. A customer praises or warns in a month, never
    # both, so praise and warnings can share each person's list of people beyond their ties.
    praisers, warners = np.flatnonzero(praising), np.flatnonzero(warning)
    extra_praise, extra = int(v["extra_praise"]), int(v["extra_told"])
    praised_beyond = d.strangers[t, praisers, :extra_praise].ravel()
    strangers = d.strangers[t, warners, :extra].ravel()
    praise_in = np.bincount(listener[praise_edge], minlength=n)
    if extra_praise:
        praise_in += np.bincount(praised_beyond, minlength=n)
    warn_in = np.bincount(listener[warn_edge], minlength=n)
    if extra:
        warn_in += np.bincount(strangers, minlength=n)
    react = d.react[t]
    lost = ours & (react < LEAVE_CHANCE[np.minimum(warn_in, MOST_HEARD)])
    won = ~ours & (warn_in == 0) & (react < JOIN_CHANCE[np.minimum(praise_in, MOST_HEARD)])
    details = {
        "praise_heard": int(praise_edge.sum()),
        "praise_beyond": int(praised_beyond.size),
        "warnings_heard": int(warn_edge.sum()),
        "warnings_beyond": int(strangers.size),
        "praisers": int(praising.sum()),
        "warners": int(warning.sum()),
        "warned": warn_in > 0,
        "won_paths": (teller[praise_edge], listener[praise_edge]),
        "won_beyond_paths": (np.repeat(praisers, extra_praise), praised_beyond),
        "lost_paths": (teller[warn_edge], listener[warn_edge]),
        "beyond_paths": (np.repeat(warners, extra), strangers),
    }
    return won, lost, details


def _paths(won: np.ndarray, lost: np.ndarray, details: dict, month: int) -> list[np.ndarray]:
    """The tellings that won or lost someone this month, as rows (teller, listener, month,
    kind, beyond)."""
    rows = []
    for key, kind, beyond in (
        ("won_paths", 1, 0),
        ("won_beyond_paths", 1, 1),
        ("lost_paths", 0, 0),
        ("beyond_paths", 0, 1),
    ):
        tellers, listeners = details[key]
        keep = (won if kind else lost)[listeners]
        rows.append((tellers[keep], listeners[keep], kind, beyond))
    return [
        np.column_stack(
            [t, li, np.full(li.size, month), np.full(li.size, kind), np.full(li.size, b)]
        )
        for t, li, kind, b in rows
    ]


def spread(
    values: Mapping[str, float] | None = None,
    *,
    paths: bool = False,
    seed: int = SEED,
    **changes: float,
) -> WordOfMouthOutcome:
    """Twelve months of word of mouth at the sliders' ``values`` (defaults for the rest).

    With ``paths=True`` the outcome also lists every telling that won or lost someone (for the
    network picture); without, ``paths`` is empty (faster). ``seed`` picks another draw of
    everyone's random numbers (the simulators always use :data:`SEED`).
    """
    v = check_values(values, **changes)
    net, d = town_network(), draws(seed)
    ours = d.start < START_SHARE
    history = [ours]
    keys = (
        "praise_heard",
        "praise_beyond",
        "warnings_heard",
        "warnings_beyond",
        "praisers",
        "warners",
    )
    counts = {key: np.zeros(MONTHS, dtype=np.int64) for key in ("won", "lost", *keys)}
    rows = []
    for t in range(MONTHS):  # twelve steps; every step is vectorised over all people and ties
        won, lost, details = _month(net, ours, d, t, v)
        counts["won"][t], counts["lost"][t] = won.sum(), lost.sum()
        for key in keys:
            counts[key][t] = details[key]
        if paths:
            rows += _paths(won, lost, details, t + 1)
        ours = (ours & ~lost) | won
        history.append(ours)
    table = np.concatenate(rows) if rows else np.zeros((0, 5), dtype=np.int64)
    return WordOfMouthOutcome(
        values=v,
        ours=np.vstack(history),
        paths=table[:, :4].astype(np.int64),
        beyond=table[:, 4].astype(bool),
        **counts,
    )
