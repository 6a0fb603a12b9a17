"""axe-core on the compose panel (an extension page framed into the webmail): no serious or
critical violation in any of its states. Only the panel's own frame is audited, never the
webmail fixture around it."""
import pytest
from playwright.sync_api import expect

from e2e.axe import blocking
from e2e.panel import panel_frame
from e2e.webmail import (
    SITES,
    webmail,  # noqa: F401  (the page fixture)
)

GMAIL = pytest.mark.parametrize("webmail", ["gmail"], indirect=True)


@pytest.fixture(scope="module", autouse=True)
def gmail_served(serve_site):
    serve_site(SITES["gmail"].origin, "gmail")


def audit_panel(webmail, name, screenshots):
    frame = panel_frame(webmail.page)
    webmail.page.screenshot(path=screenshots / f"axe-panel-{name}.png")
    found = blocking(frame)
    assert found == [], f"panel {name}: {found}"


@GMAIL
@pytest.mark.parametrize("state", ["due", "overdue", "early", "move_on"])
def test_panel_states(webmail, paired, interviews, state, screenshots):
    interview = interviews.make(state)
    webmail.open_compose(interview["interviewer_email"])
    dialog = webmail.open_panel()
    expect(dialog).to_be_visible()
    audit_panel(webmail, state, screenshots)


@GMAIL
def test_panel_without_a_match_and_dark(webmail, paired, screenshots):
    webmail.page.emulate_media(color_scheme="dark")
    webmail.open_compose("nobody@nowhere.example")
    dialog = webmail.open_panel()
    expect(dialog).to_contain_text("nobody@nowhere.example")
    audit_panel(webmail, "no-match-dark", screenshots)
