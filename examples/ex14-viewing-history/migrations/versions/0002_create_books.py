"""create books table

Books belong to an author; deleting an author is refused while books reference it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""
# => the first docstring line is the message history shows; the paragraph after it appears
# => only in history --verbose and show

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => history prints the pair as "0001 -> 0002"
# => Output: 0001 -> 0002 (current), create books table
# => (with --indicate-current, once the database is at 0002)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "books",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("authors.id"), nullable=False),
        # => `FOREIGN KEY(author_id) REFERENCES authors (id)`
    )


def downgrade() -> None:
    op.drop_table("books")  # => DROP TABLE books
