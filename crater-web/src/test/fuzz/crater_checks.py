"""Crater's own rules for every answer of the API fuzzing run (ApiFuzzIT).

Loaded by Schemathesis through SCHEMATHESIS_HOOKS. No answer may be a 5xx (but the 501 of the
v0.1.0 routes Crater does not offer); every error of the native API must be an RFC 9457 problem
document with a stable code; every error of a v0.1.0 route must be the v0.1.0 error shape
(errorCode); no answer may show Java class names, stack traces or SQL.

One kind of answer is the HTTP server's, not Crater's: Payara refuses a body on GET, DELETE or HEAD
with an empty 400 before any application sees the request (README, Known issues). It is let through
here, and only for exactly that request.
"""

import json
import re

import schemathesis

INTERNALS = re.compile(
    r"Exception|\bat (org|java|jakarta|com|sun)\.|\bjava\.|\bjakarta\.|eclipse|"
    r"\bSQL|SELECT .* FROM|INSERT INTO|syntax to use near|Caused by|\.java:\d+",
    re.IGNORECASE,
)

# The v0.1.0 recommendation-job routes answer 501 by design: Crater does not offer them.
NOT_OFFERED = re.compile(r"^/v1/recommenddljob/")


def _refused_by_server(response, case):
    """The HTTP server's own empty 400 for a body on a method that takes none."""
    return (
        response.status_code == 400
        and not response.content
        and case.method.upper() in ("GET", "DELETE", "HEAD")
        and case.body is not None
    )


def _text(response):
    return (response.content or b"").decode("utf-8", "replace")


def _content_type(response):
    values = response.headers.get("content-type") or [""]
    return values[0].split(";")[0].strip().lower()


def _sent_strings(case):
    """The strings a request sent: an answer may rightly echo them."""
    found = []

    def collect(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                collect(key)
                collect(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item)

    for part in (case.body, case.query, case.path_parameters, case.headers):
        if part is not None and not isinstance(part, (bytes, bytearray)):
            collect(part)
    return found


@schemathesis.check
def crater_no_server_error(ctx, response, case):
    """No 5xx: bad input is the client's error, never the server's."""
    status = response.status_code
    if status >= 500 and not (status == 501 and NOT_OFFERED.match(case.path)):
        raise AssertionError(f"server error {status}: {_text(response)[:200]}")
    return None


@schemathesis.check
def crater_error_shape(ctx, response, case):
    """Errors are problem documents (native) or the v0.1.0 error shape, with a code."""
    status = response.status_code
    if status < 400 or _refused_by_server(response, case):
        return None
    text = _text(response)
    try:
        body = json.loads(text)
    except ValueError:
        raise AssertionError(f"{status} without a JSON body: {text[:200]!r}")
    if case.path.startswith("/api/v1/"):
        if _content_type(response) != "application/problem+json":
            raise AssertionError(f"{status} is not application/problem+json: {_content_type(response)}")
        if not isinstance(body, dict) or not body.get("code") or body.get("status") != status:
            raise AssertionError(f"{status} is not a problem document with a code: {text[:200]}")
    elif not isinstance(body, dict) or not isinstance(body.get("errorCode"), int):
        raise AssertionError(f"{status} is not a v0.1.0 error with an errorCode: {text[:200]}")
    return None


@schemathesis.check
def crater_no_internals(ctx, response, case):
    """No answer shows Java internals, a stack trace or SQL (echoed input aside)."""
    shown = _text(response)
    for sent in _sent_strings(case):
        if sent:
            shown = shown.replace(sent, "").replace(json.dumps(sent)[1:-1], "")
    match = INTERNALS.search(shown)
    if match:
        raise AssertionError(f"internals in the body near {match.group(0)!r}: {shown[:300]}")
    return None
