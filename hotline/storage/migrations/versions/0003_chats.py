"""Chats: handled updates, opt-outs, and questions left for a specialist.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "chat_updates",
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("update_id", sa.String(64), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("channel", "update_id", name=op.f("pk_chat_updates")),
    )
    op.create_index("ix_chat_updates_received_at", "chat_updates", ["received_at"])
    op.create_table(
        "opt_outs",
        sa.Column("subscriber", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("subscriber", name=op.f("pk_opt_outs")),
    )
    op.create_table(
        "questions",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("log_id", sa.String(36), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("reply_to", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["log_id"],
            ["call_log.id"],
            name=op.f("fk_questions_log_id_call_log"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questions")),
    )


def downgrade() -> None:
    """Drop the tables."""
    op.drop_table("questions")
    op.drop_table("opt_outs")
    op.drop_index("ix_chat_updates_received_at", table_name="chat_updates")
    op.drop_table("chat_updates")
