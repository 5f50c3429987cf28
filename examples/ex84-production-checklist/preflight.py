"""Pre-flight checks before `alembic upgrade head` in production. Exit 0 = go, 1 = stop.

Usage: python preflight.py EXPECTED_START  (the version the release notes say production is at)
"""

import os
import sys

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import create_engine, text

expected = sys.argv[1]  # => e.g. 0001: written in the release notes, checked here
problems: list[str] = []  # => every failed check adds a line; any line means NO-GO

script = ScriptDirectory.from_config(Config("alembic.ini"))  # => reads migrations/versions/
heads = script.get_heads()  # => e.g. ['0003']
print(f"script heads: {', '.join(heads)}")  # => Output: script heads: 0003
if len(heads) != 1:
    problems.append("several heads: merge them before deploying")

engine = create_engine(os.environ["DATABASE_URL"])
with engine.connect() as conn:
    conn.execute(text("SET lock_timeout = '5s'"))  # => `SET lock_timeout = '5s'`
    conn.execute(text("SET statement_timeout = '30s'"))  # => `SET statement_timeout = '30s'`
    # => the checks themselves must never hang on a busy production database

    current = MigrationContext.configure(conn).get_current_heads()
    # => reads alembic_version: ('0001',) here; () for an empty database
    at = ", ".join(current) or "base"
    print(f"database at: {at}, release notes expect: {expected}")
    if at != expected:
        problems.append(f"database at {at}, not at {expected}: stop and find out why")
    try:
        pending = list(script.iterate_revisions(heads[0], current[0] if current else None))
    except CommandError as exc:  # => a database revision these scripts do not know
        pending = []
        problems.append(f"cannot plan the upgrade: {exc}")
    pending.reverse()  # => iterate_revisions walks newest first; show them in apply order
    print(f"pending revisions: {len(pending)}")
    for rev in pending:
        print(f"  {rev.revision}  {rev.doc}")  # => Output:   0002  add the accounts.status CHECK, NOT VALID

    can_see_all = conn.execute(text(
        "SELECT pg_has_role(current_user, 'pg_read_all_stats', 'USAGE')"
    )).scalar_one()  # => without it, pg_stat_activity hides other roles' state and query
    if not can_see_all:
        problems.append("grant pg_read_all_stats (or pg_monitor): other sessions are invisible")
    blockers = conn.execute(text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND (state = 'idle in transaction' "
        "OR xact_start < now() - interval '1 minute')"
    )).scalar_one()  # => sessions holding locks idly or for long: DDL would queue behind them
    print(f"idle or long transactions: {blockers}")  # => Output: idle or long transactions: 0
    if blockers:
        problems.append(f"{blockers} idle or long transaction(s) may block DDL")
    conn.rollback()  # => read-only: nothing to keep

for problem in problems:
    print(f"STOP: {problem}")
print("pre-flight: GO" if not problems else "pre-flight: NO-GO")  # => Output: pre-flight: GO
sys.exit(1 if problems else 0)  # => a deploy pipeline stops on a non-zero exit status
