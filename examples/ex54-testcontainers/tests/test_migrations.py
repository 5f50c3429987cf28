"""Migration tests that do not care where their disposable PostgreSQL comes from."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg

PROJECT = Path(__file__).resolve().parent.parent  # => the folder that holds alembic.ini


def alembic(url: str, *args: str) -> str:
    """Run the alembic CLI, as the deploy does, with DATABASE_URL set to the test server."""
    result = subprocess.run(
        [sys.executable, "-m", "alembic", *args],  # => the alembic of this virtualenv
        cwd=PROJECT,
        env={**os.environ, "DATABASE_URL": url},  # => env.py reads only DATABASE_URL
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr  # => a failed migration fails the test, with its traceback
    return result.stdout


def columns(url: str, table: str) -> list[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = %s ORDER BY ordinal_position",
            (table,),
        ).fetchall()
    return [name for (name,) in rows]


def test_server_is_recent_enough(database_url: str) -> None:
    with psycopg.connect(database_url) as conn:
        version = int(conn.execute("SHOW server_version_num").fetchone()[0])
        # => e.g. 170006 for 17.6, 180006 for 18.6
    assert version >= 150000  # => the project's floor: these two revisions alone would run on
    # => PostgreSQL 10+ (identity columns); raise it when a revision needs a newer feature


def test_upgrade_then_downgrade(database_url: str) -> None:
    alembic(database_url, "upgrade", "head")  # => 0001 then 0002
    assert columns(database_url, "accounts") == ["id", "email", "balance_cents"]
    alembic(database_url, "downgrade", "base")  # => safe: the server is the fixture's own
    assert columns(database_url, "accounts") == []
    assert alembic(database_url, "current") == ""  # => no revision left in alembic_version
