"""A person's rights over their data: an export of everything held about them (access) and
its erasure, for a participant by case code or a caller by phone number, both audited."""

from hotline.rights.model import EXPORT_SCHEMA, Erased, RightsError, Subject
from hotline.rights.service import Export, RightsService, Whom

__all__ = ["EXPORT_SCHEMA", "Erased", "Export", "RightsError", "RightsService", "Subject", "Whom"]
