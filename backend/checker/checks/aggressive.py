"""aggressive: demands, blame, "per my last email", shouting in capitals, "!!!" and "??"."""
from ..capitals import shouting
from ..kinds import Hit, Pattern, load
from . import placeholder

SEVERITY = "error"
SUBJECT = True
WHY = ("The guide: \"being too pushy can backfire\", \"don't demand answers\", keep the tone "
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
    "Thank you so much for the radio silence.",
    "Is this how you treat people who give up a day for you?",
    "It's your loss.",
)
PASS = (
    "I understand if you haven't had a chance to reply yet.",
    "I enjoyed meeting the HR team and learning about the API work at IBM.",
    "Thank you for the interview at ZUMA KITCHEN yesterday.",
    "As I mentioned in my previous email, I'm excited about the role.",
    "You don't need to respond right away.",
    "Thank you so much for your time!",
    "Best,\nJOHN SMITH\nSENIOR DATA ENGINEER",
    "> Why haven't you responded???\nThank you for the update.",
    "Sorry for the radio silence on my end; I was travelling.",
    "What kind of person are you looking for in this role?",
    "How difficult would it be to move our call to Thursday?",
)
BOOK = load("aggressive")
MARKS = BOOK.data["punctuation"]
RUN_OF_MARKS = Pattern([MARKS["pattern"]], case_sensitive=True)


def run(draft, context):
    """Demands, blame and stock phrases, then shouting and runs of marks."""
    yield from BOOK.hits(draft)
    yield from shouting(draft.text, context.names,
                        lambda: [(h.start, h.end) for h in placeholder.BOOK.hits(draft)])
    for marks in RUN_OF_MARKS.finditer(draft.text, words=draft.words):
        if "?" in marks[0] or len(marks[0]) >= 3:  # "!!" is glee; "??", "?!" and "!!!" are not
            yield Hit(marks.start(), marks.end(), MARKS["message"], MARKS["suggestion"])
