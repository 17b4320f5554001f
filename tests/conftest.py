"""Shared test set-up: the whole run, notebooks included, must leave data/ exactly as it was."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers import DATA_DIR, i18n
from helpers.exercises.saved import ENVIRONMENT

# The exercises' progress file of this test run (notebooks run by nbval and the browser tests'
# kernels inherit it): a test run never writes into a learner's notebooks/.progress.json.
os.environ.setdefault(
    ENVIRONMENT, str(Path(tempfile.mkdtemp(prefix="loyalty-progress-")) / ".progress.json")
)


def _fingerprint() -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(DATA_DIR.glob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session", autouse=True)
def data_folder_is_left_untouched() -> Iterator[None]:
    """Notebooks and tests read data/ and never write into it."""
    before = _fingerprint()
    yield
    after = _fingerprint()
    changed = sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )
    assert not changed, f"The test run changed data/: {', '.join(changed)}"


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


Translations = dict[str | tuple[str, str], str | tuple[str, str]]


@pytest.fixture
def pretend_language(tmp_path: Path) -> Iterator[Callable[[Translations], None]]:
    """Switch to a made-up language whose catalog holds only the given translations.

    Call it with ``{english: translation}``, and ``{(singular, plural): (one, many)}`` for a
    message with plural forms. English comes back when the test ends.
    """

    def use(translations: Translations) -> None:
        lines = ['msgid ""', 'msgstr ""', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', ""]
        for english, there in translations.items():
            if isinstance(english, str) and isinstance(there, str):
                lines += [f"msgid {_po_string(english)}", f"msgstr {_po_string(there)}"]
            else:
                lines += [
                    f"msgid {_po_string(english[0])}",
                    f"msgid_plural {_po_string(english[1])}",
                ]
                lines += [f"msgstr[{n}] {_po_string(text)}" for n, text in enumerate(there)]
            lines.append("")
        messages = tmp_path / "locale" / "xx" / "LC_MESSAGES"
        messages.mkdir(parents=True, exist_ok=True)
        (messages / "course.po").write_text("\n".join(lines), encoding="utf-8")
        i18n.set_language("xx", tmp_path / "locale")

    yield use
    i18n.set_language(None)
