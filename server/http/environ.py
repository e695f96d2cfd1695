"""The WSGI environ keys by which the front and the Flask app pass facts about one request.

Why a module of their own: the front sets ``CLIENT_GONE_KEY`` and the endpoint reads it; the
app sets ``ROWS_KEY`` and the front's lean path reads it. Defined in the front, the key made the
endpoint import the front, which imported the app's parts, which import the endpoint: an
import circle. Here both sides import the keys and neither imports the other.
"""

from __future__ import annotations

CLIENT_GONE_KEY = "seckg.client_gone"  # threading.Event the front sets when the client hangs up
ROWS_KEY = "seckg.rows"  # the row count the app logged for this request, for the lean memo
