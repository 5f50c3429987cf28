"""add users.phone (developer A's branch)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => A's head was 0001 when A generated this revision
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("phone", sa.String(30)))
    # => `ALTER TABLE users ADD COLUMN phone VARCHAR(30)`; already applied in production


def downgrade() -> None:
    op.drop_column("users", "phone")  # => the exact reverse
