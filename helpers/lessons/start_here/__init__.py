"""Lesson 00 · start here: fix the problem, keep the customer (manifest in ``lesson.py``)."""
