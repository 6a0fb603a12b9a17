"""Replays of writes retried with the same Idempotency-Key: a lost answer never doubles a write."""
import hashlib
import re
from datetime import timedelta
from functools import wraps

from flask import Response, make_response, request

from .db import writing
from .errors import ApiError
from .models import IdempotentRequest, now

KEY = re.compile(r"[A-Za-z0-9._:-]{8,100}\Z")
# Retries come within minutes; a month of keys is plenty and keeps the table small.
KEEP = timedelta(days=30)


def reused(message: str) -> ApiError:
    return ApiError(409, "idempotency_key_reused", message, "Idempotency-Key")


def idempotent(view):
    """Run a write once per key; a retry gets the first answer back."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get("Idempotency-Key")
        if key is None:
            return view(*args, **kwargs)
        if not KEY.match(key):
            raise ApiError(400, "invalid", "Idempotency-Key: use 8–100 letters, digits or "
                                           "._:- (a UUID is ideal).", "Idempotency-Key")
        route = f"{request.method} {request.path}"
        request_hash = hashlib.sha256(request.get_data()).hexdigest()
        # One write lock for the check and the write, so two retries that race cannot both
        # write; the replay record commits with the write or not at all.
        with writing():
            seen = IdempotentRequest.get_or_none(IdempotentRequest.key == key)
            if seen is not None:
                if seen.route != route:
                    raise reused("This Idempotency-Key was already used for another request.")
                if seen.request_hash not in (None, request_hash):
                    raise reused("This Idempotency-Key was already used with another body: "
                                 "a retry must repeat the request exactly.")
                return Response(seen.body, status=seen.status, mimetype="application/json",
                                headers={"Idempotent-Replayed": "true"})
            response = make_response(view(*args, **kwargs))
            if response.status_code < 300:
                IdempotentRequest.delete().where(
                    IdempotentRequest.created_at < now() - KEEP).execute()
                IdempotentRequest.create(key=key, route=route, status=response.status_code,
                                         body=response.get_data(as_text=True),
                                         request_hash=request_hash)
        return response

    return wrapper
