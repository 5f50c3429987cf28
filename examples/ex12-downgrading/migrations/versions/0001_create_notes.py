"""create notes table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => first revision; its downgrade returns the schema to "base"
down_revision: str | None = None  # => no parent
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("title", sa.String(200), nullable=False),  # => `title VARCHAR(200) NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("notes")  # => `DROP TABLE notes`: every row is gone with it
    # => Alembic then deletes the version row: the database is back at base
    # => Output: INFO  [alembic.runtime.migration] Running downgrade 0001 -> , create notes table
