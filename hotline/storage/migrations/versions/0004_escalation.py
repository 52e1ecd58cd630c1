"""Escalation: staff, the roster's schedule, escalation records, timers, tasks and cases.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _escalation_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["escalation_id"],
        ["escalations.id"],
        name=op.f(f"fk_{table}_escalation_id_escalations"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "staff",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("telegram", sa.Text(), nullable=True),
        sa.Column("telegram_ref", sa.String(64), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("telegram_ref", name=op.f("uq_staff_telegram_ref")),
    )
    op.create_table(
        "roster_schedule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("weekly", sa.JSON(), nullable=False),
        sa.Column("once", sa.JSON(), nullable=False),
        sa.Column("holidays", sa.JSON(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_schedule")),
    )
    op.create_table(
        "escalations",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("log_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.Column("staff_id", sa.String(32), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(24), nullable=True),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["log_id"],
            ["call_log.id"],
            name=op.f("fk_escalations_log_id_call_log"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
    )
    op.create_index("ix_escalations_log_id", "escalations", ["log_id"])
    op.create_index("ix_escalations_started_at", "escalations", ["started_at"])
    op.create_table(
        "escalation_timers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("escalation_id", sa.String(36), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=False),
        sa.Column("fired_at", UTCDateTime(), nullable=True),
        _escalation_fk("escalation_timers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_timers")),
    )
    op.create_index("ix_escalation_timers_due_at", "escalation_timers", ["fired_at", "due_at"])
    op.create_table(
        "callback_tasks",
        sa.Column("escalation_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("contact", sa.Text(), nullable=True),
        sa.Column("recording_url", sa.Text(), nullable=True),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        _escalation_fk("callback_tasks"),
        sa.PrimaryKeyConstraint("escalation_id", name=op.f("pk_callback_tasks")),
    )
    op.create_index("ix_callback_tasks_expires_at", "callback_tasks", ["closed_at", "expires_at"])
    op.create_table(
        "chat_cases",
        sa.Column("escalation_id", sa.String(36), nullable=False),
        sa.Column("session_key", sa.String(96), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("pending", sa.JSON(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        _escalation_fk("chat_cases"),
        sa.PrimaryKeyConstraint("escalation_id", name=op.f("pk_chat_cases")),
    )
    op.create_index("ix_chat_cases_session_key", "chat_cases", ["session_key", "closed_at"])
    op.create_table(
        "staff_notices",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("escalation_id", sa.String(36), nullable=False),
        sa.Column("chat", sa.Text(), nullable=False),
        sa.Column("chat_ref", sa.String(64), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=False),
        _escalation_fk("staff_notices"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_notices")),
    )
    op.create_index("ix_staff_notices_chat", "staff_notices", ["chat_ref", "message_id"])
    op.create_index("ix_staff_notices_escalation_id", "staff_notices", ["escalation_id"])


def downgrade() -> None:
    """Drop the tables."""
    for table in (
        "staff_notices",
        "chat_cases",
        "callback_tasks",
        "escalation_timers",
        "escalations",
        "roster_schedule",
        "staff",
    ):
        op.drop_table(table)
