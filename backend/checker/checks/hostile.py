"""hostile: insults and profanity, masked or not (data/hostile.toml)."""
from ..kinds import load

SEVERITY = "error"
SUBJECT = True
WHY = ("The guide: keep your tone \"friendly and respectful\", and \"being too pushy can "
       "backfire\". An insult or a swear word is beyond pushy: it is what the reader remembers, "
       "and it can follow the candidate well past this one role.")
FLAG = (
    "You people are idiots.",
    "F**k you sincerely.",
    "Getting to your office was a bitch.",
    "Your recruiters are clueless.",
    "I didn't want this job anyway, so joke's on you.",
    "What the hell is going on with my application?",
)
PASS = (
    "Thank you for your time; I really enjoyed the conversation.",
    "I was worried I'd made a mess of the last question, so thank you for your patience.",
    "The scunthorpe office looked great.",
    "I read your post on why shipping crafts matters.",
    "Your team seems to be growing fast.",
)
BOOK = load("hostile")


def run(draft, context):
    """Each insult or swear word in the user's own words."""
    return BOOK.hits(draft)
