"""create users with soft delete

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("email", sa.Text, nullable=False),  # => `email TEXT NOT NULL`, no UNIQUE here
        sa.Column("deleted_at", sa.DateTime(timezone=True)),
        # => `deleted_at TIMESTAMP WITH TIME ZONE`: NULL means the account is active
    )


def downgrade() -> None:
    op.drop_table("users")  # => `DROP TABLE users`
