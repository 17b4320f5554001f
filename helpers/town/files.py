"""Write the town into a folder: every CSV file and the data dictionary (README.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from helpers import DATA_DIR
from helpers.data import SCHEMAS
from helpers.i18n import _
from helpers.town.csv_text import parse_texts, town_csv_text
from helpers.town.readme import render_readme
from helpers.town.streams import DEFAULT_SEED


def write_town(folder: Path = DATA_DIR, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write every CSV file and the data dictionary (README.md) into ``folder``.

    Returns the paths written. Files are written with "\\n" line ends so the bytes are the same
    on every machine.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    texts = town_csv_text(seed)
    tables = parse_texts(texts)
    written = []
    sizes = {}
    for name, text in texts.items():
        path = folder / SCHEMAS[name].file
        data = text.encode("utf-8")
        path.write_bytes(data)
        sizes[name] = len(data)
        written.append(path)
    readme = folder / "README.md"
    readme.write_bytes(render_readme(tables, sizes).encode("utf-8"))
    written.append(readme)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m helpers.town [--out DIR] [--seed N]``."""
    parser = argparse.ArgumentParser(description=_("Rebuild the sample town's data files."))
    parser.add_argument("--out", type=Path, default=DATA_DIR, help=_("folder to write (data/)"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=_("random seed"))
    args = parser.parse_args(argv)
    paths = write_town(args.out, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(
        _("Wrote {count} files ({megabytes:.1f} MB) to {folder}").format(
            count=len(paths), megabytes=total / 1e6, folder=args.out
        )
    )
    return 0
