"""The trainer guide as HTML: routes, section by section, exercises with answers, discussion."""

from __future__ import annotations

from helpers.i18n import _
from helpers.lessons import Simulation
from tools.guides.answers import Answer
from tools.guides.content import DISCUSSION, OBJECTIVES, TAKEAWAYS, Guide
from tools.guides.notebook import NOTE_LABELS, Section
from tools.guides.page import document, escape, inline, markdown
from tools.guides.routes import CUT, RULE, SHORTEN, Route, Stop

#: Sections whose text the guide prints in parts of its own (not again section by section).
_OWN_PARTS = (OBJECTIVES, DISCUSSION, TAKEAWAYS)


def trainer_guide(guide: Guide) -> str:
    """The whole trainer guide as one HTML page."""
    parts = [
        _header(guide),
        _part("objectives", "Learning objectives", markdown(guide.body(OBJECTIVES))),
        _part("routes", "Routes for a 60- and a 90-minute class", _routes(guide)),
        _part("sections", "Section by section", _sections(guide)),
        _part("exercises", "Exercises and answers", _exercises(guide.answers)),
        _part("discussion", "Discussion", markdown(guide.body(DISCUSSION))),
        _part("takeaways", "Key takeaways", markdown(guide.body(TAKEAWAYS))),
    ]
    if guide.problems:
        items = "".join(f"<li>{inline(p)}</li>" for p in guide.problems)
        note = "<p>What the guide could not read as the course's conventions expect.</p>"
        parts.append(_part("checks", "Notes on the trainer notes", f"{note}<ul>{items}</ul>"))
    body = '<body class="trainer-guide">\n<main>\n' + "\n".join(parts) + "\n</main>\n</body>"
    return document(f"{guide.name} · trainer guide", body)


def _part(anchor: str, heading: str, content: str) -> str:
    return f'<section id="{anchor}">\n<h2>{escape(heading)}</h2>\n{content}\n</section>'


def _header(guide: Guide) -> str:
    simulators = sum(len(sims) for sims in guide.simulations.values())
    counts = " · ".join(
        _count(n, word)
        for n, word in (
            (len(guide.notebook.sections), "section"),
            (simulators, "simulator"),
            (len(guide.answers), "exercise"),
        )
    )
    meta = (
        f"Total time: <strong>{guide.total} minutes</strong> (the sum of the sections' Time "
        f"lines) · {counts}"
    )
    return (
        f'<header>\n<p class="kicker">Trainer guide · notebook {escape(guide.stem)}</p>\n'
        f"<h1>{escape(guide.name)}</h1>\n"
        f'<p class="question">{inline(guide.question)}</p>\n<p class="meta">{meta}</p>\n</header>'
    )


def _count(number: int, word: str) -> str:
    return f"{number} {word}" + ("" if number == 1 else "s")


# -- routes ---------------------------------------------------------------------------------


def _routes(guide: Guide) -> str:
    rows = [
        f'<tr><td class="num">{i}</td><td>{escape(a.title)}</td>'
        f'<td class="num">{a.full or "–"}</td><td>{_cell(a)}</td><td>{_cell(b)}</td></tr>'
        for i, (a, b) in enumerate(zip(guide.short.stops, guide.long.stops, strict=True), 1)
    ]
    head = (
        '<tr><th class="num">#</th><th>Section</th><th class="num">Full (min)</th>'
        f"<th>{guide.short.budget}-minute route</th><th>{guide.long.budget}-minute route</th></tr>"
    )
    totals = (
        f'<tr><th></th><th>Total</th><th class="num">{guide.total}</th>'
        f"<th>{_total(guide.short)}</th><th>{_total(guide.long)}</th></tr>"
    )
    table = f'<table class="routes">\n{head}\n{"".join(rows)}\n{totals}\n</table>'
    return f'{table}\n{_verdicts(guide)}\n<p class="muted"><strong>The rule.</strong> {RULE}</p>'


def _cell(stop: Stop) -> str:
    """ "shorten · 7 min", with the word as well as the colour (it must read in greyscale)."""
    if stop.status == CUT:
        return '<span class="status-cut">cut</span>'
    if not stop.full and not stop.minutes:
        return f'<span class="muted">{escape(stop.status)}</span>'
    css = ' class="status-shorten"' if stop.status == SHORTEN else ""
    restored = " (restored)" if stop.restored else ""
    return f"<span{css}>{escape(stop.status)}</span> · {stop.minutes} min{restored}"


def _total(route: Route) -> str:
    return f"{route.total} of {route.budget} min"


def _verdicts(guide: Guide) -> str:
    lines = []
    for route in (guide.short, guide.long):
        if route.over:
            lines.append(
                f'<li><span class="flag">The {route.budget}-minute route is over budget by '
                f"{route.over} minutes</span> ({route.total} minutes): cut more on the day.</li>"
            )
        else:
            spare = route.budget - route.total
            lines.append(
                f'<li><span class="ok">The {route.budget}-minute route fits</span>: '
                f"{route.total} minutes, {spare} to spare for questions and a late start.</li>"
            )
    return f"<ul>{''.join(lines)}</ul>"


# -- section by section ---------------------------------------------------------------------


def _sections(guide: Guide) -> str:
    pairs = zip(guide.short.stops, guide.long.stops, strict=True)
    return "\n".join(
        _section(guide, index, section, short, long)
        for index, (section, (short, long)) in enumerate(
            zip(guide.notebook.sections, pairs, strict=True), 1
        )
    )


def _section(guide: Guide, index: int, section: Section, short: Stop, long: Stop) -> str:
    timing = (
        f"Full time {short.full} min · {guide.short.budget}-minute route: {_cell(short)} · "
        f"{guide.long.budget}-minute route: {_cell(long)}"
        if section.notes
        else "Not timed"
    )
    parts = [f"<h3>{index}. {escape(section.title)}</h3>", f'<p class="meta">{timing}</p>']
    parts.append(_notes(section))
    parts += [_simulation(s) for s in guide.simulations.get(section.title, ())]
    asked = [a for a in guide.answers if a.section == section.title]
    if asked:
        names = ", ".join(f"{a.number} ({escape(a.kind)})" for a in asked)
        parts.append(
            f"<p><strong>Exercises here:</strong> {names}: answers under "
            "<em>Exercises and answers</em>.</p>"
        )
    if not section.notes and section.title not in _OWN_PARTS:
        parts.append(markdown(section.body))
    return f'<article class="section">\n{"".join(parts)}\n</article>'


def _notes(section: Section) -> str:
    if not section.notes:
        return '<p class="muted">No trainer notes for this section: it is not timed.</p>'
    rows = [
        f"<div><dt>{escape(label)}</dt><dd>{inline(section.notes.get(key, '—'))}</dd></div>"
        for key, label in NOTE_LABELS.items()
    ]
    return f'<dl class="notes">{"".join(rows)}</dl>'


def _simulation(simulation: Simulation) -> str:
    rows = [
        ("Ask the room", simulation.question),
        ("What the room should see", simulation.expected),
        ("Takeaway", simulation.takeaway),
    ]
    items = "".join(
        f"<p><strong>{label}:</strong> {inline(_(value))}</p>" for label, value in rows if value
    )
    return (
        f'<div class="box simulator"><h4>Simulator: {inline(_(simulation.title))}</h4>{items}</div>'
    )


# -- exercises ------------------------------------------------------------------------------


def _exercises(found: tuple[Answer, ...]) -> str:
    if not found:
        return '<p class="muted">This notebook has no exercises.</p>'
    return "\n".join(_exercise(answer) for answer in found)


def _exercise(answer: Answer) -> str:
    where = f" · asked in <em>{escape(answer.section)}</em>" if answer.section else ""
    parts = [
        f"<h3>Exercise {escape(answer.number)} · {escape(answer.kind)}</h3>",
        f'<p class="meta">ex.{escape(answer.name)}{where}</p>',
        markdown(answer.prompt),
    ]
    if answer.options:
        parts.append(_options(answer))
    rows = [
        ("Answer", answer.answer),
        ("Also accepted", answer.accepted),
        ("Checked example", answer.example),
        ("Solution", answer.solution),
        ("Why it matters", answer.why),
    ]
    rows += [(f"If they pick {k})", text) for k, text in answer.explanations.items()]
    rows += [(f"Hint {i}", hint) for i, hint in enumerate(answer.hints, 1)]
    items = "".join(
        f"<div><dt>{escape(label)}</dt><dd>{_answer_text(value)}</dd></div>"
        for label, value in rows
        if value
    )
    return f'<article class="exercise">\n{"".join(parts)}<dl class="notes">{items}</dl>\n</article>'


def _options(answer: Answer) -> str:
    items = []
    for letter, text in answer.options.items():
        mark = ' class="correct"' if letter in answer.correct else ""
        tick = " ✔ correct" if letter in answer.correct else ""
        items.append(f"<li{mark}><strong>{letter})</strong> {inline(text)}{tick}</li>")
    return f'<ul class="options">{"".join(items)}</ul>'


def _answer_text(value: str) -> str:
    """Markdown, with bare Python (a solution written as code) shown as code."""
    from helpers.exercises.question import looks_like_code

    if looks_like_code(value):
        return f"<code>{escape(value.strip())}</code>"
    if "\n" in value.strip():
        return markdown(value)
    return inline(value)
