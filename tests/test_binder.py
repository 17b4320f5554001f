"""Binder (and a JupyterHub image built the same way) gets the course's JupyterLab settings.

repo2docker is not available here, so the test does what Binder does after installing
environment.yml: it runs ``postBuild``, here against a temporary JupyterLab application folder
(``JUPYTERLAB_DIR``) instead of the environment's, then starts a real JupyterLab the way Binder
does (no ``JUPYTER_CONFIG_PATH``: the repository's jupyter/ folder is not read) and asks its
settings API what a learner's JupyterLab will use. The manual check on a real Binder is in
docs/classroom.md.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import PROJECT_DIR
from tools import browser as driver

OVERRIDES = PROJECT_DIR / "jupyter" / "labconfig" / "default_setting_overrides.json"
NOTIFICATION = "@jupyterlab/apputils-extension:notification"
TRACKER = "@jupyterlab/notebook-extension:tracker"


def _binder_environment(tmp_path: Path, app_dir: Path) -> dict[str, str]:
    """A clean environment like Binder's: nothing of ours but what postBuild installed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "LOYALTY"))}
    env.update(
        JUPYTERLAB_DIR=str(app_dir),
        JUPYTER_CONFIG_DIR=str(tmp_path / "user-config"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )
    return env


def _app_dir(tmp_path: Path) -> Path:
    """A stand-in for the environment's JupyterLab folder: its assets linked, no settings yet."""
    real = Path(sys.prefix) / "share" / "jupyter" / "lab"
    app_dir = tmp_path / "lab"
    app_dir.mkdir()
    for entry in real.iterdir():
        if entry.name != "settings":
            (app_dir / entry.name).symlink_to(entry)
    return app_dir


def _post_build(env: dict[str, str]) -> str:
    done = subprocess.run(
        ["bash", str(PROJECT_DIR / "postBuild")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd="/",
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _start_lab(tmp_path: Path, env: dict[str, str]) -> driver.Server:
    port, token = driver.free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}"]
    command += ["--ServerApp.port_retries=0", f"--IdentityProvider.token={token}"]
    command += [f"--ServerApp.root_dir={tmp_path}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = tmp_path / "lab.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    server = driver.Server(process, f"http://127.0.0.1:{port}", log, token)
    try:
        server.wait_until_answers("/api/status", 90)
    except BaseException:
        server.stop()
        raise
    return server


def _settings(server: driver.Server, plugin: str) -> dict:
    """What a learner without settings of their own gets: the schema's defaults, as served.

    JupyterLab applies overrides to the defaults in the schema it sends to the browser.
    """
    answer = server.api("GET", f"/lab/api/settings/{plugin}")
    assert not answer.get("settings"), "the temporary user has settings of their own"
    return {key: spec.get("default") for key, spec in answer["schema"]["properties"].items()}


@pytest.fixture
def binder_lab(tmp_path: Path) -> Iterator[tuple[driver.Server, Path, str]]:
    """JupyterLab as Binder starts it, after postBuild: the server, its app folder, what it said."""
    app_dir = _app_dir(tmp_path)
    env = _binder_environment(tmp_path, app_dir)
    said = _post_build(env)
    server = _start_lab(tmp_path, env)
    try:
        yield server, app_dir, said
    finally:
        server.stop()


def test_post_build_installs_the_course_settings_for_every_user(binder_lab) -> None:
    server, app_dir, said = binder_lab
    installed = app_dir / "settings" / "overrides.json"
    assert json.loads(installed.read_text()) == json.loads(OVERRIDES.read_text())
    assert str(installed) in said
    notification = _settings(server, NOTIFICATION)
    assert notification["fetchNews"] == "false"
    assert notification["checkForUpdates"] is False
    assert _settings(server, TRACKER)["autoStartDefaultKernel"] is True


def test_without_post_build_jupyterlab_would_ask(tmp_path: Path) -> None:
    """The control: the same server without postBuild has JupyterLab's own defaults."""
    server = _start_lab(tmp_path, _binder_environment(tmp_path, _app_dir(tmp_path)))
    try:
        assert _settings(server, NOTIFICATION)["fetchNews"] != "false"
        assert _settings(server, TRACKER)["autoStartDefaultKernel"] is False
    finally:
        server.stop()


def test_post_build_writes_where_this_environments_jupyterlab_reads(tmp_path: Path) -> None:
    """Without JUPYTERLAB_DIR (as on Binder) postBuild's folder is the one `jupyter lab` reads."""
    env = {k: v for k, v in os.environ.items() if k != "JUPYTERLAB_DIR"}
    said = subprocess.run(
        [sys.executable, "-m", "jupyterlab", "path"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    app_dir = Path(sys.prefix) / "share" / "jupyter" / "lab"
    assert re.search(rf"Application directory:\s+{re.escape(str(app_dir))}\n", said), said
    found = subprocess.run(
        [sys.executable, "-c", "from jupyterlab.commands import get_app_dir; print(get_app_dir())"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(found.stdout.strip()) == app_dir


def test_binder_reads_the_one_list_of_pins() -> None:
    """environment.yml adds Python and reuses requirements.txt; Binder reads no other list."""
    import yaml

    env = yaml.safe_load((PROJECT_DIR / "environment.yml").read_text(encoding="utf-8"))
    pips = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    assert pips == [["-r requirements.txt", "-e ."]]
    shadowing = ["binder", ".binder", "Dockerfile", "Pipfile", "Project.toml", "install.R"]
    assert not [name for name in shadowing if (PROJECT_DIR / name).exists()], (
        "repo2docker would read this instead of (or besides) environment.yml"
    )
    assert os.access(PROJECT_DIR / "postBuild", os.X_OK), "postBuild must be executable"
    assert shutil.which("bash")
