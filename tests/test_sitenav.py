"""abe.sitenav: furo's sidebar, built from titles pruned once, is the same HTML Sphinx gives.

A small furo project with nested toctrees, deep sections on every page and a toctree below a
section is built twice, with and without the module, and every page must come out the same.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

CONF = """\
import sys
sys.path.insert(0, {ext!r})
extensions = {extensions!r}
html_theme = "furo"
root_doc = "index"
"""

PAGES = {
    "index.rst": "Book\n====\n\nIntro\n-----\n\n.. toctree::\n   :caption: Part one\n\n"
                 "   one/index\n\n.. toctree::\n   :caption: Part two\n\n   two\n",
    "one/index.rst": "One\n===\n\nA section\n---------\n\nDeeper\n~~~~~~\n\n"
                     "Below a section\n---------------\n\n.. toctree::\n\n   page\n",
    "one/page.rst": "Page\n====\n\nStep 1\n------\n\nFile\n~~~~\n\nStep 2\n------\n",
    "two.rst": "Two\n===\n\nOnly sections\n-------------\n\nMore\n~~~~\n",
}


def _build(root: Path, extensions: list[str]) -> dict[str, str]:
    src = root / "src"
    for name, text in PAGES.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    (src / "conf.py").write_text(CONF.format(ext=str(ROOT / "ext"), extensions=extensions),
                                 encoding="utf-8")
    out = root / "html"
    done = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html",
                           str(src), str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8")
            for p in out.rglob("*.html")}


def test_the_sidebar_is_the_html_sphinx_itself_gives(tmp_path: Path) -> None:
    plain = _build(tmp_path / "plain", [])
    pruned = _build(tmp_path / "pruned", ["abe.sitenav"])
    assert sorted(plain) == sorted(pruned)
    for page, markup in plain.items():
        assert pruned[page] == markup, page
    # the sidebar lists page titles, nested, and no section of any page
    sidebar = plain["one/page.html"].split('class="sidebar-tree"', 1)[1].split('class="main"')[0]
    assert "Page</a>" in sidebar and "One</a>" in sidebar and "Two</a>" in sidebar
    assert "Step 1" not in sidebar and "Only sections" not in sidebar
