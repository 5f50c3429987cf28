"""phase 2: drop the customers compatibility view

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"  # => head; deploy once no running code uses "customers"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => DROP VIEW locks the view ACCESS EXCLUSIVE
    op.execute("DROP VIEW customers")  # => `DROP VIEW customers`: the old name disappears


def downgrade() -> None:
    op.execute("CREATE VIEW customers AS SELECT id, name FROM clients")  # => back to phase 1
