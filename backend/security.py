"""Who may talk to the backend: loopback hosts, extension origins, JSON writes, a token."""
import hashlib
import hmac
import re
import secrets
import time

from flask import current_app, request
from flask_cors import CORS

from .db import database, writing
from .errors import ApiError
from .models import PairingCode, Token, now

# Browser-extension origins, anchored: flask-cors treats strings with '*' as unanchored regexes.
EXTENSION_ORIGINS = [
    re.compile(r"chrome-extension://[a-p]{32}\Z"),
    re.compile(r"moz-extension://[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z"),
]
OPEN_ROUTES = {"meta.health", "meta.openapi", "pairing.pair"}
WRITE_METHODS = {"POST", "PUT", "PATCH"}


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def allowed_hosts() -> set[str]:
    port = current_app.config["PORT"]
    return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}


def is_extension_origin(origin: str) -> bool:
    return any(pattern.match(origin) for pattern in EXTENSION_ORIGINS)


def check_request():
    """Refuse what a web page or a rebound DNS name could send before any view runs."""
    hosts = allowed_hosts()
    if request.host.lower() not in hosts:
        raise ApiError(403, "forbidden_host", "This address is only served to 127.0.0.1.")
    origin = request.headers.get("Origin")
    own = {f"http://{host}" for host in hosts}
    if origin is not None and origin not in own and not is_extension_origin(origin):
        raise ApiError(403, "forbidden_origin", "Web pages may not call Follow-up Assistant.")
    if request.method == "OPTIONS":
        return None  # a CORS preflight: flask-cors answers it
    if request.method in WRITE_METHODS and request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type",
                       "Send JSON with Content-Type: application/json.")
    if request.endpoint not in OPEN_ROUTES:
        authenticate()
    return None


def authenticate() -> None:
    """Accept the configured token as-is, or a paired token by its hash."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "Pair the extension first: a token is required.")
    token = token.strip()
    configured = current_app.config.get("TOKEN")
    if configured and hmac.compare_digest(token.encode(), configured.encode()):
        return
    if not Token.select().where(Token.token_hash == digest(token)).exists():
        raise ApiError(401, "unauthorized", "This token is not known: pair the extension again.")


def new_pairing_code(ttl_seconds: int) -> str:
    """A fresh six-digit code; any earlier unused code stops working."""
    code = f"{secrets.randbelow(10**6):06d}"
    with database.atomic():
        PairingCode.update(used=True).where(PairingCode.used == False).execute()  # noqa: E712
        PairingCode.create(code_hash=digest(code), expires_at=time.time() + ttl_seconds)
    return code


def redeem_pairing_code(code: str, max_attempts: int) -> str:
    """Trade a valid code for a new token (stored hashed); count and void wrong tries."""
    with writing():
        active = (PairingCode.select()
                  .where(PairingCode.used == False, PairingCode.expires_at > time.time())  # noqa: E712
                  .order_by(PairingCode.id.desc()).first())
        right = active is not None and hmac.compare_digest(active.code_hash, digest(code))
        if active is not None:
            # A wrong try is counted and committed before the refusal is raised.
            active.attempts += 0 if right else 1
            active.used = right or active.attempts >= max_attempts
            active.save()
        token = secrets.token_urlsafe(32) if right else None
        if token:
            Token.create(token_hash=digest(token), created_at=now())
    if active is None:
        raise ApiError(403, "no_pairing_code",
                       "No pairing code is active: run `python -m backend pair` for one.", "code")
    if token is None:
        left = max_attempts - active.attempts
        raise ApiError(403, "wrong_pairing_code",
                       f"That code is wrong; {left} tries left." if left else
                       "Too many wrong tries: run `python -m backend pair` for a new code.",
                       "code")
    return token


def is_paired() -> bool:
    return Token.select().exists()


def init_app(app) -> None:
    """Guard every request and answer CORS for extension origins only."""
    app.before_request(check_request)
    CORS(app, resources={r"/api/*": {"origins": EXTENSION_ORIGINS}},
         allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
         methods=["GET", "POST", "PUT", "PATCH", "DELETE"], max_age=600)
