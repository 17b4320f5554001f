"""The present view in Voilà, as a room sees it on a projector (1280 × 720).

An index in course order; one page per lesson with all its simulators. Each page: its simulators
draw and follow their model, no code shows, every text is 18 px or more and none is cut off, the
keyboard reaches everything with a visible focus ring, the answer opens only after a slider has
moved, the resets work, no mode bar, no empty hover text, nothing fetched from outside the
machine, at most 2 MB over the kernel websocket, and a page's kernel was started ahead and is
shut down when the page is left.
"""

from __future__ import annotations

import time
import urllib.error
from typing import Any

import pytest

from helpers.course import LESSONS
from helpers.i18n import _
from helpers.present import pages
from helpers.present.notebooks import lesson_heading
from helpers.present.room import ROOM_CLASS, anchor
from tools import browser as driver

pytestmark = pytest.mark.browser

PAGES = pages()
STEMS = list(PAGES)
WEBSOCKET_BUDGET = 2_000_000
# Whatever marks a code cell's source in a Voilà page (markdown also sits in .jp-InputArea).
SOURCE_SELECTORS = ".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .cm-editor, .highlight"


def open_present(page: Any, server: driver.Server, stem: str) -> list[Any]:
    """Open one lesson's page; wait for every simulator on it to draw."""
    page.goto(server.url(f"voila/render/{stem}.ipynb"), timeout=120_000)
    expected = len(PAGES[stem].simulations)
    return driver.wait_simulators(page, expected, f"present view {stem}", timeout=120)


def kernel_id(page: Any) -> str:
    """The id of the kernel behind a Voilà page."""
    return str(
        page.evaluate(
            "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
        )
    )


def wait_kernel_gone(server: driver.Server, kernel: str, timeout: float = 20) -> bool:
    """Whether the server forgot the kernel (shut down) within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            server.fetch("GET", f"/api/kernels/{kernel}")
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return True
        time.sleep(0.5)
    return False


def focus_problems(stops: list[dict[str, Any] | None], what: str, least: int) -> list[str]:
    """Tab stops without a visible focus ring (an outline of 3 px or more), or too few stops.

    The page's end (focus leaves the page: None) may come after ``least`` stops.
    """
    problems = []
    for number, stop in enumerate(stops, start=1):
        if stop is None:
            if number <= least:
                problems.append(f"{what}: Tab press {number} focused nothing")
            break
        if stop["outline"] < 3 or not stop["visible"]:
            name = f"{stop['tag']} {stop['text'] or stop['label']!r}"
            problems.append(f"{what}: Tab stop {number} ({name}) shows no focus ring")
    return problems


# --------------------------------------------------------------------------- the index


def test_index_lists_the_course_in_order(present: driver.Server, projector: Any) -> None:
    """Titles in course order, a link to every page and simulator, keyboard first, 18 px."""
    traffic = driver.meter_traffic(projector, present)
    projector.goto(present.url(""), timeout=60_000)
    links = projector.locator(".present-lesson > a")
    assert links.all_inner_texts() == [lesson_heading(item) for item in PAGES.values()]
    for item in PAGES.values():
        for sim in item.simulations:
            link = projector.locator(f"a[href$='{item.notebook}.ipynb#{anchor(sim.name)}']")
            assert link.inner_text() == _(sim.title)
    problems = driver.small_or_cut_text(projector, "index")
    stops = driver.tab_stops(projector, 4)
    problems += focus_problems(stops, "index", 4)
    assert stops[0] and stops[0]["text"] == lesson_heading(LESSONS[0]), stops[0]
    assert not problems, "\n".join(problems)
    projector.keyboard.press("Shift+Tab")
    projector.keyboard.press("Shift+Tab")
    projector.keyboard.press("Shift+Tab")
    projector.keyboard.press("Enter")  # on the first lesson's link
    projector.wait_for_url(f"**/{LESSONS[0].notebook}.ipynb*")
    driver.wait_simulators(projector, len(LESSONS[0].simulations), "index → first lesson", 120)
    assert not traffic.foreign_urls(), traffic.foreign_urls()
    driver.close_voila_page(projector)


# --------------------------------------------------------------------------- each page


def check_page_reads(page: Any, stem: str) -> list[str]:
    """Headings, questions, no code, 18 px and nothing cut off, no mode bar, real hover texts."""
    item = PAGES[stem]
    what = f"present view {stem}"
    problems = driver.problem_outputs(page)
    source = page.locator(SOURCE_SELECTORS)
    problems += [
        f"{what} shows code: {source.nth(i).inner_text()!r}"
        for i in range(source.count())
        if source.nth(i).is_visible()
    ]
    text = page.locator("body").inner_text()
    problems += [f"{what} shows its code"] if "import" in text else []
    if page.locator("h1").first.inner_text().strip() != lesson_heading(item):
        problems.append(f"{what}: heading {page.locator('h1').first.inner_text()!r}")
    for sim in item.simulations:
        heading = page.locator(f"h2#{anchor(sim.name)}")
        if heading.count() != 1 or heading.inner_text().strip() != _(sim.title):
            problems.append(f"{what}: no heading {_(sim.title)!r} with id {anchor(sim.name)}")
    problems += driver.small_or_cut_text(page, what)
    problems += driver.bad_tooltips(page, what)
    buttons = page.locator(".modebar-btn")
    shown = [i for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    problems += [f"{what}: a plotly mode bar shows {len(shown)} buttons"] if shown else []
    return problems


def check_answer_and_reset(page: Any, room: Any, sim: Any, what: str) -> list[str]:
    """Answer hidden until a move, shown on demand, hidden again (and sliders back) on reset."""
    problems = []
    reveal = room.locator(".room-reveal")
    answer = room.locator(".room-answer")
    chart = room.locator(driver.SIMULATOR)
    start = driver.read_readouts(chart)
    if reveal.count():
        if reveal.is_enabled() or answer.is_visible():
            problems.append(f"{what}: the answer can be shown before any slider moved")
    driver.check_move(page, chart, what)
    if reveal.count():
        reveal.wait_for(state="visible")
        page.wait_for_function("(el) => !el.disabled", arg=reveal.element_handle(), timeout=10_000)
        reveal.focus()
        page.keyboard.press("Enter")
        answer.wait_for(state="visible", timeout=10_000)
        if _(sim.expected) and _(sim.expected)[:40] not in answer.inner_text():
            problems.append(f"{what}: the answer does not say {_(sim.expected)[:40]!r}")
    room.locator(".room-reset").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([el, start]) => [...el.querySelectorAll('.widget-readout')]"
        ".map((r) => r.textContent.trim()).join('|') === start.join('|')",
        arg=[room.element_handle(), start],
        timeout=10_000,
    )
    driver.wait_quiet_chart(page, chart)
    if answer.is_visible():
        problems.append(f"{what}: the answer is still shown after Reset")
    mismatch = driver.model_mismatch(chart, f"{what}, after Reset")
    return problems + ([mismatch] if mismatch else [])


@pytest.mark.parametrize("stem", STEMS)
def test_present_page(stem: str, present: driver.Server, projector: Any) -> None:
    """One lesson's page, everything a trainer and the room rely on (see the module's text)."""
    page = projector
    traffic = driver.meter_traffic(page, present)
    sims = open_present(page, present, stem)
    what = f"present view {stem}"
    problems = [driver.model_mismatch(sim, f"{what}, as first drawn") for sim in sims]
    problems = [p for p in problems if p] + check_page_reads(page, stem)
    kernel = kernel_id(page)
    assert f"Using pre-heated kernel: {kernel}" in present.log_tail(400), (
        f"{what} was not served from a kernel started ahead"
    )
    rooms = page.locator(f".{ROOM_CLASS}")
    for index, sim in enumerate(PAGES[stem].simulations):
        room = rooms.nth(index)
        problems += check_answer_and_reset(page, room, sim, f"{what}, {sim.name}")

    page.evaluate(  # the keyboard starts again from the page's heading
        "() => { const h = document.querySelector('h1'); h.tabIndex = -1; h.focus(); h.blur(); }"
    )
    # Every lesson link, the page reset, each slider's knob and readout, each simulator's buttons.
    opening = PAGES[stem].simulations[0].factory()
    least = 1 + len(PAGES[stem].simulations) + 2 * len(opening.controls) + 1
    problems += focus_problems(driver.tab_stops(page, least + 4), what, least)
    first = sims[0]
    start = driver.read_readouts(first)
    driver.move_first_slider(page, first)
    page.locator(".room-reset-page").click()
    driver.wait_quiet_chart(page, first)
    if driver.read_readouts(first) != start:
        problems.append(f"{what}: Reset this page left {driver.read_readouts(first)}, not {start}")
    mismatch = driver.model_mismatch(first, f"{what}, after Reset this page")
    problems += [mismatch] if mismatch else []
    problems += [f"{what} fetched {url}" for url in traffic.foreign_urls()]
    if traffic.websocket_bytes > WEBSOCKET_BUDGET:
        problems.append(f"{what}: {traffic.summary()}")
    print(f"\n{what}: {traffic.summary()}")
    driver.close_voila_page(page)  # as when a tab is closed: the page asks for its kernel to stop
    if not wait_kernel_gone(present, kernel):
        problems.append(f"{what}: its kernel still runs after the page was left")
    assert not problems, "\n".join(problems)
