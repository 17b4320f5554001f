"""The code-free present view: every simulator of the course, ready for a projector.

``python -m helpers.present`` (or ``make present``) writes one small page (notebook) per simulator
into ``build/present/`` (never into ``data/`` or ``notebooks/``) and serves them with Voilà: code
hidden, no exercises, just the question for the room and the simulator, big on the projector.
(One simulator per page also avoids a plotly FigureWidget race seen in Voilà with several
figures on one page: the last one could miss its slider updates.) Kernels of closed tabs are
shut down after ten idle minutes (``jupyter/voila.json``).

The same catalogue tells the browser tests and the benchmark which simulators each notebook has.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from helpers import PROJECT_DIR
from helpers.simulator import Simulator

PRESENT_DIR = PROJECT_DIR / "build" / "present"
JUPYTER_CONFIG_DIR = PROJECT_DIR / "jupyter"


@dataclass(frozen=True)
class Presented:
    """One simulator as the present view shows it."""

    notebook: str  #: the course notebook it belongs to, e.g. "00_start_here"
    title: str  #: heading on the slide
    question: str  #: what the trainer asks the room before moving the slider
    factory: str  #: "module:function" building the :class:`Simulator`

    def build(self) -> Simulator:
        """Create the simulator (imports its module only when needed)."""
        module, function = self.factory.split(":")
        return getattr(importlib.import_module(module), function)()


#: Every simulator of the course, by notebook, in the order the notebooks show them.
CATALOG: dict[str, list[Presented]] = {
    "00_start_here": [
        Presented(
            notebook="00_start_here",
            title="Fix the problem, keep the customer",
            question=(
                "Out of 100 customers who had a problem, how many come back if we fix "
                "**none** of the problems? And if we fix **all** of them? Write your guess down, "
                "then move the slider."
            ),
            factory="helpers.start_here:start_here_simulator",
        ),
    ],
    "01_satisfaction": [
        Presented(
            notebook="01_satisfaction",
            title="What makes a customer satisfied?",
            question=(
                "Which of these six sliders will change the most customers' minds? Vote, then "
                "move each one in turn."
            ),
            factory="helpers.satisfaction:satisfaction_simulator",
        ),
        Presented(
            notebook="01_satisfaction",
            title="From satisfied to loyal",
            question=(
                "A customer scores us 4 of 5: satisfied. Is she likely to come back? How much more "
                "likely is a customer who scores 5?"
            ),
            factory="helpers.satisfaction:loyalty_curve_simulator",
        ),
        Presented(
            notebook="01_satisfaction",
            title="Bad moments weigh more",
            question=(
                "One visit in five has one bad moment. If a bad moment weighs twice a good one, "
                "how many customers end up unhappy?"
            ),
            factory="helpers.satisfaction:bad_moments_simulator",
        ),
        Presented(
            notebook="01_satisfaction",
            title="Service is not everything",
            question=(
                "Same service, same warmth: who comes back more, customers with a real reason "
                "to come or customers without one? By how much?"
            ),
            factory="helpers.satisfaction:interest_simulator",
        ),
    ],
}


def simulators_of(notebook: str) -> list[Presented]:
    """The simulators a course notebook shows (empty if it has none)."""
    return CATALOG.get(notebook, [])


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def pages() -> dict[str, Presented]:
    """Every present-view page by file stem, e.g. ``01_satisfaction-2-from-satisfied-to-loyal``."""
    return {
        f"{notebook}-{number}-{_slug(item.title)}": item
        for notebook, items in CATALOG.items()
        for number, item in enumerate(items, start=1)
    }


def present_page(item: Presented) -> nbformat.NotebookNode:
    """The present-view notebook for one simulator: heading, question for the room, simulator."""
    number, _, name = item.notebook.partition("_")
    module, function = item.factory.split(":")
    cells = [
        nbformat.v4.new_markdown_cell(
            f"# {item.title}\n\n**Ask the room:** {item.question}\n\n"
            f"*From notebook {number} · {name.replace('_', ' ')}. Present view: the simulator "
            "only; the full lesson is in JupyterLab.*"
        ),
        nbformat.v4.new_code_cell(f"from {module} import {function}\n\n{function}()"),
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
    for stem, item in pages().items():
        path = folder / f"{stem}.ipynb"
        nbformat.write(present_page(item), path)
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
