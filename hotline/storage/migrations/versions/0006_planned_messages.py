"""Planned messages: each participant's campaign as rows, and every delivery attempt; the
specialist a program task is assigned to.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LIVE = sa.text("status != 'cancelled'")


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "planned_messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("anchor", sa.Date(), nullable=False),
        sa.Column("participant", sa.String(32), nullable=False),
        sa.Column("campaign", sa.String(64), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("step", sa.String(64), nullable=False),
        sa.Column("recipient_kind", sa.String(16), nullable=False),
        sa.Column("recipient_ref", sa.String(36), nullable=True),
        sa.Column("due_at", UTCDateTime(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("local_time", sa.String(5), nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("window", sa.String(11), nullable=False),
        sa.Column("flow", sa.String(64), nullable=True),
        sa.Column("message", sa.String(64), nullable=True),
        sa.Column("last", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("ready_at", UTCDateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=True),
        sa.Column("provider_id", sa.String(64), nullable=True),
        sa.Column("reason", sa.String(200), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("sending_at", UTCDateTime(), nullable=True),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_messages")),
    )
    op.create_index(
        "uq_planned_messages_live",
        "planned_messages",
        ["key", "anchor"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    op.create_index("ix_planned_messages_ready", "planned_messages", ["status", "ready_at"])
    op.create_index(
        "ix_planned_messages_participant", "planned_messages", ["participant", "due_at"]
    )
    op.create_index(
        "ix_planned_messages_recipient", "planned_messages", ["recipient_ref", "sent_at"]
    )
    op.create_table(
        "message_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("planned_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("provider_id", sa.String(64), nullable=True),
        sa.Column("detail", sa.String(200), nullable=True),
        sa.ForeignKeyConstraint(
            ["planned_id"],
            ["planned_messages.id"],
            name=op.f("fk_message_attempts_planned_id_planned_messages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_attempts")),
    )
    op.create_index("ix_message_attempts_planned_id", "message_attempts", ["planned_id"])
    op.add_column("escalations", sa.Column("assigned_to", sa.String(32), nullable=True))


def downgrade() -> None:
    """Drop the tables."""
    with op.batch_alter_table("escalations") as batch:
        batch.drop_column("assigned_to")
    op.drop_table("message_attempts")
    op.drop_table("planned_messages")
