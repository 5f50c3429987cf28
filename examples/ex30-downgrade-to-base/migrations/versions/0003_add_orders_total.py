"""add orders.total

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"  # => head: the newest revision, where downgrade base starts
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "orders",
        sa.Column("total", sa.Numeric(10, 2), nullable=False, server_default=sa.text("0")),
    )
    # => `ALTER TABLE orders ADD COLUMN total NUMERIC(10, 2) DEFAULT 0 NOT NULL`
    # => sa.text("0"): a numeric literal; the string "0" would render as the text '0'


def downgrade() -> None:
    op.drop_column("orders", "total")  # => runs first: `ALTER TABLE orders DROP COLUMN total`
    # => `UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003'`
    # => Output: INFO  [alembic.runtime.migration] Running downgrade 0003 -> 0002, add orders.total
