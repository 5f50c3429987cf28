"""The application's models: order_lines as revision 0003 leaves it."""

from sqlalchemy import BigInteger, Computed, Identity, Integer, MetaData, String
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


class OrderLine(Base):
    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    sku: Mapped[str] = mapped_column(String(20))
    unit_price_cents: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    total_cents: Mapped[int | None] = mapped_column(
        Integer, Computed("unit_price_cents * quantity", persisted=True)
    )
    total_with_vat_cents: Mapped[int | None] = mapped_column(
        Integer, Computed("round(unit_price_cents * quantity * 1.21)::integer", persisted=True)
    )
    # => the VAT rate edited from 1.20 to 1.21: autogenerate cannot turn this into a migration
