"""The options page: pairing with a code from `python -m backend pair`, profile, webmail, sites."""
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e.conftest import store_token, stored_token

ROOT = Path(__file__).resolve().parent.parent


def options_url(extension_id):
    return f"chrome-extension://{extension_id}/options/options.html"


def pairing_code(backend) -> str:
    """Run `python -m backend pair` on the test backend's database, as a user would."""
    env = {**backend.env}
    env.pop("FOLLOWUP_TOKEN")
    done = subprocess.run([sys.executable, "-m", "backend", "pair"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    found = re.search(r"\b(\d{6})\b", done.stdout)
    assert found, done.stdout
    return found.group(1)


def storage(worker, key):
    return worker.evaluate("(key) => chrome.storage.local.get(key).then((s) => s[key])", key)


@pytest.fixture
def options(ext_context, extension_id):
    page = ext_context.new_page()
    page.set_viewport_size({"width": 720, "height": 900})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.errors == [], page.errors
    page.close()


@pytest.fixture
def unpaired(backend, service_worker):
    service_worker.evaluate("chrome.storage.local.set({backendUrl: 'http://127.0.0.1:8642'})")
    store_token(service_worker, "")
    return backend


@pytest.fixture
def restore_profile(backend):
    """Other tests share the backend: put the profile back as it was."""
    before = backend.api("GET", "/api/v1/profile").json
    yield
    backend.api("PUT", "/api/v1/profile", {"name": before["name"], "signature": before["signature"],
                                           "country": None, "weekly_goal": None})


def test_pair_with_a_code_from_the_command_line(unpaired, options, extension_id, service_worker, screenshots):
    backend = unpaired
    options.goto(options_url(extension_id))
    url_field = options.get_by_label("Backend URL")
    expect(url_field).to_have_value("http://127.0.0.1:8642")
    options.screenshot(path=screenshots / "options-unpaired.png", full_page=True)

    url_field.fill(backend.url)
    options.get_by_label("Pairing code").fill("12")
    options.get_by_role("button", name="Pair").click()
    expect(options.locator("#pair-message")).to_have_text('Enter the six digits that "make pair" printed.')
    expect(options.get_by_label("Pairing code")).to_have_attribute("aria-invalid", "true")

    options.get_by_label("Pairing code").fill(pairing_code(backend))
    options.get_by_role("button", name="Pair").click()
    expect(options.get_by_text(f"Paired with the backend at {backend.url}.")).to_be_visible()
    expect(options.get_by_label("Pairing code")).to_be_hidden()
    token = stored_token(service_worker)
    assert token and token != backend.token  # a token of its own, from the pairing
    assert storage(service_worker, "backendUrl") == backend.url

    options.get_by_role("button", name="Test connection").click()
    expect(options.locator("#pair-message")).to_contain_text("Connected: the backend answers")
    options.screenshot(path=screenshots / "options-paired.png", full_page=True)
    options.emulate_media(color_scheme="dark")
    options.screenshot(path=screenshots / "options-paired-dark.png", full_page=True)


def test_a_wrong_or_used_code_is_refused_in_words(unpaired, options, extension_id, service_worker):
    backend = unpaired
    code = pairing_code(backend)
    assert backend.api("POST", "/api/v1/pair", {"code": code}).status == 200  # used up elsewhere
    options.goto(options_url(extension_id))
    options.get_by_label("Backend URL").fill(backend.url)
    options.get_by_label("Pairing code").fill(code)
    options.get_by_role("button", name="Pair").click()
    message = options.locator("#pair-message")
    expect(message).to_have_class(re.compile(r"\bproblem\b"))
    expect(message).not_to_have_text("Pairing…")
    assert stored_token(service_worker) == ""
    expect(options.get_by_role("button", name="Pair")).to_be_visible()

    options.get_by_label("Backend URL").fill("https://example.com")
    options.get_by_label("Pairing code").fill("123456")
    options.get_by_role("button", name="Pair").click()
    expect(message).to_contain_text("runs on this computer")


def test_unpair(paired, options, extension_id, service_worker):
    options.goto(options_url(extension_id))
    options.get_by_role("button", name="Unpair").click()
    expect(options.get_by_role("button", name="Pair")).to_be_visible()
    expect(options.get_by_label("Pairing code")).to_be_focused()
    expect(options.locator("#pair-message")).to_contain_text("Unpaired")
    assert stored_token(service_worker) == ""
    expect(options.get_by_role("region", name="Your profile")).to_be_hidden()


def test_unpair_revokes_the_token_on_the_backend(unpaired, options, extension_id, service_worker):
    backend = unpaired
    options.goto(options_url(extension_id))
    options.get_by_label("Backend URL").fill(backend.url)
    options.get_by_label("Pairing code").fill(pairing_code(backend))
    options.get_by_role("button", name="Pair", exact=True).click()
    expect(options.get_by_role("button", name="Unpair")).to_be_visible()
    token = stored_token(service_worker)
    assert token
    request = urllib.request.Request(backend.url + "/api/v1/profile",
                                     headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200
    options.get_by_role("button", name="Unpair").click()
    expect(options.locator("#pair-message")).to_have_text(
        "Unpaired: the backend no longer accepts this browser. Pair again whenever you like.")
    assert stored_token(service_worker) == ""
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 401
    refused.value.close()


def test_connection_test_reports_a_backend_that_is_down(paired, options, extension_id, service_worker, dead_url, screenshots):
    options.goto(options_url(extension_id))
    service_worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url})", dead_url)
    try:
        options.get_by_role("button", name="Test connection").click()
        # One honest line, not a tick for "Paired" above a red error; no code, and a real Try again.
        paired_text = options.locator("#paired-text")
        expect(paired_text).to_have_text("Paired, but Follow-up Assistant isn't answering right now.")
        assert options.evaluate("getComputedStyle(document.querySelector('#paired-text'), '::before').content") != '"✓ "'
        message = options.locator("#pair-message")
        expect(message).to_contain_text("isn't running")
        assert "`" not in message.text_content() and "Then click Try again" not in message.text_content()
        options.screenshot(path=screenshots / "options-backend-down.png", full_page=True)
    finally:
        service_worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url})", paired.url)
    options.get_by_role("button", name="Try again").click()
    expect(options.locator("#pair-message")).to_contain_text("Connected")
    expect(options.locator("#paired-text")).to_have_text(f"Paired with the backend at {paired.url}.")
    expect(options.get_by_role("button", name="Try again")).to_have_count(0)


def test_options_lead_to_all_interviews(paired, options, extension_id, ext_context):
    options.goto(options_url(extension_id))
    with ext_context.expect_page() as opened:
        options.get_by_role("button", name="See all your interviews").click()
    assert opened.value.url.endswith("/interviews/interviews.html")
    opened.value.close()


def test_profile_is_saved_to_the_backend(paired, restore_profile, options, extension_id, screenshots):
    options.goto(options_url(extension_id))
    profile = options.get_by_role("region", name="Your profile")
    expect(profile.get_by_label("Weekly goal")).to_have_value(str(paired.api("GET", "/api/v1/profile").json["weekly_goal"]))
    profile.get_by_label("Name").fill("Robin Example")
    profile.get_by_label("Signature").fill("Robin Example\n+1 555 0100")
    profile.get_by_label("Holiday country").fill("XX")
    profile.get_by_role("button", name="Save profile").click()
    country = profile.get_by_label("Holiday country")
    expect(country).to_have_attribute("aria-invalid", "true")
    expect(country).to_be_focused()
    expect(profile.locator("#pe-country")).to_contain_text("country code with a holiday calendar")

    country.fill("gb-eng")
    profile.get_by_label("Weekly goal").fill("12")
    profile.get_by_role("button", name="Save profile").click()
    expect(profile.locator("#profile-message")).to_have_text("Profile saved.")
    saved = paired.api("GET", "/api/v1/profile").json
    assert saved == {"name": "Robin Example", "signature": "Robin Example\n+1 555 0100",
                     "country": "GB-ENG", "weekly_goal": 12}
    options.reload()
    expect(options.get_by_label("Name")).to_have_value("Robin Example")
    expect(options.get_by_label("Weekly goal")).to_have_value("12")
    options.set_viewport_size({"width": 720, "height": 860})
    options.screenshot(path=screenshots / "readme-options.png")


def test_preferred_webmail(paired, options, extension_id, service_worker):
    options.goto(options_url(extension_id))
    select = options.get_by_label("Preferred webmail")
    expect(select).to_have_value("gmail")
    select.select_option(label="Outlook.com")
    expect(options.locator("#webmail-message")).to_contain_text("Outlook.com")
    assert storage(service_worker, "preferredWebmail") == "outlook"
    options.reload()
    expect(options.get_by_label("Preferred webmail")).to_have_value("outlook")
    options.get_by_label("Preferred webmail").select_option("gmail")
    expect(options.locator("#webmail-message")).to_contain_text("Gmail")


def test_compose_addresses_for_each_webmail(options, extension_id):
    """The addresses "Write follow-up" opens, built by the popup's module in an extension page."""
    options.goto(options_url(extension_id))
    urls = options.evaluate("""async () => {
        const { composeUrl } = await import('../popup/compose-url.js');
        const draft = { to: 'dana@acme.test', subject: 'Engineer & next steps', body: 'Hi Dana,\\nThank you.' };
        return Object.fromEntries(['gmail', 'outlook', 'office', 'mailto'].map((w) => [w, composeUrl(w, draft)]));
    }""")
    assert urls["gmail"] == ("https://mail.google.com/mail/?view=cm&fs=1&to=dana%40acme.test"
                             "&su=Engineer+%26+next+steps&body=Hi+Dana%2C%0AThank+you.")
    assert urls["outlook"] == ("https://outlook.live.com/mail/0/deeplink/compose?to=dana%40acme.test"
                               "&subject=Engineer+%26+next+steps&body=Hi+Dana%2C%0AThank+you.")
    assert urls["office"].startswith("https://outlook.office.com/mail/deeplink/compose?to=dana%40acme.test&subject=")
    assert urls["mailto"] == ("mailto:dana@acme.test?subject=Engineer%20%26%20next%20steps"
                              "&body=Hi%20Dana%2C%0D%0AThank%20you.")


def test_self_hosted_site_needs_an_address(paired, options, extension_id):
    options.goto(options_url(extension_id))
    sites = options.get_by_role("region", name="Self-hosted webmail")
    expect(sites.get_by_role("list", name="Added sites")).to_have_text("No sites added.")
    sites.get_by_role("button", name="Add site").click()
    expect(sites.locator("#site-message")).to_contain_text("Enter the address of your webmail")
    expect(sites.get_by_label("Webmail address")).to_be_focused()


def test_remove_a_self_hosted_site(paired, options, extension_id, service_worker):
    # Adding one needs the browser's permission prompt, which a headless browser cannot answer;
    # a site saved earlier is what the user sees and removes here.
    service_worker.evaluate("chrome.storage.local.set({sites: ['https://webmail.example.org']})")
    options.goto(options_url(extension_id))
    listed = options.get_by_role("list", name="Added sites")
    expect(listed.get_by_role("listitem")).to_have_text(["https://webmail.example.orgRemove"])
    listed.get_by_role("button", name="Remove https://webmail.example.org").click()
    expect(listed).to_have_text("No sites added.")
    expect(options.locator("#site-message")).to_have_text("Removed https://webmail.example.org.")
    assert storage(service_worker, "sites") == []


def test_keyboard_only_pairing_form(unpaired, options, extension_id):
    options.goto(options_url(extension_id))
    options.keyboard.press("Tab")
    expect(options.get_by_role("button", name="See all your interviews")).to_be_focused()
    options.keyboard.press("Tab")
    expect(options.get_by_role("button", name="Connect automatically")).to_be_focused()
    options.keyboard.press("Tab")
    expect(options.get_by_label("Backend URL")).to_be_focused()
    options.keyboard.press("Tab")
    expect(options.get_by_label("Pairing code")).to_be_focused()
    options.keyboard.press("Tab")
    expect(options.get_by_role("button", name="Pair")).to_be_focused()
    # 200% zoom of a narrow window: the page reflows instead of scrolling sideways.
    options.set_viewport_size({"width": 320, "height": 800})
    assert options.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
