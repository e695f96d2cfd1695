"""Errors a curator or user can act on: each names the file (and line) at fault."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class KgError(Exception):
    """A problem with the input, reported to the user without a traceback."""


@dataclass(frozen=True)
class Location:
    """A place in a seed file: path and 1-based line."""

    path: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


class SeedError(KgError):
    """A seed file that cannot be read as curated facts."""

    def __init__(self, location: Location, message: str) -> None:
        location = Location(location.path, location.line)  # a plain value (it may be pickled)
        super().__init__(f"{location}: {message}")
        self.location = location
