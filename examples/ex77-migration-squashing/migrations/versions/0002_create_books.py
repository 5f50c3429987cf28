"""create books

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "books",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("title", sa.String(200), nullable=False),  # => `title VARCHAR(200) NOT NULL`
        sa.Column("author_id", sa.Integer, sa.ForeignKey("authors.id"), nullable=False),
        # => `FOREIGN KEY(author_id) REFERENCES authors (id)`; PostgreSQL names it books_author_id_fkey
    )


def downgrade() -> None:
    op.drop_table("books")  # => `DROP TABLE books`
