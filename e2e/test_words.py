"""The pages' words (extension/popup/words.js), run in the browser that shows them: dates in the
browser's locale, plurals by its rules, errors in plain words by field label, no backticks."""
import pytest


@pytest.fixture(scope="module")
def words(ext_context, extension_id):
    """call(name, *args): run one export of words.js in an extension page."""
    page = ext_context.new_page()
    page.goto(f"chrome-extension://{extension_id}/popup/popup.html")

    def call(name, *args):
        return page.evaluate("async ([name, args]) => (await import('/popup/words.js'))[name](...args)", [name, list(args)])

    call.locale = page.evaluate("Intl.DateTimeFormat().resolvedOptions().locale")
    call.page = page
    yield call
    page.close()


def intl(words, iso, **options):
    return words.page.evaluate("""([iso, options]) => {
        const [y, m, d] = iso.split('-').map(Number);
        return new Intl.DateTimeFormat(undefined, options).format(new Date(y, m - 1, d));
    }""", [iso, {"weekday": "short", "day": "numeric", "month": "short", **options}])


def test_dates_follow_the_browser_locale_and_add_the_year_only_when_it_differs(words):
    assert words("formatDate", "2027-09-07", "2027-03-10") == intl(words, "2027-09-07")
    assert words("formatDate", "2026-12-30", "2027-03-10") == intl(words, "2026-12-30", year="numeric")
    if words.locale == "en-US":
        assert words("formatDate", "2027-09-07", "2027-03-10") == "Tue, Sep 7"


def test_the_backends_dates_inside_a_reason_are_shown_the_same_way(words):
    reason = "They said they would decide by Fri 12 Mar; follow up the next business day, Mon 15 Mar."
    shown = words("localizeDates", reason, "2027-03-10")
    assert shown == (f"They said they would decide by {intl(words, '2027-03-12')}; follow up the next "
                     f"business day, {intl(words, '2027-03-15')}.")
    # The year is the one on which that day is that weekday: Fri 1 Jan is 2027 seen from Dec 2026.
    assert words("localizeDates", "by Fri 1 Jan", "2026-12-20") == f"by {intl(words, '2027-01-01', year='numeric')}"
    assert words("localizeDates", "no date here", "2027-03-10") == "no date here"


@pytest.mark.parametrize("count, expected", [(0, "0 tries left"), (1, "1 try left"), (2, "2 tries left")])
def test_plurals_follow_the_plural_rules(words, count, expected):
    assert words("plural", count, {"one": "{n} try left", "other": "{n} tries left"}) == expected


@pytest.mark.parametrize("error, expected", [
    ({"code": "invalid", "field": "interviewer_email",
      "message": "interviewer_email: 'not-an-email' is not an e-mail address."},
     "Interviewer e-mail: That does not look like an e-mail address (name@example.com)."),
    ({"code": "invalid", "field": "interview_date", "message": "interview_date: must be a date written YYYY-MM-DD."},
     "Interview date: Enter a date."),
    ({"code": "invalid", "field": "company", "message": "company: must not be null."}, "Company: This is needed."),
    ({"code": "invalid", "field": "timeline", "message": "timeline: is too long (612 characters; at most 500)."},
     "What they said about timing: It is too long: at most 500 characters (now 612)."),
    ({"code": "wrong_pairing_code", "field": "code", "message": "That code is wrong; 1 tries left."},
     "Pairing code: That code is wrong; 1 try left."),
])
def test_errors_name_the_field_by_its_label_in_plain_words(words, error, expected):
    assert words("labelledError", error) == expected
    assert error["field"] + ":" not in words("errorWords", error)


def test_no_backticks_reach_the_user(words):
    error = {"code": "backend_down", "message": "Follow-up Assistant isn't running — start it with `make run`.",
             "fix": "Then click Try again."}
    assert words("errorWords", error) == "Follow-up Assistant isn't running — start it with make run. Then click Try again."
    # A fix already inside the message is not said twice.
    assert words("errorWords", {"message": "Try again later.", "fix": "Try again later."}) == "Try again later."


def test_the_pages_have_words_for_every_name_the_backend_uses(words):
    """Actions, states and outcomes: one source (backend/vocabulary.py), words for each here."""
    from backend import vocabulary

    page = words.page
    groups = page.evaluate("async () => { const g = await import('/popup/groups.js'); "
                           "return {actions: Object.keys(g.ACTION_WORDS), outcomes: g.OUTCOMES}; }")
    history = page.evaluate("async () => { const h = await import('/interviews/history.js'); "
                            "return {states: Object.keys(h.STATE_WORDS), next: h.nextWords({schedule: {next: null}, outcome: 'withdrawn'}, '2027-03-10')}; }")
    assert set(groups["actions"]) == set(vocabulary.ACTIONS)
    assert [o["value"] for o in groups["outcomes"]] == list(vocabulary.OUTCOMES)
    assert all(o["label"] and o["menu"] and o["done"] for o in groups["outcomes"]), groups["outcomes"]
    assert set(history["states"]) == set(vocabulary.STATES)
    assert history["next"] == "Closed: withdrawn"
    move_on_hint = page.evaluate("async () => (await import('/popup/groups.js')).GROUPS.find((g) => g.key === 'move_on').hint")
    assert move_on_hint.startswith(f"{vocabulary.NUMBER_WORDS[vocabulary.MAX_FOLLOW_UPS].capitalize()} follow-ups")
