"""One exception hierarchy for the whole package.

Every error corpuskit raises on purpose derives from :class:`CorpuskitError`, so a script can catch
them all in one place, and the command line prints their message without a traceback. Messages say
what was wrong, where (file, line, field) and what to do.
"""

from __future__ import annotations

__all__ = [
    "CorpuskitError",
    "InputError",
    "RecordError",
    "ResourceUnavailableError",
    "SettingsError",
]


class CorpuskitError(Exception):
    """Base class of every error raised by corpuskit."""


class InputError(CorpuskitError):
    """A path or file cannot be used: missing, unreadable, or holding nothing corpuskit can read."""


class RecordError(CorpuskitError):
    """One file or record is bad (undecodable, malformed, empty, unsafe, not Arabic).

    Attributes name the place so that reports and ``strict=True`` errors can point at it.
    """

    def __init__(self, reason: str, *, path: str = "", where: str = "", status: str = "skipped"):
        self.reason = reason
        self.path = path
        self.where = where
        self.status = status
        place = " ".join(p for p in (path, where) if p)
        super().__init__(f"{place}: {reason}" if place else reason)


class SettingsError(CorpuskitError, ValueError):
    """A setting passed to a corpuskit function is not valid; the message names it."""


class ResourceUnavailableError(CorpuskitError):
    """An optional resource (e.g. camel-tools model data) is not installed; the message says how."""
