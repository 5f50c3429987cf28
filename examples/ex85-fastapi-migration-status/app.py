"""A FastAPI service that reports its own database migration status."""

import os
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import create_engine

HERE = Path(__file__).parent
engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
# => the application's own engine; the endpoints only read alembic_version
script = ScriptDirectory.from_config(Config(str(HERE / "alembic.ini")))
# => the revisions shipped with THIS build of the app (read from its own folder, once)

app = FastAPI(title="orders-service")


def known_to_this_build(revision: str) -> bool:
    try:
        script.get_revision(revision)
        return True
    except CommandError:  # => "No such revision or branch '0002'": a file this build lacks
        return False


def migration_status() -> dict:
    heads = list(script.get_heads())  # => what this code expects, e.g. ['0002']
    with engine.connect() as conn:
        current = list(MigrationContext.configure(conn).get_current_heads())
        # => what the database has: `SELECT alembic_version.version_num`
    unknown = sorted(rev for rev in current if not known_to_this_build(rev))
    if unknown:
        state, pending = "ahead", []
        # => a revision this build has never seen can only come from a newer release that
        # => migrated first; the revision files to prove it descends from our head are not in
        # => this image, so that is an assumption (one code line, no foreign branches)
    else:
        pending = [rev.revision for rev in reversed(list(script.iterate_revisions(heads, current)))]
        # => revisions of this build the database has not run yet, oldest first
        state = "behind" if pending else "current"
    return {
        "code_heads": heads,
        "database_heads": current,
        "pending": pending,
        "state": state,  # => behind / current / ahead
    }


@app.get("/migrations/status")
def status() -> dict:
    return migration_status()  # => always 200: a report for dashboards and humans


@app.get("/health/ready")
def ready() -> JSONResponse:
    info = migration_status()
    is_ready = info["state"] in ("current", "ahead")
    # => ready when the database is at or after this build's head: the expand/contract rule
    # => (Examples 63, 64, 78) keeps a newer schema compatible with the previous release
    return JSONResponse({"ready": is_ready, "state": info["state"], "pending": info["pending"]},
                        status_code=200 if is_ready else 503)
    # => 503 only while the schema is behind this code: the load balancer skips that instance
