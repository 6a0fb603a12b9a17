"""`followup-assistant` (or `python -m backend`): serve on loopback with waitress; `pair` prints a
code; `tokens` lists and revokes paired browsers; `install`/`uninstall` register the backend with
the browsers (native messaging); `export`, `import` and `restore` move the user's data."""
import argparse
import signal
import sys
import threading

from . import config, db, security

EXTENSION_HELP = """\
Load the extension: open chrome://extensions, turn on Developer mode, click "Load unpacked" and
choose the extension/ folder (Firefox: about:debugging → This Firefox → Load Temporary Add-on →
extension/manifest.json). Then open the extension's options and enter the pairing code."""
PAIR_COMMAND = "make pair"  # what a user is told to run; `followup-assistant pair` works too

DATA_COMMANDS = ("export", "import", "restore")  # in backend/data_commands.py; docs/data.md
COMMANDS = ("serve", "pair", "tokens", "install", "uninstall", *DATA_COMMANDS)


def pair_code(settings: dict) -> str:
    db.open_database(settings["DATABASE"])
    with db.database.connection_context():
        return security.new_pairing_code(settings["PAIRING_TTL_SECONDS"])


def paired(settings: dict) -> bool:
    db.open_database(settings["DATABASE"])
    with db.database.connection_context():
        return security.is_paired()


def serve(settings: dict) -> int:
    """Serve until stopped; a second copy or a foreign program on the port gets one clear line."""
    from . import create_app, render_worker, server
    from .models import UserTemplate

    url = f"http://{settings['HOST']}:{settings['PORT']}"
    found = server.whos_there(settings["HOST"], settings["PORT"])
    if found == "ours":
        state = "paired" if paired(settings) else f"not paired yet ({PAIR_COMMAND} for a code)"
        print(f"Follow-up Assistant is already running at {url}, {state}.")
        return 0
    if found == "other":
        print(f"Another program is using {settings['HOST']}:{settings['PORT']}; stop it, or set "
              "FOLLOWUP_PORT to a free port (and the Backend URL in the extension's options).",
              file=sys.stderr)
        return 1
    app = create_app()
    try:
        listener = server.make_server(app)
    except OSError as error:
        print(f"Cannot listen on {settings['HOST']}:{settings['PORT']}: {error.strerror}.",
              file=sys.stderr)
        return 1
    print(f"Follow-up Assistant is running at {url}", flush=True)
    print(f"Data: {app.config['DATABASE']}", flush=True)
    with db.database.connection_context():
        if security.is_paired():
            print(f"The extension is paired. For another browser: {PAIR_COMMAND}", flush=True)
        elif security.has_active_code():
            print(f"A pairing code printed earlier is still valid; {PAIR_COMMAND} prints another.",
                  flush=True)
        else:
            code = security.new_pairing_code(settings["PAIRING_TTL_SECONDS"])
            print(f"Pairing code: {code} (valid 10 minutes, single use)", flush=True)
            print(EXTENSION_HELP, flush=True)
        has_templates = UserTemplate.select().exists()
    if has_templates:  # workers start beside the server, so the first draft does not wait
        threading.Thread(target=render_worker.start, name="template-workers", daemon=True).start()
    # Ctrl+C (SIGINT) stops the server however it was started: a shell without job control
    # starts background programs with SIGINT ignored, and Python then leaves it ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        listener.run()
    except KeyboardInterrupt:
        pass
    return 0


def tokens(settings: dict, revoke: int | None) -> int:
    """List the paired browsers with their last use; revoke one by its number."""
    db.open_database(settings["DATABASE"])
    with db.database.connection_context():
        if revoke is not None:
            if not security.revoke_token(revoke):
                print(f"No paired browser number {revoke}; `tokens` lists them.", file=sys.stderr)
                return 1
            print(f"Revoked {revoke}: that browser must pair again.")
            return 0
        rows = security.list_tokens()
    if not rows:
        print(f"No browser is paired. {PAIR_COMMAND} prints a code for the extension's options.")
        return 0
    print(f"{'number':>6}  {'paired on':<16}  last used")
    for row in rows:
        print(f"{row.id:>6}  {_when(row.created_at):<16}  {_when(row.last_used_at) or 'never'}")
    print("Revoke one: followup-assistant tokens --revoke NUMBER")
    return 0


def _when(moment) -> str:
    return str(moment)[:16] if moment else ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="followup-assistant", description=__doc__)
    parser.add_argument("command", nargs="?", default="serve", choices=COMMANDS)
    parser.add_argument("file", nargs="?", help="export: where to write (default: the screen); "
                        "import: an export file; restore: a backup from backups/")
    parser.add_argument("--replace", action="store_true",
                        help="import: replace the data there is (a backup is taken first)")
    parser.add_argument("--revoke", type=int, metavar="NUMBER",
                        help="tokens: revoke the paired browser with this number")
    parser.add_argument("--browser-dir", action="append", metavar="FOLDER",
                        help="install/uninstall: a NativeMessagingHosts folder to use instead "
                             "of the browsers' own (repeatable)")
    args = parser.parse_args(argv)
    if args.command in ("install", "uninstall"):
        from . import native_install
        return native_install.COMMANDS[args.command](args.browser_dir)
    try:
        settings = config.load()
    except ValueError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    if args.command in DATA_COMMANDS:
        from . import data_commands
        return data_commands.COMMANDS[args.command](settings, args.file, args.replace)
    if args.command == "tokens":
        return tokens(settings, args.revoke)
    if args.command == "pair":
        print(f"Pairing code: {pair_code(settings)}")
        print("Enter it in the extension's options within 10 minutes; it works once.")
        return 0
    return serve(settings)


if __name__ == "__main__":
    sys.exit(main())
