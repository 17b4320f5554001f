"""``python -m helpers.present`` (``make present``): build the pages, then serve them."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from helpers.present.notebooks import PRESENT_DIR, build
from helpers.present.server import voila_command, voila_environment


def main(argv: list[str] | None = None) -> int:
    """Build the present view into ``--out`` and serve it until Ctrl+C."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.present",
        description="The code-free present view: every simulator, ready for a projector.",
    )
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
    # Plotly's front end goes where the server serves it now, once, before the kernels start.
    from helpers.figure import publish_bundle

    publish_bundle()
    print(
        f"Serving on http://127.0.0.1:{args.port}/ (press Ctrl+C to stop). Every page runs "
        "ahead in its own kernel: give it a minute after starting, before class."
    )
    command = voila_command(args.out, args.port, browser=not args.no_browser)
    try:
        return subprocess.call(command, env=voila_environment())
    except KeyboardInterrupt:
        return 0
