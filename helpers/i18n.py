"""The one translation function for every learner-facing string that ``helpers/`` produces.

English is the source language: the code holds English strings and wraps each in :func:`_` (or
:func:`ngettext` where the words depend on a count). Other languages come from gettext catalogs,
``helpers/locale/<language>/LC_MESSAGES/course.po``; ``make strings`` extracts every wrapped string
into the template ``helpers/locale/course.pot`` for translators.

Strings built when a module is imported (slider labels in a table of parameters, say) are marked
with :func:`N_` and translated where they are shown, so a language chosen later still applies.

Choose the language with the environment variable ``LOYALTY_COURSE_LANGUAGE`` (read once, at
import) or with :func:`set_language` in a notebook.

Placeholders use ``str.format`` names, never f-strings, so the translator sees them::

    _("Only {count} customers came back.").format(count=12)
"""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path

DOMAIN = "course"
LOCALE_DIR = Path(__file__).with_name("locale")
ENVIRONMENT_VARIABLE = "LOYALTY_COURSE_LANGUAGE"
SOURCE_LANGUAGE = "en"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def _catalog(language: str, folder: Path) -> gettext.NullTranslations:
    """The compiled catalog of ``language`` from ``folder`` (a ``.mo``, or a ``.po`` read now)."""
    messages = Path(folder) / language / "LC_MESSAGES"
    compiled = messages / f"{DOMAIN}.mo"
    if compiled.is_file():
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    source = messages / f"{DOMAIN}.po"
    if not source.is_file():
        raise LookupError(
            f"There is no translation of the course into '{language}': {source} does not exist."
        )
    # Compile in memory: the repository keeps text catalogs only.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(language: str | None = None, folder: Path = LOCALE_DIR) -> str:
    """Show learner-facing strings in ``language`` (``None`` or ``"en"``: English, the source).

    Returns the language now in use. Raises :class:`LookupError` if there is no catalog for it.
    """
    global _translations, _language
    if language in (None, "", SOURCE_LANGUAGE):
        _translations, _language = gettext.NullTranslations(), SOURCE_LANGUAGE
    else:
        _translations, _language = _catalog(language, folder), language
    return _language


def language() -> str:
    """The language learner-facing strings are shown in."""
    return _language


def _(message: str) -> str:
    """``message`` in the course's current language (English if it has no translation)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language.

    ``ngettext("{n} hint", "{n} hints", n).format(n=n)``: languages with other plural rules
    (several forms, or one) get theirs from their catalog.
    """
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (translate it where shown)."""
    return message


set_language(os.environ.get(ENVIRONMENT_VARIABLE) or None)
