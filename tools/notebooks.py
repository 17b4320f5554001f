"""Notebooks are written as text: ``notebooks/src/NN_topic.md`` (MyST Markdown, read by jupytext).

Authors edit and reviewers read the text source; ``make notebooks`` builds each ``.ipynb`` from it,
runs it, and keeps only the outputs of *checked* cells (tag ``nbval-check-output``): nbval compares
those on every test run, so a number the narrative states cannot drift from what the code computes.
Every other output, execution count and saved widget state is dropped, so the notebooks in git stay
small and open clean. A build refuses to save if any cell raises or writes to stderr (a warning).

The pair is synchronised one way only (text → notebook), by this tool: the notebooks carry no
jupytext pairing, so a learner who saves a notebook in JupyterLab never rewrites a text source.

    python tools/notebooks.py build [NN_topic ...]   # text → .ipynb with checked outputs
    python tools/notebooks.py check                  # exit 1 if a notebook differs from its text
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers import PROJECT_DIR
from helpers.exercises.saved import ENVIRONMENT as PROGRESS_FILE_VARIABLE
from helpers.reset import KERNELSPEC, from_text  # one reading of a source, shared with resets

NOTEBOOK_DIR = PROJECT_DIR / "notebooks"
SOURCE_DIR = NOTEBOOK_DIR / "src"
#: The cell tag nbval reads: the stored output of a cell with it is compared on every run.
CHECKED_TAG = "nbval-check-output"


def is_checked(cell: nbformat.NotebookNode) -> bool:
    """True for a code cell whose stored output nbval compares."""
    return cell.cell_type == "code" and CHECKED_TAG in cell.metadata.get("tags", [])


def sources() -> list[Path]:
    """Every notebook's text source, in course order."""
    return sorted(SOURCE_DIR.glob("[0-9][0-9]_*.md"))


def notebook_of(source: Path) -> Path:
    """Where the notebook built from ``source`` lives."""
    return NOTEBOOK_DIR / f"{source.stem}.ipynb"


def cell_summary(book: nbformat.NotebookNode) -> list[tuple[str, str, tuple[str, ...]]]:
    """What the text decides about each cell: its type, its source and its tags."""
    return [
        (cell.cell_type, cell.source.strip(), tuple(cell.metadata.get("tags", [])))
        for cell in book.cells
    ]


def differences() -> list[str]:
    """Notebooks whose cells are not exactly those of their text source (or that lack a pair)."""
    problems = []
    built = {notebook_of(source) for source in sources()}
    for path in sorted(NOTEBOOK_DIR.glob("*.ipynb")):
        if path not in built:
            problems.append(f"{path.name} has no text source in notebooks/src/")
    for source in sources():
        path = notebook_of(source)
        if not path.exists():
            problems.append(f"{source.name} has not been built (make notebooks)")
            continue
        stored = nbformat.read(path, as_version=4)
        if cell_summary(stored) != cell_summary(from_text(source)):
            problems.append(f"{path.name} differs from {source.name} (make notebooks)")
    return problems


def _problems(book: nbformat.NotebookNode) -> list[str]:
    found = []
    for index, cell in enumerate(book.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error" or output.get("name") == "stderr":
                text = output.get("text") or f"{output.get('ename')}: {output.get('evalue')}"
                found.append(f"cell {index}: {text.strip()[:300]}")
    return found


def run(book: nbformat.NotebookNode, folder: Path = NOTEBOOK_DIR, timeout: int = 600) -> None:
    """Execute ``book`` in ``folder``; raise ``SystemExit`` naming every cell that failed."""
    NotebookClient(
        book,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
        store_widget_state=False,
    ).execute()
    problems = _problems(book)
    if problems:
        raise SystemExit("not saved, because:\n" + "\n".join(problems))


def build(source: Path) -> Path:
    """Build, run and save the notebook of ``source`` with only its checked outputs."""
    book = from_text(source)
    run(book)
    for cell in book.cells:
        cell.metadata.pop("execution", None)
        # nbval only compares a cell that shows it was run, so checked cells keep their count.
        if cell.cell_type == "code" and not is_checked(cell):
            cell.execution_count, cell.outputs = None, []
    book.metadata.pop("widgets", None)
    book.metadata["kernelspec"] = dict(KERNELSPEC)
    path = notebook_of(source)
    nbformat.write(book, path)
    print(f"{path.name}: saved, {sum(map(is_checked, book.cells))} checked cell(s)")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["build", "check"])
    parser.add_argument("names", nargs="*", help="notebook stems (default: all)")
    args = parser.parse_args(argv)
    if args.action == "check":
        problems = differences()
        print("\n".join(problems) or "Every notebook matches its text source.")
        return 1 if problems else 0
    chosen = [s for s in sources() if not args.names or s.stem in args.names]
    # A build runs the notebooks' exercise checks: their results stay out of a learner's file.
    progress = Path(tempfile.mkdtemp(prefix="loyalty-progress-")) / ".progress.json"
    os.environ.setdefault(PROGRESS_FILE_VARIABLE, str(progress))
    for source in chosen:
        build(source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
