"""create customers table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => the schema as it is in production today
down_revision: str | None = None  # => first revision of the chain
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("full_name", sa.String(100), nullable=False),
        # => `full_name VARCHAR(100) NOT NULL`
        sa.Column("status", sa.String(20), server_default="new", nullable=False),
        # => `status VARCHAR(20) DEFAULT 'new' NOT NULL`
        sa.Column("age", sa.Integer),  # => `age INTEGER`, nullable, no CHECK yet
    )


def downgrade() -> None:
    op.drop_table("customers")
