"""Structured logs: one JSON object per line on stdout, for Django and for gunicorn alike.

Plain standard library, no Django imports: gunicorn's master process loads this module from
portal/gunicorn_conf.py before Django is set up.

Nothing personal is written: access lines carry the method, the path without its query string
(the wizard and the autoconfig endpoints put e-mail addresses there), the status, the size and
the duration, but no client address, user agent or referrer.
"""

import json
import logging
import re
from collections.abc import Mapping
from datetime import UTC, datetime

# Successful requests under this prefix (the orchestrator's health checks, every few seconds
# from every load balancer) are not logged; failing ones are.
HEALTH_PATH_PREFIX = "/health/"

# Gunicorn's access line: the human-readable message of the access records. Keep the query
# string (%(q)s) and the full request line (%(r)s) out of it: see the module docstring.
GUNICORN_ACCESS_FORMAT = "%(m)s %(U)s %(s)s"


# An e-mail address anywhere in a log message or request atom, plain or percent-encoded
# (`ana@vasadomena.si`, `ana%40vasadomena.si`): Outlook's `autodiscover.json/v1.0/<address>`
# carries it in the path, which access lines and Django's 4xx warnings write out.
EMAIL_ADDRESS_IN_TEXT = re.compile(r"[^\s/?&=@\"'<>]+(?:@|%40)[^\s/?&\"'<>]+", re.IGNORECASE)
REDACTED_ADDRESS = "<address>"


def redact_email_addresses(text: str) -> str:
    return EMAIL_ADDRESS_IN_TEXT.sub(REDACTED_ADDRESS, text)


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def gunicorn_access_fields(record: logging.LogRecord) -> dict:
    """The request's fields from a gunicorn access record (its args are gunicorn's atoms)."""
    if record.name != "gunicorn.access" or not isinstance(record.args, Mapping):
        return {}
    atoms = record.args
    return {
        "method": atoms["m"],
        "path": atoms["U"],
        "status": _int_or_none(atoms["s"]),
        "bytes": _int_or_none(atoms["B"]),
        "duration_ms": _int_or_none(atoms["M"]),
    }


def runserver_path_and_status(record: logging.LogRecord) -> tuple[str | None, int | None]:
    """The path and status of a `manage.py runserver` request line (logger django.server)."""
    if record.name != "django.server" or not isinstance(record.args, tuple) or not record.args:
        return None, None
    request_line = str(record.args[0]).split()
    path = request_line[1].split("?", 1)[0] if len(request_line) > 1 else None
    return path, getattr(record, "status_code", None)


class JSONFormatter(logging.Formatter):
    """Formats a record as one line of JSON: time (UTC), level, logger, message, and more.

    Access records from gunicorn also get method, path, status, bytes and duration_ms as
    fields of their own, so a log system can filter on them without parsing the message.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        entry.update(gunicorn_access_fields(record))
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry.setdefault("status", status)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class SkipSuccessfulHealthChecks(logging.Filter):
    """Drops access lines of health checks that succeeded; keeps everything else."""

    def filter(self, record: logging.LogRecord) -> bool:
        fields = gunicorn_access_fields(record)
        if fields:
            path, status = fields["path"], fields["status"]
        else:
            path, status = runserver_path_and_status(record)
        is_health_check = isinstance(path, str) and path.startswith(HEALTH_PATH_PREFIX)
        return not (is_health_check and status is not None and status < 400)


class RedactEmailAddresses(logging.Filter):
    """Replaces every e-mail address in a record's message (and gunicorn's request atoms)
    with `<address>`, so that no address a client sent reaches a log line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, Mapping):  # gunicorn access atoms: keep them a mapping
            record.args = {
                key: redact_email_addresses(value) if isinstance(value, str) else value
                for key, value in record.args.items()
            }
            return True
        message = record.getMessage()
        redacted = redact_email_addresses(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


class ClientErrorsAsWarnings(logging.Filter):
    """Django's security loggers report a bad request (a Host not allowed, too many fields, …)
    at ERROR with a full traceback; it is the client's mistake, so one line at WARNING."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True
