"""The application's models; the view is mapped too, so the application can query it."""

from sqlalchemy import BigInteger, Column, ForeignKey, Identity, Integer, MetaData, Table, Text
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


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(Text)


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("customers.id"))
    total_cents: Mapped[int] = mapped_column(Integer)


customer_totals = Table(
    "customer_totals",
    Base.metadata,
    Column("id", BigInteger, primary_key=True),
    Column("name", Text),
    Column("order_count", BigInteger),
    Column("revenue_cents", BigInteger),
    info={"is_view": True},
)
# => the view, described as a Table so queries can select from it; to autogenerate it is a table
# => info={"is_view": True}: a marker of our own, for the include_object hook
