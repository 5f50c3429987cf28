"""reports branch: verified_users view

Revision ID: 0003
Revises: 
Create Date: 2026-11-24 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = ('reports',)
depends_on: Union[str, Sequence[str], None] = None  # => the one change: no prerequisite


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE VIEW verified_users AS SELECT id, email FROM users WHERE email_verified")
    # => `CREATE VIEW verified_users AS SELECT id, email FROM users WHERE email_verified`
    # => without depends_on nothing tells Alembic that users and email_verified must exist first


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP VIEW verified_users")  # => `DROP VIEW verified_users`
