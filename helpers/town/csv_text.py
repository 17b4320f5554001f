"""The exact text of the CSV files, and reading it back the way the loaders do.

Every cell is formatted here with fixed rules (dates ``YYYY-MM-DD``, yes/no words, fixed decimals),
so the bytes are the same on every machine and :func:`build_town` types the tables exactly as
:func:`helpers.data.load_town` does.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from helpers.data import FALSE_WORD, SCHEMAS, TRUE_WORD, check_keys, parse_table
from helpers.town.simulation import simulate
from helpers.town.streams import DEFAULT_SEED
from helpers.town.tables import raw_tables

#: Decimals written for float columns (fixed, so the bytes are the same on every machine).
_DECIMALS = {"amount": 2, "interest": 2}


def _cell_text(values: pd.Series, kind: str, name: str) -> list[str]:
    """Format one column's cells as CSV text (empty cell = missing)."""
    out: list[str] = []
    for x in values.tolist():
        if x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and np.isnan(x)):
            out.append("")
        elif kind == "date":
            out.append(str(np.datetime64(x, "D")))
        elif kind == "bool":
            out.append(TRUE_WORD if x else FALSE_WORD)
        elif kind == "int":
            out.append(str(int(x)))
        elif kind == "float":
            out.append(f"{float(x):.{_DECIMALS.get(name, 2)}f}")
        else:
            out.append(str(x))
    return out


def csv_texts(raw: dict[str, pd.DataFrame]) -> dict[str, str]:
    """The CSV text of every table in :data:`helpers.data.SCHEMAS`, keyed by table name."""
    texts = {}
    for name, table in SCHEMAS.items():
        frame = raw[name]
        cells = pd.DataFrame(
            {c.name: _cell_text(frame[c.name], c.kind, c.name) for c in table.columns}
        )
        texts[name] = cells.to_csv(index=False, lineterminator="\n")
    return texts


def town_csv_text(seed: int = DEFAULT_SEED) -> dict[str, str]:
    """The exact text of every CSV file for this seed, keyed by table name."""
    return csv_texts(raw_tables(simulate(seed)))


def parse_texts(texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Read CSV texts back through the loaders' schema, so generator and loaders agree exactly."""
    tables = {}
    for name, text in texts.items():
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False)
        tables[name] = parse_table(name, raw)
    check_keys(tables)
    return tables


def build_town(seed: int = DEFAULT_SEED) -> dict[str, pd.DataFrame]:
    """Generate the town for a seed: every table, typed exactly as :func:`helpers.data.load_town`
    returns it."""
    return parse_texts(town_csv_text(seed))
