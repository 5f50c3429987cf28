"""create users table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => first revision; plain create_table, SQLite has CREATE TABLE
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id INTEGER NOT NULL`
        # => not the book's BIGINT identity: in SQLite only an INTEGER PRIMARY KEY is the
        # => auto-numbered rowid; on PostgreSQL the same column becomes `id SERIAL NOT NULL`
        sa.Column("email", sa.String(255), nullable=False),  # => `email VARCHAR(255) NOT NULL`
        sa.Column("nickname", sa.String(50)),  # => `nickname VARCHAR(50)`, nullable
    )


def downgrade() -> None:
    op.drop_table("users")
