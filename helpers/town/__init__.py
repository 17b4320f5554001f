"""Generate the sample town: two shops, their staff and customers, 24 months of history.

A seeded causal model whose effects the notebooks rediscover:

staff (engagement, training) → each visit's experience (courtesy, answers, fixes, wait, warmth)
→ satisfaction 1-5 (bad moments weigh more than good ones) → coming back next month (a logistic
link steepest at the top, moved by the customer's own interest) → word of mouth along
friends-and-family ties and online reviews → new customers. Around that: complaints (most unhappy
customers never complain), generous or stingy resolution, follow-up calls after big purchases,
surveys whose non-response depends on satisfaction, reviews with the shops' replies.

The planted effect sizes live in :data:`TRUE_EFFECTS`; tests and the data dictionary
(data/README.md, written by :func:`write_town`) read them from there.

One module per step of the causal chain:

- :mod:`~helpers.town.effects`: the planted effects and the shops' policies;
- :mod:`~helpers.town.people`: staff, residents, the customers already there in 2024;
- :mod:`~helpers.town.network`: friends-and-family ties;
- every month, in this order (:data:`~helpers.town.simulation.MONTHLY_STEPS`):
  :mod:`~helpers.town.arrivals` (who comes in, to which shop), :mod:`~helpers.town.service`
  (who serves, what happens; what is bought), :mod:`~helpers.town.satisfaction` (how it felt; the
  chance of coming back), :mod:`~helpers.town.complaints`, :mod:`~helpers.town.follow_ups`,
  :mod:`~helpers.town.surveys`, :mod:`~helpers.town.reviews`, :mod:`~helpers.town.word_of_mouth`.

The steps pass a typed state along (:mod:`~helpers.town.state`); :mod:`~helpers.town.tables`
turns it into the tables, :mod:`~helpers.town.csv_text` into the exact CSV text,
:mod:`~helpers.town.readme` into the data dictionary with its answer key
(:mod:`~helpers.town.measure`), :mod:`~helpers.town.files` writes them all.

Run ``python -m helpers.town`` to rebuild data/ exactly (``--out DIR`` to write elsewhere).

Random streams: every step draws from its own stream, keyed by the seed and the step's name
(:mod:`~helpers.town.streams`), never from another step's. So, for future authors:

- **Add a step: give it a new name; never reorder.** A new name is a new stream, so the steps
  already there draw exactly what they drew before, and every table that does not depend on the
  new step stays byte for byte the same (``tests/test_town_streams.py`` proves it with an extra
  step that writes an extra table). Put it where its inputs are ready; do not move the others:
  a step reads what the steps before it filled in.
- **Never rename a step or reuse a name**: a step's name is its stream (``simulate`` refuses two
  steps with one name).
- Changing what one step draws changes that step's own output (and whatever reads it), nothing
  else. Rebuild data/ afterwards; the answer key follows.
- A step records its events with ``state.record(table, ...)``; a new table also needs a schema
  (:data:`helpers.data.SCHEMAS`) and a builder in :mod:`~helpers.town.tables` to reach data/.
"""

from __future__ import annotations

from helpers.town.csv_text import build_town, town_csv_text
from helpers.town.effects import (
    SHOPS,
    TRUE_EFFECTS,
    ShopPolicy,
    TrueEffects,
    return_chance,
)
from helpers.town.files import main, write_town
from helpers.town.history import FIRST_DAY, LAST_DAY
from helpers.town.measure import measure_effects
from helpers.town.readme import render_readme
from helpers.town.streams import DEFAULT_SEED

__all__ = [
    "DEFAULT_SEED",
    "FIRST_DAY",
    "LAST_DAY",
    "SHOPS",
    "TRUE_EFFECTS",
    "ShopPolicy",
    "TrueEffects",
    "build_town",
    "main",
    "measure_effects",
    "render_readme",
    "return_chance",
    "town_csv_text",
    "write_town",
]
