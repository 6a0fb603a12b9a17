"""The compose assistant in every webmail fixture: button, panel, insertion, undo, send, backend down.

The sites, their page object and the `webmail` fixture are in e2e/webmail.py; the `check_*`
scenarios here also run on the self-hosted webmails (test_compose_self_hosted.py).
"""
import time

import pytest
from playwright.sync_api import expect

from e2e.panel import settled_frame_rect
from e2e.webmail import ALL, SITES, draft_lines, normalize, settle, webmail  # noqa: F401  (the page fixture)


@pytest.fixture(scope="module", autouse=True)
def sites_served(serve_site):
    for site in SITES.values():
        serve_site(site.origin, site.fixture)


def check_button_appears_once_and_again_after_reopening(webmail, paired):
    webmail.open_compose("someone@example.com")
    expect(webmail.button()).to_have_count(1)
    webmail.type_at_start("Typing makes the page change ")  # mutations must not add a second button
    settle(webmail.page)
    expect(webmail.button()).to_have_count(1)
    webmail.page.evaluate("fixture.close()")
    expect(webmail.button()).to_have_count(0)
    webmail.open_compose("someone@example.com")
    expect(webmail.button()).to_have_count(1)
    assert "Follow-up" not in webmail.body(), "our button must not be inside the editable body"


def check_insert_puts_the_draft_in_the_editor_and_one_undo_removes_only_it(webmail, paired, interviews, screenshots):
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    webmail.type_at_start("Hello ")
    subject_before = webmail.subject()

    panel = webmail.open_panel()
    expect(panel).to_contain_text(interview["company"])
    expect(panel.locator(".timing .title")).to_have_text("Due today")
    expect(panel.locator(".draft-body")).not_to_be_empty()
    panel.screenshot(path=str(screenshots / f"panel-{webmail.name}-due.png"))
    draft = panel.locator(".draft-body").inner_text()
    draft_subject = panel.locator(".draft-subject").text_content().replace("Subject: ", "", 1)

    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    body = normalize(webmail.body())
    lines = draft_lines(draft)
    for line in lines:
        assert line in body, f"draft line missing from the editor's model: {line!r} in {body!r}"
    assert body.index("Hello") < body.index(lines[0]), "the user's text stays before the draft"
    assert body.count(lines[0]) == 1, "inserted exactly once"
    assert body.index(lines[-1]) < body.rindex(webmail.site.signature), "the draft goes above the signature"
    if webmail.site.subject_shown:
        assert webmail.subject() == draft_subject, "an empty subject is filled with the draft's"
    else:
        assert webmail.subject() == subject_before, "the reply's own subject is kept"
    panel.screenshot(path=str(screenshots / f"panel-{webmail.name}-inserted.png"))

    webmail.editor().focus()
    webmail.page.keyboard.press("Control+z")
    deadline = time.monotonic() + 5
    while lines[0] in normalize(webmail.body()) and time.monotonic() < deadline:
        webmail.page.wait_for_timeout(50)
    after_undo = normalize(webmail.body())
    assert lines[0] not in after_undo, f"one undo removes the draft: {after_undo!r}"
    assert "Hello" in after_undo, f"one undo keeps what the user typed: {after_undo!r}"


def check_a_subject_the_user_wrote_is_kept(webmail, paired, interviews):
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"], subject="My own subject line")
    panel = webmail.open_panel()
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("your subject was kept")
    assert webmail.subject() == "My own subject line"


def check_sending_records_the_follow_up_once(webmail, paired, interviews):
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    panel = webmail.open_panel()
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    draft_first = draft_lines(panel.locator(".draft-body").inner_text())[0]

    webmail.send()
    sent = webmail.sent()
    assert len(sent) == 1 and draft_first in normalize(sent[0]["text"]), "the webmail sent our draft"
    sent_text = normalize(sent[0]["text"])
    assert sent_text.index(draft_first) < sent_text.rindex(webmail.site.signature), "above the signature"
    deadline = time.monotonic() + 5
    while not interviews.follow_ups(interview["id"]) and time.monotonic() < deadline:
        time.sleep(0.1)
    webmail.page.wait_for_timeout(500)  # a second record, if any, would land by now
    assert len(interviews.follow_ups(interview["id"])) == 1


def check_backend_down_says_so_and_loses_nothing(webmail, paired, interviews, service_worker, dead_url, screenshots):
    interview = interviews.make("due")
    service_worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url})", dead_url)
    webmail.open_compose(interview["interviewer_email"])
    webmail.type_at_start("My own words ")
    panel = webmail.open_panel()
    alert = panel.get_by_role("alert")
    expect(alert).to_contain_text("Follow-up Assistant isn't running — start it with make run.")
    expect(alert.locator("code")).to_have_count(0)  # plain words: no code, no backticks
    expect(alert).not_to_contain_text("`")
    panel.screenshot(path=str(screenshots / f"panel-{webmail.name}-backend-down.png"))
    assert "My own words" in normalize(webmail.body())

    service_worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url})", paired.url)
    alert.get_by_role("button", name="Try again").click()
    expect(panel.locator(".timing .title")).to_have_text("Due today")
    expect(panel.locator(".alert")).to_be_empty()
    assert "My own words" in normalize(webmail.body())


@ALL
def test_button_appears_once_and_again_after_reopening(webmail, paired):
    check_button_appears_once_and_again_after_reopening(webmail, paired)


@ALL
def test_insert_puts_the_draft_in_the_editor_and_one_undo_removes_only_it(webmail, paired, interviews, screenshots):
    check_insert_puts_the_draft_in_the_editor_and_one_undo_removes_only_it(webmail, paired, interviews, screenshots)


@ALL
def test_a_subject_the_user_wrote_is_kept(webmail, paired, interviews):
    check_a_subject_the_user_wrote_is_kept(webmail, paired, interviews)


@ALL
def test_sending_records_the_follow_up_once(webmail, paired, interviews):
    check_sending_records_the_follow_up_once(webmail, paired, interviews)


@ALL
def test_backend_down_says_so_and_loses_nothing(webmail, paired, interviews, service_worker, dead_url, screenshots):
    check_backend_down_says_so_and_loses_nothing(webmail, paired, interviews, service_worker, dead_url, screenshots)


def _box(b: dict) -> dict:
    return {"left": b["x"], "top": b["y"], "right": b["x"] + b["width"], "bottom": b["y"] + b["height"]}


def _overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def text_box(webmail) -> dict:
    """Where the editor's text is drawn, in the page's coordinates (an iframe editor: plus its frame's place)."""
    editor = webmail.editor()
    inner = editor.evaluate("""(el) => {
      if (el.tagName === 'TEXTAREA') { const b = el.getBoundingClientRect(); return {x: b.x, y: b.y, width: b.width, height: b.height}; }
      const r = document.createRange(); r.selectNodeContents(el); const b = r.getBoundingClientRect();
      return {x: b.x, y: b.y, width: b.width, height: b.height}; }""")
    frame = webmail.page.evaluate("fixture.frame")
    if frame:
        outer = webmail.page.locator(frame).bounding_box()
        inner = {**inner, "x": inner["x"] + outer["x"], "y": inner["y"] + outer["y"]}
    return _box(inner)


@ALL
@pytest.mark.parametrize("size", [(1280, 860), (1024, 640)], ids=["1280x860", "1024x640"])
def test_the_panel_covers_neither_the_editors_text_nor_send(webmail, paired, interviews, size, screenshots):
    webmail.page.set_viewport_size({"width": size[0], "height": size[1]})
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    webmail.type_at_start("Hello Anna, a few words of my own. ")
    panel = webmail.open_panel()
    expect(panel.locator(".draft-body")).not_to_be_empty()
    where = _box(settled_frame_rect(webmail.page))  # the frame takes its size from the panel's content
    send = _box(webmail.page.locator(webmail.page.evaluate("fixture.sendSelector")).first.bounding_box())
    text = text_box(webmail)
    webmail.page.screenshot(path=str(screenshots / f"panel-place-{webmail.name}-{size[0]}x{size[1]}.png"))
    assert not _overlaps(where, send), f"the panel covers Send: {where} / {send}"
    assert not _overlaps(where, text), f"the panel covers the editor's text: {where} / {text}"
    assert 0 <= where["left"] and where["right"] <= size[0] and 0 <= where["top"] and where["bottom"] <= size[1]
    if webmail.name == "gmail":  # beside the compose window at the foot of the page, not mid-page
        compose = _box(webmail.page.locator("[role=dialog]").first.bounding_box())
        assert where["right"] <= compose["left"] or where["left"] >= compose["right"], (where, compose)
        assert abs(where["bottom"] - compose["bottom"]) < 80, (where, compose)
