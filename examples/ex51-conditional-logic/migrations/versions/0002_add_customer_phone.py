"""add customers.phone unless it is already there

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import logging

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => stored in alembic_version once upgrade() returns
down_revision: str | None = "0001"  # => runs after 0001
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.conditional")
# => a child of the "alembic" logger, so alembic.ini's INFO level and console handler apply


def upgrade() -> None:
    bind = op.get_bind()  # => the live Connection that env.py opened (online mode only)
    # => in --sql (offline) mode there is no database to ask: inspect() would fail there
    inspector = sa.inspect(bind)  # => reads the live catalog through this same transaction
    columns = {c["name"] for c in inspector.get_columns("customers")}
    # => e.g. {"id", "name"} on a clean database, {"id", "name", "phone"} after the hotfix

    if "phone" in columns:  # => decision 1, made in Python from what the catalog says
        log.info("customers.phone already exists: skipping ADD COLUMN")
        # => Output: INFO  [alembic.conditional] customers.phone already exists: skipping ADD COLUMN
    else:
        log.info("customers.phone is missing: adding it")
        # => Output: INFO  [alembic.conditional] customers.phone is missing: adding it
        op.add_column("customers", sa.Column("phone", sa.String(30)))
        # => `ALTER TABLE customers ADD COLUMN phone VARCHAR(30)`

    op.create_index("ix_customers_phone", "customers", ["phone"], if_not_exists=True)
    # => decision 2, left to the server: `CREATE INDEX IF NOT EXISTS ix_customers_phone`
    # => PostgreSQL skips it with a NOTICE when the index exists; no Python branch needed
    # => then Alembic moves the version row: `UPDATE alembic_version SET version_num='0002'`


def downgrade() -> None:
    op.drop_index("ix_customers_phone", table_name="customers", if_exists=True)
    # => `DROP INDEX IF EXISTS ix_customers_phone`
    op.drop_column("customers", "phone", if_exists=True)
    # => `ALTER TABLE customers DROP COLUMN IF EXISTS phone`: safe even if phone never existed
