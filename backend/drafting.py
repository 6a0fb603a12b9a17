"""Write the follow-up for an interview: pick the template, fill it, check the result.

Plain dicts in (the Interview and Profile of docs/api.md), the Draft of docs/api.md out.
"""
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from . import checker, render
from .problems import Conflict, Invalid, Problem
from .vocabulary import FOLLOW_UP_ACTIONS

DEFAULT_VARIANT = "friendly"  # the seed: “I keep it simple and friendly”
FOLLOW_UP_TEMPLATES = ("first_follow_up", "first_follow_up_timeline", "second_follow_up")

# Fixed English names: the e-mail is written in English whatever the machine's locale.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# Greet "Dr. Patel", not "Dr.": a title keeps the surname.
TITLES = re.compile(r"(?i)(?:dr|prof|professor|mr|mrs|ms|mx)\.?\Z")
# The notes convention (docs/templates.md): "value: <a sentence>" and "article: <a link>".
NOTE_LINE = re.compile(r"(?im)^[ \t]*(value|article)[ \t]*:[ \t]*(\S.*?)[ \t]*$")


class DraftError(Problem):
    """No draft can be written for this request; the kind, code and field say why."""


class NothingToDraft(DraftError, Conflict):
    """The interview's state leaves nothing to write (a reply, an outcome, a template's gap)."""


class BadChoice(DraftError, Invalid):
    """A template or style that does not exist."""


@cache
def variants() -> dict:
    """The styles a user can pick, from backend/emails/variants.toml."""
    with open(render.TEMPLATE_DIR / "variants.toml", "rb") as file:
        return tomllib.load(file)


def human_day(day: date, on: date) -> str:
    """'Friday, March 13', with the year when it is not the year of `on`."""
    text = f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
    return text if day.year == on.year else f"{text}, {day.year}"


def when_phrase(day: date, on: date) -> str:
    """How an e-mail written on `on` refers to `day`: 'today', 'yesterday' or 'on Friday, …'."""
    if day == on:
        return "today"
    if day == on - timedelta(days=1):
        return "yesterday"
    return f"on {human_day(day, on)}"


def address_name(full_name: str | None) -> str | None:
    """The name to greet: the first name, or a title with the surname ('Dr. Patel')."""
    words = (full_name or "").split()
    if not words:
        return None
    if TITLES.match(words[0]) and len(words) > 1:
        return f"{words[0]} {words[-1]}"
    return words[0]


def value_paragraph(notes: str | None, variant: dict) -> str | None:
    """The 'add value' paragraph from the notes' first value: and article: lines, if any."""
    found = {}
    for key, text in NOTE_LINE.findall(notes or ""):
        found.setdefault(key.lower(), text)
    sentences = []
    if "value" in found:
        text = found["value"]
        text = text[0].upper() + text[1:]
        sentences.append(text if text[-1] in ".!?" else text + ".")
    if "article" in found:
        sentences.append(variant["article"].format(url=found["article"]))
    return " ".join(sentences) or None


def email_context(interview: dict, profile: dict, on: date, variant: str) -> dict:
    """The plain data a template sees; optional values are absent, never blank."""
    style = variants()[variant]
    interview_day = _day(interview["interview_date"])
    name = address_name(interview.get("interviewer_name"))
    greeting = (style["greeting"].format(name=name) if name else
                style["greeting_without_name"].format(company=interview["company"]))
    sender_name = (profile.get("name") or "").strip() or None
    signature = (profile.get("signature") or "").strip() or None
    # Sign with the signature; put the name above it when the signature does not say it.
    sender = "\n".join(part for part in (
        sender_name if sender_name and sender_name not in (signature or "") else None,
        signature) if part)
    context = {
        "variant": variant,
        "greeting": greeting,
        "sign_off": f"{style['closing']}\n{sender}" if sender else style["closing"],
        "company": interview["company"],
        "position": interview["position"],
        "interview_day": human_day(interview_day, on),
        "interview_when": when_phrase(interview_day, on),
        "interviewer_name": interview.get("interviewer_name"),
        "interviewer_first_name": name,
        "decision_day": (human_day(_day(interview["decision_date"]), on)
                         if interview.get("decision_date") else None),
        "timeline": interview.get("timeline"),
        "value_paragraph": value_paragraph(interview.get("notes"), style),
        "sender_name": sender_name,
        "signature": signature,
    }
    return {key: value for key, value in context.items() if value is not None}


def pick_template(interview: dict, on: date) -> str:
    """The template for the interview's next action on day `on`."""
    next_step = interview["schedule"]["next"]
    if not interview["follow_ups"] and on == _day(interview["interview_date"]):
        return "thank_you"
    if next_step is None:
        why = (f"they replied on {human_day(_day(interview['reply_on']), on)}"
               if interview.get("reply_on") else f"it is closed ({interview.get('outcome')})")
        raise NothingToDraft(f"No follow-up is needed for this interview: {why}. Choose a "
                             "template to draft one anyway.", "template", code="nothing_to_draft")
    if next_step["action"] == "first_follow_up":
        return "first_follow_up_timeline" if interview.get("decision_date") else "first_follow_up"
    return next_step["action"]


@dataclass(frozen=True)
class Moment:
    """What sending this draft would be, for the timing rules of the checker."""

    action: str | None  # None for a follow-up beyond the last one the rules allow
    is_follow_up: bool
    earliest: date | None
    reason: str | None


def moment(interview: dict, template: str) -> Moment:
    """The action a draft of `template` stands for, with the schedule's window if it applies."""
    next_step = interview["schedule"]["next"]
    sent = len(interview["follow_ups"])
    is_follow_up = template in FOLLOW_UP_TEMPLATES
    if not is_follow_up:
        action = template
    else:  # the follow-up this would be, whichever follow-up template was chosen
        action = FOLLOW_UP_ACTIONS[sent] if sent < len(FOLLOW_UP_ACTIONS) else None
    if next_step is not None and next_step["action"] == action:
        return Moment(action, is_follow_up, _day(next_step["earliest"]), next_step["reason"])
    return Moment(action, is_follow_up, None, None)


def build_draft(interview: dict, profile: dict, on: date, template: str | None,
                variant: str | None, user_templates: dict) -> dict:
    """The Draft of docs/api.md for `interview` on day `on`."""
    variant = variant or DEFAULT_VARIANT
    if variant not in variants():
        raise BadChoice(f"variant: {variant!r} is not a style; choose one of "
                        f"{', '.join(variants())}.", "variant")
    if template is not None and template not in render.template_names():
        raise BadChoice(f"template: {template!r} is not a template; choose one "
                        f"of {', '.join(render.template_names())}.", "template")
    template = template or pick_template(interview, on)
    context = email_context(interview, profile, on, variant)
    subject, body = _render(template, context, user_templates.get(template))
    step = moment(interview, template)
    findings = checker.check(body, check_context(interview, on, template), subject)
    next_step = interview["schedule"]["next"]
    action = step.action or (next_step["action"] if next_step else None)
    return {"subject": subject, "body": body, "action": action, "template": template,
            "variant": variant, "variants": [{"name": name, "label": style["label"]}
                                             for name, style in variants().items()],
            "schedule": interview["schedule"],
            "findings": [finding.to_dict() for finding in findings]}


def check_context(interview: dict, on: date, template: str | None = None) -> checker.Context:
    """What the checker must know to judge a draft of `template` (default: the one due) on `on`."""
    names = {"interviewer_name": interview.get("interviewer_name"),
             "company": interview["company"], "position": interview["position"]}
    sent = len(interview["follow_ups"])
    if template is None:
        try:
            template = pick_template(interview, on)
        except DraftError:  # a reply or an outcome ended the schedule: no follow-up is due
            return checker.Context(on=on, follow_ups_sent=sent, is_follow_up=False, **names)
    step = moment(interview, template)
    return checker.Context(on=on, action=step.action, earliest=step.earliest, reason=step.reason,
                           follow_ups_sent=sent, is_follow_up=step.is_follow_up, **names)


def _render(template: str, context: dict, user_template: dict | None) -> tuple[str, str]:
    """Render the user's version of the template if they saved one, else ours."""
    try:
        if user_template:
            return render.render_user_template(user_template["subject"], user_template["body"],
                                               context)
        return render.render_email(template, context)
    except render.RenderError as error:
        raise NothingToDraft(_explain(template, error, bool(user_template)), "template",
                             code="cannot_render") from None


def _explain(template: str, error: render.RenderError, is_users: bool) -> str:
    """Say what is missing in terms of the interview, not of the template's variables."""
    needs = {"decision_day": "a decision date", "interviewer_first_name": "an interviewer name",
             "interviewer_name": "an interviewer name", "timeline": "a timeline",
             "value_paragraph": "a value: or article: line in its notes",
             "sender_name": "your name in the profile", "signature": "a signature in the profile"}
    if error.missing in needs:
        whose = "Your saved" if is_users else "The"
        return (f"{whose} {template} template needs {needs[error.missing]}, which this "
                f"interview does not have.")
    return f"Your saved {template} template cannot be used: {error.message}" if is_users \
        else error.message


def sample_contexts() -> list[dict]:
    """One full context per style: what a user template is tried against when it is saved."""
    interview = {"company": "Northwind Labs", "position": "Product Manager",
                 "interview_date": "2026-03-06", "interviewer_name": "Sarah Chen",
                 "decision_date": "2026-03-13", "timeline": "by the end of next week",
                 "notes": "value: I recently shipped a checkout redesign that cut drop-off by 18%\n"
                          "article: https://example.com/pricing-experiments"}
    profile = {"name": "Alex Kim", "signature": "Alex Kim\n555-0100"}
    return [email_context(interview, profile, date(2026, 3, 16), name) for name in variants()]


def check_user_template(name: str, subject: str, body: str) -> list[dict]:
    """Errors that keep a user template for `name` from being saved: [{field, message}]."""
    if name not in render.template_names():
        return [{"field": "name", "message": f"name: {name!r} is not a template; choose one of "
                 f"{', '.join(render.template_names())}."}]
    return render.check_user_template(subject, body, sample_contexts())


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
