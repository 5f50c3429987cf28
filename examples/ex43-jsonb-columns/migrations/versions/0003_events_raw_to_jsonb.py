"""convert events.raw from json to jsonb

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column(
        "events", "raw",
        type_=postgresql.JSONB,
        existing_type=sa.JSON,
        existing_nullable=True,
        postgresql_using="raw::jsonb",
        # => optional for json (an assignment cast exists); required from text, where
        # => PostgreSQL refuses: column "raw" cannot be cast automatically to type jsonb
    )
    # => `ALTER TABLE events ALTER COLUMN raw TYPE JSONB USING raw::jsonb`
    # => every row is parsed and written to a new table file; duplicate keys collapse


def downgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column(
        "events", "raw",
        type_=sa.JSON,
        existing_type=postgresql.JSONB,
        existing_nullable=True,
        postgresql_using="raw::json",
    )  # => back to json, but the spacing and duplicate keys jsonb dropped do not come back
