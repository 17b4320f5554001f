"""``docs/guides/README.md``: what the guides are, how to read them, how to rebuild them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tools.guides.routes import RULE

if TYPE_CHECKING:
    from tools.guides.content import Guide

_INTRO = """# Trainer guides and learner handouts

Printable material for every notebook of the course, generated from the notebooks' text sources
(`notebooks/src/*.md`: the trainer notes of each section), the lesson manifests
(`helpers/course.py`: simulators, exercises) and the exercise engine (the answers). Do not edit
these files by hand: change the notebook source or the manifest, then rebuild.

Each notebook has two documents, as HTML (open it in any browser; it needs nothing else) and as a
PDF printed from that HTML:

- the **trainer guide**: the notebook's question and learning objectives, its total time, a
  60-minute and a 90-minute route, then section by section what to ask the room, the common
  misconceptions, what to do if something goes wrong, the short-class advice and the simulators
  shown there (question for the room, what it should see, takeaway); then every exercise with its
  answer as the exercise engine computes it, the discussion questions and the key takeaways;
- the **learner handout**: one page with the objectives, the key takeaways and the exercises,
  without answers, to hand out or to give to someone working alone.
"""

_HOW = """
## How to read a guide

Before the class, read the route table and pick the column for the time you have: it says, for
every section, whether to keep it, shorten it (to how many minutes) or cut it. Then follow
*Section by section* in notebook order: each section gives its time, the question to ask the room
before anyone touches a slider, the misconceptions to expect, what to do if something goes wrong,
and, in a box, each simulator shown there with what the room should see and the one sentence to
remember. *Exercises and answers* gives every answer as the notebook's own check computes it, with
what to say to each wrong choice. The handout goes to learners (it holds no answers).

## How to read the routes

{rule}

Each route lists every section with its status (keep, shorten, cut, or not timed) and its
minutes, and shows its total; a route over its budget says so in red (and in words). The guide
ends with *Notes on the trainer notes* when something in a notebook's notes did not parse.

## How to rebuild

    make guides

writes the HTML and this README, then prints to PDF with Playwright and the system's Chromium
(`/usr/bin/chromium`) only the PDFs whose HTML changed. Without a browser,
`python -m tools.guides html` writes the HTML alone and `python -m tools.guides check` says what is
out of date. Commit the HTML and the PDF together.

The HTML is deterministic (no dates): the tests (`tests/test_guides.py`) rebuild it and compare it
with the files here, so a guide can never drift from its notebook. Each page's `<title>` ends with
a fingerprint of the page; Chromium copies the title into the PDF's /Title, and the tests check
that each PDF carries the fingerprint of the HTML committed beside it.
"""


def readme(found: list[Guide]) -> str:
    """The README's Markdown, listing every guide and handout."""
    rows = ["| notebook | trainer guide | learner handout |", "|---|---|---|"]
    for guide in found:
        links = [
            f"[HTML]({guide.stem}-{kind}.html) · [PDF]({guide.stem}-{kind}.pdf)"
            for kind in ("trainer-guide", "handout")
        ]
        rows.append(f"| {guide.name} | {links[0]} | {links[1]} |")
    table = "\n## The files\n\n" + "\n".join(rows) + "\n"
    return _INTRO + table + _HOW.format(rule=RULE)
