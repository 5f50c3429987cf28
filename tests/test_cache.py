"""The results cache: keyed on every input, reused when nothing changed, safe in parallel."""

from __future__ import annotations

from pathlib import Path

from abe.cache import example_key
from conftest import PASSING_SESSION, Book

SERVER = "embedded postgres (PostgreSQL) 18.6"


def key(folder: Path, **overrides: str) -> str:
    args = {"server": SERVER, "settings": "s", "versions": "alembic=1.20.1", "runner": "r1"}
    args.update(overrides)
    return example_key(folder, args["server"], args["settings"], versions=args["versions"],
                       runner=args["runner"])


def test_key_changes_with_every_kind_of_input(book: Book) -> None:
    folder = book.example("ex01-passing", PASSING_SESSION, files={"data/rows.csv": "id\n1\n"})
    base = key(folder)
    assert key(folder) == base  # nothing changed: same key

    revision = folder / "migrations/versions/0001_widgets.py"
    revision.write_text(revision.read_text() + "# edited\n")
    assert key(folder) != base, "editing a revision must invalidate"

    edited = key(folder)
    (folder / "data/rows.csv").write_text("id\n2\n")
    assert key(folder) != edited, "editing a data file must invalidate"

    edited = key(folder)
    (folder / "session.toml").write_text(PASSING_SESSION + '\n[[step]]\nrun = "alembic history"\n')
    assert key(folder) != edited, "editing the session must invalidate"

    edited = key(folder)
    assert key(folder, versions="alembic=1.21.0") != edited, "a library upgrade must invalidate"
    assert key(folder, runner="r2") != edited, "a change to the runner must invalidate"
    assert key(folder, server="embedded postgres (PostgreSQL) 18.7") != edited, \
        "another server version must invalidate"

    (folder / "migrations/__pycache__").mkdir()
    (folder / "migrations/__pycache__/env.cpython-311.pyc").write_bytes(b"junk")
    assert key(folder) == edited, "bytecode caches are not inputs"


def summary(stdout: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith("abe: "))


def test_unchanged_example_is_not_rerun_and_edited_one_is(book: Book) -> None:
    book.example("ex01-passing", PASSING_SESSION)
    folder = book.example("ex02-other", PASSING_SESSION)
    book.page("# Fixture\n\n```{example} ex01-passing\n```\n\n```{example} ex02-other\n```\n")
    first = book.build("-W", quiet=False, ABE_FORCE="all")
    assert first.returncode == 0, first.stderr
    assert "2 executed in this build, 0 from cache" in summary(first.stdout)

    # a fresh output folder and environment (a clean HTML build) still hits the cache
    second = book.build("-W", "-E", outdir="_build/other", quiet=False)
    assert "0 executed in this build, 2 from cache" in summary(second.stdout)

    revision = folder / "migrations/versions/0001_widgets.py"
    revision.write_text(revision.read_text() + "# edited\n")
    third = book.build("-W", outdir="_build/other", quiet=False)
    assert "1 executed in this build, 1 from cache" in summary(third.stdout)
    assert "updating environment: 0 added, 1 changed" in third.stdout


def test_parallel_build_is_byte_identical_to_serial(book: Book) -> None:
    for n in range(1, 5):
        book.example(f"ex0{n}-example", PASSING_SESSION)
        book.page(f"# Page {n}\n\n```{{example}} ex0{n}-example\n```\n", name=f"page{n}")
    book.page("# Fixture\n\n```{toctree}\npage1\npage2\npage3\npage4\n```\n")
    serial = book.build("-W", outdir="_build/serial", ABE_FORCE="all", ABE_JOBS="1")
    parallel = book.build("-W", "-j", "2", outdir="_build/parallel", ABE_FORCE="all",
                          ABE_JOBS="2")
    assert serial.returncode == 0 and parallel.returncode == 0, serial.stderr + parallel.stderr
    for n in range(1, 5):
        assert serial.html(f"page{n}") == parallel.html(f"page{n}"), f"page{n} differs"


def _imports_of(path: Path) -> set[str]:
    """The ``abe`` modules a module imports (relative or absolute), as file names."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0] + ".py")
            elif node.level == 1:
                found.update(alias.name + ".py" for alias in node.names)
            elif node.module and node.module.startswith("abe."):
                found.add(node.module.split(".")[1] + ".py")
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] + ".py" for a in node.names
                         if a.name.startswith("abe."))
    return found


def test_render_only_modules_are_out_of_the_key_and_of_the_execution_side() -> None:
    """A module left out of the runner fingerprint must not be able to change a result: no
    module that is in the fingerprint imports it, directly or through another one."""
    from abe import cache

    package = Path(cache.__file__).parent
    hashed = {p.name for p in package.glob("*.py")} - cache.RENDER_ONLY
    assert {"executor.py", "worker.py", "claims.py", "normalize.py", "session.py"} <= hashed
    # the execution side: what runs the examples (the Sphinx process's executor, the worker
    # process) and everything they import, also inside functions
    reached: set[str] = set()
    todo = ["executor.py", "worker.py"]
    while todo:
        name = todo.pop()
        if name in reached or not (package / name).is_file():
            continue
        reached.add(name)
        todo += sorted(_imports_of(package / name))
    assert not reached & cache.RENDER_ONLY, sorted(reached & cache.RENDER_ONLY)
    assert reached <= hashed

    # on a copy of the package: a rendering edit keeps the fingerprint, an execution edit not
    import shutil

    copy = Path(__import__("tempfile").mkdtemp()) / "abe"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    saved = cache._RUNNER_DIR
    try:
        cache._RUNNER_DIR = copy
        cache.runner_fingerprint.cache_clear()
        before = cache.runner_fingerprint()
        with (copy / "directive.py").open("a") as f:
            f.write("\n# rendering-only edit\n")
        cache.runner_fingerprint.cache_clear()
        assert cache.runner_fingerprint() == before, "a rendering edit re-executes the book"
        with (copy / "worker.py").open("a") as f:
            f.write("\n# execution edit\n")
        cache.runner_fingerprint.cache_clear()
        assert cache.runner_fingerprint() != before, "an execution edit must re-execute"
    finally:
        cache._RUNNER_DIR = saved
        cache.runner_fingerprint.cache_clear()
        shutil.rmtree(copy.parent, ignore_errors=True)
