"""The anonymous call log, live call sessions and voicemails.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "call_log",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("flow", sa.String(64), nullable=False),
        sa.Column("caller", sa.String(64), nullable=True),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("path", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_call_log"),
    )
    op.create_index("ix_call_log_started_at", "call_log", ["started_at"])
    op.create_index("ix_call_log_caller", "call_log", ["caller"])
    op.create_table(
        "call_sessions",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("log_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("last_response", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["log_id"], ["call_log.id"], name="fk_call_sessions_log_id_call_log", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("key", name="pk_call_sessions"),
    )
    op.create_index("ix_call_sessions_updated_at", "call_sessions", ["updated_at"])
    op.create_table(
        "voicemails",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("log_id", sa.String(36), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.Column("recording_url", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["log_id"], ["call_log.id"], name="fk_voicemails_log_id_call_log", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_voicemails"),
    )


def downgrade() -> None:
    """Drop the tables."""
    op.drop_table("voicemails")
    op.drop_index("ix_call_sessions_updated_at", table_name="call_sessions")
    op.drop_table("call_sessions")
    op.drop_index("ix_call_log_caller", table_name="call_log")
    op.drop_index("ix_call_log_started_at", table_name="call_log")
    op.drop_table("call_log")
