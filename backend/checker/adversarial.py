"""Bodies built to make a checker slow: what the linear-time test and the bench feed it.

Each is a short unit repeated to the length asked, aimed at one way a scan can turn quadratic:
a search from every hit to a sentence end that never comes, a mask rebuilt per quoted line, a
lookup per hit of a string in the whole draft, a regex that backtracks over a long word, a
comparison of every shouted run against every blank. One source for the test and the bench.
"""

# A polite follow-up as people write them (the bench's draft): greeting, thanks, interest, an
# offer of something useful "if it helps", a question. Repeated, it is the yardstick.
BENIGN = ("Hi Anna, I hope your week is going well. Thank you again for taking the time to meet "
          "with me last Tuesday to talk about the Product Manager role. You mentioned that you "
          "hoped to make a decision by March 13, so I wanted to check in. Since we spoke, I "
          "finished a short analysis of the onboarding funnel, and I'd be glad to share it if it "
          "would be useful. I'm still very excited about joining the team. Is there any update "
          "on the timeline, or anything else I can provide? I know these things take time, so "
          "no rush at all.\n\n")

UNITS = {
    "placeholders without spaces": "XX.",
    "placeholders with spaces": "[Name] XXX ",
    "bracket blanks": "{insert it}",
    "nested brackets": "[[[[{{{{((((<<<<>>>>))))}}}}]]]]",
    "sentence ends": ". ",
    "exclamation marks": "!",
    "question runs": "?! ",
    "one long word": "abcdefghij",
    "long words": "supercalifragilisticexpialidocious" * 4 + " ",
    "many capitals": "PLEASE RESPOND AGAIN ",
    "shouts between blanks": "AGAIN [Name] ",
    "capitals with apostrophes": "A'",
    "other offers": "another offer ",
    "deadlines": "I need an answer by Friday ",
    "threat openings": "if I don't hear back ",
    "negations": "I'm not ",
    "blame": "you never replied ",
    "quoted lines": "> a quoted line\n",
    "quoted speech": '"a" ',
    "brackets in an open quote": "'we [a] ",
    "underscores": "_",
    "closing lines": "Best,\n",
    "newlines": "\n",
    "mixed scripts": "Привет 你好 مرحبا שלום こんにちは ",
    "emoji": "👋🏽🎉 ",
    "thread markers": "On Mon Anna wrote: x\n",
    "angle brackets": "<a ",
    "apostrophes": "'’",
    "numbers": "1234567890",
    "separators": "—–…",
}


def body(unit: str, length: int) -> str:
    """`unit` repeated to exactly `length` characters."""
    return (unit * (length // len(unit) + 1))[:length]


def bodies(length: int) -> dict[str, str]:
    """Every adversarial body at `length` characters, by name."""
    return {name: body(unit, length) for name, unit in UNITS.items()}


def benign(length: int) -> str:
    """A polite follow-up repeated to `length` characters: the yardstick."""
    return body(BENIGN, length)
