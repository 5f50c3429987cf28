"""add users.avatar_url (developer B's branch)

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0001"  # => B's head was ALSO 0001: nobody saw 0002 yet
# => after both pull requests are merged, 0001 has two children and the graph two heads
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("avatar_url", sa.String(500)))
    # => `ALTER TABLE users ADD COLUMN avatar_url VARCHAR(500)`
    # => touches nothing 0002 touches: it does not matter which of the two runs first


def downgrade() -> None:
    op.drop_column("users", "avatar_url")  # => the exact reverse
