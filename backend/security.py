"""Who may talk to the backend: loopback hosts, extension origins, JSON writes, a token."""
import hashlib
import hmac
import re
import secrets
import time
from datetime import UTC, datetime

from flask import current_app, g, request
from flask_cors import CORS

from .db import writing
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
        g.token_row = authenticate()  # None for the configured token
    return None


LAST_USED_EVERY_SECONDS = 60  # token.last_used_at is written at most once a minute per token


def authenticate() -> Token | None:
    """Accept the configured token as-is (None), or a paired token by its hash (its row)."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "Pair the extension first: a token is required.")
    token = token.strip()
    configured = current_app.config.get("TOKEN")
    if configured and hmac.compare_digest(token.encode(), configured.encode()):
        return None
    row = Token.get_or_none(Token.token_hash == digest(token))
    if row is None:
        raise ApiError(401, "unauthorized", "This token is not known: pair the extension again.")
    note_use(row)
    return row


def note_use(row: Token) -> None:
    """Keep "last used" for `python -m backend tokens`, without a write on every request."""
    moment = now()
    last = row.last_used_at
    if isinstance(last, str):  # SQLite hands back what it stored
        last = datetime.fromisoformat(last)
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=UTC)
    if last is None or (moment - last).total_seconds() >= LAST_USED_EVERY_SECONDS:
        Token.update(last_used_at=moment).where(Token.id == row.id).execute()


def revoke_calling_token() -> None:
    """Unpair: the token this request carries stops working at once."""
    row = g.get("token_row")
    if row is None:
        raise ApiError(409, "fixed_token", "This token comes from the FOLLOWUP_TOKEN setting and "
                                           "cannot be revoked here; unset it and restart.")
    Token.delete().where(Token.id == row.id).execute()


def list_tokens() -> list[Token]:
    """Every paired browser's token row, oldest first."""
    return list(Token.select().order_by(Token.id))


def revoke_token(token_id: int) -> bool:
    """Revoke one paired browser by its number in `tokens`; False when there is none."""
    return Token.delete().where(Token.id == token_id).execute() > 0


MAX_ACTIVE_CODES = 3  # codes valid at once: a second terminal's code does not void the first


def active_codes():
    """Unused, unexpired pairing codes, newest first."""
    return (PairingCode.select()
            .where(PairingCode.used == False, PairingCode.expires_at > time.time())  # noqa: E712
            .order_by(PairingCode.id.desc()))


def has_active_code() -> bool:
    return active_codes().exists()


def new_pairing_code(ttl_seconds: int) -> str:
    """A fresh six-digit code. Earlier codes stay valid (a code shown in another terminal must
    keep working), except beyond the newest MAX_ACTIVE_CODES."""
    code = f"{secrets.randbelow(10**6):06d}"
    with writing():
        PairingCode.create(code_hash=digest(code), expires_at=time.time() + ttl_seconds)
        older = [row.id for row in active_codes().offset(MAX_ACTIVE_CODES)]
        if older:
            PairingCode.update(used=True).where(PairingCode.id.in_(older)).execute()
    return code


def redeem_pairing_code(code: str, max_attempts: int) -> str:
    """Trade a valid code for a new token (stored hashed). A wrong try counts against every
    active code, so several codes at once give a guesser no more tries."""
    with writing():
        codes = list(active_codes())
        match = next((row for row in codes if hmac.compare_digest(row.code_hash, digest(code))),
                     None)
        if match is not None:
            match.used = True
            match.save()
        else:
            for row in codes:  # committed before the refusal is raised
                row.attempts += 1
                row.used = row.attempts >= max_attempts
                row.save()
        token = secrets.token_urlsafe(32) if match is not None else None
        if token:
            Token.create(token_hash=digest(token), created_at=now())
    if not codes:
        raise ApiError(403, "no_pairing_code",
                       "No pairing code is active: run `make pair` for one.", "code")
    if token is None:
        left = max(max_attempts - max(row.attempts for row in codes), 0)
        raise ApiError(403, "wrong_pairing_code",
                       f"That code is wrong; {left} {'try' if left == 1 else 'tries'} left." if left
                       else "Too many wrong tries: run `make pair` for a new code.", "code")
    return token


def new_token() -> str:
    """A token made without a code: the native-messaging host hands it to the extension."""
    token = secrets.token_urlsafe(32)
    with writing():
        Token.create(token_hash=digest(token), created_at=now())
    return token


def is_paired() -> bool:
    return Token.select().exists()


def init_app(app) -> None:
    """Guard every request and answer CORS for extension origins only."""
    app.before_request(check_request)
    CORS(app, resources={r"/api/*": {"origins": EXTENSION_ORIGINS}},
         allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
         methods=["GET", "POST", "PUT", "PATCH", "DELETE"], max_age=600)
