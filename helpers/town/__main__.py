"""``python -m helpers.town [--out DIR] [--seed N]``: rebuild the sample town's data files."""

from helpers.town.files import main

raise SystemExit(main())
