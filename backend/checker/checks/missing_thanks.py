"""missing_thanks: the draft thanks no one (data/content.toml)."""
from ..context import Context
from ..kinds import Hit, Phrases, load

SEVERITY = "warning"
WHY = ("The guide's follow-up template starts with a thank you for the opportunity, and its FAQ "
       "says to thank them again for the interview. Gratitude sets a warm, professional tone.")
FLAG = (
    "Hi Anna, I wanted to check in about the Product Manager role. Any update?",
    ("Hi Anna, I have decided to move on. Best of luck with the search.",
     Context(action="move_on", is_follow_up=False)),
)
PASS = (
    "Hi Anna, thank you again for the interview. Any update on the role?",
    "I'm grateful for your time last week. Is there any news?",
    "Any update on the role?\n\nThanks,\nSam",
    "",
)
RULE = load("content").data["missing_thanks"]
PRESENT = Phrases(RULE["present"])


def run(draft, context):
    """One whole-draft warning when no word of thanks is found in the user's own words."""
    if draft.word_count and not PRESENT.present(draft.prose, draft.words):
        yield Hit(0, 0, RULE["message"], RULE["suggestion"])
