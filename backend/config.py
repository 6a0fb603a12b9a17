"""Settings: defaults, environment overrides, and a refusal of unknown keys."""
import os
from pathlib import Path

import platformdirs

from .timing.rules import RULES

APP_NAME = "followup-assistant"

DEFAULTS = {
    # SQLite file; None means followup.db in the per-user data folder.
    "DATABASE": None,
    # An access token accepted as-is, for scripts and tests (never stored).
    "TOKEN": None,
    # Holiday calendar when neither the interview nor the profile names one; None means
    # timing/rules.toml's default (the one place that number of the rules lives).
    "COUNTRY": None,
    # Where to listen: loopback only unless the user says otherwise.
    "HOST": "127.0.0.1",
    "PORT": 8642,
    # Largest request body; a 1 MB draft is refused, not checked.
    "MAX_CONTENT_LENGTH": 256 * 1024,
    # Pairing codes: six digits, valid ten minutes, void after five wrong tries.
    "PAIRING_TTL_SECONDS": 600,
    "PAIRING_MAX_ATTEMPTS": 5,
    # Flask's own switch, set by tests.
    "TESTING": False,
}

ENVIRONMENT = {
    "FOLLOWUP_DB": "DATABASE",
    "FOLLOWUP_TOKEN": "TOKEN",
    "FOLLOWUP_COUNTRY": "COUNTRY",
    "FOLLOWUP_HOST": "HOST",
    "FOLLOWUP_PORT": "PORT",
}


def default_database() -> str:
    """The database in the user's data folder, created if missing and made private (0700)."""
    from .private import private_folder

    folder = private_folder(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
    return str(folder / "followup.db")


def load(overrides: dict | None = None, environ=os.environ) -> dict:
    """Defaults, then the environment, then overrides; unknown keys are an error."""
    config = dict(DEFAULTS)
    for variable, key in ENVIRONMENT.items():
        if environ.get(variable):
            config[key] = environ[variable]
    unknown = set(overrides or {}) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    config.update(overrides or {})
    try:
        config["PORT"] = int(config["PORT"])
    except ValueError:
        raise ValueError(f"FOLLOWUP_PORT must be a number, not {config['PORT']!r}") from None
    config["COUNTRY"] = str(config["COUNTRY"] or RULES.default_country).upper()
    if not config["DATABASE"]:
        config["DATABASE"] = default_database()
    return config
