"""Benchmark of the course's simulators, as a user feels them, relative to a trivial floor.

    make bench                                   # everything, default sizes
    .venv/bin/python -m tools.bench --help       # flags to keep development runs short
    .venv/bin/python -m tools.bench --only 00_start_here --moves 40 --loads 1 --no-notebooks

Not a test: it measures and reports, never fails on a slow number. Writes ``bench/results.md``;
``bench/README.md`` says how to read it. Servers and nbconvert work on copies in temporary
folders: nothing is written into ``notebooks/`` or ``data/``.

Modules: ``stats`` (ratios, intervals, targets) and ``report`` (Markdown) are pure; ``model``
(a), ``latency`` (b), ``pages`` (c) and ``nbrun`` (d) measure; ``frontends`` runs JupyterLab
and Voilà with their floor (``floor``); ``cli`` ties it together.
"""
