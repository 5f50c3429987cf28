"""Migration environment: Alembic runs this file for every command that touches the database."""

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool, text

from models import Base  # => models.py, importable because alembic.ini sets prepend_sys_path = .

config = context.config  # => the parsed alembic.ini (the [alembic] section)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini

target_metadata = Base.metadata
# => what `alembic revision --autogenerate` and `alembic check` compare the database with

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/mydb; KeyError if unset (fail fast, never a default DB)
# => SQLAlchemy 2.1 picks psycopg 3 for plain postgresql:// URLs

VERSION_SCHEMA = "meta"
# => alembic_version lives in its own schema, not in public next to application tables
APP_SCHEMAS = {"sales", "hr"}  # => the schemas this migration chain owns
CREATE_VERSION_SCHEMA = f"CREATE SCHEMA IF NOT EXISTS {VERSION_SCHEMA}"
# => `CREATE SCHEMA IF NOT EXISTS meta`: Alembic creates meta.alembic_version, not its schema
# => runs on every command (even `alembic current`); the role needs CREATE on the database


def include_name(name, type_, parent_names) -> bool:
    if type_ == "schema":
        return name in APP_SCHEMAS  # => None (the default schema), meta, and others' schemas: skip
    return True
    # => with include_schemas=True autogenerate reflects every schema; without this filter it
    # => would propose dropping every table in a schema the models do not mention


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout instead of executing it."""
    context.configure(url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True,
                      version_table_schema=VERSION_SCHEMA)
    context.execute(CREATE_VERSION_SCHEMA)  # => the script's first line, before BEGIN
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect and execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    with engine.connect() as connection:
        connection.execute(text(CREATE_VERSION_SCHEMA))
        connection.commit()  # => COMMIT: a clean connection for Alembic's own transaction
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            version_table_schema=VERSION_SCHEMA,
            # => every version query is schema-qualified: `meta.alembic_version`
            include_schemas=True,  # => autogenerate and check look beyond the default schema
            include_name=include_name,  # => ...but only at sales and hr
        )
        with context.begin_transaction():  # => one BEGIN ... COMMIT around all pending revisions
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
