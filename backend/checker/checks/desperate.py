"""desperate: pleading and anything-will-do, where interest should be (data/desperate.toml)."""
from ..kinds import load

SEVERITY = "warning"
SUBJECT = True
WHY = ("The guide: \"I want to show my interest, not desperation.\" Pleading shifts the email from "
       "what you offer to what you need, and weakens the candidate it means to help.")
FLAG = (
    "I really need this job.",
    "Please, I'm begging you to reconsider.",
    "I'll do anything to get this position.",
    "Honestly I'd take any job at your company.",
    "I'm desperate to hear back.",
    "Please give me a chance, I can't afford to lose this opportunity.",
)
PASS = (
    "I'm very interested in the role and excited about the team.",
    "I'd do anything I can to help the launch go well.",
    "Any job-related questions are welcome.",
    "I'm not desperate, just curious about the timeline.",
    'My mentor said "any job teaches you something", and this one taught me a lot.',
)
BOOK = load("desperate")


def run(draft, context):
    """Each pleading phrase in the user's own words."""
    return BOOK.hits(draft)
