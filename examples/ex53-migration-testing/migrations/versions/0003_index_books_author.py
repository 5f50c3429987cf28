"""index books.author_id

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"  # => the head: what "alembic upgrade head" ends at
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_books_author_id", "books", ["author_id"])
    # => `CREATE INDEX ix_books_author_id ON books (author_id)`


def downgrade() -> None:
    op.drop_index("ix_books_author_id", table_name="books")  # => DROP INDEX ix_books_author_id
