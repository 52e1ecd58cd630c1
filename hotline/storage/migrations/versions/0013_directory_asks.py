"""The anonymous counts of what people asked the services directory, and the region a
caller last chose (by pseudonym).

Revision ID: 0013_directory_asks
Revises: 0012_case_messages
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0013_directory_asks"
down_revision = "0012_case_messages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "caller_regions",
        sa.Column("caller", sa.String(64), nullable=False),
        sa.Column("region", sa.String(16), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("caller", name=op.f("pk_caller_regions")),
    )
    op.create_index("ix_caller_regions_updated_at", "caller_regions", ["updated_at"])
    op.create_table(
        "directory_asks",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("region", sa.String(16), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day",
            "channel",
            "language",
            "region",
            "category",
            "kind",
            name=op.f("pk_directory_asks"),
        ),
    )


def downgrade() -> None:
    """Drop the tables."""
    op.drop_table("directory_asks")
    op.drop_index("ix_caller_regions_updated_at", table_name="caller_regions")
    op.drop_table("caller_regions")
