"""The template lesson: copy it to start a new lesson (``make lesson NAME=06_topic``).

It is a complete, working lesson in miniature (a pure model, one simulator, an analysis of the
town, one exercise of each kind, a manifest) with the notebook source
``notebooks/template/lesson_template.md``. It is not registered in :mod:`helpers.course`, so
learners never see it; the tests run it like a real lesson.
"""
