"""create users table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => the revision already applied before autogenerate runs
down_revision: str | None = None  # => first revision of the chain
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("email", sa.String(255), nullable=False),  # => `email VARCHAR(255) NOT NULL`
        sa.UniqueConstraint("email"),  # => unnamed: PostgreSQL calls it users_email_key
    )


def downgrade() -> None:
    op.drop_table("users")  # => DROP TABLE users
