"""What was written in an open chat case or question, encrypted, for the web dashboard.

Revision ID: 0012_case_messages
Revises: 0011_roster
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0012_case_messages"
down_revision = "0011_roster"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table."""
    op.create_table(
        "case_messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("escalation_id", sa.String(36), nullable=False),
        sa.Column("staff_id", sa.String(32), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalations.id"],
            name=op.f("fk_case_messages_escalation_id_escalations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_messages")),
    )
    op.create_index("ix_case_messages_escalation_id", "case_messages", ["escalation_id"])


def downgrade() -> None:
    """Drop the table."""
    op.drop_index("ix_case_messages_escalation_id", table_name="case_messages")
    op.drop_table("case_messages")
