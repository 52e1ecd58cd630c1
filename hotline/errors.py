"""The root error of hotline and its small tree."""


class HotlineError(Exception):
    """Anything hotline raises on purpose."""


class ConfigError(HotlineError):
    """A configuration value is missing or malformed; the message names it and the fix."""


class FlowError(HotlineError):
    """A flow file is broken; the message names the file and the node."""


class StorageError(HotlineError):
    """The database refused or failed an operation."""


class DatabaseUnavailable(StorageError):
    """The database does not answer (down, unreachable, locked): an outage, not a bug."""


class BadRequest(HotlineError):
    """An inbound request is malformed (HTTP 400)."""


class Forbidden(HotlineError):
    """An inbound request failed authentication (HTTP 403)."""


class CampaignError(HotlineError):
    """A campaign file is broken; the message names the file and the step."""
