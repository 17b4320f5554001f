"""Print the guides to PDF with Playwright and the system's Chromium, and read a PDF's /Title.

Printing needs a browser; reading the title does not (the tests only read), so Playwright is
imported where it prints. Chromium writes the HTML ``<title>`` into the PDF's information
dictionary, which is how a PDF is matched to the HTML it was printed from.
"""

from __future__ import annotations

import re
from pathlib import Path

_INFO_REFERENCE = re.compile(rb"/Info\s+(\d+)\s+(\d+)\s+R")
_TITLE = re.compile(rb"/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))", re.DOTALL)
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

#: A footer with page numbers for the longer guide (Chromium fills the classed spans in).
FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#444;'
    'font-family:Arial,sans-serif">{name} · page <span class="pageNumber"></span> of '
    '<span class="totalPages"></span></div>'
)


def print_pdf(jobs: list[tuple[Path, Path, str]]) -> None:
    """Print each ``(html, pdf, footer name)``; an empty footer name prints no footer."""
    from playwright.sync_api import sync_playwright

    from tools.browser import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page()
            for html, pdf, footer in jobs:
                page.goto(html.resolve().as_uri(), wait_until="load")
                page.pdf(
                    path=str(pdf),
                    prefer_css_page_size=True,
                    print_background=True,
                    tagged=True,  # headings and lists reach screen readers
                    outline=True,  # the headings become PDF bookmarks
                    display_header_footer=bool(footer),
                    header_template="<span></span>",
                    footer_template=FOOTER.format(name=footer) if footer else "<span></span>",
                )
        finally:
            browser.close()


def pdf_title(data: bytes) -> str:
    """The /Title of a PDF's information dictionary ("" when there is none)."""
    references = _INFO_REFERENCE.findall(data)
    if not references:
        return ""
    number, generation = references[-1]  # the last trailer wins (incremental updates)
    start = re.search(rb"(?<!\d)%s\s+%s\s+obj\b" % (number, generation), data)
    if not start:
        return ""
    end = data.find(b"endobj", start.end())
    found = _TITLE.search(data, start.end(), end)
    return _decode(found.group(1)) if found else ""


def page_count(data: bytes) -> int:
    """How many pages a PDF has (page objects, not the /Pages tree nodes)."""
    return len(_PAGE.findall(data))


def _decode(token: bytes) -> str:
    """A PDF text string: hex or literal, UTF-16 with a byte-order mark, or PDFDocEncoding."""
    if token.startswith(b"<"):
        raw = bytes.fromhex(re.sub(rb"\s", b"", token[1:-1]).decode("ascii"))
    else:
        raw = _unescape(token[1:-1])
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be")
    return raw.decode("latin-1")  # close enough to PDFDocEncoding for a title


def _unescape(literal: bytes) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        code = match.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8) & 0xFF])
        return _ESCAPES.get(code, code)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, literal, flags=re.DOTALL)


def read_title(path: Path) -> str:
    """The /Title of the PDF file at ``path``."""
    return pdf_title(path.read_bytes())
