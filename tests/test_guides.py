"""The printed trainer kit (docs/guides): current, complete, honest about time, and the handout
gives nothing away. No browser is needed: a PDF is matched to its HTML by its /Title."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from helpers.course import LESSONS
from helpers.exercises import ChoiceQuestion, PredictQuestion, Question, ValueQuestion
from helpers.exercises.answers import fmt, show
from helpers.lessons import Lesson
from tools.guides.answers import four_digits
from tools.guides.build import GUIDES_DIR, HANDOUT, TRAINER, expected_files, guides, html_name
from tools.guides.content import Guide
from tools.guides.handout import HANDOUT_STYLE
from tools.guides.notebook import Notebook, Section
from tools.guides.page import STYLE, fingerprint_of, title_of
from tools.guides.pdf import page_count, pdf_title, read_title
from tools.guides.routes import CUT, KEEP, SHORTEN, UNTIMED, advice, long_route, short_route
from tools.guides.trainer import trainer_guide
from tools.notebooks import sources

SOURCES = {source.stem: source for source in sources()}
STEMS = list(SOURCES)
STATUSES = {KEEP, SHORTEN, CUT, UNTIMED}


@pytest.fixture(scope="module")
def built() -> dict[str, Guide]:
    """Every guide as the generator makes it now (computed once: the engine reads the data)."""
    return {guide.stem: guide for guide in guides()}


def _text(page: str) -> str:
    """The visible text of an HTML page, tags dropped and spaces collapsed."""

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.skip = False

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.skip = tag in ("style", "title")

        def handle_endtag(self, tag: str) -> None:
            self.skip = False

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(page)
    return _plain("".join(parser.parts))


def _plain(markdown: str) -> str:
    """Markdown or text reduced to words: no emphasis marks, quotes or backticks, one space."""
    text = re.sub(r"[*_`“”\"]", "", html.unescape(markdown))
    return " ".join(text.split())


def _page(stem: str, kind: str) -> str:
    return (GUIDES_DIR / html_name(stem, kind)).read_text(encoding="utf-8")


# -- current ---------------------------------------------------------------------------------


def test_the_committed_guides_are_what_the_generator_makes_now(built: dict[str, Guide]) -> None:
    stale = [
        path.name
        for path, content in expected_files(list(built.values())).items()
        if not path.exists() or path.read_text(encoding="utf-8") != content
    ]
    assert not stale, f"out of date: {stale}; run make guides and commit docs/guides"


def test_there_is_a_guide_and_a_handout_for_every_notebook_and_nothing_else() -> None:
    expected = {html_name(stem, kind) for stem in STEMS for kind in (TRAINER, HANDOUT)}
    assert {p.name for p in GUIDES_DIR.glob("*.html")} == expected
    assert {p.name for p in GUIDES_DIR.glob("*.pdf")} == {n[:-5] + ".pdf" for n in expected}


def test_the_html_is_deterministic(built: dict[str, Guide]) -> None:
    guide = built[STEMS[-1]]
    assert trainer_guide(guide) == trainer_guide(guide)


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("kind", [TRAINER, HANDOUT])
def test_each_pdf_carries_the_fingerprint_of_the_committed_html(stem: str, kind: str) -> None:
    page = _page(stem, kind)
    title, carried = title_of(page)
    assert fingerprint_of(page) == carried, "the HTML was edited by hand: run make guides"
    pdf = GUIDES_DIR / html_name(stem, kind).replace(".html", ".pdf")
    assert pdf.exists(), f"{pdf.name} is missing: run make guides"
    assert read_title(pdf) == f"{title} · {carried}", f"{pdf.name} is stale: run make guides"


@pytest.mark.parametrize("stem", STEMS)
def test_the_handout_pdf_is_one_page(stem: str) -> None:
    pdf = GUIDES_DIR / html_name(stem, HANDOUT).replace(".html", ".pdf")
    assert page_count(pdf.read_bytes()) == 1


def test_pdf_titles_are_read_from_the_info_dictionary() -> None:
    hex_title = "<FEFF" + "Guide · ab12".encode("utf-16-be").hex().upper() + ">"
    outline = b"3 0 obj\n<</Title (Not this one)>>\nendobj\n"
    for token, expected in ((hex_title.encode(), "Guide · ab12"), (rb"(A \(b\) \101)", "A (b) A")):
        data = outline + b"7 0 obj\n<</Producer (x) /Title " + token + b">>\nendobj\n"
        assert pdf_title(data + b"trailer\n<</Size 8 /Info 7 0 R>>\n%%EOF") == expected
    assert pdf_title(outline) == ""


# -- complete --------------------------------------------------------------------------------


def _headings(stem: str) -> list[str]:
    """The notebook's ## headings, read straight from its text (not through the guide's parser)."""
    text = SOURCES[stem].read_text(encoding="utf-8")
    headings = re.findall(r"(?m)^## (.+?)\s*$", text)
    return [re.sub(r"\s*\(\d+ minutes?\)$", "", h) for h in headings]


@pytest.mark.parametrize("stem", STEMS)
def test_the_guide_has_every_section_of_its_notebook(stem: str, built: dict[str, Guide]) -> None:
    page = _page(stem, TRAINER)
    for index, heading in enumerate(_headings(stem), 1):
        assert f"<h3>{index}. {html.escape(heading)}</h3>" in page, heading
    routed = [stop.title for stop in built[stem].short.stops]
    assert routed == _headings(stem) == [stop.title for stop in built[stem].long.stops]


def _lesson_questions() -> list[tuple[str, Question]]:
    return [
        (lesson.notebook, q) for lesson in LESSONS if lesson.exercises for q in lesson.exercises
    ]


@pytest.mark.parametrize(
    ("stem", "question"), _lesson_questions(), ids=lambda v: getattr(v, "name", v)
)
def test_the_guide_has_every_exercise_with_its_answer(stem: str, question: Question) -> None:
    text = _text(_page(stem, TRAINER))
    assert f"ex.{question.name}" in text
    assert _plain(question.prompt) in text
    for revealed in _answers(question):
        assert revealed in text, f"{question.name}: the guide does not give {revealed!r}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.notebook)
def test_the_guide_shows_every_simulator_with_its_question(lesson: Lesson) -> None:
    text = _text(_page(lesson.notebook, TRAINER))
    for simulation in lesson.simulations:
        assert _plain(simulation.question) in text
        for sentence in (simulation.expected, simulation.takeaway):
            assert _plain(sentence) in text


# -- the handout gives nothing away ----------------------------------------------------------


def _answers(question: Question) -> list[str]:
    """How the answer of a question could show: its number as the engine states it, its
    correct option, its solution."""
    found = [_plain(question.solution_text)] if question.solution_text else []
    if isinstance(question, ValueQuestion) and _is_number(question.expected()):
        expected = float(question.expected())
        found.append(show(expected, is_share=True) if question.is_share else four_digits(expected))
    elif isinstance(question, PredictQuestion):
        shown = question.shown_truth(question._truth())
        found.append(show(shown, is_share=question.is_share, unit=question.unit))
    elif isinstance(question, ChoiceQuestion):
        found += [_plain(question.options[letter]) for letter in question.correct]
    return found


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number_shown(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", text) is not None


@pytest.mark.parametrize(
    ("stem", "question"), _lesson_questions(), ids=lambda v: getattr(v, "name", v)
)
def test_the_handout_asks_every_question_and_reveals_no_answer(
    stem: str, question: Question
) -> None:
    text = _text(_page(stem, HANDOUT))
    assert _plain(question.prompt) in text
    secrets = [*_answers(question), *(_plain(h) for h in question.hints), _plain(question.why)]
    if isinstance(question, ChoiceQuestion):
        secrets += [_plain(e) for e in question.explanations.values()]
    for secret in filter(None, secrets):
        assert secret not in text, f"{question.name}: the handout reveals {secret!r}"
    numbers = []
    if isinstance(question, ValueQuestion) and _is_number(question.expected()):
        value = float(question.expected())
        numbers = [four_digits(value), *([fmt(round(value))] if abs(value) >= 9.5 else [])]
    elif isinstance(question, PredictQuestion):
        truth = question.shown_truth(question._truth()) * (100 if question.is_share else 1)
        numbers = [fmt(round(truth, 1)), *([fmt(round(truth))] if abs(truth) >= 9.5 else [])]
    # (A one-digit whole number like "3" turns up in any text: only longer ones can give away.)
    # A number the questions themselves print (say "a 30 % margin") is no answer.
    outside_prompts = text
    for other in _lesson_questions():
        outside_prompts = outside_prompts.replace(_plain(other[1].prompt), " ")
    for number in numbers:
        shown = _number_shown(outside_prompts, number)
        assert not shown, f"{question.name}: the handout shows {number}"
    assert "✔" not in text, "the handout marks a correct option"


# -- routes ----------------------------------------------------------------------------------


def test_the_60_minute_route_of_notebook_01_fits(built: dict[str, Guide]) -> None:
    assert built["01_satisfaction"].short.total <= 60


@pytest.mark.parametrize("stem", STEMS)
def test_every_route_gives_every_section_a_status_and_is_honest(
    stem: str, built: dict[str, Guide]
) -> None:
    guide, page = built[stem], _page(stem, TRAINER)
    for route in (guide.short, guide.long):
        assert all(stop.status in STATUSES for stop in route.stops)
        assert all(0 <= stop.minutes <= stop.full for stop in route.stops)
        assert f"{route.total} of {route.budget} min" in page
        assert (f"over budget by {route.over} minutes" in page) == bool(route.over)
    assert guide.short.total <= guide.long.total <= guide.total


def _section(title: str, time: str, short: str) -> Section:
    notes = {"time": time, "short_class": short} if time else {}
    return Section(title, "", notes, ())


def _book(*sections: Section) -> Notebook:
    return Notebook("99_test", "99 · Test", "", sections)


def test_the_short_class_lines_are_read_by_the_rule() -> None:
    cases = {
        "keep (1 minute): read the objectives aloud.": (KEEP, 1),
        "keep: it is the five-minute win.": (KEEP, 20),
        "shorten to 7 minutes: the kinds.": (SHORTEN, 7),
        "cut: say the takeaway in one sentence.": (CUT, 0),
        "give exercises 2-5 as homework; do 6 and 7 together (3 minutes).": (SHORTEN, 3),
        "shorten to 5-8 minutes.": (SHORTEN, 8),
    }
    for line, (status, minutes) in cases.items():
        said = advice(_section("S", "20 minutes.", line))
        assert (said.status, said.minutes, said.problem) == (status, minutes, ""), line
    assert advice(_section("S", "20 minutes.", "keep question 1 only.")).problem
    assert advice(_section("S", "20 minutes.", "as you like.")).problem
    assert advice(_section("Key takeaways", "", "")).status == UNTIMED


def test_the_90_minute_route_restores_cut_sections_first_and_skips_what_does_not_fit() -> None:
    book = _book(
        _section("A", "30 minutes.", "shorten to 10 minutes."),
        _section("B", "25 minutes.", "cut: one sentence."),
        _section("C", "30 minutes.", "shorten to 20 minutes."),
        _section("D", "40 minutes.", "shorten to 20 minutes."),
        _section("Key takeaways", "", ""),
    )
    assert short_route(book).total == 50
    route = long_route(book)
    # B (cut) comes back first, A does not fit after it, C (10 more) does; D never fits.
    assert [(s.title, s.minutes, s.restored) for s in route.stops] == [
        ("A", 10, False),
        ("B", 25, True),
        ("C", 30, True),
        ("D", 20, False),
        ("Key takeaways", 0, False),
    ]
    assert route.total == 85 and not route.over


def test_a_notebook_that_fits_is_taught_whole_and_an_overlong_route_says_so() -> None:
    small = _book(_section("A", "20 minutes.", "cut."), _section("B", "20 minutes.", "cut."))
    assert [s.status for s in short_route(small).stops] == [KEEP, KEEP]
    big = _book(*(_section(f"S{i}", "30 minutes.", "keep (25 minutes).") for i in range(4)))
    assert short_route(big).over == 40 and long_route(big).over == 10


# -- readable and self-contained -------------------------------------------------------------


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("kind", [TRAINER, HANDOUT])
def test_pages_are_self_contained(stem: str, kind: str) -> None:
    page = _page(stem, kind)
    for outside in ("<script", "<link", "@import", "url(", "src=", "http://", "https://"):
        assert outside not in page, f"{html_name(stem, kind)} contains {outside!r}"


@pytest.mark.parametrize("style", [STYLE, HANDOUT_STYLE], ids=["guide", "handout"])
def test_print_text_is_at_least_11_points(style: str) -> None:
    printed = re.findall(r"@media print \{(.*?)\n\}", style, re.DOTALL)
    sizes = [
        float(size) for block in printed for size in re.findall(r"font-size:\s*([\d.]+)pt", block)
    ]
    assert sizes and min(sizes) >= 11
    assert re.search(r"^body \{[^}]*font-size:\s*12\.5pt", style, re.M)
