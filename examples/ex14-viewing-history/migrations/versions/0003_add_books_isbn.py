"""add books.isbn

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"  # => newest entry: history lists it first, tagged (head)
down_revision: str | None = "0002"
# => Output: 0002 -> 0003 (head), add books.isbn
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("books", sa.Column("isbn", sa.String(13)))
    # => ALTER TABLE books ADD COLUMN isbn VARCHAR(13)


def downgrade() -> None:
    op.drop_column("books", "isbn")  # => ALTER TABLE books DROP COLUMN isbn
