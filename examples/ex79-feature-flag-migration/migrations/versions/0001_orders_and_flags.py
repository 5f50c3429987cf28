"""baseline: orders, and a feature_flags table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("item", sa.String(100), nullable=False),  # => `item VARCHAR(100) NOT NULL`
    )
    op.create_table(
        "feature_flags",
        sa.Column("name", sa.String(50), primary_key=True),  # => `name VARCHAR(50) NOT NULL`
        sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.false()),
        # => `enabled BOOLEAN DEFAULT false NOT NULL`: a new flag starts off
    )
    # => the application reads this table at run time; operators flip rows, not code


def downgrade() -> None:
    op.drop_table("feature_flags")  # => `DROP TABLE feature_flags`
    op.drop_table("orders")  # => `DROP TABLE orders`
