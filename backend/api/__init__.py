"""One blueprint per resource, all under /api/v1."""
from datetime import date

from .. import inputs
from ..validate import query

PREFIX = "/api/v1"


def day_asked(extra: dict | None = None) -> tuple[date, dict]:
    """The `on` query parameter (default today) and any other parameters in `extra`."""
    args = query({**inputs.ON, **(extra or {})})
    return args.pop("on", None) or date.today(), args


def page_asked() -> dict:
    """The query parameters of a page: how many rows, and where the last page ended."""
    return inputs.PAGE
