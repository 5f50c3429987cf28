"""The application's models, in two schemas: what `alembic check` compares the database with."""

from sqlalchemy import BigInteger, ForeignKey, Identity, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}  # => the book's naming convention (Example 16)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Employee(Base):
    __tablename__ = "employees"
    __table_args__ = {"schema": "hr"}  # => the table is hr.employees

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(100))


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = {"schema": "sales"}  # => the table is sales.customers

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    account_manager_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("hr.employees.id"))
    # => a foreign key into another schema names it: "hr.employees.id"
