"""Translatable strings: the template is complete, and a catalog changes what a learner sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from helpers import i18n
from helpers.data import DataFileError, load_table
from helpers.lessons.satisfaction.simulators import satisfaction_simulator
from tools.strings import TEMPLATE, extract


def _ids(catalog) -> set:
    return {message.id for message in catalog if message.id}


def test_the_template_lists_exactly_the_marked_strings():
    with TEMPLATE.open("rb") as handle:
        committed = _ids(read_po(handle))
    assert committed == _ids(extract()), "strings changed: run `make strings`"


def test_the_template_has_the_learner_facing_kinds_of_string():
    ids = {m if isinstance(m, str) else m[0] for m in _ids(extract())}
    for sample in (
        "Problems fixed (%)",  # a slider label (N_ at import, _ where shown)
        "How satisfied are our customers, and who comes back?",  # a chart title
        "{name} must be between {low} and {high}, but it is {value}.",  # a parameter error
        "Fix the problem, keep the customer",  # a present-view title
    ):
        assert sample in ids, sample


@pytest.fixture
def every_string_translated(tmp_path: Path):
    """A made-up language 'xx' in which every marked string reads '⟦xx⟧ ' + the English."""
    catalog = extract()
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(f"⟦xx⟧ {form}" for form in message.id)
        else:
            message.string = f"⟦xx⟧ {message.id}"
    folder = tmp_path / "locale" / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    from babel.messages.pofile import write_po

    with (folder / "course.po").open("wb") as handle:
        write_po(handle, catalog)
    i18n.set_language("xx", tmp_path / "locale")
    yield
    i18n.set_language(None)


def test_a_catalog_changes_the_simulators(every_string_translated):
    sim = satisfaction_simulator()
    assert sim.figure.layout.title.text.startswith("⟦xx⟧ ")
    assert sim.controls["problems_fixed"].description == "⟦xx⟧ Problems fixed (%)"
    assert "⟦xx⟧" in sim.caption.value


def test_a_catalog_changes_data_error_messages(every_string_translated, tmp_path: Path):
    (tmp_path / "shops.csv").write_text("shop_id,name\nSH1,Riverside\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_table("shops", tmp_path)
    assert "⟦xx⟧" in str(caught.value)


def test_a_catalog_changes_parameter_errors(every_string_translated):
    from helpers.lessons.satisfaction.model import simulate

    with pytest.raises(ValueError, match="⟦xx⟧"):
        simulate(problems_fixed=120)


def test_english_is_the_default_and_unknown_languages_are_explained():
    assert i18n.language() == "en"
    assert i18n._("Problems fixed (%)") == "Problems fixed (%)"
    with pytest.raises(LookupError, match="no translation of the course into 'zz'"):
        i18n.set_language("zz")
    assert i18n.language() == "en"
