"""add users.locale

Revision ID: 0002
Revises: 1a247fc91901
Create Date: 2026-11-24 09:30:00
"""
# colleague/: a revision written on another branch, from the same head, with the same next id

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the id the other branch also chose: two files now claim it
down_revision: str | None = "1a247fc91901"  # => the same parent as the backfill revision
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("locale", sa.String(10)))  # => never runs in this session


def downgrade() -> None:
    op.drop_column("users", "locale")  # => nor does this
