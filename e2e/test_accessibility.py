"""axe-core on every extension page in every state worth showing: no serious or critical violation.

Each state is also screenshotted (e2e/screenshots/axe-*.png) so a person can look at what was audited.
"""
import pytest
from playwright.sync_api import expect

from e2e.axe import audit, blocking
from e2e.conftest import store_token

TODAY = "2027-03-10"
SEED = [
    {"company": "Birch & Co", "position": "Analyst", "interview_date": "2027-02-17",
     "interviewer_name": "Ana Birch", "interviewer_email": "ana@birch.test"},
    {"company": "Cedar Health", "position": "Data Scientist", "interview_date": "2027-03-03"},
    {"company": "Elm Systems", "position": "SRE", "interview_date": "2027-03-08"},
]


@pytest.fixture
def seeded(paired, service_worker):
    paired.clear()
    ids = {f["company"]: paired.api("POST", "/api/v1/interviews", f).json["id"] for f in SEED}
    service_worker.evaluate("(day) => chrome.storage.local.set({debugToday: day})", TODAY)
    return ids


@pytest.fixture(params=["light", "dark"])
def tab(ext_context, request):
    page = ext_context.new_page()
    page.set_viewport_size({"width": 1000, "height": 800})
    page.emulate_media(color_scheme=request.param)
    page.theme = request.param
    yield page
    page.close()


def url(extension_id, path):
    return f"chrome-extension://{extension_id}/{path}"


def check(page, name, screenshots):
    """Audit the page as it is now; screenshot it; fail on serious or critical violations (and,
    for these pages of ours, on any violation at all: they have none today, keep it so)."""
    page.screenshot(path=screenshots / f"axe-{name}-{page.theme}.png", full_page=True)
    found = blocking(page)
    assert found == [], f"{name} ({page.theme}): {found}"
    assert audit(page) == [], f"{name} ({page.theme}): moderate or minor: {audit(page)}"


def test_axe_finds_what_it_should(ext_context, extension_id):
    """The audit is live: a page with an unlabelled field and an image without text fails it."""
    page = ext_context.new_page()
    page.goto(url(extension_id, "popup/popup.html"))
    page.evaluate("""() => {
        const input = document.createElement('input'); document.body.append(input);
        const img = document.createElement('img'); img.src = '../icons/icon-16.png'; document.body.append(img);
    }""")
    ids = {v["id"] for v in audit(page)}
    assert {"label", "image-alt"} <= ids, ids
    page.close()


def test_popup(seeded, tab, extension_id, screenshots):
    tab.set_viewport_size({"width": 400, "height": 600})
    tab.goto(url(extension_id, "popup/popup.html"))
    expect(tab.locator("#main")).to_have_attribute("aria-busy", "false")
    expect(tab.locator("li.row")).to_have_count(3)
    check(tab, "popup-list", screenshots)
    tab.locator("li.row").first.get_by_role("button", name="More actions for Birch & Co").click()
    expect(tab.get_by_role("menu")).to_be_visible()
    check(tab, "popup-menu", screenshots)
    tab.keyboard.press("Escape")
    expect(tab.get_by_role("menu")).to_be_hidden()
    tab.get_by_role("button", name="Add interview").click()
    tab.get_by_role("button", name="Save interview").click()
    expect(tab.get_by_label("Company *")).to_have_attribute("aria-invalid", "true")
    check(tab, "popup-add-errors", screenshots)


def test_popup_states(paired, service_worker, tab, extension_id, dead_url, screenshots):
    paired.clear()
    tab.set_viewport_size({"width": 400, "height": 600})
    tab.goto(url(extension_id, "popup/popup.html"))
    expect(tab.get_by_role("heading", name="Nothing to follow up on right now")).to_be_visible()
    check(tab, "popup-empty", screenshots)
    service_worker.evaluate("(u) => chrome.storage.local.set({backendUrl: u})", dead_url)
    try:
        tab.reload()
        expect(tab.get_by_role("heading", name="Can't reach the backend")).to_be_visible()
        check(tab, "popup-backend-down", screenshots)
    finally:
        service_worker.evaluate("(u) => chrome.storage.local.set({backendUrl: u})", paired.url)
    store_token(service_worker, "")
    tab.reload()
    expect(tab.get_by_role("heading", name="Not connected yet")).to_be_visible()
    check(tab, "popup-unpaired", screenshots)


def test_options(paired, service_worker, tab, extension_id, dead_url, screenshots):
    tab.goto(url(extension_id, "options/options.html"))
    expect(tab.get_by_role("button", name="Unpair")).to_be_visible()
    check(tab, "options-paired", screenshots)
    service_worker.evaluate("(u) => chrome.storage.local.set({backendUrl: u})", dead_url)
    try:
        tab.get_by_role("button", name="Test connection").click()
        expect(tab.get_by_role("button", name="Try again")).to_be_visible()
        check(tab, "options-backend-down", screenshots)
    finally:
        service_worker.evaluate("(u) => chrome.storage.local.set({backendUrl: u})", paired.url)
    store_token(service_worker, "")
    tab.reload()
    expect(tab.get_by_role("button", name="Pair")).to_be_visible()
    check(tab, "options-unpaired", screenshots)


def test_all_interviews(seeded, tab, extension_id, screenshots):
    tab.goto(url(extension_id, f"interviews/interviews.html#interview-{seeded['Birch & Co']}"))
    expect(tab.get_by_role("region", name="Birch & Co — Analyst")).to_be_visible()
    check(tab, "interviews-detail", screenshots)
    tab.get_by_role("button", name="Edit details").click()
    tab.get_by_label("Company *").fill("")
    tab.get_by_label("Interviewer e-mail").fill("nope")
    tab.get_by_role("button", name="Save changes").click()
    expect(tab.get_by_role("alert")).to_be_visible()
    check(tab, "interviews-edit-errors", screenshots)
    tab.get_by_role("button", name="Cancel").click()
    tab.get_by_role("button", name="Delete interview").click()
    tab.get_by_role("button", name="Delete", exact=True).click()
    expect(tab.get_by_role("button", name="Undo: Deleted Birch & Co.")).to_be_visible()
    check(tab, "interviews-deleted", screenshots)
    tab.get_by_role("button", name="Undo: Deleted Birch & Co.").click()
    tab.get_by_label("Search").fill("zzz")
    tab.get_by_label("Search").press("Enter")
    expect(tab.get_by_role("heading", name="No interviews match")).to_be_visible()
    check(tab, "interviews-no-match", screenshots)
