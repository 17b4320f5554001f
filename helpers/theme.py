"""One look for every chart in the course: readable on a projector, safe for colour-blind eyes.

The palette is Okabe & Ito's (2008) eight colours, chosen to stay distinguishable with the common
forms of colour blindness. Importing this module registers the plotly template ``"loyalty"`` and
makes it the default, so notebooks never style charts themselves.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

#: Okabe-Ito colours, by name, for the places where a colour carries a meaning.
COLOURS: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}

#: Colours with a fixed meaning across the course (the same idea always gets the same colour).
MEANING: dict[str, str] = {
    "good": COLOURS["green"],  # came back, delighted, correct
    "bad": COLOURS["vermillion"],  # lost, angry, complaint
    "neutral": COLOURS["sky"],
    "shop_a": COLOURS["blue"],
    "shop_b": COLOURS["orange"],
}

#: Secondary text (chart keys, notes): 8.4 : 1 on white, still clearly quieter than the main text.
TEXT_MUTED = "#4D4D4D"
#: Colours of the exercise feedback boxes and progress table (``helpers.exercises``). Colour is
#: never the only cue there: every outcome also has its icon and its word. Frames and stripes use
#: the palette; words use darker shades of the same hues, so that every text reaches at least
#: 4.5:1 contrast on white and on the light greys below (WCAG AA), which the palette's green and
#: vermillion do not.
FEEDBACK: dict[str, str] = {
    # frames and stripes
    "correct": COLOURS["green"],
    "incorrect": COLOURS["vermillion"],
    "not_attempted": COLOURS["blue"],
    "trouble": COLOURS["black"],
    "hint": COLOURS["orange"],
    "solution": COLOURS["purple"],
    "prediction": COLOURS["sky"],
    "info": "#555555",
    # words
    "correct_text": "#006B50",  # 6.5:1 on white, 5.6:1 on the light grey of code
    "incorrect_text": "#A84A00",  # 5.8:1 on white, 5.0:1 on light grey
    "not_attempted_text": "#0068A3",  # 6.0:1 on white, 5.2:1 on light grey
    "trouble_text": COLOURS["black"],
    "text": "#111111",
    "muted": "#444444",
    # backgrounds
    "background": "#FFFFFF",
    "code_background": "#EEEEEE",
    "block_background": "#F4F4F4",
}

#: The order in which traces take colours (yellow last: it is weak on white).
COLORWAY: list[str] = [
    COLOURS["blue"],
    COLOURS["orange"],
    COLOURS["green"],
    COLOURS["vermillion"],
    COLOURS["purple"],
    COLOURS["sky"],
    COLOURS["black"],
    COLOURS["yellow"],
]

#: What every chart's plotly front end is told: no mode bar (its buttons are five extra tab stops,
#: its logo a link off the machine), and redraw at the container's width when the window changes.
PLOT_CONFIG: dict[str, bool] = {"displayModeBar": False, "responsive": True}

FONT_FAMILY = "Atkinson Hyperlegible, Verdana, DejaVu Sans, Arial, sans-serif"
BASE_FONT_SIZE = 18  # readable from the back of a training room
TEMPLATE_NAME = "loyalty"


def _build_template() -> go.layout.Template:
    grid = "#D9D9D9"
    axis = dict(
        gridcolor=grid,
        zerolinecolor="#8C8C8C",
        linecolor="#4D4D4D",
        ticks="outside",
        title=dict(font=dict(size=BASE_FONT_SIZE + 2)),
        tickfont=dict(size=BASE_FONT_SIZE),
        automargin=True,
    )
    return go.layout.Template(
        layout=dict(
            font=dict(family=FONT_FAMILY, size=BASE_FONT_SIZE, color="#1A1A1A"),
            title=dict(font=dict(size=BASE_FONT_SIZE + 6), x=0.02, xanchor="left"),
            colorway=COLORWAY,
            paper_bgcolor="white",
            plot_bgcolor="white",
            xaxis=axis,
            yaxis=axis,
            legend=dict(font=dict(size=BASE_FONT_SIZE), bgcolor="rgba(255,255,255,0.8)"),
            hoverlabel=dict(font=dict(size=BASE_FONT_SIZE)),
            margin=dict(l=70, r=30, t=80, b=70),
            autosize=True,  # the width it is given: no fixed width anywhere in the course
            height=480,
            bargap=0.25,
        ),
        data=dict(
            bar=[go.Bar(textfont=dict(size=BASE_FONT_SIZE + 2), textposition="auto")],
            scatter=[go.Scatter(line=dict(width=4), marker=dict(size=10))],
        ),
    )


def apply_theme() -> None:
    """Register the course template and make it the default for every new figure.

    Charts shown as plain output (``go.Figure`` in a cell) get :data:`PLOT_CONFIG` too, through
    every renderer that passes a configuration to plotly's front end.
    """
    pio.templates[TEMPLATE_NAME] = _build_template()
    pio.templates.default = f"plotly_white+{TEMPLATE_NAME}"
    for name in pio.renderers:
        renderer = pio.renderers[name]
        if hasattr(renderer, "config"):
            renderer.config = {**(renderer.config or {}), **PLOT_CONFIG}


apply_theme()
