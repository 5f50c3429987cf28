"""phase 1: stop requiring legacy_code (drop NOT NULL)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => deploy BEFORE the application version that stops writing the column
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on products
    op.execute("SET LOCAL lock_timeout = '5s'")  # => house style before ALTER TABLE (Example 63)
    op.alter_column("products", "legacy_code", existing_type=sa.String(20), nullable=True)
    # => `ALTER TABLE products ALTER COLUMN legacy_code DROP NOT NULL`
    # => old code that still writes the column is unaffected, new code may now omit it


def downgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("UPDATE products SET legacy_code = '' WHERE legacy_code IS NULL")
    # => rows written by new code have NULL; give them a value or SET NOT NULL fails
    # => a rollback for a small table: on a large one this UPDATE and the SET NOT NULL scan
    # => share one transaction under the ALTER's lock; go back in phases as Example 63 goes forward
    op.alter_column("products", "legacy_code", existing_type=sa.String(20), nullable=False)
