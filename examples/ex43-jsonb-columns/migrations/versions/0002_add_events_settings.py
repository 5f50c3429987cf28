"""add events.settings, a JSONB column with a default, to a populated table

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    # => the book's lock discipline for ALTER TABLE on a live table (Examples 63-68)
    op.add_column(
        "events",
        sa.Column("settings", postgresql.JSONB, nullable=False, server_default="{}"),
        # => a plain string works too: `DEFAULT '{}'`, an untyped literal PostgreSQL turns
        # => into jsonb; it stores '{}'::jsonb, the same as payload's sa.text() spelling
    )
    # => `ALTER TABLE events ADD COLUMN settings JSONB DEFAULT '{}' NOT NULL`
    # => a constant default: existing rows read it from the catalog, the table file stays


def downgrade() -> None:
    op.drop_column("events", "settings")
