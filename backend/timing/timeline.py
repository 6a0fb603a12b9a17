"""What the interviewer said about their timeline -> the decision date (docs/timing.md).

The text is read with a table of patterns, most specific first; each match is cut out so a
later, looser pattern cannot read the same words again. Every date found must agree: two
different dates, a lower bound only ("after March 20", "at least two weeks"), a negation or
anything vague gives None. A wrong date would make the user follow up at the wrong time;
"we could not read it" lets them enter the date themselves. Decisions are in docs/timing.md.
"""
import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from .business_days import add_business_days

# A decision further away than this is not a hiring timeline but a misreading.
MAX_DAYS_AHEAD = 366

_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
NUMBER_WORDS = {
    **{word: n for n, word in enumerate(_ONES, 1)},
    **{word: n for n, word in enumerate(_TEENS, 10)},
    "twenty": 20, "thirty": 30,
    **{f"twenty {word}": 20 + n for n, word in enumerate(_ONES, 1)},
    # "a few" could be two to five; three is the usual reading and errs on waiting longer.
    "a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3,
}
# Calendar days per unit; business units count business days instead.
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
BUSINESS_UNIT_DAYS = {"day": 1, "week": 5, "fortnight": 10}

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    # Only abbreviations that are not also English words ("sat", "sun", "wed", "mon").
    "tue": 1, "tues": 1, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
}
MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if n} | {
    name.lower(): n for n, name in enumerate(calendar.month_abbr) if n} | {"sept": 9}
# Where 3/4 is March 4 (elsewhere it is 3 April): the US, its territories, the Philippines.
MONTH_FIRST_COUNTRIES = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH"})

# Which day of a week "early / mid / end of next week" means (Monday is 0). "Early" spans
# Monday and Tuesday: take the later end, so the follow-up never falls inside their window.
WEEK_PARTS = {None: 4, "end of": 4, "close of": 4, "late": 4, "later": 4,
              "beginning of": 0, "start of": 0, "early": 1, "mid": 2, "middle of": 2}
# How many weeks or months ahead "this / the / next ... week (month)" is.
AHEAD = {"this": 0, "the": 0, "next": 1, "following": 1, "coming": 1}
# Parts of a month that name a day; "early / mid next month" do not, so they read as None.
MONTH_END_PARTS = {None, "end of", "close of", "late", "later"}
RELATIVE_DAYS = {"the day after tomorrow": 2, "day after tomorrow": 2, "tomorrow": 1,
                 "today": 0, "tonight": 0, "the end of the day": 0, "end of the day": 0,
                 "end of day": 0, "eod": 0}

# Rewrites before reading: (pattern, replacement).
REWRITES = [
    (r"[’‘`]", "'"), (r"[–—]", "-"), (r"\s+", " "),
    (r"\bno later than\b", "by"),
    (r"\bend of (?:the )?week\b|\beow\b", "end of the week"),
    (r"\bend of month\b|\beom\b", "end of the month"),
    (r"\bmid-", "mid "),
    (r"\btwenty-", "twenty "),
    # "two weeks from today": the duration already counts from the interview.
    (r"\b(?:from|as of) (?:today|now|the interview|this point)\b", ""),
]


def _alternation(words) -> str:
    """Longest first, so "a couple of" wins over "a"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


NUM = rf"(?:\d{{1,3}}|{_alternation(NUMBER_WORDS)})"
WEEKDAY = rf"(?:{_alternation(WEEKDAYS)})"
MONTH = rf"(?:{_alternation(MONTHS)})"
ORDINAL = r"(?:st|nd|rd|th)"
# "Friday, March 20": a weekday written with a date must be that date's weekday.
WD = rf"(?:(?P<wd>{WEEKDAY})\.?,? (?:the )?)?"

# Text that says something other than "the decision comes by this date".
REFUSALS = [re.compile(pattern) for pattern in (
    r"\bnot\b", r"n't\b", r"\bnever\b", r"\bno\b", r"\bunless\b",
    r"\bhalf\b",  # "a week and a half" must not read as "a week"
    r"\bat least\b", r"\bat the earliest\b", r"\bor later\b",  # lower bounds only
    rf"\bafter (?:the )?(?:\d|{MONTH}\b|{WEEKDAY}\b|(?:next|this) (?:week|month)\b)",
)]


def parse_timeline(text: str, interview_date: date, country: str) -> date | None:
    """The decision date the text gives, counted from the interview; None when unsure."""
    if not isinstance(text, str):
        return None
    text = text.lower()
    for pattern, replacement in REWRITES:
        text = re.sub(pattern, replacement, text)
    if any(refusal.search(text) for refusal in REFUSALS):
        return None
    found: set[date | None] = set()

    def cut(match: re.Match, resolve: Callable) -> str:
        try:
            found.add(resolve(match, interview_date, country))
        except (ValueError, OverflowError):  # no such day (Feb 30) or beyond the calendar
            found.add(None)
        return " | "  # keeps the words either side from joining into a new phrase

    for pattern, resolve in PATTERNS:
        text = pattern.sub(lambda match, resolve=resolve: cut(match, resolve), text)
    if len(found) != 1:
        return None
    (day,) = found
    if day is None or not interview_date <= day <= interview_date + timedelta(MAX_DAYS_AHEAD):
        return None
    return day


def _weekday_checked(resolve: Callable) -> Callable:
    """A date written with a weekday must fall on it ("Friday, March 21" when it is not: None)."""
    def checked(match: re.Match, start: date, country: str) -> date | None:
        day = resolve(match, start, country)
        weekday = match["wd"]
        return None if day is None or (weekday and WEEKDAYS[weekday] != day.weekday()) else day
    return checked


def _year(text: str | None) -> int | None:
    """A written year; two digits mean this century."""
    if not text:
        return None
    return int(text) + 2000 if len(text) == 2 else int(text)


def _on_or_after(start: date, month: int, day: int, year: int | None) -> date | None:
    """The date itself when a year is given, else the next such date on or after start."""
    if year:
        return date(year, month, day)
    for candidate_year in range(start.year, start.year + 9):  # Feb 29 waits for a leap year
        if day <= calendar.monthrange(candidate_year, month)[1]:
            candidate = date(candidate_year, month, day)
            if candidate >= start:
                return candidate
    return None


@_weekday_checked
def _iso(match, start, country):
    return date(int(match["year"]), int(match["month"]), int(match["day"]))


@_weekday_checked
def _numeric(match, start, country):
    a, b = int(match["a"]), int(match["b"])
    if match["sep"] == "." and not match["year"]:
        return None  # "2.5 weeks" is not a date
    month_first = country in MONTH_FIRST_COUNTRIES
    if a > 12 or (b <= 12 and not month_first):
        a, b = b, a  # day first: written that way, or unambiguous because a > 12
    return _on_or_after(start, a, b, _year(match["year"]))


@_weekday_checked
def _named_month(match, start, country):
    return _on_or_after(start, MONTHS[match["month"]], int(match["day"]), _year(match["year"]))


@_weekday_checked
def _nth(match, start, country):
    day = int(match["day"])
    year, month = start.year, start.month
    for _ in range(12):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= start:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _relative_day(match, start, country):
    return start + timedelta(RELATIVE_DAYS[match[0]])


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _end_of_named_month(match, start, country):
    month = MONTHS[match["month"]]
    year = start.year if month >= start.month else start.year + 1
    return _month_end(year, month)


def _end_of_year(match, start, country):
    return date(start.year, 12, 31)


def _weekday(match, start, country):
    weekday = WEEKDAYS[match["day"]]
    monday = start - timedelta(start.weekday())
    if match["next_week"] or match["next_week2"] or match["qual"] == "next":
        return monday + timedelta(7 + weekday)  # "next Tuesday": the Tuesday of next week
    if match["this_week"]:
        return monday + timedelta(weekday)
    return start + timedelta((weekday - start.weekday() - 1) % 7 + 1)  # strictly after


def _week(match, start, country):
    weeks = AHEAD[match["which"]] + (2 if match["after_next"] else 0)
    return start - timedelta(start.weekday()) + timedelta(7 * weeks + WEEK_PARTS[match["part"]])


def _month(match, start, country):
    if match["part"] not in MONTH_END_PARTS:
        return None
    months_ahead = AHEAD[match["which"]]
    year, month = divmod(start.year * 12 + start.month - 1 + months_ahead, 12)
    return _month_end(year, month + 1)


def _number(text: str | None) -> int:
    if not text:
        return 0
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


def _duration(match, start, country):
    n = max(_number(match[group]) for group in ("n", "m", "m2"))
    unit = match["unit"].removesuffix("s")
    if n == 0:
        return None
    if unit == "hour":
        return start + timedelta(-(-n // 24))  # "within 48 hours": two days, rounded up
    if unit == "month":
        if match["kind"] or n > 12:
            return None
        year, month = divmod(start.year * 12 + start.month - 1 + n, 12)
        return date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))
    if match["kind"] in ("business", "working"):
        business_days = n * BUSINESS_UNIT_DAYS[unit]
        return add_business_days(start, business_days, country) if business_days <= 260 else None
    days = n * UNIT_DAYS[unit]
    return start + timedelta(days) if days <= MAX_DAYS_AHEAD else None


# (pattern, resolver), most specific first; each match is cut out before the next pattern runs.
PATTERNS = [(re.compile(pattern), resolve) for pattern, resolve in (
    (rf"\b{WD}(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})\b", _iso),
    (rf"(?<![\w.,/:-]){WD}(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})"
     rf"(?:(?P=sep)(?P<year>\d{{4}}|\d{{2}}))?(?![\w/:-]|[.,]\d)", _numeric),
    (rf"\b{WD}(?P<month>{MONTH})\.? (?:the )?(?P<day>\d{{1,2}}){ORDINAL}?\b"
     rf"(?:,? (?P<year>\d{{4}})\b)?", _named_month),
    (rf"\b{WD}(?:the )?(?P<day>\d{{1,2}}){ORDINAL}? (?:of )?(?P<month>{MONTH})\b\.?"
     rf"(?:,? (?P<year>\d{{4}})\b)?", _named_month),
    (rf"\b{WD}(?:the )?(?P<day>\d{{1,2}}){ORDINAL}\b", _nth),
    (rf"\b(?:{_alternation(RELATIVE_DAYS)})\b", _relative_day),
    (rf"\b(?:end|close) of (?P<month>{MONTH})\b", _end_of_named_month),
    (r"\b(?:the )?end of (?:the |this )?year\b|\byear[- ]end\b", _end_of_year),
    (rf"\b(?P<next_week>next week,? (?:on )?)?(?:(?P<qual>next|this coming|this|coming) )?"
     rf"(?P<day>{WEEKDAY})\b\.?(?:(?P<this_week>,? (?:of )?this week)"
     rf"|(?P<next_week2>,? (?:of )?next week))?", _weekday),
    (rf"\b(?:(?P<part>{_alternation(k for k in WEEK_PARTS if k)}) )?(?:the )?"
     rf"(?P<which>this|next|following|coming|the) week\b(?P<after_next> after next)?", _week),
    (rf"\b(?:(?P<part>{_alternation(WEEK_PARTS.keys() - {None})}) )?(?:the )?"
     rf"(?P<which>this|next|following|coming|the) month\b", _month),
    (rf"(?<![\w.,/-])(?P<n>{NUM})(?: ?(?:-|to|or) ?(?P<m>{NUM}))? (?:more |extra )?"
     rf"(?:(?P<kind>business|working|calendar) )?(?P<unit>hours?|days?|weeks?|fortnights?|months?)"
     rf"\b(?: or (?P<m2>{NUM})\b(?! \w*(?:day|week|month)))?", _duration),
)]
