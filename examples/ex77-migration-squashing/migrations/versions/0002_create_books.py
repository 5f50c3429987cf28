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
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),  # => `title VARCHAR(200) NOT NULL`
        sa.Column("author_id", sa.BigInteger, nullable=False),  # => `author_id BIGINT NOT NULL`
        sa.PrimaryKeyConstraint("id", name="pk_books"),
        sa.ForeignKeyConstraint(["author_id"], ["authors.id"], name="fk_books_author_id_authors"),
        # => `CONSTRAINT fk_books_author_id_authors FOREIGN KEY(author_id) REFERENCES authors (id)`
    )


def downgrade() -> None:
    op.drop_table("books")  # => drops the table (never run here: the file is deleted first)
