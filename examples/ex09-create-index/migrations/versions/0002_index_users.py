"""index users by email, last name and creation time

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => this revision's id
down_revision: str | None = "0001"  # => runs after 0001, which created the table
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("uq_users_email", "users", ["email"], unique=True)
    # => `CREATE UNIQUE INDEX uq_users_email ON users (email)`
    # => unique=True: a second row with the same email now fails with a UniqueViolation
    op.create_index("ix_users_last_name", "users", ["last_name"])
    # => `CREATE INDEX ix_users_last_name ON users (last_name)`: a plain B-tree index
    op.create_index(
        "ix_users_created_at_desc",  # => index name: always pass one, the downgrade needs it
        "users",  # => table to index
        [sa.text("created_at DESC")],  # => an element may be SQL text: here a descending sort
        # => a list of plain names (["a", "b"]) makes a composite index
        postgresql_using="btree",  # => access method; btree is the default, gin/gist/brin also work
        if_not_exists=True,  # => adds IF NOT EXISTS: no error if the index is already there
    )
    # => `CREATE INDEX IF NOT EXISTS ix_users_created_at_desc ON users USING btree (created_at DESC)`
    # => serves "newest first" queries: ORDER BY created_at DESC LIMIT 20


def downgrade() -> None:
    # => drop in reverse order of creation; each drop names the index it removes
    op.drop_index("ix_users_created_at_desc", table_name="users", if_exists=True)
    # => `DROP INDEX IF EXISTS ix_users_created_at_desc`
    op.drop_index("ix_users_last_name", table_name="users")  # => `DROP INDEX ix_users_last_name`
    op.drop_index("uq_users_email", table_name="users")  # => `DROP INDEX uq_users_email`
