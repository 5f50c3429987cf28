"""add books.published_year and an index on author_id

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"  # => the head: production databases are stamped with this id
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("books", sa.Column("published_year", sa.SmallInteger))
    # => `ALTER TABLE books ADD COLUMN published_year SMALLINT`
    op.create_index("ix_books_author_id", "books", ["author_id"])
    # => `CREATE INDEX ix_books_author_id ON books (author_id)`


def downgrade() -> None:
    op.drop_index("ix_books_author_id", table_name="books")  # => drops the index (never run here)
    op.drop_column("books", "published_year")  # => drops the column again
