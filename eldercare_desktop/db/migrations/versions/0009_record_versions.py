"""record versions: editable records carry a version (optimistic locking)

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

#: residents, rooms and beds, contracts, fee items, users, settings and the centre
VERSIONED = ("resident", "room", "bed", "contract", "fee_item", "app_user", "setting", "centre")


def upgrade() -> None:
    # the version is not sealed (db.sealing.UNSEALED): existing seals stay valid
    for table in VERSIONED:
        op.add_column(table, sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35): no table rebuild, foreign keys untouched
    for table in VERSIONED:
        op.drop_column(table, 'version')
