"""The application's models: an order line is identified by (order_id, line_no)."""

from datetime import date

from sqlalchemy import ForeignKey, ForeignKeyConstraint, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={
        "pk": "pk_%(table_name)s",  # => e.g. pk_order_items
        "fk": "fk_%(table_name)s_%(column_0_name)s",  # => e.g. fk_order_items_order_id
    })
    # => constraint names come from one rule, so models and migrations agree on them


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)  # => single-column key
    placed_on: Mapped[date]  # => DATE NOT NULL (not Optional, so NOT NULL)


class OrderItem(Base):
    __tablename__ = "order_items"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # => two primary_key=True columns make ONE composite key: PRIMARY KEY (order_id, line_no)
    # => autoincrement=False says line numbers come from the application; SQLAlchemy only
    # => makes single-column integer keys SERIAL, so this documents intent rather than changes DDL
    sku: Mapped[str] = mapped_column(String(20))


class ItemReturn(Base):
    __tablename__ = "item_returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int]
    line_no: Mapped[int]
    reason: Mapped[str] = mapped_column(String(200))

    __table_args__ = (
        ForeignKeyConstraint(["order_id", "line_no"],
                             ["order_items.order_id", "order_items.line_no"]),
        # => a reference to a composite key must list all of its columns, in key order
    )
