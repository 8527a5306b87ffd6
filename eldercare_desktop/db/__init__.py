"""SQLAlchemy models, queries and migrations."""
