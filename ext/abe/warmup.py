"""The worker's warm-up: real Alembic commands run once in the worker before it forks, so what
Alembic, SQLAlchemy and psycopg load or build on first use is inherited by every step."""

from __future__ import annotations

import os
import sys
from typing import Any

import alembic.config
import sqlalchemy

_WARM_INI = """[alembic]
script_location = %(here)s/migrations
path_separator = os

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
"""
_WARM_ENV = """import os
from logging.config import fileConfig
from alembic import context
from sqlalchemy import create_engine
fileConfig(context.config.config_file_name, disable_existing_loggers=False)
engine = create_engine(os.environ.get("ABE_WARM_URL") or "sqlite://")
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
"""
_WARM_REVISION = """import sqlalchemy as sa
from alembic import op
revision = "warm"
down_revision = None
def upgrade():
    op.create_table("t", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.String(10), server_default="x"))
    op.create_index("ix_t_name", "t", ["name"])
def downgrade():
    op.drop_table("t")
"""


def warm_up() -> None:
    """Run real Alembic commands in this process, so that what Alembic, SQLAlchemy and psycopg
    load or build on first use (lazy imports, the dialect's first connection, DDL compilers) is
    inherited by every forked step instead of being redone in each.

    They run against the database named by ``ABE_WARM_URL``: an empty database the build
    created for this alone and drops as soon as the worker is ready. Without it they run
    against an in-memory SQLite database, which warms up less."""
    import tempfile

    from sqlalchemy.schema import CreateTable

    imported = _imported_handlers()
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "migrations", "versions"))
        for name, text in (("alembic.ini", _WARM_INI), ("migrations/env.py", _WARM_ENV),
                           ("migrations/versions/warm.py", _WARM_REVISION)):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as fh:
                fh.write(text)
        # Silenced at the descriptors: Alembic prints to the sys.stdout it saw at import time,
        # so redirecting sys.stdout would not reach it
        saved = os.dup(1), os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            for argv in (["upgrade", "head"], ["current"], ["downgrade", "base"]):
                alembic.config.main(argv=["-c", os.path.join(tmp, "alembic.ini"), *argv],
                                    prog="alembic")
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in (*saved, devnull):
                os.close(fd)
    _reset_logging(imported)
    metadata = sqlalchemy.MetaData()
    table = sqlalchemy.Table("t", metadata, sqlalchemy.Column("id", sqlalchemy.Integer,
                                                              primary_key=True))
    engine = sqlalchemy.create_engine("postgresql+psycopg://warm@/warm")
    str(CreateTable(table).compile(dialect=engine.dialect))
    engine.dispose()


def _imported_handlers() -> dict[str, list[Any]]:
    """The handlers that importing the libraries installed (Alembic gives its logger a
    NullHandler, so a message logged before fileConfig() is not printed by logging's last
    resort handler), by logger name."""
    import logging

    return {name: list(logger.handlers)
            for name, logger in logging.Logger.manager.loggerDict.items()
            if isinstance(logger, logging.Logger) and logger.handlers}


def _reset_logging(imported: dict[str, list[Any]]) -> None:
    """Logging as a fresh process has it: every logger that imports created, configured only as
    the imports configure it, so each step's own fileConfig() starts from the same state as a
    real `alembic` run."""
    import logging

    root = logging.getLogger()
    root.handlers.clear()
    root.setLevel(logging.WARNING)
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger):
            logger.handlers[:] = imported.get(name, [])
            logger.setLevel(logging.NOTSET)
            logger.disabled = False
            logger.propagate = True
