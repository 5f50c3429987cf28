"""create students, courses and the enrollments junction table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => this revision's id; stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(  # => the two entity tables come first: the junction points at both
        "students",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100), nullable=False),  # => `name VARCHAR(100) NOT NULL`
    )
    op.create_table(
        "courses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(100), nullable=False),  # => `title VARCHAR(100) NOT NULL`
    )
    op.create_table(  # => one row per (student, course) pair: the many-to-many link
        "enrollments",
        sa.Column(
            "student_id",
            sa.Integer,
            sa.ForeignKey("students.id", name="fk_enrollments_student_id", ondelete="CASCADE"),
            # => deleting a student deletes their enrollments, not the course
            primary_key=True,  # => part of the composite primary key
        ),
        # => `student_id INTEGER NOT NULL`: no SERIAL, since a composite key is not autoincremented
        sa.Column(
            "course_id",
            sa.Integer,
            sa.ForeignKey("courses.id", name="fk_enrollments_course_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        # => `course_id INTEGER NOT NULL`
        sa.Column("enrolled_at", sa.DateTime(timezone=True),
                  server_default=sa.func.now(), nullable=False),
        # => an attribute of the link itself, not of either side
    )
    # => `PRIMARY KEY (student_id, course_id)`: the same pair cannot be stored twice
    # => `CONSTRAINT fk_enrollments_student_id FOREIGN KEY(student_id)`
    # => `REFERENCES students (id) ON DELETE CASCADE`
    op.create_index("ix_enrollments_course_id", "enrollments", ["course_id"])
    # => `CREATE INDEX ix_enrollments_course_id ON enrollments (course_id)`
    # => the primary key index starts with student_id, so "students of a course" needs this one


def downgrade() -> None:
    op.drop_index("ix_enrollments_course_id", table_name="enrollments")
    # => `DROP INDEX ix_enrollments_course_id`
    op.drop_table("enrollments")  # => `DROP TABLE enrollments`: the junction goes first
    op.drop_table("courses")  # => `DROP TABLE courses`
    op.drop_table("students")  # => `DROP TABLE students`; reverse order avoids FK errors
