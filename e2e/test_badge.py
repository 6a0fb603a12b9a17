"""The toolbar badge and the morning reminders, read from the service worker."""
import time

from playwright.sync_api import expect

from .conftest import launch_chromium, store_token, worker_of

DAY_1 = "2027-03-10"  # a Wednesday
DAY_2 = "2027-03-11"
# Interview Fri Mar 5, no timeline: first follow-up Thu Mar 11 - Fri Mar 12 (US business days).
BECOMES_DUE = {"company": "Quince Partners", "position": "Planner", "interview_date": "2027-03-05",
               "interviewer_name": "Quinn", "interviewer_email": "quinn@quince.test"}
# Overdue on DAY_1 (window Mar 2-3) and due on DAY_1 (window Mar 9-10).
OVERDUE = {"company": "Rowan", "position": "Editor", "interview_date": "2027-02-24"}
DUE = {"company": "Sequoia", "position": "Buyer", "interview_date": "2027-03-03"}


def badge_text(worker) -> str:
    return worker.evaluate("chrome.action.getBadgeText({})")


def wait_for_badge(worker, expected: str, timeout: float = 10.0) -> str:
    """Poll the badge: it is set asynchronously after the worker hears from the backend."""
    deadline = time.monotonic() + timeout
    text = badge_text(worker)
    while text != expected and time.monotonic() < deadline:
        time.sleep(0.1)
        text = badge_text(worker)
    return text


def wait_for_notifications(worker, timeout: float = 10.0) -> dict:
    """Poll the reminders: the worker sets the badge first, then creates them."""
    deadline = time.monotonic() + timeout
    shown = worker.evaluate("chrome.notifications.getAll()")
    while not shown and time.monotonic() < deadline:
        time.sleep(0.1)
        shown = worker.evaluate("chrome.notifications.getAll()")
    return shown


def clear_notifications(worker):
    worker.evaluate("chrome.notifications.getAll().then((all) => "
                    "Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id))))")


def set_storage(worker, values: dict):
    worker.evaluate("(values) => chrome.storage.local.set(values)", values)


def create(backend, fields) -> int:
    answer = backend.api("POST", "/api/v1/interviews", fields)
    assert answer.status == 201, answer.json
    return answer.json["id"]


def launch(pw, profile):
    """Chromium with the extension on a given profile folder, and its service worker."""
    context = launch_chromium(pw, profile)
    return context, worker_of(context)


def test_badge_counts_due_and_overdue_and_drops_when_one_is_marked_sent(paired, service_worker, ext_context, extension_id):
    paired.clear()
    create(paired, OVERDUE)
    due_id = create(paired, DUE)
    create(paired, BECOMES_DUE)  # upcoming on DAY_1: not counted
    set_storage(service_worker, {"debugToday": DAY_1})
    service_worker.evaluate("FA.badge.refresh()")
    assert badge_text(service_worker) == "2"
    title = service_worker.evaluate("chrome.action.getTitle({})")
    assert title == "Follow-up Assistant: 2 follow-ups due, some overdue"

    popup = ext_context.new_page()
    popup.goto(f"chrome-extension://{extension_id}/popup/popup.html")
    due_row = popup.locator(f"#interview-{due_id}")
    due_row.get_by_role("button", name="More actions for").click()
    due_row.get_by_role("menuitem", name="Mark sent today").click()
    expect(popup.locator("#status")).to_contain_text("as sent")
    assert badge_text(service_worker) == "1"  # refreshed before the popup heard back
    assert paired.api("GET", f"/api/v1/interviews/{due_id}").json["follow_ups"] == [{"sent_on": DAY_1}]
    popup.close()


def test_badge_is_empty_when_unpaired(paired, service_worker):
    paired.clear()
    create(paired, DUE)
    set_storage(service_worker, {"debugToday": DAY_1})
    service_worker.evaluate("FA.badge.refresh()")
    assert badge_text(service_worker) == "1"
    store_token(service_worker, "")
    service_worker.evaluate("FA.badge.refresh()")
    assert badge_text(service_worker) == ""
    assert "Not paired" in service_worker.evaluate("chrome.action.getTitle({})")


def test_a_follow_up_that_became_due_while_the_browser_was_closed(pw, backend, tmp_path):
    """Close the browser, let the day turn, start it again: the badge and a reminder are there."""
    backend.clear()
    interview_id = create(backend, BECOMES_DUE)
    profile = tmp_path / "profile"

    context, worker = launch(pw, profile)
    set_storage(worker, {"backendUrl": backend.url, "debugToday": DAY_1, "reminderHour": 0})
    store_token(worker, backend.token)
    worker.evaluate("FA.badge.refresh()")
    assert badge_text(worker) == ""
    assert worker.evaluate("chrome.notifications.getAll()") == {}
    # The day turns while nothing refreshes the badge; the browser then closes, and it drops
    # its alarms (as browsers may): start-up alone has to bring both back.
    set_storage(worker, {"debugToday": DAY_2})
    worker.evaluate("chrome.alarms.clearAll()")
    assert badge_text(worker) == ""
    context.close()

    context, worker = launch(pw, profile)
    try:
        assert wait_for_badge(worker, "1") == "1"
        alarms = sorted(a["name"] for a in worker.evaluate("chrome.alarms.getAll()"))
        assert {"badge-morning", "badge-refresh"} <= set(alarms)
        # One reminder for this follow-up, remembered so that the next refresh does not repeat it.
        notifications = wait_for_notifications(worker)
        assert list(notifications) == [f"follow-up:{interview_id}"]
        notified = worker.evaluate("chrome.storage.local.get('notifiedFollowUps').then((s) => s.notifiedFollowUps)")
        assert notified == [f"{interview_id}:first_follow_up:2027-03-11"]
        worker.evaluate(f"chrome.notifications.clear('follow-up:{interview_id}')")
        worker.evaluate("FA.badge.refresh()")
        assert worker.evaluate("chrome.notifications.getAll()") == {}
        assert badge_text(worker) == "1"
    finally:
        context.close()


def test_no_reminder_before_the_morning_hour(paired, service_worker):
    paired.clear()
    create(paired, DUE)
    hour = service_worker.evaluate("new Date().getHours()")  # 0-23, so hour + 1 is always later
    clear_notifications(service_worker)
    set_storage(service_worker, {"debugToday": DAY_1, "reminderHour": hour + 1, "notifiedFollowUps": []})
    service_worker.evaluate("FA.badge.refresh()")
    assert badge_text(service_worker) == "1"
    assert service_worker.evaluate("chrome.notifications.getAll()") == {}
    set_storage(service_worker, {"reminderHour": 0})
    service_worker.evaluate("FA.badge.refresh()")
    assert len(service_worker.evaluate("chrome.notifications.getAll()")) == 1
    clear_notifications(service_worker)


def test_a_reminder_click_opens_the_popup_at_its_row(paired, service_worker, ext_context, extension_id):
    paired.clear()
    create(paired, OVERDUE)
    due_id = create(paired, DUE)
    set_storage(service_worker, {"debugToday": DAY_1})
    popup = ext_context.new_page()
    popup.goto(f"chrome-extension://{extension_id}/popup/popup.html#interview-{due_id}")
    row = popup.locator(f"#interview-{due_id}")
    expect(row).to_be_focused()
    expect(row).to_have_class("row focus-target")
    popup.close()

    # The click itself: the toolbar popup opens (headless Chromium can open it, though Playwright
    # does not list its page), and it takes the row to show from storage.
    service_worker.evaluate(f"FA.badge.openRow('follow-up:{due_id}')")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        popups = service_worker.evaluate(
            "chrome.runtime.getContexts({contextTypes: ['POPUP']}).then((cs) => cs.map((c) => c.documentUrl))")
        left = service_worker.evaluate("chrome.storage.local.get('popupFocus').then((s) => s.popupFocus ?? null)")
        if popups and left is None:
            break
        time.sleep(0.1)
    assert popups == [f"chrome-extension://{extension_id}/popup/popup.html"]
    assert left is None  # the popup asked for its list and was told which row to show


def test_first_look_is_quiet_and_many_new_reminders_become_one(paired, service_worker):
    paired.clear()
    create(paired, OVERDUE)
    create(paired, DUE)
    clear_notifications(service_worker)
    service_worker.evaluate("chrome.storage.local.remove('notifiedFollowUps')")  # as after pairing
    set_storage(service_worker, {"debugToday": DAY_1, "reminderHour": 0})
    service_worker.evaluate("FA.badge.refresh()")
    assert badge_text(service_worker) == "2"
    assert service_worker.evaluate("chrome.notifications.getAll()") == {}  # already on the badge: no burst
    # Four more due at once: one reminder that says how many, not four.
    for day in ("2027-02-17", "2027-02-18", "2027-03-02", "2027-03-04"):
        create(paired, {"company": f"Willow {day}", "position": "Clerk", "interview_date": day})
    service_worker.evaluate("FA.badge.refresh()")
    assert badge_text(service_worker) == "6"
    assert list(service_worker.evaluate("chrome.notifications.getAll()")) == ["follow-up:all"]
    clear_notifications(service_worker)
    service_worker.evaluate("FA.badge.refresh()")
    assert service_worker.evaluate("chrome.notifications.getAll()") == {}
