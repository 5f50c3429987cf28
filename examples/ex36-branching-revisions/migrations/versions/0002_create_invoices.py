"""billing: create invoices table

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => child of 0001 ...
branch_labels = ("billing",)  # => ... and the first revision of the branch named billing
# => the label then names this revision and every descendant: billing@head = 0003
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("amount_cents", sa.Integer, nullable=False),
    )  # => `CREATE TABLE invoices`
    # => `UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001'`


def downgrade() -> None:
    op.drop_table("invoices")
