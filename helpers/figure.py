"""The course's chart widget: a plotly ``FigureWidget`` whose 5 MB front end travels once, by HTTP.

In plotly 7 a ``FigureWidget`` is an anywidget: its ``_esm`` trait holds plotly's whole widget
bundle (``plotly/package_data/widgetbundle.js``, about 5 MB) as text, sent over the kernel's
websocket inside *every* figure's state. A notebook with four charts moved about 21 MB, and a
browser parsed the bundle four times.

:class:`CourseFigure` is the same figure with a small ``_esm`` (a few kB) that imports the bundle
from the Jupyter server that served the page. The kernel copies the bundle once into a Jupyter
``labextensions`` data folder (:func:`publish_bundle`); JupyterLab serves those folders at
``<base>/lab/extensions/`` and Voilà at ``<base>/voila/labextensions/``, both named in the page's
``jupyter-config-data`` as ``fullLabextensionsUrl``. So it works in JupyterLab, in Voilà, behind
JupyterHub or Binder, offline and without any Jupyter setting. The browser caches the file and
evaluates it once per page, whatever the number of figures.

Where the file cannot be served (another front end, a server that cannot see the kernel's
folders), the front end asks the kernel for the bundle inline, as plain ``go.FigureWidget`` does.

The small module also removes a lost-update race: anywidget gives a model two seconds to load
and initialise its ``_esm``; a model that misses the deadline renders but silently drops every
later message from the kernel (its charts stop following the sliders). With several 5 MB bundles
parsed one after another, the third and fourth figures of a Voilà page often missed it. Here
``initialize`` returns at once, records what the kernel sends until plotly's code is there, then
replays it in order, so no deadline depends on the network or on the number of figures.

Use it exactly like ``go.FigureWidget``: ``CourseFigure(data=[...], layout=...)``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from copy import deepcopy
from functools import cache
from pathlib import Path
from typing import Any

import plotly
import plotly.graph_objects as go
from jupyter_core.paths import SYSTEM_JUPYTER_PATH, jupyter_path

#: Plotly's widget front end, the file plain ``go.FigureWidget`` sends inline.
BUNDLE_SOURCE = Path(plotly.__file__).parent / "package_data" / "widgetbundle.js"
#: The folder, inside a Jupyter ``labextensions`` folder, that holds the published bundle.
#: It has no package.json, so JupyterLab serves its files but never loads it as an extension.
ASSET_FOLDER = "loyalty-course-plotly"
#: What the front end sends when it could not import the bundle from the server.
INLINE_REQUEST = "course-figure:send-bundle-inline"


@cache
def bundle_name() -> str:
    """The published file's name: plotly's bundle, named by its content (so caches never lie)."""
    digest = hashlib.sha256(BUNDLE_SOURCE.read_bytes()).hexdigest()[:16]
    return f"widgetbundle-{digest}.js"


def asset_folders() -> list[Path]:
    """Where the bundle may be published, best first: the Jupyter data folders a server reads.

    The same order a server uses (environment first inside a virtualenv or conda, then the
    user's), without the system-wide folders, which a course must not write into.
    """
    system = [Path(p).resolve() for p in SYSTEM_JUPYTER_PATH]
    folders = [Path(p) for p in jupyter_path("labextensions")]
    return [
        folder / ASSET_FOLDER
        for folder in folders
        if not any(folder.resolve().is_relative_to(root) for root in system)
    ]


@cache
def publish_bundle() -> Path | None:
    """Copy plotly's bundle where the Jupyter server serves it (once); its path, or None.

    None means no folder was writable: figures then get the bundle inline on request.
    """
    name = bundle_name()
    folders = asset_folders()
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    for folder in folders:
        try:
            return _write_atomically(folder, name, BUNDLE_SOURCE.read_bytes())
        except OSError:
            continue  # read-only (shared install): try the next folder
    return None


def _write_atomically(folder: Path, name: str, content: bytes) -> Path:
    # Kernels may publish at the same moment: each writes its own temporary file and renames it,
    # so a server never serves half a file.
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".publishing-", suffix=".js")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return folder / name


# The front end of CourseFigure (anywidget loads it as an ES module). It mirrors plotly's own
# `default` export ({initialize, render}) and hands over to it once the bundle is imported.
_LOADER_JS = """\
// helpers/figure.py: CourseFigure's front end. Plotly's widget code is imported once per page
// from the Jupyter server (same origin, cached), not sent with every figure.
const FILE = __FILE__;
const FOLDER = __FOLDER__;
const INLINE_REQUEST = __INLINE_REQUEST__;
// The kernel's messages for plotly's model, and the two traits they change.
const STATE = ["_widget_data", "_widget_layout"];
const MESSAGES = ["_py2js_addTraces", "_py2js_deleteTraces", "_py2js_moveTraces",
  "_py2js_restyle", "_py2js_relayout", "_py2js_update", "_py2js_animate",
  "_py2js_removeLayoutProps", "_py2js_removeTraceProps"];

function bundleUrl() {
  // JupyterLab and Voila both say where they serve the Jupyter labextensions folders.
  const data = document.getElementById("jupyter-config-data");
  const base = data && JSON.parse(data.textContent).fullLabextensionsUrl;
  if (!base) throw new Error("this page was not served by a Jupyter server");
  return new URL(`${base}/${FOLDER}/${FILE}`, location.href).href;
}

// The browser keeps one module per URL: every figure of the page shares one import.
const loadPlotly = () => Promise.resolve().then(() => import(bundleUrl()));

// A stand-in for the model given to plotly's code, able to replay what arrived before it.
function replaying(model) {
  const current = new Map();
  const handlers = new Map();
  let recording = true;
  const shim = {
    ...model,
    get: (name) => (current.has(name) ? current.get(name) : model.get(name)),
    on(event, callback) {
      if (recording) handlers.set(event, [...(handlers.get(event) || []), callback]);
      model.on(event, callback);
    },
  };
  const emit = (name, value) => {
    current.set(name, value);
    for (const callback of handlers.get(`change:${name}`) || []) callback();
  };
  const finish = () => {
    recording = false;
    current.clear();
    handlers.clear();
  };
  return { shim, current, emit, finish };
}

export default () => {
  let plotlyWidget; // promise of plotly's widget for this model, initialised
  return {
    // Returns at once: anywidget drops every later message of a model that takes over 2 s here.
    initialize({ model }) {
      const start = STATE.map((name) => [name, model.get(name)]);
      const log = [];
      let loading = true;
      for (const name of [...STATE, ...MESSAGES]) {
        model.on(`change:${name}`, () => {
          if (loading) log.push([name, model.get(name)]);
        });
      }
      plotlyWidget = loadPlotly().then(
        (bundle) => {
          loading = false;
          const widget = typeof bundle.default === "function" ? bundle.default() : bundle.default;
          const replay = replaying(model);
          for (const [name, value] of start) replay.current.set(name, value);
          widget.initialize({ model: replay.shim });
          // In arrival order, on the state as it was then: exactly what plotly would have done.
          for (const [name, value] of log) replay.emit(name, value);
          replay.finish();
          return widget;
        },
        (error) => {
          console.warn("CourseFigure: asking the kernel for plotly's code inline:", error);
          model.send({ type: INLINE_REQUEST });
          return new Promise(() => {}); // the kernel replaces _esm; anywidget then starts over
        },
      );
    },
    async render({ model, el }) {
      const widget = await plotlyWidget;
      return widget.render({ model, el });
    },
  };
};
"""


def loader_module(file_name: str) -> str:
    """The small ES module a CourseFigure sends instead of plotly's bundle."""
    return (
        _LOADER_JS.replace("__FILE__", json.dumps(file_name))
        .replace("__FOLDER__", json.dumps(ASSET_FOLDER))
        .replace("__INLINE_REQUEST__", json.dumps(INLINE_REQUEST))
    )


class CourseFigure(go.FigureWidget):
    """A ``go.FigureWidget`` that does not carry plotly's 5 MB front end in its state.

    Same constructor, same methods; only the ``_esm`` trait differs (see the module's text).
    """

    _esm = loader_module(bundle_name())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        publish_bundle()  # before the figure reaches a browser, which imports the file at once
        super().__init__(*args, **kwargs)
        self.on_msg(self._on_front_end_message)

    def _on_front_end_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("type") == INLINE_REQUEST:
            self.send_bundle_inline()

    def send_bundle_inline(self) -> None:
        """Fall back to plain ``go.FigureWidget``'s way: plotly's whole bundle in ``_esm``.

        Anywidget then loads it and re-creates the views; the figure's current state is sent
        with it, since what the small front end kept never reached plotly's code.
        """
        with self.hold_sync():
            self._widget_layout = deepcopy(self._layout_obj._props)
            self._widget_data = deepcopy(self._data)
            self._esm = BUNDLE_SOURCE.read_text(encoding="utf-8")
