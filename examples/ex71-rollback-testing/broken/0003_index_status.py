"""index projects.status (downgrade forgets the index)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_projects_status", "projects", ["status"])
    # => `CREATE INDEX ix_projects_status ON projects (status)`


def downgrade() -> None:
    pass  # => BUG: the index is never dropped
    # => the stairway test catches it: upgrade 0003 again finds the index still there
