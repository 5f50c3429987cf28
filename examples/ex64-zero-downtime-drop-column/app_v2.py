"""The new application: legacy_code is gone from its model."""

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
    # => no legacy_code: its INSERTs omit the column (allowed once 0002 dropped NOT NULL)


engine = sa.create_engine(os.environ["DATABASE_URL"])
try:
    with Session(engine) as session:
        products = session.scalars(sa.select(Product).order_by(Product.id)).all()
        # => SELECT products.id, products.sku: no legacy_code
        session.add(Product(sku=sys.argv[1]))
        # => the INSERT omits legacy_code: it is not in the model
        session.commit()
        print("v2 read", len(products), "products, wrote", sys.argv[1])
except sa.exc.DBAPIError as error:
    print("v2 fails:", error.orig)  # => the database's message, without the traceback
    sys.exit(1)
