"""aggressive: demands, blame, "per my last email", shouting in capitals, "!!!" and "??"."""
import re

from ..kinds import Hit, Pattern, load
from . import placeholder

SEVERITY = "error"
SUBJECT = True
WHY = ("The seed: \"being too pushy can backfire\", \"don't demand answers\", keep the tone "
       "friendly and respectful because hiring processes take time. Demands, blame, irritation "
       "and shouting harm the impression the follow-up is meant to leave.")
FLAG = (
    "I demand an answer about my application.",
    "You never replied to my last email.",
    "Per my last email, I am still interested.",
    "As I already said, I can start in May.",
    "PLEASE RESPOND to this email.",
    "Is there any update??",
    "I have been waiting for weeks!!!",
    "Just following up AGAIN on the role.",
)
PASS = (
    "I understand if you haven't had a chance to reply yet.",
    "I enjoyed meeting the HR team and learning about the API work at IBM.",
    "As I mentioned in my previous email, I'm excited about the role.",
    "You don't need to respond right away.",
    "Thank you so much for your time!",
    "Best,\nJOHN SMITH\nSENIOR DATA ENGINEER",
    "> Why haven't you responded???\nThank you for the update.",
)
BOOK = load("aggressive")
SHOUT = BOOK.data["shouting"]
ACRONYMS = frozenset(SHOUT["acronyms"])
# Words in a run are apart by spaces or commas: "CPR/BLS" and "R&D" are acronyms, not a run.
CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’]*\b(?:[ \t,;:-]+[A-Z][A-Z'’]*\b)*")
CAPS_WORD = re.compile(r"[A-Z][A-Z'’]*")
TWO_CAPITALS = re.compile(r"[A-Z]{2}")
MARKS = Pattern([BOOK.data["punctuation"]["pattern"]], case_sensitive=True)


def run(draft, context):
    """Demands, blame and stock phrases, then shouting and runs of marks."""
    yield from BOOK.hits(draft)
    yield from _shouting(draft, context)
    marks = BOOK.data["punctuation"]
    for run in MARKS.finditer(draft.text, words=draft.words):
        if "?" in run[0] or len(run[0]) >= 3:
            yield Hit(run.start(), run.end(), marks["message"], marks["suggestion"])


def _shouting(draft, context):
    """Runs of capitalised words that are not acronyms, names or a template's blank."""
    if not TWO_CAPITALS.search(draft.text):  # most drafts: no word in capitals at all
        return
    names = {w.upper() for name in context.names for w in re.findall(r"[\w'’]+", name)}
    blanks = None
    for run in CAPS_RUN.finditer(draft.text):
        loud = [w for w in CAPS_WORD.finditer(run[0])
                if len(w[0]) > 1 and w[0] not in ACRONYMS and w[0] not in names]
        if not _shouts([len(w[0]) for w in loud]):
            continue
        # A blank left in ("INSERT COMPANY NAME", "XX,XXX") is the placeholder rule's.
        blanks = blanks or [(h.start, h.end) for h in placeholder.BOOK.hits(draft)]
        if not any(s < run.end() and run.start() < e for s, e in blanks):
            start = run.start() + loud[0].start()
            yield Hit(start, run.start() + loud[-1].end(), SHOUT["message"], SHOUT["suggestion"])


def _shouts(lengths: list[int]) -> bool:
    """Shouting: one long word, two words one of them not acronym-short, or three words."""
    longest = max(lengths, default=0)
    return (longest >= SHOUT["min_long_word"] or len(lengths) >= SHOUT["min_run"]
            or (len(lengths) >= SHOUT["min_loud_words"] and longest > SHOUT["acronym_length"]))
