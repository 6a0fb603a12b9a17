"""Self-hosted webmail on domains the user adds in the options: Roundcube in plain and HTML
mode, and an unknown webmail served by the generic adapter.

The options page asks for the host permission with chrome.permissions.request; headless Chromium
shows that prompt where no test can click it (the promise never settles). So this module loads a
copy of the extension whose manifest already holds that one host permission — what the user's
"Allow" would grant — under the same key (so the same id), and then drives the real flow: the
options page's "Add site" (whose permission request then resolves at once, as it does for a
permission already held), the worker registering the content scripts, and the page at that
address getting the assistant.
"""

import pytest
from playwright.sync_api import expect

from e2e.conftest import launch_chromium
from e2e.roundcube.extension_copy import extension_copy
from e2e.test_compose_sites import (
    check_a_subject_the_user_wrote_is_kept,
    check_backend_down_says_so_and_loses_nothing,
    check_button_appears_once_and_again_after_reopening,
    check_insert_puts_the_draft_in_the_editor_and_one_undo_removes_only_it,
    check_sending_records_the_follow_up_once,
)
from e2e.webmail import (
    Site,
    draft_lines,
    normalize,
    webmail,  # noqa: F401  (the same page fixture, for this module's SITES)
)

ORIGIN = "https://webmail.example.org"  # Roundcube
OTHER = "https://mail.example.net"  # a webmail no adapter knows
COMPOSE = "/?_task=mail&_action=compose"
SITES = {
    "roundcube-plain": Site(ORIGIN, "roundcube", COMPOSE, options={"html": False}),
    "roundcube-html": Site(ORIGIN, "roundcube", COMPOSE, options={"html": True}),
    "generic": Site(OTHER, "generic", "/compose", signature="-- Sam"),
}
ALL = pytest.mark.parametrize("webmail", list(SITES), indirect=True)
# The generic adapter on a signature marked by nothing but a plain "-- " line.
SITES["generic-delimiter"] = Site(OTHER, "generic", "/compose", options={"signature": "delimiter"})


@pytest.fixture(scope="module")
def ext_context(pw, tmp_path_factory):
    """The extension as installed after the user allowed both sites (see the module doc)."""
    copy = extension_copy(tmp_path_factory.mktemp("extension") / "extension", hosts=(f"{ORIGIN}/*", f"{OTHER}/*"))
    context = launch_chromium(pw, tmp_path_factory.mktemp("profile"), copy)
    yield context
    context.close()


@pytest.fixture(scope="module", autouse=True)
def site_added(ext_context, extension_id, serve_site, service_worker):
    """Add the sites through the options page, as a user would."""
    serve_site(ORIGIN, "roundcube")
    serve_site(OTHER, "generic")
    page = ext_context.new_page()
    page.goto(f"chrome-extension://{extension_id}/options/options.html")
    for origin in (ORIGIN, OTHER):
        page.get_by_label("Webmail address").fill(origin + "/mail/")
        page.get_by_role("button", name="Add site").click()
        expect(page.locator("#site-message")).to_contain_text(f"Added {origin}")
    page.close()
    scripts = service_worker.evaluate("chrome.scripting.getRegisteredContentScripts()")
    assert sorted(s["matches"][0] for s in scripts) == sorted([f"{ORIGIN}/*", f"{OTHER}/*"])
    assert service_worker.evaluate("chrome.storage.local.get('sites')")["sites"] == [ORIGIN, OTHER]


def test_the_site_is_not_touched_before_it_is_added(pw, tmp_path_factory, serve_site, paired):
    """With the real manifest and no site added, the webmail's page gets no button."""
    context = launch_chromium(pw, tmp_path_factory.mktemp("profile"))
    try:
        from e2e.conftest import FIXTURES, fixture_route
        context.route(f"{ORIGIN}/**", fixture_route(FIXTURES / "roundcube"))
        page = context.new_page()
        page.goto(ORIGIN + COMPOSE)
        page.evaluate("fixture.compose({to: [{name: 'Anna Lee', email: 'anna@acme.example'}]})")
        page.wait_for_timeout(500)
        expect(page.get_by_role("button", name="Follow-up assistant")).to_have_count(0)
    finally:
        context.close()


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


def test_registrations_follow_the_saved_sites_and_current_files(service_worker):
    """On start or update the worker re-registers each added site with this version's file list."""
    service_worker.evaluate("chrome.scripting.updateContentScripts([{id: 'site:" + ORIGIN + "', js: ['content/main.js']}])")
    service_worker.evaluate("FA.sites.sync()")
    scripts = {s["id"]: s for s in service_worker.evaluate("chrome.scripting.getRegisteredContentScripts()")}
    expected = service_worker.evaluate("FA.sites.contentScripts()")
    assert scripts[f"site:{ORIGIN}"]["js"] == expected
    assert scripts[f"site:{OTHER}"]["js"] == expected


@pytest.mark.parametrize("webmail", list(SITES), indirect=True)
def test_insert_with_the_webmails_signature_adds_none_and_goes_above_it(webmail, paired, interviews):
    """The editor holds the webmail's signature (Roundcube's "-- " line or div#_rc_sig, a marked
    block, a bare "-- " line): the draft ends with its closing, one signature, the draft above it."""
    before = paired.api("GET", "/api/v1/profile").json
    assert paired.api("PUT", "/api/v1/profile", {"name": "Sam Doe", "signature": "Sam Doe\nProduct designer"}).status == 200
    try:
        interview = interviews.make("due")
        webmail.open_compose(interview["interviewer_email"])
        panel = webmail.open_panel()
        draft = panel.locator(".draft-body").inner_text()
        assert "Product designer" not in draft and draft.rstrip().endswith(","), draft
        panel.get_by_role("button", name="Insert draft").click()
        expect(panel.get_by_role("status")).to_contain_text("inserted")
        body = normalize(webmail.body())
        assert body.count("Sam") == 1 and "Product designer" not in body, f"one signature: {body!r}"
        assert body.index(draft_lines(draft)[-1]) < body.index(webmail.site.signature), "the draft, then the signature"
    finally:
        paired.api("PUT", "/api/v1/profile", {"name": before["name"], "signature": before["signature"]})
