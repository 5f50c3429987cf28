"""add users.status

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => first attempt at revision 0002
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("status", sa.String(20), nullable=False),
        # => NOT NULL, but no value for the rows that already exist
    )
    # => `ALTER TABLE users ADD COLUMN status VARCHAR(20) NOT NULL`
    # => existing rows would get NULL, so PostgreSQL rejects the statement:
    # => psycopg raises NotNullViolation; SQLAlchemy wraps it and Alembic exits with status 1:
    # => Output: sqlalchemy.exc.IntegrityError: (psycopg.errors.NotNullViolation) column "status" of relation "users" contains null values
    # => the transaction rolls back; alembic_version stays at 0001
    # => on an empty table the same revision succeeds, so it passes in dev and fails in prod


def downgrade() -> None:
    op.drop_column("users", "status")
