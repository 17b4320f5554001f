"""One look for every chart in the course: readable on a projector, safe for colour-blind eyes.

The palette is Okabe & Ito's (2008) eight colours, chosen to stay distinguishable with the common
forms of colour blindness. Importing this module registers the plotly template ``"loyalty"`` and
makes it the default, so notebooks never style charts themselves.
"""

from __future__ import annotations

import re

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
#: The main text colour of charts and pages (16.9 : 1 on white).
TEXT = "#1A1A1A"
#: Text in a palette hue (zone names, labels in a series' colour) on white or light grey: darker
#: variants of the same hues, each at least 4.5 : 1 on white and on the light greys below (the
#: palette's own orange, green, vermillion, sky, purple and yellow are not). Bars, lines and marks
#: keep the palette's colours.
TEXT_COLOURS: dict[str, str] = {
    "blue": "#0068A3",
    "orange": "#8A5F00",
    "green": "#006B50",
    "vermillion": "#A84A00",
    "sky": "#1A6B99",
    "purple": "#A0417A",
    "yellow": "#6B6400",
    "black": "#000000",
}
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


def text_colour(colour: str) -> str:
    """The colour to write in for a palette colour (its darker text variant); others unchanged."""
    for name, value in COLOURS.items():
        if value.lower() == colour.lower():
            return TEXT_COLOURS[name]
    return colour


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (a value label inside a bar).

    On every palette colour the better of the two reaches 4.5 : 1 (white on blue and black, black
    on the others; tested).
    """
    return max(("#000000", "#FFFFFF"), key=lambda text: contrast_ratio(text, fill))


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
CHART_HEIGHT = 480  #: a chart's height (px) unless it sets its own; its width is the space it gets
TEMPLATE_NAME = "loyalty"


# ---------------------------------------------------------------------------- contrast
# WCAG 2: text needs 4.5 : 1 on what it sits on. Colours as CSS strings (#rrggbb, #rgb, rgb(),
# rgba(), white, black); a translucent colour is laid over white, as the course's pages are.

NAMED = {"white": "#FFFFFF", "black": "#000000", "transparent": "rgba(0, 0, 0, 0)"}


def rgba(colour: str) -> tuple[float, float, float, float]:
    """``colour`` as (red, green, blue, alpha): 0-255 and 0-1."""
    text = NAMED.get(colour.strip().lower(), colour.strip())
    if text.startswith("#"):
        digits = text[1:]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), 1.0
    numbers = [float(x) for x in re.findall(r"-?[\d.]+", text)]
    if len(numbers) not in (3, 4) or not text.startswith("rgb"):
        raise ValueError(f"Not a colour this module reads: {colour!r}")
    return numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) == 4 else 1.0


def over(colour: str, background: str = "#FFFFFF", opacity: float = 1.0) -> tuple[float, ...]:
    """The opaque colour seen where ``colour`` (at ``opacity``) lies on ``background``."""
    base = rgba(background)
    if base[3] < 1:
        base = over(background)  # type: ignore[assignment]
    top = rgba(colour)
    alpha = top[3] * opacity
    return tuple(alpha * t + (1 - alpha) * b for t, b in zip(top[:3], base[:3], strict=True))


def luminance(colour: str | tuple[float, ...]) -> float:
    """Relative luminance (0 black to 1 white) of an opaque colour."""
    values = over(colour) if isinstance(colour, str) else colour
    channels = []
    for value in values[:3]:
        c = value / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(text: str | tuple[float, ...], background: str | tuple[float, ...]) -> float:
    """WCAG 2 contrast ratio (1 to 21) of ``text`` on ``background``."""
    ground = over(background) if isinstance(background, str) else background
    seen = over(text, background) if isinstance(text, str) and isinstance(background, str) else text
    light, dark = sorted((luminance(seen), luminance(ground)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


#: Height (px) of one line of chart text at the base size, for placing notes above a plot.
LINE_HEIGHT = 24
#: The top margin a chart needs for its title alone.
TITLE_SPACE = 56


def key_above(lines: tuple[str, ...] | list[str], shift: float = 6) -> dict:
    """A chart's key (what colours and patterns mean) as one note above the plot, under the title.

    Inside the plot a key runs into bars and value labels sooner or later; above it never does.
    ``shift`` lifts it further (px), e.g. over names written along the plot's top edge. Give the
    chart ``margin=dict(t=key_margin(lines, shift))``.
    """
    return dict(
        x=0,
        xref="paper",
        xanchor="left",
        y=1,
        yref="paper",
        yanchor="bottom",
        yshift=shift,
        align="left",
        text="<br>".join(lines),
        showarrow=False,
        font=dict(size=BASE_FONT_SIZE, color=TEXT_MUTED),
    )


def key_inside(lines: tuple[str, ...] | list[str], y: float = 0.98, backed: bool = False) -> dict:
    """A chart's key as one note in the plot's top left corner (``y``: its top, as a share of
    the plot's height). One annotation, so its lines never overlap; ``backed`` puts a pale box
    behind it where lines or bars may pass under it."""
    note = dict(
        x=0.01,
        xref="paper",
        xanchor="left",
        y=y,
        yref="paper",
        yanchor="top",
        align="left",
        text="<br>".join(lines),
        showarrow=False,
        font=dict(size=BASE_FONT_SIZE, color=TEXT_MUTED),
    )
    if backed:
        note["bgcolor"] = "rgba(255,255,255,0.85)"
    return note


def key_margin(lines: tuple[str, ...] | list[str], shift: float = 6) -> int:
    """The top margin (px) that holds the title and :func:`key_above` with these lines."""
    return int(TITLE_SPACE + LINE_HEIGHT * len(lines) + shift + 8)


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
            font=dict(family=FONT_FAMILY, size=BASE_FONT_SIZE, color=TEXT),
            # At the top of the chart, whatever its margin: keys and notes go under it.
            title=dict(
                font=dict(size=BASE_FONT_SIZE + 6),
                x=0.02,
                xanchor="left",
                yref="container",
                y=1,
                yanchor="top",
                pad=dict(t=14),
            ),
            colorway=COLORWAY,
            paper_bgcolor="white",
            plot_bgcolor="white",
            xaxis=axis,
            yaxis=axis,
            legend=dict(font=dict(size=BASE_FONT_SIZE), bgcolor="rgba(255,255,255,0.8)"),
            hoverlabel=dict(font=dict(size=BASE_FONT_SIZE)),
            margin=dict(l=70, r=30, t=80, b=70),
            autosize=True,  # the width it is given: no fixed width anywhere in the course
            height=CHART_HEIGHT,
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
