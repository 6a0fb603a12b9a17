"""Business days: Monday to Friday, not a public holiday of the country (docs/timing.md)."""
import threading
import warnings
from datetime import date, timedelta
from functools import cache

import holidays

ONE_DAY = timedelta(days=1)
SATURDAY = 5  # date.weekday(): Monday is 0, so 5 and 6 are the weekend
_building = threading.Lock()  # catch_warnings swaps process-wide state: one build at a time


@cache
def _supported_codes() -> frozenset[str]:
    """ISO 3166 codes the holidays package has a calendar for: countries ("GB") and their
    subdivisions ("GB-ENG"), whose calendars differ (Easter Monday is a bank holiday in
    England, not in Scotland)."""
    codes = set()
    for country, subdivisions in holidays.list_supported_countries().items():
        if len(country) == 2:
            codes |= {country, *(f"{country}-{sub}" for sub in subdivisions)}
    return frozenset(codes)


def is_supported_country(code: str) -> bool:
    """True for an upper-case ISO 3166 code the holidays package knows ("US", "GB-ENG")."""
    return isinstance(code, str) and code in _supported_codes()


@cache
def _holidays(country: str, year: int) -> dict[date, str]:
    """One year of one country's public holidays, built on first use and kept.

    A plain dict per (country, year) is much faster to look up than the package's own
    lazily expanding object, and the schedule looks up every day it counts.
    """
    if not is_supported_country(country):
        raise ValueError(f"no holiday calendar for country {country!r}")
    with _building, warnings.catch_warnings():
        # Some calendars warn that a year lies outside the range their data covers (India's
        # outside 2001-2035); the rule is "as the holidays package defines them", so use what
        # it knows rather than fail.
        warnings.simplefilter("ignore", UserWarning)
        code, _, subdivision = country.partition("-")
        return dict(holidays.country_holidays(code, subdiv=subdivision or None, years=year))


def holiday_name(day: date, country: str) -> str | None:
    """The public holiday on this day in this country, or None."""
    return _holidays(country, day.year).get(day)


def is_business_day(day: date, country: str) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < SATURDAY and day not in _holidays(country, day.year)


def next_business_day(day: date, country: str) -> date:
    """The first business day strictly after day."""
    return add_business_days(day, 1, country)


def add_business_days(day: date, n: int, country: str) -> date:
    """The n-th business day strictly after day (n >= 1)."""
    if n < 1:
        raise ValueError("add_business_days counts at least one day")
    while n:
        day += ONE_DAY
        if is_business_day(day, country):
            n -= 1
    return day


def holidays_between(start: date, end: date, country: str) -> list[tuple[date, str]]:
    """Weekday public holidays after start up to end: the days that pushed a date back."""
    found, day = [], start + ONE_DAY
    while day <= end:
        name = holiday_name(day, country) if day.weekday() < SATURDAY else None
        if name:
            found.append((day, name))
        day += ONE_DAY
    return found
