"""The code-free present view: every simulator of the course, ready for a projector.

``python -m helpers.present`` (or ``make present``) writes one small page (notebook) per simulator
into ``build/present/`` (never into ``data/`` or ``notebooks/``) and serves them with Voilà: code
hidden, no exercises, just the question for the room and the simulator, big on the projector.
(One simulator per page also avoids a plotly FigureWidget race seen in Voilà with several
figures on one page: the last one could miss its slider updates.) Kernels of closed tabs are
shut down after ten idle minutes (``jupyter/voila.json``).

The pages come from the lessons' manifests (:data:`helpers.course.LESSONS`), like the browser
tests and the benchmark.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from helpers import PROJECT_DIR
from helpers.course import LESSONS, lesson
from helpers.i18n import _
from helpers.lessons import Lesson, Simulation
from helpers.simulator import Simulator

PRESENT_DIR = PROJECT_DIR / "build" / "present"
JUPYTER_CONFIG_DIR = PROJECT_DIR / "jupyter"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def pages() -> dict[str, tuple[Lesson, Simulation]]:
    """Every present-view page by file stem, e.g. ``01_satisfaction-2-from-satisfied-to-loyal``."""
    return {
        f"{lesson.notebook}-{number}-{_slug(sim.title)}": (lesson, sim)
        for lesson in LESSONS
        for number, sim in enumerate(lesson.simulations, start=1)
    }


def show(notebook: str, name: str) -> Simulator:
    """Build one simulator of a lesson, by notebook stem and simulator name (for the pages)."""
    for sim in lesson(notebook).simulations:
        if sim.name == name:
            return sim.factory()
    raise KeyError(f"{notebook} has no simulator called {name!r}.")


def present_page(item: Lesson, sim: Simulation) -> nbformat.NotebookNode:
    """The present-view notebook for one simulator: heading, question for the room, simulator."""
    cells = [
        nbformat.v4.new_markdown_cell(
            f"# {_(sim.title)}\n\n**{_('Ask the room:')}** {_(sim.question)}\n\n*"
            + _(
                "From notebook {number} · {title}. Present view: the simulator only; the full "
                "lesson is in JupyterLab."
            ).format(number=item.number, title=_(item.title))
            + "*"
        ),
        nbformat.v4.new_code_cell(
            f"from helpers.present import show\n\nshow({item.notebook!r}, {sim.name!r})"
        ),
    ]
    book = nbformat.v4.new_notebook(cells=cells)
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return book


def build(folder: Path = PRESENT_DIR) -> list[Path]:
    """Write the present-view pages into ``folder`` (emptied first) and return their paths."""
    folder = Path(folder)
    protected = {(PROJECT_DIR / "data").resolve(), (PROJECT_DIR / "notebooks").resolve()}
    if folder.resolve() in protected:
        raise ValueError(f"The present view must not be written into {folder}.")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    written = []
    for stem, (item, sim) in pages().items():
        path = folder / f"{stem}.ipynb"
        nbformat.write(present_page(item, sim), path)
        written.append(path)
    return written


def voila_command(folder: Path = PRESENT_DIR, port: int = 8866, browser: bool = True) -> list[str]:
    """The Voilà command line that serves the present view on this computer only."""
    command = [
        sys.executable,
        "-m",
        "voila",
        str(folder),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        # No preheated kernels: Voilà would keep one idle kernel (about 175 MB) per page.
        "--preheat_kernel=False",
    ]
    if not browser:
        command.append("--no-browser")
    return command


def voila_environment() -> dict[str, str]:
    """The environment for Voilà: the course's Jupyter settings, and its root on the path."""
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(JUPYTER_CONFIG_DIR), *filter(None, [env.get("JUPYTER_CONFIG_PATH")])]
    )
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8866, help="port to serve on (default 8866)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    parser.add_argument(
        "--build-only", action="store_true", help="write the notebooks, do not serve"
    )
    parser.add_argument("--out", type=Path, default=PRESENT_DIR, help="where to write them")
    args = parser.parse_args(argv)
    paths = build(args.out)
    print(f"Present view: {len(paths)} page(s) in {args.out}")
    if args.build_only:
        return 0
    print(f"Serving on http://127.0.0.1:{args.port}/ (press Ctrl+C to stop)")
    command = voila_command(args.out, args.port, browser=not args.no_browser)
    try:
        return subprocess.call(command, env=voila_environment())
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
