"""Taking an example home: the zip is the same bytes in every build, and the extra packages a
page states are derived from what the example imports and runs."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from abe.downloads import needs, zip_bytes
from abe.indexes import api_uses
from abe.session import SessionError, load_example
from conftest import ROOT

EXAMPLES = ROOT / "examples"


def test_zip_is_byte_identical_whatever_the_file_times_and_modes(tmp_path: Path) -> None:
    first = load_example(EXAMPLES / "ex22-uuid-columns")
    copy = tmp_path / "ex22-uuid-columns"
    shutil.copytree(first.path, copy)
    for path in copy.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
        if path.is_file():
            path.chmod(0o600)
    second = load_example(copy)
    data = zip_bytes(first, "Example 22", ROOT)
    assert data == zip_bytes(second, "Example 22", ROOT)
    (tmp_path / "ex22.zip").write_bytes(data)
    with zipfile.ZipFile(tmp_path / "ex22.zip") as archive:
        names = archive.namelist()
    assert names == sorted(names)
    assert "ex22-uuid-columns/session.toml" not in names
    assert "ex22-uuid-columns/README.md" in names
    (copy / "check_keys.py").write_text("print('edited')\n")
    assert zip_bytes(load_example(copy), "Example 22", ROOT) != data, "an edit changes the zip"


def test_extra_packages_come_from_imports_programs_and_hooks() -> None:
    def of(slug: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        need = needs(load_example(EXAMPLES / slug), ROOT)
        return tuple(p.split(">")[0] for p in need.packages), need.programs

    assert of("ex06-create-table") == ((), ("psql",))
    assert of("ex62-async-engine")[0] == ("sqlalchemy[asyncio]",)
    assert of("ex85-fastapi-migration-status")[0] == ("fastapi", "httpx")
    assert "pytest" in of("ex53-migration-testing")[0]
    assert "sqlite3" in of("ex33-batch-sqlite")[1]
    assert of("ex76-post-migration-hooks")[0] == ("ruff",)  # a post-write hook and a step
    assert of("ex02-alembic-ini")[0] == ("ruff",)  # only its alembic.ini's hook runs ruff


def test_every_page_with_an_extra_package_names_it_in_its_text() -> None:
    """The derived packages agree with what the pages' own prose says (house style: the first
    paragraph names them), so neither drifts from the other unnoticed."""
    missing = []
    for folder in sorted(EXAMPLES.glob("ex[0-9][0-9]-*")):
        page = next((ROOT / "book").glob(f"*/{folder.name}.md"), None)
        if page is None:
            continue
        text = page.read_text(encoding="utf-8").lower()
        need = needs(load_example(folder), ROOT)
        for spec in need.packages:
            name = spec.split(">")[0].split("[")[0]
            if name not in text:
                missing.append(f"{page.relative_to(ROOT)}: {name}")
    assert not missing, missing


def test_a_shown_file_that_does_not_parse_is_named_with_its_line(tmp_path: Path) -> None:
    """The zip's package list and the operations index read the same parsed files; a syntax
    error stops both with the file and line, not a traceback from the ast module."""
    copy = tmp_path / "ex06-create-table"
    shutil.copytree(EXAMPLES / "ex06-create-table", copy)
    revision = copy / "migrations/versions/0001_create_users.py"
    lines = revision.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("def upgrade("))
    lines[number - 1] = "def upgrade( -> None:"
    revision.write_text("\n".join(lines) + "\n", encoding="utf-8")
    example = load_example(copy)
    for read, purpose in ((lambda: needs(example, ROOT), "for its imports"),
                          (lambda: api_uses(example), "for its alembic calls")):
        with pytest.raises(SessionError) as caught:
            read()
        assert str(caught.value).startswith(f"{revision}:{number}: cannot parse {purpose}:"), \
            str(caught.value)
