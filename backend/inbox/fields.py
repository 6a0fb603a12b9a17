"""The interview's fields in one message: company, position, interviewer, date and time,
timeline sentence, and for an automatic reply the day its writer is back.

Each field is pulled with a few plain rules, most reliable first; a field that none of them finds
stays None, and the user fills it in. A wrong value the user might not notice is worse than an
empty one, so the rules ask for clear evidence (a "Date:" line, "the X position at Y", a
signature line) rather than guessing from any capitalised word.
"""
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from ..timing import timeline
from . import dates
from .detect import TRACK_KINDS, Message, normalise

# Mail providers and hiring systems: their domain names the provider, not the employer.
SHARED_DOMAINS = frozenset("""gmail googlemail outlook hotmail live msn yahoo ymail aol icloud me
mac proton protonmail pm gmx web mail fastmail zoho yandex qq 163 hey tutanota greenhouse lever
myworkday workday ashbyhq smartrecruiters recruitee workable icims jobvite bamboohr teamtailor
personio breezy jazzhr calendly linkedin indeed glassdoor""".split())
# Senders that are a mailbox, not a person: no interviewer name or address from them.
ROLE_MAILBOX = re.compile(r"^(?:no-?reply|do-?not-?reply|careers?|jobs?|hr|recruit\w*|talent\w*|"
                          r"hiring|people|notifications?|info|hello|team)\b", re.IGNORECASE)
NOT_A_PERSON = re.compile(r"\b(?:careers?|jobs?|team|recruit\w*|talent|hiring|hr|department|"
                          r"notifications?|alerts?|group|inc|ltd|llc|gmbh)\b", re.IGNORECASE)
WORD = r"[A-Z][\w&'-]*"
NAME = rf"{WORD}(?:[ ](?:&[ ])?(?:{WORD}|of|and|de|la)){{0,3}}"
ROLE_WORDS = r"(?:position|role|job|opening|vacancy|post)"
POSITION_RULES = [re.compile(p) for p in (
    rf"\b(?:the|our) (?P<v>{NAME}) {ROLE_WORDS}\b",
    rf"\b(?:position|role|post) (?:of|as) (?:an? )?(?P<v>{NAME})",
    rf"\binterview (?:for|with us for) (?:the |an? )?(?P<v>{NAME})(?: (?:{ROLE_WORDS})| at\b|$)",
    rf"\bfor (?:the )?(?P<v>{NAME}) at {NAME}",
    rf"(?:^|[-–:|] )(?P<v>{NAME}) (?:{ROLE_WORDS}|at {NAME}$)",
    r"\bthe (?P<v>[a-z][a-z -]{2,40}?) (?:job|role|position|opening)\b",
)]
COMPANY_RULES = [re.compile(p) for p in (
    rf"\b{ROLE_WORDS}\b[^.\n]{{0,60}}?\bat (?:our company, )?(?P<v>{NAME})",
    rf"\b(?:interview|application) for (?:the )?{NAME} at (?P<v>{NAME})",
    rf"\bthe position of [^.\n]{{0,40}}at our company, (?P<v>{NAME})",
    rf"\b(?:at|from|with) (?P<v>{NAME})$",
    rf"^(?P<v>{NAME}) (?:wants to interview you|job application)",
)]
CLOSINGS = re.compile(r"^(?:best|kind|warm)?\s*(?:regards|wishes)|^(?:best|thanks|thank you|cheers|"
                      r"sincerely|yours|all the best|speak soon|see you)\b[ ,.!]*$", re.IGNORECASE)
TIMELINE_WORDS = re.compile(r"\b(?:get back to you|be in touch|hear (?:back )?from us|follow up|"
                            r"decision|update|let you know|next steps|reach out)\b", re.IGNORECASE)
RETURN_WORDS = re.compile(r"\b(?:return|back|until|again from|available)\b", re.IGNORECASE)
INTERVIEW_WORDS = re.compile(r"\b(?:interview|meet|call|chat|screen|date|when|scheduled|"
                             r"confirm|moved|booked|session|visit)", re.IGNORECASE)
# A rescheduling note names the old time and the new one: the old one is not the interview's.
OLD_TIME = re.compile(r"\b(?:had arranged|arranged for|was scheduled|were due to|originally|"
                      r"cancel)", re.IGNORECASE)
NEW_TIME = re.compile(r"\breschedul\w* (?:for|to)\b|\bnew (?:date|time)\b", re.IGNORECASE)
DEADLINE_BEFORE = re.compile(r"\b(?:by|before|until|within|no later than|deadline)\s*$")
PAST_DAY = {"today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "earlier today": 0, "yesterday": 1}
# Calendar and meeting services name themselves in an invitation ("Invitation from Google
# Calendar", "Microsoft Teams meeting"): never the employer.
SERVICES = frozenset({"google calendar", "google meet", "microsoft teams", "teams", "zoom",
                      "outlook", "calendly", "webex"})
# The labels of a calendar invitation's block, which can end a message where a signature would.
INVITE_LABELS = re.compile(r"^(?:when|where|who|guests|organi[sz]er|joining info|calendar|"
                           r"invitation from\b|reply for\b|view all guest)", re.IGNORECASE)
STOP_WORDS = {"The", "Our", "We", "Your", "This", "Hi", "Hello", "Dear", "Thank", "Thanks"}


@dataclass
class Fields:
    """What the prompt's form is filled with; None where the message does not say."""

    company: str | None = None
    position: str | None = None
    interview_date: date | None = None
    interview_time: time | None = None
    interviewer_name: str | None = None
    interviewer_email: str | None = None
    timeline: str | None = None
    decision_date: date | None = None
    return_on: date | None = None

    def to_dict(self) -> dict:
        return {key: value.isoformat(timespec="minutes") if isinstance(value, time)
                else value.isoformat() if isinstance(value, date) else value
                for key, value in asdict(self).items()}


def extract(message: Message, kind: str, country: str) -> Fields:
    """Every field the message gives, for the kind the detector read."""
    arrived = message.received_on or date.today()
    text = normalise(message.text)
    subject = normalise(message.subject).strip()
    found = Fields()
    found.interviewer_name, found.interviewer_email = _interviewer(message)
    found.position = _first(POSITION_RULES, [subject, text], _clean_position)
    found.company = (_first(COMPANY_RULES, [text, subject], _clean_company)
                     or _signature_company(text, found.interviewer_name)
                     or _domain_company(found.interviewer_email or message.from_email))
    if kind == "auto_reply":
        found.return_on = _return_day(text, arrived, country)
        return found
    if kind in TRACK_KINDS:
        found.interview_date, found.interview_time = _when(message, text, arrived, kind, country)
        found.timeline = _timeline(text, found.interview_date or arrived, country)
        if found.timeline:
            found.decision_date = timeline.parse_timeline(
                found.timeline, found.interview_date or arrived, country)
    return found


def _first(rules, places, clean):
    for place in places:
        for line in place.splitlines():
            for rule in rules:
                for match in rule.finditer(line.strip()):
                    value = clean(match["v"])
                    if value:
                        return value
    return None


def _clean_position(value: str) -> str | None:
    value = value.strip(" .,-")
    words = value.split()
    if not words or words[0] in STOP_WORDS or len(value) > 60:
        return None
    return value[0].upper() + value[1:]


def _clean_company(value: str) -> str | None:
    value = value.strip(" .,-")
    if not value or value.split()[0] in STOP_WORDS or value.lower() in SERVICES:
        return None
    return value


def _interviewer(message: Message) -> tuple[str | None, str | None]:
    """The sender, or the calendar invitation's organiser, when it is a person."""
    calendar = message.calendar or {}
    email = (calendar.get("organizer_email") or message.from_email or "").strip().lower() or None
    name = (calendar.get("organizer_name") or message.from_name or "").strip() or None
    if email and ROLE_MAILBOX.match(email.split("@")[0]):
        email = None
    if name and (NOT_A_PERSON.search(name) or "@" in name):
        name = None
    return name, email


def _signature_company(text: str, name: str | None) -> str | None:
    """The company line of the signature: after the closing, the line that is not the name."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    last = lines[-4:]
    tail = last
    for index, line in enumerate(last):
        if CLOSINGS.match(line) or (name and line == name):
            tail = last[index + 1:]
    for line in reversed(tail):
        if (re.search(r"[@\d]|https?:", line) or (name and line == name) or len(line) > 60
                or INVITE_LABELS.match(line)):
            continue
        for separator in ("|", ",", " at "):
            if separator in line:
                line = line.rsplit(separator, 1)[1].strip()
        if re.fullmatch(NAME, line) and (not name or line not in name) and len(line.split()) <= 4:
            return line
    return None


def _domain_company(email: str | None) -> str | None:
    """The employer's name from its mail domain (acme.example -> Acme), unless it is a provider's."""
    if not email or "@" not in email:
        return None
    labels = email.rsplit("@", 1)[1].lower().split(".")
    label = labels[-2] if len(labels) >= 2 else labels[0]
    if label in SHARED_DOMAINS or not label:
        return None
    return label.replace("-", " ").title()


def _when(message: Message, text: str, arrived: date, kind: str, country: str):
    """The interview's day and time: the calendar invitation, else the best date in the text."""
    start = (message.calendar or {}).get("start")
    if start:
        try:
            moment = datetime.fromisoformat(start)
            return moment.date(), (moment.time().replace(second=0, microsecond=0)
                                   if "T" in start else None)
        except ValueError:
            pass
    lowered = text.lower()
    if kind == "thanks":  # the interview has happened: today, yesterday, or we do not know
        for words, back in PAST_DAY.items():
            if re.search(rf"\b{words}\b", lowered):
                return arrived - timedelta(days=back), None
        return None, None
    best, best_score = None, 0
    for found in dates.dates_in(text, arrived, country):
        if found.day < arrived:
            continue
        sentence = _sentence_around(text, found.start, found.end)
        score = (2 * bool(INTERVIEW_WORDS.search(sentence))
                 + bool(dates.time_near(text, found.start, found.end, 25))
                 - 3 * bool(DEADLINE_BEFORE.search(found.before))
                 - 3 * bool(OLD_TIME.search(sentence)) + bool(NEW_TIME.search(sentence)))
        if score > best_score:
            best, best_score = found, score
    if best is None:
        return None, None
    return best.day, dates.time_near(text, best.start, best.end)


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    return text[left:min(stops) if stops else len(text)]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _timeline(text: str, start: date, country: str) -> str | None:
    """The sentence (or clause) saying when they will decide, when the timeline parser reads it."""
    for sentence in _sentences(text):
        if not TIMELINE_WORDS.search(sentence):
            continue
        candidates = [sentence, *re.split(r",\s*|\s+and\s+|\s+but\s+", sentence)]
        for candidate in candidates:
            candidate = candidate.strip()
            if TIMELINE_WORDS.search(candidate) and timeline.parse_timeline(candidate, start, country):
                return candidate[:500]
    return None


def _return_day(text: str, arrived: date, country: str) -> date | None:
    """The day the writer of an automatic reply is back: a date in a sentence about returning."""
    for sentence in _sentences(text):
        if RETURN_WORDS.search(sentence):
            days = [f.day for f in dates.dates_in(sentence, arrived, country) if f.day >= arrived]
            if days:
                return max(days)
    return None
