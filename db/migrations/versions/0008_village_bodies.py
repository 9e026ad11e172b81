"""village bodies: 村民小组, 村民代表 details, 党小组, which bodies the village has, 村民会议 counts

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('villager_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('households', sa.Integer(), nullable=False),
    sa.Column('adults', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['leader_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('representative_detail',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('contact_households', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['group_id'], ['villager_group.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id')
    )
    op.create_table('party_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['leader_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('village_body',
    sa.Column('body', sa.String(length=20), nullable=False),
    sa.Column('kept', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('body')
    )
    op.create_table('villager_meeting_count',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('adults_total', sa.Integer(), nullable=False),
    sa.Column('adults_present', sa.Integer(), nullable=False),
    sa.Column('households_total', sa.Integer(), nullable=False),
    sa.Column('households_present', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['villager_group.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id')
    )


def downgrade() -> None:
    op.drop_table('villager_meeting_count')
    op.drop_table('village_body')
    op.drop_table('party_group')
    op.drop_table('representative_detail')
    op.drop_table('villager_group')
