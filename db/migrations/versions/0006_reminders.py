"""reminders

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('derived_disposition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('area', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('decided_by', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('reminder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('all_cadres', sa.Boolean(), nullable=False),
    sa.Column('recurrence', sa.String(length=10), nullable=False),
    sa.Column('anchor', sa.Date(), nullable=False),
    sa.Column('holiday', sa.String(length=10), nullable=False),
    sa.Column('days_before', sa.Integer(), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('event_kind', sa.String(length=10), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_kind'), ['kind'], unique=False)

    op.create_table('reminder_occurrence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reminder_id', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('done_by', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['reminder_id'], ['reminder.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('reminder_id', 'due_date')
    )
    with op.batch_alter_table('reminder_occurrence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_occurrence_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_occurrence_reminder_id'), ['reminder_id'], unique=False)

    op.create_table('reminder_target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reminder_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['reminder_id'], ['reminder.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('reminder_id', 'person_id')
    )
    with op.batch_alter_table('reminder_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_target_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_target_reminder_id'), ['reminder_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reminder_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_target_reminder_id'))
        batch_op.drop_index(batch_op.f('ix_reminder_target_person_id'))

    op.drop_table('reminder_target')
    with op.batch_alter_table('reminder_occurrence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_occurrence_reminder_id'))
        batch_op.drop_index(batch_op.f('ix_reminder_occurrence_due_date'))

    op.drop_table('reminder_occurrence')
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_kind'))

    op.drop_table('reminder')
    op.drop_table('derived_disposition')
