"""create customers table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None  # => the first revision
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100), nullable=False),  # => `name VARCHAR(100) NOT NULL`
        sa.Column("fax", sa.String(30)),  # => `fax VARCHAR(30)`: the column 0002 removes
    )


def downgrade() -> None:
    op.drop_table("customers")  # => DROP TABLE customers
