"""The present view without a browser: its pages, its index, its server command, its buttons."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest

from helpers import PROJECT_DIR, present
from helpers.course import LESSONS
from helpers.i18n import _
from helpers.present.index import entries, index_page
from helpers.present.notebooks import lesson_heading
from helpers.present.room import LessonPage, RoomSimulation, answer_html, inline_markdown
from helpers.present.server import (
    TEMPLATE_SOURCE,
    kernel_pools,
    plotly_bundle_path,
    present_pages,
    unused_extensions,
    write_template,
)


def test_one_page_per_lesson_in_course_order(tmp_path):
    paths = present.build(tmp_path / "present")
    assert [p.stem for p in paths] == [item.notebook for item in LESSONS if item.simulations]
    assert list(present.pages()) == [p.stem for p in paths]


@pytest.mark.parametrize("item", [i for i in LESSONS if i.simulations], ids=lambda i: i.notebook)
def test_a_page_holds_every_simulator_with_its_question(tmp_path, item):
    book = present.present_page(item)
    code = [c.source for c in book.cells if c.cell_type == "code"]
    markdown = "\n".join(c.source for c in book.cells if c.cell_type == "markdown")
    assert code[0] == (
        f"from helpers.present import LessonPage\n\npage = LessonPage({item.notebook!r})\n"
        "page.toolbar()"
    )
    assert code[1:] == [f"page.simulation({sim.name!r})" for sim in item.simulations]
    assert f"# {lesson_heading(item)}" in markdown
    for sim in item.simulations:
        assert f'<h2 id="sim-{sim.name}">' in markdown
        assert _(sim.question) in markdown
        # The answer is not on the page before a slider moves (only in the hidden widget).
        if sim.expected:
            assert _(sim.expected) not in markdown
    assert book.metadata["loyalty_present"]["heading"] == lesson_heading(item)


def test_the_pages_run_and_build_their_simulators():
    for item in LESSONS:
        page = LessonPage(item.notebook)
        page.toolbar()
        for sim in item.simulations:
            assert page.simulation(sim.name).simulator.name == sim.name
    with pytest.raises(KeyError, match="has no simulator"):
        LessonPage("00_start_here").simulation("nothing")


def test_the_answer_waits_for_a_move_and_reset_hides_it_again():
    item = LESSONS[1]
    room = RoomSimulation(item.simulations[0])
    name, control = next(iter(room.simulator.controls.items()))
    start = control.value
    assert room.reveal_button.disabled and room.answer.layout.display == "none"
    room.reveal()  # pressed too early (it is disabled in the page anyway): nothing shows
    assert not room.revealed
    control.value = start + 0.1 * control.step  # an echo of the same value is no move
    assert room.reveal_button.disabled
    control.value = control.max if start != control.max else control.min
    assert not room.reveal_button.disabled
    room.reveal_button.click()
    assert room.revealed and room.answer.layout.display is None
    assert _(item.simulations[0].expected) in room.answer.value
    room.reset_button.click()
    assert room.simulator.values()[name] == start
    assert room.reveal_button.disabled and room.answer.layout.display == "none"


def test_reset_this_page_resets_every_simulator():
    page = LessonPage(LESSONS[1].notebook)
    rooms = [page.simulation(sim.name) for sim in LESSONS[1].simulations]
    starts = [room.simulator.values() for room in rooms]
    for room in rooms:
        name, control = next(iter(room.simulator.controls.items()))
        room.simulator.set_values(**{name: control.min if control.value != control.min else 1})
    page.reset_button.click()
    assert [room.simulator.values() for room in rooms] == starts


def test_answer_text_and_markdown():
    assert inline_markdown("fix **none** of *them* <b>") == (
        "fix <strong>none</strong> of <em>them</em> &lt;b&gt;"
    )
    sim = LESSONS[1].simulations[0]
    assert _(sim.takeaway) in answer_html(sim)
    assert answer_html(LESSONS[0].simulations[0]) == ""  # start-here: nothing to reveal


def test_the_index_lists_pages_in_course_order(tmp_path):
    folder = tmp_path / "present"
    present.build(folder)
    nbformat.write(nbformat.v4.new_notebook(), folder / "zz_extra.ipynb")
    found = entries(folder)
    assert [e["file"] for e in found] == [
        *(f"{item.notebook}.ipynb" for item in LESSONS if item.simulations),
        "zz_extra.ipynb",
    ]
    page = index_page(folder)
    for item in LESSONS:
        assert lesson_heading(item) in page
        for sim in item.simulations:
            assert f"{item.notebook}.ipynb#sim-{sim.name}" in page
    assert "{{ base_url }}voila/render/" in page
    assert '<html lang="en">' in page and "<main>" in page


def test_the_index_escapes_text_for_html_and_jinja(tmp_path):
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# {{ 1 + 1 }} <b>")])
    nbformat.write(book, tmp_path / "odd.ipynb")
    page = index_page(tmp_path)
    assert "{{ 1" not in page and "&lt;b&gt;" in page


def test_kernels_start_ahead_for_present_pages_only(tmp_path):
    folder = tmp_path / "present"
    present.build(folder)
    nbformat.write(nbformat.v4.new_notebook(), folder / "other.ipynb")
    pools = kernel_pools(folder)
    assert pools["default"] == {"pool_size": 0}
    assert set(pools) - {"default"} == set(present_pages(folder))
    assert "other.ipynb" not in present_pages(folder)


def test_the_template_is_copied_with_the_index(tmp_path):
    folder = tmp_path / "present"
    present.build(folder)
    template = write_template(tmp_path / "data", folder)
    assert (template / "static" / "present.css").is_file()
    assert json.loads((template / "conf.json").read_text())["base_template"] == "lab"
    assert "present-lessons" in (template / "tree.html").read_text()
    assert plotly_bundle_path() in (template / "preload.html").read_text()
    # The template keeps no request to a CDN.
    text = (TEMPLATE_SOURCE / "index.html.j2").read_text()
    assert "cdn.jsdelivr.net" in text  # only inside the replace() filters that drop them
    assert text.count("replace(") == 2


def test_the_page_preloads_the_plotly_code_course_figures_import():
    from helpers.figure import ASSET_FOLDER, bundle_name

    assert plotly_bundle_path() == f"voila/labextensions/{ASSET_FOLDER}/{bundle_name()}"


def test_present_pages_skip_extensions_they_never_use(tmp_path):
    folder = tmp_path / "present"
    present.build(folder)
    assert "jupyterlab-plotly" in unused_extensions(folder)
    nbformat.write(nbformat.v4.new_notebook(), folder / "whole.ipynb")  # may show plain figures
    assert unused_extensions(folder) == ["jupyterlab-jupytext"]


def test_voila_command_serves_locally_with_kernels_ahead(tmp_path):
    command = present.voila_command(tmp_path, 9999, browser=False)
    assert command[:4] == [sys.executable, "-m", "helpers.present.server", str(tmp_path)]
    assert "--Voila.ip=127.0.0.1" in command and "--preheat_kernel=True" in command
    assert "--template=loyalty-present" in command and "--no-browser" in command
    env = present.voila_environment()
    assert env["JUPYTER_CONFIG_PATH"].split(":")[0] == str(PROJECT_DIR / "jupyter")


def test_closed_tabs_can_shut_their_kernel_down():
    """Voilà's page asks for its kernel's shutdown without an _xsrf cookie; the course's Voilà
    settings accept it (127.0.0.1 only, kernel ids are random), so a closed tab frees its kernel."""
    settings = json.loads((PROJECT_DIR / "jupyter" / "voila.json").read_text())
    assert settings["Voila"]["tornado_settings"]["disable_check_xsrf"] is True
    assert settings["MappingKernelManager"]["cull_idle_timeout"] <= 600


def test_build_only_writes_no_server(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "helpers.present", "--build-only", "--out", str(tmp_path / "p")],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_DIR,
    )
    assert "page(s)" in out.stdout
    assert len(list((tmp_path / "p").glob("*.ipynb"))) == len(present.pages())


def test_present_view_refuses_to_write_into_data():
    with pytest.raises(ValueError, match="must not"):
        present.build(PROJECT_DIR / "data")


def test_the_server_module_does_not_import_the_course():
    code = (
        "import sys, helpers.present.server; "
        "print(any(m.startswith('helpers.lessons') or m == 'plotly' for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
