"""create books table

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => replaces '0001' in alembic_version when applied
down_revision: str | None = "0001"  # => Alembic follows this link to find what to run next
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "books",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("authors.id"), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
    )
    # => moving from one revision to the next updates the single row in place:
    # => `UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001'`
    # => alembic current then reads the row and marks it as the newest script:
    # => Output: 0002 (head)


def downgrade() -> None:
    op.drop_table("books")  # => `DROP TABLE books`
    # => `UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002'`
