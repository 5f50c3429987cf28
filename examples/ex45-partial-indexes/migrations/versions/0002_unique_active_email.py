"""unique email among active users (partial index)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => stored in alembic_version after upgrade
down_revision: str | None = "0001"  # => applies on top of 0001
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "uq_users_email_active",  # => explicit name: downgrade() drops it by this name
        "users",
        ["email"],
        unique=True,  # => uniqueness applies only to the rows inside the index
        postgresql_where=sa.text("deleted_at IS NULL"),
        # => the predicate: only active rows are indexed, deleted ones are ignored
    )
    # => `CREATE UNIQUE INDEX uq_users_email_active ON users (email) WHERE deleted_at IS NULL`
    # => a plain CREATE INDEX, as the table is new; on a populated, live table first look for
    # => active duplicates (a unique index cannot be built over them), then build it CONCURRENTLY (Example 67)
    # => a partial index: no foreign key can reference it (that needs a unique constraint or
    # => a unique index over the whole table)


def downgrade() -> None:
    op.drop_index("uq_users_email_active", table_name="users")
    # => `DROP INDEX uq_users_email_active`
