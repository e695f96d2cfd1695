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
    # other places stating the same node (a fact several article files state)
    also: tuple[Location, ...] = ()

    def __str__(self) -> str:
        here = f"{self.path}:{self.line}" if self.line else str(self.path)
        if not self.also:
            return here
        return f"{here} (also stated at {', '.join(str(o) for o in self.also)})"

    def with_also(self, other: Location) -> Location:
        """This place, remembering one more place that states the same node."""
        return Location(self.path, self.line, (*self.also, other))


class SeedError(KgError):
    """A seed file that cannot be read as curated facts."""

    def __init__(self, location: Location, message: str) -> None:
        location = Location(location.path, location.line, location.also)  # a plain value (pickled)
        super().__init__(f"{location}: {message}")
        self.location = location
