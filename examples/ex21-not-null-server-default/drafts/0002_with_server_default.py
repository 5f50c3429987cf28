"""add users.status

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the fixed revision 0002: same id, same parent
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on users
    # => no rewrite
    op.add_column(
        "users",
        sa.Column(
            "status",
            sa.String(20),
            nullable=False,
            server_default="active",
            # => a default stored in the database, rendered as a quoted SQL literal
            # => server_default=sa.text("...") passes an expression instead of a string
        ),
    )
    # => `ALTER TABLE users ADD COLUMN status VARCHAR(20) DEFAULT 'active' NOT NULL`
    # => every existing row reads 'active', then NOT NULL is enforced
    # => the default stays on the column: later inserts that omit status get 'active' too


def downgrade() -> None:
    op.drop_column("users", "status")  # => ALTER TABLE users DROP COLUMN status (not run here)
