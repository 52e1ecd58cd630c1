"""Check-in answers: what a person answered to a planned check-in, and when (an answer on
a later day still counts), and the conversation (a chat session's key: channel and
pseudonym) the check-in opened, so that an answer after that session closed still finds it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the columns."""
    with op.batch_alter_table("planned_messages") as batch:
        batch.add_column(sa.Column("answer", sa.String(16), nullable=True))
        batch.add_column(sa.Column("answered_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("conversation", sa.String(100), nullable=True))
    op.create_index(
        "ix_planned_messages_conversation", "planned_messages", ["conversation", "sent_at"]
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_planned_messages_conversation", table_name="planned_messages")
    with op.batch_alter_table("planned_messages") as batch:
        batch.drop_column("conversation")
        batch.drop_column("answered_at")
        batch.drop_column("answer")
