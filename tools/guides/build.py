"""Which files ``make guides`` writes, and writing them: HTML and README always, PDF on request.

Every notebook with a text source in ``notebooks/src`` gets a trainer guide and a handout, so a new
lesson is picked up with no change here.
"""

from __future__ import annotations

from pathlib import Path

from helpers import PROJECT_DIR
from tools.guides.content import Guide, gather
from tools.guides.handout import handout
from tools.guides.page import title_of
from tools.guides.pdf import print_pdf, read_title
from tools.guides.readme import readme
from tools.guides.trainer import trainer_guide
from tools.notebooks import sources

GUIDES_DIR = PROJECT_DIR / "docs" / "guides"
TRAINER, HANDOUT = "trainer-guide", "handout"


def guides() -> list[Guide]:
    """The guide content of every notebook, in course order."""
    return [gather(source) for source in sources()]


def html_name(stem: str, kind: str) -> str:
    """ "01_satisfaction-trainer-guide.html" and the like."""
    return f"{stem}-{kind}.html"


def expected_files(found: list[Guide] | None = None) -> dict[Path, str]:
    """Every text file the guides consist of, with the content the generator gives now."""
    found = guides() if found is None else found
    files: dict[Path, str] = {}
    for guide in found:
        files[GUIDES_DIR / html_name(guide.stem, TRAINER)] = trainer_guide(guide)
        files[GUIDES_DIR / html_name(guide.stem, HANDOUT)] = handout(guide)
    files[GUIDES_DIR / "README.md"] = readme(found)
    return files


def write_html(found: list[Guide]) -> list[Path]:
    """Write the HTML guides and the README; return the files whose content changed."""
    GUIDES_DIR.mkdir(parents=True, exist_ok=True)
    changed = []
    for path, content in expected_files(found).items():
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8", newline="\n")
            changed.append(path)
    return changed


def stale_pdfs() -> list[Path]:
    """PDFs missing, or printed from HTML other than the HTML now in ``docs/guides``."""
    stale = []
    for html in sorted(GUIDES_DIR.glob("*.html")):
        pdf = html.with_suffix(".pdf")
        if not pdf.exists() or read_title(pdf) != title_of_page(html):
            stale.append(pdf)
    return stale


def title_of_page(html: Path) -> str:
    """The full ``<title>`` of a guide page, fingerprint included (what the PDF must carry)."""
    title, fingerprint = title_of(html.read_text(encoding="utf-8"))
    return f"{title} · {fingerprint}"


def write_pdfs(force: bool = False) -> list[Path]:
    """Print every stale PDF (every PDF with ``force``); return the PDFs printed."""
    everything = [html.with_suffix(".pdf") for html in sorted(GUIDES_DIR.glob("*.html"))]
    targets = everything if force else stale_pdfs()
    jobs = [(pdf.with_suffix(".html"), pdf, _footer(pdf)) for pdf in targets]
    if jobs:
        print_pdf(jobs)
    return targets


def _footer(pdf: Path) -> str:
    """The footer name of a trainer guide ("" for a one-page handout: no footer)."""
    if not pdf.stem.endswith(TRAINER):
        return ""
    title, _fingerprint = title_of(pdf.with_suffix(".html").read_text(encoding="utf-8"))
    return title.replace("&", "&amp;").replace("<", "&lt;")
