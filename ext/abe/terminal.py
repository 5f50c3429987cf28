"""The reader's terminal, as the programs of a step see it.

A reader types the commands at a terminal. Alembic looks at the terminal on its standard input
once, when it is imported (``alembic.util.messaging.TERMWIDTH``): with one, it indents its own
messages (``Generating ...``, ``FAILED: ...``) by two spaces and wraps them at the terminal's
width; without one (a pipe, ``/dev/null``) it prints them flush left. The worker imports Alembic
once, with a pipe on its standard input, so without :func:`as_in_a_terminal` every step would
print them as no reader sees them.

The width is one that wraps nothing: where a long message wraps depends on the length of the
folder's path, which differs for every reader (the book shows ``/home/you/abe/...``), so the
book shows those messages unwrapped and its front matter says so. pytest's banners follow
``COLUMNS``, which the build sets to 100.
"""

from __future__ import annotations

#: the terminal width Alembic is given: wide enough that it wraps none of its messages
TERMINAL_WIDTH = 1000


def as_in_a_terminal() -> None:
    """In a step's process: Alembic's messages as a fresh ``alembic`` in a terminal prints them."""
    import alembic.util.messaging as messaging

    messaging.TERMWIDTH = TERMINAL_WIDTH
