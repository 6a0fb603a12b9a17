"""Business days per country: weekends and the holidays package's public holidays."""
from datetime import date

import pytest

from backend.timing.business_days import (
    add_business_days,
    holiday_name,
    holidays_between,
    is_business_day,
    is_supported_country,
    next_business_day,
)


@pytest.mark.parametrize("day, country, expected", [
    (date(2026, 3, 13), "US", True),    # a plain Friday
    (date(2026, 3, 14), "US", False),   # Saturday
    (date(2026, 3, 15), "GB", False),   # Sunday
    (date(2026, 11, 26), "US", False),  # Thanksgiving
    (date(2026, 11, 26), "GB", True),   # not a holiday in Great Britain
    (date(2026, 7, 3), "US", False),    # Independence Day observed: 4 July 2026 is a Saturday
    (date(2026, 7, 3), "GB", True),
    (date(2026, 12, 25), "US", False),  # Christmas
    (date(2026, 12, 25), "GB", False),
    (date(2026, 12, 28), "GB", False),  # Boxing Day observed: 26 December 2026 is a Saturday
    (date(2026, 12, 28), "US", True),
    (date(2026, 4, 6), "DE", False),    # Easter Monday in Germany
    (date(2026, 10, 3), "DE", False),   # German Unity Day, a Saturday: not a business day anyway
    (date(2026, 10, 2), "DE", True),    # ...and Germany observes no substitute
])
def test_is_business_day(day, country, expected):
    assert is_business_day(day, country) is expected


@pytest.mark.parametrize("day, country, expected", [
    (date(2026, 11, 26), "US", "Thanksgiving Day"),
    (date(2026, 7, 3), "US", "Independence Day (observed)"),
    (date(2026, 12, 26), "GB", "Boxing Day"),
    (date(2026, 12, 28), "GB", "Boxing Day (observed)"),
    (date(2026, 11, 26), "GB", None),
])
def test_holiday_name(day, country, expected):
    assert holiday_name(day, country) == expected


@pytest.mark.parametrize("day, n, country, expected", [
    (date(2026, 3, 3), 4, "US", date(2026, 3, 9)),      # Tue + 4 jumps the weekend
    (date(2026, 3, 13), 1, "US", date(2026, 3, 16)),    # Fri + 1 is Monday
    (date(2026, 3, 14), 1, "US", date(2026, 3, 16)),    # from a Saturday
    (date(2026, 11, 23), 4, "US", date(2026, 11, 30)),  # skips Thanksgiving, Thu 26 Nov
    (date(2026, 11, 23), 4, "GB", date(2026, 11, 27)),  # GB works on Thanksgiving
    (date(2026, 7, 2), 1, "US", date(2026, 7, 6)),      # skips Fri 3 Jul (observed)
    (date(2026, 7, 2), 1, "GB", date(2026, 7, 3)),
    (date(2026, 12, 24), 1, "GB", date(2026, 12, 29)),  # 25, 26, 27, 28 Dec all off
    (date(2026, 12, 24), 1, "US", date(2026, 12, 28)),  # the US has no Boxing Day
    (date(2026, 12, 31), 1, "GB", date(2027, 1, 4)),    # New Year's Day 2027 is a Friday
    (date(2026, 12, 21), 10, "GB", date(2027, 1, 7)),   # across three holidays and a year
])
def test_add_business_days(day, n, country, expected):
    assert add_business_days(day, n, country) == expected


def test_next_business_day_is_strictly_after_even_on_a_business_day():
    assert next_business_day(date(2026, 3, 10), "US") == date(2026, 3, 11)
    assert next_business_day(date(2026, 11, 25), "US") == date(2026, 11, 27)


def test_counting_zero_days_is_refused():
    with pytest.raises(ValueError):
        add_business_days(date(2026, 3, 3), 0, "US")


def test_holidays_between_lists_only_weekday_holidays_after_the_start():
    assert holidays_between(date(2026, 12, 24), date(2026, 12, 31), "GB") == [
        (date(2026, 12, 25), "Christmas Day"), (date(2026, 12, 28), "Boxing Day (observed)")]
    assert holidays_between(date(2026, 11, 26), date(2026, 11, 30), "US") == []


@pytest.mark.parametrize("code, expected", [
    ("US", True), ("GB", True), ("DE", True), ("JP", True),
    ("us", False), ("USA", False), ("XX", False), ("", False), (None, False), (1, False),
])
def test_is_supported_country(code, expected):
    assert is_supported_country(code) is expected


def test_an_unknown_country_is_an_error_not_a_calendar_without_holidays():
    with pytest.raises(ValueError, match="XX"):
        is_business_day(date(2026, 3, 3), "XX")


def test_a_year_beyond_a_calendars_data_still_counts_without_a_warning():
    # holidays warns for India outside 2001-2035; pytest turns warnings into errors here.
    assert is_business_day(date(2040, 1, 2), "IN") is True
    assert is_business_day(date(2040, 1, 26), "IN") is False  # Republic Day is fixed


def test_a_subdivision_has_its_own_calendar():
    # Easter Monday 6 Apr 2026 is a bank holiday in England, not in Scotland; the UK-wide
    # calendar of the holidays package holds only what all four nations share.
    assert is_supported_country("GB-ENG") and not is_supported_country("GB-XYZ")
    assert not is_business_day(date(2026, 4, 6), "GB-ENG")
    assert is_business_day(date(2026, 4, 6), "GB-SCT")
    assert add_business_days(date(2026, 4, 2), 1, "GB-ENG") == date(2026, 4, 7)
