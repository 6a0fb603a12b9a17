"""What a hostile web page, a rebound DNS name, a guesser or a template can do: nothing.

Against live servers: a thread for the browser and raw-HTTP cases, the real `python -m backend`
for pairing and logging, and real Chromium for a web page's fetch.
"""
import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests import live_backend
from tests.live_backend import free_port, in_thread

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "hardening-token-0123456789"
INTERVIEW = {"company": "Acme", "position": "PM", "interview_date": "2026-03-02"}


@pytest.fixture
def backend(tmp_path):
    with in_thread(str(tmp_path / "followup.db"), TOKEN) as served:
        yield served


def send(base: str, method: str, path: str, body: bytes | None = None, **headers):
    """A raw request: any Host, any Origin, any Content-Type, as an attacker can send them."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for name, value in headers.items():
        connection.putheader(name.replace("_", "-"), value)
    connection.putheader("Content-Length", str(len(body or b"")))
    connection.endheaders(body)
    response = connection.getresponse()
    answer = response.status, dict(response.getheaders()), response.read()
    connection.close()
    return answer


def interviews(base: str) -> list:
    status, _, data = send(base, "GET", "/api/v1/interviews", Host=base[7:],
                           Authorization=f"Bearer {TOKEN}")
    assert status == 200
    return json.loads(data)["interviews"]


# DNS rebinding: evil.example resolves to 127.0.0.1, so the browser sends Host: evil.example.
@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.nip.io:{port}",
                                  "localhost.evil.example:{port}", "0.0.0.0:{port}",
                                  "127.0.0.2:{port}", "[::ffff:127.0.0.1]:{port}", ""])
def test_a_rebound_dns_name_gets_403_even_with_the_token(backend, host):
    app, base, log = backend
    host = host.format(port=app.config["PORT"])
    for method, path, body in (("GET", "/api/v1/interviews", None),
                               ("POST", "/api/v1/interviews", json.dumps(INTERVIEW).encode()),
                               ("GET", "/api/v1/health", None)):
        status, headers, data = send(base, method, path, body, Host=host,
                                     Authorization=f"Bearer {TOKEN}",
                                     Content_Type="application/json")
        assert status in (400, 403), (host, status)  # 400: werkzeug refuses a malformed Host
        if status == 403:
            assert json.loads(data)["error"]["code"] == "forbidden_host"
        assert "Access-Control-Allow-Origin" not in headers
    assert interviews(base) == []


@pytest.mark.parametrize("content_type, body", [
    ("text/plain", b'{"company": "Acme", "position": "PM", "interview_date": "2026-03-02"}'),
    ("application/x-www-form-urlencoded", b"company=Acme&position=PM&interview_date=2026-03-02"),
    ("multipart/form-data; boundary=x",
     b'--x\r\nContent-Disposition: form-data; name="company"\r\n\r\nAcme\r\n--x--\r\n'),
])
@pytest.mark.parametrize("origin", ["https://evil.example", "null", None])
def test_a_cross_site_form_post_writes_nothing(backend, content_type, body, origin):
    app, base, log = backend
    headers = {"Host": base[7:], "Content_Type": content_type}
    if origin:
        headers["Origin"] = origin
    for path in ("/api/v1/interviews", "/api/v1/pair", "/api/v1/profile"):
        # A form cannot carry the Authorization header; send the token anyway to be sure.
        for auth in ({}, {"Authorization": f"Bearer {TOKEN}"}):
            status, answer_headers, data = send(base, "PUT" if path.endswith("profile")
                                                else "POST", path, body, **headers, **auth)
            expected = 403 if origin else 415
            assert status == expected, (path, origin, status, data)
            assert "Access-Control-Allow-Origin" not in answer_headers
    assert interviews(base) == []


class AttackerPage(BaseHTTPRequestHandler):
    """An ordinary web site on another port, whose script goes for the backend."""

    html = ""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.html.encode())

    def log_message(self, *args):
        pass


ATTACK = """<!doctype html><title>Cute cats</title>
<form id="form" method="POST" enctype="text/plain" action="{backend}/api/v1/interviews">
  <input name='{{"company": "Form", "position": "PM", "interview_date": "2026-03-02", "x": "'
         value='"}}'></form>
<script>
const backend = "{backend}";
async function attempt(name, url, options) {{
  try {{
    const response = await fetch(url, options);
    return [name, "read", response.status, await response.text()];
  }} catch (error) {{
    return [name, "blocked", String(error)];
  }}
}}
window.results = Promise.all([
  attempt("health", backend + "/api/v1/health"),
  attempt("list", backend + "/api/v1/interviews",
          {{headers: {{Authorization: "Bearer {token}"}}}}),
  attempt("create", backend + "/api/v1/interviews", {{method: "POST",
    headers: {{"Content-Type": "application/json", Authorization: "Bearer {token}"}},
    body: JSON.stringify({{company: "Fetch", position: "PM", interview_date: "2026-03-02"}})}}),
  attempt("no-cors", backend + "/api/v1/interviews", {{method: "POST", mode: "no-cors",
    headers: {{"Content-Type": "text/plain"}},
    body: JSON.stringify({{company: "NoCors", position: "PM", interview_date: "2026-03-02"}})}}),
  attempt("pair", backend + "/api/v1/pair", {{method: "POST", mode: "no-cors",
    body: JSON.stringify({{code: "123456"}})}}),
]);
</script>"""


def chromium() -> str | None:
    found = os.environ.get("FOLLOWUP_CHROMIUM") or shutil.which("chromium")
    return found if found and Path(found).exists() else None


def test_a_web_page_in_chromium_cannot_read_or_write(backend):
    app, base, log = backend
    page_port = free_port()
    origin = f"http://localhost:{page_port}"
    AttackerPage.html = ATTACK.format(backend=base, token=TOKEN)
    site = ThreadingHTTPServer(("127.0.0.1", page_port), AttackerPage)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), headless=True)
            page = browser.new_page()
            page.goto(origin + "/")
            results = page.evaluate("window.results")
            with page.expect_navigation():
                page.evaluate("document.getElementById('form').submit()")
            shown = page.content()
            browser.close()
    finally:
        site.shutdown()
        site.server_close()
    by_name = {result[0]: result for result in results}
    for name in ("health", "list", "create"):
        assert by_name[name][1] == "blocked", by_name[name]  # no CORS answer: nothing readable
    for name in ("no-cors", "pair"):  # an opaque answer: status 0, nothing inside
        assert by_name[name][1:3] == ["read", 0], by_name[name]
    assert "forbidden_origin" in shown  # the form's navigation shows the refusal, nothing else
    from_page = [entry for entry in log.entries if entry.origin == origin]
    assert from_page, "Chromium sent nothing: the backend's own refusal was not tested"
    assert {("GET", "/api/v1/health"), ("POST", "/api/v1/pair"), ("POST", "/api/v1/interviews"),
            ("OPTIONS", "/api/v1/interviews")} <= {(e.method, e.path) for e in from_page}
    assert {entry.status for entry in from_page} == {403}, from_page  # each one refused
    assert all(entry.allow_origin is None for entry in from_page)
    assert interviews(base) == []  # and nothing was written


def pair(base: str, code) -> tuple[int, dict]:
    status, _, data = send(base, "POST", "/api/v1/pair", json.dumps({"code": code}).encode(),
                           Host=base[7:], Content_Type="application/json")
    return status, json.loads(data)


def test_pairing_locks_out_guessers_and_the_token_is_never_logged_or_shown_again(tmp_path):
    server = live_backend.start(tmp_path, token=None)  # only paired tokens count
    database, output, port, base = server.database, server.log, server.port, server.url
    try:
        code = output.read_text().split("Pairing code: ")[1][:6]
        wrong = [f"{(int(code) + n) % 10**6:06d}" for n in range(1, 6)]
        answers = [pair(base, guess) for guess in wrong]
        assert [status for status, _ in answers] == [403] * 5
        assert [a["error"]["message"] for _, a in answers][:2] == [
            "That code is wrong; 4 tries left.", "That code is wrong; 3 tries left."]
        status, locked = pair(base, code)  # the right code, after five wrong tries: void
        assert status == 403 and locked["error"]["code"] == "no_pairing_code"
        fresh = subprocess.run([sys.executable, "-m", "backend", "pair"], cwd=ROOT, text=True,
                               env={**os.environ, "FOLLOWUP_DB": str(database)},
                               capture_output=True, timeout=60)
        new_code = fresh.stdout.split("Pairing code: ")[1][:6]
        status, paired = pair(base, new_code)
        assert status == 200
        token = paired["token"]
        assert pair(base, new_code)[0] == 403  # single use: the token is never handed out again
        auth = {"Host": f"127.0.0.1:{port}", "Authorization": f"Bearer {token}"}
        seen = []
        for method, path, body in (
                ("POST", "/api/v1/interviews", INTERVIEW), ("GET", "/api/v1/interviews", None),
                ("GET", "/api/v1/profile", None), ("GET", "/api/v1/openapi.json", None),
                ("GET", "/api/v1/health", None), ("GET", "/api/v1/interviews/999", None),
                ("POST", "/api/v1/interviews", {"company": ""}),
                ("GET", "/api/v1/due?on=never", None)):
            status, headers, data = send(base, method, path,
                                         json.dumps(body).encode() if body else None,
                                         Content_Type="application/json", **auth)
            assert status < 500
            seen.append(data.decode() + json.dumps(headers))
        assert send(base, "GET", "/api/v1/interviews", Host=f"127.0.0.1:{port}",
                    Authorization=f"Bearer {token}x")[0] == 401
    finally:
        server.stop()
    logged = output.read_text() + fresh.stdout + fresh.stderr
    assert token not in logged and token not in "".join(seen)
    assert token[:12] not in logged  # not even a prefix
    for path in database.parent.glob("followup.db*"):
        assert token.encode() not in path.read_bytes(), path  # stored as a hash only


HOSTILE_TEMPLATES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self._TemplateReference__context }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ company|attr('__class__') }}",
    "{{ company['__class__'] }}",
    "{{ config }}",
    "{% include '/etc/passwd' %}",
    "{% extends 'thank_you/body.txt.j2' %}",
    "{% for i in range(10**9) %}x{% endfor %}",
    "{{ 'x' * 10**9 }}",
    "{{ 9**9**9 }}",
    "{{ company.center(10**9) }}",
    "{{ [company] * 10**8 }}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{% if 1 %}" * 900 + "x" + "{% endif %}" * 900,
    "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
    "{{ company" + "|upper" * 1600 + " }}",
    "{{ notes }}" * 900,  # 900 copies of a 5,000-character note: 4.5 MB if it ran
    "{% set x = notes %}{% set y = x ~ x %}{{ y }}",
]
LIMIT_SECONDS = 2  # generous for a shared machine; a render is bounded to 0.5 s in render.py


@pytest.mark.parametrize("source", HOSTILE_TEMPLATES, ids=lambda s: s[:40])
def test_user_templates_cannot_reach_python_or_burn_cpu_or_memory(backend, source):
    app, base, log = backend
    headers = {"Host": base[7:], "Authorization": f"Bearer {TOKEN}",
               "Content_Type": "application/json"}
    _, _, created = send(base, "POST", "/api/v1/interviews", json.dumps(
        {**INTERVIEW, "interviewer_name": "Dana Smith", "notes": "n" * 5000}).encode(), **headers)
    interview_id = json.loads(created)["id"]
    started = time.perf_counter()
    status, _, data = send(base, "PUT", "/api/v1/templates/first_follow_up", json.dumps(
        {"subject": "Following up", "body": f"Hi,\n\n{source}\n\nThank you.\n"}).encode(),
        **headers)
    saved_in = time.perf_counter() - started
    answer = json.loads(data)
    assert saved_in < LIMIT_SECONDS
    if status == 200:  # allowed syntax: then drafting with it must stay within the limits
        started = time.perf_counter()
        status, _, data = send(base, "POST", "/api/v1/drafts", json.dumps(
            {"interview_id": interview_id, "on": "2026-03-09",
             "template": "first_follow_up"}).encode(), **headers)
        assert time.perf_counter() - started < LIMIT_SECONDS
        answer = json.loads(data)
    assert 400 <= status < 500, (status, str(answer)[:300])
    assert answer["error"]["message"]
    for leak in ("<class", "__globals__", "uid=", "root:", "Environment", "function"):
        assert leak not in answer["error"]["message"].replace("function calls", ""), leak
