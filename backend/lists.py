"""Pages of interviews: the due list and the All interviews list, with counts per group.

A page is found by keyset (the sort key of the last row it showed, in an opaque cursor), so
page 30 costs what page 1 does; the counts come from the tally the database keeps
(interview_tally, kept by triggers) and from the few interviews whose action is near, so a
page costs the same with 1,000 interviews or 50,000.
"""
import base64
import binascii
import json
from datetime import date
from functools import cache

from peewee import SQL, Case, Tuple, fn

from .db import database
from .inputs import DEFAULT_LIMIT, MAX_LIMIT  # noqa: F401  (the API reads them here)
from .models import Interview, by_email, due_on, state_conditions
from .problems import invalid
from .records import COLUMNS, from_tuple, to_dicts
from .vocabulary import FOLLOW_UP_ACTIONS, STATES

DUE_ORDER = Tuple(Interview.next_latest, Interview.next_earliest, Interview.id)


def encode_cursor(key: list) -> str:
    """The sort key of a page's last row, as an opaque token for the next request."""
    text = json.dumps([value.isoformat() if isinstance(value, date) else value for value in key])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, shape: tuple) -> list:
    """The sort key back; `shape` says which parts are dates ("date"), which may be null
    ("date?") and which are ids ("id"). Anything else is a 400 naming `cursor`."""
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(key, list) or len(key) != len(shape):
            raise ValueError
        return [part(value, kind) for value, kind in zip(key, shape)]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise invalid("cursor", "is not a cursor this list gave; start again without it.") \
            from None


def part(value, kind: str):
    if kind == "id":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError
        return value
    if value is None and kind == "date?":
        return None
    return date.fromisoformat(value)


def page_of(query, key_of, limit: int, on: date) -> tuple[list[dict], str | None]:
    """One page of rows as Interviews, and the cursor of the next page (None at the end)."""
    rows = list(query.limit(limit + 1).dicts())
    more = len(rows) > limit
    rows = rows[:limit]
    return to_dicts(rows, on), encode_cursor(key_of(rows[-1])) if more else None


# Stand-ins for the values a statement is compiled with, replaced by the real ones on each run.
ON, LATEST, EARLIEST = date(1901, 1, 1), date(1902, 2, 2), date(1903, 3, 3)
ROW_ID, LIMIT = -190_101, -190_202


class Slot(str):
    """A parameter to fill in, by name (a str subclass, so no literal can be taken for one)."""


STAND_INS = {ON: Slot("on"), LATEST: Slot("latest"), EARLIEST: Slot("earliest"),
             ROW_ID: Slot("id"), LIMIT: Slot("limit")}


@cache
def compiled(name: str) -> tuple[str, tuple]:
    """The SQL of one of the hot statements, built by peewee once, and its parameters.

    The popup asks for the due list on every open; building the SQL each time cost as much as
    running it. A parameter that is a stand-in (ON, LIMIT, ...) is filled in by `run`.
    """
    statements = {
        "due": lambda: due_on(ON).select(*COLUMNS).limit(LIMIT),
        "due after": lambda: due_on(ON).select(*COLUMNS).where(
            DUE_ORDER > Tuple(LATEST, EARLIEST, ROW_ID)).limit(LIMIT),
        # Open interviews whose action is still ahead, by kind (follow-up or move on).
        "ahead": lambda: Interview.select(
            Interview.next_action.in_(FOLLOW_UP_ACTIONS), fn.COUNT(SQL("*"))).where(
            Interview.next_action.is_null(False) & (Interview.next_earliest > ON)).group_by(
            SQL("1")),
        # Follow-ups whose window holds the day.
        "due today": lambda: due_on(ON).where(Interview.next_latest >= ON).order_by().select(
            fn.COUNT(SQL("*"))),
    }
    sql, params = statements[name]().sql()
    return sql, tuple(STAND_INS.get(value, value) if isinstance(value, (date, int)) else value
                      for value in params)


def run(name: str, **values) -> list[tuple]:
    """Run a compiled statement with the values of its stand-ins; days bound as stored text."""
    sql, params = compiled(name)
    bound = []
    for param in params:
        value = values[param] if isinstance(param, Slot) else param
        bound.append(value.isoformat() if isinstance(value, date) else value)
    return database.execute_sql(sql, bound).fetchall()


def due_page(on: date, limit: int, cursor: str | None) -> dict:
    """Interviews whose next follow-up may be sent on `on`, most urgent first."""
    if cursor:
        key = decode_cursor(cursor, ("date", "date", "id"))
        found = run("due after", on=on, latest=key[0], earliest=key[1], id=key[2],
                    limit=limit + 1)
    else:
        found = run("due", on=on, limit=limit + 1)
    rows = [from_tuple(values) for values in found[:limit]]
    last = rows[-1] if rows else None
    next_cursor = (encode_cursor([last["next_latest"], last["next_earliest"], last["id"]])
                   if len(found) > limit else None)
    rows = to_dicts(rows, on)
    counts = group_counts(on)
    return {"due": rows, "total": counts["due"] + counts["overdue"], "next": next_cursor,
            "counts": counts}


def interviews_page(on: date, filters: dict, limit: int, cursor: str | None) -> dict:
    """Interviews with an action first (soonest first), then the ended ones, newest first."""
    matching = Interview.select(*COLUMNS)
    if "email" in filters:
        matching = by_email(matching, filters["email"])
    if "q" in filters:
        like = f"%{filters['q']}%"
        matching = matching.where(Interview.company ** like | Interview.position ** like
                                  | Interview.interviewer_name ** like
                                  | Interview.interviewer_email ** like)
    searched = "email" in filters or "q" in filters
    counts = counts_of(matching, on) if searched else group_counts(on)
    query = matching
    if "state" in filters:
        query = query.where(state_conditions(on)[filters["state"]])
    query = query.order_by(Interview.next_earliest.is_null(), Interview.next_earliest,
                           Interview.interview_date.desc(), Interview.id)
    if cursor:
        query = query.where(after(*decode_cursor(cursor, ("date?", "date", "id"))))
    rows, next_cursor = page_of(
        query, lambda row: [row["next_earliest"], row["interview_date"], row["id"]], limit, on)
    total = counts[filters["state"]] if "state" in filters else sum(counts.values())
    return {"interviews": rows, "total": total, "next": next_cursor, "counts": counts}


def after(earliest: date | None, interview_date: date, row_id: int):
    """Rows that come after (earliest, interview_date, id) in the list's order."""
    later = (Interview.interview_date < interview_date) | (
        (Interview.interview_date == interview_date) & (Interview.id > row_id))
    if earliest is None:
        return Interview.next_earliest.is_null() & later
    return ((Interview.next_earliest > earliest) | Interview.next_earliest.is_null()
            | ((Interview.next_earliest == earliest) & later))


def group_counts(on: date) -> dict:
    """How many interviews are in each state on `on`, reading only the live ones."""
    tally = dict(database.execute_sql("SELECT kind, n FROM interview_tally").fetchall())
    ahead = dict(run("ahead", on=on))
    due = run("due today", on=on)[0][0]
    follow_ups = sum(tally.get(action, 0) for action in FOLLOW_UP_ACTIONS)
    upcoming_follow_ups, upcoming_move_on = ahead.get(1, 0), ahead.get(0, 0)
    return {"due": due, "overdue": follow_ups - upcoming_follow_ups - due,
            "upcoming": upcoming_follow_ups + upcoming_move_on,
            "move_on": tally.get("move_on", 0) - upcoming_move_on,
            "replied": tally.get("replied", 0), "closed": tally.get("closed", 0)}


def counts_of(query, on: date) -> dict:
    """How many of a narrowed list (a search) are in each state on `on`, in one pass."""
    conditions = state_conditions(on)
    sums = [fn.SUM(Case(None, [(conditions[state], 1)], 0)) for state in STATES]
    row = query.select(*sums).tuples().get()
    return {state: value or 0 for state, value in zip(STATES, row)}
