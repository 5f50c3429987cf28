"""add books.isbn (written on a branch that still ended at 0002)

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-24 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"  # => the bug: 0003 was merged meanwhile; now 0003 and 0004 are both heads
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("books", sa.Column("isbn", sa.String(13)))


def downgrade() -> None:
    op.drop_column("books", "isbn")
