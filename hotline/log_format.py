"""How log lines look: text for a person at a terminal, or JSON (one object a line) for a log
collector; either way with the request id, and numbers redacted from tracebacks too."""

from __future__ import annotations

import json
import logging
import traceback
from datetime import UTC, datetime
from typing import IO, Any, Literal

from hotline.privacy import RedactNumbers, redact_numbers
from hotline.request_ids import RequestIdFilter

__all__ = ["LOG_FORMATS", "JsonLines", "LogFormat", "OneLineErrors", "log_handler"]

LogFormat = Literal["text", "json"]
LOG_FORMATS: tuple[LogFormat, ...] = ("text", "json")
_HINT = "--debug or HOTLINE_LOG_LEVEL=DEBUG shows the traceback"


def _exception_line(ei: Any) -> str:
    kind, value, _ = ei
    return traceback.format_exception_only(kind, value)[-1].strip()


class OneLineErrors(logging.Formatter):
    """A logged exception as one line (its type and message) unless tracebacks are asked for
    (`hotline --debug`, or HOTLINE_LOG_LEVEL=DEBUG): an operator reads what failed, and a
    developer gets the whole story when they ask. The request id, when there is one, follows
    the logger's name; a traceback is redacted as the message is (`RedactNumbers`): a
    provider's error quotes the number it was sent to."""

    def __init__(self, fmt: str, *, tracebacks: bool) -> None:
        super().__init__(fmt)
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        """The line; `[id]` after the logger's name when the record has a request id."""
        request_id = getattr(record, "request_id", "")
        record.request_tag = f" [{request_id}]" if request_id else ""
        record.exc_text = None  # another handler's cached traceback was not redacted
        return super().format(record)

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's own name
        if self.tracebacks:
            return redact_numbers(super().formatException(ei))
        return f"  ({redact_numbers(_exception_line(ei))}; {_HINT})"

    def formatStack(self, stack_info: str) -> str:  # noqa: N802 - logging's own name
        return redact_numbers(super().formatStack(stack_info)) if self.tracebacks else ""


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s%(request_tag)s: %(message)s"


class JsonLines(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request_id; and
    for an exception its type (`exc_type`) and its traceback (`exc`), redacted, whole only
    when tracebacks are asked for."""

    def __init__(self, *, tracebacks: bool) -> None:
        super().__init__()
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON (newlines in it escaped)."""
        line: dict[str, str] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
        }
        if record.exc_info and record.exc_info[0] is not None:
            line["exc_type"] = record.exc_info[0].__name__
            if self.tracebacks:
                line["exc"] = redact_numbers(self.formatException(record.exc_info))
            else:
                line["exc"] = redact_numbers(_exception_line(record.exc_info))
        if record.stack_info and self.tracebacks:
            line["stack"] = redact_numbers(self.formatStack(record.stack_info))
        return json.dumps(line, ensure_ascii=False)


def log_handler(
    log_format: LogFormat, *, tracebacks: bool, stream: IO[str] | None = None
) -> logging.Handler:
    """The server's log handler: to `stream` (stderr), request ids on, numbers redacted."""
    handler = logging.StreamHandler(stream)
    formatter: logging.Formatter
    if log_format == "json":
        formatter = JsonLines(tracebacks=tracebacks)
    else:
        formatter = OneLineErrors(TEXT_FORMAT, tracebacks=tracebacks)
    handler.setFormatter(formatter)
    handler.addFilter(RequestIdFilter())
    handler.addFilter(RedactNumbers())
    return handler
