"""What the learner sees: the feedback box, hint and solution notes, and a small Markdown.

Each outcome has an icon, a word and a colour, so the three stay apart in greyscale and for
colour-blind people. Messages are short Markdown; :func:`markdown_to_html` knows just enough of
it (paragraphs, ``-`` lists, fenced code, inline code, bold, italics, links) and escapes the rest.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from helpers.i18n import N_, _
from helpers.theme import FEEDBACK

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not attempted"

FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif"

#: status -> (icon, word, colour name in ``helpers.theme.FEEDBACK``). Words are marked with N_ and
#: translated where shown. Icon and word carry the meaning on their own, so the three outcomes
#: stay apart in greyscale and for colour-blind people.
LOOK: dict[str, tuple[str, str, str]] = {
    CORRECT: ("✔", N_("Correct"), "correct"),
    INCORRECT: ("➜", N_("Not yet"), "incorrect"),
    NOT_ATTEMPTED: ("✎", N_("Not attempted yet"), "not_attempted"),
}
TROUBLE_LOOK = ("⚠", N_("Something went wrong on our side"), "trouble")
#: A question that is done although its answer was not within what counts as correct: a
#: prediction, once checked (the guess stays; the message says how far off it was). Its status
#: stays "incorrect" for the course's tests; the learner sees it as done, not as a failure.
PREDICTED = "predicted"
DONE_LOOKS: dict[str, tuple[str, str, str]] = {
    PREDICTED: ("✔", N_("Predicted"), "not_attempted"),
}

#: Note kind -> icon; the frame takes the colour of the same name, the heading stays near-black.
NOTE_ICONS: dict[str, str] = {"hint": "💡", "solution": "📖", "prediction": "📌", "info": "ℹ"}

TEXT = FEEDBACK["text"]
MUTED = FEEDBACK["muted"]
BACKGROUND = FEEDBACK["background"]


def frame_colour(name: str) -> str:
    """The colour of a box's frame and stripe, by outcome or note kind."""
    return FEEDBACK[name]


def text_colour(name: str) -> str:
    """The colour of an outcome's word on white (contrast of 4.5:1 or more)."""
    return FEEDBACK[f"{name}_text"]


def inline_markdown(text: str) -> str:
    """Inline Markdown (code, bold, italics, links) to HTML; everything else is escaped."""
    pieces = re.split(r"`([^`]+)`", text)
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(
                f'<code style="font-size:0.95em;background:{FEEDBACK["code_background"]};'
                f'color:{TEXT};padding:0 3px;border-radius:3px">{html.escape(piece)}</code>'
            )
            continue
        piece = html.escape(piece, quote=False)
        piece = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", piece)
        piece = re.sub(r"(?<![\*\w])\*(?!\s)(.+?)(?<!\s)\*(?![\*\w])", r"<em>\1</em>", piece)
        piece = re.sub(
            r"\[([^\]]+)\]\((https?://[^)\s]+)\)",
            r'<a href="\2" target="_blank" rel="noopener">\1</a>',
            piece,
        )
        out.append(piece)
    return "".join(out)


def _paragraph(para: str) -> str:
    """One paragraph (or ``-`` list) of Markdown as HTML."""
    lines = para.strip().splitlines()
    if all(re.match(r"\s*[-*] ", line) for line in lines):
        items = "".join(
            "<li>" + inline_markdown(re.sub(r"^\s*[-*] ", "", line)) + "</li>" for line in lines
        )
        return f'<ul style="margin:4px 0 4px 1.2em;padding:0">{items}</ul>'
    body = "<br>".join(inline_markdown(line) for line in lines)
    return f'<p style="margin:4px 0">{body}</p>'


def markdown_to_html(text: str) -> str:
    """A small Markdown subset to HTML: paragraphs, ``-`` lists, fenced code, inline marks."""
    parts = re.split(r"```[\w+-]*[ \t]*\n?(.*?)```", text, flags=re.DOTALL)
    blocks: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:
            blocks.append(
                f'<pre style="font-size:16px;background:{FEEDBACK["block_background"]};'
                f'color:{TEXT};padding:8px 10px;border-radius:4px;overflow-x:auto;margin:6px 0">'
                f"{html.escape(part.strip())}</pre>"
            )
            continue
        blocks.extend(
            _paragraph(para) for para in re.split(r"\n\s*\n", part.strip()) if para.strip()
        )
    return "".join(blocks)


def markdown_to_text(text: str) -> str:
    """Plain-text version of the small Markdown subset (drops bold marks and code fences)."""
    text = re.sub(r"```[\w+-]*[ \t]*\n?", "", text)
    return text.replace("**", "").strip()


def box(
    icon: str, word: str, colour: str, heading_colour: str, label: str, body: str, small: str = ""
) -> str:
    """A framed box: icon and word as the heading, a label beside it, Markdown body, small print."""
    small_html = (
        f'<div style="font-size:14px;color:{MUTED};margin-top:8px">{html.escape(small)}</div>'
        if small
        else ""
    )
    label_html = (
        f'<span style="font-size:16px;font-weight:400;color:{MUTED}"> · {html.escape(label)}</span>'
        if label
        else ""
    )
    return (
        f'<div role="status" style="border:2px solid {colour};border-left:12px solid {colour};'
        f"border-radius:6px;padding:10px 16px;margin:8px 0;background:{BACKGROUND};color:{TEXT};"
        f'font-size:18px;line-height:1.5;max-width:60em;{FONT}">'
        f'<div style="font-size:22px;font-weight:700;color:{heading_colour};margin-bottom:4px">'
        f'<span aria-hidden="true">{icon}</span> {html.escape(word)}{label_html}</div>'
        f"{markdown_to_html(body)}{small_html}</div>"
    )


@dataclass(frozen=True)
class Feedback:
    """The result of one check: what happened and what to say about it.

    ``status`` is exactly ``"correct"``, ``"incorrect"`` or ``"not attempted"``. ``message`` is
    short Markdown for the learner; ``detail`` is small print (technical details for the
    trainer); ``trouble`` marks a problem in the exercise itself rather than in the answer.
    ``qualifier`` is a word or two shown after the outcome, already in the learner's language:
    "Correct (rounded)". ``done`` (a key of :data:`DONE_LOOKS`, such as ``"predicted"``) shows
    the outcome as done ("✔ Predicted (6 points off)") whatever the status.
    """

    question: str
    status: str
    message: str
    detail: str = ""
    trouble: bool = False
    qualifier: str = ""
    done: str = ""

    @property
    def correct(self) -> bool:
        """True when the answer was right."""
        return self.status == CORRECT

    def _look(self) -> tuple[str, str, str]:
        """Icon, word (in the current language) and colour name of this outcome."""
        if self.trouble:
            icon, word, colour = TROUBLE_LOOK
        elif self.done in DONE_LOOKS:
            icon, word, colour = DONE_LOOKS[self.done]
        else:
            icon, word, colour = LOOK[self.status]
        if self.qualifier:
            return (
                icon,
                _("{outcome} ({qualifier})").format(outcome=_(word), qualifier=self.qualifier),
                colour,
            )
        return icon, _(word), colour

    def _repr_html_(self) -> str:
        icon, word, colour = self._look()
        return box(
            icon,
            word,
            frame_colour(colour),
            text_colour(colour),
            self.question,
            self.message,
            self.detail,
        )

    def __str__(self) -> str:
        icon, word, _colour = self._look()
        head = f"{icon} {word.upper()}" + (f" ({self.question})" if self.question else "")
        text = f"{head}\n{markdown_to_text(self.message)}"
        return text + (f"\n[{self.detail}]" if self.detail else "")

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


@dataclass(frozen=True)
class Note:
    """A hint, a solution or a short notice (for example "your prediction is recorded")."""

    kind: str
    title: str
    text: str
    question: str = ""

    def _kind(self) -> str:
        return self.kind if self.kind in NOTE_ICONS else "info"

    def _repr_html_(self) -> str:
        kind = self._kind()
        return box(NOTE_ICONS[kind], self.title, frame_colour(kind), TEXT, self.question, self.text)

    def __str__(self) -> str:
        icon = NOTE_ICONS[self._kind()]
        return f"{icon} {self.title}\n{markdown_to_text(self.text)}"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))
