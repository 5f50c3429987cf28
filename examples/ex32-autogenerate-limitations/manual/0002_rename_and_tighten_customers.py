"""rename and tighten customers (the draft, fixed by hand)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => replaces the generated draft; same parent
down_revision: str | None = "0001"  # => applied on top of the create-table revision
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column("customers", "full_name", new_column_name="name")
    # => a real rename, the data stays in place: `ALTER TABLE customers RENAME full_name TO name`
    op.alter_column(
        "customers", "status",
        type_=sa.String(30),  # => the change autogenerate did detect, kept
        server_default="active",  # => the change autogenerate did not see, added by hand
        existing_type=sa.String(20),  # => what the column is now
        existing_nullable=False,  # => keeps NOT NULL as it is
    )
    # => `ALTER TABLE customers ALTER COLUMN status TYPE VARCHAR(30)`
    # => `ALTER TABLE customers ALTER COLUMN status SET DEFAULT 'active'`
    op.create_check_constraint(
        "ck_customers_age_non_negative", "customers", "age >= 0",
    )  # => the constraint autogenerate did not see, added by hand
    # => `ALTER TABLE customers ADD CONSTRAINT ck_customers_age_non_negative CHECK (age >= 0)`
    # => alembic_version: '0001' -> '0002'


def downgrade() -> None:  # => the exact reverse, in reverse order
    op.drop_constraint("ck_customers_age_non_negative", "customers", type_="check")
    op.alter_column(
        "customers", "status",
        type_=sa.String(20),  # => narrowing fails if a status is now longer than 20 characters
        server_default="new",
        existing_type=sa.String(30),
        existing_nullable=False,
    )
    op.alter_column("customers", "name", new_column_name="full_name")
