"""add products.price

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the head: no revision names 0002 as its parent
# => Output: 0002 (head)
# => alembic heads prints that line from the files alone; alembic current prints it once
# => the database has reached 0002
down_revision: str | None = "0001"  # => parent
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("products", sa.Column("price", sa.Numeric(10, 2)))
    # => `ALTER TABLE products ADD COLUMN price NUMERIC(10, 2)`


def downgrade() -> None:
    op.drop_column("products", "price")  # => ALTER TABLE products DROP COLUMN price
