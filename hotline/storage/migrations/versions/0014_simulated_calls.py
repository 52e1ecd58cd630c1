"""The call log marks the calls a simulator placed (`hotline call`), so reports and the
statistics leave them out unless asked.

Revision ID: 0014_simulated_calls
Revises: 0013_directory_asks
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_simulated_calls"
down_revision = "0013_directory_asks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the column; every row logged so far was a real call or chat."""
    op.add_column(
        "call_log",
        sa.Column("simulated", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    """Drop the column (batch mode: SQLite rebuilds the table)."""
    with op.batch_alter_table("call_log") as batch:
        batch.drop_column("simulated")
