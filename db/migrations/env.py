"""Alembic environment: always driven from db.migrate with a connection it prepared."""

from alembic import context

from db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode for most ALTERs
)
with context.begin_transaction():
    context.run_migrations()
