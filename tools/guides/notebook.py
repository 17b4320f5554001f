"""A notebook's text source read as a trainer reads it: title, sections, trainer notes, code.

Only the text is read (``tools.notebooks.from_text``): nothing is run, so a guide can be built on a
machine without a kernel and always describes the source as it is in git.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.notebooks import from_text

#: The five lines every trainer-notes block holds, in the order a guide shows them.
NOTE_LABELS: dict[str, str] = {
    "time": "Time",
    "ask": "Ask the room",
    "misconceptions": "Common misconceptions",
    "if_wrong": "If something goes wrong",
    "short_class": "In a short class",
}
_KEY_OF_LABEL = {label.casefold(): key for key, label in NOTE_LABELS.items()}
_NOTES_BLOCK = re.compile(r'<details class="trainer-notes">(.*?)</details>', re.DOTALL)
_NOTE_LINE = re.compile(r"^- \*\*(?P<label>[^*]+?):\*\*\s*(?P<text>.*)$")
_SUMMARY = re.compile(r"<summary>.*?</summary>", re.DOTALL)
#: "(15 minutes)" at the end of a heading: the time the learner is told.
_HEADING_MINUTES = re.compile(r"\s*\((\d+)\s*minutes?\)\s*$")


@dataclass(frozen=True)
class Section:
    """One ``##`` section: its heading, its text without the notes, its notes and its code."""

    heading: str  #: as written, "Try it first (5 minutes)"
    body: str  #: the Markdown of the section, trainer notes taken out
    notes: dict[str, str]  #: key of NOTE_LABELS -> the line's text (Markdown); {} if no block
    code: tuple[str, ...]  #: the section's code cells, in order
    problems: tuple[str, ...] = ()  #: what did not parse in its notes

    @property
    def title(self) -> str:
        """The heading without the learner's time: "Try it first"."""
        return _HEADING_MINUTES.sub("", self.heading).strip()

    @property
    def heading_minutes(self) -> int | None:
        """The minutes the heading announces, if it does."""
        found = _HEADING_MINUTES.search(self.heading)
        return int(found.group(1)) if found else None


@dataclass(frozen=True)
class Notebook:
    """A notebook's title, its introduction and its ``##`` sections in order."""

    stem: str  #: "01_satisfaction"
    title: str  #: the ``#`` heading
    intro: str  #: the Markdown between the title and the first section
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def section(self, title: str) -> Section | None:
        """The section whose title (without its minutes) is ``title``, case aside."""
        wanted = title.casefold()
        return next((s for s in self.sections if s.title.casefold() == wanted), None)


@dataclass
class _Draft:
    heading: str
    lines: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)


def read(source: Path) -> Notebook:
    """The notebook a MyST text source describes."""
    title, intro, drafts = "", _Draft(""), []
    for cell in from_text(source).cells:
        current = drafts[-1] if drafts else intro
        if cell.cell_type == "code":
            current.code.append(cell.source.strip())
            continue
        for line in _outside_fences(cell.source.splitlines()):
            if line.startswith("## "):
                drafts.append(_Draft(line[3:].strip()))
            elif line.startswith("# ") and not title:
                title = line[2:].strip()
            else:
                (drafts[-1] if drafts else intro).lines.append(line)
    sections = tuple(_section(draft) for draft in drafts)
    return Notebook(source.stem, title, "\n".join(intro.lines).strip(), sections)


def _outside_fences(lines: list[str]) -> list[str]:
    """The lines, with those inside a fenced code block indented so no heading is seen there."""
    inside, kept = False, []
    for line in lines:
        if line.lstrip().startswith("```"):
            inside = not inside
        kept.append(f"    {line}" if inside and line.startswith("#") else line)
    return kept


def _section(draft: _Draft) -> Section:
    text = "\n".join(draft.lines)
    blocks = _NOTES_BLOCK.findall(text)
    body = _NOTES_BLOCK.sub("", text).strip()
    if not blocks:
        return Section(draft.heading, body, {}, tuple(draft.code))
    notes, problems = parse_notes(blocks[-1])
    if len(blocks) > 1:
        problems.append("more than one trainer-notes block: the last one is used")
    return Section(draft.heading, body, notes, tuple(draft.code), tuple(problems))


def parse_notes(block: str) -> tuple[dict[str, str], list[str]]:
    """The labelled lines of a trainer-notes block, and what is missing or unknown in it."""
    notes: dict[str, str] = {}
    problems: list[str] = []
    key: str | None = None
    for raw in _SUMMARY.sub("", block).splitlines():
        line = raw.strip()
        match = _NOTE_LINE.match(line)
        if match:
            key = _KEY_OF_LABEL.get(match["label"].strip().casefold())
            if key is None:
                problems.append(f"unknown trainer-notes line: **{match['label']}:**")
            else:
                notes[key] = match["text"].strip()
        elif line and key is not None:  # a line wrapped onto the next one
            notes[key] = f"{notes[key]} {line}"
    missing = [NOTE_LABELS[k] for k in NOTE_LABELS if k not in notes]
    if missing:
        problems.append("trainer notes lack: " + ", ".join(missing))
    return notes, problems
