"""Serving the present view with Voilà: the course template, the index, kernels started ahead.

``python -m helpers.present.server FOLDER [voila options]`` is Voilà with these things added:

- **the course template** (``jupyter/present/loyalty-present``: big type, keyboard focus ring,
  nothing fetched from a CDN) and **the index page** (:mod:`helpers.present.index`) instead of
  Voilà's file list, copied into a temporary Jupyter data folder put first on ``JUPYTER_PATH``
  (Voilà finds templates only there); it is removed when the server stops;
- **one pre-started kernel per present page** (Voilà's ``preheat_kernel``): the server runs each
  page ahead of time, so opening it only draws what is ready; as soon as a page takes its kernel,
  the server starts the next one for the page's next opening (:data:`REFILL_DELAY` later, not to
  slow the page being drawn). Other notebooks in the folder (the whole course, say) start their
  kernel when opened, as usual;
- a page that asks for plotly's code while Voilà's own code loads (``modulepreload``), and no
  front-end extension the pages do not use (:func:`unused_extensions`);
- the settings of ``jupyter/voila.json`` (through ``JUPYTER_CONFIG_PATH``, see
  :func:`voila_environment`), among them what lets a closed tab shut its kernel down at once.

It imports neither the course nor its lessons: the server stays small; the kernels do the work.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from helpers import PROJECT_DIR
from helpers.present.index import METADATA_KEY, index_page

JUPYTER_CONFIG_DIR = PROJECT_DIR / "jupyter"
TEMPLATE_NAME = "loyalty-present"
TEMPLATE_SOURCE = JUPYTER_CONFIG_DIR / "present" / TEMPLATE_NAME
#: Kernels kept ready per present page (each costs one kernel's memory while the server runs).
POOL_SIZE = 1
#: Seconds between a page taking its kernel and the server starting the next one: running the
#: page ahead takes a few seconds of both cores, which would slow the page now being drawn.
REFILL_DELAY = 3.0
#: Front-end extensions a present page never uses: jupytext's (it fails to load in Voilà) and,
#: where every page is a present page (charts are FigureWidgets), plotly's 5 MB renderer of
#: plain figure outputs.
UNUSED_EXTENSIONS = ["jupyterlab-jupytext"]
PLAIN_FIGURE_EXTENSION = "jupyterlab-plotly"


def present_pages(folder: Path) -> list[str]:
    """File names of the present pages in ``folder`` (notebooks carrying the present outline)."""
    names = []
    for path in sorted(Path(folder).glob("*.ipynb")):
        try:
            metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
        except (OSError, ValueError):
            continue
        if METADATA_KEY in metadata:
            names.append(path.name)
    return names


def kernel_pools(folder: Path, size: int = POOL_SIZE) -> dict[str, dict[str, int]]:
    """Voilà's ``kernel_pools_config``: ``size`` kernels per present page, none for the rest."""
    pools = {name: {"pool_size": size} for name in present_pages(folder)}
    return {"default": {"pool_size": 0}, **pools}


def plotly_bundle_path() -> str:
    """Where the page finds plotly's widget code (as ``helpers.figure.CourseFigure`` publishes it).

    Computed here without importing plotly (the server stays small); a test checks it against
    ``helpers.figure``.
    """
    spec = importlib.util.find_spec("plotly")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("plotly is not installed")
    source = Path(spec.origin).parent / "package_data" / "widgetbundle.js"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return f"voila/labextensions/loyalty-course-plotly/widgetbundle-{digest}.js"


def unused_extensions(folder: Path) -> list[str]:
    """The front-end extensions the pages of ``folder`` never use (not sent to the browser)."""
    notebooks = sorted(path.name for path in Path(folder).glob("*.ipynb"))
    only_present = bool(notebooks) and notebooks == present_pages(folder)
    return UNUSED_EXTENSIONS + ([PLAIN_FIGURE_EXTENSION] if only_present else [])


def write_template(data_dir: Path, folder: Path) -> Path:
    """Copy the course template into a Jupyter data folder, with the index of ``folder``."""
    template = Path(data_dir) / "nbconvert" / "templates" / TEMPLATE_NAME
    shutil.copytree(TEMPLATE_SOURCE, template)
    # Each page asks for plotly's code at once, while Voilà's own code loads (a CourseFigure would
    # ask for it only once its widget exists, seconds later).
    preload = (
        f'<link rel="modulepreload" href="{{{{ resources.base_url }}}}{plotly_bundle_path()}">'
    )
    (template / "preload.html").write_text(preload + "\n", encoding="utf-8")
    page = index_page(folder)
    for name in ("tree.html", "tree-lab.html"):  # Voilà's two file lists, both replaced
        (template / name).write_text(page, encoding="utf-8")
    return template


def voila_command(folder: Path, port: int = 8866, browser: bool = True) -> list[str]:
    """The command line that serves ``folder`` as the present view, on this computer only."""
    command = [
        sys.executable,
        "-m",
        "helpers.present.server",
        str(folder),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--template={TEMPLATE_NAME}",
        # One kernel per present page, started and run ahead (see the module's text).
        "--preheat_kernel=True",
    ]
    if not browser:
        command.append("--no-browser")
    return command


def voila_environment() -> dict[str, str]:
    """The environment for Voilà: the course's Jupyter settings first."""
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(JUPYTER_CONFIG_DIR), *filter(None, [env.get("JUPYTER_CONFIG_PATH")])]
    )
    return env


def serve(argv: list[str]) -> Any:
    """Run Voilà on ``argv`` (``FOLDER`` first) with the course template and kernel pools."""
    from traitlets.config import Config

    if not argv or argv[0].startswith("-"):
        raise SystemExit("usage: python -m helpers.present.server FOLDER [voila options]")
    folder = Path(argv[0])
    with tempfile.TemporaryDirectory(prefix="loyalty-present-") as data_dir:
        write_template(Path(data_dir), folder)
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            [data_dir, *filter(None, [os.environ.get("JUPYTER_PATH")])]
        )
        config = Config()
        config.VoilaKernelManager.kernel_pools_config = kernel_pools(folder)
        config.VoilaKernelManager.fill_delay = REFILL_DELAY
        config.VoilaConfiguration.extension_denylist = unused_extensions(folder)
        from voila.app import Voila

        return Voila.launch_instance(argv=argv, config=config)


if __name__ == "__main__":
    serve(sys.argv[1:])
