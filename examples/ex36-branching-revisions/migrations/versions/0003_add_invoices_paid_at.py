"""billing: add invoices.paid_at

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"  # => continues the billing branch; inherits its label
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("invoices", sa.Column("paid_at", sa.DateTime(timezone=True)))
    # => `ALTER TABLE invoices ADD COLUMN paid_at TIMESTAMP WITH TIME ZONE`


def downgrade() -> None:
    op.drop_column("invoices", "paid_at")
