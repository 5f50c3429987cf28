"""Pre-flight checks before `alembic upgrade head` in production. Exit 0 = go, 1 = stop."""

import os
import sys

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

problems: list[str] = []  # => every failed check adds a line; any line means NO-GO

config = Config("alembic.ini")  # => same settings the alembic command uses
script = ScriptDirectory.from_config(config)  # => reads migrations/versions/ (no database)
heads = script.get_heads()  # => e.g. ['0003']
print(f"script heads: {', '.join(heads)}")  # => Output: script heads: 0003
if len(heads) != 1:
    problems.append("several heads: merge them before deploying")
    # => `alembic upgrade head` would refuse anyway; better to know before the window

engine = create_engine(os.environ["DATABASE_URL"])
with engine.connect() as conn:
    conn.execute(text("SET lock_timeout = '5s'"))  # => `SET lock_timeout = '5s'`
    conn.execute(text("SET statement_timeout = '30s'"))  # => `SET statement_timeout = '30s'`
    # => the checks themselves must never hang on a busy production database
    for setting in ("lock_timeout", "statement_timeout"):
        value = conn.execute(text(f"SHOW {setting}")).scalar_one()
        print(f"{setting}: {value}")  # => Output: lock_timeout: 5s

    current = MigrationContext.configure(conn).get_current_heads()
    # => reads alembic_version: ('0001',) here; () for an empty database
    print(f"database at: {', '.join(current) or 'base (empty)'}")  # => Output: database at: 0001

    pending = list(script.iterate_revisions(heads[0], current[0] if current else None))
    pending.reverse()  # => iterate_revisions walks newest first; show them in apply order
    print(f"pending revisions: {len(pending)}")
    for rev in pending:
        print(f"  {rev.revision}  {rev.doc}")  # => Output: 0002  add accounts.status

    busy = conn.execute(text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND state = 'idle in transaction'"
    )).scalar_one()  # => sessions that hold locks while doing nothing: DDL would queue behind them
    print(f"idle-in-transaction sessions: {busy}")  # => Output: idle-in-transaction sessions: 0
    if busy:
        problems.append(f"{busy} idle-in-transaction session(s) may block DDL")
    conn.rollback()  # => read-only: nothing to keep

for problem in problems:
    print(f"STOP: {problem}")
print("pre-flight: GO" if not problems else "pre-flight: NO-GO")  # => Output: pre-flight: GO
sys.exit(1 if problems else 0)  # => a deploy pipeline stops on a non-zero exit status
