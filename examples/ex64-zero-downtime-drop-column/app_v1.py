"""The old application: its model still maps legacy_code."""

import os
import sys

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    sku: Mapped[str] = mapped_column(sa.String(20))
    legacy_code: Mapped[str] = mapped_column(sa.String(20))
    # => mapped, so every SELECT of a Product names products.legacy_code


engine = sa.create_engine(os.environ["DATABASE_URL"])
try:
    with Session(engine) as session:
        products = session.scalars(sa.select(Product).order_by(Product.id)).all()
        # => SELECT products.id, products.sku, products.legacy_code: every mapped column
        session.add(Product(sku=sys.argv[1], legacy_code="L" + sys.argv[1]))
        # => the old code still writes the column
        session.commit()
        print("v1 read", len(products), "products, wrote", sys.argv[1])
except sa.exc.DBAPIError as error:
    print("v1 fails:", error.orig)  # => the database's message, without the traceback
    sys.exit(1)
