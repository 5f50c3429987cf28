"""rename and tighten customers (the draft, fixed by hand)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the same id as the draft it replaces
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column("customers", "full_name", new_column_name="name")
    # => a real rename, the data stays in place: `ALTER TABLE customers RENAME full_name TO name`
    op.alter_column(
        "customers", "status",
        type_=sa.String(30),  # => from the draft
        server_default="active",  # => from the draft made with compare_server_default=True
        existing_type=sa.String(20),  # => what the column is now
        existing_nullable=False,  # => keeps NOT NULL as it is
    )
    # => `ALTER TABLE customers ALTER COLUMN status TYPE VARCHAR(30)`
    # => `ALTER TABLE customers ALTER COLUMN status SET DEFAULT 'active'`
    op.create_check_constraint(op.f("ck_customers_age_non_negative"), "customers", "age >= 0")
    # => from the draft made with the checkconstraint_byname plugin
    # => `ALTER TABLE customers ADD CONSTRAINT ck_customers_age_non_negative CHECK (age >= 0)`
    # => alembic_version: '0001' -> '0002'


def downgrade() -> None:  # => the exact reverse, in reverse order
    op.drop_constraint(op.f("ck_customers_age_non_negative"), "customers", type_="check")
    op.alter_column(
        "customers", "status",
        type_=sa.String(20),  # => fails if a status written since is longer than 20 characters
        server_default="new",  # => restores the old default
        existing_type=sa.String(30),
        existing_nullable=False,
    )
    op.alter_column("customers", "name", new_column_name="full_name")
    # => renamed back last: the steps above name the column they found
