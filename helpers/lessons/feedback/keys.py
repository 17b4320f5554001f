"""The one fixed note (key) every chart of notebook 04 carries in its top left corner."""

from __future__ import annotations

from helpers.theme import BASE_FONT_SIZE, TEXT_MUTED


def key(lines: tuple[str, ...], y: float = 0.98) -> dict:
    """A fixed note in the top left of the plot (one annotation, so its lines never overlap)."""
    return dict(
        x=0.01,
        y=y,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        align="left",
        text="<br>".join(lines),
        showarrow=False,
        font=dict(size=BASE_FONT_SIZE, color=TEXT_MUTED),
    )
