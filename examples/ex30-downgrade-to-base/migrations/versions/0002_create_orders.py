"""create orders table

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => orders references customers, so it comes after 0001
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), nullable=False),
        # => `FOREIGN KEY(customer_id) REFERENCES customers (id)`
    )


def downgrade() -> None:
    op.drop_table("orders")  # => runs second: `DROP TABLE orders`, before customers is dropped
    # => `UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002'`
