"""The notebooks' own words, read from their text sources: titles and key takeaways.

The last notebook gathers every notebook's *Key takeaways* in one place: one line per notebook
(its title), its takeaways behind a click. They are read here from the MyST text sources
(``notebooks/src/NN_topic.md``), never copied, so the wrap-up always says what each notebook
says. Only the text is read: lines inside fenced code are skipped, and a
bullet's wrapped lines are joined.

(``tools/guides/notebook.py`` reads the same sources, through jupytext, for the printed guides;
helpers must not import tools, and this reader needs no jupytext.)
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from helpers import PROJECT_DIR

SOURCE_DIR = PROJECT_DIR / "notebooks" / "src"
TAKEAWAYS = "Key takeaways"
_SOURCE_NAME = re.compile(r"^\d\d_.+\.md$")


@dataclass(frozen=True)
class NotebookText:
    """One notebook as its text source names it: stem, title and key takeaways (Markdown)."""

    stem: str  #: "01_satisfaction"
    title: str  #: the ``#`` heading, "01 · Satisfaction: what makes a customer satisfied, ..."
    takeaways: tuple[str, ...]

    @property
    def number(self) -> str:
        return self.stem.split("_", 1)[0]

    @property
    def short_title(self) -> str:
        """The title up to its colon: "01 · Satisfaction"."""
        return self.title.split(":", 1)[0].strip()

    @property
    def subtitle(self) -> str:
        """The title after its colon, what the notebook is about ("" without a colon)."""
        parts = self.title.split(":", 1)
        return parts[1].strip() if len(parts) == 2 else ""


def prose_lines(text: str) -> list[str]:
    """The lines of a text source outside fenced code blocks and its front matter."""
    lines, inside = [], False
    rows = text.splitlines()
    if rows and rows[0].strip() == "---":  # the front matter ends at the next ---
        end = next((i for i, row in enumerate(rows[1:], 1) if row.strip() == "---"), 0)
        rows = rows[end + 1 :]
    for row in rows:
        if row.lstrip().startswith("```"):
            inside = not inside
            continue
        if not inside:
            lines.append(row)
    return lines


def title(lines: Iterable[str]) -> str:
    """The first ``#`` heading."""
    return next((row[2:].strip() for row in lines if row.startswith("# ")), "")


def section(lines: Iterable[str], heading: str) -> list[str]:
    """The lines of the ``##`` section whose heading starts with ``heading`` (none: [])."""
    found, inside = [], False
    for row in lines:
        if row.startswith("## "):
            inside = row[3:].strip().startswith(heading)
            continue
        if inside:
            found.append(row)
    return found


def bullets(lines: Iterable[str]) -> tuple[str, ...]:
    """The ``- `` bullets of some lines, each with its wrapped lines joined into one."""
    items: list[str] = []
    for row in lines:
        text = row.strip()
        if row.startswith("- "):
            items.append(text[2:].strip())
        elif text and items and row.startswith(" "):  # a bullet's wrapped line
            items[-1] = f"{items[-1]} {text}"
    return tuple(items)


def read_text(text: str, stem: str) -> NotebookText:
    """A notebook's title and takeaways from the text of its source."""
    lines = prose_lines(text)
    return NotebookText(stem, title(lines), bullets(section(lines, TAKEAWAYS)))


def read_notebook(path: Path) -> NotebookText:
    """A notebook's title and takeaways from its text source."""
    return read_text(path.read_text(encoding="utf-8"), path.stem)


def course_texts(source_dir: Path = SOURCE_DIR) -> list[NotebookText]:
    """Every notebook of the course, in order (``NN_*.md`` in ``source_dir``)."""
    paths = sorted(p for p in source_dir.glob("*.md") if _SOURCE_NAME.match(p.name))
    return [read_notebook(path) for path in paths]


def takeaways_markdown(books: Iterable[NotebookText]) -> str:
    """Every notebook's takeaways as one Markdown text: a heading per notebook, then bullets."""
    parts = []
    for book in books:
        if book.takeaways:
            items = "\n".join(f"- {t}" for t in book.takeaways)
            parts.append(f"#### {book.short_title}\n\n{items}")
    return "\n\n".join(parts)


def takeaways_folded(books: Iterable[NotebookText]) -> str:
    """Every notebook in one line (its number, name and what it is about), with its takeaways
    folded behind a click (HTML ``<details>``, which Markdown shows as it is)."""
    parts = []
    for book in books:
        if not book.takeaways:
            continue
        about = f": {html.escape(book.subtitle)}" if book.subtitle else ""
        items = "\n".join(f"- {t}" for t in book.takeaways)
        parts.append(
            f"<details><summary><b>{html.escape(book.short_title)}</b>{about}</summary>\n\n"
            f"{items}\n\n</details>"
        )
    return "\n\n".join(parts)
