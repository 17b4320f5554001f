"""(d) Executing each course notebook headless with nbconvert: how long CI spends on them."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools import browser as driver
from tools.bench.records import NotebookRun


def run_notebook(path: Path, env: dict[str, str], timeout: float) -> NotebookRun:
    """Wall time of ``jupyter nbconvert --execute`` on one notebook, output discarded."""
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "nbconvert",
        "--execute",
        "--to",
        "notebook",
        "--stdout",
        "--ExecutePreprocessor.store_widget_state=False",
        f"--ExecutePreprocessor.timeout={int(timeout)}",
        str(path),
    ]
    started = time.perf_counter()
    done = subprocess.run(
        command,
        env=env,
        cwd=path.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=timeout + 60,
        check=False,
    )
    seconds = time.perf_counter() - started
    status = "ok" if done.returncode == 0 else f"failed ({done.returncode})"
    if done.returncode:
        print(done.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
    print(f"  nbconvert: {path.name} {seconds:.1f} s {status}", flush=True)
    return NotebookRun(path.name, seconds, status)


def run_notebooks(stems: list[str], timeout: float) -> list[NotebookRun]:
    """Every notebook in ``stems``, executed on a copy in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="bench-nb-") as tmp:
        root = driver.copy_course(Path(tmp))
        env = driver.server_environment(Path(tmp), [driver.COURSE_CONFIG_DIR])
        return [
            run_notebook(root / f"{stem}.ipynb", env, timeout)
            for stem in stems
            if (root / f"{stem}.ipynb").exists()
        ]
