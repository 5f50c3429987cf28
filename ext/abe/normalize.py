"""Make captured output reproducible without changing what a reader recognises.

Only things that differ from one run to the next are rewritten, and the book's front matter lists
each rule: the temporary folder the example ran in, the throwaway database's name and URL, the
paths of the Python installation (site-packages and the standard library), and pytest's
wall-clock durations (with the ``=`` padding of the banner that shows one).
"""

from __future__ import annotations

import re
import sys
import sysconfig
from dataclasses import dataclass


@dataclass(frozen=True)
class Normalizer:
    run_dir: str
    display_dir: str
    database: str
    display_database: str
    urls: tuple[str, ...]
    display_url: str
    #: (real name, shown name) of further databases, e.g. the round trip's own
    extra_databases: tuple[tuple[str, str], ...] = ()

    def __call__(self, text: str) -> str:
        for url in sorted(self.urls, key=len, reverse=True):
            text = text.replace(url, self.display_url)
        text = text.replace(self.run_dir, self.display_dir)
        for real, shown in self.extra_databases:
            text = text.replace(real, shown)
        text = text.replace(self.database, self.display_database)
        for site in _site_dirs():
            text = text.replace(site, ".../site-packages")
        stdlib, shown = _stdlib_dir()
        text = text.replace(stdlib + "/", shown + "/")
        text = text.replace(sysconfig.get_paths()["scripts"] + "/", ".venv/bin/")
        text = text.replace(sys.executable, ".venv/bin/python")
        return pytest_durations(text)


#: pytest's duration, with the (h:mm:ss) it adds past a minute
_PYTEST_TIME = re.compile(r"\bin \d+\.\d+s\b(?: \(\d+:\d\d:\d\d\))?")
_BANNER = re.compile(r"^(=+) (.*) (=+)$")


def pytest_durations(text: str) -> str:
    """pytest's wall-clock durations as ``in #.##s``; a summary banner that held one is centred
    again as pytest centres it, so its ``=`` padding does not follow the duration's length."""
    out = []
    for line in text.split("\n"):
        new = _PYTEST_TIME.sub("in #.##s", line)
        banner = _BANNER.match(line)
        if new != line and banner:
            new = _centred(_BANNER.match(new).group(2), len(line))  # type: ignore[union-attr]
        out.append(new)
    return "\n".join(out)


def _centred(title: str, width: int) -> str:
    """``title`` between runs of ``=`` filling ``width``, as pytest's TerminalWriter.sep()."""
    n = max((width - len(title) - 2) // 2, 1)
    line = f"{'=' * n} {title} {'=' * n}"
    return line + "=" if len(line) + 1 <= width else line


def _site_dirs() -> list[str]:
    paths = {sysconfig.get_paths()[k] for k in ("purelib", "platlib")}
    return sorted(paths, key=len, reverse=True)


def _stdlib_dir() -> tuple[str, str]:
    """The standard library's folder, and how the book shows it (.../lib/python3.X)."""
    stdlib = sysconfig.get_paths()["stdlib"]
    return stdlib, ".../" + "/".join(stdlib.rstrip("/").split("/")[-2:])
