"""add users.email_verified

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the head of the main chain when the reports branch was started
down_revision: str | None = "0001"  # => ordinary parent link: 0001 -> 0002
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("email_verified", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    # => `ALTER TABLE users ADD COLUMN email_verified BOOLEAN DEFAULT false NOT NULL`


def downgrade() -> None:
    op.drop_column("users", "email_verified")
    # => `ALTER TABLE users DROP COLUMN email_verified`
