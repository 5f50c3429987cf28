"""create genres (with a downgrade that forgets it)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "genres",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_genres"),
    )


def downgrade() -> None:
    pass  # => the bug: genres stays, so upgrading to 0004 a second time fails
