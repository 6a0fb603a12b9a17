"""One blueprint per resource, all under /api/v1."""
from datetime import date

from ..validate import Day, query

PREFIX = "/api/v1"


def day_asked(extra: dict | None = None) -> tuple[date, dict]:
    """The `on` query parameter (default today) and any other parameters in `extra`."""
    args = query({"on": Day(nullable=False), **(extra or {})})
    return args.pop("on", None) or date.today(), args
