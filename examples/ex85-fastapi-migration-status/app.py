"""A FastAPI service that reports its own database migration status."""

import os
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import create_engine

HERE = Path(__file__).parent
engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
# => the application's own engine; the endpoints only read alembic_version
script = ScriptDirectory.from_config(Config(str(HERE / "alembic.ini")))
# => the revisions shipped with this build of the app (read from disk, once)

app = FastAPI(title="orders-service")


def migration_status() -> dict:
    heads = list(script.get_heads())  # => what this code expects, e.g. ['0002']
    with engine.connect() as conn:
        current = list(MigrationContext.configure(conn).get_current_heads())
        # => what the database has: `SELECT alembic_version.version_num`
    pending = [
        rev.revision
        for rev in reversed(list(script.iterate_revisions(heads, current)))
    ] if set(current) != set(heads) else []  # => revisions between database and code
    return {
        "code_heads": heads,
        "database_heads": current,
        "pending": pending,
        "up_to_date": not pending,
    }


@app.get("/migrations/status")
def status() -> dict:
    return migration_status()  # => always 200: a report for dashboards and humans


@app.get("/health/ready")
def ready() -> JSONResponse:
    info = migration_status()
    code = 200 if info["up_to_date"] else 503
    # => 503 keeps the load balancer from routing traffic to an instance whose schema is behind
    return JSONResponse({"ready": info["up_to_date"], "pending": info["pending"]},
                        status_code=code)
