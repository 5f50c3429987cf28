"""create books

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => needs authors for its foreign key
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "books",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("title", sa.String(200), nullable=False),  # => `title VARCHAR(200) NOT NULL`
        sa.Column("author_id", sa.Integer, nullable=False),  # => `author_id INTEGER NOT NULL`
        sa.ForeignKeyConstraint(["author_id"], ["authors.id"], name="fk_books_author_id"),
        # => `CONSTRAINT fk_books_author_id FOREIGN KEY(author_id) REFERENCES authors (id)`
    )


def downgrade() -> None:
    op.drop_table("books")  # => `DROP TABLE books`: must happen before authors can go
