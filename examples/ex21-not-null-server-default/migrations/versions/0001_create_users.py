"""create users table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => this revision's id; stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("email", sa.String(255), nullable=False),  # => `email VARCHAR(255) NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("users")  # => DROP TABLE users (not run in this session)
