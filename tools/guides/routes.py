"""Timed routes through a notebook: a 60-minute and a 90-minute class, from the trainer notes.

The rule (also printed in every trainer guide, see :data:`RULE`):

1. A section's **full time** is the first number of minutes in its *Time* line (the larger end of
   a range such as "5-10 minutes"). A section without trainer notes is **not timed** (0 minutes):
   *Key takeaways* and *What comes next* are read in the closing minutes.
2. If the whole notebook fits the budget, the route is the whole notebook.
3. Otherwise the **60-minute route** follows each *In a short class* line: "cut" is 0 minutes;
   "keep" or "shorten" with a number of minutes is that many (the first number, the larger end of
   a range); "keep" with no minutes is the full time. A line that starts with none of these words
   but gives minutes counts as "shorten" to those minutes; one with neither is kept at full time
   and flagged.
4. The **90-minute route** starts from the 60-minute one and restores sections to their full time,
   one at a time, in order of teaching value: first the sections the short class **cuts** (a cut
   section loses its whole idea, its simulator and its learning objective; a shortened one keeps
   its core), then the ones it **shortens**; within each group in notebook order (later sections
   build on earlier ones). A restoration that does not fit in what is left of the budget is
   skipped, and the next (perhaps smaller) one is tried.
5. Every route shows its total; a total over the budget is flagged, never hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.guides.notebook import Notebook, Section

RULE = (
    "Full time: the Time line of each section's trainer notes. A notebook that fits the budget "
    "is taught whole. Otherwise the 60-minute route follows the “In a short class” lines (cut: "
    "0 minutes; keep or shorten: the minutes given, or the full time if none are given). The "
    "90-minute route starts from the 60-minute one and restores sections to their full time "
    "while the budget allows: first the cut sections (a cut loses a whole idea), then the "
    "shortened ones, each group in notebook order; a restoration that does not fit is skipped. "
    "Sections without trainer notes are not timed."
)
KEEP, SHORTEN, CUT, UNTIMED = "keep", "shorten", "cut", "not timed"
#: Words that make a "keep" line a partial keep ("keep question 1 only", "the rest as homework").
_PART_ONLY = re.compile(r"\b(only|homework|the rest|skip)\b", re.IGNORECASE)
_MINUTES = re.compile(r"(\d+)(?:\s*(?:-|–|to)\s*(\d+))?\s*min(?:ute)?s?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Advice:
    """A section's *In a short class* line, read: what to do, for how long, and any doubt."""

    status: str  #: KEEP, SHORTEN, CUT or UNTIMED
    minutes: int
    problem: str = ""  #: why the line could not be read as it stands ("" when it could)


@dataclass(frozen=True)
class Stop:
    """One section in a route."""

    title: str
    status: str  #: KEEP, SHORTEN, CUT or UNTIMED
    minutes: int
    full: int  #: the section's full time
    restored: bool = False  #: brought back to full time by the 90-minute rule


@dataclass(frozen=True)
class Route:
    """A class of ``budget`` minutes: every section with its status and minutes."""

    budget: int
    stops: tuple[Stop, ...]

    @property
    def total(self) -> int:
        return sum(stop.minutes for stop in self.stops)

    @property
    def over(self) -> int:
        """Minutes over the budget (0 when it fits)."""
        return max(0, self.total - self.budget)


def minutes_in(text: str) -> int | None:
    """The first number of minutes in ``text`` (the larger end of a range), or None."""
    found = _MINUTES.search(text)
    if not found:
        return None
    return int(found.group(2) or found.group(1))


def full_minutes(section: Section) -> int:
    """The section's full time from its *Time* line (0 when it has no notes or no minutes)."""
    return minutes_in(section.notes.get("time", "")) or 0


def advice(section: Section) -> Advice:
    """What the *In a short class* line asks for, by the rule of this module."""
    full = full_minutes(section)
    if not section.notes:
        return Advice(UNTIMED, 0)
    line = section.notes.get("short_class", "").strip()
    word = line.split(maxsplit=1)[0].strip(":,.;(").casefold() if line else ""
    given = minutes_in(line)
    if word == CUT:
        return Advice(CUT, 0)
    if word in (KEEP, SHORTEN):
        if given is None and (word == SHORTEN or _PART_ONLY.search(line)):
            # Keeping "question 1 only" is a shortening whose length the line does not give.
            return Advice(word, full, "a shortening without minutes: counted at full time")
        return Advice(word, full if given is None else given)
    if given is not None:
        return Advice(SHORTEN if given < full else KEEP, given)
    return Advice(KEEP, full, "neither keep, shorten, cut nor minutes: counted at full time")


def whole(notebook: Notebook, budget: int) -> Route:
    """The whole notebook at full time."""
    stops = tuple(
        Stop(s.title, KEEP if s.notes else UNTIMED, full_minutes(s), full_minutes(s))
        for s in notebook.sections
    )
    return Route(budget, stops)


def short_route(notebook: Notebook, budget: int = 60) -> Route:
    """The short class: the whole notebook if it fits, else each section's short-class advice."""
    full = whole(notebook, budget)
    if full.total <= budget:
        return full
    stops = []
    for section in notebook.sections:
        said = advice(section)
        stops.append(Stop(section.title, said.status, said.minutes, full_minutes(section)))
    return Route(budget, tuple(stops))


def long_route(notebook: Notebook, budget: int = 90, short_budget: int = 60) -> Route:
    """The longer class: the short route, with sections restored by teaching value (see RULE)."""
    full = whole(notebook, budget)
    if full.total <= budget:
        return full
    stops = list(short_route(notebook, short_budget).stops)
    order = [i for i, s in enumerate(stops) if s.status == CUT] + [
        i for i, s in enumerate(stops) if s.status != CUT and s.minutes < s.full
    ]
    spare = budget - sum(stop.minutes for stop in stops)
    for index in order:
        stop = stops[index]
        extra = stop.full - stop.minutes
        if extra <= spare:
            stops[index] = Stop(stop.title, KEEP, stop.full, stop.full, restored=True)
            spare -= extra
    return Route(budget, tuple(stops))
