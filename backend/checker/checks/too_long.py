"""too_long: about 150 words and more of the user's own (data/content.toml)."""
from ..kinds import Hit, Limit, load

SEVERITY = "warning"
WHY = ("The guide keeps follow-ups \"simple and friendly\", \"simple and polite\"; its own examples "
       "run 30 to 60 words. A long note is read later, or skimmed. Counts only the user's own "
       "words: not the quoted thread, not the signature.")
_SENTENCE = "Thank you again for the interview; I am still very interested in the role. "
FLAG = (
    _SENTENCE * 11,
)
PASS = (
    _SENTENCE * 9,
    _SENTENCE * 5 + "\n\nOn Mon, Mar 9, 2026 at 9:14 AM Anna <a@acme.com> wrote:\n"
    + "> " + _SENTENCE * 20,
)
RULE = load("content").data["too_long"]
LIMIT = Limit(RULE["maximum"], RULE["source"])


def run(draft, context):
    """One whole-draft warning past the limit."""
    if LIMIT.exceeded_by(draft.word_count):
        yield Hit(0, 0, RULE["message"].format(words=draft.word_count), RULE["suggestion"])
