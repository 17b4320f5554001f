"""Everything one guide shows, gathered from the notebook text, its lesson manifest and the
exercise engine, with an honest list of what did not fit the expected structure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from helpers.course import LESSONS
from helpers.i18n import _
from helpers.lessons import Lesson, Simulation
from tools.guides import notebook as text
from tools.guides.answers import Answer, answers
from tools.guides.routes import Route, advice, full_minutes, long_route, short_route

SHORT_BUDGET, LONG_BUDGET = 60, 90
#: Sections every notebook has (the guide and the handout are built from them).
OBJECTIVES, DISCUSSION, TAKEAWAYS, NEXT = (
    "Learning objectives",
    "Discussion",
    "Key takeaways",
    "What comes next",
)
#: A lesson manifest's ``minutes`` and the sum of the Time lines may differ this much unflagged.
MINUTES_SLACK = 5


@dataclass(frozen=True)
class Guide:
    """One notebook's guide and handout content."""

    notebook: text.Notebook
    lesson: Lesson | None
    short: Route
    long: Route
    answers: tuple[Answer, ...]
    #: Simulations by the title of the section whose code builds them.
    simulations: dict[str, tuple[Simulation, ...]]
    problems: tuple[str, ...]

    @property
    def stem(self) -> str:
        return self.notebook.stem

    @property
    def number(self) -> str:
        return self.stem.split("_", 1)[0]

    @property
    def name(self) -> str:
        """ "01 · Satisfaction" (the manifest's title, or the notebook's own heading)."""
        if self.lesson is not None:
            return f"{self.number} · {_(self.lesson.title)}"
        return self.notebook.title.split(":", 1)[0]

    @property
    def question(self) -> str:
        if self.lesson is not None:
            return _(self.lesson.question)
        parts = self.notebook.title.split(":", 1)
        return parts[1].strip() if len(parts) > 1 else ""

    @property
    def total(self) -> int:
        """The whole notebook's time: the sum of its sections' Time lines."""
        return sum(full_minutes(section) for section in self.notebook.sections)

    def body(self, title: str) -> str:
        """The Markdown of a standard section ("" when the notebook lacks it)."""
        section = self.notebook.section(title)
        return section.body if section else ""


def lesson_of(stem: str) -> Lesson | None:
    """The manifest of a notebook, or None for a notebook that has none yet."""
    return next((lesson for lesson in LESSONS if lesson.notebook == stem), None)


def gather(source: Path) -> Guide:
    """The guide of one notebook text source."""
    book = text.read(source)
    lesson = lesson_of(book.stem)
    found = answers(lesson.exercises if lesson else None, book)
    placed, unplaced = place_simulations(book, lesson)
    guide = Guide(
        notebook=book,
        lesson=lesson,
        short=short_route(book, SHORT_BUDGET),
        long=long_route(book, LONG_BUDGET, SHORT_BUDGET),
        answers=tuple(found),
        simulations=placed,
        problems=(),
    )
    problems = [*structure_problems(guide), *unplaced]
    problems += [f"exercise {a.name} is not called in any section" for a in found if not a.section]
    return Guide(**{**guide.__dict__, "problems": tuple(problems)})


def place_simulations(
    book: text.Notebook, lesson: Lesson | None
) -> tuple[dict[str, tuple[Simulation, ...]], list[str]]:
    """Each simulation under the section whose code cell calls its factory, and those nowhere."""
    placed: dict[str, list[Simulation]] = {}
    unplaced = []
    for simulation in lesson.simulations if lesson else ():
        name = getattr(simulation.factory, "__name__", "")
        call = re.compile(rf"\b{re.escape(name)}\s*\(")
        home = next((s for s in book.sections if any(call.search(c) for c in s.code)), None)
        if home is None:
            unplaced.append(f"simulator {simulation.name!r} ({name}) is built in no section")
        else:
            placed.setdefault(home.title, []).append(simulation)
    return {title: tuple(sims) for title, sims in placed.items()}, unplaced


def structure_problems(guide: Guide) -> list[str]:
    """What in the notebook's trainer notes does not fit the course's conventions."""
    book, problems = guide.notebook, []
    for title in (OBJECTIVES, DISCUSSION, TAKEAWAYS, NEXT):
        if book.section(title) is None:
            problems.append(f"the notebook has no “{title}” section")
    for section in book.sections:
        where = f"“{section.title}”"
        problems += [f"{where}: {problem}" for problem in section.problems]
        if not section.notes and section.title not in (TAKEAWAYS, NEXT):
            problems.append(f"{where}: no trainer notes (not timed)")
        if section.notes and not full_minutes(section):
            problems.append(f"{where}: the Time line gives no minutes")
        said = advice(section)
        if said.problem:
            problems.append(f"{where}: In a short class: {said.problem}")
        heading = section.heading_minutes
        if heading is not None and section.notes and heading != full_minutes(section):
            problems.append(
                f"{where}: the heading says {heading} minutes, the Time line "
                f"{full_minutes(section)}"
            )
    if guide.lesson and abs(guide.lesson.minutes - guide.total) > MINUTES_SLACK:
        problems.append(
            f"the lesson manifest says {guide.lesson.minutes} minutes; the Time lines add up to "
            f"{guide.total}"
        )
    return problems
