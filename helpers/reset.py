"""Put one notebook back to its starting state, from inside JupyterLab: no terminal, no git.

A learner saves the notebook (Ctrl+S), types one line in a new cell and runs it::

    from helpers.reset import reset_notebook; reset_notebook("01_satisfaction")

then chooses *File → Reload Notebook from Disk*. Nothing is lost: the learner's copy is first saved
in ``my_copies/`` beside ``notebooks/`` (for example ``my_copies/01_satisfaction-2026-05-04_
10-15-00.ipynb``; git ignores that folder). It is not a hidden folder, so JupyterLab's file
browser shows it and the copy opens and runs like any notebook.

The starting state is the notebook as the course's git repository holds it (``git show HEAD``,
byte for byte, where the folder is a git clone with git installed: a trainer's machine, Binder, a
JupyterHub that pulled the course with nbgitpuller; there, after nbgitpuller has committed the
learner's edits, the course's own branch: see :func:`course_commit`). Anywhere else (a downloaded
zip) it is rebuilt from its text source ``notebooks/src/<name>.md``: the same cells, without the
few stored outputs, which appear when the cells are run.

Trainers reset every notebook at once with ``make reset`` (``python -m helpers.reset``), which
keeps the learners' copies the same way.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import jupytext
import nbformat

from helpers import PROJECT_DIR
from helpers.i18n import _

NOTEBOOK_DIR = PROJECT_DIR / "notebooks"
#: Where learners' copies go, beside the notebooks' folder.
COPIES_FOLDER = "my_copies"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def notebook_names(folder: Path = NOTEBOOK_DIR) -> list[str]:
    """The course's notebooks in ``folder`` (those with a text source), in course order."""
    return sorted(path.stem for path in (Path(folder) / "src").glob("[0-9][0-9]_*.md"))


def find_name(name: str, folder: Path = NOTEBOOK_DIR) -> str:
    """The notebook meant by ``name``: "01_satisfaction", "01_satisfaction.ipynb" or "01"."""
    names = notebook_names(folder)
    wanted = Path(str(name).strip()).name.removesuffix(".ipynb")
    matches = [known for known in names if wanted in (known, known[:2])]
    if len(matches) != 1:
        raise LookupError(
            _('There is no notebook called "{name}". The notebooks are: {names}.').format(
                name=name, names=", ".join(names)
            )
        )
    return matches[0]


def from_text(source: Path) -> nbformat.NotebookNode:
    """The notebook a text source describes, without outputs (as ``make notebooks`` reads it)."""
    book = jupytext.read(source, fmt="md:myst")
    book.metadata = nbformat.from_dict({"kernelspec": dict(KERNELSPEC)})
    for number, cell in enumerate(book.cells):
        # Ids by position (jupytext draws random ones): a rebuild leaves them alone unless cells
        # are added or removed.
        cell.id = f"cell-{number:03d}"
        cell.metadata.pop("jupytext", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return book


#: Commits nbgitpuller makes in a learner's clone on a JupyterHub: the learner's edits ("WIP")
#: and the merge of the course's newer version into them (``git merge -Xours origin/<branch>``).
PULLER_SUBJECTS = ("WIP", "Merge remote-tracking branch ", "Merge branch ")


def _git(folder: Path, *args: str) -> bytes | None:
    """What git prints for ``args`` in ``folder``; None without git or when git fails."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        result = subprocess.run(
            [git, "-C", str(folder), *args], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def course_commit(folder: Path) -> str:
    """The commit holding the course as shipped: ``HEAD``, except in a clone nbgitpuller keeps.

    When a learner who changed a notebook clicks the course's link again, nbgitpuller commits
    their edits ("WIP") and merges the course's newer version with ``-Xours``: ``HEAD`` then
    holds the learner's notebook. If every commit after the upstream branch is one of those, the
    course is the upstream branch (``origin/main``); otherwise (a trainer's or an author's own
    commits) it is ``HEAD``.
    """
    found = _git(folder, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")
    upstream = (found or b"").decode("utf-8", "replace").strip()
    if not upstream:
        return "HEAD"
    subjects = (_git(folder, "log", "--format=%s", f"{upstream}..HEAD") or b"").decode("utf-8")
    lines = [line for line in subjects.splitlines() if line.strip()]
    if lines and all(line.startswith(PULLER_SUBJECTS) for line in lines):
        return upstream
    return "HEAD"


def committed_version(path: Path) -> bytes | None:
    """The file as the course's commit holds it (:func:`course_commit`); None without git, a
    repository, or that file."""
    shipped = _git(path.parent, "show", f"{course_commit(path.parent)}:./{path.name}")
    return shipped or None


def starting_state(name: str, folder: Path = NOTEBOOK_DIR) -> bytes:
    """The bytes of notebook ``name`` as the course ships it (git's copy, else its text source)."""
    folder = Path(folder)
    committed = committed_version(folder / f"{name}.ipynb")
    if committed is not None:
        return committed
    return nbformat.writes(from_text(folder / "src" / f"{name}.md")).encode("utf-8") + b"\n"


def copy_path(name: str, folder: Path, now: datetime) -> Path:
    """A path in ``my_copies/`` that no earlier copy has taken."""
    copies = Path(folder).parent / COPIES_FOLDER
    stamp = now.strftime("%Y-%m-%d_%H-%M-%S")
    path = copies / f"{name}-{stamp}.ipynb"
    number = 2
    while path.exists():
        path = copies / f"{name}-{stamp}-{number}.ipynb"
        number += 1
    return path


def reset_notebook(
    name: str, folder: Path = NOTEBOOK_DIR, now: datetime | None = None, quiet: bool = False
) -> Path | None:
    """Save the learner's copy of notebook ``name``, then put the notebook back as it started.

    Returns where the copy was saved (None when there was no notebook to save, or when it was
    already in its starting state). ``folder`` is the notebooks' folder; the copy goes to
    ``my_copies/`` beside it.
    """
    folder = Path(folder)
    name = find_name(name, folder)
    path = folder / f"{name}.ipynb"
    pristine = starting_state(name, folder)
    saved = None
    if path.exists() and path.read_bytes() != pristine:
        saved = copy_path(name, folder, now or datetime.now())
        saved.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, saved)
    path.write_bytes(pristine)
    if not quiet:
        print(_message(name, folder, saved))
    return saved


def _message(name: str, folder: Path, saved: Path | None) -> str:
    lines = []
    if saved is not None:
        where = saved.relative_to(folder.parent).as_posix()
        lines.append(_("Your copy of {name} is saved as {copy}.").format(name=name, copy=where))
    lines.append(_("{name} is back to its starting state.").format(name=name))
    lines.append(
        _("If it is open, choose File → Reload Notebook from Disk (or close it and open it again).")
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.reset [name ...]``: reset some notebooks, or all of them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebooks to reset (default: every notebook)")
    parser.add_argument("--folder", type=Path, default=NOTEBOOK_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        for name in args.names or notebook_names(args.folder):
            reset_notebook(name, args.folder)
    except LookupError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
