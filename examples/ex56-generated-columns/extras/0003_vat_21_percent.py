"""total_with_vat_cents: VAT 21 %

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def _replace(rate: str) -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    op.drop_column("order_lines", "total_with_vat_cents")
    # => `ALTER TABLE order_lines DROP COLUMN total_with_vat_cents`
    op.add_column(
        "order_lines",
        sa.Column(
            "total_with_vat_cents",
            sa.Integer,
            sa.Computed(f"round(unit_price_cents * quantity * {rate})::integer", persisted=True),
        ),
    )
    # => the column again, with the new expression: every row recomputed, old orders included
    # => (PostgreSQL 17+ can do both steps as ALTER COLUMN ... SET EXPRESSION AS (...))


def upgrade() -> None:
    _replace("1.21")


def downgrade() -> None:
    _replace("1.20")
