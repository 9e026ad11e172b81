"""village area code and signing key

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("village_profile") as batch_op:
        batch_op.add_column(sa.Column("area_code", sa.String(length=12), nullable=False, server_default=""))
    op.create_table(
        "village_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.Text(), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("village_key")
    with op.batch_alter_table("village_profile") as batch_op:
        batch_op.drop_column("area_code")
