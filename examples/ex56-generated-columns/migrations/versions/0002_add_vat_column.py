"""add a generated total_with_vat_cents column

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the head
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "order_lines",
        sa.Column(
            "total_with_vat_cents",
            sa.Integer,
            sa.Computed("unit_price_cents * quantity * 6 / 5", persisted=True),
            # => 20% VAT, integer arithmetic; it may not reference total_cents, because a
            # => generation expression cannot use another generated column
        ),
    )
    # => `ALTER TABLE order_lines ADD COLUMN total_with_vat_cents INTEGER GENERATED ALWAYS AS`
    # => a STORED generated column rewrites the table to fill existing rows: an ACCESS
    # => EXCLUSIVE lock for the whole rewrite on a big table


def downgrade() -> None:
    op.drop_column("order_lines", "total_with_vat_cents")
    # => `ALTER TABLE order_lines DROP COLUMN total_with_vat_cents`
