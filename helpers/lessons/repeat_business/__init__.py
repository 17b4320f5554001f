"""Lesson 02 · repeat business (manifest in ``lesson.py``).

``two_shops`` (each month every household picks a shop, or neither, from what it remembers),
``value`` (what a returning customer is worth: this year's margin plus the CLV formula's future
margin), ``tenure`` (why retention seems to grow with time: the shifted-beta-geometric model, its
fit, and what it does to a customer's worth), ``follow_up`` (a call after a big purchase, and what
a simple comparison shows), ``counting`` (who will come back: the BG/NBD model), ``values``
(reading slider values), ``tables`` (what the notebook shows), ``simulators``, ``in_town``,
``town_calls`` and ``town_charts`` (the town's data), ``questions`` (exercises).
"""
