"""The memory table for sizing a hub (tools.memory): its pure parts, and that the docs carry it."""

from __future__ import annotations

import pytest

from tools import memory

STATUS = "Name:\tpython\nVmPeak:\t  999 kB\nVmHWM:\t  200000 kB\nVmRSS:\t  150000 kB\nThreads:\t4\n"


def test_status_lines_are_read_in_megabytes() -> None:
    assert memory.status_mb(STATUS) == (150000 * 1024 / 1e6, 200000 * 1024 / 1e6)
    with pytest.raises(ValueError, match="VmRSS"):
        memory.status_mb("Name:\tpython\n")


def test_the_table_sizes_a_learner_by_the_largest_peak() -> None:
    readings = [memory.Reading("00_a", 150, 160), memory.Reading("01_b", 200, 250)]
    text = memory.table(
        memory.Reading("server", 100, 110), memory.Reading("bare", 50, 50), readings, "today"
    )
    assert "| 01_b | 200 | 250 |" in text and "| server | 100 | 110 |" in text
    assert "= **350 MB**" in text and "**600 MB**" in text


def test_the_block_between_the_markers_is_replaced() -> None:
    doc = f"intro\n{memory.START}\nold\n{memory.END}\nafter\n"
    assert memory.replace_block(doc, "new") == f"intro\n{memory.START}\nnew\n{memory.END}\nafter\n"
    with pytest.raises(ValueError, match="memory-table"):
        memory.replace_block("no markers", "new")


def test_the_docs_table_has_a_row_for_every_notebook() -> None:
    """A new notebook needs `python -m tools.memory --write` before this passes again."""
    text = memory.DOC.read_text(encoding="utf-8")
    block = text.split(memory.START, 1)[1].split(memory.END, 1)[0]
    for path in sorted(memory.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        assert f"| {path.stem} |" in block, f"{path.stem} is not measured in docs/classroom.md"
    assert "Per learner with one notebook open" in block
