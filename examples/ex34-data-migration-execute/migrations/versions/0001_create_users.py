"""create users table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => the starting schema: one free-text name column
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("full_name", sa.String(200), nullable=False),
        # => `full_name VARCHAR(200) NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("users")
