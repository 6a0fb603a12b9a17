"""The next action and its state (docs/timing.md), on concrete dates."""
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.timing.business_days import is_business_day
from backend.timing.schedule import NextAction, format_day, next_action, state_on


def plan(interview, *, decision=None, sent=(), reply=None, outcome=None, country="US",
         said=False):
    """next_action with the quiet defaults of a fresh interview."""
    return next_action(interview_date=interview, decision_date=decision, follow_ups=list(sent),
                       reply_on=reply, outcome=outcome, country=country,
                       decision_from_timeline=said)


# Rule 3, without a decision date: interview + 4 / + 5 business days.
def test_first_follow_up_without_a_timeline():
    action = plan(date(2026, 3, 3))
    assert action == NextAction(
        "first_follow_up", date(2026, 3, 9), date(2026, 3, 10),
        "No timeline was given; 4–5 business days after your interview on Tue 3 Mar is "
        "Mon 9 Mar – Tue 10 Mar.")


@pytest.mark.parametrize("interview, country, earliest, latest, holiday", [
    (date(2026, 11, 23), "US", date(2026, 11, 30), date(2026, 12, 1),
     "Thu 26 Nov is Thanksgiving Day, so it does not count."),
    (date(2026, 11, 23), "GB", date(2026, 11, 27), date(2026, 11, 30), None),
    (date(2026, 6, 29), "US", date(2026, 7, 6), date(2026, 7, 7),
     "Fri 3 Jul is Independence Day (observed), so it does not count."),
    (date(2026, 6, 29), "GB", date(2026, 7, 3), date(2026, 7, 6), None),
    (date(2026, 12, 21), "GB", date(2026, 12, 29), date(2026, 12, 30),
     "Fri 25 Dec is Christmas Day and Mon 28 Dec is Boxing Day (observed), so they do not count."),
    (date(2026, 12, 21), "US", date(2026, 12, 28), date(2026, 12, 29),
     "Fri 25 Dec is Christmas Day, so it does not count."),
])
def test_first_follow_up_skips_public_holidays(interview, country, earliest, latest, holiday):
    action = plan(interview, country=country)
    assert (action.earliest, action.latest) == (earliest, latest)
    if holiday:
        assert action.reason.endswith(holiday)
    else:
        assert "does not count" not in action.reason


def test_dates_in_another_year_say_the_year():
    action = plan(date(2026, 12, 23), country="GB")
    assert (action.earliest, action.latest) == (date(2026, 12, 31), date(2027, 1, 4))
    assert "is Thu 31 Dec – Mon 4 Jan 2027." in action.reason
    assert "Fri 1 Jan 2027 is New Year's Day" in action.reason


# Rule 3, with a decision date: the first business day after it, and the one after that.
def test_first_follow_up_the_day_after_the_decision_they_gave():
    action = plan(date(2026, 3, 3), decision=date(2026, 3, 13), said=True)
    assert action == NextAction(
        "first_follow_up", date(2026, 3, 16), date(2026, 3, 17),
        "They said they would decide by Fri 13 Mar; follow up the next business day, Mon 16 Mar.")


def test_a_decision_date_entered_by_hand_is_not_put_in_their_mouth():
    action = plan(date(2026, 3, 3), decision=date(2026, 3, 13))
    assert action.reason.startswith("The decision date is Fri 13 Mar;")


@pytest.mark.parametrize("decision, country, earliest, latest", [
    (date(2026, 3, 11), "US", date(2026, 3, 12), date(2026, 3, 13)),   # midweek
    (date(2026, 3, 14), "US", date(2026, 3, 16), date(2026, 3, 17)),   # a Saturday
    (date(2026, 11, 25), "US", date(2026, 11, 27), date(2026, 11, 30)),  # before Thanksgiving
    (date(2026, 11, 25), "GB", date(2026, 11, 26), date(2026, 11, 27)),
    (date(2026, 7, 2), "US", date(2026, 7, 6), date(2026, 7, 7)),      # before the 3 Jul
    (date(2026, 12, 24), "GB", date(2026, 12, 29), date(2026, 12, 30)),  # Christmas, Boxing Day
])
def test_first_follow_up_after_a_decision_date(decision, country, earliest, latest):
    action = plan(date(2026, 3, 2) if decision.month == 3 else decision - timedelta(7),
                  decision=decision, country=country)
    assert (action.action, action.earliest, action.latest) == ("first_follow_up", earliest, latest)


def test_a_decision_on_the_interview_day_means_the_next_business_day():
    action = plan(date(2026, 3, 13), decision=date(2026, 3, 13))
    assert (action.earliest, action.latest) == (date(2026, 3, 16), date(2026, 3, 17))


def test_a_decision_before_the_interview_is_refused():
    with pytest.raises(ValueError):
        plan(date(2026, 3, 13), decision=date(2026, 3, 12))


# Rule 4: the second follow-up, counted from the first's sent_on.
def test_second_follow_up_after_the_first():
    action = plan(date(2026, 3, 3), sent=[date(2026, 3, 9)])
    assert action == NextAction(
        "second_follow_up", date(2026, 3, 13), date(2026, 3, 16),
        "No answer to your follow-up of Mon 9 Mar; send a second and last one 4–5 business "
        "days later, Fri 13 Mar – Mon 16 Mar.")


def test_second_follow_up_ignores_the_decision_date_and_skips_holidays():
    action = plan(date(2026, 11, 2), decision=date(2026, 11, 16), sent=[date(2026, 11, 23)])
    assert (action.earliest, action.latest) == (date(2026, 11, 30), date(2026, 12, 1))
    assert "Thanksgiving" in action.reason


# Rule 5: move on after the second follow-up; no third one.
def test_move_on_after_two_follow_ups():
    action = plan(date(2026, 3, 3), sent=[date(2026, 3, 16), date(2026, 3, 9)])
    assert action == NextAction(
        "move_on", date(2026, 3, 20), date(2026, 3, 23),
        "Two follow-ups sent with no answer — time to move on from Fri 20 Mar and put your "
        "energy into other applications.")


def test_move_on_across_christmas_in_great_britain():
    action = plan(date(2026, 12, 1), sent=[date(2026, 12, 14), date(2026, 12, 23)], country="GB")
    assert (action.earliest, action.latest) == (date(2026, 12, 31), date(2027, 1, 4))


# Rule 6: a reply or an outcome ends the schedule.
@pytest.mark.parametrize("reply, outcome", [
    (date(2026, 3, 5), None), (None, "offer"), (None, "rejected"), (None, "withdrawn"),
    (None, "moved_on"), (date(2026, 3, 5), "offer"),
])
def test_a_reply_or_an_outcome_ends_the_schedule(reply, outcome):
    assert plan(date(2026, 3, 3), sent=[date(2026, 3, 4)], reply=reply, outcome=outcome) is None


# Rule 7: the state on a given day.
@pytest.mark.parametrize("on, expected", [
    (date(2026, 3, 3), "upcoming"), (date(2026, 3, 8), "upcoming"), (date(2026, 3, 9), "due"),
    (date(2026, 3, 10), "due"), (date(2026, 3, 11), "overdue"), (date(2027, 3, 3), "overdue"),
])
def test_state_of_a_follow_up(on, expected):
    action = plan(date(2026, 3, 3))
    assert state_on(action, reply_on=None, outcome=None, on=on) == expected


@pytest.mark.parametrize("on, expected", [
    (date(2026, 3, 19), "upcoming"), (date(2026, 3, 20), "move_on"), (date(2026, 3, 24), "move_on"),
])
def test_state_when_it_is_time_to_move_on(on, expected):
    action = plan(date(2026, 3, 3), sent=[date(2026, 3, 9), date(2026, 3, 16)])
    assert state_on(action, reply_on=None, outcome=None, on=on) == expected


def test_state_after_a_reply_or_an_outcome():
    assert state_on(None, reply_on=date(2026, 3, 5), outcome=None, on=date(2026, 3, 9)) == "replied"
    assert state_on(None, reply_on=None, outcome="offer", on=date(2026, 3, 9)) == "closed"
    assert state_on(None, reply_on=date(2026, 3, 5), outcome="rejected",
                    on=date(2026, 3, 9)) == "closed"


def test_an_open_interview_without_an_action_is_a_bug_not_a_state():
    with pytest.raises(ValueError):
        state_on(None, reply_on=None, outcome=None, on=date(2026, 3, 9))


def test_to_dict_gives_iso_dates():
    assert plan(date(2026, 3, 3)).to_dict() == {
        "action": "first_follow_up", "earliest": "2026-03-09", "latest": "2026-03-10",
        "reason": "No timeline was given; 4–5 business days after your interview on Tue 3 Mar "
                  "is Mon 9 Mar – Tue 10 Mar."}


def test_format_day():
    assert format_day(date(2026, 3, 13), 2026) == "Fri 13 Mar"
    assert format_day(date(2027, 1, 4), 2026) == "Mon 4 Jan 2027"
    assert format_day(date(2026, 3, 1)) == "Sun 1 Mar 2026"


COUNTRIES = ["US", "GB", "DE", "FR", "JP", "IN", "BR", "AU"]


@settings(max_examples=300, deadline=None)  # a new country-year builds its calendar once
@given(interview=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
       wait=st.none() | st.integers(0, 120), country=st.sampled_from(COUNTRIES))
def test_earliest_is_a_business_day_after_the_interview_and_the_decision(interview, wait,
                                                                         country):
    decision = None if wait is None else interview + timedelta(wait)
    action = plan(interview, decision=decision, country=country)
    assert action.earliest > interview
    assert decision is None or action.earliest > decision
    assert is_business_day(action.earliest, country)
    assert is_business_day(action.latest, country)
    assert action.latest >= action.earliest


@settings(max_examples=150, deadline=None)
@given(interview=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
       gaps=st.lists(st.integers(0, 30), min_size=1, max_size=2),
       country=st.sampled_from(COUNTRIES))
def test_later_actions_are_business_days_after_the_last_follow_up(interview, gaps, country):
    sent = [interview + timedelta(sum(gaps[:i + 1])) for i in range(len(gaps))]
    action = plan(interview, sent=sent, country=country)
    assert action.action == ("second_follow_up" if len(sent) == 1 else "move_on")
    assert action.earliest > sent[-1]
    assert is_business_day(action.earliest, country) and is_business_day(action.latest, country)
    assert action.latest >= action.earliest


@pytest.mark.parametrize("sent, action", [([], "first_follow_up"),
                                          ([date(2026, 11, 16)], "second_follow_up")])
def test_an_interviewer_away_moves_whichever_follow_up_is_next_past_their_return(sent, action):
    ask = dict(interview_date=date(2026, 11, 2), decision_date=None, follow_ups=sent,
               reply_on=None, outcome=None, country="US")
    plain = next_action(**ask)
    back = plain.earliest + timedelta(days=10)
    moved = next_action(**ask, away_until=back)
    assert plain.action == moved.action == action
    assert moved.earliest > back and is_business_day(moved.earliest, "US")
    assert moved.earliest - back <= timedelta(days=4)  # the first business day after
    assert "away until" in moved.reason
    # Their return day before the window opens changes nothing.
    assert next_action(**ask, away_until=plain.earliest - timedelta(days=1)) == plain


def test_moving_on_is_not_a_follow_up_and_does_not_wait():
    ask = dict(interview_date=date(2026, 11, 2), decision_date=None,
               follow_ups=[date(2026, 11, 16), date(2026, 11, 23)], reply_on=None, outcome=None,
               country="US")
    assert next_action(**ask, away_until=date(2026, 12, 31)) == next_action(**ask)
