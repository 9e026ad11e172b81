"""notices

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=10), nullable=False),
    sa.Column('subtype', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('period_kind', sa.String(length=10), nullable=False),
    sa.Column('period_year', sa.Integer(), nullable=False),
    sa.Column('period_no', sa.Integer(), nullable=False),
    sa.Column('post_from', sa.Date(), nullable=True),
    sa.Column('post_to', sa.Date(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('public_numbers', sa.Text(), nullable=False),
    sa.Column('supervision_phone', sa.String(length=30), nullable=False),
    sa.Column('issuer', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('review_opinion', sa.Text(), nullable=False),
    sa.Column('review_date', sa.Date(), nullable=True),
    sa.Column('posted_date', sa.Date(), nullable=True),
    sa.Column('photo', sa.String(length=100), nullable=False),
    sa.Column('opening_balance_fen', sa.Integer(), nullable=True),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('matter_id', sa.Integer(), nullable=True),
    sa.Column('matter_step', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['corrects_id'], ['notice.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_period_year'), ['period_year'], unique=False)

    op.create_table('notice_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('item', sa.String(length=200), nullable=False),
    sa.Column('direction', sa.String(length=2), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=100), nullable=False),
    sa.Column('handler', sa.String(length=50), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('notice_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_item_notice_id'), ['notice_id'], unique=False)

    op.create_table('villager_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=True),
    sa.Column('asked_on', sa.Date(), nullable=False),
    sa.Column('asker', sa.String(length=50), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('villager_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_villager_question_notice_id'), ['notice_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('villager_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_villager_question_notice_id'))

    op.drop_table('villager_question')
    with op.batch_alter_table('notice_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_item_notice_id'))

    op.drop_table('notice_item')
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_period_year'))
        batch_op.drop_index(batch_op.f('ix_notice_category'))

    op.drop_table('notice')
