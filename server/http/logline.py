"""Request text as it may appear in a log line: control characters escaped.

Why: the access log wrote the decoded path as is, so a ``%0a`` in a request path wrote a
second, forged line (``GET /x%0a2026-… ERROR server: …`` looked like a server error; issue
20, finding 10). Every C0/C1 control character, DEL and the Unicode line and paragraph
separators become ``\\xNN`` / ``\\uNNNN``; a backslash is doubled so that an escape in the
request cannot pass for one of ours.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\\]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\\":
        return "\\\\"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def loggable(text: str) -> str:
    """``text`` with every character that could break or forge a log line escaped."""
    return _UNSAFE.sub(_escape, text)
