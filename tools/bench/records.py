"""What the benchmark measures, as plain records (measuring code fills them, the report reads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LAB = "JupyterLab"
VOILA = "Voilà"
FLOOR = "floor"  #: the name of the floor's series and pages in every table


@dataclass
class ModelRow:
    """(a) One simulator's model time, headless: (median, p95) in ms."""

    notebook: str
    name: str
    set_values: tuple[float, float]
    update: tuple[float, float]
    samples: int


@dataclass
class Series:
    """(b) Keypress-to-chart latencies (ms) of one simulator (or the floor) in one front end."""

    front: str
    notebook: str  #: the course notebook the simulator belongs to, or ``FLOOR``
    name: str  #: the simulator's name, or ``FLOOR``
    ms: list[float] = field(default_factory=list)
    note: str = ""  #: why the series stopped early, if it did

    @property
    def is_floor(self) -> bool:
        return self.name == FLOOR


@dataclass
class LoadSample:
    """(c) One opening of a page in a fresh browser context, from page open to settled."""

    first_chart_ms: float  #: page open → the first FigureWidget drawn
    ws_received: int  #: bytes the page received over its kernel websocket
    ws_sent: int  #: bytes it sent over it
    http_bytes: int  #: HTTP response bytes (headers and body as transferred)
    http_requests: int
    rss_mb: float  #: the page's kernel resident memory once the page has settled (MB = 10^6 B)


@dataclass
class LoadRow:
    """(c) Every opening of one notebook (JupyterLab), present page (Voilà) or the floor."""

    front: str
    page: str  #: notebook stem, present-page stem, or ``FLOOR``
    samples: list[LoadSample] = field(default_factory=list)
    note: str = ""

    @property
    def is_floor(self) -> bool:
        return self.page == FLOOR


@dataclass
class NotebookRun:
    """(d) Wall time of executing one notebook headless with nbconvert."""

    notebook: str
    seconds: float
    status: str


@dataclass
class Results:
    """Everything one run measured, and how it was run."""

    model: list[ModelRow] = field(default_factory=list)
    latency: list[Series] = field(default_factory=list)
    loads: list[LoadRow] = field(default_factory=list)
    notebooks: list[NotebookRun] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)  #: sample sizes, seed, skipped parts
