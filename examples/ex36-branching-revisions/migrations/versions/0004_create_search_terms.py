"""search: create search_terms table

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0001"  # => ALSO a child of 0001: 0001 is now a branch point
branch_labels = ("search",)  # => the second branch, named search; search@head = 0004
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_terms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("term", sa.String(100), nullable=False, unique=True),
    )  # => `CREATE TABLE search_terms`
    # => applied after billing@head, the version table gains a SECOND row instead of an update:
    # => `INSERT INTO alembic_version (version_num) VALUES ('0004')`


def downgrade() -> None:
    op.drop_table("search_terms")
