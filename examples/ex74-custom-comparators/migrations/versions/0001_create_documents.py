"""create documents table

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
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("owner", sa.String(50), nullable=False),  # => `owner VARCHAR(50) NOT NULL`
        sa.Column("body", sa.String),  # => `body VARCHAR`
    )
    # => the table matches the model, but row-level security is still off


def downgrade() -> None:
    op.drop_table("documents")  # => `DROP TABLE documents`
