"""audit trail: also record the application's end user

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

AUDIT_FUNCTION_V2 = """
CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    INSERT INTO audit_log (table_name, operation, old_data, new_data, app_user)
    VALUES (
        TG_TABLE_NAME,
        TG_OP,
        CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END,
        CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END,
        NULLIF(current_setting('app.user_id', true), '')
    );
    RETURN NULL;
END $$
"""  # => the application says who its user is with SET LOCAL app.user_id = '...'
# => current_setting(..., true): NULL instead of an error when the setting was never made
# => NULLIF: after a SET LOCAL in an earlier transaction on the same connection, the setting
# => reads '' instead (the session's DELETE shows it), which would be stored as a user

AUDIT_FUNCTION_V1 = """
CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    INSERT INTO audit_log (table_name, operation, old_data, new_data)
    VALUES (
        TG_TABLE_NAME,
        TG_OP,
        CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END,
        CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END
    );
    RETURN NULL;
END $$
"""  # => the body of 0002, copied here, not imported: a revision must not change when a later
# => one is edited (Alembic's "replaceable objects" pattern keeps each version in its revision)


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    # => every write to products also writes audit_log: it is as busy as products
    op.add_column("audit_log", sa.Column("app_user", sa.Text))
    # => `ALTER TABLE audit_log ADD COLUMN app_user TEXT`: the end user, NULL if none was set
    op.execute(AUDIT_FUNCTION_V2)  # => `CREATE OR REPLACE FUNCTION audit_row_change()`
    # => replaced in place: the trigger on products keeps pointing at it, nothing is dropped


def downgrade() -> None:
    op.execute(AUDIT_FUNCTION_V1)  # => the previous body back first: it must not name app_user
    op.drop_column("audit_log", "app_user")  # => drops the recorded end users
