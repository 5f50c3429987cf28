"""create api_keys table with UUID keys

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"  # => this revision's id; stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column(
            "id",
            sa.Uuid(),  # => generic SQLAlchemy 2.x type; native UUID on PostgreSQL
            server_default=sa.text("gen_random_uuid()"),
            # => the database generates a random (version 4) key; core since PostgreSQL 13,
            # => so no pgcrypto or uuid-ossp extension is needed
            # => on PostgreSQL 18 and later, sa.text("uuidv7()") gives time-ordered keys instead
            nullable=False,
        ),
        # => `id UUID DEFAULT gen_random_uuid() NOT NULL`
        sa.Column("owner_id", postgresql.UUID(as_uuid=True), nullable=False),
        # => the PostgreSQL-specific type: same DDL, `owner_id UUID NOT NULL`
        # => as_uuid=True (the default) returns uuid.UUID objects, not strings
        sa.Column("label", sa.String(50), nullable=False),  # => `label VARCHAR(50) NOT NULL`
        sa.PrimaryKeyConstraint("id", name="pk_api_keys"),  # => `CONSTRAINT pk_api_keys PRIMARY KEY (id)`
    )


def downgrade() -> None:
    op.drop_table("api_keys")  # => DROP TABLE api_keys (not run in this session)
