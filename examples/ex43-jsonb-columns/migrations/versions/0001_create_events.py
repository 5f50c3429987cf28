"""create events with JSON and JSONB columns

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"  # => stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("raw", sa.JSON, nullable=True),
        # => `raw JSON`: generic sa.JSON maps to PostgreSQL json (text kept verbatim)
        sa.Column(
            "payload",
            postgresql.JSONB,  # => binary, parsed form: indexable, supports @> and ?
            nullable=False,
            server_default=sa.text("'{}'::jsonb"),
            # => sa.text() is required: a plain "{}" string would be quoted as a text literal
        ),
        # => `payload JSONB DEFAULT '{}'::jsonb NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("events")  # => `DROP TABLE events`
