"""Offline Mermaid: the HTML edition renders diagrams from a local copy, never from a CDN.

The ``mermaid`` npm package (``package.json`` at the root, installed by ``npm ci``) ships a
single-file browser build, ``mermaid.min.js``. We copy it into a static folder of the build and
load it with a classic ``<script>`` on pages that have a diagram. Unlike sphinxcontrib-mermaid's
ES-module loader, a classic script also works when a reader opens the HTML straight from disk
(``file://``), where browsers refuse to import modules.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

BUNDLE = "mermaid.min.js"
INIT = "abe-mermaid.js"


class AssetError(Exception):
    pass


def mermaid_bundle(confdir: Path) -> Path:
    bundle = confdir / "node_modules" / "mermaid" / "dist" / BUNDLE
    if not bundle.is_file():
        raise AssetError(
            f"Mermaid is not installed ({bundle} is missing). Run `npm ci` in {confdir} "
            "(needs Node.js and npm; `nox -s html` does it for you). The HTML edition renders "
            "diagrams from this local copy, never from a CDN."
        )
    return bundle


def install_mermaid(app: Sphinx, static_root: Path, config: Any) -> None:
    """Copy Mermaid into ``static_root`` and load it ourselves on pages with diagrams."""
    bundle = mermaid_bundle(Path(app.confdir))
    target = static_root / "mermaid" / BUNDLE
    if not target.exists() or target.stat().st_size != bundle.stat().st_size:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(bundle, target)
    if str(static_root) not in [str(p) for p in config.html_static_path]:
        config.html_static_path.append(str(static_root))
    # sphinxcontrib-mermaid would add an ES-module loader pointing at a CDN: replace it
    for event in ("html-page-context",):
        for listener in list(app.events.listeners.get(event, [])):
            if getattr(listener.handler, "__module__", "") == "sphinxcontrib.mermaid":
                app.disconnect(listener.id)
    app.connect("html-page-context", _add_mermaid_js)


def _add_mermaid_js(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: Any) -> None:
    from sphinxcontrib.mermaid import mermaid

    if doctree is None or not doctree.next_node(mermaid) or \
            app.config.mermaid_output_format != "raw":  # drawn as images (the EPUB)
        return
    app.add_js_file(f"mermaid/{BUNDLE}", priority=500)
    app.add_js_file(INIT, priority=501)


def configure_mermaid_cli(confdir: Path, cache: Path, config: Any) -> None:
    """For the PDF: mermaid-cli renders each diagram to a vector PDF with the system Chromium
    (puppeteer's own browser download is not used)."""
    mmdc = confdir / "node_modules" / ".bin" / "mmdc"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    puppeteer = cache / "puppeteer-config.json"
    puppeteer.parent.mkdir(parents=True, exist_ok=True)
    puppeteer.write_text(json.dumps({
        "executablePath": chromium or "chromium",
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }, indent=1))
    config.mermaid_cmd = str(mmdc)
    config.mermaid_params = ["-p", str(puppeteer), "--pdfFit", "-b", "white"]
