"""`python -m backend` serves on loopback with waitress; `python -m backend pair` prints a code;
`export`, `import` and `restore` move the user's data (docs/data.md)."""
import argparse
import sys

from . import config, db, security

EXTENSION_HELP = """\
Load the extension: open chrome://extensions, turn on Developer mode, click "Load unpacked" and
choose the extension/ folder (Firefox: about:debugging → This Firefox → Load Temporary Add-on →
extension/manifest.json). Then open the extension's options and enter the pairing code."""


DATA_COMMANDS = ("export", "import", "restore")  # in backend/data_commands.py; docs/data.md


def pair_code(settings: dict) -> str:
    db.open_database(settings["DATABASE"])
    with db.database.connection_context():
        return security.new_pairing_code(settings["PAIRING_TTL_SECONDS"])


def serve(settings: dict) -> None:
    import waitress

    from . import create_app

    app = create_app()
    host, port = app.config["HOST"], app.config["PORT"]
    print(f"Follow-up Assistant is running at http://{host}:{port}", flush=True)
    print(f"Data: {app.config['DATABASE']}", flush=True)
    with db.database.connection_context():
        paired = security.is_paired()
    if not paired:
        print(f"Pairing code: {pair_code(settings)} (valid 10 minutes, single use)", flush=True)
        print(EXTENSION_HELP, flush=True)
    else:
        print("The extension is paired. For another browser: python -m backend pair", flush=True)
    waitress.serve(app, host=host, port=port, threads=8, ident="followup-assistant",
                   _quiet=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backend", description=__doc__)
    parser.add_argument("command", nargs="?", default="serve",
                        choices=["serve", "pair", "export", "import", "restore"])
    parser.add_argument("file", nargs="?", help="export: where to write (default: the screen); "
                        "import: an export file; restore: a backup from backups/")
    parser.add_argument("--replace", action="store_true",
                        help="import: replace the data there is (a backup is taken first)")
    args = parser.parse_args(argv)
    try:
        settings = config.load()
    except ValueError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    if args.command in DATA_COMMANDS:
        from . import data_commands
        return data_commands.COMMANDS[args.command](settings, args.file, args.replace)
    if args.command == "pair":
        print(f"Pairing code: {pair_code(settings)}")
        print("Enter it in the extension's options within 10 minutes; it works once.")
        return 0
    serve(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
