"""Participants: enrolled participants, their family contacts, Telegram enrolment links.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

from hotline.storage.types import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _contact_columns() -> list[sa.Column[object]]:
    """What a participant and a family contact both have: channel, contacts, consent."""
    return [
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("phone_ref", sa.String(64), nullable=True),
        sa.Column("telegram", sa.Text(), nullable=True),
        sa.Column("telegram_ref", sa.String(64), nullable=True),
        sa.Column("telegram_linked_at", UTCDateTime(), nullable=True),
        sa.Column("consent_at", UTCDateTime(), nullable=False),
        sa.Column("consent_by", sa.String(32), nullable=False),
        sa.Column("consent_channels", sa.JSON(), nullable=False),
    ]


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "participants",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("case_code", sa.String(32), nullable=False),
        sa.Column("program", sa.String(64), nullable=False),
        sa.Column("release_date", sa.Date(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("specialist", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        *_contact_columns(),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participants")),
        sa.UniqueConstraint("case_code", name=op.f("uq_participants_case_code")),
    )
    op.create_index("ix_participants_phone_ref", "participants", ["phone_ref"])
    op.create_index("ix_participants_telegram_ref", "participants", ["telegram_ref"])
    op.create_index("ix_participants_specialist", "participants", ["specialist"])
    op.create_table(
        "family_contacts",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("participant_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        *_contact_columns(),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_family_contacts_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_contacts")),
    )
    op.create_index(
        "ix_family_contacts_participant_id", "family_contacts", ["participant_id", "position"]
    )
    op.create_index("ix_family_contacts_phone_ref", "family_contacts", ["phone_ref"])
    op.create_index("ix_family_contacts_telegram_ref", "family_contacts", ["telegram_ref"])
    op.create_table(
        "enrolment_invites",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("participant_id", sa.String(36), nullable=False),
        sa.Column("family_id", sa.String(32), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("spent_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_enrolment_invites_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["family_id"],
            ["family_contacts.id"],
            name=op.f("fk_enrolment_invites_family_id_family_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_enrolment_invites")),
    )
    op.create_index("ix_enrolment_invites_participant_id", "enrolment_invites", ["participant_id"])


def downgrade() -> None:
    """Drop the tables."""
    for table in ("enrolment_invites", "family_contacts", "participants"):
        op.drop_table(table)
