"""Follow-up windows for the user's calendar app, as .ics text the extension saves as a file."""
from flask import Blueprint, jsonify

from .. import ics, records
from ..errors import ApiError
from ..models import Interview, now
from . import PREFIX, day_asked
from .interviews import load

bp = Blueprint("calendar", __name__, url_prefix=PREFIX)


@bp.get("/calendar")
def all_upcoming():
    """Every follow-up still to send (from the day asked on), and scheduled thank-you notes."""
    on, _ = day_asked()
    rows = (Interview.select()
            .where((Interview.reply_on.is_null() & Interview.outcome.is_null())
                   & ((Interview.next_latest >= on) | (Interview.interview_date >= on)))
            .order_by(Interview.next_earliest.asc(nulls="LAST"), Interview.id))
    text = ics.follow_up_calendar(records.to_dicts(rows, on), now(), on)
    return jsonify(filename="follow-ups.ics", ics=text.decode("utf-8"))


@bp.get("/interviews/<int:interview_id>/calendar")
def one_window(interview_id):
    """The next follow-up window of one interview."""
    on, _ = day_asked()
    interview = records.to_dicts([load(interview_id)], on)[0]
    if interview["schedule"]["next"] is None:
        raise ApiError(409, "nothing_to_schedule",
                       "Nothing to follow up on: this interview has a reply or an outcome.")
    text = ics.follow_up_calendar([interview], now(), on)
    return jsonify(filename=f"follow-up-{slug(interview['company'])}.ics",
                   ics=text.decode("utf-8"))


def slug(name: str) -> str:
    """A file-name-safe version of a company name."""
    kept = "".join(c if c.isalnum() else "-" for c in name.lower())
    return "-".join(filter(None, kept.split("-")))[:40] or "interview"
