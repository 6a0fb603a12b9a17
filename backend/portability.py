"""The user's data as one JSON file: everything exported, imported back all or nothing.

What is exported is what the user entered (interviews, follow-ups, profile, applications,
their own templates) with its ids and timestamps. What the app derives from it (the stored
next action, whether a timeline was understood) is recomputed on import by today's rules.
Tokens and pairing codes are never exported: a file that leaves the machine opens nothing.
"""
from contextlib import contextmanager
from datetime import datetime

from . import __version__, db, drafting, inputs, service
from .fields import Day, clean
from .models import Application, FollowUp, Interview, Profile, UserTemplate, now
from .problems import Problem

FORMAT_VERSION = 1
KIND = "followup-assistant-export"
# The columns the user owns; decision_source says whether decision_date was typed in (kept)
# or read from the timeline (recomputed).
INTERVIEW_COLUMNS = ("id", "company", "position", "interview_date", "interviewer_name",
                     "interviewer_email", "timeline", "decision_date", "decision_source",
                     "country", "notes", "reply_on", "outcome", "away_until", "created_at",
                     "updated_at")
PROFILE_COLUMNS = ("name", "signature", "country", "weekly_goal")
APPLICATION_FIELDS = {**inputs.APPLICATION, "applied_on": Day(required=True)}


class ImportRefused(ValueError):
    """The file cannot be imported; the message names the record and field at fault."""


def plain(value):
    """Dates as YYYY-MM-DD, timestamps as stored, everything else as it is."""
    if isinstance(value, datetime):
        return str(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


@contextmanager
def opened(settings: dict):
    """The database of `settings`, migrated and connected, with its holiday calendar."""
    db.open_database(settings["DATABASE"])
    service.use_calendar(settings.get("COUNTRY"))
    with db.database.connection_context():
        yield


def export_data() -> dict:
    """Everything the user entered, as plain JSON data."""
    sent = {}
    for row in FollowUp.select().order_by(FollowUp.sent_on, FollowUp.id):
        sent.setdefault(row.interview_id, []).append(
            {"sent_on": plain(row.sent_on), "created_at": plain(row.created_at)})
    profile = Profile.get_or_none(Profile.id == 1)
    return {
        "format_version": FORMAT_VERSION,
        "kind": KIND,
        "app_version": __version__,
        "exported_at": plain(now()),
        "profile": {name: getattr(profile, name) if profile else None
                    for name in PROFILE_COLUMNS},
        "interviews": [
            {**{name: plain(getattr(row, name)) for name in INTERVIEW_COLUMNS},
             "follow_ups": sent.get(row.id, [])}
            for row in Interview.select().order_by(Interview.id)],
        "applications": [
            {"id": row.id, "applied_on": plain(row.applied_on), "company": row.company,
             "created_at": plain(row.created_at)}
            for row in Application.select().order_by(Application.id)],
        "templates": [
            {"name": row.name, "subject": row.subject, "body": row.body,
             "updated_at": plain(row.updated_at)}
            for row in UserTemplate.select().order_by(UserTemplate.name)],
    }


def import_data(data, *, replace: bool = False) -> dict:
    """Check every record with the API's validators, then write all of it or nothing."""
    check_envelope(data)
    with db.writing():
        existing = sum(model.select().count() for model in (Interview, Application, UserTemplate))
        if existing and not replace:
            raise ImportRefused(
                f"This database already holds {existing} interviews, applications or templates. "
                "Import into an empty one, or add --replace to replace them (a backup of the "
                "database is taken first).")
        if replace:
            for model in (FollowUp, Interview, Application, UserTemplate, Profile):
                model.delete().execute()
        import_profile(data.get("profile"))
        counts = {"interviews": import_interviews(data.get("interviews", [])),
                  "applications": import_applications(data.get("applications", [])),
                  "templates": import_templates(data.get("templates", []))}
    return counts


def check_envelope(data) -> None:
    if not isinstance(data, dict):
        raise ImportRefused("The file is not a Follow-up Assistant export (not a JSON object).")
    version = data.get("format_version")
    if version is None or data.get("kind") != KIND:
        raise ImportRefused("The file is not a Follow-up Assistant export (no format_version "
                            f"or kind {KIND!r}).")
    if version != FORMAT_VERSION:
        raise ImportRefused(
            f"The file has format_version {version!r}; this Follow-up Assistant reads format "
            f"version {FORMAT_VERSION}. Update the app to import it.")
    for name in ("interviews", "applications", "templates"):
        if not isinstance(data.get(name, []), list):
            raise ImportRefused(f"{name}: must be a list.")


@contextmanager
def at(where: str):
    """Name the record in any validation error raised inside."""
    try:
        yield
    except (Problem, ImportRefused) as error:
        message = error.message if isinstance(error, Problem) else str(error)
        raise ImportRefused(where + ("" if message.startswith(":") else ".") + message) from None


def record(item, where: str, keys: tuple) -> dict:
    """A record as a dict with only the keys the format knows."""
    if not isinstance(item, dict):
        raise ImportRefused(f"{where}: must be a JSON object.")
    unknown = set(item) - set(keys)
    if unknown:
        raise ImportRefused(f"{where}: unknown field(s) {', '.join(sorted(unknown))}.")
    return dict(item)


def record_id(item: dict, seen: set) -> int:
    value = item.pop("id", None)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= db.LARGEST_ID:
        raise ImportRefused("id: must be a whole number from 1.")
    if value in seen:
        raise ImportRefused(f"id: {value} appears twice.")
    seen.add(value)
    return value


def timestamp(item: dict, name: str) -> str:
    value = item.pop(name, None)
    if value is None:
        return plain(now())
    try:
        datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ImportRefused(f"{name}: must be a date and time such as "
                            "2026-03-03 09:30:00+00:00.") from None
    return value


def import_profile(item) -> None:
    if item is None:
        return
    with at("profile"):
        fields = clean(record(item, "", PROFILE_COLUMNS), inputs.PROFILE)
    Profile.delete().execute()  # the file's profile replaces the one there is
    Profile.create(id=1, **fields)


def import_interviews(items: list) -> int:
    seen: set = set()
    for n, item in enumerate(items):
        with at(f"interviews[{n}]"):
            fields = record(item, "", (*INTERVIEW_COLUMNS, "follow_ups"))
            interview = Interview(id=record_id(fields, seen))
            created, updated = timestamp(fields, "created_at"), timestamp(fields, "updated_at")
            sent = follow_ups(fields.pop("follow_ups", []))
            source = fields.pop("decision_source", None)
            if source not in ("given", "timeline", None):
                raise ImportRefused("decision_source: must be given, timeline or null.")
            cleaned = clean(fields, inputs.INTERVIEW_EDITABLE)
            if source != "given":
                cleaned.pop("decision_date", None)  # read from the timeline again
            # The service's rules, as for an interview entered by hand (follow-ups included).
            service.apply(interview, cleaned, [day for day, _ in sent])
            interview.created_at, interview.updated_at = created, updated
            interview.save(force_insert=True)
            for day, created_at in sent:
                FollowUp.create(interview=interview, sent_on=day, created_at=created_at)
    return len(items)


def follow_ups(items) -> list:
    """[(sent_on, created_at)] of an interview's follow-ups, checked."""
    if not isinstance(items, list):
        raise ImportRefused("follow_ups: must be a list.")
    checked = []
    for n, item in enumerate(items):
        with at(f"follow_ups[{n}]"):
            fields = record(item, "", ("sent_on", "created_at"))
            created = timestamp(fields, "created_at")
            checked.append((clean(fields, {"sent_on": Day(required=True)})["sent_on"], created))
    return checked


def import_applications(items: list) -> int:
    seen: set = set()
    for n, item in enumerate(items):
        with at(f"applications[{n}]"):
            fields = record(item, "", ("id", "applied_on", "company", "created_at"))
            row_id, created = record_id(fields, seen), timestamp(fields, "created_at")
            cleaned = clean(fields, APPLICATION_FIELDS)
            Application.create(id=row_id, created_at=created, **cleaned)
    return len(items)


def import_templates(items: list) -> int:
    seen: set = set()
    for n, item in enumerate(items):
        with at(f"templates[{n}]"):
            fields = record(item, "", ("name", "subject", "body", "updated_at"))
            name, updated = fields.pop("name", None), timestamp(fields, "updated_at")
            if not isinstance(name, str) or name in seen:
                raise ImportRefused("name: must be a template name, once.")
            seen.add(name)
            cleaned = clean(fields, inputs.TEMPLATE)
            errors = drafting.check_user_template(name, cleaned["subject"], cleaned["body"])
            if errors:
                raise ImportRefused(errors[0]["message"])
            UserTemplate.create(name=name, updated_at=updated, **cleaned)
    return len(items)
