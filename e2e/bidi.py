"""Firefox (Debian's firefox-esr) driven through its own WebDriver BiDi server: no geckodriver,
no Playwright (which cannot drive a stock Firefox). The one module the Firefox tests use.

    with Firefox.launch(profile_dir, prefs={...}) as firefox:
        firefox.install(extension_dir)                 # a temporary add-on
        firefox.serve("mail.google.com", responder)    # answer a host's requests (no network)
        tab = firefox.new_tab("https://mail.google.com/mail/u/0/")
        tab.eval("document.title")                     # the page's own world
        tab.click("document.querySelector('button')")  # a real pointer click (a user gesture)
        tab.type("Hello ")

Firefox is kept off the network (only the BiDi socket and loopback); see OFFLINE_PREFS.
Commands are synchronous. While one waits for its answer, the requests a served host makes are
answered from `serve`'s responders, so a navigation that loads a fixture page just works.
"""
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

from websockets.sync.client import connect

# Keep Firefox from reaching anything but loopback: no remote settings, no updates, a dead proxy.
OFFLINE_PREFS = {
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": 9,
    "network.proxy.no_proxies_on": "localhost, 127.0.0.1",
    "app.update.disabledForTesting": True,
    "browser.shell.checkDefaultBrowser": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "extensions.webextOptionalPermissionPrompts": False,  # permissions.request grants on a user gesture
}
LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")
KEYS = {"Control": "\ue009", "Enter": "\ue007", "Home": "\ue011", "End": "\ue010", "Tab": "\ue004",
        "Escape": "\ue00c", "Backspace": "\ue003"}


def firefox_binary() -> str | None:
    """FOLLOWUP_FIREFOX, else Debian's firefox-esr."""
    return os.environ.get("FOLLOWUP_FIREFOX") or shutil.which("firefox-esr") or shutil.which("firefox")


STEADY_IN_VIEW = """(el) => new Promise((resolve) => {
  const start = performance.now();
  let last = '', still = 0;
  el.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
  const step = () => {
    const r = el.getBoundingClientRect();
    const inView = r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    const place = [r.left, r.top, r.width, r.height].join();
    still = place === last ? still + 1 : 0;
    last = place;
    if (inView && still >= 2) return resolve(true);
    if (performance.now() - start > 5000) return resolve(false);
    if (!inView) el.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})"""


class BiDiError(RuntimeError):
    pass


class Node:
    """A DOM node held by Firefox (a BiDi shared reference)."""

    def __init__(self, shared_id: str):
        self.shared_id = shared_id

    def __repr__(self):
        return f"Node({self.shared_id})"


def to_python(remote: dict):
    """A BiDi RemoteValue as a Python value (nodes as Node)."""
    kind, value = remote.get("type"), remote.get("value")
    if kind in ("undefined", "null"):
        return None
    if kind == "number":
        return {"NaN": float("nan"), "-0": 0, "Infinity": float("inf"), "-Infinity": float("-inf")}.get(value, value)
    if kind in ("string", "boolean", "bigint"):
        return value
    if kind in ("array", "set", "nodelist", "htmlcollection"):
        return [to_python(item) for item in value or []]
    if kind in ("object", "map"):
        return {(k if isinstance(k, str) else to_python(k)): to_python(v) for k, v in value or []}
    if kind == "node":
        return Node(remote["sharedId"])
    return remote  # functions, promises, windows...: the raw description


def to_local(value) -> dict:
    """A Python value as a BiDi LocalValue argument."""
    if isinstance(value, Node):
        return {"sharedId": value.shared_id}
    if value is None:
        return {"type": "null"}
    if isinstance(value, bool):
        return {"type": "boolean", "value": value}
    if isinstance(value, (int, float)):
        return {"type": "number", "value": value}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, (list, tuple)):
        return {"type": "array", "value": [to_local(v) for v in value]}
    if isinstance(value, dict):
        return {"type": "object", "value": [[str(k), to_local(v)] for k, v in value.items()]}
    raise TypeError(f"cannot pass {type(value).__name__} to the page")


class Firefox:
    """One Firefox process and its BiDi session."""

    def __init__(self, process: subprocess.Popen, socket, log: Path, closing: contextlib.ExitStack):
        self.process, self.socket, self.log, self.closing = process, socket, log, closing
        self.next_id = 0
        self.responders: dict[str, callable] = {}  # host -> responder(url) -> (status, headers, bytes)
        self.unanswered: set[int] = set()  # ids of answers nobody waits for (provideResponse)
        self.events: list[dict] = []

    # -- process ---------------------------------------------------------------------------------

    @classmethod
    def launch(cls, profile: Path, prefs: dict | None = None, binary: str | None = None,
               timeout: float = 60) -> "Firefox":
        binary = binary or firefox_binary()
        if not binary:
            raise RuntimeError("No Firefox: install firefox-esr (`make test-deps`) or set FOLLOWUP_FIREFOX.")
        profile.mkdir(parents=True, exist_ok=True)
        all_prefs = {**OFFLINE_PREFS, **(prefs or {})}
        (profile / "user.js").write_text("".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n"
                                                 for k, v in all_prefs.items()))
        log = profile / "firefox.log"
        env = {**os.environ, "MOZ_DISABLE_NONLOCAL_CONNECTIONS": "1", "MOZ_CRASHREPORTER_DISABLE": "1"}
        process = subprocess.Popen(
            [binary, "--headless", "--no-remote", "--profile", str(profile), "--remote-debugging-port=0",
             "--remote-allow-system-access"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env,
            start_new_session=True)
        address = cls._address(process, log, timeout)
        closing = contextlib.ExitStack()
        try:
            socket = closing.enter_context(connect(f"{address}/session", max_size=None, open_timeout=timeout))
            firefox = cls(process, socket, log, closing)
            session = firefox.send("session.new", {"capabilities": {}})
        except BaseException:  # no session: stop the Firefox just started, or it outlives the tests
            closing.close()
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
            raise
        firefox.version = session["capabilities"]["browserVersion"]
        return firefox

    @staticmethod
    def _address(process, log: Path, timeout: float) -> str:
        """Read stderr until Firefox says where BiDi listens; then keep draining it into the log."""
        found = {}
        ready = threading.Event()

        def drain():
            with open(log, "ab") as out, process.stderr as err:
                for line in err:
                    out.write(line)
                    match = LISTENING.search(line.decode("utf-8", "replace"))
                    if match and not ready.is_set():
                        found["address"] = match.group(1)
                        ready.set()

        process.drain = threading.Thread(target=drain, name="firefox-stderr", daemon=True)
        process.drain.start()
        if not ready.wait(timeout):
            os.killpg(process.pid, signal.SIGKILL)
            raise RuntimeError(f"Firefox did not start BiDi within {timeout} s: {log.read_text()[-2000:]}")
        return found["address"]

    def close(self) -> None:
        try:
            self.send("session.end", {}, timeout=5)
        except Exception:
            pass
        try:
            self.closing.close()
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGTERM)
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(self.process.pid, signal.SIGKILL)
                    self.process.wait(timeout=5)
            self.process.drain.join(timeout=10)  # it closes stderr at its end

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- protocol --------------------------------------------------------------------------------

    def _post(self, method: str, params: dict) -> int:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        return self.next_id

    def send(self, method: str, params: dict, timeout: float = 30) -> dict:
        """Run one command; answers the served hosts' requests while waiting. Raises BiDiError."""
        wanted = self._post(method, params)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BiDiError(f"{method}: no answer within {timeout} s")
            message = json.loads(self.socket.recv(timeout=left))
            if message.get("id") == wanted:
                if message.get("type") == "error":
                    raise BiDiError(f"{method}: {message.get('error')}: {message.get('message')}")
                return message.get("result", {})
            if "id" in message:
                self.unanswered.discard(message["id"])
            elif message.get("method") == "network.beforeRequestSent" and message["params"].get("isBlocked"):
                self._respond(message["params"])
            else:
                self.events.append(message)

    def _respond(self, params: dict) -> None:
        request = params["request"]
        host = re.sub(r"^[a-z]+://([^/:]+).*$", r"\1", request["url"])
        responder = self.responders.get(host)
        if responder is None:  # an intercepted host nobody serves: let it go on (to the dead proxy)
            self.unanswered.add(self._post("network.continueRequest", {"request": request["request"]}))
            return
        status, headers, body = responder(request["url"])
        self.unanswered.add(self._post("network.provideResponse", {
            "request": request["request"], "statusCode": status,
            "reasonPhrase": "OK" if status == 200 else "Not Found",
            "headers": [{"name": k, "value": {"type": "string", "value": v}} for k, v in headers.items()],
            "body": {"type": "base64", "value": base64.b64encode(body).decode()}}))

    # -- browser-wide ----------------------------------------------------------------------------

    def install(self, extension: Path) -> str:
        """Install an unpacked extension as a temporary add-on; returns its id."""
        found = self.send("webExtension.install", {"extensionData": {"type": "path", "path": str(extension)}})
        return found["extension"]

    def serve(self, host: str, responder) -> None:
        """Answer every https request to host with responder(url) -> (status, headers, body)."""
        if not self.responders:
            self.send("session.subscribe", {"events": ["network.beforeRequestSent"]})
        self.responders[host] = responder
        self.send("network.addIntercept", {"phases": ["beforeRequestSent"],
                                           "urlPatterns": [{"type": "pattern", "hostname": host}]})

    def tree(self, root: str | None = None) -> list[dict]:
        params = {"root": root} if root else {}
        return self.send("browsingContext.getTree", params)["contexts"]

    def new_tab(self, url: str | None = None) -> "Tab":
        context = self.send("browsingContext.create", {"type": "tab"})["context"]
        tab = Tab(self, context)
        if url:
            tab.goto(url)
        return tab


class Tab:
    """A browsing context (a tab, or a frame inside one)."""

    def __init__(self, firefox: Firefox, context: str):
        self.firefox, self.context = firefox, context

    def goto(self, url: str, wait: str = "complete") -> None:
        self.firefox.send("browsingContext.navigate", {"context": self.context, "url": url, "wait": wait})

    def close(self) -> None:
        self.firefox.send("browsingContext.close", {"context": self.context})

    def frames(self) -> list[tuple[str, "Tab"]]:
        """The frames inside this context (all depths), as (url, Tab)."""
        found, stack = [], list(self.firefox.tree(self.context)[0].get("children") or [])
        while stack:
            info = stack.pop(0)
            found.append((info["url"], Tab(self.firefox, info["context"])))
            stack.extend(info.get("children") or [])
        return found

    def frame_element(self, frame: "Tab") -> Node:
        """The <iframe> in this page that holds frame (found by Firefox even in a closed shadow root)."""
        nodes = self.firefox.send("browsingContext.locateNodes", {
            "context": self.context, "locator": {"type": "context", "value": {"context": frame.context}}})["nodes"]
        assert nodes, "no element holds that frame"
        return to_python(nodes[0])

    # -- script ----------------------------------------------------------------------------------

    def eval(self, expression: str, timeout: float = 30):
        """Evaluate in the page's own world (awaiting a promise); returns a Python value."""
        result = self.firefox.send("script.evaluate", {
            "expression": expression, "target": {"context": self.context}, "awaitPromise": True,
            "resultOwnership": "root", "serializationOptions": {"maxDomDepth": 0}}, timeout=timeout)
        return self._value(result, expression)

    def call(self, function: str, *args, timeout: float = 30):
        """Call a function declaration with arguments (Python values or Nodes) in the page's world."""
        result = self.firefox.send("script.callFunction", {
            "functionDeclaration": function, "arguments": [to_local(a) for a in args],
            "target": {"context": self.context}, "awaitPromise": True, "resultOwnership": "root",
            "serializationOptions": {"maxDomDepth": 0}}, timeout=timeout)
        return self._value(result, function)

    @staticmethod
    def _value(result: dict, source: str):
        if result.get("type") == "exception":
            details = result["exceptionDetails"]
            raise BiDiError(f"{details.get('text')} in: {source[:200]}")
        return to_python(result["result"])

    def wait_for(self, expression: str, timeout: float = 10, what: str = ""):
        """Poll an expression until it is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.eval(expression)
            except BiDiError:
                value = None  # the page is navigating, or not ready yet
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what or expression}")
            time.sleep(0.05)

    # -- input -----------------------------------------------------------------------------------

    def click(self, element: str | Node) -> None:
        """A real mouse click at the centre of an element (an expression, or a Node): a user gesture."""
        node = element if isinstance(element, Node) else self.eval(element)
        assert isinstance(node, Node), f"not an element: {element}"
        # BiDi neither scrolls nor waits for the element to hold still (Playwright's actionability
        # checks do both): scroll it into view, then wait until it has kept one place for two
        # frames inside the viewport, so a late layout shift (findings arriving above a button)
        # cannot move it from under the click.
        settled = self.call(STEADY_IN_VIEW, node, timeout=10)
        assert settled, f"the element did not hold still in view: {element}"
        self.firefox.send("input.performActions", {"context": self.context, "actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "x": 0, "y": 0, "origin": {"type": "element", "element": {"sharedId": node.shared_id}}},
                        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})

    def type(self, text: str) -> None:
        """Type text as key presses."""
        keys = []
        for char in text:
            char = KEYS["Enter"] if char == "\n" else char
            keys += [{"type": "keyDown", "value": char}, {"type": "keyUp", "value": char}]
        self._keys(keys)

    def press(self, combo: str) -> None:
        """Press a key or a combination such as "Control+z" or "Control+Home"."""
        names = combo.split("+")
        values = [KEYS.get(name, name) for name in names]
        self._keys([{"type": "keyDown", "value": v} for v in values] +
                   [{"type": "keyUp", "value": v} for v in reversed(values)])

    def _keys(self, actions: list[dict]) -> None:
        self.firefox.send("input.performActions", {"context": self.context, "actions": [
            {"type": "key", "id": "keyboard", "actions": actions}]})
        self.firefox.send("input.releaseActions", {"context": self.context})

    def screenshot(self, path: Path) -> None:
        data = self.firefox.send("browsingContext.captureScreenshot", {"context": self.context})["data"]
        Path(path).write_bytes(base64.b64decode(data))


def new_uuid() -> str:
    return str(uuid.uuid4())
