"""The services directory: HSDS 3.0 rows, the services as searched, and their facets.

Revision ID: 0007
Revises: 0005 (re-chained onto 0006 when both are merged)
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "directory_records",
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("parent_id", sa.String(64), nullable=True),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "id", name=op.f("pk_directory_records")),
    )
    op.create_index("ix_directory_records_parent_id", "directory_records", ["parent_id"])
    op.create_table(
        "directory_services",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.Column("example", sa.Boolean(), nullable=False),
        sa.Column("last_checked_on", sa.Date(), nullable=True),
        sa.Column("search", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_services")),
    )
    op.create_table(
        "directory_facets",
        sa.Column("service_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["directory_services.id"],
            name=op.f("fk_directory_facets_service_id_directory_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("service_id", "kind", "value", name=op.f("pk_directory_facets")),
    )
    op.create_index("ix_directory_facets_kind", "directory_facets", ["kind", "value"])


def downgrade() -> None:
    """Drop the tables."""
    op.drop_index("ix_directory_facets_kind", table_name="directory_facets")
    op.drop_table("directory_facets")
    op.drop_table("directory_services")
    op.drop_index("ix_directory_records_parent_id", table_name="directory_records")
    op.drop_table("directory_records")
