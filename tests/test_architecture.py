"""The house rules of the code base, checked: small modules, screen-sized functions, pure models,
one-way imports, and a repository that refers only to itself."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from helpers import PROJECT_DIR

HELPERS = PROJECT_DIR / "helpers"
MODULES = sorted(HELPERS.rglob("*.py"))
MAX_LINES = 600
MAX_LINES_EXERCISES = 400
MAX_FUNCTION_LINES = 80
#: What a lesson's pure model may import (besides the standard library and helpers' pure parts).
WIDGET_MODULES = ("ipywidgets", "plotly", "IPython", "anywidget")


def _rel(path: Path) -> str:
    return path.relative_to(PROJECT_DIR).as_posix()


def _imports(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    limit = MAX_LINES_EXERCISES if "exercises" in path.parts else MAX_LINES
    assert lines <= limit, f"{_rel(path)} has {lines} lines (limit {limit}): split it"


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_functions_fit_on_a_screen(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{_rel(path)}: {node.name} is {length} lines"


MODELS = sorted(HELPERS.glob("lessons/*/model.py")) + sorted(HELPERS.glob("town/*.py"))


@pytest.mark.parametrize("path", MODELS, ids=_rel)
def test_models_and_the_town_are_pure(path: Path) -> None:
    """Models (and the generator) compute; widgets and charts live in the simulators."""
    imported = _imports(ast.parse(path.read_text(encoding="utf-8")))
    widgety = {name for name in imported if name.split(".")[0] in WIDGET_MODULES}
    assert not widgety, f"{_rel(path)} imports {sorted(widgety)}"
    assert not any(name.endswith(".simulators") for name in imported), _rel(path)


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_helpers_never_import_tests_or_tools(path: Path) -> None:
    imported = _imports(ast.parse(path.read_text(encoding="utf-8")))
    assert not {n for n in imported if n.split(".")[0] in {"tests", "tools"}}, _rel(path)


def test_a_lessons_simulators_import_no_other_lessons_simulators() -> None:
    for path in sorted(HELPERS.glob("lessons/*/simulators.py")):
        lesson = path.parent.name
        for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if name.startswith("helpers.lessons.") and name.endswith(".simulators"):
                assert name == f"helpers.lessons.{lesson}.simulators", f"{_rel(path)}: {name}"


TEXT_FILES = [
    path
    for pattern in ("*.py", "*.md", "*.toml", "*.yml", "*.json", "*.cfg", "Makefile", "run")
    for path in PROJECT_DIR.rglob(pattern)
    if not {".venv", ".git", "build", "node_modules"} & set(path.relative_to(PROJECT_DIR).parts)
    and path.is_file()
]
OUTSIDE = re.compile(r"\.\./shared|/work/|\bCOURSE\.md|\bSTACK\.md|\bLAYOUT\.md")


@pytest.mark.parametrize("path", TEXT_FILES, ids=_rel)
def test_the_repository_refers_only_to_itself(path: Path) -> None:
    if path == Path(__file__):
        return
    text = path.read_text(encoding="utf-8", errors="replace")
    found = sorted(set(OUTSIDE.findall(text)))
    assert not found, f"{_rel(path)} refers to files outside the repository: {found}"
