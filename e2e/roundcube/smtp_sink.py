"""An SMTP server that accepts every message and keeps it in memory: the mail Roundcube sends.

Standard library only (smtpd left Python in 3.12): a threading socketserver speaking just
what a mail client needs (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), on loopback.
"""
import email
import email.policy
import socketserver
import threading
import time
from dataclasses import dataclass


@dataclass
class Delivered:
    """One message as received: envelope and the parsed message."""
    sender: str
    recipients: list
    message: email.message.EmailMessage

    def text(self) -> str:
        """The message's plain-text body (the text/plain part of a multipart message)."""
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""

    def html(self) -> str:
        part = self.message.get_body(preferencelist=("html",))
        return part.get_content() if part is not None else ""


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        sender, recipients = "", []
        self.reply("220 sink.test ESMTP test sink")
        while True:
            line = self.rfile.readline(65536)
            if not line:
                return
            verb, _, argument = line.decode("utf-8", "replace").strip().partition(" ")
            verb = verb.upper()
            if verb == "EHLO":
                self.reply("250-sink.test")
                self.reply("250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 sink.test")
            elif verb == "MAIL":
                sender, recipients = argument.split(":", 1)[1].strip().strip("<>").split(">")[0], []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(argument.split(":", 1)[1].strip().strip("<>").split(">")[0])
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    data = self.rfile.readline(1 << 20)
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    lines.append(data[1:] if data.startswith(b"..") else data)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                self.server.sink.received(Delivered(sender, recipients, message))
                self.reply("250 OK: queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SmtpSink:
    """start() on a free loopback port; .messages holds what arrived; wait_for(n) waits for them."""

    def __init__(self):
        self.messages: list[Delivered] = []
        self._arrived = threading.Condition()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.sink = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="smtp-sink", daemon=True)

    def start(self) -> "SmtpSink":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def received(self, delivered: Delivered) -> None:
        with self._arrived:
            self.messages.append(delivered)
            self._arrived.notify_all()

    def to(self, address: str) -> list[Delivered]:
        """The messages sent to an address (each test writes to its own interviewer)."""
        return [m for m in self.messages if address in m.recipients]

    def wait_for(self, address: str, count: int = 1, timeout: float = 15) -> list[Delivered]:
        """Wait until `count` messages to address arrived; returns them (fewer on timeout)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.to(address)) < count and time.monotonic() < deadline:
                self._arrived.wait(deadline - time.monotonic())
        return self.to(address)
