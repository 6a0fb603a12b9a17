"""Reading what the interviewer said into a decision date (docs/timing.md)."""
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.timing.timeline import parse_timeline

# Interview days on every weekday, and around holidays and the turn of the year.
MON, TUE, WED = date(2026, 3, 9), date(2026, 3, 3), date(2026, 3, 11)
THU, FRI, SAT = date(2026, 3, 12), date(2026, 3, 13), date(2026, 3, 14)
THANKSGIVING_WEEK = date(2026, 11, 23)  # a Monday
BEFORE_CHRISTMAS = date(2026, 12, 21)   # a Monday
MID_DECEMBER = date(2026, 12, 14)       # a Monday


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


READABLE = [
    # The forms docs/api.md names.
    ("We will be ready to make a decision in one week", TUE, "US", d(3, 10)),
    ("in two weeks", FRI, "US", d(3, 27)),
    ("in 3 days", THU, "US", d(3, 15)),
    ("within 10 business days", MON, "US", d(3, 23)),
    ("by Friday", WED, "US", d(3, 13)),
    ("by Friday", FRI, "US", d(3, 20)),  # said on a Friday: the next one
    ("by March 20", TUE, "US", d(3, 20)),
    ("by the end of the week", WED, "US", d(3, 13)),
    ("by the end of the week", FRI, "GB", d(3, 13)),  # said on the Friday: that day
    ("by the end of the month", WED, "US", d(3, 31)),
    ("next week", WED, "US", d(3, 20)),
    ("Next week.", MON, "GB", d(3, 20)),
    # Absolute dates.
    ("20 March", THU, "GB", d(3, 20)),
    ("Mar 20th", TUE, "US", d(3, 20)),
    ("by the 20th of March", TUE, "GB", d(3, 20)),
    ("3/20", TUE, "US", d(3, 20)),
    ("20/3", TUE, "GB", d(3, 20)),
    ("by 3/4", d(3, 2), "US", d(3, 4)),   # month first in the US
    ("by 3/4", d(3, 2), "GB", d(4, 3)),   # day first elsewhere
    ("by 20/3", TUE, "US", d(3, 20)),     # unambiguous: 20 cannot be a month
    ("20.03.2026", TUE, "DE", d(3, 20)),
    ("3/20/26", TUE, "US", d(3, 20)),
    ("the 20th", WED, "US", d(3, 20)),
    ("by the 5th", WED, "US", d(4, 5)),  # this month's 5th has passed
    ("2026-03-20", TUE, "US", d(3, 20)),
    ("by January 8", MID_DECEMBER, "US", d(1, 8, 2027)),  # the next 8 January
    ("We should have an answer for you by Wednesday, March 25th.", WED, "US", d(3, 25)),
    # Weekdays.
    ("by Tuesday", WED, "US", d(3, 17)),
    ("by Tuesday", MON, "US", d(3, 10)),
    ("by next Tuesday", MON, "US", d(3, 17)),  # "next": the Tuesday of next week
    ("on Monday", THU, "GB", d(3, 16)),
    ("Friday next week", TUE, "US", d(3, 13)),
    ("no later than Thurs", MON, "US", d(3, 12)),
    # Durations, in words and figures.
    ("in a couple of weeks", TUE, "US", d(3, 17)),
    ("in a few days", WED, "US", d(3, 14)),  # a few = three
    ("within a week", FRI, "US", d(3, 20)),
    ("in a fortnight", MON, "GB", d(3, 23)),
    ("twenty-one days", MON, "US", d(3, 30)),
    ("in 2-3 weeks", TUE, "US", d(3, 24)),  # a range: its later end
    ("a week or two", WED, "US", d(3, 25)),
    ("two weeks from today", MON, "US", d(3, 23)),
    ("within 48 hours", THU, "US", d(3, 14)),
    ("in a month", date(2026, 1, 31), "US", d(2, 28)),  # no 31 February
    ("We'll get back to you within two weeks, hopefully sooner", WED, "US", d(3, 25)),
    # Business days skip holidays.
    ("within 5 business days", THANKSGIVING_WEEK, "US", d(12, 1)),
    ("within 5 business days", THANKSGIVING_WEEK, "GB", d(11, 30)),
    ("in 10 working days", BEFORE_CHRISTMAS, "GB", d(1, 7, 2027)),
    ("in 3 working days", BEFORE_CHRISTMAS, "GB", d(12, 24)),
    # Parts of weeks and months.
    ("end of next week", THU, "US", d(3, 20)),
    ("early next week", THU, "US", d(3, 17)),  # Monday or Tuesday: the later
    ("mid-next week", MON, "US", d(3, 18)),
    ("the week after next", WED, "US", d(3, 27)),
    ("we'll decide by EOW", TUE, "US", d(3, 6)),
    ("by the end of March", MON, "US", d(3, 31)),
    ("end of January", MID_DECEMBER, "GB", d(1, 31, 2027)),
    ("next month", WED, "US", d(4, 30)),
    ("by the end of the month", d(11, 30), "US", d(11, 30)),
    ("tomorrow", FRI, "US", SAT),
]

UNREADABLE = [
    ("soon", WED, "US"),
    ("We'll be in touch", WED, "US"),
    ("after the holidays", BEFORE_CHRISTMAS, "GB"),
    ("by Friday or Monday", TUE, "US"),  # two different dates
    ("We are interviewing others this week and will decide next week", TUE, "US"),
    ("a week and a half", TUE, "US"),
    ("not before Friday", TUE, "US"),
    ("at least two weeks", TUE, "US"),
    ("Friday at the earliest", TUE, "US"),
    ("sometime after March 20", TUE, "US"),
    ("2.5 weeks", TUE, "US"),
    ("early next month", TUE, "US"),
    ("in March", d(1, 5), "US"),
    ("several weeks", TUE, "US"),
    ("ASAP", TUE, "US"),
    ("Thursday, March 20", TUE, "US"),  # 20 March 2026 is a Friday
    ("by February 30", TUE, "US"),
    ("by 13/13", TUE, "GB"),
    ("by March 1, 2026", TUE, "US"),  # before the interview
    ("in 500 days", TUE, "US"),        # no hiring timeline runs that long
    ("", TUE, "US"),
    ("   ", TUE, "US"),
]


@pytest.mark.parametrize("text, interview, country, expected", READABLE)
def test_readable_timelines(text, interview, country, expected):
    assert parse_timeline(text, interview, country) == expected


@pytest.mark.parametrize("text, interview, country", UNREADABLE)
def test_unreadable_timelines_give_no_date(text, interview, country):
    assert parse_timeline(text, interview, country) is None


def test_the_table_covers_every_weekday_and_at_least_forty_phrasings():
    assert len(READABLE) + len(UNREADABLE) >= 40
    assert {interview.weekday() for _, interview, _, _ in READABLE} >= {0, 1, 2, 3, 4}


PHRASES = [text for text, *_ in READABLE + UNREADABLE] + ["by Sunday", "the 31st", "Feb 29"]


@settings(max_examples=300, deadline=None)
@given(text=st.sampled_from(PHRASES), interview=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
       country=st.sampled_from(["US", "GB", "DE", "JP"]))
def test_a_decision_date_is_never_before_the_interview_nor_years_after(text, interview, country):
    found = parse_timeline(text, interview, country)
    assert found is None or interview <= found <= interview + timedelta(366)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_any_text_gives_a_date_or_none_and_never_an_error(text):
    found = parse_timeline(text, WED, "US")
    assert found is None or WED <= found <= WED + timedelta(366)
