"""The application's models: an order line is identified by (order_id, line_no)."""

from datetime import date

from sqlalchemy import BigInteger, ForeignKey, ForeignKeyConstraint, Identity, Index, MetaData, String
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


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)  # => single-column key
    placed_on: Mapped[date]  # => DATE NOT NULL (not Optional, so NOT NULL)


class OrderItem(Base):
    __tablename__ = "order_items"

    order_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("orders.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # => two primary_key=True columns make ONE composite key: PRIMARY KEY (order_id, line_no)
    # => autoincrement=False: line numbers come from the application, never from a sequence
    sku: Mapped[str] = mapped_column(String(20))


class ItemReturn(Base):
    __tablename__ = "item_returns"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    # => a surrogate key of its own: a return is an event, not part of the line's identity
    order_id: Mapped[int] = mapped_column(BigInteger)
    line_no: Mapped[int]
    reason: Mapped[str] = mapped_column(String(200))

    __table_args__ = (
        ForeignKeyConstraint(["order_id", "line_no"],
                             ["order_items.order_id", "order_items.line_no"]),
        # => a reference to a composite key must list all of its columns; each pairs with the
        # => referenced column at the same position, in any order the two lists agree on
        Index(None, "order_id", "line_no"),  # => ix_item_returns_order_id: PostgreSQL does not index FKs
    )


class OrderItemTag(Base):
    __tablename__ = "order_item_tags"

    order_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    line_no: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    tag: Mapped[str] = mapped_column(String(30), primary_key=True)
    # => a junction table: its whole row is its identity
