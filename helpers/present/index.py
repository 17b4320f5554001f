"""The present view's index page: the lessons in course order, each with its simulators.

It replaces Voilà's file list. It is written from the served folder's notebooks alone (their
``loyalty_present`` metadata, see :mod:`helpers.present.notebooks`), so the server that shows it
never imports the course; a folder of ordinary notebooks gets a plain list by their first
heading. The page is static HTML with links only: Tab and Enter operate it.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from helpers.i18n import _, language

METADATA_KEY = "loyalty_present"  #: same key as helpers.present.notebooks (kept import-free)
#: Where the template's own CSS is served (Voilà serves a template's ``static`` folder there).
CSS_PATH = "voila/templates/loyalty-present/static/present.css"


def _text(value: str) -> str:
    """Escaped for HTML, and for Jinja (the page is rendered as a Jinja template by Voilà)."""
    return html.escape(value).replace("{", "&#123;").replace("}", "&#125;")


def _first_heading(book: dict[str, Any]) -> str | None:
    for cell in book.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        for line in source.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return None


def entries(folder: Path) -> list[dict[str, Any]]:
    """One entry per notebook in ``folder``: its file, outline and order (course order first)."""
    found = []
    for path in sorted(Path(folder).glob("*.ipynb")):
        try:
            book = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        meta = book.get("metadata", {}).get(METADATA_KEY)
        if meta:
            found.append({"file": path.name, **meta})
        else:
            heading = _first_heading(book) or path.stem
            found.append({"file": path.name, "order": 10_000, "heading": heading})
    return sorted(found, key=lambda entry: (entry["order"], entry["file"]))


def _lesson_item(entry: dict[str, Any]) -> str:
    url = "{{ base_url }}voila/render/" + html.escape(entry["file"])
    parts = [f'<li class="present-lesson"><a href="{url}">{_text(entry["heading"])}</a>']
    if entry.get("question"):
        parts.append(f'<p class="present-question">{_text(entry["question"])}</p>')
    simulations = entry.get("simulations") or []
    if simulations:
        parts.append('<ol class="present-simulators">')
        for sim in simulations:
            link = f"{url}#{html.escape(sim['anchor'])}"
            parts.append(f'<li><a href="{link}">{_text(sim["title"])}</a></li>')
        parts.append("</ol>")
    parts.append("</li>")
    return "".join(parts)


def index_page(folder: Path) -> str:
    """The index page's HTML (a Jinja template for Voilà: ``base_url`` is filled in per request)."""
    found = entries(folder)
    lang = next((e["language"] for e in found if e.get("language")), None) or language()
    items = "\n".join(_lesson_item(entry) for entry in found)
    title = _text(_("Service that earns loyalty: present view"))
    intro = _text(
        _(
            "Choose a lesson: each page holds all its simulators, each with its question for "
            "the room. Ask first, then move a slider; the answer button opens after a move."
        )
    )
    return f"""<!DOCTYPE html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:;base64,=">
<link rel="stylesheet" type="text/css" href="{{{{ base_url }}}}{CSS_PATH}">
</head>
<body class="present-index">
<main>
<h1>{title}</h1>
<p class="present-intro">{intro}</p>
<ol class="present-lessons">
{items}
</ol>
</main>
</body>
</html>
"""
