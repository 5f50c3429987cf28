"""add audit_log.action index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade(engine_name: str) -> None:
    """Upgrade schema."""
    globals()["upgrade_%s" % engine_name]()


def downgrade(engine_name: str) -> None:
    """Downgrade schema."""
    globals()["downgrade_%s" % engine_name]()





def upgrade_main() -> None:
    """Upgrade main schema."""
    pass  # => nothing changes in main, but its alembic_version still moves to 0002


def downgrade_main() -> None:
    """Downgrade main schema."""
    pass


def upgrade_audit() -> None:
    """Upgrade audit schema."""
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    # => `CREATE INDEX ix_audit_log_action ON audit_log (action)`: sent to the audit database only


def downgrade_audit() -> None:
    """Downgrade audit schema."""
    op.drop_index("ix_audit_log_action", table_name="audit_log")

