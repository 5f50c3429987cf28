"""Insert two articles through the ORM and read the arrays back as Python lists."""

import os

from models import Article
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

engine = create_engine(os.environ["DATABASE_URL"])  # => the database the migration ran on

with Session(engine) as session:
    session.add_all([
        Article(title="Alembic arrays", tags=["postgres", "alembic"], ratings=[5, 4]),
        # => tags sent as `'{postgres,alembic}'::TEXT[]`, ratings as an INTEGER[] parameter
        Article(title="Untagged draft"),  # => tags omitted: the server default '{}' applies
    ])
    session.commit()
    for article in session.scalars(select(Article).order_by(Article.id)):
        print(article.id, article.title, article.tags, article.ratings)
        # => Output: 1 Alembic arrays ['postgres', 'alembic'] [5, 4]
        # => Output: 2 Untagged draft [] None
