"""add users.display_name

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-24 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("users", sa.Column("display_name", sa.String(100)))
    # => `ALTER TABLE users ADD COLUMN display_name VARCHAR(100)`
    # => 0002 is only implied by the 0003 row, so 0004 gets a row of its own:
    # => `INSERT INTO alembic_version (version_num) VALUES ('0004')`


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("users", "display_name")  # => `ALTER TABLE users DROP COLUMN display_name`
