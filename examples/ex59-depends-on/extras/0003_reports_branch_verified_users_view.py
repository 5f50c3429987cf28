"""reports branch: verified_users view

Revision ID: 0003
Revises: 
Create Date: 2026-11-20 16:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = ('reports',)
depends_on: Union[str, Sequence[str], None] = '0002'


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE VIEW verified_users AS SELECT id, email FROM users WHERE email_verified")
    # => `CREATE VIEW verified_users AS SELECT id, email FROM users WHERE email_verified`
    # => needs the column 0002 adds: depends_on makes Alembic apply 0002 first
    # => 0003 implies 0002, so the version row is moved, not added:
    # => `UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002'`


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP VIEW verified_users")  # => `DROP VIEW verified_users`
