"""The application's models: what `alembic check` compares the migrated database against."""

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Identity, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",  # => ix_users_display_name
    "uq": "uq_%(table_name)s_%(column_0_name)s",  # => uq_users_email
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",  # => pk_users
}  # => the book's convention (Example 16): the same names in models and migrations


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)  # => NOT NULL (not Optional)
    display_name: Mapped[str | None] = mapped_column(String(100), index=True)  # => nullable
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
