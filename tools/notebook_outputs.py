"""Re-run course notebooks and keep only the outputs of checked cells.

Only cells whose first line is ``# NBVAL_CHECK_OUTPUT`` keep their output: nbval compares it on
every test run, so a number the narrative states cannot drift from what the code computes. Every
other output and execution count, and saved widget state, are removed, so the notebooks in git stay
small and open clean. Refuses to save if any cell raised or printed a warning.

    python tools/notebook_outputs.py notebooks/*.ipynb
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

CHECK_MARK = "# NBVAL_CHECK_OUTPUT"


def is_checked(cell: nbformat.NotebookNode) -> bool:
    """True for a code cell whose stored output nbval compares."""
    return cell.cell_type == "code" and cell.source.lstrip().startswith(CHECK_MARK)


def refresh(path: Path, timeout: int = 600) -> None:
    """Execute ``path`` in its own folder and save it with only the checked outputs."""
    book = nbformat.read(path, as_version=4)
    NotebookClient(
        book,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
    ).execute()
    problems = []
    for index, cell in enumerate(book.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "error" or output.get("name") == "stderr":
                text = output.get("text") or f"{output.get('ename')}: {output.get('evalue')}"
                problems.append(f"cell {index}: {text.strip()[:300]}")
    if problems:
        raise SystemExit(f"{path}: not saved, because:\n" + "\n".join(problems))
    for cell in book.cells:
        # nbval only compares a cell that shows it was run, so checked cells keep their count.
        if cell.cell_type == "code" and not is_checked(cell):
            cell.execution_count = None
            cell.outputs = []
    book.metadata.pop("widgets", None)
    nbformat.write(book, path)
    print(f"{path}: saved, {sum(map(is_checked, book.cells))} checked cell(s)")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        refresh(Path(name))
