"""Migration tests that do not care where their PostgreSQL comes from."""

import sqlalchemy as sa
from alembic import command
from alembic.config import Config


def test_server_is_recent_enough(database_url: str) -> None:
    engine = sa.create_engine(database_url)  # => container URL or DATABASE_URL, same code
    with engine.connect() as conn:
        version = int(conn.execute(sa.text("SHOW server_version_num")).scalar_one())
        # => `SHOW server_version_num`: e.g. 150020 for 15.20, 180006 for 18.6
    engine.dispose()
    assert version >= 150000  # => these migrations need PostgreSQL 15 or newer


def test_upgrade_then_downgrade(alembic_cfg: Config, database_url: str) -> None:
    command.upgrade(alembic_cfg, "head")  # => 0001 then 0002, as "alembic upgrade head" would
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:  # => a short inspection connection
        columns = [c["name"] for c in sa.inspect(conn).get_columns("accounts")]
    engine.dispose()  # => no open connection may hold a lock while downgrade drops the table
    assert columns == ["id", "email", "balance_cents"]  # => 0001's columns, then 0002's
    command.downgrade(alembic_cfg, "base")  # => leaves the database as the test found it
