"""The models after four changes. Autogenerate sees two of them, and one of those wrongly."""

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint("age >= 0", name="ck_customers_age_non_negative"),
        # => change 1: a new CHECK constraint; autogenerate does not compare CHECK constraints
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # => change 2: renamed from full_name; autogenerate cannot tell a rename from
    # => "full_name disappeared, name appeared" and drafts add_column + drop_column
    status: Mapped[str] = mapped_column(String(30), server_default="active")
    # => change 3: VARCHAR(20) -> VARCHAR(30); detected, compare_type is on by default
    # => change 4: default 'new' -> 'active'; NOT detected, server defaults are not compared
    # =>   unless env.py passes compare_server_default=True to context.configure()
    age: Mapped[int | None]  # => unchanged: nullable INTEGER
