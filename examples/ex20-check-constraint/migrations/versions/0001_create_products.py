"""create products table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => this revision's id; stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(  # => a table that shipped with no rules on its numbers
        "products",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100), nullable=False),  # => `name VARCHAR(100) NOT NULL`
        sa.Column("price", sa.Numeric(10, 2), nullable=False),  # => `price NUMERIC(10, 2) NOT NULL`
        sa.Column("discount_price", sa.Numeric(10, 2)),  # => `discount_price NUMERIC(10, 2)`
    )


def downgrade() -> None:
    op.drop_table("products")  # => DROP TABLE products (not run in this session)
