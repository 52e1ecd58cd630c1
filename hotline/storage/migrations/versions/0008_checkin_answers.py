"""Check-in answers: what a person answered to a planned check-in, and when (an answer on
a later day still counts).

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


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("planned_messages") as batch:
        batch.drop_column("answered_at")
        batch.drop_column("answer")
