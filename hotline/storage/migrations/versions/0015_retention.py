"""Retention: what is left of purged call-log rows (hourly totals, callers per day), and
when a participant's program ended (their data is deleted a set time after).

Revision ID: 0015_retention
Revises: 0014_simulated_calls
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0015_retention"
down_revision = "0014_simulated_calls"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables; date the end of every program already over by its last change."""
    op.create_table(
        "call_log_totals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("hour", UTCDateTime(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("simulated", sa.Boolean(), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_log_totals")),
    )
    op.create_index("ix_call_log_totals_hour", "call_log_totals", ["hour"])
    op.create_table(
        "call_log_callers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("simulated", sa.Boolean(), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_log_callers")),
    )
    op.create_index("ix_call_log_callers_day", "call_log_callers", ["day"])
    op.add_column("participants", sa.Column("ended_at", UTCDateTime(), nullable=True))
    op.execute(
        "UPDATE participants SET ended_at = updated_at WHERE status IN ('ended', 'withdrawn')"
    )


def downgrade() -> None:
    """Drop them (batch mode: SQLite rebuilds the participants table)."""
    with op.batch_alter_table("participants") as batch:
        batch.drop_column("ended_at")
    op.drop_index("ix_call_log_callers_day", table_name="call_log_callers")
    op.drop_table("call_log_callers")
    op.drop_index("ix_call_log_totals_hour", table_name="call_log_totals")
    op.drop_table("call_log_totals")
