"""team rules: 年度党建计划, 主体责任清单 and 责任书, 学习制度, 值班制度

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('team_duty_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('task', sa.Text(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_team_duty_item_person_id'), 'team_duty_item', ['person_id'], unique=False)
    op.create_index(op.f('ix_team_duty_item_year'), 'team_duty_item', ['year'], unique=False)
    op.create_table('team_duty_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('calls', sa.Text(), nullable=False),
    sa.Column('visits', sa.Text(), nullable=False),
    sa.Column('events', sa.Text(), nullable=False),
    sa.Column('handling', sa.Text(), nullable=False),
    sa.Column('handover', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('day')
    )
    op.create_table('team_rota_slot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('day', 'role')
    )
    op.create_index(op.f('ix_team_rota_slot_day'), 'team_rota_slot', ['day'], unique=False)
    op.create_index(op.f('ix_team_rota_slot_person_id'), 'team_rota_slot', ['person_id'], unique=False)
    op.create_table('team_rota_swap',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('from_person_id', sa.Integer(), nullable=True),
    sa.Column('to_person_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('logged_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['from_person_id'], ['person.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['to_person_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_team_rota_swap_day'), 'team_rota_swap', ['day'], unique=False)
    op.create_table('team_self_study',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('hours_tenths', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_team_self_study_date'), 'team_self_study', ['date'], unique=False)
    op.create_index(op.f('ix_team_self_study_person_id'), 'team_self_study', ['person_id'], unique=False)
    op.create_table('team_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('adopted_meeting_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['adopted_meeting_id'], ['meeting.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('year')
    )
    op.create_table('team_pledge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('scan_title', sa.String(length=200), nullable=False),
    sa.Column('scan_stored', sa.String(length=100), nullable=False),
    sa.Column('report_meeting_id', sa.Integer(), nullable=True),
    sa.Column('report_text', sa.Text(), nullable=False),
    sa.Column('assessment', sa.String(length=10), nullable=False),
    sa.Column('assessment_note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['report_meeting_id'], ['meeting.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('year', 'person_id')
    )
    op.create_index(op.f('ix_team_pledge_person_id'), 'team_pledge', ['person_id'], unique=False)
    op.create_index(op.f('ix_team_pledge_year'), 'team_pledge', ['year'], unique=False)
    op.create_table('team_study_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('hours_tenths', sa.Integer(), nullable=False),
    sa.Column('materials', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id')
    )
    op.create_table('team_plan_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['team_plan.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_team_plan_change_plan_id'), 'team_plan_change', ['plan_id'], unique=False)
    op.create_table('team_plan_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('span_kind', sa.String(length=10), nullable=False),
    sa.Column('span_no', sa.Integer(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('standard', sa.Text(), nullable=False),
    sa.Column('proof_kind', sa.String(length=10), nullable=False),
    sa.Column('proof_ref', sa.String(length=40), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('done_note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['team_plan.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_team_plan_item_plan_id'), 'team_plan_item', ['plan_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_team_plan_item_plan_id'), table_name='team_plan_item')
    op.drop_table('team_plan_item')
    op.drop_index(op.f('ix_team_plan_change_plan_id'), table_name='team_plan_change')
    op.drop_table('team_plan_change')
    op.drop_table('team_study_session')
    op.drop_index(op.f('ix_team_pledge_year'), table_name='team_pledge')
    op.drop_index(op.f('ix_team_pledge_person_id'), table_name='team_pledge')
    op.drop_table('team_pledge')
    op.drop_table('team_plan')
    op.drop_index(op.f('ix_team_self_study_person_id'), table_name='team_self_study')
    op.drop_index(op.f('ix_team_self_study_date'), table_name='team_self_study')
    op.drop_table('team_self_study')
    op.drop_index(op.f('ix_team_rota_swap_day'), table_name='team_rota_swap')
    op.drop_table('team_rota_swap')
    op.drop_index(op.f('ix_team_rota_slot_person_id'), table_name='team_rota_slot')
    op.drop_index(op.f('ix_team_rota_slot_day'), table_name='team_rota_slot')
    op.drop_table('team_rota_slot')
    op.drop_table('team_duty_log')
    op.drop_index(op.f('ix_team_duty_item_year'), table_name='team_duty_item')
    op.drop_index(op.f('ix_team_duty_item_person_id'), table_name='team_duty_item')
    op.drop_table('team_duty_item')
