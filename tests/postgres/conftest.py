"""tests/postgres: every test here runs on PostgreSQL (the shared fixtures'
``app`` is the PostgreSQL one)."""
import pytest


@pytest.fixture
def engine():
    return "postgresql"
