"""rectification ledger (整改台账)

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rect_source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('raised_by', sa.String(length=100), nullable=False),
    sa.Column('doc_no', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('rect_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('accepted_by', sa.String(length=50), nullable=False),
    sa.Column('acceptance', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['leader_id'], ['person.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_id'], ['rect_source.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rect_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rect_item_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_rect_item_source_id'), ['source_id'], unique=False)

    op.create_table('rect_measure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['rect_item.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rect_measure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rect_measure_item_id'), ['item_id'], unique=False)

    op.create_table('rect_progress',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['rect_item.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rect_progress', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rect_progress_item_id'), ['item_id'], unique=False)

    op.create_table('rect_reopening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=60), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=False),
    sa.Column('accepted_by', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['rect_item.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rect_reopening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rect_reopening_item_id'), ['item_id'], unique=False)

    op.create_table('rect_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('progress_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('stored_name', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['progress_id'], ['rect_progress.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rect_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rect_attachment_progress_id'), ['progress_id'], unique=False)

    op.create_table('rect_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('progress_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('ref_id', sa.Integer(), nullable=False),
    sa.Column('ref_date', sa.Date(), nullable=True),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['progress_id'], ['rect_progress.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rect_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rect_link_progress_id'), ['progress_id'], unique=False)


def downgrade() -> None:
    for table, columns in (('rect_link', ['progress_id']), ('rect_attachment', ['progress_id']),
                           ('rect_reopening', ['item_id']), ('rect_progress', ['item_id']),
                           ('rect_measure', ['item_id']), ('rect_item', ['source_id', 'deadline'])):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_index(batch_op.f(f'ix_{table}_{column}'))
        op.drop_table(table)
    op.drop_table('rect_source')
