"""Resetting a notebook (helpers.reset): the learner's copy is kept, the start comes back.

Every test works in a temporary folder; the real notebooks/ is only read.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import nbformat
import pytest

from helpers import PROJECT_DIR, reset
from tools import notebooks as builder

REAL = PROJECT_DIR / "notebooks"
NOW = datetime(2026, 5, 4, 10, 15, 0)


def _course(tmp_path: Path, names: tuple[str, ...] = ("00_start_here", "01_satisfaction")) -> Path:
    """A notebooks/ folder in ``tmp_path`` with copies of some real notebooks and their sources."""
    folder = tmp_path / "notebooks"
    (folder / "src").mkdir(parents=True)
    for name in names:
        shutil.copy2(REAL / "src" / f"{name}.md", folder / "src")
        shutil.copy2(REAL / f"{name}.ipynb", folder)
    return folder


def _edit(path: Path) -> bytes:
    """Change the notebook as a learner would: a new cell and an edited one."""
    book = nbformat.read(path, as_version=4)
    book.cells.insert(0, nbformat.v4.new_code_cell("my_answer = 42"))
    book.cells[-1].source += "\n# my note"
    nbformat.write(book, path)
    return path.read_bytes()


def test_names_a_learner_may_type(tmp_path: Path) -> None:
    folder = _course(tmp_path)
    for typed in ("01_satisfaction", "01_satisfaction.ipynb", "01", " 01 "):
        assert reset.find_name(typed, folder) == "01_satisfaction"
    with pytest.raises(LookupError, match='no notebook called "07".*00_start_here, 01_sat'):
        reset.find_name("07", folder)


def test_without_git_the_notebook_is_rebuilt_from_its_text(tmp_path: Path, capsys) -> None:
    folder = _course(tmp_path)
    edited = _edit(folder / "01_satisfaction.ipynb")
    saved = reset.reset_notebook("01_satisfaction", folder, now=NOW)
    assert saved == tmp_path / "my_copies" / "01_satisfaction-2026-05-04_10-15-00.ipynb"
    assert saved.read_bytes() == edited, "the learner's copy is kept as it was"
    book = nbformat.read(folder / "01_satisfaction.ipynb", as_version=4)
    shipped = nbformat.read(REAL / "01_satisfaction.ipynb", as_version=4)
    assert builder.cell_summary(book) == builder.cell_summary(shipped)
    built = builder.from_text(REAL / "src" / "01_satisfaction.md")
    assert builder.cell_summary(book) == builder.cell_summary(built)
    assert book.metadata == built.metadata
    assert [cell.get("outputs") for cell in book.cells] == [c.get("outputs") for c in built.cells]
    said = capsys.readouterr().out
    assert "saved as my_copies/01_satisfaction-2026-05-04_10-15-00.ipynb" in said
    assert "Reload Notebook from Disk" in said


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_in_a_git_clone_the_committed_notebook_comes_back_byte_for_byte(tmp_path: Path) -> None:
    folder = _course(tmp_path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x")
    (tmp_path / ".gitignore").write_text("my_copies/\n")
    _edit(folder / "00_start_here.ipynb")
    reset.reset_notebook("00", folder, now=NOW, quiet=True)
    assert (folder / "00_start_here.ipynb").read_bytes() == (
        REAL / "00_start_here.ipynb"
    ).read_bytes()
    status = subprocess.run(
        ["git", "-C", str(tmp_path), "status", "--porcelain"], capture_output=True, text=True
    )
    assert status.stdout.strip() == "?? .gitignore", "the reset left git clean (copies ignored)"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_after_nbgitpuller_committed_the_learners_edits_the_course_comes_back(
    tmp_path: Path,
) -> None:
    """nbgitpuller commits a learner's edits ("WIP") and merges the course's newer version with
    -Xours: HEAD then holds the learner's notebook, and the reset takes the course's branch."""
    course = tmp_path / "course"
    folder = _course(course)
    who = ("-c", "user.name=t", "-c", "user.email=t@example.org")
    _git(course, "init", "-q", "-b", "main")
    _git(course, "add", ".")
    _git(course, *who, "commit", "-qm", "the course")
    learner = tmp_path / "learner"
    _git(tmp_path, "clone", "-q", str(course), str(learner))
    mine = learner / "notebooks" / "00_start_here.ipynb"
    _edit(mine)
    _git(learner, *who, "commit", "-qam", "WIP", "--allow-empty")  # as nbgitpuller does
    (folder / "src" / "note.txt").write_text("a newer course\n")
    _git(course, "add", ".")
    _git(course, *who, "commit", "-qm", "a newer course")
    _git(learner, "fetch", "-q")
    _git(learner, *who, "merge", "-q", "-Xours", "origin/main")
    assert reset.course_commit(learner / "notebooks") == "origin/main"
    reset.reset_notebook("00", learner / "notebooks", now=NOW, quiet=True)
    assert mine.read_bytes() == (REAL / "00_start_here.ipynb").read_bytes()
    assert len(list((learner / "my_copies").glob("00_start_here-*.ipynb"))) == 1
    _git(learner, *who, "commit", "-qam", "a trainer's own change", "--allow-empty")
    assert reset.course_commit(learner / "notebooks") == "HEAD", "own commits: HEAD is the start"


def test_nothing_to_keep_means_no_copy(tmp_path: Path) -> None:
    folder = _course(tmp_path)
    reset.reset_notebook("00", folder, quiet=True)  # shipped copy → rebuilt: differs, kept
    assert reset.reset_notebook("00", folder, quiet=True) is None, "already at the start"
    (folder / "00_start_here.ipynb").unlink()
    assert reset.reset_notebook("00", folder, quiet=True) is None
    assert (folder / "00_start_here.ipynb").exists(), "a deleted notebook comes back"


def test_two_resets_in_the_same_second_keep_both_copies(tmp_path: Path) -> None:
    folder = _course(tmp_path)
    first = _edit(folder / "00_start_here.ipynb")
    one = reset.reset_notebook("00", folder, now=NOW, quiet=True)
    second = _edit(folder / "00_start_here.ipynb")
    two = reset.reset_notebook("00", folder, now=NOW, quiet=True)
    assert one != two
    assert two.name == "00_start_here-2026-05-04_10-15-00-2.ipynb"
    assert (one.read_bytes(), two.read_bytes()) == (first, second)


def test_messages_are_translated(tmp_path: Path, pretend_language, capsys) -> None:
    pretend_language({"{name} is back to its starting state.": "{name} est comme neuf."})
    reset.reset_notebook("00", _course(tmp_path), quiet=False)
    assert "00_start_here est comme neuf." in capsys.readouterr().out


def test_the_command_resets_every_notebook_or_refuses_plainly(tmp_path: Path, capsys) -> None:
    folder = _course(tmp_path)
    for name in ("00_start_here", "01_satisfaction"):
        _edit(folder / f"{name}.ipynb")
    assert reset.main(["--folder", str(folder)]) == 0
    assert len(list((tmp_path / "my_copies").glob("*.ipynb"))) == 2
    assert reset.main(["--folder", str(folder), "nine"]) == 2
    assert 'no notebook called "nine"' in capsys.readouterr().err


def test_a_reset_notebook_runs_clean(tmp_path: Path) -> None:
    """The rebuilt notebook (no git) runs without an error or a warning, in its folder."""
    folder = _course(tmp_path, ("00_start_here",))
    reset.reset_notebook("00", folder, quiet=True)
    book = nbformat.read(folder / "00_start_here.ipynb", as_version=4)
    builder.run(book, folder)  # raises SystemExit naming any cell that failed or warned


def test_copies_stay_out_of_git_and_of_the_test_run() -> None:
    ignored = (PROJECT_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert f"{reset.COPIES_FOLDER}/" in ignored
    # pytest collects notebooks under notebooks/ (nbval); the copies live beside it, not in it.
    assert (REAL.parent / reset.COPIES_FOLDER).parent == PROJECT_DIR
    assert reset.NOTEBOOK_DIR == builder.NOTEBOOK_DIR


def test_make_reset_uses_the_same_function() -> None:
    makefile = (PROJECT_DIR / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nreset:", 1)[1].split("\n\n", 1)[0]
    assert "-m helpers.reset" in recipe and "git checkout" not in recipe
