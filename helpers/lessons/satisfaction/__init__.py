"""Lesson 01 · satisfaction (manifest in ``lesson.py``).

``model`` (moments → satisfaction), ``return_link`` (satisfaction → coming back; the sample town
uses both), ``experiments`` (questions asked of the model), ``tables`` (what the notebook shows),
``simulators``, ``in_town`` (the town's data), ``questions`` (exercises).
"""
