"""Start a new lesson from the template: ``make lesson NAME=06_complaints``.

Copies ``helpers/lessons/template/`` to ``helpers/lessons/<topic>/`` (its imports rewritten) and
``notebooks/template/lesson_template.md`` to ``notebooks/src/<NAME>.md``, then prints the one line
to add to ``helpers/course.py``. It refuses to overwrite anything.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from helpers import PROJECT_DIR

TEMPLATE_PACKAGE = PROJECT_DIR / "helpers" / "lessons" / "template"
TEMPLATE_NOTEBOOK = PROJECT_DIR / "notebooks" / "template" / "lesson_template.md"
NAME = re.compile(r"^(\d\d)_([a-z][a-z0-9_]*)$")


def plan(name: str, root: Path = PROJECT_DIR) -> dict[Path, str]:
    """The files a new lesson ``name`` (e.g. ``"06_complaints"``) starts with, and their text."""
    match = NAME.match(name)
    if not match:
        raise ValueError(
            f"A lesson name is two digits, an underscore and a topic in lower case, "
            f"like 06_complaints; {name!r} is not."
        )
    topic = match.group(2)

    def rewrite(text: str) -> str:
        text = text.replace("helpers.lessons.template", f"helpers.lessons.{topic}")
        return text.replace('notebook="template"', f'notebook="{name}"')

    files = {
        root / "helpers" / "lessons" / topic / source.name: rewrite(source.read_text("utf-8"))
        for source in sorted(TEMPLATE_PACKAGE.glob("*.py"))
    }
    files[root / "notebooks" / "src" / f"{name}.md"] = rewrite(TEMPLATE_NOTEBOOK.read_text("utf-8"))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="e.g. 06_complaints")
    args = parser.parse_args(argv)
    try:
        files = plan(args.name)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    existing = [path for path in files if path.exists()]
    if existing:
        print(f"Not overwriting {existing[0].relative_to(PROJECT_DIR)}.", file=sys.stderr)
        return 2
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(PROJECT_DIR)}")
    topic = NAME.match(args.name).group(2)
    print(
        "Now register it: add to helpers/course.py\n"
        f"    from helpers.lessons.{topic}.lesson import LESSON as {topic.upper()}\n"
        f"and {topic.upper()} to LESSONS; then `make notebooks` and `make test`."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
