"""The durable Telegram outbox: a row per message still to send, chat and payload sealed.

Revision ID: 0016_outbox
Revises: 0015_retention
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0016_outbox"
down_revision = "0015_retention"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table and the index its claims go by."""
    op.create_table(
        "telegram_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("request_id", sa.String(64), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("claimed_by", sa.String(32), nullable=True),
        sa.Column("claimed_until", UTCDateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telegram_outbox")),
    )
    op.create_index("ix_telegram_outbox_claimed_until", "telegram_outbox", ["claimed_until"])


def downgrade() -> None:
    """Drop it (what was still to send is lost with it)."""
    op.drop_index("ix_telegram_outbox_claimed_until", table_name="telegram_outbox")
    op.drop_table("telegram_outbox")
