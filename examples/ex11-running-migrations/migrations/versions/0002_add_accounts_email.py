"""add accounts.email

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => second link
down_revision: str | None = "0001"  # => parent: upgrading to 0002 first applies 0001 if needed
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("accounts", sa.Column("email", sa.String(255)))
    # => `ALTER TABLE accounts ADD COLUMN email VARCHAR(255)`
    # => afterwards alembic_version holds '0002' (the row is updated, not added)
    # => Output: INFO  [alembic.runtime.migration] Running upgrade 0001 -> 0002, add accounts.email


def downgrade() -> None:
    op.drop_column("accounts", "email")  # => ALTER TABLE accounts DROP COLUMN email
