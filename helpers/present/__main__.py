"""``python -m helpers.present``: see :mod:`helpers.present.cli`."""

from helpers.present.cli import main

raise SystemExit(main())
