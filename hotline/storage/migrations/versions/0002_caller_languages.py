"""A returning caller's language, by pseudonym only.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table."""
    op.create_table(
        "caller_languages",
        sa.Column("caller", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("caller", name=op.f("pk_caller_languages")),
    )
    op.create_index("ix_caller_languages_updated_at", "caller_languages", ["updated_at"])


def downgrade() -> None:
    """Drop the table."""
    op.drop_index("ix_caller_languages_updated_at", table_name="caller_languages")
    op.drop_table("caller_languages")
