"""create settings table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => stored in alembic_version after upgrade
down_revision: str | None = None  # => first revision of the chain
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), nullable=False),
        # => `key VARCHAR(64) NOT NULL`: a string primary key, no sequence
        sa.Column("value", sa.Text, nullable=False),
        # => `value TEXT NOT NULL`
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
        # => `CONSTRAINT pk_settings PRIMARY KEY (key)`
    )


def downgrade() -> None:
    op.drop_table("settings")  # => DROP TABLE settings
