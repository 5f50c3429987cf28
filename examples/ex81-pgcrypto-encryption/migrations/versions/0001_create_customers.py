"""legacy state: customers with a plaintext tax_id

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    customers = op.create_table(  # => returns the Table, reused by bulk_insert below
        "customers",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("email", sa.String(255), nullable=False),  # => `email VARCHAR(255) NOT NULL`
        sa.Column("tax_id", sa.String(20), nullable=False),
        # => `tax_id VARCHAR(20) NOT NULL`: sensitive, stored in clear text (the problem)
    )
    op.bulk_insert(customers, [
        {"email": "ada@example.com", "tax_id": "123-45-6789"},
        {"email": "alan@example.com", "tax_id": "987-65-4321"},
    ])  # => two existing rows the next revision must encrypt in place


def downgrade() -> None:
    op.drop_table("customers")  # => `DROP TABLE customers`
