"""billing: create invoices table

Revision ID: 0002
Revises:
Create Date: 2026-11-24 09:05:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => lives in billing/versions, found through version_locations
down_revision: str | None = None  # => a second base: billing is its own branch
branch_labels = ("billing",)  # => commands can target billing@head
depends_on = "0001"  # => but accounts must exist first: upgrading 0002 also applies 0001
# => so alembic heads calls 0001 an effective head, already implied by 0002:
# => Output: 0001 (core) (effective head)


def upgrade() -> None:
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), nullable=False),
        # => `FOREIGN KEY(account_id) REFERENCES accounts (id)`: why depends_on is needed
        sa.Column("amount_cents", sa.Integer, nullable=False),  # => `amount_cents INTEGER NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("invoices")  # => `DROP TABLE invoices`
