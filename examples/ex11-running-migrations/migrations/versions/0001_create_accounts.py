"""create accounts table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => first link of the chain
down_revision: str | None = None  # => None: this revision sits directly on "base" (empty schema)
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("username", sa.String(50), nullable=False),
        # => `username VARCHAR(50) NOT NULL`
    )
    # => afterwards alembic_version holds '0001'
    # => Output: INFO  [alembic.runtime.migration] Running upgrade  -> 0001, create accounts table


def downgrade() -> None:
    op.drop_table("accounts")  # => DROP TABLE accounts
