"""create plans table

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
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("code", sa.String(20), nullable=False, unique=True),
        # => `code VARCHAR(20) NOT NULL`, plus `UNIQUE (code)`
        sa.Column("monthly_price", sa.Numeric(8, 2), nullable=False),
        # => `monthly_price NUMERIC(8, 2) NOT NULL`
        sa.Column("launched_on", sa.Date, nullable=False),  # => `launched_on DATE NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("plans")
