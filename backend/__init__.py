"""Follow-up Assistant's local backend: timing rules, interviews, drafts and the rule checker."""
from flask import Flask

__version__ = "0.1.0"


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app; this function is the table of contents of the backend."""
    from . import backup, config, db, errors, security, service
    from .api import (
        applications,
        calendar,
        checks,
        drafts,
        due,
        interviews,
        messages,
        meta,
        pairing,
        profile,
        templates,
        timeline,
        undo,
    )

    app = Flask(__name__)
    app.config.from_mapping(config.load(test_config))
    app.json.sort_keys = False
    db.init_app(app)
    service.use_calendar(app.config["COUNTRY"])  # holidays when no interview or profile says
    errors.init_app(app)
    security.init_app(app)
    for module in (meta, pairing, undo, interviews, due, profile, applications, timeline, drafts,
                   checks, templates, calendar, messages):
        app.register_blueprint(module.bp)
    backup.init_app(app)  # the daily copy into backups/ beside the database
    return app
