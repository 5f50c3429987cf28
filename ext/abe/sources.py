"""The Python files an example shows, parsed: what the operations index and the zip's list of
extra packages read (the imports, the ``op.*`` calls).

A file that does not parse is the author's error, reported with its file and line; the run
itself would fail on it later with a traceback that names neither the page nor the index.
"""

from __future__ import annotations

import ast

from .session import Example, SessionError


def shown_python(example: Example, purpose: str) -> list[tuple[str, ast.Module]]:
    """(file name, syntax tree) of every ``.py`` file the example's page shows, in page order;
    ``purpose`` says in the error what the file was parsed for."""
    trees = []
    for name in example.shown_files():
        if not name.endswith(".py"):
            continue
        path = example.path / name
        try:
            trees.append((name, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))))
        except SyntaxError as exc:
            raise SessionError(path, exc.lineno, f"cannot parse {purpose}: {exc.msg}") from None
    return trees
