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
            sa.Computed("round(unit_price_cents * quantity * 1.20)::integer", persisted=True),
            # => 20% VAT, rounded to the cent (integer division, * 6 / 5, would truncate);
            # => it may not reference total_cents: a generation expression cannot use
            # => another generated column
        ),
    )
    # => `ALTER TABLE order_lines ADD COLUMN total_with_vat_cents INTEGER GENERATED ALWAYS AS`
    # => a STORED generated column is computed for every existing row as it is added: the table
    # => is rewritten (Example 46 measures it)


def downgrade() -> None:
    op.drop_column("order_lines", "total_with_vat_cents")
    # => ALTER TABLE order_lines DROP COLUMN total_with_vat_cents
