"""index users: case-insensitive email, surname with newest first, BRIN on created_at

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
    # => locks: SHARE on users
    # => no rewrite
    op.create_index(
        "ix_users_lower_email",  # => always pass a name: downgrade() drops the index by it
        "users",
        [sa.text("lower(email)")],  # => an expression, not a column: sa.text() is copied verbatim
        unique=True,  # => at most one row per lower-cased email
    )
    # => `CREATE UNIQUE INDEX ix_users_lower_email ON users (lower(email))`
    # => Ada@Example.com and ada@example.com now collide; only WHERE lower(email) = ... uses it

    op.create_index(
        "ix_users_last_name",  # => the convention of Example 16 names an index by its first column
        "users",
        ["last_name", sa.text("created_at DESC")],  # => two columns, in opposite directions
    )
    # => `CREATE INDEX ix_users_last_name ON users (last_name, created_at DESC)`
    # => serves ORDER BY last_name, created_at DESC (and its exact mirror) without a sort step

    op.create_index(
        "ix_users_created_at",
        "users",
        ["created_at"],
        postgresql_using="brin",  # => a non-default access method; gin, gist, hash, spgist too
    )
    # => `CREATE INDEX ix_users_created_at ON users USING brin (created_at)`
    # => BRIN stores one min/max summary per block range (128 pages): tiny, and useful only
    # => while created_at follows the physical row order, as on an append-only table


def downgrade() -> None:
    # => drop in reverse order of creation; each drop names the index it removes
    op.drop_index("ix_users_created_at", table_name="users")  # => `DROP INDEX ix_users_created_at`
    op.drop_index("ix_users_last_name", table_name="users")  # => `DROP INDEX ix_users_last_name`
    op.drop_index("ix_users_lower_email", table_name="users")
    # => `DROP INDEX ix_users_lower_email`
