"""How long what the hotline keeps is kept, and the purge that enforces it."""

from hotline.retention.policy import (
    CallerDay,
    LoggedCall,
    PurgeCounts,
    RetentionPolicy,
    Total,
    fold,
    months_before,
    retention_policy,
)

__all__ = [
    "CallerDay",
    "LoggedCall",
    "PurgeCounts",
    "RetentionPolicy",
    "Total",
    "fold",
    "months_before",
    "retention_policy",
]
