"""The models after this sprint's changes; the database is still at revision 0001."""

from sqlalchemy import ForeignKey, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}  # => predictable names for every constraint autogenerate writes


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)  # => unchanged: nothing detected
    email: Mapped[str] = mapped_column(String(320), index=True)
    # => change 1: VARCHAR(255) -> VARCHAR(320), detected as a type change
    # => Output: INFO  [alembic.autogenerate.compare.types] Detected type change from VARCHAR(length=255) to String(length=320) on 'users.email'
    # => (compare_type is on by default since Alembic 1.12; older guides tell you to enable it)
    # => change 2: index=True, detected as a new index ix_users_email
    display_name: Mapped[str | None] = mapped_column(String(50))
    # => change 3: nickname was renamed display_name; autogenerate cannot see renames and
    # => proposes "add display_name" plus "drop nickname", which would lose every nickname
    # => Output: INFO  [alembic.autogenerate.compare.tables] Detected removed column 'users.nickname'


class Post(Base):
    __tablename__ = "posts"  # => change 4: a new table, detected as added
    # => Output: INFO  [alembic.autogenerate.compare.tables] Detected added table 'posts'

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # => `CONSTRAINT fk_posts_user_id_users FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE`
    body: Mapped[str] = mapped_column(Text)  # => `body TEXT NOT NULL`
