"""row seals: money and permission rows sealed into the audit chain

Revision ID: 0008
Revises: 0007
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from eldercare_desktop.db.sealing import SEALED, create_triggers_sql

    op.add_column('audit_log', sa.Column('seal', sa.Text(), nullable=True))
    op.create_table('seal_pending',
                    sa.Column('tbl', sa.String(length=40), nullable=False),
                    sa.Column('row_id', sa.String(length=40), nullable=False),
                    sa.PrimaryKeyConstraint('tbl', 'row_id'))
    op.create_table('row_seal',
                    sa.Column('tbl', sa.String(length=40), nullable=False),
                    sa.Column('row_id', sa.String(length=40), nullable=False),
                    sa.Column('state', sa.Text(), nullable=False),
                    sa.PrimaryKeyConstraint('tbl', 'row_id'))
    op.create_index('ix_row_seal_tbl', 'row_seal', ['tbl'])
    bind = op.get_bind()
    for ddl in create_triggers_sql(bind.dialect.name):
        op.execute(ddl)
    # The rows already there are sealed by one audit row, if there are any.
    rows = [(t, pk) for t, pk in SEALED.items()]
    for t, pk in rows:
        op.execute(f"INSERT INTO seal_pending (tbl, row_id) SELECT '{t}', {pk} FROM {t}")
    if bind.execute(sa.text("SELECT 1 FROM seal_pending LIMIT 1")).first() is not None:
        from eldercare_desktop.db.chain import append

        append(bind, "system", dt.datetime.now().isoformat(timespec="seconds"), "建立数据封存基线", "seal", "")


def downgrade() -> None:
    from eldercare_desktop.db.sealing import drop_triggers_sql

    for ddl in drop_triggers_sql(op.get_bind().dialect.name):
        op.execute(ddl)
    op.drop_index('ix_row_seal_tbl', table_name='row_seal')
    op.drop_table('row_seal')
    op.drop_table('seal_pending')
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.drop_column('seal')
