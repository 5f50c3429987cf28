"""phase 3: drop the legacy_code column

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"  # => head; deploy only when no code names the column at all
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on products
    # => no rewrite
    op.execute("SET LOCAL lock_timeout = '5s'")
    # => `SET LOCAL lock_timeout = '5s'`: house style (Example 63): fail fast, never queue traffic
    op.drop_column("products", "legacy_code")
    # => `ALTER TABLE products DROP COLUMN legacy_code`: the data is gone


def downgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.add_column("products", sa.Column("legacy_code", sa.String(20), nullable=True))
    # => the column comes back empty (NULL): the dropped values cannot be restored
