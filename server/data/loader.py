"""Load RDF files into an Oxigraph store, choosing the parser by file extension.

Dataset formats (TriG, N-Quads) keep their named graphs; graph formats go into the default
graph. The content hash of the loaded files is the dataset's starting version, from which
ETags are derived. RDF/XML with a DOCTYPE or ENTITY declaration is refused outright: entity
expansion is the XXE/billion-laughs attack surface and no legitimate data file needs it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from kg.union import merge_into_default

FORMAT_BY_SUFFIX: dict[str, RdfFormat] = {
    ".trig": RdfFormat.TRIG,
    ".nq": RdfFormat.N_QUADS,
    ".nquads": RdfFormat.N_QUADS,
    ".ttl": RdfFormat.TURTLE,
    ".turtle": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".ntriples": RdfFormat.N_TRIPLES,
    ".rdf": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
    ".jsonld": RdfFormat.JSON_LD,
    ".json-ld": RdfFormat.JSON_LD,
}

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class DataLoadError(ValueError):
    """A data file could not be loaded; the message names the file and the reason.

    A ``ValueError`` because it is bad input, not a bug: callers that report bad settings as
    plain errors (``kg serve``) then report a refused file the same way.
    """


@dataclass(frozen=True)
class LoadedData:
    store: Store
    version: str


def format_for(path: Path) -> RdfFormat:
    try:
        return FORMAT_BY_SUFFIX[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMAT_BY_SUFFIX))
        raise DataLoadError(f"{path.name}: unknown RDF file extension (known: {known})") from None


def has_dtd(data: bytes) -> bool:
    """True if an XML document declares a DTD or entity, in UTF-8 or UTF-16 encoding."""
    if _DTD.search(data):
        return True
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _DTD.search(text.encode("utf-8", "ignore")):
            return True
    return False


def _read(path: Path) -> tuple[RdfFormat, bytes]:
    fmt = format_for(path)
    try:
        return fmt, path.read_bytes()
    except OSError as exc:
        raise DataLoadError(f"{path.name}: cannot read ({exc.strerror})") from None


def _digest() -> hashlib._Hash:
    return hashlib.sha256(b"seckg-dataset-v1")


def _add(digest: hashlib._Hash, fmt: RdfFormat, data: bytes) -> None:
    digest.update(fmt.media_type.encode())
    digest.update(hashlib.sha256(data).digest())


def version_of(files: Iterable[Path]) -> str:
    """The version :func:`load_files` gives these files, without parsing them: a restart
    that finds the snapshot of its data (server.data.snapshots) need not load anything."""
    digest = _digest()
    for path in files:
        _add(digest, *_read(path))
    return digest.hexdigest()[:32]


def load_files(files: Iterable[Path]) -> LoadedData:
    """Load every file into one fresh store; the version hashes formats and contents in order."""
    store = Store()
    digest = _digest()
    for path in files:
        fmt, data = _read(path)
        if fmt == RdfFormat.RDF_XML and has_dtd(data):
            raise DataLoadError(f"{path.name}: RDF/XML with DOCTYPE/ENTITY declarations is refused")
        try:
            store.load(data, format=fmt)
        except (SyntaxError, ValueError) as exc:
            if "LoadDocumentCallback" in str(exc):  # Oxigraph has no document loader: good
                raise DataLoadError(
                    f"{path.name}: refers to a remote JSON-LD context, which is never fetched; "
                    "inline the context in the file"
                ) from None
            raise DataLoadError(f"{path.name}: {exc}") from None
        _add(digest, fmt, data)
        del data  # do not hold the file's bytes while the default graph is built
    merge_into_default(store)
    return LoadedData(store=store, version=digest.hexdigest()[:32])
