"""Notebook 03 · reputation: word of mouth on the town's network, the Bass model, the J-shape of
online reviews, refund or not, and the scenario drill.

Models (pure): :mod:`.network`, :mod:`.word_of_mouth`, :mod:`.bass`, :mod:`.reviews`,
:mod:`.recovery`. Simulators: :mod:`.simulators`, :mod:`.network_picture`,
:mod:`.recovery_simulators`. The town: :mod:`.in_town`, :mod:`.town_charts`. Tables for the
notebook's checked cells: :mod:`.tables`; exercises: :mod:`.questions`; manifest: :mod:`.lesson`.
"""
