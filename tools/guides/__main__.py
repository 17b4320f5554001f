"""``python -m tools.guides [all|html|pdf|check]``: see :mod:`tools.guides`."""

from __future__ import annotations

import argparse
import sys

from helpers import PROJECT_DIR
from tools.guides.build import expected_files, guides, stale_pdfs, write_html, write_pdfs


def _html() -> None:
    found = guides()
    changed = write_html(found)
    for guide in found:
        for problem in guide.problems:
            print(f"{guide.stem}: note: {problem}")
        print(
            f"{guide.stem}: {guide.total} min in all; {guide.short.budget}-min route "
            f"{guide.short.total} min, {guide.long.budget}-min route {guide.long.total} min"
        )
    print(f"HTML: {len(changed)} file(s) changed")


def _pdf(force: bool) -> None:
    printed = write_pdfs(force=force)
    names = ", ".join(p.name for p in printed) or "none needed"
    print(f"PDF: printed {names}")


def _check() -> int:
    problems = [
        f"{path.relative_to(PROJECT_DIR)} is out of date"
        for path, content in expected_files().items()
        if not path.exists() or path.read_text(encoding="utf-8") != content
    ]
    problems += [f"{pdf.relative_to(PROJECT_DIR)} is stale" for pdf in stale_pdfs()]
    print("\n".join(problems) or "Every guide is up to date.")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.guides", description=__doc__)
    parser.add_argument("action", nargs="?", default="all", choices=["all", "html", "pdf", "check"])
    parser.add_argument("--force", action="store_true", help="print every PDF, stale or not")
    args = parser.parse_args(argv)
    if args.action == "check":
        return _check()
    if args.action in ("all", "html"):
        _html()
    if args.action in ("all", "pdf"):
        _pdf(args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
