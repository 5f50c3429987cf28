"""Fixtures: the project's Alembic Config and a database reset to base around every test."""

import os
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine

ALEMBIC_INI = Path(__file__).resolve().parent.parent / "alembic.ini"


@pytest.fixture
def alembic_cfg() -> Config:
    return Config(str(ALEMBIC_INI))  # => the same configuration as the CLI


@pytest.fixture
def engine() -> Engine:
    engine = create_engine(os.environ["DATABASE_URL"])  # => the test database
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def empty_database(alembic_cfg: Config) -> None:
    command.downgrade(alembic_cfg, "base")  # => each test starts from an empty schema
    yield
