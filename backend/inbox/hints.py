"""What an opened message means for the interviews already tracked (pure: interviews come in as
the API's Interview dicts).

- A person at the interviewer's address (or the company's own mail domain) wrote on or after the
  day of the last follow-up recorded: they replied ("Dana replied on Tue 8 Dec — stop reminders?").
- An automatic reply names the day its writer is back: the next follow-up can wait until after
  it. An automatic reply is never a reply.
- An interview already tracked for this interviewer on the same day is not offered again.
"""
from datetime import date

from ..timing.business_days import next_business_day
from ..vocabulary import FOLLOW_UP_ACTIONS
from .fields import SHARED_DOMAINS


def domain_of(email: str | None) -> str | None:
    """The mail domain, unless it belongs to a mail provider or hiring system (shared by many)."""
    if not email or "@" not in email:
        return None
    domain = email.rsplit("@", 1)[1].lower()
    labels = domain.split(".")
    return None if len(labels) < 2 or labels[-2] in SHARED_DOMAINS else domain


def from_them(interview: dict, sender: str) -> bool:
    """Was the message written at the interviewer's address or the company's mail domain?"""
    theirs = (interview.get("interviewer_email") or "").lower()
    if not theirs or not sender:
        return False
    return theirs == sender.lower() or (domain_of(theirs) is not None
                                        and domain_of(theirs) == domain_of(sender))


def open_interviews(interviews: list[dict], sender: str) -> list[dict]:
    """The sender's interviews that are still running, most recent interview first."""
    running = [i for i in interviews if not i.get("outcome") and from_them(i, sender)]
    return sorted(running, key=lambda i: (i["interview_date"], i["id"]), reverse=True)


def reply_hint(interviews: list[dict], sender: str, received_on: date) -> dict | None:
    """The interview this message answers: a follow-up was recorded on or before it arrived."""
    for interview in open_interviews(interviews, sender):
        sent = [f["sent_on"] for f in interview.get("follow_ups") or []]
        if interview.get("reply_on") or not sent or max(sent) > received_on.isoformat():
            continue
        return {"interview_id": interview["id"], "company": interview["company"],
                "position": interview["position"],
                "interviewer_name": interview.get("interviewer_name"),
                "received_on": received_on.isoformat(), "last_follow_up": max(sent)}
    return None


def away_hint(interviews: list[dict], sender: str, return_on: date | None,
              country: str) -> dict | None:
    """For an automatic reply: the interview whose next follow-up falls before they are back."""
    if return_on is None:
        return None
    back_from = next_business_day(return_on, country)
    for interview in open_interviews(interviews, sender):
        action = (interview.get("schedule") or {}).get("next")
        if interview.get("reply_on") or not action:
            continue
        return {"interview_id": interview["id"], "company": interview["company"],
                "interviewer_name": interview.get("interviewer_name"),
                "return_on": return_on.isoformat(), "next": action,
                # Whichever follow-up is next (first or second) waits until they are back: the
                # interview's away_until is set to the return day (None puts it back on Undo).
                "away_until": interview.get("away_until"),
                "can_move": action["action"] in FOLLOW_UP_ACTIONS
                and action["earliest"] <= return_on.isoformat(),
                "move_to": back_from.isoformat()}
    return None


def already_tracked(interviews: list[dict], sender: str | None, day: date | None) -> int | None:
    """An interview with this interviewer on this day (or any, when the day is unknown)."""
    if not sender:
        return None
    for interview in interviews:
        if (interview.get("interviewer_email") or "").lower() == sender.lower() and (
                day is None or interview["interview_date"] == day.isoformat()):
            return interview["id"]
    return None
