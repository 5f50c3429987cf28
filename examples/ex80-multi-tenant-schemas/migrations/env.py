"""Migration environment: one run migrates ONE tenant schema, chosen with -x tenant=NAME."""

import os
import re
from logging.config import fileConfig

from alembic import context
from alembic.util import CommandError
from sqlalchemy import create_engine, pool, text

config = context.config  # => the parsed alembic.ini (the [alembic] section)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini

target_metadata = None
# => no models: `alembic revision --autogenerate` and `alembic check` refuse to run (exit 255)

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/mydb; KeyError if unset (fail fast, never a default DB)

TENANT = context.get_x_argument(as_dictionary=True).get("tenant")
# => alembic -x tenant=acme upgrade head gives {"tenant": "acme"}; no -x gives None
if TENANT is None or not re.fullmatch(r"[a-z][a-z0-9_]{0,30}", TENANT):
    raise CommandError("pass a tenant: alembic -x tenant=<lowercase name> ...")
    # => Output: FAILED: pass a tenant: alembic -x tenant=<lowercase name> ...
    # => the name is pasted into SQL below, so anything but [a-z0-9_] is refused

TENANT_SETUP = (
    f"CREATE SCHEMA IF NOT EXISTS {TENANT}",
    # => `CREATE SCHEMA IF NOT EXISTS acme`: onboarding a tenant is just its first upgrade
    f"SET search_path TO {TENANT}",
    # => `SET search_path TO acme`: unqualified names in the revisions now mean acme.*
    # => public is not on the path: call functions of extensions installed there as public.f()
)  # => the same two statements online and at the top of the --sql script


def run_migrations_offline() -> None:
    """--sql mode: render one tenant's SQL to stdout."""
    context.configure(url=DATABASE_URL, literal_binds=True, version_table_schema=TENANT)
    for statement in TENANT_SETUP:
        context.execute(statement)  # => without these: no schema, and projects not in it
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect, point the session at the tenant's schema, migrate it."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    with engine.connect() as connection:
        for statement in TENANT_SETUP:
            connection.execute(text(statement))
        connection.commit()  # => keep the setting; Alembic starts its own transaction next
        connection.dialect.default_schema_name = TENANT
        # => tells SQLAlchemy that acme is the default schema: with models, autogenerate then
        # => writes no schema= (Alembic's multi-tenancy cookbook recipe); unused without them
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            version_table_schema=TENANT,
            # => one version table per tenant: `acme.alembic_version`, `globex.alembic_version`
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
