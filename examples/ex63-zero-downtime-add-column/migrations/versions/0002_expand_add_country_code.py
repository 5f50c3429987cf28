"""phase 1 (expand): add country_code as a nullable column

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => deploy this BEFORE the new application code
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on customers
    # => no rewrite
    op.execute("SET LOCAL lock_timeout = '5s'")
    # => `SET LOCAL lock_timeout = '5s'`: ALTER TABLE must wait for every transaction that
    # => uses the table, and every query after it waits behind the ALTER (the real cause of
    # => "migration downtime"); with the timeout it gives up after 5 s and can be retried
    op.add_column("customers", sa.Column("country_code", sa.String(2), nullable=True))
    # => `ALTER TABLE customers ADD COLUMN country_code VARCHAR(2)`
    # => nullable, no default: only the catalog changes, whatever the table's size
    # => old code never names the column, so its INSERTs and SELECTs keep working


def downgrade() -> None:
    op.drop_column("customers", "country_code")
    # => removes the column and whatever the new code wrote into it
