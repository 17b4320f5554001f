"""The printed page: Markdown to HTML, the shared style sheet, and the fingerprinted document.

Every document is one self-contained HTML file (inline CSS, no fonts, scripts or images fetched
from anywhere), deterministic (no dates), with a short fingerprint of its own bytes in its
``<title>``. Chromium copies the title into the PDF's /Title, so a PDF printed from an older HTML
is told apart by comparing one field (:func:`fingerprint_of`, :mod:`tools.guides.pdf`).
"""

from __future__ import annotations

import hashlib
import html
import re

from markdown_it import MarkdownIt

#: Stands in for the fingerprint while it is computed (the hash covers everything else).
_MARK = "@@fingerprint@@"
_TITLE = re.compile(r"<title>(?P<text>.*?) · (?P<fingerprint>[0-9a-f]{12})</title>")
FINGERPRINT_LENGTH = 12

# CommonMark and tables, raw HTML escaped: the notebooks' text is trusted, but the trainer notes
# block itself is HTML and must never leak into a page half-parsed.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")

STYLE = """
@page { size: A4; margin: 15mm 15mm 17mm; }
* { box-sizing: border-box; }
html { color: #1b1b1b; background: #fff; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans",
  sans-serif; font-size: 12.5pt; line-height: 1.45; max-width: 48rem; margin: 2rem auto;
  padding: 0 1rem; }
h1, h2, h3, h4 { line-height: 1.2; color: #13324d; break-after: avoid; }
h1 { font-size: 21pt; margin: 0.1em 0 0.2em; }
h2 { font-size: 15pt; margin: 1.4em 0 0.5em; padding-bottom: 0.15em;
  border-bottom: 2px solid #13324d; }
h3 { font-size: 12.5pt; margin: 1.1em 0 0.35em; }
p, ul, ol, dl { margin: 0.35em 0; }
ul, ol { padding-left: 1.4em; }
li { margin: 0.15em 0; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.92em;
  background: #f1f1f1; padding: 0 0.2em; border-radius: 3px; }
pre { background: #f4f4f4; padding: 0.5em 0.7em; white-space: pre-wrap; font-size: 0.9em; }
table { border-collapse: collapse; margin: 0.5em 0; width: 100%; }
th, td { border: 1px solid #9aa7b4; padding: 0.25em 0.5em; text-align: left;
  vertical-align: top; }
th { background: #e8eef4; }
td.num, th.num { text-align: right; white-space: nowrap; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8em; color: #4a5a6a;
  margin: 0; }
.question { font-size: 1.15em; font-style: italic; margin: 0.2em 0 0.6em; }
.meta { color: #333; }
.flag { font-weight: 700; color: #8b1a1a; }
.ok { font-weight: 700; color: #1d5b2c; }
.status-cut { color: #8b1a1a; }
.status-shorten { color: #7a4b00; }
.muted { color: #555; }
dl.notes { margin: 0.4em 0; }
dl.notes > div { display: grid; grid-template-columns: 10.5em 1fr; gap: 0 0.8em;
  padding: 0.2em 0; border-top: 1px solid #dde3ea; break-inside: avoid; }
dl.notes dt { font-weight: 700; }
dl.notes dd { margin: 0; }
.box { border-left: 4px solid #13324d; background: #f2f5f8; padding: 0.4em 0.8em;
  margin: 0.6em 0; break-inside: avoid; }
.box h4 { margin: 0 0 0.2em; font-size: 1em; }
article { break-inside: auto; }
.correct { font-weight: 700; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"""


def markdown(text: str) -> str:
    """Block Markdown (paragraphs, lists, tables) as HTML."""
    return _MARKDOWN.render(text).strip()


def inline(text: str) -> str:
    """One line of Markdown (bold, italics, code) as HTML, without a paragraph around it."""
    return _MARKDOWN.renderInline(" ".join(text.split()))


def escape(text: str) -> str:
    """Plain text made safe for HTML."""
    return html.escape(text, quote=True)


def document(title: str, body: str, style: str = STYLE, lang: str = "en") -> str:
    """A complete HTML page whose ``<title>`` ends with the fingerprint of the page itself."""
    draft = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} · {_MARK}</title>\n<style>{style}</style>\n</head>\n"
        f"{body}\n</html>\n"
    )
    return draft.replace(_MARK, _digest(draft), 1)


def _digest(draft: str) -> str:
    return hashlib.sha256(draft.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def title_of(page: str) -> tuple[str, str]:
    """The title text of a page made by :func:`document`, and the fingerprint it carries."""
    found = _TITLE.search(page)
    if not found:
        raise ValueError("this page has no fingerprinted <title>")
    return html.unescape(found["text"]), found["fingerprint"]


def fingerprint_of(page: str) -> str:
    """The fingerprint the page's own bytes give (equal to its title's unless it was edited)."""
    _text, carried = title_of(page)
    return _digest(page.replace(f" · {carried}</title>", f" · {_MARK}</title>", 1))
