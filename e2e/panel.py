"""The one way e2e tests reach the compose panel.

The button ("Follow-up assistant") sits in the webmail page, in an open shadow root, so
`page.get_by_role("button", ...)` finds it. The panel is an extension page framed into the
webmail inside a closed shadow root: the page's scripts (and Playwright's selectors, which pierce
only open shadow roots) cannot reach into it, so tests find it through Playwright's frame list —
the frame whose URL is the extension's `panel/panel.html` — and work on its `dialog`.

    from e2e.panel import open_panel, panel_of, button_of
    dialog = open_panel(page)                       # click the button, wait for the dialog
    dialog.get_by_role("button", name="Insert draft").click()
    expect(dialog).to_be_hidden()                   # after Close / Escape (the frame stays, hidden)

With several compose windows on one page, pass `compose=` (a Locator of that window) to click
its own button; the dialog returned is the one that opened.
"""
import time
from urllib.parse import urlparse

from playwright.sync_api import Frame, Locator, Page, expect

BUTTON = "Follow-up assistant"
DIALOG = "Follow-up assistant"
PANEL_PATH = "/panel/panel.html"
EXTENSION_SCHEMES = ("chrome-extension", "moz-extension")


def is_panel_frame(frame: Frame) -> bool:
    """Is this frame our panel page (any extension host: the URL may use a per-session id)?"""
    url = urlparse(frame.url)
    return url.scheme in EXTENSION_SCHEMES and url.path == PANEL_PATH


def panel_frames(page: Page) -> list[Frame]:
    """Every panel frame on the page (one per compose window, prepared when it opens)."""
    return [frame for frame in page.frames if is_panel_frame(frame) and not frame.is_detached()]


def dialog_in(frame: Frame) -> Locator:
    """The panel's dialog in one panel frame."""
    return frame.get_by_role("dialog", name=DIALOG, include_hidden=True)


def button_of(page: Page, compose: Locator | None = None) -> Locator:
    """The Follow-up assistant button (of one compose window when `compose` is given)."""
    return (compose or page).get_by_role("button", name=BUTTON, exact=True)


def panel_of(page: Page, timeout: float = 10.0) -> Locator:
    """The open panel's dialog: the panel frame whose dialog is shown. Waits up to `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        shown = [frame for frame in panel_frames(page) if _shown(frame)]
        if len(shown) == 1:
            return dialog_in(shown[0])
        if time.monotonic() > deadline:
            raise AssertionError(f"expected one open panel, found {len(shown)} "
                                 f"(of {len(panel_frames(page))} panel frames)")
        page.wait_for_timeout(25)


def _shown(frame: Frame) -> bool:
    try:
        return frame.evaluate("() => { const d = document.querySelector('[role=dialog]'); return !!d && !d.hidden; }")
    except Exception:  # the frame is navigating or went away meanwhile
        return False


def open_panel(page: Page, compose: Locator | None = None) -> Locator:
    """Click the button like a user and return the panel's dialog, once it is visible."""
    button_of(page, compose).click()
    dialog = panel_of(page)
    expect(dialog).to_be_visible()
    return dialog


def panel_frame(page: Page) -> Frame:
    """The open panel's frame itself (for evaluating in the panel's document, e.g. timing)."""
    shown = [frame for frame in panel_frames(page) if _shown(frame)]
    assert len(shown) == 1, f"expected one open panel, found {len(shown)}"
    return shown[0]


def frame_rect(page: Page) -> dict:
    """Where the open panel's frame sits in the page: {x, y, width, height} (CSS px)."""
    box = panel_frame(page).frame_element().bounding_box()
    assert box, "the panel frame has no box"
    return box


def settled_frame_rect(page: Page, timeout: float = 10.0) -> dict:
    """Where the open panel's frame sits once it holds still: the panel reports its height when
    its content changes and the content script then moves and sizes the frame, a message later.
    The same box in three reads 0.1 s apart, as a person would see it come to rest."""
    deadline = time.monotonic() + timeout
    boxes = [frame_rect(page)]
    while len(boxes) < 3 or any(box != boxes[-1] for box in boxes[-3:]):
        if time.monotonic() > deadline:
            raise AssertionError(f"the panel frame did not hold still: {boxes[-3:]}")
        page.wait_for_timeout(100)
        boxes.append(frame_rect(page))
    return boxes[-1]
