"""The compose assistant's speed, from Playwright runs with the real extension in Chromium.

1. Click-to-inserted: from the click on "Insert draft" (in the panel's frame) to the draft in the
   editor's own model (the click's time to the first DOM change in the page that holds the
   draft; both clocks are performance.timeOrigin-based), per editor kind, p50/p95. Target: p95
   under 300 ms with the worker awake.
   Click-to-draft: from the click on "Follow-up assistant" (in the page) to the draft shown in the
   framed panel (in the frame: its dialog shown with the draft, after the next animation frame).
   Target: p95 under 100 ms. Two cases, alternating: "prepared" — the click comes once the panel
   frame, created when the compose window opened, has looked the recipient up (a person needs
   longer than that to reach the button); "at once" — the click comes as soon as the button is
   there, so it waits for the frame to load and the look-up to finish.
2. Cost on a heavy page: ~20,000 nodes and continuous DOM churn (e2e/fixtures/heavy). Two views:
   a) A/B: page script time (CDP Performance.getMetrics ScriptDuration, every world on the
      page's main thread, content scripts included) with the extension vs without, medians of
      interleaved trials. On a shared 2-core machine its noise (+-30%) is far above 1%.
   b) Attribution: the same churn under the CDP sampling profiler (50 us), time whose outermost
      frame is one of our content scripts vs time in the page's own scripts. Resolves well below
      1%; it cannot see the engine's cost of creating mutation records for our observer (which
      is why the observer disconnects while the page is busy).
   Target: under 1% more. At a Gmail address (observer narrowed to the compose container) and at
   an Outlook address (the whole document watched).
"""
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from backend.timing.business_days import next_business_day
from e2e.conftest import (
    CHROMIUM_FLAGS,
    EXTENSION,
    FIXTURES,
    TOKEN,
    chromium_path,
    fixture_route,
    store_token,
)
from e2e.panel import panel_frames, panel_of
from tests import live_backend

INSERTS = 20  # per editor
TRIALS = 5  # per page, with and without the extension, interleaved
BURSTS, EVERY_MS = 200, 15  # the churn: 200 bursts replacing 20 rows (about 200 nodes) each
EDITORS = {  # site -> (origin, fixture)
    "plain contenteditable (Gmail)": ("https://mail.google.com", "gmail"),
    "RoosterJS (Outlook)": ("https://outlook.live.com", "outlook"),
    "RoosterJS in an iframe (Proton)": ("https://mail.proton.me", "proton"),
    "Squire (Fastmail)": ("https://app.fastmail.com", "fastmail"),
}
HEAVY_AT = {"Gmail address": "https://mail.google.com", "Outlook address": "https://outlook.live.com"}

NOW = "performance.timeOrigin + performance.now()"  # a clock shared by the page and the frame

# In the panel's frame: when the user clicks Insert (the click's own time).
WATCH_INSERT_CLICK = """() => { window.__clicked = new Promise((resolve) => {
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('.primary')) resolve(performance.timeOrigin + e.timeStamp);
  }, { capture: true, once: true });
}); }"""

# In the page: the first mutation after which the editor's model holds the draft's first line.
WATCH_INSERT = """(probe) => { window.__inserted = new Promise((resolve) => {
  const frame = fixture.frame ? document.querySelector(fixture.frame) : null;
  const root = frame ? frame.contentDocument : document;
  const observer = new MutationObserver(() => {
    if ((fixture.bodyText() || '').replace(/\\s+/g, ' ').includes(probe)) {
      observer.disconnect();
      resolve(performance.timeOrigin + performance.now());
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
}); }"""

# In the page: when the user clicks our button (its composed event reaches the document).
WATCH_BUTTON_CLICK = """() => { window.__opened = new Promise((resolve) => {
  document.addEventListener('click', (e) => {
    if (e.composedPath().some((n) => n.hasAttribute && n.hasAttribute('data-followup-assistant'))) resolve(performance.timeOrigin + e.timeStamp);
  }, { capture: true, once: true });
}); }"""

# In the panel's frame: when its dialog is shown holding a draft, after the next animation frame.
WATCH_DRAFT_SHOWN = """() => { window.__shown = new Promise((resolve) => {
  const dialog = document.querySelector('[role=dialog]');
  const ready = () => { const b = document.querySelector('.draft-body'); return !dialog.hidden && b && b.textContent.trim(); };
  const done = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
  const observer = new MutationObserver(() => { if (ready()) { observer.disconnect(); done(); } });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
}); }"""

PREPARED = "() => { const b = document.querySelector('.draft-body'); return !!(b && b.textContent.trim()); }"


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def due_interview(live, n):
    """An interview due today, so no warning stands between the click and the insertion."""
    today = date.today()
    country = live.country
    decision = next(today - timedelta(days=back) for back in range(1, 15)
                    if next_business_day(today - timedelta(days=back), country) <= today
                    <= next_business_day(next_business_day(today - timedelta(days=back), country), country))
    answer = live.api("POST", "/api/v1/interviews", json={
        "company": f"Bench {n}", "position": "Engineer", "interviewer_name": "Anna Lee",
        "interviewer_email": f"anna.bench{n}@acme.example",
        "interview_date": (decision - timedelta(days=7)).isoformat(), "decision_date": decision.isoformat()})
    assert answer.status == 201, answer.json
    return answer.json


def launch(pw, with_extension):
    args = [*CHROMIUM_FLAGS]
    if with_extension:
        args = [f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}", *args]
    return pw.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path=chromium_path(),
                                                 headless=True, args=args,
                                                 viewport={"width": 1280, "height": 860})


def bench_insertion(context, live):
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url})", live.url)
    store_token(worker, live.token)  # where the extension keeps its token
    for origin, fixture in EDITORS.values():
        context.route(f"{origin}/**", fixture_route(FIXTURES / fixture))
    results = {}
    n = 0
    for name, (origin, _) in EDITORS.items():
        page = context.new_page()
        page.goto(origin + "/")
        inserts, prepared, at_once = [], [], []
        for i in range(INSERTS):
            n += 1
            interview = due_interview(live, n)
            page.evaluate("(email) => fixture.compose({to: [{name: 'Anna Lee', email}]})", interview["interviewer_email"])
            button = page.get_by_role("button", name="Follow-up assistant", exact=True)
            button.wait_for()
            wait_for(page, lambda: len(panel_frames(page)) == 1)
            frame = panel_frames(page)[0]
            frame.wait_for_function("() => window.FA && FA.panel", polling=20)  # no animation frames while hidden
            warm = i % 2 == 0
            if warm:
                frame.wait_for_function(PREPARED, polling=20)
            frame.evaluate(WATCH_DRAFT_SHOWN)
            page.evaluate(WATCH_BUTTON_CLICK)
            button.click()
            shown = frame.evaluate("window.__shown") - page.evaluate("window.__opened")
            (prepared if warm else at_once).append(shown)
            panel = panel_of(page)
            probe = " ".join(panel.locator(".draft-body").inner_text().split("\n")[0].split())
            page.evaluate(WATCH_INSERT, probe)
            frame.evaluate(WATCH_INSERT_CLICK)
            panel.get_by_role("button", name="Insert draft").click()
            inserts.append(page.evaluate("window.__inserted") - frame.evaluate("window.__clicked"))
            page.evaluate("fixture.close()")
            wait_for(page, lambda: not panel_frames(page))
        page.close()
        results[name] = (inserts, prepared, at_once)
    return results


def wait_for(page, condition, timeout=10.0):
    """Poll a condition on page.frames, letting Playwright take in frame events between polls."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        page.wait_for_timeout(10)


def bench_heavy(pw):
    """Per address: page script time with vs without the extension, and our own share of it."""
    contexts = {True: launch(pw, True), False: launch(pw, False)}
    for context in contexts.values():
        for origin in HEAVY_AT.values():
            context.route(f"{origin}/**", fixture_route(FIXTURES / "heavy"))
    results = {}
    for where, origin in HEAVY_AT.items():
        script = {True: [], False: []}
        ours, page_time = [], []
        for _ in range(TRIALS):
            for with_extension, context in contexts.items():
                page = context.new_page()
                page.goto(origin + "/")
                page.wait_for_timeout(300)  # the content script starts at document_idle
                session = context.new_cdp_session(page)
                session.send("Performance.enable")
                before = metric(session, "ScriptDuration")
                page.evaluate(f"churn({BURSTS}, {EVERY_MS})")
                script[with_extension].append(metric(session, "ScriptDuration") - before)
                nodes = page.evaluate("nodeCount()")
                page.close()
            page = contexts[True].new_page()  # the same churn under the sampling profiler
            page.goto(origin + "/")
            page.wait_for_timeout(300)
            session = contexts[True].new_cdp_session(page)
            session.send("Profiler.enable")
            session.send("Profiler.setSamplingInterval", {"interval": 50})
            session.send("Profiler.start")
            page.evaluate(f"churn({BURSTS}, {EVERY_MS})")
            owners = time_by_owner(session.send("Profiler.stop")["profile"])
            ours.append(sum(us for url, us in owners.items() if url.startswith("chrome-extension://")))
            page_time.append(sum(us for url, us in owners.items() if url.startswith(origin)))
            page.close()
        results[where] = {"with": script[True], "without": script[False], "nodes": nodes,
                          "ours_ms": statistics.median(ours) / 1000, "page_ms": statistics.median(page_time) / 1000}
    for context in contexts.values():
        context.close()
    return results


def time_by_owner(profile):
    """Sampled time per script URL: each sample belongs to the outermost frame that has a URL."""
    parent = {child: node["id"] for node in profile["nodes"] for child in node.get("children", [])}
    url_of = {node["id"]: node["callFrame"]["url"] for node in profile["nodes"]}
    owners = {}
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        owner, node = "", sample
        while node is not None:
            owner = url_of[node] or owner
            node = parent.get(node)
        owners[owner] = owners.get(owner, 0) + delta
    return owners


def metric(session, name):
    return next(m["value"] for m in session.send("Performance.getMetrics")["metrics"] if m["name"] == name)


def main():
    folder = tempfile.mkdtemp()
    live = live_backend.start(folder, token=TOKEN)
    with sync_playwright() as pw:
        context = launch(pw, True)
        insertion = bench_insertion(context, live)
        context.close()
        heavy = bench_heavy(pw)
    live.stop()

    print(f"click-to-inserted, {INSERTS} insertions per editor (target p95 < 300 ms);"
          " click-to-draft shown in the framed panel (target p95 < 100 ms):")
    all_inserts, all_prepared, all_at_once = [], [], []
    for name, (inserts, prepared, at_once) in insertion.items():
        all_inserts += inserts
        all_prepared += prepared
        all_at_once += at_once
        print(f"  {name:34s} insert p50 {percentile(inserts, 50):6.1f} ms  p95 {percentile(inserts, 95):6.1f} ms"
              f"   | draft shown, prepared p50 {percentile(prepared, 50):6.1f} ms  p95 {percentile(prepared, 95):6.1f} ms"
              f"; at once p50 {percentile(at_once, 50):6.1f} ms")
    p95 = percentile(all_inserts, 95)
    print(f"  all editors: insert p50 {percentile(all_inserts, 50):.1f} ms, p95 {p95:.1f} ms"
          f" = {p95 / 300:.2f}x the 300 ms target")
    shown = percentile(all_prepared, 95)
    print(f"  all editors: click-to-draft, prepared ({len(all_prepared)}): p50 {percentile(all_prepared, 50):.1f} ms,"
          f" p95 {shown:.1f} ms = {shown / 100:.2f}x the 100 ms target;"
          f" clicked at once ({len(all_at_once)}): p50 {percentile(all_at_once, 50):.1f} ms,"
          f" p95 {percentile(all_at_once, 95):.1f} ms")
    print(f"content script on a heavy page ({BURSTS} churn bursts of ~200 nodes, {TRIALS} interleaved trials,"
          " target < 1% more page script time):")
    for where, r in heavy.items():
        with_ext, without = statistics.median(r["with"]), statistics.median(r["without"])
        spread = f"min {min(r['without']) * 1000:.0f}-{min(r['with']) * 1000:.0f}, max {max(r['without']) * 1000:.0f}-{max(r['with']) * 1000:.0f}"
        print(f"  {where:16s} {r['nodes']:,} nodes. A/B (CDP ScriptDuration, medians): {without * 1000:.1f} ms without,"
              f" {with_ext * 1000:.1f} ms with = {with_ext / without:.3f}x ({spread} ms: machine noise)")
        print(f"  {'':16s} profiler: our content scripts {r['ours_ms']:.2f} ms vs the page's scripts {r['page_ms']:.1f} ms"
              f" = {r['ours_ms'] / r['page_ms'] * 100:.2f}% more")


if __name__ == "__main__":
    main()
