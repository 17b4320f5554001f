"""Extract every learner-facing string of ``helpers/`` into the translators' template.

Strings are marked in the code with ``_()``, ``ngettext()`` and ``N_()`` (:mod:`helpers.i18n`).
``make strings`` (or ``python tools/strings.py``) writes ``helpers/locale/course.pot``; translators
copy it to ``helpers/locale/<language>/LC_MESSAGES/course.po`` and fill in the translations. The
template carries no creation date, so extracting twice gives the same file; a test checks that the
committed template lists exactly the strings the code marks.

Notebook text is not here: it lives in the MyST sources (``notebooks/src``), whose Markdown cells a
later step can extract the same way.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import write_po

from helpers import PROJECT_DIR
from helpers.i18n import DOMAIN, LOCALE_DIR

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extract(root: Path = PROJECT_DIR / "helpers") -> Catalog:
    """A catalog of every marked string under ``root``, with where each one is used."""
    catalog = Catalog(project="Service that earns loyalty", domain=DOMAIN, fuzzy=False)
    keywords = {name: DEFAULT_KEYWORDS.get(name, spec) for name, spec in KEYWORDS.items()}
    for filename, lineno, message, comments, context in extract_from_dir(
        root, method_map=[("**.py", "python")], keywords=keywords
    ):
        location = (f"helpers/{Path(filename).as_posix()}", lineno)
        catalog.add(message, locations=[location], auto_comments=comments, context=context)
    return catalog


def template_text(catalog: Catalog) -> str:
    """The ``.pot`` text of a catalog, without dates (stable from one run to the next)."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, omit_header=True, sort_output=True, width=100)
    return buffer.getvalue().decode("utf-8")


def main() -> int:
    catalog = extract()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_text(template_text(catalog), encoding="utf-8")
    print(f"{TEMPLATE.relative_to(PROJECT_DIR)}: {len(catalog)} strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
