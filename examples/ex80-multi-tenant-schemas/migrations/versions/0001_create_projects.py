"""create projects

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => recorded in <tenant>.alembic_version
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(  # => no schema=: the table lands in the tenant schema on search_path
        "projects",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("title", sa.String(100), nullable=False),  # => `title VARCHAR(100) NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("projects")  # => `DROP TABLE projects`, in the current tenant only
