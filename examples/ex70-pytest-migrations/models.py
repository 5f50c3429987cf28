"""The application's models: command.check() compares them with the migrated schema."""

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Identity, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",  # => uq_users_email, the name 0002 spells out
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",  # => pk_users, pk_users_email_duplicates
}  # => the book's convention (Example 16)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)  # => NOT NULL, unique
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class UserEmailDuplicate(Base):
    """Accounts set aside by revision 0002 because their email collided after lowercasing."""

    __tablename__ = "users_email_duplicates"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # => the id the row had in users, kept so support can merge the accounts
    email: Mapped[str] = mapped_column(String(255))  # => as the user typed it
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
