"""A real Roundcube on loopback for the e2e suites: Debian's roundcube package served by PHP's
built-in web server, a dovecot IMAP server and an SMTP sink (e2e/roundcube/smtp_sink.py), all
on free ports with every file in one temp folder; nothing system-wide is configured or started.

    webmail = Roundcube().start()              # its own temp folder, removed by stop()
    webmail.set_mode(skin="larry", html=True)   # read by Roundcube on each request
    webmail.deliver(sender=..., subject=..., text=...)   # a message in the user's INBOX
    webmail.sink.wait_for("anna@acme.example")  # what Roundcube sent
    webmail.stop()                              # by PID

System packages: e2e/system-deps.sh (`make test-deps`, as root).
"""
import email.message
import email.utils
import grp
import imaplib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

from e2e.roundcube.smtp_sink import SmtpSink

ROUNDCUBE = Path("/usr/share/roundcube")  # Debian's roundcube-core
PUBLIC_HTML = Path("/var/lib/roundcube/public_html")
DEFAULTS = Path("/etc/roundcube")  # defaults.inc.php and mimetypes.php, copied beside our config
USER, PASSWORD = "sam", "correct horse battery staple"
ADDRESS = f"{USER}@webmail.test"
SIGNATURE = "Sam Doe"
SKINS = ("elastic", "larry")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} stopped ({process.returncode}): {log.read_text()[-2000:]}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"{process.args[0]} did not listen on {port} within {timeout} s")


def missing_packages() -> list[str]:
    """What the system lacks to run this harness (empty when all is installed)."""
    needed = {"php": shutil.which("php"), "dovecot": shutil.which("dovecot") or
              (Path("/usr/sbin/dovecot").exists() or None), "roundcube": PUBLIC_HTML.is_dir() or None}
    return [name for name, found in needed.items() if not found]


class Roundcube:
    """One Roundcube + dovecot + SMTP sink; `url` is http://127.0.0.1:<port> (map a host name to it)."""

    def __init__(self, folder: Path | None = None):
        # Its own folder straight under the temp dir: dovecot's unprivileged processes must be able to
        # reach it, and pytest's tmp_path sits below folders only the owner may enter (0700).
        self.own_folder = folder is None
        self.folder = Path(tempfile.mkdtemp(prefix="followup-roundcube-") if folder is None else folder)
        self.processes: list[subprocess.Popen] = []
        self.sink = SmtpSink()
        self.imap_port = free_port()
        self.http_port = free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"

    # -- start and stop ------------------------------------------------------------------------

    def start(self) -> "Roundcube":
        missing = missing_packages()
        if missing:
            raise RuntimeError(f"missing {', '.join(missing)}: run `sudo make test-deps` "
                               "(e2e/system-deps.sh)")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o755)  # dovecot's auth process reads the password file below it
        self.sink.start()
        self._start_dovecot()
        self._start_roundcube()
        return self

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)  # each runs in its own session: its workers too
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=5)
        self.processes.clear()
        self.sink.stop()
        if self.own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _spawn(self, args: list[str], log: Path, env: dict | None = None) -> subprocess.Popen:
        with open(log, "ab") as out:
            process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       env=env, start_new_session=True)
        self.processes.append(process)
        return process

    def _mail_owner(self) -> tuple[str, str, int, int]:
        """Dovecot never serves mail as root: as root, the system's `mail` user owns the mailbox."""
        if os.geteuid() == 0:
            user = pwd.getpwnam("mail")
            return "dovenull", "dovecot", user.pw_uid, user.pw_gid
        me = pwd.getpwuid(os.geteuid())
        return me.pw_name, grp.getgrgid(me.pw_gid).gr_name, me.pw_uid, me.pw_gid

    def _start_dovecot(self) -> None:
        root = self.folder / "dovecot"
        for sub in ("run", "state", "mail"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        login_user, internal_group, uid, gid = self._mail_owner()
        internal_user = "dovecot" if os.geteuid() == 0 else login_user
        os.chown(root / "mail", uid, gid)
        (root / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        config = root / "dovecot.conf"
        config.write_text(f"""\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
first_valid_uid = 1
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
""")
        dovecot = shutil.which("dovecot") or "/usr/sbin/dovecot"
        process = self._spawn([dovecot, "-F", "-c", str(config)], root / "dovecot.out")
        wait_for_port(self.imap_port, process, root / "dovecot.out")

    def _start_roundcube(self) -> None:
        config = self.folder / "config"
        for sub in ("config", "logs", "temp"):
            (self.folder / sub).mkdir(exist_ok=True)
        for name in ("defaults.inc.php", "mimetypes.php"):
            shutil.copy(DEFAULTS / name, config / name)
        database = self.folder / "roundcube.db"
        with sqlite3.connect(database) as db:
            db.executescript((ROUNDCUBE / "SQL" / "sqlite.initial.sql").read_text())
        self.database = database
        self.set_mode()
        (config / "config.inc.php").write_text(f"""<?php
// Written by the e2e harness. mode.json (skin, editor) is read on every request, so tests
// switch them without restarting the server.
$mode = json_decode((string) @file_get_contents(__DIR__ . '/mode.json'), true) ?: [];
$config = [];
$config['db_dsnw'] = 'sqlite:///{database}?mode=0646';
$config['imap_host'] = '127.0.0.1:{self.imap_port}';
$config['smtp_host'] = '127.0.0.1:{self.sink.port}';
$config['smtp_user'] = '';
$config['smtp_pass'] = '';
$config['mail_domain'] = 'webmail.test';
$config['des_key'] = '{secrets.token_hex(12)}';
$config['plugins'] = [];
$config['log_dir'] = '{self.folder}/logs/';
$config['temp_dir'] = '{self.folder}/temp/';
$config['enable_spellcheck'] = false;
$config['enable_installer'] = false;
$config['skin'] = $mode['skin'] ?? 'elastic';
$config['htmleditor'] = empty($mode['html']) ? 0 : 1;
$config['dont_override'] = ['skin', 'htmleditor'];
""")
        env = {**os.environ, "ROUNDCUBE_CONFIG_DIR": str(config), "PHP_CLI_SERVER_WORKERS": "4"}
        process = self._spawn(["php", "-S", f"127.0.0.1:{self.http_port}", "-t", str(PUBLIC_HTML)],
                              self.folder / "logs" / "php-server.log", env=env)
        wait_for_port(self.http_port, process, self.folder / "logs" / "php-server.log")

    # -- what tests change -----------------------------------------------------------------------

    def set_mode(self, skin: str = "elastic", html: bool = False) -> None:
        """The skin and editor Roundcube uses from the next request on."""
        assert skin in SKINS, skin
        (self.folder / "config" / "mode.json").write_text(json.dumps({"skin": skin, "html": html}))

    def set_signature(self, text: str = SIGNATURE) -> None:
        """The user's signature (their identity exists once they logged in)."""
        with sqlite3.connect(self.database) as db:
            changed = db.execute("UPDATE identities SET signature = ?, html_signature = 0", (text,)).rowcount
        assert changed, "no identity yet: log in first"

    def deliver(self, sender: str, subject: str, text: str, sender_name: str = "") -> None:
        """Put a message from `sender` into the user's INBOX, as if it had been received."""
        message = email.message.EmailMessage()
        message["From"] = email.utils.formataddr((sender_name, sender))
        message["To"] = ADDRESS
        message["Subject"] = subject
        message["Date"] = email.utils.formatdate(localtime=True)
        message["Message-ID"] = email.utils.make_msgid(domain="acme.example")
        message.set_content(text)
        with imaplib.IMAP4("127.0.0.1", self.imap_port) as imap:
            imap.login(USER, PASSWORD)
            status, _ = imap.append("INBOX", "", imaplib.Time2Internaldate(time.time()), message.as_bytes())
            assert status == "OK", status
            imap.logout()

    def inbox_uid(self, subject: str) -> int:
        """The IMAP uid of the INBOX message with this subject (for Roundcube's reply URL)."""
        with imaplib.IMAP4("127.0.0.1", self.imap_port) as imap:
            imap.login(USER, PASSWORD)
            imap.select("INBOX", readonly=True)
            status, data = imap.uid("SEARCH", None, "SUBJECT", f'"{subject}"')
            imap.logout()
        uids = data[0].split()
        assert status == "OK" and uids, f"no message {subject!r} in INBOX"
        return int(uids[-1])
