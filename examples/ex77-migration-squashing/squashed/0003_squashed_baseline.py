"""squashed baseline: authors and books as of 0003

Revision ID: 0003
Revises:
Create Date: 2026-11-24 10:00:00

Replaces 0001, 0002 and 0003. Keeps the id of the old head, so databases already at 0003
need no change; databases at 0001 or 0002 must first be upgraded with the old files.
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"  # => SAME id as the old head: alembic_version rows stay valid
down_revision: str | None = None  # => now the base of the chain: history starts here
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => the end state of the three old revisions, written once (no intermediate steps)
    op.create_table(
        "authors",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100), nullable=False),  # => `name VARCHAR(100) NOT NULL`
    )
    op.create_table(
        "books",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("authors.id"), nullable=False),
        sa.Column("published_year", sa.SmallInteger),  # => `published_year SMALLINT`
        # => same column order as the old chain produced, so \d output matches exactly
    )
    op.create_index("ix_books_author_id", "books", ["author_id"])
    # => `CREATE INDEX ix_books_author_id ON books (author_id)`


def downgrade() -> None:
    op.drop_table("books")  # => `DROP TABLE books`; its index goes with it
    op.drop_table("authors")  # => `DROP TABLE authors`
