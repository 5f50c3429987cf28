"""Migration environment: Alembic runs this file for every command that touches the database.

This one also decides WHICH environment it migrates, and adapts its settings to it.
"""

import logging
import os
from logging.config import fileConfig

from alembic import context
from alembic.util import CommandError
from sqlalchemy import create_engine, pool

config = context.config  # => the parsed alembic.ini (the [alembic] section)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini
log = logging.getLogger("alembic.env")  # => under the alembic logger: printed at INFO

target_metadata = None  # => no models here; autogenerate is not used in this example

DATABASE_URL = os.environ["DATABASE_URL"]
# => always from the environment; each environment's deploy job sets its own DATABASE_URL
# => KeyError if unset (fail fast, never a default DB)

# => per-environment settings: everything that differs between environments except the URL
SETTINGS = {
    "development": {"lock_timeout": "0", "seed_demo_data": True},  # => "0" = wait forever
    "staging": {"lock_timeout": "10s", "seed_demo_data": False},
    "production": {"lock_timeout": "3s", "seed_demo_data": False},
    # => a short lock_timeout makes a blocked ALTER TABLE fail fast instead of queueing
    # => every other query behind it
}

x_args = context.get_x_argument(as_dictionary=True)
# => alembic -x env=staging ... gives {"env": "staging"}; no -x gives {}
APP_ENV = x_args.get("env") or os.environ.get("APP_ENV", "development")
# => precedence: -x on the command line, then the APP_ENV variable, then development
if APP_ENV not in SETTINGS:
    raise CommandError(f"unknown environment {APP_ENV!r}; expected one of {', '.join(SETTINGS)}")
    # => CommandError: Alembic prints FAILED: ... and exits with status 255
settings = SETTINGS[APP_ENV]
config.attributes["seed_demo_data"] = settings["seed_demo_data"]
# => config.attributes: a dict revisions can read through context.config
log.info("Environment %s, lock_timeout=%s", APP_ENV, settings["lock_timeout"])
# => Output: INFO  [alembic.env] Environment staging, lock_timeout=10s


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout instead of executing it."""
    context.configure(url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():  # => emits BEGIN; ... COMMIT; around the script
        context.execute(f"SET LOCAL lock_timeout = '{settings['lock_timeout']}'")
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect and execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    # => NullPool: one short-lived connection, closed when the command ends
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():  # => one BEGIN ... COMMIT around all pending revisions
            context.execute(f"SET LOCAL lock_timeout = '{settings['lock_timeout']}'")
            # => `SET LOCAL lock_timeout = '10s'` under staging; LOCAL: until COMMIT only
            context.run_migrations()  # => calls upgrade()/downgrade() of each pending revision


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
