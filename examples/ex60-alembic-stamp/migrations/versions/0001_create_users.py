"""create users

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => describes the schema the legacy database already has
# => "alembic stamp 0001" writes this id to alembic_version without calling upgrade():
# => Output: INFO  [alembic.runtime.migration] Running stamp_revision  -> 0001
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("email", sa.String(255), nullable=False),  # => `email VARCHAR(255) NOT NULL`
    )
    # => on the legacy database this fails and rolls back, because the table exists:
    # => Output: sqlalchemy.exc.ProgrammingError: (psycopg.errors.DuplicateTable) relation "users" already exists
    # => "alembic stamp 0001" records the revision without running this function


def downgrade() -> None:
    op.drop_table("users")  # => DROP TABLE users (stamp never calls this)
