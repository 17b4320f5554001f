"""The learner handout: one page with the objectives, the key takeaways and the exercises, with
no answers (no solution, hint, expected value or correct option: the tests check)."""

from __future__ import annotations

from helpers.i18n import _
from tools.guides.content import OBJECTIVES, TAKEAWAYS, Guide
from tools.guides.page import STYLE, document, escape, inline, markdown

# A handout must fit one sheet: tighter spacing, two columns for the two lists, 11 pt in print.
HANDOUT_STYLE = (
    STYLE
    + """
.handout h1 { font-size: 17pt; }
.handout h2 { font-size: 12.5pt; margin: 0.7em 0 0.3em; }
.handout .question { margin-bottom: 0.2em; }
.handout .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2em; }
.handout li, .handout p { margin: 0.1em 0; }
.handout ol.exercises li { margin: 0.25em 0; }
@media print {
  @page { margin: 11mm 12mm 13mm; }
  .handout { font-size: 11pt; line-height: 1.2; }
  .handout h1 { font-size: 15pt; }
  .handout h2 { font-size: 12pt; margin: 0.4em 0 0.15em; }
  .handout ol.exercises li { margin: 0.15em 0; }
}
"""
)


def handout(guide: Guide) -> str:
    """The one-page learner handout as HTML."""
    header = (
        f'<header>\n<p class="kicker">{escape(_("Handout"))} · {escape(guide.stem)}</p>\n'
        f"<h1>{escape(guide.name)}</h1>\n"
        f'<p class="question">{inline(guide.question)}</p>\n</header>'
    )
    columns = (
        '<div class="columns">\n'
        f"<section><h2>{escape(_('What you will learn'))}</h2>"
        f"{markdown(guide.body(OBJECTIVES))}</section>\n"
        f"<section><h2>{escape(_('Key takeaways'))}</h2>{markdown(guide.body(TAKEAWAYS))}"
        "</section>\n</div>"
    )
    body = (
        '<body class="handout">\n<main>\n'
        f"{header}\n{columns}\n{_exercises(guide)}\n</main>\n</body>"
    )
    return document(f"{guide.name} · {_('handout')}", body, style=HANDOUT_STYLE)


def _exercises(guide: Guide) -> str:
    if not guide.answers:
        return ""
    items = []
    for answer in guide.answers:
        # The question only: the options of a choice question would list its answer among them.
        where = ""
        if answer.section and not answer.section.startswith(_("Exercises")):
            where = (
                f' <span class="muted">({escape(_("in"))} <em>{escape(answer.section)}</em>)</span>'
            )
        items.append(f'<li value="{escape(answer.number)}">{inline(answer.prompt)}{where}</li>')
    intro = _(
        "Answer them in the notebook: each one checks your answer and has hints before the "
        "solution."
    )
    return (
        f"<section><h2>{escape(_('Exercises'))}</h2><p>{escape(intro)}</p>"
        f'<ol class="exercises">{"".join(items)}</ol></section>'
    )
