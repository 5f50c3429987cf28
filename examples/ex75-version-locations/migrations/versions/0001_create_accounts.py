"""create accounts table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => the core application's first revision
down_revision: str | None = None  # => a base: nothing before it
branch_labels = ("core",)  # => lets commands say core@head
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("email", sa.String(255), nullable=False),  # => `email VARCHAR(255) NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("accounts")  # => `DROP TABLE accounts`
