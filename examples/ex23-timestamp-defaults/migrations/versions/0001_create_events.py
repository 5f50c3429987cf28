"""create events table with timestamps

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
        "events",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100), nullable=False),  # => `name VARCHAR(100) NOT NULL`
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),  # => timezone=True: an absolute instant (timestamptz)
            server_default=sa.func.now(),  # => the database clock fills it on INSERT
            nullable=False,
        ),
        # => `created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL`
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),  # => set on INSERT only: nothing here runs on UPDATE
            nullable=False,
        ),
        # => `updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL`
        # => onupdate= on a model column is applied by SQLAlchemy, not by PostgreSQL;
        # => a trigger is the database-side way to refresh it on every UPDATE
        sa.Column("starts_at", sa.DateTime()),
        # => no timezone: `starts_at TIMESTAMP WITHOUT TIME ZONE`, a wall-clock reading
    )


def downgrade() -> None:
    op.drop_table("events")  # => DROP TABLE events (not run in this session)
