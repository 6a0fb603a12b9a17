"""The compose assistant's speed, from Playwright runs with the real extension in Chromium.

1. Click-to-inserted: from the click on "Insert draft" to the draft in the editor's own model
   (timed inside the page: the click's timeStamp to the first DOM change that holds the draft),
   per editor kind, p50/p95. Target (issue 4): p95 under 300 ms with the worker awake.
   Also click-to-draft: from the click on "Follow-up assistant" to the draft shown in the panel
   (worker + live backend round trips).
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
import logging
import statistics
import sys
import tempfile
import threading
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

import backend as backend_package  # noqa: E402
from backend.timing.business_days import next_business_day  # noqa: E402
from e2e.conftest import (CHROMIUM_FLAGS, EXTENSION, FIXTURES, TOKEN, LiveBackend,  # noqa: E402
                          chromium_path, fixture_route)

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

# In the page: time from the click on our panel's Insert button (its composed event reaches the
# document) to the first mutation after which the editor's model holds the draft's first line.
WATCH_INSERT = """(probe) => { window.__inserted = new Promise((resolve) => {
  let clickedAt = null;
  document.addEventListener('click', (e) => {
    if (e.composedPath().some((n) => n.classList && n.classList.contains('primary'))) clickedAt = e.timeStamp;
  }, { capture: true, once: true });
  const frame = fixture.frame ? document.querySelector(fixture.frame) : null;
  const root = frame ? frame.contentDocument : document;
  const observer = new MutationObserver(() => {
    if (clickedAt !== null && (fixture.bodyText() || '').replace(/\\s+/g, ' ').includes(probe)) {
      observer.disconnect();
      resolve(performance.now() - clickedAt);
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
}); }"""


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def start_backend(folder):
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request would drown the figures
    app = backend_package.create_app({"DATABASE": f"{folder}/bench.db", "TOKEN": TOKEN})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    app.config["PORT"] = server.server_port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return LiveBackend(app, server)


def due_interview(live, n):
    """An interview due today, so no warning stands between the click and the insertion."""
    today = date.today()
    country = live.app.config["COUNTRY"]
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
    worker.evaluate("([url, token]) => chrome.storage.local.set({backendUrl: url, token})", [live.url, live.token])
    for origin, fixture in EDITORS.values():
        context.route(f"{origin}/**", fixture_route(FIXTURES / fixture))
    results = {}
    n = 0
    for name, (origin, _) in EDITORS.items():
        page = context.new_page()
        page.goto(origin + "/")
        inserts, drafts = [], []
        for _ in range(INSERTS):
            n += 1
            interview = due_interview(live, n)
            page.evaluate("(email) => fixture.compose({to: [{name: 'Anna Lee', email}]})", interview["interviewer_email"])
            button = page.get_by_role("button", name="Follow-up assistant", exact=True)
            button.wait_for()
            started = page.evaluate("performance.now()")
            button.click()
            body = page.locator("[data-followup-assistant-panel] .draft-body")
            expect(body).not_to_be_empty()
            drafts.append(page.evaluate("performance.now()") - started)
            probe = " ".join(body.inner_text().split("\n")[0].split())
            page.evaluate(WATCH_INSERT, probe)
            page.locator("[data-followup-assistant-panel]").get_by_role("button", name="Insert draft").click()
            inserts.append(page.evaluate("window.__inserted"))
            page.evaluate("fixture.close()")
        page.close()
        results[name] = (inserts, drafts)
    return results


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
    live = start_backend(folder)
    with sync_playwright() as pw:
        context = launch(pw, True)
        insertion = bench_insertion(context, live)
        context.close()
        heavy = bench_heavy(pw)
    live.server.shutdown()

    print(f"click-to-inserted, {INSERTS} insertions per editor (target p95 < 300 ms):")
    all_inserts = []
    for name, (inserts, drafts) in insertion.items():
        all_inserts += inserts
        print(f"  {name:34s} insert p50 {percentile(inserts, 50):6.1f} ms  p95 {percentile(inserts, 95):6.1f} ms"
              f"   | button-to-draft p50 {percentile(drafts, 50):6.1f} ms  p95 {percentile(drafts, 95):6.1f} ms")
    p95 = percentile(all_inserts, 95)
    print(f"  all editors: p50 {percentile(all_inserts, 50):.1f} ms, p95 {p95:.1f} ms"
          f" = {p95 / 300:.2f}x the 300 ms target")
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
