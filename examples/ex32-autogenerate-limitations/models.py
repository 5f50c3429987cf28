"""The models after four changes. With Alembic's defaults, autogenerate sees two, one of them wrongly."""

import sqlalchemy as sa
from sqlalchemy import CheckConstraint, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}  # => the book's convention (Example 16)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint("age >= 0", name="age_non_negative"),
        # => change 1: a new CHECK, named ck_customers_age_non_negative by the convention
        # => compared only with the opt-in plugin alembic.ext.checkconstraint_byname, by name
    )

    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # => change 2: renamed from full_name; no option makes autogenerate see a rename: it
    # => drafts add_column('name') + drop_column('full_name')
    status: Mapped[str] = mapped_column(String(30), server_default="active")
    # => change 3: VARCHAR(20) -> VARCHAR(30): detected by default
    # => change 4: default 'new' -> 'active': compared only with compare_server_default=True
    age: Mapped[int | None]  # => unchanged: nullable INTEGER
