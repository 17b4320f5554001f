"""Printable trainer kit: for every notebook, a trainer guide and a one-page learner handout.

    python -m tools.guides          # HTML + README, then the PDFs whose HTML changed (make guides)
    python -m tools.guides html     # HTML + README only (no browser needed)
    python -m tools.guides pdf      # print the stale PDFs (--force: all of them)
    python -m tools.guides check    # exit 1 if any file in docs/guides is out of date

Modules: ``notebook`` (reads a text source: sections, trainer notes, code), ``routes`` (the 60-
and 90-minute routes and their rule), ``answers`` (each exercise's answer from the engine),
``content`` (one guide's content and the problems found), ``page`` (Markdown, style sheet,
fingerprinted HTML), ``trainer`` and ``handout`` (the two documents), ``readme``, ``pdf``
(printing, and reading a PDF's /Title) and ``build`` (which files, and writing them).
"""
