"""The notebooks as files: clean outputs, the course template, trainer notes in every section."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from helpers import PROJECT_DIR
from tools.notebooks import differences, from_text, is_checked, sources

NOTEBOOKS = sorted((PROJECT_DIR / "notebooks").glob("*.ipynb"))
#: The text sources, and the template a new lesson starts from: all follow the same rules.
TEMPLATE_SOURCE = PROJECT_DIR / "notebooks" / "template" / "lesson_template.md"
SOURCES = [*sources(), TEMPLATE_SOURCE]
NOTE_FIELDS = (
    "Time:",
    "Ask the room:",
    "Common misconceptions:",
    "If something goes wrong:",
    "In a short class:",
)
# Closing sections of the template need no trainer notes of their own.
SECTIONS_WITHOUT_NOTES = ("Key takeaways", "What comes next")
TEMPLATE_SECTIONS = (
    "Learning objectives",
    "Exercises",
    "Discussion",
    "Key takeaways",
    "What comes next",
)


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def _read(path: Path) -> nbformat.NotebookNode:
    if path.suffix == ".md":
        return from_text(path)
    return nbformat.read(path, as_version=4)


def _sections(book: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """(heading, all markdown of the section) for every level-2 heading."""
    sections: list[tuple[str, str]] = []
    for cell in book.cells:
        if cell.cell_type != "markdown":
            continue
        for part in re.split(r"(?m)^(?=## )", cell.source):
            if part.startswith("## "):
                heading = part.splitlines()[0][3:].strip()
                sections.append((heading, part))
            elif sections:
                sections[-1] = (sections[-1][0], sections[-1][1] + "\n" + part)
    return sections


def test_every_notebook_matches_its_text_source():
    assert differences() == []


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no notebooks"
    assert NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_only_checked_cells_keep_outputs(path):
    book = _read(path)
    for index, cell in enumerate(book.cells):
        if cell.cell_type != "code":
            continue
        assert "NBVAL_CHECK_OUTPUT" not in cell.source, "use the tag, not the comment"
        if is_checked(cell):
            assert cell.outputs, f"{path.name} cell {index}: a checked cell needs its stored output"
            assert all(o.output_type != "error" for o in cell.outputs)
        else:
            assert not cell.outputs, f"{path.name} cell {index}: stale output (make notebooks)"
            assert cell.execution_count is None, f"{path.name} cell {index}: stale count"
    assert "widgets" not in book.metadata, f"{path.name}: saved widget state (make notebooks)"
    assert "jupytext" not in book.metadata, f"{path.name}: paired, so a save would rewrite its text"
    assert book.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", SOURCES, ids=_ids(SOURCES))
def test_follows_the_course_template(path):
    headings = [heading for heading, _ in _sections(_read(path))]
    for wanted in TEMPLATE_SECTIONS:
        assert any(h.startswith(wanted) for h in headings), f"{path.name}: no '{wanted}' section"


@pytest.mark.parametrize("path", SOURCES, ids=_ids(SOURCES))
def test_every_section_has_trainer_notes(path):
    for heading, text in _sections(_read(path)):
        if heading.startswith(SECTIONS_WITHOUT_NOTES):
            continue
        assert '<details class="trainer-notes">' in text, f"{path.name}: '{heading}' has no notes"
        notes = text.split('<details class="trainer-notes">', 1)[1]
        for field in NOTE_FIELDS:
            assert field in notes, f"{path.name}: trainer notes of '{heading}' lack '{field}'"


@pytest.mark.parametrize("path", SOURCES, ids=_ids(SOURCES))
def test_code_never_writes_into_data(path):
    for cell in _read(path).cells:
        if cell.cell_type == "code":
            assert not re.search(r"to_csv|to_parquet|open\(.*['\"]w", cell.source), cell.source
