"""The sample town's data (the CSV files in data/): what each column means, and its loaders.

* :mod:`helpers.data.columns` says what a column is (:class:`Column`, :class:`Table`);
  :mod:`helpers.data.schemas` holds :data:`SCHEMAS`, the one description of every column (meaning,
  type, unit, allowed values). It drives the checks below, the generator's column order
  (:mod:`helpers.town`) and the data dictionary (data/README.md).
* :mod:`helpers.data.loaders`: ``load_visits()`` and friends return typed DataFrames and raise
  :class:`DataFileError` in plain words when a file does not match its schema
  (:mod:`helpers.data.validation` checks them with pandera).
* :mod:`helpers.data.months`: :func:`month_number` (months since January 2024) and
  :func:`returned_next_month`.
* :mod:`helpers.data.cache`: :func:`cached_table` (each table loaded once per session, for
  exercise checks) and :func:`shop_names`.

Everything is importable from ``helpers.data`` itself: ``from helpers.data import load_visits``.
"""

from helpers.data.cache import cached_table, shop_names
from helpers.data.columns import FALSE_WORD, TRUE_WORD, Column, Kind, Table
from helpers.data.loaders import (
    DataFileError,
    check_keys,
    load_complaints,
    load_customers,
    load_follow_ups,
    load_referrals,
    load_reviews,
    load_shops,
    load_staff,
    load_surveys,
    load_table,
    load_ties,
    load_town,
    load_visits,
    load_word_of_mouth,
    parse_table,
)
from helpers.data.months import month_number, returned_next_month
from helpers.data.schemas import SCHEMAS

__all__ = [
    "FALSE_WORD",
    "SCHEMAS",
    "TRUE_WORD",
    "Column",
    "DataFileError",
    "Kind",
    "Table",
    "cached_table",
    "check_keys",
    "load_complaints",
    "load_customers",
    "load_follow_ups",
    "load_referrals",
    "load_reviews",
    "load_shops",
    "load_staff",
    "load_surveys",
    "load_table",
    "load_ties",
    "load_town",
    "load_visits",
    "load_word_of_mouth",
    "month_number",
    "parse_table",
    "returned_next_month",
    "shop_names",
]
