"""meeting search index

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from db.search_grams import rows

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    gram = op.create_table('meeting_gram',
    sa.Column('gram', sa.String(length=2), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('gram', 'date', 'meeting_id'),
    sqlite_with_rowid=False,
    )
    op.create_index(op.f('ix_meeting_gram_meeting_id'), 'meeting_gram', ['meeting_id'], unique=False)
    conn = op.get_bind()
    meeting = sa.table('meeting', sa.column('id', sa.Integer), sa.column('date', sa.Date),
                       sa.column('topic', sa.String), sa.column('minutes', sa.Text))
    for meeting_id, date, topic, minutes in conn.execute(sa.select(meeting)):
        found = rows(meeting_id, date, (topic or "", minutes or ""))
        if found:
            conn.execute(gram.insert(), found)


def downgrade() -> None:
    op.drop_index(op.f('ix_meeting_gram_meeting_id'), table_name='meeting_gram')
    op.drop_table('meeting_gram')
