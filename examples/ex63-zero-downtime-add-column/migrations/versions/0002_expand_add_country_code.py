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
    op.execute("SET LOCAL lock_timeout = '3s'")
    # => `SET LOCAL lock_timeout = '3s'`: ADD COLUMN needs a brief ACCESS EXCLUSIVE lock;
    # => if a long transaction holds the table, give up after 3 s instead of queueing
    # => every other query behind this ALTER (the real cause of "migration downtime")
    op.add_column("customers", sa.Column("country_code", sa.String(2), nullable=True))
    # => `ALTER TABLE customers ADD COLUMN country_code VARCHAR(2)`
    # => nullable, no default: a catalog-only change, no table rewrite, instant on any size
    # => old code never names the column, so its INSERTs and SELECTs keep working


def downgrade() -> None:
    op.drop_column("customers", "country_code")
    # => removes the column and whatever the new code wrote into it
