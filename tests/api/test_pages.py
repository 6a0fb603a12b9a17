"""The due list and the All interviews list answer a page, its total, a cursor and counts."""
import re
from datetime import date, timedelta

import pytest

from backend.db import database
from backend.models import Interview

URL = "/api/v1/interviews"
ON = "2026-06-15"


@pytest.fixture
def many(add_interview, api):
    """Interviews in every state on ON: 7 overdue, 2 due, 3 upcoming, 1 move on, 2 replied,
    2 closed."""
    made = {"overdue": [], "due": [], "upcoming": [], "move_on": [], "replied": [], "closed": []}
    for n in range(7):  # interviewed in spring, never followed up
        made["overdue"].append(add_interview(company=f"Stale {n}", position="Engineer",
                                             interview_date=f"2026-04-{n + 1:02d}"))
    for n in range(2):  # 4 business days before ON is Tue 9 Jun; the window runs to the 10th
        made["due"].append(add_interview(company=f"Due {n}", position="Analyst",
                                         interview_date="2026-06-09" if n else "2026-06-08"))
    for n in range(3):
        made["upcoming"].append(add_interview(company=f"Soon {n}", position="Designer",
                                              interview_date="2026-06-12",
                                              interviewer_name="Pat Lee"))
    moving = add_interview(company="Quiet", interview_date="2026-04-01")
    for sent in ("2026-04-08", "2026-04-15"):
        api.post(f"{URL}/{moving['id']}/follow-ups", json={"sent_on": sent})
    made["move_on"].append(moving)
    for n in range(2):
        row = add_interview(company=f"Answered {n}", interview_date="2026-03-02")
        api.post(f"{URL}/{row['id']}/reply", json={"received_on": "2026-03-05"})
        made["replied"].append(row)
        row = add_interview(company=f"Done {n}", interview_date="2026-02-02",
                            interviewer_email=f"done{n}@example.com")
        api.post(f"{URL}/{row['id']}/close", json={"outcome": "rejected"})
        made["closed"].append(row)
    return made


def walk(api, path, limit):
    """Every row of a list, page by page, and the pages' answers."""
    rows, answers, cursor = [], [], None
    while True:
        query = f"{path}{'&' if '?' in path else '?'}limit={limit}"
        answer = api.get(query + (f"&cursor={cursor}" if cursor else ""))
        assert answer.status_code == 200, answer.json
        answers.append(answer.json)
        key = "due" if path.startswith("/api/v1/due") else "interviews"
        rows += answer.json[key]
        cursor = answer.json["next"]
        if cursor is None:
            return rows, answers


def test_the_due_list_pages_in_order_without_gaps_or_repeats(api, many):
    whole = api.get(f"/api/v1/due?on={ON}&limit=200").json
    rows, answers = walk(api, f"/api/v1/due?on={ON}", 2)
    assert [row["id"] for row in rows] == [row["id"] for row in whole["due"]]
    assert len(answers) == 5 and [len(a["due"]) for a in answers] == [2, 2, 2, 2, 1]
    assert {a["total"] for a in answers} == {9}
    assert {row["schedule"]["state"] for row in rows} == {"due", "overdue"}
    ids = {row["id"] for row in many["due"] + many["overdue"]}
    assert {row["id"] for row in rows} == ids


def test_counts_per_group_match_the_states_the_rows_show(api, many):
    counts = api.get(f"/api/v1/due?on={ON}").json["counts"]
    assert counts == {state: len(rows) for state, rows in many.items()}
    listed = api.get(f"{URL}?on={ON}&limit=200").json
    assert listed["counts"] == counts and listed["total"] == 17
    seen = {}
    for row in listed["interviews"]:
        seen[row["schedule"]["state"]] = seen.get(row["schedule"]["state"], 0) + 1
    assert seen == counts


def test_counts_follow_changes_made_through_every_route(api, many):
    stale = many["overdue"][0]["id"]
    api.post(f"{URL}/{stale}/reply", json={"received_on": "2026-06-01"})
    api.delete(f"{URL}/{many['closed'][0]['id']}")
    api.patch(f"{URL}/{many['replied'][0]['id']}", json={"reply_on": None})
    counts = api.get(f"/api/v1/due?on={ON}").json["counts"]
    assert counts["replied"] == 2 and counts["closed"] == 1 and counts["overdue"] == 7


def test_each_state_pages_alone_and_its_total_is_its_count(api, many):
    for state, made in many.items():
        rows, answers = walk(api, f"{URL}?on={ON}&state={state}", 2)
        assert sorted(row["id"] for row in rows) == sorted(row["id"] for row in made), state
        assert answers[0]["total"] == len(made)


def test_the_whole_list_pages_soonest_action_first_then_newest_ended(api, many):
    rows, _ = walk(api, f"{URL}?on={ON}", 3)
    whole = api.get(f"{URL}?on={ON}&limit=200").json["interviews"]
    assert [row["id"] for row in rows] == [row["id"] for row in whole]
    assert len(rows) == 17 and len({row["id"] for row in rows}) == 17
    open_rows = [row for row in rows if row["schedule"]["next"]]
    assert rows[:len(open_rows)] == open_rows
    earliest = [row["schedule"]["next"]["earliest"] for row in open_rows]
    assert earliest == sorted(earliest)
    ended = [row["interview_date"] for row in rows[len(open_rows):]]
    assert ended == sorted(ended, reverse=True)


def test_search_runs_on_the_backend_and_counts_what_it_found(api, many):
    found = api.get(f"{URL}?on={ON}&q=pat lee").json
    assert found["total"] == 3 and {row["company"] for row in found["interviews"]} == {
        "Soon 0", "Soon 1", "Soon 2"}
    assert found["counts"] == {"due": 0, "overdue": 0, "upcoming": 3, "move_on": 0,
                               "replied": 0, "closed": 0}
    assert api.get(f"{URL}?on={ON}&q=analyst&state=due").json["total"] == 2
    assert api.get(f"{URL}?on={ON}&q=STALE").json["total"] == 7


def test_the_email_filter_still_finds_the_interviewer(api, many):
    found = api.get(f"{URL}?email=DONE1@example.com").json
    assert [row["id"] for row in found["interviews"]] == [many["closed"][1]["id"]]
    assert found["total"] == 1 and found["counts"]["closed"] == 1


def test_a_client_that_asks_no_page_gets_the_first_fifty(api, add_interview):
    with database.atomic():
        for n in range(60):
            Interview.create(company=f"C{n}", position="PM", interview_date=date(2026, 1, 5),
                             next_action="first_follow_up", next_earliest=date(2026, 1, 9),
                             next_latest=date(2026, 1, 12), next_reason="-",
                             due_from=date(2026, 1, 9))
    answer = api.get(f"/api/v1/due?on={ON}").json
    assert len(answer["due"]) == 50 and answer["total"] == 60 and answer["next"]
    rest = api.get(f"/api/v1/due?on={ON}&cursor={answer['next']}").json
    assert len(rest["due"]) == 10 and rest["next"] is None


@pytest.mark.parametrize("path", ["/api/v1/due", URL])
@pytest.mark.parametrize("query, field", [
    ("limit=0", "limit"), ("limit=201", "limit"), ("limit=ten", "limit"), ("limit=", "limit"),
    ("limit=-1", "limit"), ("limit=1e3", "limit"), ("limit=99999999999999999999", "limit"),
    ("cursor=", "cursor"), ("cursor=not a cursor", "cursor"), ("cursor=W10", "cursor"),
    ("cursor=eyJhIjoxfQ", "cursor"), ("cursor=WyIyMDI2LTEzLTAxIiwiMjAyNi0wMS0wMSIsMV0", "cursor"),
    ("cursor=" + "A" * 401, "cursor"), ("limit=5&limit=6", "limit"),
])
def test_a_bad_limit_or_cursor_is_a_400_naming_it(api, path, query, field):
    answer = api.get(f"{path}?{query}")
    assert answer.status_code == 400, answer.json
    assert answer.json["error"]["field"] == field


def test_a_cursor_of_one_list_is_refused_by_the_other_when_its_shape_differs(api, many):
    due_cursor = api.get(f"/api/v1/due?on={ON}&limit=1").json["next"]
    interviews_cursor = api.get(f"{URL}?on={ON}&limit=1").json["next"]
    # Both are keys of three parts; a swapped cursor pages from a valid point or says why.
    for answer in (api.get(f"{URL}?on={ON}&cursor={due_cursor}"),
                   api.get(f"/api/v1/due?on={ON}&cursor={interviews_cursor}")):
        assert answer.status_code in (200, 400)
        assert answer.status_code == 200 or answer.json["error"]["field"] == "cursor"


def test_the_counts_read_only_live_rows(app, api, many):
    """The counts' queries reach the tally and indexes, never a scan of every interview."""
    from backend import lists
    statements = []
    original = database.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        statements.append((sql, params))
        return original(sql, params, *args, **kwargs)

    database.execute_sql = spy
    try:
        with database.connection_context():
            lists.group_counts(date.fromisoformat(ON))
            lists.due_page(date.fromisoformat(ON) + timedelta(days=1), 5, None)
    finally:
        database.execute_sql = original
    with database.connection_context():
        for sql, params in statements:
            plan = " ".join(str(row) for row in original("EXPLAIN QUERY PLAN " + sql, params))
            scans = re.findall(r"SCAN (\w+)\b(?! USING)", plan)
            assert set(scans) <= {"interview_tally", "json_each"}, (sql, plan)
